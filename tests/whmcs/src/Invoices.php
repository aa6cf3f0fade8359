<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use InvalidArgumentException;
use WHMCS\Billing\Invoice as InvoiceModel;
use WHMCS\Database\Capsule;

/**
 * What WHMCS does to invoices: create, recalculate, pay, apply credit, refund,
 * cancel, mark unpaid, change gateway, late fees, mass pay, add funds. Each
 * action writes the tables and fires the hooks in the order of
 * HookSequences; the localAPI commands and the Actions call these.
 *
 * Amounts are integer cents here; rows hold 2-decimal strings.
 */
final class Invoices
{
    public const STATUSES = ['Draft', 'Unpaid', 'Paid', 'Cancelled', 'Refunded', 'Collections', 'Payment Pending'];
    /** Statuses in which a payment or credit completes the invoice. */
    private const PAYABLE = ['Unpaid', 'Payment Pending', 'Collections'];
    public const ZERO_DATETIME = '0000-00-00 00:00:00';

    public function __construct(private readonly Sandbox $sb)
    {
    }

    // ---------------------------------------------------------------- reading

    public function row(int $id): ?object
    {
        return Capsule::table('tblinvoices')->where('id', $id)->first();
    }

    public function mustRow(int $id): object
    {
        return $this->row($id) ?? throw new InvalidArgumentException('Invoice ID Not Found');
    }

    /** @return list<object> */
    public function items(int $id): array
    {
        return Capsule::table('tblinvoiceitems')->where('invoiceid', $id)->orderBy('id')->get()->all();
    }

    /** @return list<object> tblaccounts rows of the invoice, oldest first */
    public function transactions(int $id): array
    {
        return Capsule::table('tblaccounts')->where('invoiceid', $id)->orderBy('id')->get()->all();
    }

    /** What is paid on the invoice: Σ amountin − Σ amountout, in cents. */
    public function paidCents(int $id): int
    {
        $paid = 0;
        foreach ($this->transactions($id) as $t) {
            $paid += Money::cents((string) $t->amountin) - Money::cents((string) $t->amountout);
        }
        return $paid;
    }

    /** total − payments + refunds, in cents (GetInvoice's balance). */
    public function balanceCents(int $id): int
    {
        return Money::cents((string) $this->mustRow($id)->total) - $this->paidCents($id);
    }

    /** @return array{inclusive:bool,compound:bool,perLine:bool} */
    public function taxMode(): array
    {
        $s = $this->sb->settings();
        return [
            'inclusive' => $s->get('TaxType', 'Exclusive') === 'Inclusive',
            'compound' => $s->isOn('TaxL2Compound'),
            'perLine' => $s->isOn('TaxPerLineItem'),
        ];
    }

    /**
     * The tax rates WHMCS would freeze on a new invoice for this client: the
     * tbltax rule of each level that matches the client's country and state
     * best (country+state, then country, then a rule for all countries); 0 for
     * an exempt client or when TaxEnabled is off.
     *
     * @return array{0:int,1:int} thousandths of a percent
     */
    public function ratesFor(object $client): array
    {
        if (!$this->sb->settings()->isOn('TaxEnabled') || (int) $client->taxexempt === 1) {
            return [0, 0];
        }
        return self::matchRates(self::taxRules(), (string) $client->country, (string) $client->state);
    }

    /** @return list<array{level:int,country:string,state:string,rate:int}> tbltax, in id order */
    public static function taxRules(): array
    {
        $rules = [];
        foreach (Capsule::table('tbltax')->orderBy('id')->get() as $r) {
            $rules[] = ['level' => (int) $r->level, 'country' => (string) $r->country, 'state' => (string) $r->state,
                'rate' => Money::rate((string) $r->taxrate)];
        }
        return $rules;
    }

