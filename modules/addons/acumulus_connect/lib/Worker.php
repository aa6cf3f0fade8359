<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Acumulus\CallException;
use Acumulus\Client;
use Acumulus\InvoiceMapper;
use Acumulus\Planner;
use Acumulus\Result;
use RuntimeException;
use Throwable;

/**
 * Does the work of one invoice (docs/flows.md): claim it, plan, run the
 * steps, write down each outcome, plan again until nothing is left; or stop
 * at the first failure and say what happens next (retry later, failed with
 * the reason, uncertain until it is looked up in Acumulus).
 */
final class Worker
{
    /** Rounds of planning per invoice before it is called a bug. */
    private const MAX_ROUNDS = 8;
    /** Longest wait between retries (seconds). */
    private const MAX_BACKOFF = 6 * 3600;
    /** Unexpected errors (not from Acumulus) before an invoice is marked failed. */
    private const MAX_ATTEMPTS = 10;

    private Settings $settings;
    private Ledger $ledger;
    private Context $context;
    private ?Client $client;
    /** @var array<string, true> years whose OSS threshold state was looked at */
    private array $ossChecked = [];
    /** Set when a book step found that the invoice is not to be booked (mapper skip). */
    private ?string $skipped = null;

    public function __construct(?Settings $settings = null, ?Ledger $ledger = null, ?Context $context = null, ?Client $client = null)
    {
        $this->settings = $settings ?? Settings::load();
        $this->ledger = $ledger ?? new Ledger();
        $this->context = $context ?? new Context();
        $this->client = $client;
    }

    /**
     * Works through what is due, oldest first, until $max invoices or
     * $seconds have passed. Returns the outcomes counted.
     *
     * @return array<string, int>
     */
    public function drain(int $max, int $seconds, int $concurrency = 4): array
    {
        $deadline = microtime(true) + $seconds;
        $counts = [];
        $done = 0;
        while ($done < $max && microtime(true) < $deadline) {
            $ids = $this->ledger->due(min(50, $max - $done));
            if ($ids === []) {
                break;
            }
            $progress = false;
            foreach ($this->processMany($ids, $concurrency) as $outcome) {
                $counts[$outcome] = ($counts[$outcome] ?? 0) + 1;
                $done++;
                $progress = $progress || $outcome !== 'busy';
            }
            if (!$progress) {
                break;
            }
        }
        return $counts;
    }

    /**
     * Does what is waiting for one invoice. Returns 'done', 'busy' (another
     * worker has it), 'retry', 'failed', 'uncertain' or 'waiting' (a concept).
     */
    public function process(int $invoiceId): string
    {
        if (!$this->ledger->claim($invoiceId)) {
            return 'busy';
        }
        try {
            return $this->processClaimed($invoiceId);
        } finally {
            $this->ledger->release($invoiceId);
        }
    }

