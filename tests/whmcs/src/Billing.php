<?php

declare(strict_types=1);

namespace WhmcsSandbox;

/**
 * WHMCS-like invoice totals, in integer cents (an emulation; see
 * docs/whmcs-sandbox.md, "Invoice maths").
 *
 * Inputs are the invoice lines (amount in cents, taxed flag), the two frozen
 * rates of the invoice (thousandths of a percent) and four settings:
 *
 * - TaxType Exclusive: line amounts are net. tax = base x rate.
 *   TaxL2Compound: level 2 is charged on base + level-1 tax.
 * - TaxType Inclusive: line amounts are gross (tax included). The tax in a
 *   gross amount g is g x r1 / (1 + r1 + r2) and g x r2 / (1 + r1 + r2);
 *   compound: tax2 = g x r2 / (1 + r2), tax1 = g x r1 / ((1 + r1)(1 + r2)).
 * - TaxPerLineItem: each taxed line's tax is rounded to cents and summed;
 *   otherwise the tax of the summed taxable base is rounded once.
 *
 * Results: subtotal, tax, tax2 and the gross total before credit, such that
 * subtotal + tax + tax2 = gross. The stored `total` is gross - credit, which
 * gives WHMCS's invariant subtotal + tax + tax2 = total + credit. In Exclusive
 * mode subtotal is the sum of the lines; in Inclusive mode the sum of the
 * lines is the gross and subtotal is what is left after the tax.
 */
final class Billing
{
    /**
     * @param list<array{0:int,1:bool}> $lines [amount in cents, taxed]
     * @return array{subtotal:int,tax:int,tax2:int,gross:int}
     */
    public static function totals(
        array $lines,
        int $rate1,
        int $rate2,
        bool $inclusive,
        bool $compound,
        bool $perLine
    ): array {
        $sum = 0;
        $taxable = [];
        foreach ($lines as [$amount, $taxed]) {
            $sum += $amount;
            if ($taxed) {
                $taxable[] = $amount;
            }
        }
        if (!$perLine) {
            $taxable = [array_sum($taxable)];
        }
        $tax1 = 0;
        $tax2 = 0;
        foreach ($taxable as $amount) {
            [$t1, $t2] = self::lineTax($amount, $rate1, $rate2, $inclusive, $compound);
            $tax1 += $t1;
            $tax2 += $t2;
        }
        if ($inclusive) {
            return ['subtotal' => $sum - $tax1 - $tax2, 'tax' => $tax1, 'tax2' => $tax2, 'gross' => $sum];
        }
        return ['subtotal' => $sum, 'tax' => $tax1, 'tax2' => $tax2, 'gross' => $sum + $tax1 + $tax2];
    }

    /**
     * The level-1 and level-2 tax of one amount, each rounded to cents.
     *
     * @return array{0:int,1:int}
     */
    public static function lineTax(int $amount, int $rate1, int $rate2, bool $inclusive, bool $compound): array
    {
        $one = Money::RATE_ONE;
        if (!$inclusive) {
            $t1 = Money::mulDiv($amount, $rate1, $one);
            $t2 = Money::mulDiv($compound ? $amount + $t1 : $amount, $rate2, $one);
            return [$t1, $t2];
        }
        if ($compound) {
            $t2 = Money::mulDiv($amount, $rate2, $one + $rate2);
            // tax1 = g * one * r1 / ((one + r1) * (one + r2)), rounded once from
            // the exact value.
            $t1 = self::mulDiv3($amount, $one, $rate1, ($one + $rate1), ($one + $rate2));
            return [$t1, $t2];
        }
        $den = $one + $rate1 + $rate2;
        return [Money::mulDiv($amount, $rate1, $den), Money::mulDiv($amount, $rate2, $den)];
    }

    /**
     * The net price that makes the given inclusive price free of tax for an
     * exempt client (TaxInclusiveDeduct): gross minus the tax it contains.
     */
    public static function deductInclusiveTax(int $gross, int $rate1, int $rate2, bool $compound): int
    {
        [$t1, $t2] = self::lineTax($gross, $rate1, $rate2, true, $compound);
        return $gross - $t1 - $t2;
    }

    /** round(a * b * c / (d * e)) without overflow. */
    private static function mulDiv3(int $a, int $b, int $c, int $d, int $e): int
    {
        $num = bcmul(bcmul((string) $a, (string) $b, 0), (string) $c, 0);
        $den = bcmul((string) $d, (string) $e, 0);
        $negative = $num[0] === '-';
        $abs = $negative ? substr($num, 1) : $num;
        $q = bcdiv($abs, $den, 0);
        $r = bcsub($abs, bcmul($q, $den, 0), 0);
        if (bccomp(bcmul($r, '2', 0), $den, 0) >= 0) {
            $q = bcadd($q, '1', 0);
        }
        return $negative ? -(int) $q : (int) $q;
    }
}
