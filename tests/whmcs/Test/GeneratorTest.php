<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Billing;
use WhmcsSandbox\Money;
use WhmcsSandbox\Sandbox;

/** The seeded generator: determinism, the mix it makes, and WHMCS's invariants on every invoice. */
final class GeneratorTest extends TestCase
{
    public function testTheSameSeedMakesTheSameData(): void
    {
        $first = $this->fingerprint(7);
        $this->assertSame($first, $this->fingerprint(7));
        $this->assertNotSame($first, $this->fingerprint(8));
    }

    public function testClientsCoverTheProfiles(): void
    {
        $ids = $this->sb->generator(3)->clients(300);
        $this->assertCount(300, $ids);
        $countries = Capsule::table('tblclients')->pluck('country')->unique()->all();
        foreach (['NL', 'GR', 'GB', 'US'] as $c) {
            $this->assertContains($c, $countries);
        }
        $this->assertGreaterThan(10, count($countries));
        $foundations = Capsule::table('tblclients')->where('taxexempt', 1)->where('country', 'NL')->count();
        $this->assertGreaterThan(0, $foundations);
        $greeks = Capsule::table('tblclients')->where('tax_id', 'like', 'EL%')->where('country', 'GR')->count();
        $this->assertGreaterThan(0, $greeks);
        $this->assertGreaterThan(0, Capsule::table('tblclients')->where('currency', 3)->count(), 'GBP');
        $this->assertGreaterThan(0, Capsule::table('tblclients')->where('currency', 2)->count(), 'USD');
        $this->assertGreaterThan(0, Capsule::table('tblcustomfieldsvalues')->count());
        $details = localAPI('GetClientsDetails', ['clientid' => $ids[0]]);
        $this->assertSame('success', $details['result']);
        $this->assertSame($ids[0], $details['client']['owner_user_id'] > 0 ? $ids[0] : 0);
    }

    public function testInvoicesHaveTheRealisticMixAndHoldTheInvariants(): void
    {
        $stats = $this->sb->generator(11)->invoices(3000);
        $this->assertSame(3000, Capsule::table('tblinvoices')->count());
        $this->assertSame($stats['invoices'], 3000);
        $this->assertSame($stats['items'], Capsule::table('tblinvoiceitems')->count());
        $this->assertSame($stats['transactions'], Capsule::table('tblaccounts')->count());
        $this->assertSame(150, $stats['clients']);

        $types = Capsule::table('tblinvoiceitems')->distinct()->pluck('type')->all();
        foreach (['Hosting', 'Domain', 'DomainRegister', 'PromoHosting', 'LateFee', 'AddFunds', 'Invoice', ''] as $t) {
            $this->assertContains($t, $types, "item type '$t'");
        }
        $statuses = Capsule::table('tblinvoices')->distinct()->pluck('status')->all();
        foreach (['Paid', 'Unpaid', 'Cancelled', 'Refunded'] as $s) {
            $this->assertContains($s, $statuses);
        }
        $this->assertGreaterThan(0, Capsule::table('tblinvoices')->where('credit', '<>', '0.00')->count());
        $this->assertGreaterThan(0, Capsule::table('tblaccounts')->where('refundid', '>', 0)->count(), 'refunds');
        $range = [Capsule::table('tblinvoices')->min('date'), Capsule::table('tblinvoices')->max('date')];
        $this->assertSame(['2024-12-01', '2026-12-01'], $range);

        $this->assertInvariants();
    }

    public function testInvariantsUnderInclusiveCompoundPerLineTax(): void
    {
        $this->sb->configure(['TaxType' => 'Inclusive', 'TaxL2Compound' => true, 'TaxPerLineItem' => true]);
        $this->sb->seeder()->taxRule(2, 'NL', '2.5', 'Eco');
        $this->sb->generator(12)->invoices(800);
        $this->assertGreaterThan(0, Capsule::table('tblinvoices')->where('tax2', '<>', '0.00')->count());
        $this->assertInvariants();
    }

    public function testMassPayContainersPointAtOriginalsPaidByCredit(): void
    {
        $this->sb->generator(13)->invoices(1500, ['kinds' => ['hosting' => 70, 'masspay' => 30]]);
        $containers = Capsule::table('tblinvoiceitems')->where('type', 'Invoice')->get();
        $this->assertGreaterThan(10, count($containers));
        foreach ($containers as $line) {
            $original = Capsule::table('tblinvoices')->where('id', $line->relid)->first();
            $container = Capsule::table('tblinvoices')->where('id', $line->invoiceid)->first();
            $this->assertSame('Paid', $original->status);
            $this->assertSame($container->userid, $original->userid);
            $this->assertSame('0.00', $original->total, 'paid entirely by the credit of the mass payment');
            $this->assertSame($line->amount, $original->credit);
            $this->assertSame($container->datepaid, $original->datepaid);
            $this->assertSame('0.000', $container->taxrate);
        }
    }

