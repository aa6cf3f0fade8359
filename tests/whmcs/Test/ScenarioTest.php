<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;

/**
 * The issue's "done when": clients and invoices created, paid and cancelled
 * through localAPI, with the hooks observed, on the lane's database.
 */
final class ScenarioTest extends TestCase
{
    public function testCreatePayAndCancelThroughLocalApiObservingTheHooks(): void
    {
        $this->sb->addons()->activate('sandbox_probe', ['api_key' => 'probe-secret']);
        $this->sb->configure(['ModuleDebugMode' => 'on']);
        $s = $this->sb->scenarios();

        $nl = $s->client('nl_consumer');
        $de = $s->client('eu_consumer', ['country' => 'DE']);
        $biz = $s->client('eu_business', ['country' => 'BE', 'tax_id' => 'BE0123456789']);
        $this->assertSame(['ClientAdd', 'ClientAdd', 'ClientAdd'], $this->probeEvents(['ClientAdd']));

        $this->sb->hooks()->clearLog();
        $paid = $s->invoice($nl, [['Webhosting Pro - example.nl (01/12/2026 - 31/12/2026)', '9.95', true],
            ['Domain Renewal - example.nl - 1 Year/s', '7.99', true]], ['paymentmethod' => 'mollieideal']);
        $oss = $s->invoice($de, [['VPS S', '15.00', true]]);
        $reverse = $s->invoice($biz, [['Reseller Plus', '49.00', true]]);
        $this->assertSame(
            array_merge(...array_fill(0, 3, ['InvoiceCreation', 'InvoiceCreationPreEmail', 'InvoiceCreated'])),
            $this->sb->hooks()->fired(['InvoiceCreation', 'InvoiceCreationPreEmail', 'InvoiceCreated'])
        );

        $this->assertSame(['21.000', '3.77', '21.71'], $this->taxOf($paid), 'NL: 21 %');
        $this->assertSame(['19.000', '2.85', '17.85'], $this->taxOf($oss), 'a German consumer: the German rate');
        $this->assertSame(['0.000', '0.00', '49.00'], $this->taxOf($reverse), 'a Belgian business: exempt');

        $this->sb->hooks()->clearLog();
        $payment = localAPI('AddInvoicePayment', ['invoiceid' => $paid, 'transid' => 'tr_WDqYK6vllg',
            'gateway' => 'mollieideal', 'date' => '2026-12-01 10:05:00', 'fees' => '0.29']);
        $this->assertSame(['result' => 'success'], $payment);
        $this->assertSame(
            ['AddTransaction', 'AddInvoicePayment', 'InvoicePaidPreEmail', 'EmailPreSend', 'InvoicePaid'],
            $this->sb->hooks()->fired()
        );
        $invoice = localAPI('GetInvoice', ['invoiceid' => $paid]);
        $this->assertSame(
            ['Paid', '2026-12-01 10:05:00', '0.00'],
            [$invoice['status'], $invoice['datepaid'], $invoice['balance']]
        );
        $this->assertSame('tr_WDqYK6vllg', $invoice['transactions']['transaction'][0]['transid']);

        $this->sb->hooks()->clearLog();
        $this->assertSame(
            ['result' => 'success', 'invoiceid' => $oss],
            localAPI('UpdateInvoice', ['invoiceid' => $oss, 'status' => 'Cancelled'])
        );
        $this->assertSame(['InvoiceCancelled'], $this->sb->hooks()->fired());
        $this->assertSame('Cancelled', localAPI('GetInvoice', ['invoiceid' => $oss])['status']);
        $cancelledAt = Capsule::table('tblinvoices')->where('id', $oss)->value('date_cancelled');
        $this->assertSame('2026-12-01 10:00:00', $cancelledAt);

        // What the addon (the probe) saw, in order, with WHMCS's $vars.
        $seen = $this->probe(['InvoiceCreated', 'InvoicePaid', 'InvoiceCancelled', 'typed-cancel']);
        $this->assertSame(
            ['InvoiceCreated', 'InvoiceCreated', 'InvoiceCreated', 'InvoicePaid', 'InvoiceCancelled', 'typed-cancel'],
            array_column($seen, 'event')
        );
        $this->assertSame(
            ['source' => 'api', 'user' => 1, 'invoiceid' => $paid, 'status' => 'Unpaid'],
            $seen[0]['vars']
        );
        $this->assertSame(['invoiceid' => $oss], $seen[4]['vars']);

        // Its logs: one activity line per created invoice; the module log masks the key.
        $this->assertContains('Probe saw invoice ' . $paid, $this->sb->logs()->activityText());
        $modulelog = $this->sb->logs()->module('sandbox_probe');
        $this->assertCount(3, $modulelog);
        $this->assertStringNotContainsString('probe-secret', $modulelog[0]->request . $modulelog[0]->response);
        $this->assertSame([], $this->sb->hooks()->errors());
    }

    public function testInclusivePricesAndTwoTaxLevelsThroughTheApi(): void
    {
        $this->sb->configure(['TaxType' => 'Inclusive', 'TaxL2Compound' => true]);
        $this->sb->seeder()->taxRule(2, 'NL', '5', 'Provincial');
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client('nl_consumer'), [['Hosting', '12.71', true], ['Untaxed', '1.00', false]]);
        $i = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        // 12.71 gross = net x 1.21 x 1.05: tax2 = 12.71 x 5/105 = 0.605 -> 0.61;
        // tax1 = 12.71 / (1.21 x 1.05) x 0.21 = 2.10
        $this->assertSame(
            ['21.000', '5.000', '2.10', '0.61', '11.00', '13.71'],
            [$i['taxrate'], $i['taxrate2'], $i['tax'], $i['tax2'], $i['subtotal'], $i['total']]
        );
    }

    public function testNumberingOnCreationAndOnPayment(): void
    {
        $this->sb->configure(['TaxCustomInvoiceNumbering' => true, 'TaxCustomInvoiceNumberFormat' => '{YEAR}-{NUMBER}',
            'TaxNextCustomInvoiceNumber' => '41']);
        $s = $this->sb->scenarios();
        $client = $s->client();
        $this->assertSame('2026-41', localAPI('GetInvoice', ['invoiceid' => $s->invoice($client)])['invoicenum']);
        $draft = $s->invoice($client, [['x', '1.00', true]], ['draft' => true]);
        $this->assertSame('', localAPI('GetInvoice', ['invoiceid' => $draft])['invoicenum'], 'a draft has no number');
        localAPI('UpdateInvoice', ['invoiceid' => $draft, 'publish' => true]);
        $this->assertSame('2026-42', localAPI('GetInvoice', ['invoiceid' => $draft])['invoicenum']);

        $this->sb->configure(['TaxCustomInvoiceNumbering' => false, 'SequentialInvoiceNumbering' => true,
            'SequentialInvoiceNumberValue' => '7', 'TaxSetInvoiceDateOnPayment' => true]);
        $proforma = $s->invoice($client, [['x', '1.00', true]], ['date' => '2026-11-20']);
        $this->assertSame('', localAPI('GetInvoice', ['invoiceid' => $proforma])['invoicenum']);
        $this->sb->clock->advance('+3 days');
        $s->pay($proforma);
        $i = localAPI('GetInvoice', ['invoiceid' => $proforma]);
        $this->assertSame(['7', '2026-12-04'], [$i['invoicenum'], $i['date']], 'numbered and dated when paid');
    }

    /** @return list<string> taxrate, tax, total */
    private function taxOf(int $invoice): array
    {
        $i = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        return [$i['taxrate'], $i['tax'], $i['total']];
    }
}
