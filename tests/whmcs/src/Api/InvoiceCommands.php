<?php

declare(strict_types=1);

namespace WhmcsSandbox\Api;

use InvalidArgumentException;
use WHMCS\Database\Capsule;
use WhmcsSandbox\Dates;
use WhmcsSandbox\Invoices;
use WhmcsSandbox\Money;
use WhmcsSandbox\Sandbox;

/** GetInvoice, GetInvoices, CreateInvoice, UpdateInvoice, AddInvoicePayment, ApplyCredit, AddTransaction, GetTransactions. */
final class InvoiceCommands
{
    private readonly Invoices $invoices;

    public function __construct(private readonly Sandbox $sb)
    {
        $this->invoices = $sb->invoices();
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getInvoice(array $p): array
    {
        $id = Shape::requiredInt($p, 'invoiceid', 'Invoice ID Not Found');
        $inv = $this->invoices->mustRow($id);
        $items = [];
        foreach ($this->invoices->items($id) as $item) {
            $items[] = [
                'id' => (int) $item->id,
                'type' => (string) $item->type,
                'relid' => (int) $item->relid,
                'description' => (string) $item->description,
                'amount' => Shape::money($item->amount),
                'taxed' => (int) $item->taxed,
            ];
        }
        $transactions = array_map(fn (object $t): array => self::transaction($t), $this->invoices->transactions($id));
        return [
            'result' => 'success',
            'invoiceid' => (int) $inv->id,
            'invoicenum' => (string) $inv->invoicenum,
            'userid' => (int) $inv->userid,
            'date' => (string) $inv->date,
            'duedate' => (string) $inv->duedate,
            'datepaid' => (string) $inv->datepaid,
            'lastcaptureattempt' => (string) $inv->last_capture_attempt,
            'subtotal' => Shape::money($inv->subtotal),
            'credit' => Shape::money($inv->credit),
            'tax' => Shape::money($inv->tax),
            'tax2' => Shape::money($inv->tax2),
            'total' => Shape::money($inv->total),
            'balance' => Money::format($this->invoices->balanceCents($id)),
            'taxrate' => Shape::rate($inv->taxrate),
            'taxrate2' => Shape::rate($inv->taxrate2),
            'status' => (string) $inv->status,
            'paymentmethod' => (string) $inv->paymentmethod,
            'notes' => (string) $inv->notes,
            'ccgateway' => self::isCcGateway((string) $inv->paymentmethod),
            'items' => ['item' => $items],
            'transactions' => $transactions === [] ? '' : ['transaction' => $transactions],
        ];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getInvoices(array $p): array
    {
        $start = max(0, (int) ($p['limitstart'] ?? 0));
        $limit = (int) ($p['limitnum'] ?? 25);
        $limit = $limit > 0 ? $limit : 25;
        $q = Capsule::table('tblinvoices')
            ->leftJoin('tblclients', 'tblclients.id', '=', 'tblinvoices.userid')
            ->leftJoin('tblcurrencies', 'tblcurrencies.id', '=', 'tblclients.currency');
        if (isset($p['userid']) && $p['userid'] !== '') {
            $q->where('tblinvoices.userid', (int) $p['userid']);
        }
        $status = (string) ($p['status'] ?? '');
        if ($status === 'Overdue') {
            $q->where('tblinvoices.status', 'Unpaid')->where('tblinvoices.duedate', '<', $this->sb->clock->date());
        } elseif ($status !== '') {
            $q->where('tblinvoices.status', $status);
        }
        $total = (clone $q)->count();
        $orderBy = [
            'id' => 'tblinvoices.id', 'invoicenumber' => 'tblinvoices.invoicenum', 'date' => 'tblinvoices.date',
            'duedate' => 'tblinvoices.duedate', 'total' => 'tblinvoices.total', 'status' => 'tblinvoices.status',
        ][strtolower((string) ($p['orderby'] ?? 'id'))] ?? 'tblinvoices.id';
        $order = strtolower((string) ($p['order'] ?? 'asc')) === 'desc' ? 'desc' : 'asc';
        $rows = $q->orderBy($orderBy, $order)->orderBy('tblinvoices.id', $order)
            ->offset($start)->limit($limit)
            ->get([
                'tblinvoices.*', 'tblclients.firstname', 'tblclients.lastname', 'tblclients.companyname',
                'tblcurrencies.code as currencycode', 'tblcurrencies.prefix as currencyprefix',
                'tblcurrencies.suffix as currencysuffix',
            ]);
        $list = [];
        foreach ($rows as $r) {
            $list[] = [
                'id' => (int) $r->id,
                'userid' => (int) $r->userid,
                'firstname' => (string) $r->firstname,
                'lastname' => (string) $r->lastname,
                'companyname' => (string) $r->companyname,
                'invoicenum' => (string) $r->invoicenum,
                'date' => (string) $r->date,
                'duedate' => (string) $r->duedate,
                'datepaid' => (string) $r->datepaid,
                'last_capture_attempt' => (string) $r->last_capture_attempt,
                'date_refunded' => (string) $r->date_refunded,
                'date_cancelled' => (string) $r->date_cancelled,
                'subtotal' => Shape::money($r->subtotal),
                'credit' => Shape::money($r->credit),
                'tax' => Shape::money($r->tax),
                'tax2' => Shape::money($r->tax2),
                'total' => Shape::money($r->total),
                'taxrate' => Shape::rate($r->taxrate),
                'taxrate2' => Shape::rate($r->taxrate2),
                'status' => (string) $r->status,
                'paymentmethod' => (string) $r->paymentmethod,
                'paymethodid' => $r->paymethodid === null ? null : (int) $r->paymethodid,
                'notes' => (string) $r->notes,
                'created_at' => (string) $r->created_at,
                'updated_at' => (string) $r->updated_at,
                'currencycode' => (string) $r->currencycode,
                'currencyprefix' => (string) $r->currencyprefix,
                'currencysuffix' => (string) $r->currencysuffix,
            ];
        }
        return [
            'result' => 'success',
            'totalresults' => $total,
            'startnumber' => $start,
            'numreturned' => count($list),
            'invoices' => ['invoice' => $list],
        ];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function createInvoice(array $p, int $adminId): array
    {
        $userId = Shape::requiredInt($p, 'userid', 'Client ID Not Found');
        if (!Capsule::table('tblclients')->where('id', $userId)->exists()) {
            throw new InvalidArgumentException('Client ID Not Found');
        }
        $draft = Shape::bool($p['draft'] ?? false);
        $send = Shape::bool($p['sendinvoice'] ?? false);
        if ($draft && $send) {
            throw new InvalidArgumentException(
                'Cannot create and send a draft invoice in a single API request. Please create and send separately.'
            );
        }
        $items = [];
        $numbers = [];
        foreach (array_keys($p) as $key) {
            if (preg_match('/^itemdescription(\d+)$/', (string) $key, $m)) {
                $numbers[] = (int) $m[1];
            }
        }
        sort($numbers);
        foreach ($numbers as $n) {
            $items[] = [
                'description' => (string) $p['itemdescription' . $n],
                'amount' => Shape::cents($p['itemamount' . $n] ?? 0) ?? 0,
                'taxed' => Shape::bool($p['itemtaxed' . $n] ?? false),
            ];
        }
        $invoice = ['userid' => $userId];
        foreach (['date', 'duedate', 'paymentmethod', 'notes'] as $k) {
            if (isset($p[$k]) && $p[$k] !== '') {
                $invoice[$k] = (string) $p[$k];
            }
        }
        if (!$draft && isset($p['status']) && $p['status'] !== '') {
            $invoice['status'] = (string) $p['status'];
        }
        foreach (['taxrate', 'taxrate2'] as $k) {
            if (isset($p[$k]) && $p[$k] !== '') {
                $invoice[$k] = Money::rate($p[$k]);
            }
        }
        $id = $this->invoices->create($invoice, $items, [
            'source' => 'api',
            'user' => $adminId > 0 ? $adminId : 'system',
            'draft' => $draft,
            'email' => $send,
            'autoapplycredit' => Shape::bool($p['autoapplycredit'] ?? false),
        ]);
        return ['result' => 'success', 'invoiceid' => $id, 'status' => (string) $this->invoices->mustRow($id)->status];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function updateInvoice(array $p, int $adminId): array
    {
        $id = Shape::requiredInt($p, 'invoiceid', 'Invoice ID Not Found');
        $invoice = $this->invoices->mustRow($id);
        $status = isset($p['status']) && $p['status'] !== '' ? (string) $p['status'] : null;
        if ($status !== null && !in_array($status, Invoices::STATUSES, true)) {
            throw new InvalidArgumentException('Invalid status ' . $status);
        }
        $publish = Shape::bool($p['publish'] ?? false) || Shape::bool($p['publishandsendemail'] ?? false);
        if ($publish && $invoice->status !== 'Draft') {
            throw new InvalidArgumentException('Invoice must be in Draft status to be published');
        }
        $changes = $this->itemChanges($p);
        $invoiceChanges = [];
        foreach (['taxrate', 'taxrate2'] as $k) {
            if (isset($p[$k]) && $p[$k] !== '') {
                $invoiceChanges[$k] = Money::formatRate(Money::rate($p[$k]));
            }
        }
        if (isset($p['credit']) && $p['credit'] !== '') {
            $invoiceChanges['credit'] = Money::format(Shape::cents($p['credit']) ?? 0);
        }
        if ($changes !== [] || $invoiceChanges !== []) {
            $this->invoices->editItems($id, function () use ($id, $invoice, $changes, $invoiceChanges): void {
                foreach ($changes['update'] ?? [] as $itemId => $item) {
                    Capsule::table('tblinvoiceitems')->where('id', $itemId)->where('invoiceid', $id)->update([
                        'description' => $item['description'],
                        'amount' => Money::format($item['amount']),
                        'taxed' => $item['taxed'] ? 1 : 0,
                    ]);
                }
                foreach ($changes['new'] ?? [] as $item) {
                    $this->invoices->insertItem(
                        $id,
                        (int) $invoice->userid,
                        (string) $invoice->paymentmethod,
                        (string) $invoice->duedate,
                        $item
                    );
                }
                if (!empty($changes['delete'])) {
                    Capsule::table('tblinvoiceitems')->where('invoiceid', $id)
                        ->whereIn('id', $changes['delete'])->delete();
                }
                if ($invoiceChanges !== []) {
                    $this->invoices->update($id, $invoiceChanges);
                }
            });
        }
        $plain = [];
        foreach (['date', 'duedate', 'notes'] as $k) {
            if (isset($p[$k])) {
                $plain[$k] = (string) $p[$k];
            }
        }
        if (isset($p['datepaid']) && $p['datepaid'] !== '') {
            $datePaid = (string) $p['datepaid'];
            $plain['datepaid'] = strlen($datePaid) === 10 ? $datePaid . ' 00:00:00' : $datePaid;
        }
        if ($plain !== []) {
            $this->invoices->update($id, $plain);
        }
        $hooks = (bool) $this->sb->options['updateInvoiceHooks'];
        if (isset($p['paymentmethod']) && $p['paymentmethod'] !== '') {
            $this->invoices->changeGateway($id, (string) $p['paymentmethod'], $hooks);
        }
        if ($status !== null) {
            $this->invoices->setStatus($id, $status, $hooks, $plain['datepaid'] ?? null);
        }
        if ($publish) {
            $this->invoices->publish(
                $id,
                Shape::bool($p['publishandsendemail'] ?? false),
                'api',
                $adminId > 0 ? $adminId : 'system'
            );
        }
        return ['result' => 'success', 'invoiceid' => $id];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function addInvoicePayment(array $p): array
    {
        $id = Shape::requiredInt($p, 'invoiceid', 'Invoice ID Not Found');
        $this->invoices->mustRow($id);
        $gateway = (string) ($p['gateway'] ?? '');
        if ($gateway === '') {
            throw new InvalidArgumentException('Missing gateway');
        }
        $date = isset($p['date']) && $p['date'] !== '' ? (string) $p['date'] : null;
        if ($date !== null && strlen($date) === 10) {
            $date .= ' ' . $this->sb->clock->now()->format('H:i:s');
        }
        $this->invoices->addPayment(
            $id,
            (string) ($p['transid'] ?? ''),
            $gateway,
            $date,
            Shape::cents($p['amount'] ?? null),
            Shape::cents($p['fees'] ?? null) ?? 0,
            !Shape::bool($p['noemail'] ?? false)
        );
        return ['result' => 'success'];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function applyCredit(array $p): array
    {
        $id = Shape::requiredInt($p, 'invoiceid', 'Invoice ID Not Found');
        $invoice = $this->invoices->mustRow($id);
        if ($invoice->status !== 'Unpaid') {
            throw new InvalidArgumentException('Invoice Not in Unpaid Status');
        }
        $available = Money::cents((string) $this->invoices->client((int) $invoice->userid)->credit);
        $balance = $this->invoices->balanceCents($id);
        $amount = Shape::cents($p['amount'] ?? null) ?? min($available, $balance);
        if ($amount > $available) {
            throw new InvalidArgumentException('Amount exceeds customer credit balance');
        }
        if ($amount > $balance) {
            throw new InvalidArgumentException('Amount Exceeds Invoice Balance');
        }
        if ($amount <= 0) {
            throw new InvalidArgumentException('Credit Amount to apply must be greater than zero');
        }
        $paid = $this->invoices->applyCredit($id, $amount, !Shape::bool($p['noemail'] ?? false));
        return ['result' => 'success', 'invoiceid' => $id, 'amount' => Money::format($amount),
            'invoicepaid' => $paid ? 'true' : 'false'];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function addTransaction(array $p): array
    {
        $gateway = (string) ($p['paymentmethod'] ?? '');
        if ($gateway === '') {
            throw new InvalidArgumentException('Payment Method is required');
        }
        $userId = (int) ($p['userid'] ?? 0);
        if ($userId > 0 && !Capsule::table('tblclients')->where('id', $userId)->exists()) {
            throw new InvalidArgumentException('Client ID Not Found');
        }
        $invoiceId = (int) ($p['invoiceid'] ?? 0);
        if ($invoiceId > 0) {
            $userId = $userId ?: (int) $this->invoices->mustRow($invoiceId)->userid;
        }
        $transid = (string) ($p['transid'] ?? '');
        if (
            $transid !== '' && !Shape::bool($p['allowduplicatetransid'] ?? false)
            && Capsule::table('tblaccounts')->where('transid', $transid)->exists()
        ) {
            throw new InvalidArgumentException('Transaction ID must be Unique');
        }
        $credit = Shape::bool($p['credit'] ?? false);
        if ($credit && $invoiceId > 0) {
            throw new InvalidArgumentException('Credit cannot be applied when an invoice id is given');
        }
        $date = isset($p['date']) && $p['date'] !== ''
            ? Dates::toMySql($this->sb, (string) $p['date']) . ' ' . $this->sb->clock->now()->format('H:i:s')
            : $this->sb->clock->datetime();
        $in = Shape::cents($p['amountin'] ?? null) ?? 0;
        $txId = $this->invoices->insertTransaction([
            'userid' => $userId,
            'currency' => $userId > 0 ? 0 : (int) ($p['currencyid'] ?? 0),
            'gateway' => $gateway,
            'date' => $date,
            'description' => (string) ($p['description'] ?? ''),
            'amountin' => $in,
            'fees' => Shape::cents($p['fees'] ?? null) ?? 0,
            'amountout' => Shape::cents($p['amountout'] ?? null) ?? 0,
            'rate' => Money::formatRate5(Money::exchangeRate(($p['rate'] ?? '') !== '' ? $p['rate'] : '1')),
            'transid' => $transid,
            'invoiceid' => $invoiceId,
        ]);
        if ($credit && $userId > 0 && $in > 0) {
            $this->invoices->addClientCredit($userId, $in, (string) ($p['description'] ?? 'Credit from transaction'));
        }
        $this->sb->hooks()->run('AddTransaction', $this->invoices->transactionVars($txId));
        return ['result' => 'success'];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getTransactions(array $p): array
    {
        $q = Capsule::table('tblaccounts')->orderBy('id');
        if (!empty($p['invoiceid'])) {
            $q->where('invoiceid', (int) $p['invoiceid']);
        }
        if (!empty($p['clientid'])) {
            $q->where('userid', (int) $p['clientid']);
        }
        if (isset($p['transid']) && $p['transid'] !== '') {
            $q->where('transid', (string) $p['transid']);
        }
        $list = array_map(fn (object $t): array => self::transaction($t), $q->get()->all());
        return [
            'result' => 'success',
            'totalresults' => count($list),
            'startnumber' => 0,
            'numreturned' => count($list),
            'transactions' => ['transaction' => $list],
        ];
    }

    /** A tblaccounts row as the API gives it. @return array<string,mixed> */
    public static function transaction(object $t): array
    {
        return [
            'id' => (int) $t->id,
            'userid' => (int) $t->userid,
            'currency' => (int) $t->currency,
            'gateway' => (string) $t->gateway,
            'date' => (string) $t->date,
            'description' => (string) $t->description,
            'amountin' => Shape::money($t->amountin),
            'fees' => Shape::money($t->fees),
            'amountout' => Shape::money($t->amountout),
            'rate' => Money::formatRate5(Money::exchangeRate((string) $t->rate)),
            'transid' => (string) $t->transid,
            'invoiceid' => (int) $t->invoiceid,
            'refundid' => (int) $t->refundid,
        ];
    }

    public static function isCcGateway(string $gateway): bool
    {
        return Capsule::table('tblpaymentgateways')->where('gateway', $gateway)
            ->where('setting', 'type')->value('value') === 'CC';
    }

    /**
     * UpdateInvoice's line parameters: itemdescription/itemamount/itemtaxed
     * keyed by line id (all three for each), newitem* lists, deletelineids.
     *
     * @param array<string,mixed> $p
     * @return array<string,mixed>
     */
    private function itemChanges(array $p): array
    {
        $changes = [];
        $desc = (array) ($p['itemdescription'] ?? []);
        $amount = (array) ($p['itemamount'] ?? []);
        $taxed = (array) ($p['itemtaxed'] ?? []);
        foreach (array_unique([...array_keys($desc), ...array_keys($amount), ...array_keys($taxed)]) as $itemId) {
            if (!isset($desc[$itemId], $amount[$itemId], $taxed[$itemId])) {
                throw new InvalidArgumentException('Missing Variables: itemdescription, itemamount and itemtaxed'
                    . ' are required for each item being changed');
            }
            $changes['update'][(int) $itemId] = [
                'description' => (string) $desc[$itemId],
                'amount' => Shape::cents($amount[$itemId]) ?? 0,
                'taxed' => Shape::bool($taxed[$itemId]),
            ];
        }
        $newDesc = array_values((array) ($p['newitemdescription'] ?? []));
        $newAmount = array_values((array) ($p['newitemamount'] ?? []));
        $newTaxed = array_values((array) ($p['newitemtaxed'] ?? []));
        foreach ($newDesc as $i => $d) {
            $changes['new'][] = [
                'description' => (string) $d,
                'amount' => Shape::cents($newAmount[$i] ?? 0) ?? 0,
                'taxed' => Shape::bool($newTaxed[$i] ?? false),
            ];
        }
        $delete = Shape::ids($p['deletelineids'] ?? []);
        if ($delete !== []) {
            $changes['delete'] = $delete;
        }
        return $changes;
    }
}