    /**
     * The best rule of each level for a country and state: country + state
     * beats country beats a rule for all countries; the first of equals wins.
     *
     * @param list<array{level:int,country:string,state:string,rate:int}> $rules
     * @return array{0:int,1:int}
     */
    public static function matchRates(array $rules, string $country, string $state): array
    {
        $rates = [0, 0];
        $scores = [-1, -1];
        foreach ($rules as $rule) {
            $level = $rule['level'] - 1;
            if (
                ($level !== 0 && $level !== 1)
                || ($rule['country'] !== '' && $rule['country'] !== $country)
                || ($rule['state'] !== '' && strcasecmp($rule['state'], $state) !== 0)
            ) {
                continue;
            }
            $score = ($rule['country'] !== '' ? 2 : 0) + ($rule['state'] !== '' ? 1 : 0);
            if ($score > $scores[$level]) {
                $rates[$level] = $rule['rate'];
                $scores[$level] = $score;
            }
        }
        return $rates;
    }

    public function client(int $id): object
    {
        return Capsule::table('tblclients')->where('id', $id)->first()
            ?? throw new InvalidArgumentException('Client ID Not Found');
    }

    // ---------------------------------------------------------------- creating

    /**
     * Creates an invoice and fires InvoiceCreation … InvoiceCreated (or only
     * InvoiceCreation for a draft).
     *
     * @param array<string,mixed> $invoice userid (required), date, duedate, paymentmethod, notes,
     *        status, taxrate / taxrate2 (rate units; null = from tbltax)
     * @param list<array<string,mixed>> $items description, amount (cents), taxed (bool),
     *        type (''), relid (0), duedate
     * @param array<string,mixed> $how source ('api', 'autogen', 'adminarea', 'clientarea'),
     *        user ('system' or admin id), draft, email, admin, autoapplycredit
     */
    public function create(array $invoice, array $items, array $how = []): int
    {
        $how += ['source' => 'api', 'user' => 'system', 'draft' => false, 'email' => false, 'admin' => false,
            'autoapplycredit' => false];
        $client = $this->client((int) $invoice['userid']);
        $today = $this->sb->clock->date();
        [$rate1, $rate2] = $this->ratesFor($client);
        $status = $how['draft'] ? 'Draft' : (string) ($invoice['status'] ?? 'Unpaid');
        if (!in_array($status, self::STATUSES, true)) {
            throw new InvalidArgumentException('Invalid status ' . $status);
        }
        $gateway = (string) ($invoice['paymentmethod'] ?? '');
        if ($gateway === '') {
            $gateway = $this->defaultGateway($client);
        }
        $row = [
            'userid' => (int) $client->id,
            'invoicenum' => (string) ($invoice['invoicenum'] ?? ''),
            'date' => (string) ($invoice['date'] ?? $today),
            'duedate' => (string) ($invoice['duedate'] ?? ($invoice['date'] ?? $today)),
            'datepaid' => self::ZERO_DATETIME,
            'last_capture_attempt' => self::ZERO_DATETIME,
            'date_refunded' => self::ZERO_DATETIME,
            'date_cancelled' => self::ZERO_DATETIME,
            'subtotal' => '0.00', 'credit' => '0.00', 'tax' => '0.00', 'tax2' => '0.00', 'total' => '0.00',
            'taxrate' => Money::formatRate($invoice['taxrate'] ?? $rate1),
            'taxrate2' => Money::formatRate($invoice['taxrate2'] ?? $rate2),
            'status' => $status,
            'paymentmethod' => $gateway,
            'paymethodid' => null,
            'notes' => (string) ($invoice['notes'] ?? ''),
            'created_at' => $this->sb->clock->datetime(),
            'updated_at' => $this->sb->clock->datetime(),
        ];
        $id = 0;
        $flags = ['admin' => (bool) $how['admin'], 'email' => (bool) $how['email']];
        HookSequences::run(
            $this->sb->hooks(),
            $how['draft'] ? 'invoice.create.draft' : 'invoice.create',
            $flags,
            function (string $hook) use (&$id, $how): array {
                return ['source' => $how['source'], 'user' => $how['user'], 'invoiceid' => $id,
                    'status' => (string) $this->mustRow($id)->status];
            },
            [
                'insert' => function () use (&$id, $row, $items, $client, $status): void {
                    if ($status !== 'Draft' && $row['invoicenum'] === '') {
                        $row['invoicenum'] = $this->nextCustomNumber($row['date']);
                    }
                    $id = (int) Capsule::table('tblinvoices')->insertGetId($row);
                    foreach ($items as $item) {
                        $this->insertItem($id, (int) $client->id, $row['paymentmethod'], $row['duedate'], $item);
                    }
                    Capsule::table('tblinvoicedata')->insert([
                        'invoice_id' => $id, 'country' => (string) $client->country,
                        'created_at' => $this->sb->clock->datetime(), 'updated_at' => $this->sb->clock->datetime(),
                    ]);
                    $this->recalculate($id);
                },
                // $id is set by 'insert': these need it by reference, not an arrow fn's copy.
                'recalculate' => function () use (&$id): void {
                    $this->recalculate($id);
                },
                'email' => function () use (&$id): void {
                    $this->sb->emails()->send('Invoice Created', $id);
                },
            ]
        );
        if ($how['autoapplycredit'] && !$how['draft']) {
            $available = Money::cents((string) $this->client((int) $client->id)->credit);
            $amount = min($available, $this->balanceCents($id));
            if ($amount > 0) {
                $this->applyCredit($id, $amount);
            }
        }
        return $id;
    }

