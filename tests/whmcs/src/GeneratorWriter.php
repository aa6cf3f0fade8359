<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use WHMCS\Database\Capsule;

/**
 * The bulk half of Generator: builds the rows of one invoice at a time
 * (lines, totals, payments, refunds, credit, services), buffers them and
 * writes them with multi-row inserts. Ids are assigned here, so lines,
 * transactions and mass-pay links can point at invoices not yet written.
 */
final class GeneratorWriter
{
    private const TABLES = ['tblhosting', 'tbldomains', 'tblinvoices', 'tblinvoiceitems', 'tblinvoicedata',
        'tblaccounts', 'tblcredit'];
    private const GATEWAYS = ['banktransfer' => 35, 'mollieideal' => 30, 'paypalcheckout' => 20, 'stripe' => 15];

    /** @var array<string,list<array<string,mixed>>> */
    private array $buf = [];
    /** @var array<string,int> next id per table */
    private array $next = [];
    /** @var array<int,array<string,mixed>> client id => what the invoices need */
    private array $clients = [];
    /** @var array<int,array<string,mixed>> client id => its hosting service */
    private array $hosting = [];
    /** @var array<int,array<string,mixed>> client id => its domain */
    private array $domains = [];
    /** @var array<int,list<int>> client id => its unpaid invoices still in the buffer (mass pay candidates) */
    private array $pool = [];
    /** @var array<int,int> invoice id => index in the invoice buffer */
    private array $index = [];
    /** @var array<int,int> client id => credit balance change in cents */
    private array $credit = [];
    /** @var array<string,int> */
    private array $counts = ['invoices' => 0, 'items' => 0, 'transactions' => 0];
    /** @var list<array{0:int,1:string,2:int}> product id, name, monthly EUR cents */
    private array $products = [];
    /** @var array<string,mixed> */
    private array $tax;
    private string $today;
    private ?int $customNumber = null;
    private ?int $paidNumber = null;
    /** @var array<string,\PDOStatement> */
    private array $statements = [];

    /**
     * @param list<int> $clientIds
     * @param array<string,int> $kinds
     * @param array<string,int> $outcomes
     * @param array<string,array{id:int,rate:int}> $currencies
     */
    public function __construct(
        private readonly Sandbox $sb,
        private readonly Dice $dice,
        private readonly array $clientIds,
        private readonly array $kinds,
        private readonly array $outcomes,
        array $currencies,
    ) {
        $s = $sb->settings();
        $mode = $sb->invoices()->taxMode();
        $this->tax = $mode + [
            'enabled' => $s->isOn('TaxEnabled'),
            'deduct' => $s->isOn('TaxInclusiveDeduct'),
            'domains' => $s->isOn('TaxDomains'),
            'latefee' => $s->isOn('TaxLateFee'),
            'custom' => $s->isOn('TaxCustomInvoices'),
            'dateFormat' => Dates::phpFormat($sb),
        ];
        if ($s->isOn('TaxCustomInvoiceNumbering')) {
            $this->customNumber = (int) $s->get('TaxNextCustomInvoiceNumber', '1');
        }
        if ($s->isOn('SequentialInvoiceNumbering')) {
            $this->paidNumber = (int) $s->get('SequentialInvoiceNumberValue', '1');
        }
        $this->today = $sb->clock->date();
        foreach (self::TABLES as $t) {
            $this->buf[$t] = [];
            $this->next[$t] = (int) Capsule::table($t)->max('id') + 1;
        }
        $rateById = [];
        foreach ($currencies as $c) {
            $rateById[$c['id']] = $c['rate'];
        }
        $rules = Invoices::taxRules();
        foreach (
            Capsule::table('tblclients')->whereIn('id', $clientIds)
            ->get(['id', 'country', 'state', 'currency', 'taxexempt', 'defaultgateway', 'firstname', 'lastname']) as $c
        ) {
            $ruleRates = Invoices::matchRates($rules, (string) $c->country, (string) $c->state);
            $exempt = (int) $c->taxexempt === 1;
            $this->clients[(int) $c->id] = [
                'country' => (string) $c->country,
                'rates' => !$this->tax['enabled'] || $exempt ? [0, 0] : $ruleRates,
                'deduct' => $this->tax['inclusive'] && $this->tax['deduct'] && $exempt ? $ruleRates : null,
                'currency' => (int) $c->currency,
                'fx' => $rateById[(int) $c->currency] ?? Money::RATE_ONE,
                'gateway' => (string) $c->defaultgateway,
                'slug' => strtolower((string) preg_replace('/[^a-z]/i', '', (string) $c->lastname)) ?: 'client',
            ];
        }
        foreach (Capsule::table('tblproducts')->orderBy('id')->get(['id', 'name']) as $p) {
            foreach (Seeder::PRODUCTS as $group) {
                foreach ($group as [$name, $price]) {
                    if ($name === $p->name) {
                        $this->products[] = [(int) $p->id, (string) $p->name, $price];
                    }
                }
            }
        }
        if ($this->products === []) {
            $this->products[] = [0, 'Webhosting', 995];
        }
    }

