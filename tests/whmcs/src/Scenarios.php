<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use RuntimeException;
use WHMCS\Database\Capsule;

/**
 * Short ways to walk WHMCS's flows through localAPI and the admin/client
 * actions, so that the hooks fire as they would (unlike Generator::invoices,
 * which writes history in bulk). Amounts are decimal strings ("12.50").
 *
 *   $s = $sb->scenarios();
 *   $client = $s->client('eu_business');
 *   $invoice = $s->invoice($client, [['Webhosting Pro', '9.95', true]]);
 *   $s->payInParts($invoice, ['5.00', '7.04']);
 *
 * event() runs one of the event sequences of ../shared/ref/whmcs-platform.md
 * §4 on a fresh client and invoice and returns the hooks it fired.
 */
final class Scenarios
{
    public const EVENTS = [
        'create', 'create_draft_publish', 'pay_full', 'pay_parts', 'mass_pay', 'add_funds', 'credit_applied',
        'cancel', 'refund_full', 'refund_partial', 'gateway_change', 'mark_unpaid', 'late_fee',
    ];

    private readonly Generator $generator;

    public function __construct(private readonly Sandbox $sb, int $seed = 1)
    {
        $this->generator = new Generator($sb, $seed);
    }

    /**
     * A client of a Generator profile, added with AddClient (ClientAdd fires);
     * exempt profiles WHMCS would not exempt by itself get UpdateClient
     * taxexempt=1.
     *
     * @param array<string,mixed> $overrides AddClient fields
     */
    public function client(string $profile = 'nl_consumer', array $overrides = []): int
    {
        $d = $this->generator->clientData($profile);
        $customFields = [];
        foreach (['VAT Number' => $d['vatfield'], 'IBAN' => $d['iban']] as $name => $value) {
            $fieldId = Seeder::customFieldId($name);
            if ($fieldId !== null && $value !== '') {
                $customFields[$fieldId] = $value;
            }
        }
        $params = array_intersect_key($d, array_flip(['firstname', 'lastname', 'companyname', 'email', 'address1',
            'address2', 'city', 'state', 'postcode', 'country', 'phonenumber', 'tax_id']));
        $params['state'] = $params['state'] !== '' ? $params['state'] : $params['city'];
        $params['currency'] = (int) Capsule::table('tblcurrencies')->where('code', $d['currency_code'])->value('id');
        if ($customFields !== []) {
            $params['customfields'] = base64_encode(serialize($customFields));
        }
        $id = (int) $this->call('AddClient', $overrides + $params)['clientid'];
        if (
            $d['taxexempt'] && !array_key_exists('taxexempt', $overrides)
            && (int) Capsule::table('tblclients')->where('id', $id)->value('taxexempt') === 0
        ) {
            $this->call('UpdateClient', ['clientid' => $id, 'taxexempt' => true]);
        }
        return $id;
    }

    /**
     * An invoice made with CreateInvoice.
     *
     * @param list<array{0:string,1:string,2:bool}> $lines description, amount, taxed
     * @param array<string,mixed> $params more CreateInvoice parameters
     */
    public function invoice(int $clientId, array $lines = [['Webhosting Basic', '4.95', true]], array $params = []): int
    {
        $p = ['userid' => $clientId] + $params;
        foreach (array_values($lines) as $i => [$description, $amount, $taxed]) {
            $p['itemdescription' . ($i + 1)] = $description;
            $p['itemamount' . ($i + 1)] = $amount;
            $p['itemtaxed' . ($i + 1)] = $taxed ? 1 : 0;
        }
        return (int) $this->call('CreateInvoice', $p)['invoiceid'];
    }

    /** AddInvoicePayment (without amount: the balance). */
    public function pay(int $invoiceId, ?string $amount = null, ?string $gateway = null, ?string $transid = null): void
    {
        $p = [
            'invoiceid' => $invoiceId,
            'transid' => $transid ?? 'TX-' . $invoiceId . '-' . count($this->sb->invoices()->transactions($invoiceId)),
            'gateway' => $gateway ?? (string) $this->sb->invoices()->mustRow($invoiceId)->paymentmethod,
        ];
        if ($amount !== null) {
            $p['amount'] = $amount;
        }
        $this->call('AddInvoicePayment', $p);
    }

    /** @param list<string> $amounts */
    public function payInParts(int $invoiceId, array $amounts): void
    {
        foreach ($amounts as $amount) {
            $this->pay($invoiceId, $amount);
        }
    }

    /**
     * Mass payment from the client area: the container invoice is created and
     * paid in full, which pays the originals. Returns the container's id.
     *
     * @param list<int> $invoiceIds
     */
    public function massPay(int $clientId, array $invoiceIds, string $gateway = 'banktransfer'): int
    {
        $container = $this->sb->actions()->massPay($clientId, $invoiceIds, $gateway);
        $this->pay($container, null, $gateway);
        return $container;
    }

    /** Add Funds from the client area, paid. Returns the invoice id. */
    public function addFunds(int $clientId, string $amount, string $gateway = 'banktransfer'): int
    {
        $invoice = $this->sb->actions()->addFunds($clientId, $amount, $gateway);
        $this->pay($invoice, null, $gateway);
        return $invoice;
    }

