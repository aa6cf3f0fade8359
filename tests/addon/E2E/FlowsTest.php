<?php

declare(strict_types=1);

namespace AcumulusAddonTest\E2E;

use AcumulusAddonTest\AddonTestCase;
use WHMCS\Module\Addon\AcumulusConnect\Actions;

/**
 * Every flow of issue 7 item 2, from the WHMCS action through the hooks, the
 * planner and the worker to what the simulator stored.
 */
final class FlowsTest extends AddonTestCase
{
    public function testCreationBooksOnceAlthoughTwoHooksFire(): void
    {
        $inv = $this->newInvoice();
        $fired = $this->sb->hooks()->fired();
        self::assertContains('InvoiceCreationPreEmail', $fired);
        self::assertContains('InvoiceCreated', $fired);
        $this->endRequest();

        $entries = $this->entries();
        self::assertCount(1, $entries);
        self::assertSame('1', (string) $entries[0]['paymentstatus']);
        self::assertSame('12.04', $this->total($entries[0]));
        $row = $this->ledgerRow($inv);
        self::assertSame('booked', $row->state);
        self::assertSame($entries[0]['token'], $row->token);
        self::assertSame((string) $entries[0]['id'], (string) $row->entryid);
        self::assertSame((string) $entries[0]['invoicenumber'], (string) $row->invoicenumber);
        self::assertSame(0, $this->pendingEvents($inv));
        self::assertStringContainsString("invoice $inv booked as Acumulus invoice {$entries[0]['invoicenumber']}", $this->activity());

        // the hooks fire again later (a re-sent creation mail, say): nothing new
        run_hook('InvoiceCreated', ['source' => 'adminarea', 'user' => 1, 'invoiceid' => $inv, 'status' => 'Unpaid']);
        $this->endRequest();
        self::assertCount(1, $this->entries());
    }

    public function testPaymentMarksThePaidDateAndAccountOfTheGateway(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->scenarios()->pay($inv, null, 'mollieideal', 'TX-1');
        $this->endRequest();

        $e = $this->entries();
        self::assertCount(1, $e);
        self::assertSame('2', (string) $e[0]['paymentstatus']);
        self::assertSame('2026-12-01', (string) $e[0]['paymentdate']);
        self::assertSame('70583', (string) $e[0]['accountid'], 'the account of the gateway paid with');
        self::assertSame('paid', $this->ledgerRow($inv)->state);
        // "use last payment method": WHMCS follows, as the previous module did
        self::assertSame('mollieideal', $this->sb->api('GetInvoice', ['invoiceid' => $inv])['paymentmethod']);
    }