    /** @param array<string,mixed> $item */
    public function insertItem(int $invoiceId, int $userId, string $gateway, ?string $duedate, array $item): int
    {
        return (int) Capsule::table('tblinvoiceitems')->insertGetId([
            'invoiceid' => $invoiceId,
            'userid' => $userId,
            'type' => (string) ($item['type'] ?? ''),
            'relid' => (int) ($item['relid'] ?? 0),
            'description' => (string) ($item['description'] ?? ''),
            'amount' => Money::format((int) ($item['amount'] ?? 0)),
            'taxed' => empty($item['taxed']) ? 0 : 1,
            'duedate' => $item['duedate'] ?? $duedate,
            'paymentmethod' => $gateway,
            'notes' => '',
        ]);
    }

    /**
     * Recomputes subtotal, tax, tax2 and total from the lines and the frozen
     * rates (Billing::totals), keeping the applied credit: total = gross − credit.
     */
    public function recalculate(int $id): void
    {
        $invoice = $this->mustRow($id);
        $lines = [];
        foreach ($this->items($id) as $item) {
            $lines[] = [Money::cents((string) $item->amount), (int) $item->taxed === 1];
        }
        $mode = $this->taxMode();
        $t = Billing::totals(
            $lines,
            Money::rate((string) $invoice->taxrate),
            Money::rate((string) $invoice->taxrate2),
            $mode['inclusive'],
            $mode['compound'],
            $mode['perLine']
        );
        $credit = Money::cents((string) $invoice->credit);
        Capsule::table('tblinvoices')->where('id', $id)->update([
            'subtotal' => Money::format($t['subtotal']),
            'tax' => Money::format($t['tax']),
            'tax2' => Money::format($t['tax2']),
            'total' => Money::format($t['gross'] - $credit),
            'updated_at' => $this->sb->clock->datetime(),
        ]);
    }

