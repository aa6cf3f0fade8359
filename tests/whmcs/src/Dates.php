<?php

declare(strict_types=1);

namespace WhmcsSandbox;

/**
 * toMySQLDate(), fromMySQLDate() and getTodaysDate(): dates as the admin (or
 * the client) sees them, following tblconfiguration DateFormat (or
 * ClientDateFormat when it names one of the same formats).
 */
final class Dates
{
    /** WHMCS DateFormat value => PHP date format. */
    private const FORMATS = [
        'DD/MM/YYYY' => 'd/m/Y',
        'DD.MM.YYYY' => 'd.m.Y',
        'DD-MM-YYYY' => 'd-m-Y',
        'MM/DD/YYYY' => 'm/d/Y',
        'YYYY/MM/DD' => 'Y/m/d',
        'YYYY-MM-DD' => 'Y-m-d',
    ];

    public static function phpFormat(Sandbox $sb, bool $client = false): string
    {
        $setting = $sb->settings()->get('DateFormat', 'DD/MM/YYYY');
        if ($client) {
            $clientSetting = $sb->settings()->get('ClientDateFormat');
            if (isset(self::FORMATS[$clientSetting])) {
                $setting = $clientSetting;
            }
        }
        return self::FORMATS[$setting] ?? 'd/m/Y';
    }

    /** "31/12/2026" (DateFormat DD/MM/YYYY) → "2026-12-31"; a time part is kept. */
    public static function toMySql(Sandbox $sb, string $date): string
    {
        $date = trim($date);
        if ($date === '') {
            return '';
        }
        [$day, $time] = array_pad(explode(' ', $date, 2), 2, '');
        $parsed = \DateTimeImmutable::createFromFormat('!' . self::phpFormat($sb), $day);
        if ($parsed === false || $parsed->format(self::phpFormat($sb)) !== $day) {
            // Not in the configured format; a date already in MySQL form passes.
            if (preg_match('/^\d{4}-\d{2}-\d{2}$/', $day)) {
                return $time === '' ? $day : $day . ' ' . self::fullTime($time);
            }
            return '';
        }
        return $parsed->format('Y-m-d') . ($time === '' ? '' : ' ' . self::fullTime($time));
    }

    /** "2026-12-31 10:00:00" → "31/12/2026" (with $withTime: "31/12/2026 10:00"). */
    public static function fromMySql(Sandbox $sb, string $date, bool $withTime = false, bool $client = false): string
    {
        if ($date === '' || str_starts_with($date, '0000-00-00')) {
            return '';
        }
        $dt = \DateTimeImmutable::createFromFormat('!Y-m-d' . (strlen($date) > 10 ? ' H:i:s' : ''), $date);
        if ($dt === false) {
            return '';
        }
        return $dt->format(self::phpFormat($sb, $client) . ($withTime ? ' H:i' : ''));
    }

    public static function today(Sandbox $sb, bool $client = false): string
    {
        return $sb->clock->now()->format(self::phpFormat($sb, $client));
    }

    private static function fullTime(string $time): string
    {
        return strlen($time) === 5 ? $time . ':00' : $time;
    }
}
