<?php

declare(strict_types=1);

namespace AcuSim;

final class Dates
{
    /** A real calendar date written YYYY-MM-DD. */
    public static function valid(string $s): bool
    {
        if (preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $s, $m) !== 1) {
            return false;
        }
        return checkdate((int) $m[2], (int) $m[3], (int) $m[1]);
    }

    /** Valid and within the range the payment calls accept. */
    public static function inPaymentRange(string $s): bool
    {
        return self::valid($s) && $s >= '2000-01-01' && $s <= '2099-12-31';
    }
}
