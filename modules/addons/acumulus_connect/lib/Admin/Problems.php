<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Schema;

/** The invoices that need the admin: failed, uncertain, or waiting to be retried after an error. */
final class Problems
{
    /**
     * @return list<object> id, state, last_error, last_error_kind, next_attempt_at, notes, updated_at,
     *         invoicenum, userid, firstname, lastname, companyname
     */
    public static function list(int $limit = 20): array
    {
        return self::query()->orderByDesc('l.updated_at')->orderByDesc('l.id')->limit($limit)
            ->get(['l.id', 'l.state', 'l.last_error', 'l.last_error_kind', 'l.next_attempt_at', 'l.notes', 'l.updated_at',
                'i.invoicenum', 'i.userid', 'c.firstname', 'c.lastname', 'c.companyname'])->all();
    }

    public static function count(): int
    {
        return self::query()->count();
    }

    /** @return list<int> */
    public static function ids(int $limit = BatchStore::MAX_INVOICES): array
    {
        return self::query()->orderBy('l.id')->limit($limit)->pluck('l.id')->map(static fn ($v) => (int) $v)->all();
    }

    private static function query(): \Illuminate\Database\Query\Builder
    {
        return Capsule::table(Schema::LEDGER . ' as l')
            ->leftJoin('tblinvoices as i', 'i.id', '=', 'l.id')
            ->leftJoin('tblclients as c', 'c.id', '=', 'i.userid')
            ->where(static function ($q): void {
                $q->whereIn('l.state', ['failed', 'uncertain'])
                    ->orWhere(static function ($q): void {
                        $q->where('l.state', 'queued')->whereNotNull('l.last_error');
                    });
            });
    }

    /**
     * What went wrong, in plain words first, then the details Acumulus or
     * the connection gave.
     */
    public static function reason(string $kind, string $error, string $notes = ''): string
    {
        $known = ['auth', 'api', 'http', 'transport', 'response', 'data', 'bug', 'unknown', 'error'];
        $plain = in_array($kind, $known, true) ? Lang::t('why_' . $kind) : '';
        $detail = trim($error !== '' ? $error : $notes);
        if ($plain === '') {
            return $detail !== '' ? $detail : Lang::t('why_none');
        }
        return $detail !== '' ? $plain . ' ' . Lang::t('details', $detail) : $plain;
    }

    /** What happens next to a problem invoice. */
    public static function next(string $state, ?int $nextAttempt): string
    {
        return match (true) {
            $state === 'failed' => Lang::t('next_failed'),
            $state === 'uncertain' => Lang::t('next_uncertain'),
            $nextAttempt !== null && $nextAttempt > 0 => Lang::t('next_retry', Format::ago($nextAttempt)),
            default => Lang::t('next_queued'),
        };
    }
}
