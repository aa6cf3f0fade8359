<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use RuntimeException;
use WHMCS\Billing\Invoice;
use WhmcsSandbox\Sandbox;
use WhmcsSandbox\Scenarios;

/**
 * Which hooks each WHMCS event fires, in which order, with which $vars
 * (the sequences of ref §4), and how the registry orders and isolates hook
 * functions.
 */
final class HookOrderTest extends TestCase
{
    private const CREATED = ['InvoiceCreation', 'InvoiceCreationPreEmail', 'InvoiceCreated'];
    private const CREATED_MAILED = ['InvoiceCreation', 'InvoiceCreationPreEmail', 'EmailPreSend', 'InvoiceCreated'];
    private const PAID = ['InvoicePaidPreEmail', 'EmailPreSend', 'InvoicePaid'];

    /**
     * The expected hook points per event, written from ref §4 (not from the
     * sandbox's own table).
     *
     * @return array<string,array{string,list<string>}>
     */
    public static function events(): array
    {
        $payment = ['AddTransaction', 'AddInvoicePayment'];
        return [
            'create (API)' => ['create', self::CREATED],
            'draft, then published' => ['create_draft_publish', self::CREATED],
            'pay in full' => ['pay_full', [...$payment, ...self::PAID]],
            'pay in two parts' => ['pay_parts', [...$payment, ...$payment, ...self::PAID]],
            'mass pay: container created and paid, originals paid by credit inside' => ['mass_pay', [
                ...self::CREATED_MAILED, ...$payment, 'InvoicePaidPreEmail', 'EmailPreSend',
                ...self::PAID, ...self::PAID, 'InvoicePaid',
            ]],
            'add funds' => ['add_funds', [...self::CREATED_MAILED, ...$payment, ...self::PAID]],
            'credit covers the invoice' => ['credit_applied', self::PAID],
            'cancel' => ['cancel', ['InvoiceCancelled']],
            'refund in full (manual)' => ['refund_full', ['AddTransaction', 'ManualRefund', 'InvoiceRefunded']],
            'refund in part (manual)' => ['refund_partial', ['AddTransaction', 'ManualRefund']],
            'gateway change' => ['gateway_change', ['InvoiceChangeGateway']],
            'mark unpaid' => ['mark_unpaid', ['InvoiceUnpaid']],
            'late fee' => ['late_fee', ['AddInvoiceLateFee']],
        ];
    }

    /** @dataProvider events @param list<string> $expected */
    public function testEventFiresTheHooksOfWhmcsInOrder(string $event, array $expected): void
    {
        $result = $this->sb->scenarios()->event($event);
        $this->assertSame($expected, $result['hooks']);
    }

    public function testEveryScenarioEventIsCovered(): void
    {
        $this->assertEqualsCanonicalizing(Scenarios::EVENTS, array_column(self::events(), 0));
    }

    public function testInvoiceCreatedVarsAndTheReferenceCapture(): void
    {
        $client = $this->sb->scenarios()->client();
        $this->sb->hooks()->clearLog();
        $invoice = $this->sb->scenarios()->invoice($client);
        $this->assertSame(
            ['source' => 'api', 'user' => 1, 'invoiceid' => $invoice, 'status' => 'Unpaid'],
            $this->sb->hooks()->varsOf('InvoiceCreated')[0],
            'localAPI from an admin session: user is the admin id'
        );
        $this->sb->newRequest([], 0);
        $this->sb->hooks()->clearLog();
        $id = $this->sb->actions()->generateInvoice($client, [['type' => 'Hosting', 'relid' => 7,
            'description' => 'Webhosting', 'amount' => '4.95', 'taxed' => true]]);
        // As captured by the reference module's tests for a cron invoice.
        $this->assertSame(
            ['source' => 'autogen', 'user' => 'system', 'invoiceid' => $id, 'status' => 'Unpaid'],
            $this->sb->hooks()->varsOf('InvoiceCreated')[0]
        );
    }

    public function testAdminDraftFiresTheAdminAreaHookAndCreatedOnlyOnPublish(): void
    {
        $client = $this->sb->scenarios()->client();
        $this->sb->hooks()->clearLog();
        $line = ['description' => 'Work', 'amount' => '50.00', 'taxed' => true];
        $id = $this->sb->actions()->createDraft($client, [$line]);
        $this->assertSame(['InvoiceCreation', 'InvoiceCreationAdminArea'], $this->sb->hooks()->fired());
        $this->assertSame('Draft', $this->sb->hooks()->varsOf('InvoiceCreation')[0]['status']);
        $this->assertSame('adminarea', $this->sb->hooks()->varsOf('InvoiceCreation')[0]['source']);
        $this->sb->hooks()->clearLog();
        $this->sb->actions()->publish($id);
        $this->assertSame(['InvoiceCreationPreEmail', 'EmailPreSend', 'InvoiceCreated'], $this->sb->hooks()->fired());
        $this->assertSame('Unpaid', $this->sb->hooks()->varsOf('InvoiceCreated')[0]['status']);
    }

