<?php

declare(strict_types=1);

namespace WHMCS\View\Formatter;

use WhmcsSandbox\Money;

/**
 * What formatCurrency() returns: prefix + amount + suffix when used as a
 * string, in the currency's format (1: 1234.56, 2: 1,234.56, 3: 1.234,56,
 * 4: 1,234).
 */
class Price
{
    /** @param array<string,mixed> $currency a getCurrency() row */
    public function __construct(private int $cents, private array $currency)
    {
    }

    public function __toString(): string
    {
        return $this->toFull();
    }

    public function toFull(): string
    {
        return ($this->currency['prefix'] ?? '') . $this->toNumeric() . ($this->currency['suffix'] ?? '');
    }

    public function toPrefixed(): string
    {
        return ($this->currency['prefix'] ?? '') . $this->toNumeric();
    }

    public function toSuffixed(): string
    {
        return $this->toNumeric() . ($this->currency['suffix'] ?? '');
    }

    /** The amount in the currency's number format, without prefix or suffix. */
    public function toNumeric(): string
    {
        $format = (int) ($this->currency['format'] ?? 1);
        $plain = Money::format($this->cents);
        $negative = $plain[0] === '-';
        [$int, $frac] = explode('.', ltrim($plain, '-'));
        if ($format === 4) {
            $int = (string) abs(Money::mulDiv($this->cents, 1, 100));
        }
        [$thousands, $decimal] = match ($format) {
            2, 4 => [',', '.'],
            3 => ['.', ','],
            default => ['', '.'],
        };
        $grouped = $thousands === '' ? $int : strrev(implode($thousands, str_split(strrev($int), 3)));
        return ($negative ? '-' : '') . $grouped . ($format === 4 ? '' : $decimal . $frac);
    }
}