    /**
     * Several invoices at once, sending their bookings concurrently (curl
     * multi, at most $concurrency at a time): for a batch. An invoice whose
     * plan is one booking is mapped, its document row written, and sent with
     * the others; every other invoice (and what follows a booking) goes
     * through process() as usual. The work is pipelined: an invoice is
     * claimed and mapped when a transfer slot is free (or one ahead while all
     * are busy), and settled once its call ended and its slot was refilled,
     * both while the other calls are in flight.
     * Returns the outcome per invoice id, in the order given.
     *
     * @param list<int> $invoiceIds
     * @param (callable(int $invoiceId, string $outcome): void)|null $progress
     * @return array<int, string>
     */
    public function processMany(array $invoiceIds, int $concurrency = 8, ?callable $progress = null): array
    {
        $invoiceIds = array_values(array_unique(array_map('intval', $invoiceIds)));
        $outcomes = array_fill_keys($invoiceIds, null);
        $claimed = [];
        $prepared = [];
        $report = static function (int $id, string $outcome) use (&$outcomes, $progress): void {
            $outcomes[$id] = $outcome;
            if ($progress !== null) {
                $progress($id, $outcome);
            }
        };
        // an invoice's work after its call (or without one); releases its claim
        $settle = function (int $id, mixed $result) use (&$claimed, &$prepared, $report): void {
            try {
                if (isset($prepared[$id])) {
                    $p = $prepared[$id];
                    unset($prepared[$id]);
                    if (!$result instanceof Result) {
                        throw new StepFailed($result instanceof Throwable ? $result : null, $p['doc']);
                    }
                    $this->finishSend($p, $result);
                }
                $report($id, $this->processClaimed($id));
            } catch (Throwable $e) {
                $report($id, $this->handle($id, $e));
            } finally {
                unset($claimed[$id]);
                $this->ledger->release($id);
            }
        };
        // pulled by the client as slots free (docs/client.md, "Batch")
        $requests = function () use ($invoiceIds, &$claimed, &$prepared, $report, $settle): \Generator {
            foreach ($invoiceIds as $id) {
                if (!$this->ledger->claim($id)) {
                    $report($id, 'busy');
                    continue;
                }
                $claimed[$id] = true;
                try {
                    $p = $this->prepareBooking($id);
                } catch (Throwable $e) {
                    unset($claimed[$id]);
                    try {
                        $report($id, $this->handle($id, $e));
                    } finally {
                        $this->ledger->release($id);
                    }
                    continue;
                }
                if ($p === null) {
                    $settle($id, null); // nothing to send together: as process() does
                    continue;
                }
                $prepared[$id] = $p;
                yield $id => ['endpoint' => 'invoices/invoice_add', 'body' => $p['document']];
            }
        };
        try {
            $this->client()->callMany(
                $requests(),
                max(1, $concurrency),
                static function (int|string $id, mixed $result) use ($settle): void {
                    $settle((int) $id, $result);
                }
            );
        } finally {
            // only when the batch itself broke off (the database went away): the
            // documents of calls that ended unreported are reconciled when next claimed
            foreach (array_keys($claimed) as $id) {
                $this->ledger->release($id);
            }
        }
        // every invoice has its outcome: one the client did not pull (it stops
        // early only when told to, which this callback never does) is done on
        // its own now rather than left waiting for the cron
        $left = array_keys(array_filter($outcomes, static fn (?string $o): bool => $o === null));
        if ($left !== []) {
            Log::activity(sprintf('Acumulus: %d invoice(s) of a batch were not sent with the others;'
                . ' sent one by one', count($left)));
            foreach ($left as $id) {
                $report($id, $this->process($id));
            }
        }
        return $outcomes;
    }

    /**
     * For processMany: when the plan of a claimed invoice is exactly one
     * booking, maps it and writes its document row; returns what to send, or
     * null (nothing to send together: process() handles it).
     */
    private function prepareBooking(int $invoiceId): ?array
    {
        [$triggers] = $this->ledger->triggers($invoiceId);
        if ($triggers === []) {
            return null;
        }
        $invoice = Whmcs::invoice($invoiceId);
        if ($invoice === null) {
            return null;
        }
        $plan = Planner::plan(
            $triggers,
            $invoice,
            $this->ledger->forPlanner($invoiceId),
            $this->settings->all(),
            $this->context->forPlanner()
        );
        if (count($plan['steps']) !== 1 || $plan['steps'][0]['action'] !== 'book') {
            return null;
        }
        $step = $plan['steps'][0];
        $map = $this->mapBooking($invoiceId, $step, $invoice);
        if ($map['skip'] !== null) {
            return null; // process() records the skip
        }
        return $this->prepareSend($invoiceId, 'invoice', (string) $step['reason'], $map, [
            'hash' => (string) $step['hash'],
            'amount' => (string) $step['amount'],
            'paymentstatus' => $step['paid'] ? 2 : 1,
            'paymentdate' => $step['paid'] && $step['paymentdate'] !== '' ? (string) $step['paymentdate'] : null,
        ], (int) $invoice['userid']);
    }