    /** Builds one invoice dated $date (Y-m-d). */
    public function invoice(string $date): void
    {
        $clientId = $this->clientIds[$this->dice->int(0, count($this->clientIds) - 1)];
        $kind = $this->dice->weighted($this->kinds);
        if ($kind === 'masspay' && $this->massPay($clientId, $date)) {
            return;
        }
        if ($kind === 'masspay') {
            $kind = 'hosting';
        }
        $c = $this->clients[$clientId];
        $lines = $this->lines($kind, $clientId, $date);
        $rates = $kind === 'addfunds' ? [0, 0] : $c['rates'];
        $outcome = $kind === 'addfunds'
            ? ($this->dice->int(1, 10) <= 9 ? 'paid' : 'unpaid')
            : $this->dice->weighted($this->outcomes);
        $gateway = $c['gateway'] !== '' ? $c['gateway'] : $this->dice->weighted(self::GATEWAYS);
        $id = $this->addInvoice($clientId, $date, $lines, $rates, $gateway);
        $this->settle($id, $clientId, $outcome, $date, $kind === 'addfunds');
    }

    /**
     * Writes what is buffered: multi-row INSERTs of 200 rows, prepared once
     * per table and size on Capsule's PDO (the query builder compiles every
     * insert anew, which was three quarters of the time).
     */
    public function flush(): void
    {
        foreach (self::TABLES as $t) {
            foreach (array_chunk($this->buf[$t], 200) as $chunk) {
                $values = [];
                foreach ($chunk as $row) {
                    foreach ($row as $v) {
                        $values[] = $v;
                    }
                }
                $this->statement($t, array_keys($chunk[0]), count($chunk))->execute($values);
            }
            $this->buf[$t] = [];
        }
        $this->pool = [];
        $this->index = [];
    }

    /** @param list<string> $columns */
    private function statement(string $table, array $columns, int $rows): \PDOStatement
    {
        $key = $table . ':' . $rows;
        if (!isset($this->statements[$key])) {
            $connection = Capsule::connection();
            $grammar = $connection->getQueryGrammar();
            $tuple = '(' . implode(',', array_fill(0, count($columns), '?')) . ')';
            $sql = 'INSERT INTO ' . $grammar->wrapTable($table) . ' (' . $grammar->columnize($columns) . ') VALUES '
                . implode(',', array_fill(0, $rows, $tuple));
            $this->statements[$key] = $connection->getPdo()->prepare($sql);
        }
        return $this->statements[$key];
    }

    /** Client credit balances and the next invoice numbers. */
    public function finish(): void
    {
        foreach ($this->credit as $clientId => $delta) {
            if ($delta !== 0) {
                $current = Money::cents((string) Capsule::table('tblclients')->where('id', $clientId)->value('credit'));
                Capsule::table('tblclients')->where('id', $clientId)
                    ->update(['credit' => Money::format($current + $delta)]);
            }
        }
        if ($this->customNumber !== null) {
            $this->sb->settings()->set('TaxNextCustomInvoiceNumber', (string) $this->customNumber);
        }
        if ($this->paidNumber !== null) {
            $this->sb->settings()->set('SequentialInvoiceNumberValue', (string) $this->paidNumber);
        }
    }

    /** @return array{invoices:int,items:int,transactions:int} */
    public function counts(): array
    {
        return $this->counts;
    }

    // ---------------------------------------------------------------- lines

