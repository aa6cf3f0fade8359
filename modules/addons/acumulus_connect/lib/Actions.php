<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * What an admin can ask for: send or resend one invoice, retry failures,
 * send a batch. Each records triggers (so nothing is lost if Acumulus is
 * down) and, when asked, does the work right away.
 */
final class Actions
{
    public function __construct(private readonly Ledger $ledger = new Ledger())
    {
    }

    /** An invoice id, or the id of an invoice number (tblinvoices.invoicenum). */
    public static function findInvoice(string $query, string $by): ?int
    {
        $query = trim($query);
        if ($query === '') {
            return null;
        }
        if ($by === 'invoicenum') {
            $id = Capsule::table('tblinvoices')->where('invoicenum', $query)->orderBy('id')->value('id');
            return $id === null ? null : (int) $id;
        }
        $id = Hooks::invoiceId($query);
        return $id !== null && Capsule::table('tblinvoices')->where('id', $id)->exists() ? $id : null;
    }

    /** Books an invoice that is not booked yet (a booked one stays as it is). */
    public function send(int $invoiceId, bool $now = true): string
    {
        $this->ledger->record($invoiceId, 'send');
        return $now ? $this->work($invoiceId) : 'queued';
    }

    /**
     * Replaces the current booking: its entry goes to the waste bin in
     * Acumulus and the invoice is booked anew.
     */
    public function resend(int $invoiceId, bool $now = true): string
    {
        $current = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $invoiceId)->where('kind', 'invoice')
            ->whereIn('state', ['booked', 'concept'])->orderByDesc('id')->value('entryid');
        $this->ledger->record($invoiceId, 'resend', $current === null ? '' : (string) $current);
        return $now ? $this->work($invoiceId) : 'queued';
    }

    /** Retry a failed (or waiting) invoice now. */
    public function retry(int $invoiceId, bool $now = true): string
    {
        Capsule::table(Schema::LEDGER)->where('id', $invoiceId)
            ->update(['state' => Capsule::raw("CASE WHEN state = 'failed' THEN 'queued' ELSE state END"),
                'next_attempt_at' => Clock::now(), 'attempts' => 0]);
        return $now ? $this->work($invoiceId) : 'queued';
    }

    /** Queues every failed invoice again; the cron (or the caller) does the work. @return int how many */
    public function retryAll(): int
    {
        return Capsule::table(Schema::LEDGER)->where('state', 'failed')
            ->update(['state' => 'queued', 'next_attempt_at' => Clock::now(), 'attempts' => 0]);
    }

    private function work(int $invoiceId): string
    {
        if (!Extension::loaded()) {
            return 'queued';
        }
        return (new Worker(null, $this->ledger))->process($invoiceId);
    }
}
