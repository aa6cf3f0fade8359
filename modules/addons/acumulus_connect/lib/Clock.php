<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

/**
 * The addon's idea of now: the system clock, plus an offset tests can move
 * forward to let a retry's back-off pass without waiting for it.
 */
final class Clock
{
    private static int $offset = 0;

    public static function now(): int
    {
        return time() + self::$offset;
    }

    /** date() at now. */
    public static function date(string $format): string
    {
        return date($format, self::now());
    }

    /** For tests: let $seconds pass. */
    public static function travel(int $seconds): void
    {
        self::$offset += $seconds;
    }

    /** For tests: back to the system clock. */
    public static function reset(): void
    {
        self::$offset = 0;
    }
}