    /** A draft is published: status Unpaid, then InvoiceCreationPreEmail … InvoiceCreated. */
    public function publish(int $id, bool $email, string $source = 'api', string|int $user = 'system'): void
    {
        $invoice = $this->mustRow($id);
        if ($invoice->status !== 'Draft') {
            throw new InvalidArgumentException('Invoice must be in Draft status to be published');
        }
        $flags = ['email' => $email];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.publish',
            $flags,
            fn (string $hook): array => ['source' => $source, 'user' => $user, 'invoiceid' => $id,
                'status' => (string) $this->mustRow($id)->status],
            [
                'publish' => function () use ($id, $invoice): void {
                    $update = ['status' => 'Unpaid', 'updated_at' => $this->sb->clock->datetime()];
                    if ((string) $invoice->invoicenum === '') {
                        $update['invoicenum'] = $this->nextCustomNumber((string) $invoice->date);
                    }
                    Capsule::table('tblinvoices')->where('id', $id)->update($update);
                },
                'email' => fn () => $this->sb->emails()->send('Invoice Created', $id),
            ]
        );
    }

    /**
     * Changes lines (UpdateInvoice, or any edit): $change runs, totals are
     * recalculated, UpdateInvoiceTotal fires.
     */
    public function editItems(int $id, callable $change): void
    {
        $flags = [];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.items',
            $flags,
            fn (string $hook): array => ['invoiceid' => $id],
            ['update' => $change, 'recalculate' => fn () => $this->recalculate($id)]
        );
    }

    /** Adds a LateFee line (taxed when TaxLateFee is on) and fires AddInvoiceLateFee. */
    public function addLateFee(int $id, int $cents, ?string $description = null): int
    {
        $invoice = $this->mustRow($id);
        $itemId = 0;
        $description ??= 'Late Fee (Added ' . Dates::fromMySql($this->sb, $this->sb->clock->date()) . ')';
        $flags = [];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.latefee',
            $flags,
            fn (string $hook): array => ['invoiceid' => $id],
            [
                'update' => function () use (&$itemId, $id, $invoice, $cents, $description): void {
                    $itemId = $this->insertItem(
                        $id,
                        (int) $invoice->userid,
                        (string) $invoice->paymentmethod,
                        (string) $invoice->duedate,
                        ['type' => 'LateFee', 'description' => $description,
                        'amount' => $cents,
                        'taxed' => $this->sb->settings()->isOn('TaxLateFee')]
                    );
                },
                'recalculate' => fn () => $this->recalculate($id),
            ]
        );
        return $itemId;
    }

    // ---------------------------------------------------------------- paying

    /**
     * A payment: the tblaccounts row, AddTransaction, AddInvoicePayment and,
     * when nothing is left to pay, the paid sequence. Returns the transaction id.
     */
    public function addPayment(
        int $id,
        string $transid,
        string $gateway,
        ?string $date = null,
        ?int $amount = null,
        int $fees = 0,
        bool $email = true
    ): int {
        $invoice = $this->mustRow($id);
        if ($invoice->status === 'Cancelled') {
            throw new InvalidArgumentException('It is not possible to add a payment to an invoice that is Cancelled');
        }
        $date ??= $this->sb->clock->datetime();
        $amount ??= $this->balanceCents($id);
        $payment = [
            'userid' => (int) $invoice->userid, 'gateway' => $gateway, 'date' => $date,
            'description' => 'Invoice Payment', 'amountin' => $amount, 'fees' => $fees,
            'amountout' => 0, 'transid' => $transid, 'invoiceid' => $id,
        ];
        $txId = 0;
        $flags = ['paid' => false];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.payment',
            $flags,
            function (string $hook) use (&$txId, $id): array {
                return $hook === 'AddTransaction' ? $this->transactionVars($txId) : ['invoiceid' => $id];
            },
            [
                'record' => function () use (&$txId, &$flags, $id, $invoice, $payment) {
                    $txId = $this->insertTransaction($payment);
                    $flags['paid'] = in_array((string) $invoice->status, self::PAYABLE, true)
                        && $this->balanceCents($id) <= 0;
                },
                'paid' => fn () => $this->paid($id, $date, $email),
            ]
        );
        return $txId;
    }

    /**
     * Applies client credit: invoice credit up and total down by $cents (so
     * subtotal + tax + tax2 = total + credit holds), client balance down, a
     * tblcredit row; the paid sequence when nothing is left. Returns whether
     * the invoice is now paid.
     */
    public function applyCredit(int $id, int $cents, bool $email = true): bool
    {
        $invoice = $this->mustRow($id);
        Capsule::table('tblinvoices')->where('id', $id)->update([
            'credit' => Money::format(Money::cents((string) $invoice->credit) + $cents),
            'total' => Money::format(Money::cents((string) $invoice->total) - $cents),
            'updated_at' => $this->sb->clock->datetime(),
        ]);
        $this->addClientCredit((int) $invoice->userid, -$cents, 'Credit Applied to Invoice #' . $id, $id);
        if (in_array((string) $invoice->status, self::PAYABLE, true) && $this->balanceCents($id) <= 0) {
            $this->paid($id, $this->sb->clock->datetime(), $email);
            return true;
        }
        return false;
    }

    /** Adds (or with a negative amount, takes) client credit, with its tblcredit row. */
    public function addClientCredit(int $clientId, int $cents, string $description, int $relid = 0): void
    {
        $client = $this->client($clientId);
        Capsule::table('tblclients')->where('id', $clientId)->update([
            'credit' => Money::format(Money::cents((string) $client->credit) + $cents),
        ]);
        Capsule::table('tblcredit')->insert([
            'clientid' => $clientId,
            'admin_id' => (int) ($_SESSION['adminid'] ?? 0),
            'date' => $this->sb->clock->date(),
            'description' => $description,
            'amount' => Money::format($cents),
            'relid' => $relid,
        ]);
    }

    /**
     * Paid in full: status Paid and datepaid, paid-invoice numbering,
     * InvoicePaidPreEmail, the receipt, automation, InvoicePaid.
     */
    private function paid(int $id, string $datePaid, bool $email): void
    {
        $flags = ['email' => $email];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.paid',
            $flags,
            fn (string $hook): array => $hook === 'InvoicePaid'
                ? ['invoiceid' => $id, 'invoice' => InvoiceModel::find($id)]
                : ['invoiceid' => $id],
            [
                'markPaid' => function () use ($id, $datePaid): void {
                    $invoice = $this->mustRow($id);
                    $update = ['status' => 'Paid', 'datepaid' => $datePaid,
                        'updated_at' => $this->sb->clock->datetime()];
                    $settings = $this->sb->settings();
                    if ($settings->isOn('SequentialInvoiceNumbering') && (string) $invoice->invoicenum === '') {
                        $update['invoicenum'] = $this->nextNumber(
                            'SequentialInvoiceNumberFormat',
                            'SequentialInvoiceNumberValue',
                            substr($datePaid, 0, 10)
                        );
                    }
                    if ($settings->isOn('TaxSetInvoiceDateOnPayment')) {
                        $update['date'] = substr($datePaid, 0, 10);
                    }
                    Capsule::table('tblinvoices')->where('id', $id)->update($update);
                },
                'email' => fn () => $this->sb->emails()->send('Invoice Payment Confirmation', $id),
                'automation' => fn () => $this->automation($id),
            ]
        );
    }

    /**
     * What runs after payment for special lines: AddFunds lines become client
     * credit; a mass-pay invoice (lines of type Invoice) pays each original
     * invoice with credit, so each of those fires its own paid sequence.
     */
    private function automation(int $id): void
    {
        $invoice = $this->mustRow($id);
        foreach ($this->items($id) as $item) {
            $cents = Money::cents((string) $item->amount);
            if ($item->type === 'AddFunds') {
                $this->addClientCredit((int) $invoice->userid, $cents, 'Add Funds Invoice #' . $id, $id);
            } elseif ($item->type === 'Invoice') {
                $original = $this->row((int) $item->relid);
                if ($original === null || !in_array((string) $original->status, self::PAYABLE, true)) {
                    continue;
                }
                $due = min($cents, $this->balanceCents((int) $original->id));
                $this->addClientCredit(
                    (int) $invoice->userid,
                    $due,
                    'Mass Invoice Payment Credit for Invoice #' . $original->id,
                    $id
                );
                $this->applyCredit((int) $original->id, $due);
            }
        }
    }

    // ---------------------------------------------------------------- refunds

    /**
     * Refunds (part of) a payment, as the admin invoice page does: a
     * tblaccounts row with amountout and refundid = the original transaction,
     * AddTransaction, ManualRefund for a manual refund, and InvoiceRefunded
     * when nothing paid is left on a Paid invoice.
     *
     * @param 'manual'|'gateway'|'credit' $method 'credit' adds the amount to the client's credit
     * @return int the id of the refund transaction
     */
    public function refund(
        int $transactionId,
        ?int $amount = null,
        string $method = 'manual',
        ?string $refundTransId = null
    ): int {
        $original = Capsule::table('tblaccounts')->where('id', $transactionId)->first()
            ?? throw new InvalidArgumentException('Transaction ID Not Found');
        $paidIn = Money::cents((string) $original->amountin);
        if ($paidIn <= 0) {
            throw new InvalidArgumentException('Only a payment can be refunded');
        }
        $refunded = 0;
        foreach (Capsule::table('tblaccounts')->where('refundid', $transactionId)->get() as $r) {
            $refunded += Money::cents((string) $r->amountout);
        }
        $refundable = $paidIn - $refunded;
        $amount ??= $refundable;
        if ($amount <= 0 || $amount > $refundable) {
            throw new InvalidArgumentException('Refund amount must be between 0.01 and ' . Money::format($refundable));
        }
        if (!in_array($method, ['manual', 'gateway', 'credit'], true)) {
            throw new InvalidArgumentException("unknown refund method '$method'");
        }
        $invoiceId = (int) $original->invoiceid;
        $refundTransId ??= $method === 'gateway' ? $original->transid . '-R' . ($refunded > 0 ? '2' : '1') : '';
        $txId = 0;
        $flags = ['manual' => $method === 'manual', 'refunded' => false];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.refund',
            $flags,
            function (string $hook) use (&$txId, $invoiceId, $original, $amount): array {
                return match ($hook) {
                    'AddTransaction' => $this->transactionVars($txId),
                    'ManualRefund' => ['transid' => (string) $original->transid, 'amount' => Money::format($amount)],
                    default => ['invoiceid' => $invoiceId],
                };
            },
            [
                'record' => function () use (&$txId, &$flags, $original, $amount, $method, $refundTransId, $invoiceId) {
                    $txId = $this->insertTransaction([
                        'userid' => (int) $original->userid, 'currency' => (int) $original->currency,
                        'gateway' => (string) $original->gateway, 'date' => $this->sb->clock->datetime(),
                        'description' => 'Refund of Transaction ID ' . $original->transid,
                        'amountin' => 0, 'fees' => 0, 'amountout' => $amount,
                        'rate' => (string) $original->rate, 'transid' => $refundTransId,
                        'invoiceid' => $invoiceId, 'refundid' => (int) $original->id,
                    ]);
                    if ($method === 'credit') {
                        $this->addClientCredit(
                            (int) $original->userid,
                            $amount,
                            'Credit from Refund of Invoice ID ' . $invoiceId,
                            $invoiceId
                        );
                    }
                    $invoice = $invoiceId > 0 ? $this->row($invoiceId) : null;
                    $flags['refunded'] = $invoice !== null && $invoice->status === 'Paid'
                        && $this->paidCents($invoiceId) <= 0;
                },
                'markRefunded' => fn () => $this->markRefunded($invoiceId),
            ]
        );
        return $txId;
    }

    // ---------------------------------------------------------------- status

    /**
     * Sets the status as UpdateInvoice or an admin button does, with the hook
     * WHMCS fires for it: Cancelled → InvoiceCancelled, Unpaid →
     * InvoiceUnpaid, Refunded → InvoiceRefunded. Paid set this way fires no
     * hook (a payment does). Returns whether anything changed.
     */
    public function setStatus(int $id, string $status, bool $hooks = true, ?string $datePaid = null): bool
    {
        if (!in_array($status, self::STATUSES, true)) {
            throw new InvalidArgumentException('Invalid status ' . $status);
        }
        $invoice = $this->mustRow($id);
        if ($invoice->status === $status) {
            return false;
        }
        $event = ['Cancelled' => 'invoice.cancel', 'Unpaid' => 'invoice.unpaid', 'Refunded' => 'invoice.refunded'];
        $markers = [
            'markCancelled' => fn () => $this->update($id, ['status' => 'Cancelled',
                'date_cancelled' => $this->sb->clock->datetime()]),
            'markUnpaid' => fn () => $this->update($id, ['status' => 'Unpaid', 'datepaid' => self::ZERO_DATETIME]),
            'markRefunded' => fn () => $this->markRefunded($id),
        ];
        if ($hooks && isset($event[$status])) {
            $flags = [];
            $vars = fn (string $h): array => ['invoiceid' => $id];
            HookSequences::run($this->sb->hooks(), $event[$status], $flags, $vars, $markers);
            return true;
        }
        $update = ['status' => $status];
        if ($status === 'Paid') {
            $update['datepaid'] = $datePaid ?? $this->sb->clock->datetime();
        } elseif ($status === 'Cancelled') {
            $update['date_cancelled'] = $this->sb->clock->datetime();
        } elseif ($status === 'Refunded') {
            $update['date_refunded'] = $this->sb->clock->datetime();
        }
        $this->update($id, $update);
        return true;
    }

    /** The payment method changes; InvoiceChangeGateway fires when it really changed. */
    public function changeGateway(int $id, string $gateway, bool $hooks = true): bool
    {
        $invoice = $this->mustRow($id);
        if ($invoice->paymentmethod === $gateway) {
            return false;
        }
        $update = fn () => $this->update($id, ['paymentmethod' => $gateway]);
        if (!$hooks) {
            $update();
            return true;
        }
        $flags = [];
        HookSequences::run(
            $this->sb->hooks(),
            'invoice.gateway',
            $flags,
            fn (string $h): array => ['invoiceid' => $id, 'paymentmethod' => $gateway],
            ['update' => $update]
        );
        return true;
    }

    /** @param array<string,mixed> $values */
    public function update(int $id, array $values): void
    {
        $values['updated_at'] = $this->sb->clock->datetime();
        Capsule::table('tblinvoices')->where('id', $id)->update($values);
    }

    private function markRefunded(int $id): void
    {
        $this->update($id, ['status' => 'Refunded', 'date_refunded' => $this->sb->clock->datetime()]);
    }

    // ---------------------------------------------------------------- special invoices

    /**
     * Mass payment from the client area: one new invoice whose lines (type
     * Invoice, relid = original id, untaxed) carry the balance of each
     * original. Paying it pays the originals (see automation()).
     *
     * @param list<int> $invoiceIds
     */
    public function createMassPay(int $clientId, array $invoiceIds, string $gateway): int
    {
        $items = [];
        foreach ($invoiceIds as $originalId) {
            $original = $this->mustRow($originalId);
            if ((int) $original->userid !== $clientId || !in_array((string) $original->status, self::PAYABLE, true)) {
                throw new InvalidArgumentException("invoice $originalId is not an unpaid invoice of client $clientId");
            }
            $number = (string) $original->invoicenum !== '' ? (string) $original->invoicenum : (string) $original->id;
            $items[] = ['type' => 'Invoice', 'relid' => $originalId, 'description' => 'Invoice #' . $number,
                'amount' => $this->balanceCents($originalId), 'taxed' => false];
        }
        return $this->create(
            ['userid' => $clientId, 'paymentmethod' => $gateway, 'taxrate' => 0, 'taxrate2' => 0],
            $items,
            ['source' => 'clientarea', 'user' => 'system', 'email' => true]
        );
    }

    /** Add Funds from the client area: an untaxed AddFunds line; paying it adds credit. */
    public function createAddFunds(int $clientId, int $cents, string $gateway): int
    {
        return $this->create(
            ['userid' => $clientId, 'paymentmethod' => $gateway, 'taxrate' => 0, 'taxrate2' => 0],
            [['type' => 'AddFunds', 'description' => 'Add Funds', 'amount' => $cents, 'taxed' => false]],
            ['source' => 'clientarea', 'user' => 'system', 'email' => true]
        );
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Inserts a tblaccounts row. Amounts in cents; currency 0 means "the
     * client's currency", as WHMCS stores it for client payments.
     *
     * @param array<string,mixed> $t
     */
    public function insertTransaction(array $t): int
    {
        return (int) Capsule::table('tblaccounts')->insertGetId([
            'userid' => (int) ($t['userid'] ?? 0),
            'currency' => (int) ($t['currency'] ?? 0),
            'gateway' => (string) ($t['gateway'] ?? ''),
            'date' => (string) ($t['date'] ?? $this->sb->clock->datetime()),
            'description' => (string) ($t['description'] ?? ''),
            'amountin' => Money::format((int) ($t['amountin'] ?? 0)),
            'fees' => Money::format((int) ($t['fees'] ?? 0)),
            'amountout' => Money::format((int) ($t['amountout'] ?? 0)),
            'rate' => (string) ($t['rate'] ?? '1.00000'),
            'transid' => (string) ($t['transid'] ?? ''),
            'invoiceid' => (int) ($t['invoiceid'] ?? 0),
            'refundid' => (int) ($t['refundid'] ?? 0),
        ]);
    }

    /**
     * AddTransaction's $vars: the new row with ids as ints and amounts as the
     * 2-decimal strings the database holds (the docs call them float and
     * misspell invoiceid as "invocieid"; the sandbox gives the correct key).
     *
     * @return array<string,mixed>
     */
    public function transactionVars(int $txId): array
    {
        $t = Capsule::table('tblaccounts')->where('id', $txId)->first();
        return [
            'id' => (int) $t->id,
            'userid' => (int) $t->userid,
            'currency' => (int) $t->currency,
            'gateway' => (string) $t->gateway,
            'date' => (string) $t->date,
            'description' => (string) $t->description,
            'amountin' => Money::format(Money::cents((string) $t->amountin)),
            'fees' => Money::format(Money::cents((string) $t->fees)),
            'amountout' => Money::format(Money::cents((string) $t->amountout)),
            'rate' => (string) $t->rate,
            'transid' => (string) $t->transid,
            'invoiceid' => (int) $t->invoiceid,
            'refundid' => (int) $t->refundid,
        ];
    }

    public function defaultGateway(object $client): string
    {
        $gateway = (string) $client->defaultgateway;
        if ($gateway !== '') {
            return $gateway;
        }
        return (string) (Capsule::table('tblpaymentgateways')->where('setting', 'name')
            ->orderBy('order')->orderBy('id')->value('gateway') ?? '');
    }

    /** TaxCustomInvoiceNumbering: the number a new (non-draft) invoice gets, or ''. */
    private function nextCustomNumber(string $date): string
    {
        if (!$this->sb->settings()->isOn('TaxCustomInvoiceNumbering')) {
            return '';
        }
        return $this->nextNumber('TaxCustomInvoiceNumberFormat', 'TaxNextCustomInvoiceNumber', $date);
    }

    /** The stored next number in its format, and the stored number incremented. */
    private function nextNumber(string $formatSetting, string $valueSetting, string $date): string
    {
        $settings = $this->sb->settings();
        $number = $settings->get($valueSetting, '1');
        $settings->set($valueSetting, (string) ((int) $number + 1));
        return self::formatNumber($settings->get($formatSetting, '{NUMBER}'), $number, $date);
    }

    /** An invoice number format ({NUMBER}, {YEAR}, {MONTH}, {DAY}) filled in for a date (Y-m-d…). */
    public static function formatNumber(string $format, string $number, string $date): string
    {
        return strtr($format ?: '{NUMBER}', [
            '{NUMBER}' => $number,
            '{YEAR}' => substr($date, 0, 4),
            '{MONTH}' => substr($date, 5, 2),
            '{DAY}' => substr($date, 8, 2),
        ]);
    }
}