    /** @return list<array{type:string,relid:int,description:string,amount:int,taxed:bool}> */
    private function lines(string $kind, int $clientId, string $date): array
    {
        $lines = [];
        if (in_array($kind, ['hosting', 'hosting_domain', 'promo', 'latefee'], true)) {
            $lines[] = $this->hostingLine($clientId, $date);
        }
        if (in_array($kind, ['domain', 'hosting_domain', 'multi_year'], true)) {
            $lines[] = $this->domainLine($clientId, $date, $kind === 'multi_year' ? $this->dice->int(2, 3) : 1);
        }
        if ($kind === 'promo') {
            $lines[] = ['type' => 'PromoHosting', 'relid' => $lines[0]['relid'],
                'description' => 'Promotional Code: WELCOME25 - 25.00% One Time Discount',
                'amount' => Money::mulDiv($lines[0]['amount'], -25, 100), 'taxed' => $lines[0]['taxed']];
        }
        if ($kind === 'latefee') {
            $lines[] = ['type' => 'LateFee', 'relid' => 0,
                'description' => 'Late Fee (Added ' . $this->fmtDate($date) . ')',
                'amount' => $this->price($clientId, 500), 'taxed' => $this->tax['latefee']];
        }
        if ($kind === 'manual') {
            $hours = $this->dice->int(1, 6);
            $lines[] = ['type' => '', 'relid' => 0, 'description' => "Consultancy & migration support ($hours hours)",
                'amount' => $this->price($clientId, 8500 * $hours), 'taxed' => $this->tax['custom']];
            if ($this->dice->int(0, 1)) {
                $lines[] = ['type' => '', 'relid' => 0, 'description' => 'SSL certificate <installation>',
                    'amount' => $this->price($clientId, 2500), 'taxed' => $this->tax['custom']];
            }
        }
        if ($kind === 'addfunds') {
            $lines[] = ['type' => 'AddFunds', 'relid' => 0, 'description' => 'Add Funds',
                'amount' => $this->dice->int(1, 20) * 1000, 'taxed' => false];
        }
        return $lines;
    }

    /** @return array{type:string,relid:int,description:string,amount:int,taxed:bool} */
    private function hostingLine(int $clientId, string $date): array
    {
        if (!isset($this->hosting[$clientId])) {
            [$productId, $name, $monthly] = $this->products[$this->dice->int(0, count($this->products) - 1)];
            $yearly = $this->dice->int(0, 2) === 0;
            $amount = $this->price($clientId, $yearly ? $monthly * 10 : $monthly);
            $id = $this->next['tblhosting']++;
            $domain = $this->clients[$clientId]['slug'] . $clientId . '.' . $this->pickTld();
            $this->hosting[$clientId] = ['id' => $id, 'name' => $name, 'domain' => $domain,
                'amount' => $amount, 'months' => $yearly ? 12 : 1];
            $this->buf['tblhosting'][] = [
                'id' => $id, 'userid' => $clientId, 'orderid' => 0, 'packageid' => $productId, 'server' => 0,
                'regdate' => $date, 'domain' => $domain, 'paymentmethod' => $this->clients[$clientId]['gateway'],
                'firstpaymentamount' => Money::format($amount), 'amount' => Money::format($amount),
                'billingcycle' => $yearly ? 'Annually' : 'Monthly', 'nextduedate' => $date, 'nextinvoicedate' => $date,
                'domainstatus' => 'Active', 'username' => '', 'password' => '', 'notes' => '', 'subscriptionid' => '',
                'promoid' => 0, 'created_at' => $date . ' 00:00:00', 'updated_at' => $date . ' 00:00:00',
            ];
        }
        $h = $this->hosting[$clientId];
        $start = new \DateTimeImmutable($date);
        $end = $start->modify('+' . $h['months'] . ' months -1 day');
        return ['type' => 'Hosting', 'relid' => $h['id'],
            'description' => $h['name'] . ' - ' . $h['domain'] . ' (' . $this->fmtDate($date) . ' - '
                . $this->fmtDate($end->format('Y-m-d')) . ')',
            'amount' => $h['amount'], 'taxed' => true];
    }