    /** The client gets credit (AddCredit) and it is applied to the invoice (ApplyCredit). */
    public function applyCredit(int $invoiceId, string $amount): void
    {
        $clientId = (int) $this->sb->invoices()->mustRow($invoiceId)->userid;
        $this->call('AddCredit', ['clientid' => $clientId, 'description' => 'Goodwill', 'amount' => $amount]);
        $this->call('ApplyCredit', ['invoiceid' => $invoiceId, 'amount' => $amount]);
    }

    public function cancel(int $invoiceId): void
    {
        $this->call('UpdateInvoice', ['invoiceid' => $invoiceId, 'status' => 'Cancelled']);
    }

    public function markUnpaid(int $invoiceId): void
    {
        $this->call('UpdateInvoice', ['invoiceid' => $invoiceId, 'status' => 'Unpaid']);
    }

    public function changeGateway(int $invoiceId, string $gateway): void
    {
        $this->call('UpdateInvoice', ['invoiceid' => $invoiceId, 'paymentmethod' => $gateway]);
    }

    /** Refunds the invoice's first payment (all of what is left of it, or $amount). */
    public function refund(int $invoiceId, ?string $amount = null, string $method = 'manual'): int
    {
        foreach ($this->sb->invoices()->transactions($invoiceId) as $t) {
            if (Money::cents((string) $t->amountin) > 0) {
                return $this->sb->actions()->refund((int) $t->id, $amount, $method);
            }
        }
        throw new RuntimeException("invoice $invoiceId has no payment to refund");
    }

    /**
     * One event sequence on a fresh client and invoice (Webhosting Pro 9.95 +
     * a domain 7.99, both taxed): the set-up runs first, then the hook log is
     * cleared and the event runs.
     *
     * @return array{invoiceid:int,clientid:int,hooks:list<string>}
     */
    public function event(string $name, string $profile = 'nl_consumer'): array
    {
        if (!in_array($name, self::EVENTS, true)) {
            throw new \InvalidArgumentException("unknown event '$name'");
        }
        $client = $this->client($profile);
        $lines = [
            ['Webhosting Pro - example.nl', '9.95', true],
            ['Domain Registration - example.nl - 1 Year/s', '7.99', true],
        ];
        $hooks = $this->sb->hooks();
        $invoice = 0;
        $setup = match ($name) {
            'create', 'create_draft_publish', 'add_funds' => null,
            'mass_pay' => fn () => [
                $this->invoice($client, $lines),
                $this->invoice($client, [['VPS S', '15.00', true]]),
            ],
            default => fn () => $this->invoice($client, $lines),
        };
        $made = $setup === null ? null : $setup();
        if (in_array($name, ['refund_full', 'refund_partial', 'mark_unpaid'], true)) {
            $this->pay((int) $made);
        }
        $hooks->clearLog();
        switch ($name) {
            case 'create':
                $invoice = $this->invoice($client, $lines);
                break;
            case 'create_draft_publish':
                $invoice = $this->invoice($client, $lines, ['draft' => 1]);
                $this->call('UpdateInvoice', ['invoiceid' => $invoice, 'publish' => true]);
                break;
            case 'pay_full':
                $this->pay($invoice = (int) $made);
                break;
            case 'pay_parts':
                $invoice = (int) $made;
                $total = Money::cents((string) $this->sb->invoices()->mustRow($invoice)->total);
                $half = intdiv($total, 2);
                $this->payInParts($invoice, [Money::format($half), Money::format($total - $half)]);
                break;
            case 'mass_pay':
                $invoice = $this->massPay($client, $made);
                break;
            case 'add_funds':
                $invoice = $this->addFunds($client, '25.00');
                break;
            case 'credit_applied':
                $invoice = (int) $made;
                $this->applyCredit($invoice, (string) $this->sb->invoices()->mustRow($invoice)->total);
                break;
            case 'cancel':
                $this->cancel($invoice = (int) $made);
                break;
            case 'refund_full':
                $this->refund($invoice = (int) $made);
                break;
            case 'refund_partial':
                $this->refund($invoice = (int) $made, '5.00');
                break;
            case 'gateway_change':
                $this->changeGateway($invoice = (int) $made, 'paypalcheckout');
                break;
            case 'mark_unpaid':
                $this->markUnpaid($invoice = (int) $made);
                break;
            case 'late_fee':
                $this->sb->actions()->addLateFee($invoice = (int) $made, '5.00');
                break;
        }
        return ['invoiceid' => $invoice, 'clientid' => $client, 'hooks' => $hooks->fired()];
    }

    /**
     * @param array<string,mixed> $params
     * @return array<string,mixed>
     */
    private function call(string $command, array $params): array
    {
        $r = $this->sb->api($command, $params);
        if (($r['result'] ?? '') !== 'success') {
            throw new RuntimeException($command . ' failed: ' . ($r['message'] ?? 'unknown error'));
        }
        return $r;
    }
}