    public function testWithTheCreateHookOffAPaymentBooksTheInvoiceAsPaid(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => ''] + $this->addonSettings());
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(0, $this->entries());
        self::assertSame('not_booked', $this->ledgerRow($inv)->state);
        self::assertStringContainsString('create hook is off', (string) $this->ledgerRow($inv)->notes);

        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-2');
        $this->endRequest();
        $e = $this->entries();
        self::assertCount(1, $e);
        self::assertSame('2', (string) $e[0]['paymentstatus']);
        self::assertSame('70582', (string) $e[0]['accountid']);
    }

    public function testGatewayChangeMovesTheBookingToTheNewAccount(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertSame('70582', (string) $this->entries()[0]['accountid']);
        $this->sb->scenarios()->changeGateway($inv, 'paypalcheckout');
        $this->endRequest();
        self::assertSame('147659', (string) $this->entries()[0]['accountid']);
        self::assertCount(1, $this->entries());
    }

    public function testCancellationCreditsTheInvoiceAndSettlesIt(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->scenarios()->cancel($inv);
        $this->endRequest();

        $e = $this->entries();
        self::assertCount(2, $e, 'the invoice and its credit note');
        self::assertSame('2', (string) $e[0]['paymentstatus'], 'the original is settled by the credit note');
        self::assertSame('-12.04', $this->total($e[1]));
        self::assertSame('2', (string) $e[1]['paymentstatus']);
        self::assertSame('credited', $this->ledgerRow($inv)->state);
        $credit = $this->documents($inv)[1];
        self::assertSame('credit', $credit->kind);
        self::assertSame('cancel', $credit->reason);
        self::assertStringContainsString((string) $e[0]['invoicenumber'], json_encode($e[1]['data'], JSON_UNESCAPED_UNICODE),
            'the credit note names the original');

        // cancelled again (the hook fires twice): no second credit note
        run_hook('InvoiceCancelled', ['invoiceid' => $inv]);
        $this->endRequest();
        self::assertCount(2, $this->entries());
    }

    public function testRefundsInPartAndInFullAreCreditedExactlyOnce(): void
    {
        $inv = $this->newInvoice('nl_consumer', [['Webhosting Pro', '100.00', true]]);
        $this->endRequest();
        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-3');
        $this->endRequest();

        $this->sb->scenarios()->refund($inv, '21.00');
        $this->endRequest();
        $e = $this->entries();
        self::assertCount(2, $e);
        self::assertSame('-21.00', $this->total($e[1]), 'a partial refund, to the cent');

        $this->sb->scenarios()->refund($inv); // the rest
        $this->endRequest();
        $e = $this->entries();
        self::assertCount(3, $e);
        self::assertSame('-100.00', $this->total($e[2]));
        $sum = array_sum(array_map(fn ($x) => (int) str_replace('.', '', $this->total($x)), $e));
        self::assertSame(0, $sum, 'invoice and credit notes cancel out');
        self::assertSame('credited', $this->ledgerRow($inv)->state);
    }

    public function testMarkedUnpaidAgainIsDueAgainInAcumulus(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->actions()->markPaid($inv, 'banktransfer', 'TX-4');
        $this->endRequest();
        self::assertSame('2', (string) $this->entries()[0]['paymentstatus']);
        $this->sb->actions()->markUnpaid($inv);
        $this->endRequest();
        self::assertSame('1', (string) $this->entries()[0]['paymentstatus']);
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        self::assertCount(1, $this->entries());
    }

    public function testAnEditWhileDueReplacesTheBooking(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->actions()->addLateFee($inv, '5.00');
        $this->endRequest();

        $e = $this->entries();
        self::assertCount(2, $e);
        self::assertStringStartsNotWith('0000', (string) $e[0]['deleted'], 'the old entry is in the waste bin');
        self::assertStringStartsWith('0000', (string) $e[1]['deleted']);
        $total = $this->sb->api('GetInvoice', ['invoiceid' => $inv])['total'];
        self::assertSame($total, $this->total($e[1]), 'the new booking has the new total');
        self::assertSame((string) $e[1]['id'], (string) $this->ledgerRow($inv)->entryid);
    }

    public function testAnEditAfterPaymentCreditsAndRebooks(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-5');
        $this->endRequest();
        $this->sb->actions()->addLateFee($inv, '5.00');
        $this->endRequest();

        $e = $this->entries();
        self::assertCount(3, $e, 'invoice, credit note, new invoice');
        foreach ($e as $x) {
            self::assertStringStartsWith('0000', (string) $x['deleted'], 'nothing paid goes to the waste bin');
        }
        self::assertSame('-12.04', $this->total($e[1]));
    }

    public function testMassPaymentAndAddFundsInvoicesAreNotRevenue(): void
    {
        $s = $this->sb->scenarios();
        $client = $s->client('nl_consumer');
        $a = $s->invoice($client, [['Hosting A', '10.00', true]]);
        $b = $s->invoice($client, [['Hosting B', '20.00', true]]);
        $this->endRequest();
        self::assertCount(2, $this->entries());

        $container = $s->massPay($client, [$a, $b]);
        $this->endRequest();
        $funds = $s->addFunds($client, '50.00');
        $this->endRequest();

        $e = $this->entries();
        self::assertCount(2, $e, 'neither the mass-payment invoice nor the add-funds invoice is booked');
        self::assertSame('2', (string) $e[0]['paymentstatus'], 'the invoices the mass payment paid are paid');
        self::assertSame('2', (string) $e[1]['paymentstatus']);
        self::assertSame('skipped', $this->ledgerRow($container)->state);
        self::assertSame('mass-payment', $this->ledgerRow($container)->skipped_reason);
        self::assertSame('add-funds', $this->ledgerRow($funds)->skipped_reason);

        // sending them by hand maps them again, and settles: still not revenue
        self::assertSame('done', (new Actions())->send($funds));
        self::assertSame('done', (new Actions())->send($container));
        self::assertSame('skipped', $this->ledgerRow($funds)->state);
        self::assertSame(0, $this->pendingEvents($funds));
        self::assertCount(2, $this->entries());
    }

    public function testManualSendAndResend(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => ''] + $this->addonSettings());
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(0, $this->entries());

        $actions = new Actions();
        self::assertSame('done', $actions->send($inv));
        self::assertCount(1, $this->entries());
        self::assertSame('done', $actions->send($inv));
        self::assertCount(1, $this->entries(), 'a second send of a booked invoice sends nothing');

        self::assertSame('done', $actions->resend($inv));
        $e = $this->entries();
        self::assertCount(2, $e);
        self::assertStringStartsNotWith('0000', (string) $e[0]['deleted'], 'resend: the old entry went to the waste bin');
        self::assertSame((string) $e[1]['id'], (string) $this->ledgerRow($inv)->entryid);
        self::assertSame([], self::$sim->state('mails')[\AcuSim\Simulator::CONTRACT] ?? [], 'nothing sent by hand is mailed');
    }

    public function testABatchOfHistoricInvoicesIsBookedByTheCron(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => '', 'acumulus_emailaspdf' => 'on'] + $this->addonSettings());
        $ids = [];
        for ($i = 0; $i < 12; $i++) {
            $ids[] = $this->newInvoice();
        }
        $this->endRequest();
        self::assertCount(0, $this->entries());
        $actions = new Actions();
        foreach ($ids as $id) {
            self::assertSame('queued', $actions->send($id, false));
        }
        $this->sb->cron()->run();
        self::assertCount(12, $this->entries());
        self::assertSame([], self::$sim->state('mails')[\AcuSim\Simulator::CONTRACT] ?? [], 'a batch e-mails nobody');
    }

    public function testABatchSentConcurrentlyKeepsEachOutcomeInItsPlace(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => ''] + $this->addonSettings());
        $ids = [];
        for ($i = 0; $i < 20; $i++) {
            $ids[] = $this->newInvoice('nl_consumer', [['Hosting ' . $i, sprintf('%d.00', 10 + $i), true]]);
        }
        $this->endRequest();
        $actions = new Actions();
        foreach ($ids as $id) {
            $actions->send($id, false);
        }
        self::$sim->setFault('invoices/invoice_add', '503', 1, ['after' => 7]);
        self::$sim->setLatency(50);
        self::$sim->resetCounters();
        $seen = [];
        $outcomes = (new \WHMCS\Module\Addon\AcumulusConnect\Worker())->processMany($ids, 8,
            static function (int $id, string $outcome) use (&$seen): void {
                $seen[] = $id;
            });
        self::assertSame($ids, array_keys($outcomes));
        self::assertEqualsCanonicalizing($ids, $seen);
        $counts = array_count_values($outcomes);
        self::assertSame(['done' => 19, 'retry' => 1], $counts);
        self::assertCount(19, $this->entries());
        $failedId = array_search('retry', $outcomes, true);
        self::assertSame('queued', $this->ledgerRow($failedId)->state);
        foreach ($this->entries() as $e) {
            // each booking carries its own invoice: totals 10..29 ex VAT
            $ex = (string) $e['total_ex'];
            self::assertMatchesRegularExpression('/^(1\d|2\d)\.00$/', $ex);
        }
        $c = self::$sim->counters();
        self::assertArrayHasKey('invoices/invoice_add', $c['handshakes']);
        self::assertLessThanOrEqual(8, $c['handshakes']['invoices/invoice_add'], 'at most one connection per concurrent call, reused');

        $this->laterCron();
        self::assertCount(20, $this->entries());
        self::assertSame(20, count(array_unique(array_map(static fn ($e) => (string) $e['total_ex'], $this->entries()))));
    }
}
