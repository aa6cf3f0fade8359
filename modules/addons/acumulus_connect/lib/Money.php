<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use InvalidArgumentException;

/** Decimal money strings as integer cents, for comparisons in the addon (never floats). */
final class Money
{
    public static function cents(string $amount): int
    {
        if (preg_match('/^\s*([+-]?)(\d+)(?:\.(\d{1,2})0*)?\s*$/', $amount, $m) !== 1) {
            throw new InvalidArgumentException("\"$amount\" is not an amount of money");
        }
        $cents = (int) $m[2] * 100 + (int) str_pad($m[3] ?? '', 2, '0');
        return $m[1] === '-' ? -$cents : $cents;
    }

    public static function format(int $cents): string
    {
        $abs = abs($cents);
        return ($cents < 0 ? '-' : '') . intdiv($abs, 100) . '.' . str_pad((string) ($abs % 100), 2, '0', STR_PAD_LEFT);
    }
}
