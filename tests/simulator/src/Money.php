<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Decimal arithmetic for amounts, quantities and rates, on decimal strings
 * (bcmath), never on floats.
 *
 * Rounding is "half away from zero" everywhere: 0.005 -> 0.01, -0.005 -> -0.01.
 */
final class Money
{
    /** A plain decimal: optional sign, digits, optional fraction. No exponent, no comma. */
    private const DECIMAL = '/^[+-]?(\d+(\.\d*)?|\.\d+)$/';

    public static function isDecimal(string $s): bool
    {
        return preg_match(self::DECIMAL, trim($s)) === 1;
    }

    /** Normalises "+1.5", ".5", "1." into a bcmath-friendly string; throws on anything else. */
    public static function parse(string $s): string
    {
        $s = trim($s);
        if (!self::isDecimal($s)) {
            throw new \InvalidArgumentException('not a decimal number');
        }
        $neg = $s[0] === '-';
        $s = ltrim($s, '+-');
        if ($s[0] === '.') {
            $s = '0' . $s;
        }
        $s = rtrim($s, '.');
        if (str_contains($s, '.')) {
            $s = rtrim(rtrim($s, '0'), '.');
        }
        $s = ltrim($s, '0');
        if ($s === '' || $s[0] === '.') {
            $s = '0' . $s;
        }
        return ($neg && $s !== '0') ? '-' . $s : $s;
    }

    /** Rounds a decimal string to $scale decimals, half away from zero. */
    public static function round(string $value, int $scale): string
    {
        $value = self::parse($value);
        $half = '0.' . str_repeat('0', $scale) . '5';
        return str_starts_with($value, '-')
            ? self::fix(bcsub($value, $half, $scale), $scale)
            : bcadd($value, $half, $scale);
    }

    public static function mul(string $a, string $b): string
    {
        return bcmul($a, $b, self::scaleOf($a) + self::scaleOf($b));
    }

    public static function add(string $a, string $b, int $scale = 2): string
    {
        return self::fix(bcadd($a, $b, $scale), $scale);
    }

    public static function sub(string $a, string $b, int $scale = 2): string
    {
        return self::fix(bcsub($a, $b, $scale), $scale);
    }

    /** $a / $b rounded half away from zero to $scale decimals. */
    public static function div(string $a, string $b, int $scale): string
    {
        return self::round(bcdiv($a, $b, $scale + 4), $scale);
    }

    public static function cmp(string $a, string $b): int
    {
        return bccomp($a, $b, max(self::scaleOf($a), self::scaleOf($b)));
    }

    /** Formats to exactly $scale decimals (the value must not need rounding). */
    public static function format(string $value, int $scale): string
    {
        return self::fix(bcadd(self::parse($value), '0', $scale), $scale);
    }

    private static function scaleOf(string $s): int
    {
        $p = strpos($s, '.');
        return $p === false ? 0 : strlen($s) - $p - 1;
    }

    /** bcmath writes "-0.00" for a negative value that rounds to zero. */
    private static function fix(string $s, int $scale): string
    {
        return $s === '-' . bcadd('0', '0', $scale) ? substr($s, 1) : $s;
    }
}