    /** @return array{type:string,relid:int,description:string,amount:int,taxed:bool} */
    private function domainLine(int $clientId, string $date, int $years): array
    {
        $new = !isset($this->domains[$clientId]);
        if ($new) {
            $tld = $this->pickTld();
            $id = $this->next['tbldomains']++;
            $name = $this->clients[$clientId]['slug'] . '-' . $clientId . '.' . $tld;
            $transfer = $this->dice->int(0, 4) === 0;
            $yearly = $this->price($clientId, Generator::TLDS[$tld]);
            $this->domains[$clientId] = ['id' => $id, 'name' => $name, 'yearly' => $yearly,
                'type' => $transfer ? 'DomainTransfer' : 'DomainRegister'];
            $this->buf['tbldomains'][] = [
                'id' => $id, 'userid' => $clientId, 'orderid' => 0, 'type' => $transfer ? 'Transfer' : 'Register',
                'registrationdate' => $date, 'domain' => $name, 'firstpaymentamount' => Money::format($yearly),
                'recurringamount' => Money::format($yearly), 'registrar' => 'sandboxregistrar',
                'registrationperiod' => $years, 'expirydate' => $date, 'subscriptionid' => '', 'promoid' => 0,
                'status' => 'Active', 'nextduedate' => $date, 'nextinvoicedate' => $date, 'additionalnotes' => '',
                'paymentmethod' => $this->clients[$clientId]['gateway'], 'dnsmanagement' => 0, 'emailforwarding' => 0,
                'idprotection' => 0, 'donotrenew' => 0,
                'created_at' => $date . ' 00:00:00', 'updated_at' => $date . ' 00:00:00',
            ];
        }
        $d = $this->domains[$clientId];
        $type = $new ? $d['type'] : 'Domain';
        $label = match ($type) {
            'DomainRegister' => 'Domain Registration',
            'DomainTransfer' => 'Domain Transfer',
            default => 'Domain Renewal',
        };
        $end = (new \DateTimeImmutable($date))->modify('+' . $years . ' years -1 day')->format('Y-m-d');
        return ['type' => $type, 'relid' => $d['id'],
            'description' => $label . ' - ' . $d['name'] . ' - ' . $years . ' Year/s (' . $this->fmtDate($date) . ' - '
                . $this->fmtDate($end) . ')',
            'amount' => $d['yearly'] * $years, 'taxed' => $this->tax['domains']];
    }

    /**
     * A catalogue price (EUR cents) in the client's currency, and without the
     * tax an exempt client does not pay when prices include tax and
     * TaxInclusiveDeduct is on.
     */
    private function price(int $clientId, int $eurCents): int
    {
        $c = $this->clients[$clientId];
        $amount = Money::mulDiv($eurCents, $c['fx'], Money::RATE_ONE);
        if ($c['deduct'] !== null) {
            $amount = Billing::deductInclusiveTax($amount, $c['deduct'][0], $c['deduct'][1], $this->tax['compound']);
        }
        return $amount;
    }

    // ---------------------------------------------------------------- invoices

    /**
     * @param list<array{type:string,relid:int,description:string,amount:int,taxed:bool}> $lines
     * @param array{0:int,1:int} $rates
     */
    private function addInvoice(int $clientId, string $date, array $lines, array $rates, string $gateway): int
    {
        $id = $this->next['tblinvoices']++;
        $t = Billing::totals(
            array_map(static fn (array $l): array => [$l['amount'], $l['taxed']], $lines),
            $rates[0],
            $rates[1],
            $this->tax['inclusive'],
            $this->tax['compound'],
            $this->tax['perLine']
        );
        $due = (new \DateTimeImmutable($date))->modify('+14 days')->format('Y-m-d');
        $this->index[$id] = count($this->buf['tblinvoices']);
        $this->buf['tblinvoices'][] = [
            'id' => $id, 'userid' => $clientId,
            'invoicenum' => $this->customNumber === null ? ''
                : $this->number($this->customNumber++, 'TaxCustomInvoiceNumberFormat', $date),
            'date' => $date, 'duedate' => $due, 'datepaid' => Invoices::ZERO_DATETIME,
            'last_capture_attempt' => Invoices::ZERO_DATETIME, 'date_refunded' => Invoices::ZERO_DATETIME,
            'date_cancelled' => Invoices::ZERO_DATETIME,
            'subtotal' => Money::format($t['subtotal']), 'credit' => '0.00', 'tax' => Money::format($t['tax']),
            'tax2' => Money::format($t['tax2']), 'total' => Money::format($t['gross']),
            'taxrate' => Money::formatRate($rates[0]), 'taxrate2' => Money::formatRate($rates[1]),
            'status' => 'Unpaid', 'paymentmethod' => $gateway, 'paymethodid' => null, 'notes' => '',
            'created_at' => $date . ' 08:00:00', 'updated_at' => $date . ' 08:00:00',
        ];
        foreach ($lines as $l) {
            $this->buf['tblinvoiceitems'][] = [
                'id' => $this->next['tblinvoiceitems']++, 'invoiceid' => $id, 'userid' => $clientId,
                'type' => $l['type'], 'relid' => $l['relid'], 'description' => $l['description'],
                'amount' => Money::format($l['amount']), 'taxed' => $l['taxed'] ? 1 : 0, 'duedate' => $due,
                'paymentmethod' => $gateway, 'notes' => '',
            ];
            $this->counts['items']++;
        }
        $this->buf['tblinvoicedata'][] = ['id' => $this->next['tblinvoicedata']++, 'invoice_id' => $id,
            'country' => $this->clients[$clientId]['country'], 'created_at' => $date . ' 08:00:00',
            'updated_at' => $date . ' 08:00:00'];
        $this->counts['invoices']++;
        return $id;
    }

