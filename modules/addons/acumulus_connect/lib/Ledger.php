<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * The ledger: per WHMCS invoice its state, the triggers waiting for it, and
 * every Acumulus document made for it. All writes are small and atomic; a
 * send is preceded by claiming the invoice's row (docs/flows.md).
 */
final class Ledger
{
    /** How long a claim holds before another worker may take over (seconds). */
    public const LEASE = 120;

    private string $owner;

    public function __construct(?string $owner = null)
    {
        $this->owner = $owner ?? (gethostname() . ':' . getmypid() . ':' . bin2hex(random_bytes(4)));
    }

    public function owner(): string
    {
        return $this->owner;
    }

    /**
     * Records that something happened to an invoice: one INSERT of the
     * trigger, and the invoice's row marked queued (created if missing).
     * This is all a WHMCS hook does in its request.
     */
    public function record(int $invoiceId, string $trigger, ?string $payload = null): void
    {
        $now = Clock::now();
        Capsule::table(Schema::EVENTS)->insert([
            'invoiceid' => $invoiceId, 'trigger' => $trigger, 'payload' => $payload, 'created' => $now,
        ]);
        $ts = date('Y-m-d H:i:s', $now);
        Capsule::table(Schema::LEDGER)->insertOrIgnore([
            'id' => $invoiceId, 'token' => '', 'entryid' => '', 'state' => 'queued',
            'created_at' => $ts, 'updated_at' => $ts,
        ]);
        // Due now. A failed invoice is queued again: something happened to it,
        // which is not a blind retry. An uncertain one stays uncertain: it is
        // looked up in Acumulus before anything else is sent.
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)
            ->update([
                'next_attempt_at' => $now,
                'state' => Capsule::raw("CASE WHEN state = 'failed' THEN 'queued' ELSE state END"),
                'updated_at' => $ts,
            ]);
    }

    /**
     * Claims an invoice for this worker: one UPDATE that only one process can
     * win. True when claimed. (The owner is new to the row each time, so the
     * UPDATE changes it and MySQL's changed-rows count is 1 for the winner.)
     */
    public function claim(int $invoiceId): bool
    {
        $now = Clock::now();
        $n = Capsule::table(Schema::LEDGER)->where('id', $invoiceId)
            ->where(static function ($q) use ($now): void {
                $q->whereNull('lease_until')->orWhere('lease_until', '<', $now);
            })
            ->update(['lease_owner' => $this->owner, 'lease_until' => $now + self::LEASE]);
        return $n === 1;
    }

    /** Extends a claim this worker holds; false when it was lost. */
    public function renew(int $invoiceId): bool
    {
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)->where('lease_owner', $this->owner)
            ->update(['lease_until' => Clock::now() + self::LEASE]);
        // MySQL counts changed rows, not matched ones: a renewal within the
        // same second changes nothing, so ask whether the claim is still ours
        return Capsule::table(Schema::LEDGER)->where('id', $invoiceId)->where('lease_owner', $this->owner)->exists();
    }

    public function release(int $invoiceId): void
    {
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)->where('lease_owner', $this->owner)
            ->update(['lease_owner' => null, 'lease_until' => null]);
    }

    public function row(int $invoiceId): ?object
    {
        return Capsule::table(Schema::LEDGER)->where('id', $invoiceId)->first();
    }

    /**
     * The pending triggers of an invoice, coalesced: name => payload (the
     * latest), and the id of the newest event seen (to delete exactly those).
     *
     * @return array{0: array<string, ?string>, 1: int}
     */
    public function triggers(int $invoiceId): array
    {
        $triggers = [];
        $max = 0;
        foreach (Capsule::table(Schema::EVENTS)->where('invoiceid', $invoiceId)->orderBy('id')->get() as $e) {
            $triggers[(string) $e->trigger] = $e->payload === null ? null : (string) $e->payload;
            $max = max($max, (int) $e->id);
        }
        return [$triggers, $max];
    }

    /** Deletes the events up to and including $maxId: they were satisfied or dropped. */
    public function clearTriggers(int $invoiceId, int $maxId): void
    {
        Capsule::table(Schema::EVENTS)->where('invoiceid', $invoiceId)->where('id', '<=', $maxId)->delete();
    }

    /**
     * What was sent for an invoice, as the planner wants it. A row of the
     * previous module (token and entry id, no documents) becomes a document
     * first, so it is updated like any other.
     *
     * @return array{skipped: ?string, documents: list<array<string, mixed>>}
     */
    public function forPlanner(int $invoiceId): array
    {
        $row = $this->row($invoiceId);
        $docs = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $invoiceId)->orderBy('id')->get();
        if ($row !== null && count($docs) === 0 && (string) $row->token !== '') {
            $this->adoptLegacy($row);
            $docs = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $invoiceId)->orderBy('id')->get();
        }
        $list = [];
        foreach ($docs as $d) {
            $list[] = [
                'id' => (int) $d->id,
                'kind' => (string) $d->kind,
                'reason' => (string) $d->reason,
                'state' => (string) $d->state,
                'token' => (string) $d->token,
                'entryid' => (string) $d->entryid,
                'invoicenumber' => (string) $d->invoicenumber,
                'conceptid' => (string) $d->conceptid,
                'paymentstatus' => $d->paymentstatus === null ? null : (int) $d->paymentstatus,
                'accountnumber' => (string) $d->accountnumber,
                'hash' => (string) $d->hash,
                'amount' => $d->amount === null ? null : (string) $d->amount,
                'of' => $d->of_document === null ? null : (int) $d->of_document,
            ];
        }
        return [
            'skipped' => $row !== null && $row->state === 'skipped' ? (string) $row->skipped_reason : null,
            'documents' => $list,
        ];
    }

    private function adoptLegacy(object $row): void
    {
        $ts = Clock::date('Y-m-d H:i:s');
        Capsule::table(Schema::DOCUMENTS)->insert([
            'invoiceid' => (int) $row->id, 'kind' => 'invoice', 'reason' => 'legacy', 'state' => 'booked',
            'token' => (string) $row->token, 'entryid' => (string) $row->entryid,
            'created_at' => $row->created_at ?? $ts, 'updated_at' => $ts,
        ]);
    }

    /** Starts a document that is about to be sent: state sending, and when. */
    public function startDocument(int $invoiceId, string $kind, string $reason, array $fields = []): int
    {
        $ts = Clock::date('Y-m-d H:i:s');
        return (int) Capsule::table(Schema::DOCUMENTS)->insertGetId($fields + [
            'invoiceid' => $invoiceId, 'kind' => $kind, 'reason' => $reason, 'state' => 'sending',
            'attempt_started' => Clock::now(), 'created_at' => $ts, 'updated_at' => $ts,
        ]);
    }

    public function updateDocument(int $docId, array $fields): void
    {
        Capsule::table(Schema::DOCUMENTS)->where('id', $docId)
            ->update($fields + ['updated_at' => Clock::date('Y-m-d H:i:s')]);
    }

    public function document(int $docId): ?object
    {
        return Capsule::table(Schema::DOCUMENTS)->where('id', $docId)->first();
    }

    /** Updates the invoice's row (state, error, retry time, the current booking for compatibility). */
    public function updateRow(int $invoiceId, array $fields): void
    {
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)
            ->update($fields + ['updated_at' => Clock::date('Y-m-d H:i:s')]);
    }

    /**
     * Invoices with work waiting and due: ids, oldest first.
     *
     * @return list<int>
     */
    public function due(int $limit): array
    {
        $now = Clock::now();
        return Capsule::table(Schema::LEDGER)
            ->whereIn('id', Capsule::table(Schema::EVENTS)->select('invoiceid'))
            ->where(static function ($q) use ($now): void {
                $q->whereNull('next_attempt_at')->orWhere('next_attempt_at', '<=', $now);
            })
            ->where(static function ($q) use ($now): void {
                $q->whereNull('lease_until')->orWhere('lease_until', '<', $now);
            })
            ->where(static function ($q): void {
                $q->whereNull('state')->orWhereNotIn('state', ['failed']);
            })
            ->orderBy('next_attempt_at')->orderBy('id')->limit($limit)->pluck('id')
            ->map(static fn ($id) => (int) $id)->all();
    }
}
