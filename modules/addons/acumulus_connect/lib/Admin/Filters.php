<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

/**
 * The batch form: a date range on the invoice date or the date paid, a
 * status and a payment gateway. Read from a request, validated, and kept
 * with the batch as JSON.
 */
final class Filters
{
    public const DATE_ON = ['date', 'datepaid'];
    public const STATUSES = ['', 'Paid', 'Unpaid', 'Cancelled', 'Refunded', 'Collections', 'Payment Pending', 'Draft'];

    public function __construct(
        public readonly string $from,
        public readonly string $to,
        public readonly string $dateOn = 'date',
        public readonly string $status = '',
        public readonly string $gateway = '',
    ) {
    }

    /** @param array<string, mixed> $in the request */
    public static function fromRequest(array $in): self
    {
        $today = date('Y-m-d');
        $from = self::date((string) ($in['from'] ?? '')) ?? date('Y-m-01');
        $to = self::date((string) ($in['to'] ?? '')) ?? $today;
        $dateOn = (string) ($in['dateon'] ?? '');
        $dateOn = in_array($dateOn, self::DATE_ON, true) ? $dateOn : 'date';
        $status = (string) ($in['status'] ?? '');
        $status = in_array($status, self::STATUSES, true) ? $status : '';
        $gateway = (string) ($in['gateway'] ?? '');
        $gateway = preg_match('/^[A-Za-z0-9_\-]{0,64}$/', $gateway) === 1 ? $gateway : '';
        return new self($from, $to, $dateOn, $status, $gateway);
    }

    /** @param array<string, mixed> $a */
    public static function fromArray(array $a): self
    {
        return self::fromRequest($a);
    }

    /** @return array<string, string> */
    public function toArray(): array
    {
        return ['from' => $this->from, 'to' => $this->to, 'dateon' => $this->dateOn, 'status' => $this->status,
            'gateway' => $this->gateway];
    }

    public function valid(): bool
    {
        return $this->from <= $this->to;
    }

    /** A date as typed: Y-m-d (an <input type="date">), or the admin's WHMCS date format. */
    public static function date(string $s): ?string
    {
        $s = trim($s);
        if ($s === '') {
            return null;
        }
        if (preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $s, $m) === 1 && checkdate((int) $m[2], (int) $m[3], (int) $m[1])) {
            return $s;
        }
        if (function_exists('toMySQLDate')) {
            try {
                $d = substr((string) toMySQLDate($s), 0, 10);
                if (preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $d, $m) === 1 && checkdate((int) $m[2], (int) $m[3], (int) $m[1])) {
                    return $d;
                }
            } catch (\Throwable $e) {
                return null;
            }
        }
        return null;
    }
}
