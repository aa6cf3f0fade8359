<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * The WHMCS invoices a batch would send, each with what will happen to it:
 * sent, or left out and why. The reasons follow the planner (already booked,
 * draft, cancelled or refunded in full before booking) and the mapper's rules
 * (mass-payment and add-funds invoices, zero totals when that setting is off,
 * empty invoices); docs/flows.md and docs/mapping.md. It is a prediction from
 * the database: what really happened is in the summary after the run.
 */
final class Selection
{
    /** The reasons an invoice is left out, in the order they are checked. */
    public const REASONS = ['booked', 'sending', 'draft', 'cancelled', 'refunded', 'mass_payment', 'add_funds', 'empty', 'zero_total'];

    /** Ledger states that mean "there is a booking in Acumulus". */
    public const BOOKED_STATES = ['booked', 'paid', 'credited', 'concept'];

    public function __construct(private readonly Settings $settings)
    {
    }

    /**
     * @return array{rows: list<array<string, mixed>>, send: list<int>, skips: array<string, int>,
     *               totals: array<string, int>, count: int}
     *         rows: every invoice (id, number, date, datepaid, total, status, gateway, client, currency,
     *         state, plan = 'send' or a reason); totals: currency => cents of the invoices to send
     */
    public function run(Filters $f): array
    {
        $rows = $this->query($f)->get();
        $ids = [];
        foreach ($rows as $r) {
            $ids[] = (int) $r->id;
        }
        $items = $this->itemKinds($f);
        $currencies = [];
        foreach (Capsule::table('tblcurrencies')->get(['id', 'code']) as $c) {
            $currencies[(int) $c->id] = (string) $c->code;
        }
        $out = ['rows' => [], 'send' => [], 'skips' => [], 'totals' => [], 'count' => 0];
        foreach ($rows as $r) {
            $plan = $this->classify($r, $items[(int) $r->id] ?? ['n' => 0, 'inv' => 0, 'af' => 0]);
            $currency = $currencies[(int) $r->currency] ?? '';
            $row = [
                'id' => (int) $r->id,
                'number' => (string) $r->invoicenum,
                'date' => (string) $r->date,
                'datepaid' => (string) $r->datepaid,
                'total' => (string) $r->total,
                'status' => (string) $r->status,
                'gateway' => (string) $r->paymentmethod,
                'client' => Format::clientName($r->firstname, $r->lastname, $r->companyname),
                'userid' => (int) $r->userid,
                'currency' => $currency,
                'state' => $r->state === null ? '' : (string) $r->state,
                'plan' => $plan,
            ];
            $out['rows'][] = $row;
            if ($plan === 'send') {
                $out['send'][] = $row['id'];
                $out['totals'][$currency] = ($out['totals'][$currency] ?? 0) + self::cents($row['total']);
            } else {
                $out['skips'][$plan] = ($out['skips'][$plan] ?? 0) + 1;
            }
        }
        $out['count'] = count($out['rows']);
        return $out;
    }

    /** The plan for one invoice ('send' or a reason), as the batch preview would give it. */
    public function planFor(int $invoiceId): ?string
    {
        $r = $this->base()->where('i.id', $invoiceId)->first();
        if ($r === null) {
            return null;
        }
        $kinds = Capsule::table('tblinvoiceitems')->where('invoiceid', $invoiceId)
            ->selectRaw("count(*) as n, sum(case when type = 'Invoice' then 1 else 0 end) as inv, "
                . "sum(case when type = 'AddFunds' then 1 else 0 end) as af")->first();
        return $this->classify($r, ['n' => (int) ($kinds->n ?? 0), 'inv' => (int) ($kinds->inv ?? 0), 'af' => (int) ($kinds->af ?? 0)]);
    }

    /** @param array{n: int, inv: int, af: int} $items */
    private function classify(object $r, array $items): string
    {
        $state = $r->state === null ? '' : (string) $r->state;
        if (in_array($state, self::BOOKED_STATES, true) || ($state === '' && (string) ($r->token ?? '') !== '')) {
            return 'booked';
        }
        if ($state === 'sending') {
            return 'sending';
        }
        $status = (string) $r->status;
        if ($status === 'Draft') {
            return 'draft';
        }
        if ($status === 'Cancelled') {
            return 'cancelled';
        }
        if ($status === 'Refunded') {
            return 'refunded';
        }
        if ($items['n'] > 0 && $items['inv'] === $items['n']) {
            return 'mass_payment';
        }
        if ($items['n'] > 0 && $items['af'] === $items['n'] && !$this->settings->on('acumulus_book_addfunds', false)) {
            return 'add_funds';
        }
        $gross = self::cents((string) $r->total) + self::cents((string) $r->credit);
        if ($items['n'] === 0 && $gross === 0) {
            return 'empty';
        }
        if ($gross === 0 && !$this->settings->on('acumulus_book_zero_total', true)) {
            return 'zero_total';
        }
        return 'send';
    }

    private function base(): \Illuminate\Database\Query\Builder
    {
        return Capsule::table('tblinvoices as i')
            ->leftJoin('tblclients as c', 'c.id', '=', 'i.userid')
            ->leftJoin(Schema::LEDGER . ' as l', 'l.id', '=', 'i.id')
            ->select(['i.id', 'i.invoicenum', 'i.date', 'i.datepaid', 'i.total', 'i.credit', 'i.status', 'i.paymentmethod',
                'i.userid', 'c.firstname', 'c.lastname', 'c.companyname', 'c.currency', 'l.state', 'l.token']);
    }

    private function query(Filters $f): \Illuminate\Database\Query\Builder
    {
        return $this->filtered($this->base(), $f)->orderBy('i.id');
    }

    private function filtered(\Illuminate\Database\Query\Builder $q, Filters $f): \Illuminate\Database\Query\Builder
    {
        if ($f->dateOn === 'datepaid') {
            $q->whereBetween('i.datepaid', [$f->from . ' 00:00:00', $f->to . ' 23:59:59']);
        } else {
            $q->whereBetween('i.date', [$f->from, $f->to]);
        }
        if ($f->status !== '') {
            $q->where('i.status', $f->status);
        }
        if ($f->gateway !== '') {
            $q->where('i.paymentmethod', $f->gateway);
        }
        return $q;
    }

    /** @return array<int, array{n: int, inv: int, af: int}> per invoice: items, of type Invoice, of type AddFunds */
    private function itemKinds(Filters $f): array
    {
        $ids = $this->filtered(Capsule::table('tblinvoices as i')->select('i.id'), $f);
        $out = [];
        $rows = Capsule::table('tblinvoiceitems')->whereIn('invoiceid', $ids)->groupBy('invoiceid')
            ->selectRaw("invoiceid, count(*) as n, sum(case when type = 'Invoice' then 1 else 0 end) as inv, "
                . "sum(case when type = 'AddFunds' then 1 else 0 end) as af")->get();
        foreach ($rows as $r) {
            $out[(int) $r->invoiceid] = ['n' => (int) $r->n, 'inv' => (int) $r->inv, 'af' => (int) $r->af];
        }
        return $out;
    }

    /** A WHMCS amount ("12.10", "-3.5") in cents; never through a float. */
    public static function cents(string $amount): int
    {
        if (preg_match('/^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/', $amount, $m) !== 1 || ($m[2] === '' && ($m[3] ?? '') === '')) {
            return 0;
        }
        $frac = substr(str_pad($m[3] ?? '', 2, '0'), 0, 2);
        $cents = (int) ($m[2] === '' ? '0' : $m[2]) * 100 + (int) $frac;
        return $m[1] === '-' ? -$cents : $cents;
    }
}
