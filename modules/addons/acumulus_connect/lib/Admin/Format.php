<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Module\Addon\AcumulusConnect\Lang;

/** Amounts, dates and durations as an admin reads them (amounts never as floats). */
final class Format
{
    /** "1234.5" in the admin's language: 1,234.50 (english) or 1.234,50 (dutch). */
    public static function amount(string $decimal): string
    {
        $decimal = trim($decimal);
        if (preg_match('/^([+-]?)(\d+)(?:\.(\d+))?$/', $decimal, $m) !== 1) {
            return $decimal;
        }
        $int = ltrim($m[2], '0');
        $int = $int === '' ? '0' : $int;
        $frac = str_pad(substr($m[3] ?? '', 0, 2), 2, '0');
        $grouped = strrev(implode(Lang::t('thousands_separator'), str_split(strrev($int), 3)));
        $negative = $m[1] === '-' && ($int !== '0' || trim($frac, '0') !== '');
        return ($negative ? '-' : '') . $grouped . Lang::t('decimal_point') . $frac;
    }

    /** An amount with its currency code: "EUR 1,234.50". */
    public static function money(string $decimal, string $currency): string
    {
        return trim($currency . ' ' . self::amount($decimal));
    }

    /** Cents (int) as a decimal string "12.34". */
    public static function cents(int $cents): string
    {
        $abs = abs($cents);
        return ($cents < 0 ? '-' : '') . intdiv($abs, 100) . '.' . str_pad((string) ($abs % 100), 2, '0', STR_PAD_LEFT);
    }

    /** A Y-m-d date in the admin's WHMCS date format. */
    public static function date(?string $ymd): string
    {
        $ymd = (string) $ymd;
        if ($ymd === '' || str_starts_with($ymd, '0000-00-00')) {
            return '—';
        }
        if (function_exists('fromMySQLDate')) {
            try {
                return (string) fromMySQLDate(substr($ymd, 0, 10));
            } catch (\Throwable $e) {
                // fall through
            }
        }
        return substr($ymd, 0, 10);
    }

    /** A unix time as date and time in the admin's date format. */
    public static function time(int $ts): string
    {
        if ($ts <= 0) {
            return Lang::t('never');
        }
        return self::date(date('Y-m-d', $ts)) . ' ' . date('H:i', $ts);
    }

    /** "3 minutes ago" / "in 3 minutes". */
    public static function ago(int $ts, ?int $now = null): string
    {
        if ($ts <= 0) {
            return Lang::t('never');
        }
        $now ??= Clock::now();
        $d = $now - $ts;
        $text = self::duration(abs($d));
        return $d >= 0 ? Lang::t('time_ago', $text) : Lang::t('time_in', $text);
    }

    /** Seconds as "2 h 5 min", "4 min 10 s", "12 s". */
    public static function duration(int $s): string
    {
        if ($s < 60) {
            return Lang::t('dur_s', (string) $s);
        }
        if ($s < 3600) {
            return Lang::t('dur_min_s', (string) intdiv($s, 60), (string) ($s % 60));
        }
        if ($s < 86400) {
            return Lang::t('dur_h_min', (string) intdiv($s, 3600), (string) intdiv($s % 3600, 60));
        }
        return Lang::t('dur_d_h', (string) intdiv($s, 86400), (string) intdiv($s % 86400, 3600));
    }

    /** A WHMCS client as "Company (First Last)" or "First Last". */
    public static function clientName(?string $first, ?string $last, ?string $company): string
    {
        $person = trim((string) $first . ' ' . (string) $last);
        $company = trim((string) $company);
        if ($company !== '' && $person !== '') {
            return $company . ' (' . $person . ')';
        }
        return $company !== '' ? $company : ($person !== '' ? $person : '—');
    }
}