    /** The work of one claimed invoice: plan, steps, again, until it settles. */
    private function processClaimed(int $invoiceId): string
    {
        try {
            for ($round = 0; $round < self::MAX_ROUNDS; $round++) {
                [$triggers, $maxEvent] = $this->ledger->triggers($invoiceId);
                if ($triggers === []) {
                    return 'done';
                }
                $invoice = Whmcs::invoice($invoiceId);
                if ($invoice === null) {
                    $this->ledger->clearTriggers($invoiceId, $maxEvent);
                    $this->ledger->updateRow($invoiceId, ['notes' => 'the invoice no longer exists in WHMCS']);
                    continue;
                }
                $plan = Planner::plan(
                    $triggers,
                    $invoice,
                    $this->ledger->forPlanner($invoiceId),
                    $this->settings->all(),
                    $this->context->forPlanner()
                );
                if ($plan['steps'] === []) {
                    $this->ledger->clearTriggers($invoiceId, $maxEvent);
                    $this->summarize($invoiceId, $plan['notes']);
                    continue;
                }
                foreach ($plan['steps'] as $step) {
                    $this->skipped = null;
                    $this->execute($invoiceId, $step, $invoice);
                    if (!$this->ledger->renew($invoiceId)) {
                        throw new RuntimeException('the claim on the invoice was lost (a step took longer than '
                            . Ledger::LEASE . ' s)');
                    }
                    if ($this->skipped !== null) {
                        // decided on the invoice and settings as they are now: that
                        // answers the triggers seen (a later send maps it again)
                        $this->ledger->clearTriggers($invoiceId, $maxEvent);
                        $this->summarize($invoiceId, ['not booked: ' . self::skipText($this->skipped)]);
                        continue 2;
                    }
                }
            }
            return $this->failed($invoiceId, 'bug', 'the plan did not settle after ' . self::MAX_ROUNDS
                . ' rounds; please report this with the activity log');
        } catch (Throwable $e) {
            return $this->handle($invoiceId, $e);
        }
    }

    /** What a failure means for the invoice (retry, failed, uncertain, waiting). */
    private function handle(int $invoiceId, Throwable $e): string
    {
        if ($e instanceof StepFailed) {
            return $this->stepFailed($invoiceId, $e);
        }
        if ($e instanceof CallException) {
            return $this->stepFailed($invoiceId, new StepFailed($e, null));
        }
        if ($e instanceof \Acumulus\InvalidArgumentException || $e instanceof \Acumulus\LengthException) {
            // data WHMCS gave that cannot be booked, or a template that fills in too long: the message
            // names the field or the template; trying again changes nothing
            return $this->failed($invoiceId, 'data', $e->getMessage());
        }
        return $this->unexpected($invoiceId, $e);
    }

    /** The OSS threshold state of the invoice's year in the cache, fetched at most once a day (Context reads it). */
    private function ensureOssState(array $invoice): void
    {
        $year = substr((string) ($invoice['date'] ?? ''), 0, 4);
        if (preg_match('/^\d{4}$/', $year) === 1 && !isset($this->ossChecked[$year])) {
            $this->ossChecked[$year] = true;
            Acumulus::ossThresholdReached($this->client(), $year);
        }
    }

    private function client(): Client
    {
        return $this->client ??= Acumulus::client($this->settings, $this->context->whmcsVersion());
    }

