<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Worker;

/**
 * Works on a batch for a few seconds per request: the page asks again and
 * again (POST, polled), each request sends chunks of invoices until its time
 * is up and answers with the progress. No request comes near a PHP time
 * limit, and nothing is lost between requests: every outcome is in the
 * ledger and in the batch's items.
 */
final class BatchRunner
{
    /** Invoices handed to the worker at once (one call, so a concurrent Worker::processMany fits in). */
    public const CHUNK = 25;
    /** Seconds of work per request. */
    public const BUDGET = 2.5;

    /** @var callable(list<int>): void */
    private $work;
    /** Whether there is anything to work with (the extension, or the caller's own worker). */
    private bool $canWork;

    /**
     * @param null|callable(list<int>): void $work does the invoices of one
     *        chunk; default: the worker (Worker::processMany when it exists)
     */
    public function __construct(private readonly BatchStore $store = new BatchStore(), ?callable $work = null, private readonly float $budget = self::BUDGET)
    {
        $this->canWork = $work !== null || Extension::loaded();
        $this->work = $work ?? static function (array $ids): void {
            $worker = new Worker();
            if (method_exists($worker, 'processMany')) {
                $worker->processMany($ids, 4);
                return;
            }
            foreach ($ids as $id) {
                $worker->process($id);
            }
        };
    }

    /**
     * One request's worth of work, then the progress.
     *
     * @return array<string, mixed> see progress()
     */
    public function step(int $batchId): array
    {
        $batch = $this->store->batch($batchId);
        if ($batch === null) {
            return ['error' => 'not_found'];
        }
        $worked = false;
        if (
            $batch->state === 'running' && $this->canWork
            && $this->store->claimRunner($batchId, (int) ceil($this->budget) + 60)
        ) {
            $worked = true;
            $t0 = microtime(true);
            try {
                $this->run($batchId, $t0);
            } finally {
                $this->store->releaseRunner($batchId, max(1, (int) ceil((microtime(true) - $t0) * 1000)));
            }
        }
        // blocked: nothing can send here (no extension); the page says so instead of waiting
        return $this->progress($batchId) + ['worked' => $worked, 'blocked' => !$this->canWork];
    }

    private function run(int $batchId, float $t0): void
    {
        if (function_exists('ignore_user_abort')) {
            ignore_user_abort(true); // a reload in the middle of a chunk does not cut it off
        }
        $busy = [];
        do { // at least one chunk per request, however slow the last one was
            $ids = $this->store->pending($batchId, self::CHUNK, $busy);
            if ($ids === []) {
                break;
            }
            ($this->work)($ids);
            $outcomes = $this->store->outcomesFromLedger($ids);
            $done = [];
            foreach ($outcomes as $id => $outcome) {
                if ($outcome === null) {
                    $busy[] = $id; // another worker has it: look again in a later request
                } else {
                    $done[$id] = $outcome;
                }
            }
            $this->store->setOutcomes($batchId, $done);
        } while (microtime(true) - $t0 < $this->budget);
        if ($this->store->pending($batchId, 1) === []) {
            $this->store->finish($batchId);
        }
    }

    /**
     * Outcomes the cron (or another page) reached for invoices still open in
     * the batch: collected without sending anything.
     */
    public function collect(int $batchId): void
    {
        $batch = $this->store->batch($batchId);
        if ($batch === null || $batch->state !== 'running') {
            return;
        }
        $ids = $this->store->pending($batchId, 500);
        $done = array_filter($this->store->outcomesFromLedger($ids), static fn ($o) => $o !== null);
        // an invoice still queued with triggers waiting was not worked on yet: not an outcome
        foreach ($done as $id => $o) {
            if ($o === 'retry' || $o === 'skipped') {
                unset($done[$id]);
            }
        }
        $this->store->setOutcomes($batchId, $done);
        if ($this->store->pending($batchId, 1) === []) {
            $this->store->finish($batchId);
        }
    }

    /**
     * @return array{id: int, state: string, total: int, done: int, percent: int, counts: array<string, int>,
     *               eta: ?int, elapsed: int, problems: list<array<string, mixed>>}
     */
    public function progress(int $batchId): array
    {
        $batch = $this->store->batch($batchId);
        if ($batch === null) {
            return ['error' => 'not_found'];
        }
        $counts = $this->store->counts($batchId);
        $total = (int) $batch->total;
        $done = $total - $counts['pending'];
        $workMs = (int) $batch->work_ms;
        $eta = null;
        if ($batch->state === 'running' && $done > 0 && $workMs > 0) {
            $eta = (int) ceil(($total - $done) * ($workMs / 1000) / $done);
        } elseif ($batch->state !== 'running') {
            $eta = 0;
        }
        $problems = [];
        foreach ($this->store->problems($batchId, 20) as $p) {
            $problems[] = [
                'invoiceid' => (int) $p->invoiceid,
                'outcome' => (string) $p->outcome,
                'reason' => Problems::reason((string) $p->last_error_kind, (string) $p->last_error, (string) $p->notes),
            ];
        }
        $end = $batch->finished_at !== null ? (int) $batch->finished_at : Clock::now();
        return [
            'id' => (int) $batch->id,
            'state' => (string) $batch->state,
            'total' => $total,
            'done' => $done,
            'percent' => $total > 0 ? intdiv($done * 100, $total) : 100,
            'counts' => $counts,
            'eta' => $eta,
            'eta_text' => $eta === null ? '' : Format::duration($eta),
            'elapsed' => max(0, $end - (int) $batch->started_at),
            'problems' => $problems,
        ];
    }
}