    public function testPaymentAndRefundVars(): void
    {
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client(), [['A', '100.00', false]]);
        $this->sb->hooks()->clearLog();
        $s->pay($invoice, null, 'paypalcheckout', 'PAY-1');
        $tx = $this->sb->hooks()->varsOf('AddTransaction')[0];
        $this->assertSame(['id', 'userid', 'currency', 'gateway', 'date', 'description', 'amountin', 'fees',
            'amountout', 'rate', 'transid', 'invoiceid', 'refundid'], array_keys($tx));
        $this->assertSame(
            ['paypalcheckout', '100.00', '0.00', 'PAY-1', $invoice, 0],
            [$tx['gateway'], $tx['amountin'], $tx['amountout'], $tx['transid'], $tx['invoiceid'], $tx['refundid']]
        );
        $this->assertSame([['invoiceid' => $invoice]], $this->sb->hooks()->varsOf('AddInvoicePayment'));
        $paid = $this->sb->hooks()->varsOf('InvoicePaid')[0];
        $this->assertSame($invoice, $paid['invoiceid']);
        $this->assertSame(['object' => Invoice::class], $paid['invoice'], 'InvoicePaid carries an invoice model');

        $this->sb->hooks()->clearLog();
        $refundId = $s->refund($invoice, '40.00');
        $r = $this->sb->hooks()->varsOf('AddTransaction')[0];
        $this->assertSame(
            [$refundId, '0.00', '40.00', $tx['id'], 'Refund of Transaction ID PAY-1'],
            [$r['id'], $r['amountin'], $r['amountout'], $r['refundid'], $r['description']]
        );
        $this->assertSame([['transid' => 'PAY-1', 'amount' => '40.00']], $this->sb->hooks()->varsOf('ManualRefund'));
        $this->assertSame('Paid', localAPI('GetInvoice', ['invoiceid' => $invoice])['status']);
        $this->assertSame('40.00', localAPI('GetInvoice', ['invoiceid' => $invoice])['balance']);