    /** Applies an outcome: payments, refunds, credit, status and dates. */
    private function settle(int $id, int $clientId, string $outcome, string $date, bool $addFunds): void
    {
        $row = &$this->buf['tblinvoices'][$this->index[$id]];
        $total = Money::cents($row['total']);
        $paidOn = $this->later($date, $this->dice->int(0, 12));
        switch ($outcome) {
            case 'unpaid':
                if (!$addFunds) {
                    $this->pool[$clientId][] = $id;
                }
                break;
            case 'cancelled':
                $row['status'] = 'Cancelled';
                $row['date_cancelled'] = $this->later($date, 30) . ' 09:00:00';
                break;
            case 'part_paid':
                $this->payment($id, $clientId, $row['paymentmethod'], intdiv($total, 2), $paidOn);
                break;
            case 'credit_part':
            case 'credit_full':
                $credit = $outcome === 'credit_full' ? $total : intdiv($total, 2);
                $this->creditRow($clientId, $credit, 'Goodwill credit', 0, $date);
                $this->creditRow($clientId, -$credit, 'Credit Applied to Invoice #' . $id, $id, $date);
                $row['credit'] = Money::format($credit);
                $row['total'] = Money::format($total - $credit);
                if ($total - $credit > 0) {
                    $this->payment($id, $clientId, $row['paymentmethod'], $total - $credit, $paidOn);
                }
                $this->markPaid($row, $paidOn);
                break;
            default: // paid, refunded, part_refunded
                $tx = $total > 0 ? $this->payment($id, $clientId, $row['paymentmethod'], $total, $paidOn) : null;
                $this->markPaid($row, $paidOn);
                if ($addFunds) {
                    $this->creditRow($clientId, $total, 'Add Funds Invoice #' . $id, $id, $paidOn);
                }
                if ($tx !== null && ($outcome === 'refunded' || $outcome === 'part_refunded')) {
                    $amount = $outcome === 'refunded' ? $total : intdiv($total, 3);
                    $on = $this->later($paidOn, 7);
                    $this->refund($tx, $amount, $on);
                    if ($outcome === 'refunded') {
                        $row['status'] = 'Refunded';
                        $row['date_refunded'] = $on . ' 11:00:00';
                    }
                }
        }
        unset($row);
    }

    /**
     * A mass payment: a container of up to three of the client's unpaid
     * invoices, paid by one transaction; the originals are paid by credit.
     */
    private function massPay(int $clientId, string $date): bool
    {
        $originals = array_slice($this->pool[$clientId] ?? [], 0, 3);
        if ($originals === []) {
            return false;
        }
        $this->pool[$clientId] = array_values(array_diff($this->pool[$clientId], $originals));
        $lines = [];
        foreach ($originals as $originalId) {
            $o = $this->buf['tblinvoices'][$this->index[$originalId]];
            $lines[] = ['type' => 'Invoice', 'relid' => $originalId,
                'description' => 'Invoice #' . ($o['invoicenum'] !== '' ? $o['invoicenum'] : $originalId),
                'amount' => Money::cents($o['total']), 'taxed' => false];
        }
        $gateway = $this->dice->weighted(self::GATEWAYS);
        $id = $this->addInvoice($clientId, $date, $lines, [0, 0], $gateway);
        $row = &$this->buf['tblinvoices'][$this->index[$id]];
        $paidOn = $this->later($date, $this->dice->int(0, 3));
        $this->payment($id, $clientId, $gateway, Money::cents($row['total']), $paidOn);
        $this->markPaid($row, $paidOn);
        unset($row);
        foreach ($lines as $l) {
            $o = &$this->buf['tblinvoices'][$this->index[$l['relid']]];
            $number = '#' . $l['relid'];
            $description = 'Mass Invoice Payment Credit for Invoice ' . $number;
            $this->creditRow($clientId, $l['amount'], $description, $id, $paidOn);
            $this->creditRow($clientId, -$l['amount'], 'Credit Applied to Invoice ' . $number, $l['relid'], $paidOn);
            $o['credit'] = Money::format(Money::cents($o['credit']) + $l['amount']);
            $o['total'] = Money::format(Money::cents($o['total']) - $l['amount']);
            $this->markPaid($o, $this->buf['tblinvoices'][$this->index[$id]]['datepaid']);
            unset($o);
        }
        return true;
    }