    /** @throws StepFailed */
    private function execute(int $invoiceId, array $step, array &$invoice): void
    {
        switch ($step['action']) {
            case 'book':
                $this->book($invoiceId, $step, $invoice);
                return;
            case 'credit':
                $this->credit($invoiceId, $step, $invoice);
                return;
            case 'trash':
                $this->call(null, function (Client $c) use ($step): void {
                    try {
                        $r = $c->entryDeleteStatusSet((int) $step['entryid'], 1);
                        $this->moduleLog('entry_deletestatus_set', $r);
                    } catch (\Acumulus\ApiException $e) {
                        if (!$e->notFound) {
                            throw $e;
                        }
                        // already in the waste bin (or gone): what we wanted
                    }
                });
                $this->ledger->updateDocument((int) $step['document'], ['state' => 'trashed']);
                Log::activity(sprintf(
                    'Acumulus: invoice %d: entry %s moved to the waste bin (%s)',
                    $invoiceId,
                    $step['entryid'],
                    $step['reason']
                ));
                return;
            case 'payment':
                $this->call(null, function (Client $c) use ($step): void {
                    $r = $c->paymentStatusSet(
                        (string) $step['token'],
                        (int) $step['paymentstatus'],
                        $step['paymentdate'] !== '' ? (string) $step['paymentdate'] : null
                    );
                    $this->moduleLog('invoice_paymentstatus_set', $r);
                });
                $this->ledger->updateDocument((int) $step['document'], [
                    'paymentstatus' => (int) $step['paymentstatus'],
                    'paymentdate' => $step['paymentdate'] !== '' ? (string) $step['paymentdate'] : null,
                ]);
                Log::activity(sprintf(
                    'Acumulus: invoice %d marked %s in Acumulus%s',
                    $invoiceId,
                    (int) $step['paymentstatus'] === 2 ? 'paid' : 'due',
                    $step['paymentdate'] !== '' ? ' on ' . $step['paymentdate'] : ''
                ));
                return;
            case 'account':
                $this->call(null, function (Client $c) use ($step): void {
                    $r = $c->entryUpdate((int) $step['entryid'], ['accountnumber' => (string) $step['accountnumber']]);
                    $this->moduleLog('entry_update', $r);
                });
                $this->ledger->updateDocument((int) $step['document'], ['accountnumber' => (string) $step['accountnumber']]);
                Log::activity(sprintf(
                    'Acumulus: invoice %d: account %s (gateway %s)',
                    $invoiceId,
                    $step['accountnumber'],
                    $step['gateway']
                ));
                return;
            case 'gateway':
                Whmcs::setGateway($invoiceId, (string) $step['gateway']);
                $invoice['paymentmethod'] = (string) $step['gateway'];
                return;
            case 'concept':
                $this->concept($invoiceId, (int) $step['document']);
                return;
            case 'reconcile':
                (new Reconciler($this->ledger, $this->client()))->reconcile($invoiceId, (int) $step['document']);
                return;
            default:
                throw new RuntimeException('unknown step ' . (string) $step['action']);
        }
    }

    /** The invoice mapped for a booking step (the OSS threshold state of its year made known first). */
    private function mapBooking(int $invoiceId, array $step, array $invoice): array
    {
        $this->ensureOssState($invoice);
        return InvoiceMapper::map(
            $invoice,
            Whmcs::client((int) $invoice['userid']),
            $this->settings->all(),
            $this->context->forMapper($invoiceId, !$step['email'])
        );
    }

    /** @throws StepFailed */
    private function book(int $invoiceId, array $step, array $invoice): void
    {
        $map = $this->mapBooking($invoiceId, $step, $invoice);
        if ($map['skip'] !== null) {
            $this->skipped = (string) $map['skip'];
            $this->ledger->updateRow($invoiceId, ['state' => 'skipped', 'skipped_reason' => (string) $map['skip']]);
            Log::activity(
                sprintf('Acumulus: invoice %d not booked: %s', $invoiceId, self::skipText((string) $map['skip'])),
                (int) $invoice['userid']
            );
            return;
        }
        $this->send($invoiceId, 'invoice', (string) $step['reason'], $map, [
            'hash' => (string) $step['hash'],
            'amount' => (string) $step['amount'],
            'paymentstatus' => $step['paid'] ? 2 : 1,
            'paymentdate' => $step['paid'] && $step['paymentdate'] !== '' ? (string) $step['paymentdate'] : null,
        ], (int) $invoice['userid']);
    }