        $this->sb->hooks()->clearLog();
        $this->sb->actions()->refund('PAY-1', null, 'gateway');
        $this->assertSame(['AddTransaction', 'InvoiceRefunded'], $this->sb->hooks()->fired(), 'a gateway refund');
        $this->assertSame('Refunded', localAPI('GetInvoice', ['invoiceid' => $invoice])['status']);
        $this->assertSame('PAY-1-R2', $this->sb->hooks()->varsOf('AddTransaction')[0]['transid']);
    }

    public function testRefundingAnInvoicePaidInTwoPartsRefundsBothPayments(): void
    {
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client(), [['A', '10.00', false]]);
        $s->payInParts($invoice, ['4.00', '6.00']);
        $this->sb->hooks()->clearLog();
        $refunds = $this->sb->actions()->refundInvoice($invoice, 'credit');
        $this->assertCount(2, $refunds);
        $this->assertSame(['AddTransaction', 'AddTransaction', 'InvoiceRefunded'], $this->sb->hooks()->fired());
        $invoiceNow = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame(['Refunded', '10.00'], [$invoiceNow['status'], $invoiceNow['balance']]);
        $client = localAPI('GetClientsDetails', ['clientid' => $invoiceNow['userid']])['client'];
        $this->assertSame('10.00', $client['credit'], 'refunded to the client credit');
    }

    public function testTheInvoiceModelInInvoicePaidIsLoaded(): void
    {
        $seen = null;
        add_hook('InvoicePaid', 1, function (array $vars) use (&$seen): void {
            $seen = [$vars['invoice']->status, $vars['invoice']->total, $vars['invoice']->items()->count(),
                $vars['invoice']->client->country];
        });
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client('uk'), [['A', '10.00', true], ['B', '2.50', true]]);
        $s->pay($invoice);
        $this->assertSame(['Paid', '12.50', 2, 'GB'], $seen);
    }

    public function testGatewayChangeVarsAndUpdateInvoiceHookOption(): void
    {
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client());
        $this->sb->hooks()->clearLog();
        $s->changeGateway($invoice, 'mollieideal');
        $this->assertSame(
            [['invoiceid' => $invoice, 'paymentmethod' => 'mollieideal']],
            $this->sb->hooks()->varsOf('InvoiceChangeGateway')
        );
        $s->changeGateway($invoice, 'mollieideal');
        $this->assertCount(1, $this->sb->hooks()->varsOf('InvoiceChangeGateway'), 'no change, no hook');

        $quiet = Sandbox::boot(['updateInvoiceHooks' => false] + $this->sandboxOptions());
        $s = $quiet->scenarios();
        $invoice = $s->invoice($s->client());
        $quiet->hooks()->clearLog();
        $s->changeGateway($invoice, 'mollieideal');
        $s->cancel($invoice);
        $this->assertSame([], $quiet->hooks()->fired());
        $this->assertSame('Cancelled', localAPI('GetInvoice', ['invoiceid' => $invoice])['status']);
    }

    public function testUpdateInvoiceStatusPaidFiresNoPaidHooks(): void
    {
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client());
        $this->sb->hooks()->clearLog();
        localAPI('UpdateInvoice', ['invoiceid' => $invoice, 'status' => 'Paid', 'datepaid' => '2026-11-30']);
        $this->assertSame([], $this->sb->hooks()->fired());
        $this->assertSame('2026-11-30 00:00:00', localAPI('GetInvoice', ['invoiceid' => $invoice])['datepaid']);
    }

    public function testPriorityOrderAndRegistrationOrderForEqualPriorities(): void
    {
        $order = [];
        add_hook('SandboxOrder', 10, function () use (&$order) {
            $order[] = 'b10';
        });
        add_hook('SandboxOrder', 1, function () use (&$order) {
            $order[] = 'a1';
        });
        add_hook('SandboxOrder', 10, function () use (&$order) {
            $order[] = 'c10';
            return 'from c';
        });
        add_hook('SandboxOrder', -5, function () use (&$order) {
            $order[] = 'z-5';
            return ['k' => 'v'];
        });
        $results = run_hook('SandboxOrder', []);
        $this->assertSame(['z-5', 'a1', 'b10', 'c10'], $order);
        $this->assertSame([['k' => 'v'], 'from c'], $results, 'run_hook returns what the functions returned');
    }

    public function testNamedFunctionsAsHooks(): void
    {
        add_hook('SandboxNamed', 1, 'strtoupper');
        $this->assertSame([], $this->sb->hooks()->errors());
        $this->expectHookErrors();
        run_hook('SandboxNamed', ['x' => 1]);
        $this->assertCount(1, $this->sb->hooks()->errors(), 'strtoupper(array) is a TypeError, recorded');
    }

    public function testAThrowingHookIsRecordedAndTheNextStillRuns(): void
    {
        $this->expectHookErrors();
        $ran = false;
        add_hook('SandboxFail', 1, function () {
            throw new RuntimeException('boom');
        });
        add_hook('SandboxFail', 2, function () use (&$ran) {
            $ran = true;
        });
        run_hook('SandboxFail', []);
        $this->assertTrue($ran);
        $errors = $this->sb->hooks()->errors();
        $this->assertSame('SandboxFail', $errors[0]['hook']);
        $this->assertSame('RuntimeException: boom', $errors[0]['error']);
        $this->assertSame('RuntimeException: boom', $this->sb->hooks()->log()[0]['calls'][0]['error']);
    }

    public function testRethrowPolicyLetsTheExceptionOut(): void
    {
        $sb = Sandbox::boot(['hookErrors' => 'rethrow'] + $this->sandboxOptions());
        add_hook('SandboxFail', 1, function () {
            throw new RuntimeException('out');
        });
        $this->expectHookErrors();
        $this->expectExceptionMessage('out');
        $sb->hooks()->run('SandboxFail');
    }

    public function testIdsAsStringsOption(): void
    {
        $sb = Sandbox::boot(['hookIds' => 'string'] + $this->sandboxOptions());
        $s = $sb->scenarios();
        $invoice = $s->invoice($s->client());
        $s->pay($invoice);
        $this->assertSame((string) $invoice, $sb->hooks()->varsOf('InvoicePaid')[0]['invoiceid']);
        $this->assertSame((string) $invoice, $sb->hooks()->varsOf('AddTransaction')[0]['invoiceid']);
    }

    public function testEmailPreSendCanAbortAndNestedHooksAreLoggedWithDepth(): void
    {
        $abortCreated = fn (array $v) => $v['messagename'] === 'Invoice Created' ? ['abortsend' => true] : null;
        add_hook('EmailPreSend', 1, $abortCreated);
        add_hook('InvoicePaid', 1, function (array $vars): void {
            localAPI('UpdateInvoice', ['invoiceid' => $vars['invoiceid'], 'paymentmethod' => 'stripe']);
        });
        $s = $this->sb->scenarios();
        $client = $s->client();
        $line = ['description' => 'x', 'amount' => '1.00', 'taxed' => true];
        $id = $this->sb->actions()->generateInvoice($client, [$line]);
        $this->assertFalse($this->sb->emails()->all()[0]['sent']);
        $this->sb->hooks()->clearLog();
        $s->pay($id);
        $log = $this->sb->hooks()->log();
        $last = $log[count($log) - 1];
        $this->assertSame(['InvoiceChangeGateway', 1], [$last['hook'], $last['depth']], 'fired inside InvoicePaid');
        $this->assertSame('InvoicePaid', $log[count($log) - 2]['hook']);
    }
}