    /**
     * @param array<string,mixed> $row
     * @param string $on a date (a time of day is picked) or a full datetime
     */
    private function markPaid(array &$row, string $on): void
    {
        $row['status'] = 'Paid';
        $row['datepaid'] = strlen($on) > 10 ? $on
            : $on . ' ' . sprintf('%02d:%02d:00', $this->dice->int(8, 22), $this->dice->int(0, 59));
        if ($this->paidNumber !== null && $row['invoicenum'] === '') {
            $row['invoicenum'] = $this->number($this->paidNumber++, 'SequentialInvoiceNumberFormat', $on);
        }
    }

    private function payment(int $invoiceId, int $clientId, string $gateway, int $amount, string $on): int
    {
        $id = $this->next['tblaccounts']++;
        $fees = match ($gateway) {
            'paypalcheckout' => Money::mulDiv($amount, 349, 10000) + 35,
            'stripe' => Money::mulDiv($amount, 150, 10000) + 25,
            'mollieideal' => 29,
            default => 0,
        };
        $this->buf['tblaccounts'][] = [
            'id' => $id, 'userid' => $clientId, 'currency' => 0, 'gateway' => $gateway,
            'date' => $on . ' 12:00:00', 'description' => 'Invoice Payment', 'amountin' => Money::format($amount),
            'fees' => Money::format($fees), 'amountout' => '0.00', 'rate' => '1.00000',
            'transid' => strtoupper(substr($gateway, 0, 3)) . '-' . $this->dice->hex(6),
            'invoiceid' => $invoiceId, 'refundid' => 0,
        ];
        $this->counts['transactions']++;
        return $id;
    }

    private function refund(int $txId, int $amount, string $on): void
    {
        $index = $txId - ($this->next['tblaccounts'] - count($this->buf['tblaccounts']));
        $original = $this->buf['tblaccounts'][$index];
        $this->buf['tblaccounts'][] = [
            'id' => $this->next['tblaccounts']++, 'userid' => $original['userid'], 'currency' => 0,
            'gateway' => $original['gateway'], 'date' => $on . ' 11:00:00',
            'description' => 'Refund of Transaction ID ' . $original['transid'], 'amountin' => '0.00', 'fees' => '0.00',
            'amountout' => Money::format($amount), 'rate' => '1.00000', 'transid' => $original['transid'] . '-R1',
            'invoiceid' => $original['invoiceid'], 'refundid' => $txId,
        ];
        $this->counts['transactions']++;
    }

    private function creditRow(int $clientId, int $cents, string $description, int $relid, string $on): void
    {
        $this->buf['tblcredit'][] = ['id' => $this->next['tblcredit']++, 'clientid' => $clientId, 'admin_id' => 0,
            'date' => $on, 'description' => $description, 'amount' => Money::format($cents), 'relid' => $relid];
        $this->credit[$clientId] = ($this->credit[$clientId] ?? 0) + $cents;
    }

    // ---------------------------------------------------------------- helpers

    private function number(int $n, string $formatSetting, string $date): string
    {
        return Invoices::formatNumber($this->sb->settings()->get($formatSetting, '{NUMBER}'), (string) $n, $date);
    }

    /** $date + $days, but not after today. */
    private function later(string $date, int $days): string
    {
        $d = (new \DateTimeImmutable($date))->modify('+' . $days . ' days')->format('Y-m-d');
        return $d > $this->today ? max($date, $this->today) : $d;
    }

    private function fmtDate(string $ymd): string
    {
        return (new \DateTimeImmutable($ymd))->format($this->tax['dateFormat']);
    }

    private function pickTld(): string
    {
        $tlds = array_keys(Generator::TLDS);
        return $tlds[$this->dice->int(0, count($tlds) - 1)];
    }
}