    /** @throws StepFailed */
    private function credit(int $invoiceId, array $step, array $invoice): void
    {
        $original = $this->ledger->document((int) $step['of']);
        if ($original === null) {
            throw new RuntimeException('the booking to credit is not in the ledger');
        }
        $client = Whmcs::client((int) $invoice['userid']);
        $document = $original->document === null ? null : json_decode((string) $original->document, true, 512, JSON_THROW_ON_ERROR);
        $extraWarnings = [];
        if (!is_array($document)) {
            // booked by the previous module, which kept no copy: the best we
            // have is the invoice as it is now
            $now = InvoiceMapper::map($invoice, $client, $this->settings->all(), $this->context->forMapper($invoiceId, true) + ['bookCancelled' => true]);
            $document = $now['document'];
            $extraWarnings[] = ['code' => 'credit.original_unknown', 'concept' => false,
                'message' => 'the original was booked by the previous module, which kept no copy: the credit note mirrors the invoice as it is in WHMCS now'];
            if ($document === null) {
                throw new \Acumulus\InvalidArgumentException(sprintf(
                    'invoice %d: no credit note can be made: %s',
                    $invoiceId,
                    self::skipText((string) $now['skip'])
                ));
            }
        }
        $map = InvoiceMapper::creditNote($document, [
            'date' => (string) $step['date'],
            'amount' => (string) $step['amount'],
            'acumulusNumber' => (string) $original->invoicenumber,
            'invoice' => $invoice,
            'client' => $client,
        ], $this->settings->all(), $this->context->forMapper($invoiceId, true));
        $map['warnings'] = array_merge($map['warnings'], $extraWarnings);
        $this->send($invoiceId, 'credit', (string) $step['kind'], $map, [
            'amount' => (string) $step['amount'],
            'of_document' => (int) $step['of'],
            'paymentstatus' => 2,
            'paymentdate' => (string) $step['date'],
        ], (int) $invoice['userid']);
    }

    /**
     * invoice_add of a mapped document: the document row is written first
     * (state sending, with a marker in the internal notes), the outcome after.
     *
     * @throws StepFailed
     */
    private function send(int $invoiceId, string $kind, string $reason, array $map, array $fields, int $clientId): void
    {
        $prepared = $this->prepareSend($invoiceId, $kind, $reason, $map, $fields, $clientId);
        $result = $this->call($prepared['doc'], fn (Client $c): Result => $c->invoiceAdd($prepared['document']));
        $this->finishSend($prepared, $result);
    }

