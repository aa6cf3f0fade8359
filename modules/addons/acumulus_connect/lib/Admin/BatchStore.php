<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Ledger;
use WHMCS\Module\Addon\AcumulusConnect\Schema;

/**
 * Batches in the addon's tables: the invoices of a batch with their outcome,
 * and the batch's progress, all in the database, so a batch outlives the
 * page that started it (a reload, a second tab, a closed browser: the cron
 * goes on with its queued invoices, and the page picks up where it was).
 */
final class BatchStore
{
    /** The most invoices one batch takes (narrow the range for more). */
    public const MAX_INVOICES = 25000;

    public const OUTCOMES = ['booked', 'concept', 'skipped', 'failed', 'retry', 'uncertain'];

    public function __construct(private readonly Ledger $ledger = new Ledger())
    {
    }

    /** Creates the tables on an install that predates them (activation and upgrade do it too). */
    public static function ensureTables(): void
    {
        if (!Capsule::schema()->hasTable(Schema::BATCH_ITEMS)) {
            Schema::install();
        }
    }

    public function findByNonce(string $nonce): ?int
    {
        $id = Capsule::table(Schema::BATCHES)->where('nonce', $nonce)->value('id');
        return $id === null ? null : (int) $id;
    }

    /**
     * Starts a batch: its invoices are stored, and each gets a trigger in the
     * ledger (send, or retry for a retry batch) in one transaction, so the
     * cron works on them too when no page is open.
     *
     * @param list<int> $ids invoices to send, in order
     * @param array<string, int> $plannedSkips reason => count, left out
     */
    public function create(string $nonce, string $kind, array $filters, array $ids, array $plannedSkips, int $adminId): int
    {
        $now = Clock::now();
        $ts = date('Y-m-d H:i:s', $now);
        return Capsule::connection()->transaction(function () use ($nonce, $kind, $filters, $ids, $plannedSkips, $adminId, $now, $ts): int {
            $id = (int) Capsule::table(Schema::BATCHES)->insertGetId([
                'nonce' => $nonce, 'kind' => $kind, 'admin_id' => $adminId,
                'filters' => json_encode($filters, JSON_THROW_ON_ERROR),
                'state' => $ids === [] ? 'done' : 'running', 'total' => count($ids),
                'planned_skips' => json_encode((object) $plannedSkips, JSON_THROW_ON_ERROR),
                'work_ms' => 0, 'started_at' => $now, 'finished_at' => $ids === [] ? $now : null,
                'created_at' => $ts, 'updated_at' => $ts,
            ]);
            $rows = [];
            foreach (array_values($ids) as $seq => $invoiceId) {
                $rows[] = ['batch_id' => $id, 'invoiceid' => $invoiceId, 'seq' => $seq, 'outcome' => null];
            }
            foreach (array_chunk($rows, 250) as $chunk) {
                Capsule::table(Schema::BATCH_ITEMS)->insert($chunk);
            }
            foreach ($ids as $invoiceId) {
                if ($kind === 'retry') {
                    self::requeue($invoiceId);
                } else {
                    $this->ledger->record($invoiceId, 'send');
                }
            }
            return $id;
        });
    }