    public function testCustomAndPaidNumbering(): void
    {
        $this->sb->configure([
            'SequentialInvoiceNumbering' => true,
            'SequentialInvoiceNumberFormat' => 'INV-{YEAR}-{NUMBER}',
            'SequentialInvoiceNumberValue' => '100',
        ]);
        $this->sb->generator(14)->invoices(200);
        $paid = Capsule::table('tblinvoices')->where('status', 'Paid')->orderBy('id')->pluck('invoicenum')->all();
        $this->assertMatchesRegularExpression('/^INV-\d{4}-\d+$/', $paid[0]);
        $this->assertSame(
            '',
            Capsule::table('tblinvoices')->where('status', 'Unpaid')->value('invoicenum'),
            'unpaid invoices have no number yet'
        );
        $next = (int) $this->sb->settings()->get('SequentialInvoiceNumberValue');
        $numbered = Capsule::table('tblinvoices')->where('invoicenum', '<>', '')->count();
        $this->assertSame(100 + $numbered, $next);
        // A payment through WHMCS continues the sequence.
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client(), [['x', '1.00', true]]);
        $s->pay($invoice);
        $this->assertSame('INV-2026-' . $next, localAPI('GetInvoice', ['invoiceid' => $invoice])['invoicenum']);
    }

    /** subtotal + tax + tax2 = total + credit, the totals follow from the lines, the balance from the payments. */
    private function assertInvariants(): void
    {
        $mode = $this->sb->invoices()->taxMode();
        $lines = [];
        foreach (Capsule::table('tblinvoiceitems')->get(['invoiceid', 'amount', 'taxed']) as $i) {
            $lines[$i->invoiceid][] = [Money::cents($i->amount), (int) $i->taxed === 1];
        }
        $paid = [];
        foreach (Capsule::table('tblaccounts')->get(['invoiceid', 'amountin', 'amountout']) as $t) {
            $net = Money::cents($t->amountin) - Money::cents($t->amountout);
            $paid[$t->invoiceid] = ($paid[$t->invoiceid] ?? 0) + $net;
        }
        $checked = 0;
        foreach (Capsule::table('tblinvoices')->get() as $inv) {
            $sub = Money::cents($inv->subtotal);
            $total = Money::cents($inv->total);
            $credit = Money::cents($inv->credit);
            $tax = Money::cents($inv->tax);
            $tax2 = Money::cents($inv->tax2);
            $this->assertSame($sub + $tax + $tax2, $total + $credit, "invoice $inv->id");
            $t = Billing::totals(
                $lines[$inv->id],
                Money::rate($inv->taxrate),
                Money::rate($inv->taxrate2),
                $mode['inclusive'],
                $mode['compound'],
                $mode['perLine']
            );
            $this->assertSame([$t['subtotal'], $t['tax'], $t['tax2']], [$sub, $tax, $tax2]);
            $balance = $total - ($paid[$inv->id] ?? 0);
            match ($inv->status) {
                'Paid' => $this->assertLessThanOrEqual($total, $balance),
                'Refunded' => $this->assertSame($total, $balance, "refunded invoice $inv->id"),
                default => $this->assertGreaterThanOrEqual(0, $balance),
            };
            if ($inv->status === 'Paid') {
                $this->assertNotSame('0000-00-00 00:00:00', $inv->datepaid);
                $this->assertGreaterThanOrEqual($inv->date, substr($inv->datepaid, 0, 10));
            }
            $checked++;
        }
        $this->assertGreaterThan(0, $checked);
        $credits = Capsule::table('tblcredit')->get(['clientid', 'amount']);
        $byClient = [];
        foreach ($credits as $c) {
            $byClient[$c->clientid] = ($byClient[$c->clientid] ?? 0) + Money::cents($c->amount);
        }
        foreach ($byClient as $clientId => $sum) {
            $this->assertSame(
                Money::format($sum),
                Capsule::table('tblclients')->where('id', $clientId)->value('credit'),
                'client credit = the sum of its tblcredit rows'
            );
        }
    }

    private function fingerprint(int $seed): string
    {
        $sb = Sandbox::boot($this->sandboxOptions());
        $sb->generator($seed)->invoices(300);
        $rows = [];
        foreach (
            ['tblclients' => ['id', 'firstname', 'lastname', 'country', 'tax_id', 'uuid'],
            'tblinvoices' => ['id', 'userid', 'date', 'status', 'total', 'credit', 'datepaid'],
            'tblinvoiceitems' => ['invoiceid', 'type', 'relid', 'description', 'amount'],
            'tblaccounts' => ['invoiceid', 'amountin', 'amountout', 'fees', 'transid']] as $table => $cols
        ) {
            $rows[$table] = Capsule::table($table)->orderBy('id')->get($cols)->map(fn ($r) => (array) $r)->all();
        }
        return hash('sha256', json_encode($rows, JSON_THROW_ON_ERROR));
    }
}
