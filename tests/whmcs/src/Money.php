<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use InvalidArgumentException;

/**
 * Money and rates as integers, never floats.
 *
 * - Amounts are integer cents; WHMCS stores DECIMAL(16,2) and shows "12.10".
 * - Tax rates are integer thousandths of a percent; WHMCS stores DECIMAL(10,3)
 *   and shows "21.000", so 21.000 % is 21000 and the fraction is R / 100000.
 * - Rounding is half away from zero on the exact rational value (what PHP's
 *   round() means to do; WHMCS rounds floats, which can differ by a cent on
 *   values a float cannot hold, such as 1.005).
 */
final class Money
{
    /** 100 % expressed in rate units (thousandths of a percent). */
    public const RATE_ONE = 100000;

    /**
     * Parses an amount as WHMCS or a caller gives it: "12.10", "-0.5", 12,
     * "1234.567" (rounded to cents). Floats are accepted only at this boundary
     * (localAPI parameters are documented as float) and are read through their
     * shortest decimal form. Anything else is refused.
     */
    public static function cents(string|int|float|null $value): int
    {
        return self::scaled($value, 2);
    }

    /** Parses a tax rate ("21", "21.000", 25.5) into thousandths of a percent. */
    public static function rate(string|int|float|null $value): int
    {
        return self::scaled($value, 3);
    }

    /** "12.10", "-0.05", "0.00": two decimals, a point, no thousands separator. */
    public static function format(int $cents): string
    {
        return self::render($cents, 2);
    }

    /** "21.000": the three-decimal form WHMCS uses for tax rates. */
    public static function formatRate(int $rate): string
    {
        return self::render($rate, 3);
    }

    /** Exchange rates are DECIMAL(10,5) in tblcurrencies ("1.08000"). */
    public static function formatRate5(int $rate): string
    {
        return self::render($rate, 5);
    }

    public static function exchangeRate(string|int|float|null $value): int
    {
        return self::scaled($value, 5);
    }

    /**
     * round(a * b / c), half away from zero, exact. Falls back to bcmath when
     * a * b does not fit in a PHP int.
     */
    public static function mulDiv(int $a, int $b, int $c): int
    {
        if ($c === 0) {
            throw new InvalidArgumentException('division by zero');
        }
        if ($c < 0) {
            [$b, $c] = [-$b, -$c];
        }
        $product = $a * $b;
        if (is_int($product)) {
            $negative = $product < 0;
            $abs = $negative ? -$product : $product;
            $q = intdiv($abs, $c);
            if (2 * ($abs % $c) >= $c) {
                $q++;
            }
            return $negative ? -$q : $q;
        }
        $p = bcmul((string) $a, (string) $b, 0);
        $negative = $p[0] === '-';
        $abs = $negative ? substr($p, 1) : $p;
        $q = bcdiv($abs, (string) $c, 0);
        $r = bcsub($abs, bcmul($q, (string) $c, 0), 0);
        if (bccomp(bcmul($r, '2', 0), (string) $c, 0) >= 0) {
            $q = bcadd($q, '1', 0);
        }
        $q = (int) $q;
        return $negative ? -$q : $q;
    }

    private static function scaled(string|int|float|null $value, int $decimals): int
    {
        if ($value === null || $value === '') {
            return 0;
        }
        if (is_int($value)) {
            return $value * 10 ** $decimals;
        }
        if (is_float($value)) {
            if (!is_finite($value)) {
                throw new InvalidArgumentException('not a finite amount');
            }
            // The shortest decimal string that reads back as this float.
            $value = self::floatToString($value);
        }
        $s = trim($value);
        if (!preg_match('/^([+-]?)(\d*)(?:\.(\d*))?$/', $s, $m) || ($m[2] === '' && ($m[3] ?? '') === '')) {
            throw new InvalidArgumentException(sprintf('not a decimal amount: "%s"', $value));
        }
        $negative = $m[1] === '-';
        $int = $m[2] === '' ? '0' : ltrim($m[2], '0');
        $frac = $m[3] ?? '';
        $keep = str_pad(substr($frac, 0, $decimals), $decimals, '0');
        $rest = substr($frac, $decimals);
        if (strlen($int) > 15) {
            throw new InvalidArgumentException(sprintf('amount out of range: "%s"', $value));
        }
        $n = (int) ($int . $keep);
        if ($rest !== '' && $rest[0] >= '5') {
            $n++;
        }
        return $negative ? -$n : $n;
    }

    private static function floatToString(float $f): string
    {
        $s = var_export($f, true);
        if (stripos($s, 'e') !== false) {
            $s = sprintf('%.10F', $f);
        }
        return $s;
    }

    private static function render(int $n, int $decimals): string
    {
        $negative = $n < 0;
        $digits = (string) ($negative ? -$n : $n);
        $digits = str_pad($digits, $decimals + 1, '0', STR_PAD_LEFT);
        $out = substr($digits, 0, -$decimals) . '.' . substr($digits, -$decimals);
        return $negative ? '-' . $out : $out;
    }
}