    /**
     * The document row (state sending, with a marker in the internal notes to
     * find it again after an unknown outcome) and the document to send.
     *
     * @return array{invoice: int, doc: int, kind: string, reason: string, map: array, document: array, client: int}
     */
    private function prepareSend(int $invoiceId, string $kind, string $reason, array $map, array $fields, int $clientId): array
    {
        [$document, $ref] = self::withMarker($map['document']);
        // The request writer refuses what Acumulus cannot take (invalid UTF-8, control characters, too
        // large), naming the field: asked before the document row is written, so a refused booking is bad
        // data at once and never a document left 'sending' (nor invalid UTF-8 in the ledger's JSON).
        $this->client()->requestXml($document);
        $invoiceBlock = $document['customer']['invoice'];
        $docId = $this->ledger->startDocument($invoiceId, $kind, $reason, $fields + [
            'ref' => $ref,
            'accountnumber' => isset($invoiceBlock['accountnumber']) ? (string) $invoiceBlock['accountnumber'] : null,
            'vattype' => $map['vat']['type'] ?? null,
            'total' => $map['reconciliation']['booked_total'] ?? null,
            'document' => json_encode($document, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
            'warnings' => $map['warnings'] ? json_encode($map['warnings'], JSON_UNESCAPED_UNICODE) : null,
        ]);
        $this->ledger->updateRow($invoiceId, ['state' => 'sending']);
        return ['invoice' => $invoiceId, 'doc' => $docId, 'kind' => $kind, 'reason' => $reason, 'map' => $map,
            'document' => $document, 'client' => $clientId];
    }

    /**
     * The document with a marker of its own in the internal notes, so the
     * entry can be found again after an unknown outcome (Reconciler).
     * Letters, digits and '-' only: they reach Acumulus and come back as is.
     *
     * @return array{0: array, 1: string} the document and the marker
     */
    public static function withMarker(array $document): array
    {
        $ref = 'whmcs-acumulus-' . bin2hex(random_bytes(8));
        $notes = (string) ($document['customer']['invoice']['invoicenotes'] ?? '');
        $document['customer']['invoice']['invoicenotes'] = ($notes === '' ? '' : $notes . '\n') . 'ref: ' . $ref;
        return [$document, $ref];
    }

    /** Writes down what Acumulus answered to an invoice_add. */
    private function finishSend(array $prepared, Result $result): void
    {
        ['invoice' => $invoiceId, 'doc' => $docId, 'kind' => $kind, 'reason' => $reason, 'map' => $map] = $prepared;
        $this->moduleLog('invoice_add', $result);
        $main = $result->main;
        $token = self::str($main['token'] ?? '');
        $conceptId = self::str($main['conceptid'] ?? '');
        $number = self::str($main['invoicenumber'] ?? '');
        $entryId = self::str($main['entryid'] ?? '');
        $warnings = $map['warnings'];
        foreach ($result->warnings as $w) {
            $warnings[] = ['code' => $w['code'] . ' ' . $w['codetag'], 'message' => $w['message'], 'concept' => false];
        }
        $state = $token !== '' ? 'booked' : ($conceptId !== '' ? 'concept' : 'booked');
        $this->ledger->updateDocument($docId, [
            'state' => $state,
            'token' => $token,
            'entryid' => $entryId,
            'invoicenumber' => $number,
            'conceptid' => $conceptId !== '' ? $conceptId : null,
            'contactid' => self::str($main['contactid'] ?? '') ?: null,
            'warnings' => $warnings ? json_encode($warnings, JSON_UNESCAPED_UNICODE) : null,
        ]);
        if ($kind === 'invoice') {
            // the columns of the previous module point at the current booking
            $this->ledger->updateRow($invoiceId, [
                'token' => $token, 'entryid' => $entryId, 'invoicenumber' => $number,
                'warnings' => $warnings ? json_encode($warnings, JSON_UNESCAPED_UNICODE) : null,
            ]);
        }
        Log::activity(sprintf(
            'Acumulus: invoice %d %s as Acumulus %s %s (%s%s, total EUR %s)%s',
            $invoiceId,
            $state === 'concept' ? 'sent as a concept' : 'booked',
            $kind === 'credit' ? 'credit note' : 'invoice',
            $number !== '' ? $number : ($conceptId !== '' ? 'concept ' . $conceptId : '?'),
            $reason,
            isset($map['vat']['type']) ? ', VAT type ' . $map['vat']['type'] : '',
            (string) ($map['reconciliation']['booked_total'] ?? '?'),
            $warnings ? '; warnings: ' . implode('; ', array_map(static fn ($w) => $w['message'], $warnings)) : ''
        ), $prepared['client']);
    }

    /** @throws StepFailed */
    private function concept(int $invoiceId, int $docId): void
    {
        $doc = $this->ledger->document($docId);
        $conceptId = (int) ($doc->conceptid ?? 0);
        if ($conceptId <= 0) {
            throw new \Acumulus\InvalidArgumentException("invoice $invoiceId: the concept has no concept id");
        }
        $info = $this->call(null, fn (Client $c): Result => $c->conceptInfo($conceptId));
        $entry = $info->main['entryid'] ?? '';
        $entryId = is_array($entry) ? (string) (end($entry) ?: '') : self::str($entry);
        if ($entryId === '') {
            throw new Waiting('the invoice is a concept in Acumulus; it is updated once it is made final there', $docId, 'concept');
        }
        $e = $this->call(null, fn (Client $c): Result => $c->entryInfo((int) $entryId));
        $this->ledger->updateDocument($docId, [
            'state' => 'booked', 'entryid' => $entryId, 'token' => self::str($e->main['token'] ?? ''),
            'invoicenumber' => self::str($e->main['invoicenumber'] ?? $doc->invoicenumber),
        ]);
        $this->ledger->updateRow($invoiceId, ['token' => self::str($e->main['token'] ?? ''), 'entryid' => $entryId]);
    }

    /**
     * Runs an API call; any failure becomes a StepFailed that knows the
     * document it concerns.
     *
     * @template T
     * @param callable(Client): T $fn
     * @return T
     * @throws StepFailed
     */
    private function call(?int $docId, callable $fn): mixed
    {
        try {
            return $fn($this->client());
        } catch (CallException $e) {
            throw new StepFailed($e, $docId);
        }
    }

    private function moduleLog(string $action, Result $r): void
    {
        Log::module($action, $r->request, $r->response, $r->main, [
            $this->settings->get('acumulus_code'), $this->settings->get('acumulus_username'),
            $this->settings->get('acumulus_password'),
        ]);
    }

    /** The invoice is quiet: its state follows from what was sent. */
    private function summarize(int $invoiceId, array $notes): void
    {
        $data = $this->ledger->forPlanner($invoiceId);
        $cur = null;
        foreach ($data['documents'] as $d) {
            if ($d['kind'] === 'invoice' && in_array($d['state'], ['booked', 'concept'], true)) {
                $cur = $d;
            }
        }
        $credited = 0;
        $conceptCredit = false; // a credit note Acumulus made a concept waits for the bookkeeper too
        foreach ($data['documents'] as $d) {
            if ($cur !== null && $d['kind'] === 'credit' && $d['of'] === $cur['id'] && $d['state'] === 'booked') {
                $credited += Money::cents((string) $d['amount']);
            }
            if ($cur !== null && $d['kind'] === 'credit' && $d['of'] === $cur['id'] && $d['state'] === 'concept') {
                $conceptCredit = true;
            }
        }
        if ($data['skipped'] !== null) {
            $state = 'skipped';
        } elseif ($cur === null) {
            $state = 'not_booked';
        } elseif ($cur['state'] === 'concept' || $conceptCredit) {
            $state = 'concept';
        } elseif ($cur['amount'] !== null && $credited > 0 && $credited >= Money::cents((string) $cur['amount'])) {
            $state = 'credited';
        } elseif ($cur['paymentstatus'] === 2) {
            $state = 'paid';
        } else {
            $state = 'booked';
        }
        $this->ledger->updateRow($invoiceId, [
            'state' => $state,
            'notes' => $notes ? implode("\n", $notes) : null,
            'attempts' => 0, 'next_attempt_at' => null, 'last_error' => null, 'last_error_kind' => null,
        ]);
    }

    private function stepFailed(int $invoiceId, StepFailed $f): string
    {
        $e = $f->getPrevious();
        if ($f instanceof Waiting) {
            $this->ledger->updateRow($invoiceId, [
                'state' => $f->state, 'notes' => $f->getMessage(), 'next_attempt_at' => Clock::now() + self::MAX_BACKOFF,
            ]);
            Log::activity("Acumulus: invoice $invoiceId waits: " . $f->getMessage());
            return 'waiting';
        }
        $message = self::describe($e);
        if ($e instanceof CallException && $e->outcomeUnknown) {
            if ($f->docId !== null) {
                $this->ledger->updateDocument($f->docId, ['state' => 'uncertain']);
            }
            $this->retryLater($invoiceId, 'uncertain', 'unknown', $message, null);
            Log::activity("Acumulus: invoice $invoiceId: outcome unknown ($message); it is looked up in Acumulus before anything is sent again");
            return 'uncertain';
        }
        if ($f->docId !== null) {
            // refused or never sent: nothing was stored
            $this->ledger->updateDocument($f->docId, ['state' => 'failed']);
        }
        if ($e instanceof CallException && $e->retryable) {
            $this->retryLater(
                $invoiceId,
                'queued',
                self::kind($e),
                $message,
                $e instanceof \Acumulus\HttpException ? $e->retryAfter : null
            );
            return 'retry';
        }
        return $this->failed($invoiceId, self::kind($e), $message);
    }

    private function unexpected(int $invoiceId, Throwable $e): string
    {
        $row = $this->ledger->row($invoiceId);
        $attempts = (int) ($row->attempts ?? 0) + 1;
        $message = get_class($e) . ': ' . $e->getMessage();
        if ($attempts >= self::MAX_ATTEMPTS) {
            return $this->failed($invoiceId, 'error', $message . " (after $attempts attempts)");
        }
        $this->retryLater($invoiceId, 'queued', 'error', $message, null);
        Log::exception("working on invoice $invoiceId", $e);
        return 'retry';
    }

    private function retryLater(int $invoiceId, string $state, string $kind, string $message, ?int $retryAfter): void
    {
        $row = $this->ledger->row($invoiceId);
        $attempts = (int) ($row->attempts ?? 0) + 1;
        $wait = min(self::MAX_BACKOFF, 60 * (2 ** min($attempts - 1, 12)));
        if ($retryAfter !== null && $retryAfter > $wait) {
            $wait = min($retryAfter, self::MAX_BACKOFF);
        }
        $this->ledger->updateRow($invoiceId, [
            'state' => $state, 'attempts' => $attempts, 'next_attempt_at' => Clock::now() + $wait,
            'last_error' => $message, 'last_error_kind' => $kind,
        ]);
    }

    private function failed(int $invoiceId, string $kind, string $message): string
    {
        $row = $this->ledger->row($invoiceId);
        $this->ledger->updateRow($invoiceId, [
            'state' => 'failed', 'attempts' => (int) ($row->attempts ?? 0) + 1, 'next_attempt_at' => null,
            'last_error' => $message, 'last_error_kind' => $kind,
        ]);
        Log::activity("Acumulus: invoice $invoiceId failed: $message");
        return 'failed';
    }

    /** A failure in words for the admin, with the codes Acumulus gave. */
    public static function describe(?Throwable $e): string
    {
        if ($e === null) {
            return 'unknown error';
        }
        if ($e instanceof \Acumulus\ApiException || $e instanceof \Acumulus\AuthenticationException) {
            $parts = [];
            foreach ($e->errors as $err) {
                $parts[] = trim($err['message'] . ' [' . $err['code'] . ' ' . $err['codetag'] . ']');
            }
            if ($parts) {
                return ($e instanceof \Acumulus\AuthenticationException ? 'Acumulus refused the credentials: ' : 'Acumulus refused it: ')
                    . implode('; ', $parts);
            }
        }
        return $e->getMessage();
    }

    private static function kind(?Throwable $e): string
    {
        return match (true) {
            $e instanceof \Acumulus\AuthenticationException => 'auth',
            $e instanceof \Acumulus\ApiException => 'api',
            $e instanceof \Acumulus\HttpException => 'http',
            $e instanceof \Acumulus\ResponseException => 'response',
            $e instanceof \Acumulus\TransportException => 'transport',
            default => 'error',
        };
    }

    public static function skipText(string $skip): string
    {
        return match ($skip) {
            'draft' => 'it is a draft',
            'cancelled' => 'it was cancelled before it was booked',
            'mass-payment' => 'it is a mass-payment invoice; the invoices it pays are booked themselves',
            'add-funds' => 'it is an add-funds invoice (prepaid credit is not revenue)',
            'zero-total' => 'its total is zero (setting)',
            'empty' => 'it has no items',
            default => $skip,
        };
    }

    /** An API scalar: strings as they are, ints in decimal, empty values ({} / []) as "". */
    private static function str(mixed $v): string
    {
        return is_string($v) ? $v : (is_int($v) ? (string) $v : '');
    }
}
