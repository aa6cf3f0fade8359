<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use InvalidArgumentException;
use PHPUnit\Framework\TestCase as PlainTestCase;
use WhmcsSandbox\Billing;
use WhmcsSandbox\Dice;
use WhmcsSandbox\Money;

/** Money parsing/formatting and the invoice maths, without a database. */
final class BillingTest extends PlainTestCase
{
    public function testParsesAmountsIntoCents(): void
    {
        $this->assertSame(1210, Money::cents('12.10'));
        $this->assertSame(-50, Money::cents('-0.5'));
        $this->assertSame(1200, Money::cents(12));
        $this->assertSame(101, Money::cents('1.005'), 'half a cent rounds away from zero');
        $this->assertSame(-101, Money::cents('-1.005'));
        $this->assertSame(101, Money::cents(1.005), 'a float is read through its shortest decimal form');
        $this->assertSame(1995, Money::cents(19.95));
        $this->assertSame(0, Money::cents(''));
        $this->assertSame(25500, Money::rate('25.5'));
        $this->assertSame(21000, Money::rate('21.000'));
    }

    /** @dataProvider notAmounts */
    public function testRefusesWhatIsNotAnAmount(string $value): void
    {
        $this->expectException(InvalidArgumentException::class);
        Money::cents($value);
    }

    /** @return array<string,array{string}> */
    public static function notAmounts(): array
    {
        return ['thousands separator' => ['1,234.50'], 'text' => ['abc'], 'comma decimal' => ['12,50'],
            'two points' => ['1.2.3'], 'sign only' => ['-'], 'exponent' => ['1e3']];
    }

    public function testFormatsWithTwoDecimalsAndNoSeparators(): void
    {
        $this->assertSame('0.00', Money::format(0));
        $this->assertSame('-0.05', Money::format(-5));
        $this->assertSame('1234567.89', Money::format(123456789));
        $this->assertSame('21.000', Money::formatRate(21000));
        $this->assertSame('0.000', Money::formatRate(0));
        $this->assertSame('1.08000', Money::formatRate5(108000));
    }

    public function testMulDivRoundsHalfAwayFromZeroAndSurvivesOverflow(): void
    {
        $this->assertSame(22, Money::mulDiv(105, 21000, 100000), '22.05');
        $this->assertSame(221, Money::mulDiv(1050, 21000, 100000), '220.5 rounds up');
        $this->assertSame(-53, Money::mulDiv(-250, 21000, 100000), '-52.5 rounds away from zero');
        $this->assertSame(3, Money::mulDiv(5, 1, 2));
        $big = intdiv(PHP_INT_MAX, 10);
        $this->assertSame($big, Money::mulDiv($big, 100, 100), 'a * b overflows an int');
        $this->assertSame(-$big, Money::mulDiv(-$big, 100, 100));
        // $big is a multiple of 3: 2/3 of $big + 1 ends in .67 and rounds up.
        $this->assertSame(intdiv($big, 3) * 2 + 1, Money::mulDiv($big + 1, 200, 300));
    }

    public function testExclusiveTaxOnTheTotal(): void
    {
        $t = Billing::totals([[995, true], [799, true], [500, false]], 21000, 0, false, false, false);
        // 17.94 x 21 % = 3.7674
        $this->assertSame(['subtotal' => 2294, 'tax' => 377, 'tax2' => 0, 'gross' => 2671], $t);
    }

    public function testPerLineRoundingDiffersFromRoundingTheTotal(): void
    {
        $lines = array_fill(0, 10, [105, true]);
        // each line 0.2205 -> 0.22; the total 10.50 x 21 % = 2.205 -> 2.21
        $this->assertSame(220, Billing::totals($lines, 21000, 0, false, false, true)['tax']);
        $this->assertSame(221, Billing::totals($lines, 21000, 0, false, false, false)['tax']);
        // A discount line: per line 2.10 + (-0.525 -> -0.53); on the total 7.50 x 21 % = 1.575
        $this->assertSame(157, Billing::totals([[1000, true], [-250, true]], 21000, 0, false, false, true)['tax']);
        $this->assertSame(158, Billing::totals([[1000, true], [-250, true]], 21000, 0, false, false, false)['tax']);
    }

    public function testTwoLevelsSimpleAndCompound(): void
    {
        $simple = Billing::totals([[1000, true]], 10000, 5000, false, false, false);
        $this->assertSame(['subtotal' => 1000, 'tax' => 100, 'tax2' => 50, 'gross' => 1150], $simple);
        $compound = Billing::totals([[1000, true]], 10000, 5000, false, true, false);
        $this->assertSame(['subtotal' => 1000, 'tax' => 100, 'tax2' => 55, 'gross' => 1155], $compound);
    }

    public function testInclusivePricesContainTheTax(): void
    {
        $this->assertSame(
            ['subtotal' => 1000, 'tax' => 210, 'tax2' => 0, 'gross' => 1210],
            Billing::totals([[1210, true]], 21000, 0, true, false, false)
        );
        $this->assertSame(
            ['subtotal' => 1000, 'tax' => 100, 'tax2' => 50, 'gross' => 1150],
            Billing::totals([[1150, true]], 10000, 5000, true, false, false)
        );
        $this->assertSame(
            ['subtotal' => 1000, 'tax' => 100, 'tax2' => 55, 'gross' => 1155],
            Billing::totals([[1155, true]], 10000, 5000, true, true, false)
        );
        // An untaxed line stays whole in the subtotal.
        $this->assertSame(
            ['subtotal' => 1500, 'tax' => 210, 'tax2' => 0, 'gross' => 1710],
            Billing::totals([[1210, true], [500, false]], 21000, 0, true, false, false)
        );
    }

    public function testInclusiveDeductLeavesTheNetPrice(): void
    {
        $this->assertSame(1000, Billing::deductInclusiveTax(1210, 21000, 0, false));
        $this->assertSame(1000, Billing::deductInclusiveTax(1155, 10000, 5000, true));
    }

    /**
     * For every combination of the four settings and many random invoices:
     * subtotal + tax + tax2 = gross, tax is never negative on positive lines,
     * and per-line rounding is within a cent per line of rounding the total.
     */
    public function testInvariantsHoldForRandomInvoices(): void
    {
        $dice = new Dice(20261201);
        $checked = 0;
        foreach ([false, true] as $inclusive) {
            foreach ([false, true] as $compound) {
                for ($i = 0; $i < 300; $i++) {
                    $lines = [];
                    for ($n = $dice->int(1, 8); $n > 0; $n--) {
                        $lines[] = [$dice->int(1, 500000), $dice->int(0, 3) > 0];
                    }
                    $r1 = $dice->pick([0, 9000, 19000, 21000, 25500, 27000]);
                    $r2 = $dice->pick([0, 0, 5000, 9975]);
                    $perLine = Billing::totals($lines, $r1, $r2, $inclusive, $compound, true);
                    $onTotal = Billing::totals($lines, $r1, $r2, $inclusive, $compound, false);
                    foreach ([$perLine, $onTotal] as $t) {
                        $this->assertSame($t['gross'], $t['subtotal'] + $t['tax'] + $t['tax2']);
                        $this->assertGreaterThanOrEqual(0, $t['tax']);
                        $this->assertGreaterThanOrEqual(0, $t['tax2']);
                    }
                    $this->assertLessThanOrEqual(count($lines), abs($perLine['tax'] - $onTotal['tax']));
                    $checked++;
                }
            }
        }
        $this->assertSame(1200, $checked);
    }
}