    /** What Actions::retry does before it works: a failed invoice is queued again, due now. */
    private static function requeue(int $invoiceId): void
    {
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)
            ->update(['state' => Capsule::raw("CASE WHEN state = 'failed' THEN 'queued' ELSE state END"),
                'next_attempt_at' => Clock::now(), 'attempts' => 0]);
    }

    public function batch(int $id): ?object
    {
        return Capsule::table(Schema::BATCHES)->where('id', $id)->first();
    }

    /** @return list<object> the newest batches */
    public function recent(int $limit = 5): array
    {
        return Capsule::table(Schema::BATCHES)->orderByDesc('id')->limit($limit)->get()->all();
    }

    public function running(): ?object
    {
        return Capsule::table(Schema::BATCHES)->where('state', 'running')->orderByDesc('id')->first();
    }

    /**
     * One page at a time works on a batch: a lease, taken with one UPDATE
     * that only one request can win. Another page (a second tab) only reads.
     */
    public function claimRunner(int $id, int $seconds): bool
    {
        $now = Clock::now();
        return Capsule::table(Schema::BATCHES)->where('id', $id)->where('state', 'running')
            ->where(static function ($q) use ($now): void {
                $q->whereNull('runner_until')->orWhere('runner_until', '<', $now);
            })
            ->update(['runner_until' => $now + $seconds]) === 1;
    }

    public function releaseRunner(int $id, int $workMs): void
    {
        Capsule::table(Schema::BATCHES)->where('id', $id)->update([
            'runner_until' => null,
            'work_ms' => Capsule::raw('work_ms + ' . max(0, $workMs)),
            'updated_at' => date('Y-m-d H:i:s'),
        ]);
    }

    /**
     * The next invoices still to do, in order, leaving out $except.
     *
     * @param list<int> $except
     * @return list<int>
     */
    public function pending(int $id, int $limit, array $except = []): array
    {
        $q = Capsule::table(Schema::BATCH_ITEMS)->where('batch_id', $id)->whereNull('outcome');
        if ($except !== []) {
            $q->whereNotIn('invoiceid', $except);
        }
        return $q->orderBy('seq')->limit($limit)->pluck('invoiceid')->map(static fn ($v) => (int) $v)->all();
    }

    /** @param array<int, string> $outcomes invoice id => outcome */
    public function setOutcomes(int $id, array $outcomes): void
    {
        $by = [];
        foreach ($outcomes as $invoiceId => $outcome) {
            $by[$outcome][] = $invoiceId;
        }
        foreach ($by as $outcome => $ids) {
            Capsule::table(Schema::BATCH_ITEMS)->where('batch_id', $id)->whereIn('invoiceid', $ids)
                ->update(['outcome' => $outcome]);
        }
    }

    public function finish(int $id): void
    {
        Capsule::table(Schema::BATCHES)->where('id', $id)->where('state', 'running')
            ->update(['state' => 'done', 'finished_at' => Clock::now(), 'updated_at' => date('Y-m-d H:i:s')]);
    }

    /** @return array<string, int> outcome => count, plus 'pending' */
    public function counts(int $id): array
    {
        $counts = array_fill_keys(self::OUTCOMES, 0) + ['pending' => 0];
        $rows = Capsule::table(Schema::BATCH_ITEMS)->where('batch_id', $id)
            ->selectRaw('outcome, count(*) as n')->groupBy('outcome')->get();
        foreach ($rows as $r) {
            $counts[$r->outcome === null ? 'pending' : (string) $r->outcome] = (int) $r->n;
        }
        return $counts;
    }

    /**
     * The invoices of a batch that need attention (failed, retry, uncertain),
     * with the reason from the ledger.
     *
     * @return list<object> invoiceid, outcome, last_error, last_error_kind, next_attempt_at, state
     */
    public function problems(int $id, int $limit = 50): array
    {
        return Capsule::table(Schema::BATCH_ITEMS . ' as b')
            ->leftJoin(Schema::LEDGER . ' as l', 'l.id', '=', 'b.invoiceid')
            ->where('b.batch_id', $id)->whereIn('b.outcome', ['failed', 'retry', 'uncertain'])
            ->orderBy('b.seq')->limit($limit)
            ->get(['b.invoiceid', 'b.outcome', 'l.state', 'l.last_error', 'l.last_error_kind', 'l.next_attempt_at', 'l.notes'])
            ->all();
    }

    /**
     * The outcome of each invoice from its ledger row, after the worker had it:
     * null while another worker holds it or its triggers still wait.
     *
     * @param list<int> $ids
     * @return array<int, ?string>
     */
    public function outcomesFromLedger(array $ids): array
    {
        $out = array_fill_keys($ids, null);
        if ($ids === []) {
            return $out;
        }
        $pending = [];
        foreach (Capsule::table(Schema::EVENTS)->whereIn('invoiceid', $ids)->distinct()->pluck('invoiceid') as $i) {
            $pending[(int) $i] = true;
        }
        $now = Clock::now();
        foreach (Capsule::table(Schema::LEDGER)->whereIn('id', $ids)->get(['id', 'state', 'lease_until', 'last_error']) as $r) {
            $id = (int) $r->id;
            $leased = $r->lease_until !== null && (int) $r->lease_until >= $now;
            $out[$id] = self::outcome((string) $r->state, isset($pending[$id]), $leased);
        }
        return $out;
    }

    /** A ledger state as a batch outcome; null: not finished yet. */
    public static function outcome(string $state, bool $triggersWaiting, bool $leased): ?string
    {
        if ($leased || $state === 'sending') {
            return null;
        }
        return match ($state) {
            'booked', 'paid', 'credited' => 'booked',
            'concept' => 'concept',
            'skipped', 'not_booked' => 'skipped',
            'failed' => 'failed',
            'uncertain' => 'uncertain',
            // queued with its triggers still waiting: the worker gave it a retry time
            'queued', '' => $triggersWaiting ? 'retry' : 'skipped',
            default => 'skipped',
        };
    }
}
