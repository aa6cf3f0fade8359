<?php

declare(strict_types=1);

namespace WhmcsSandbox\Api;

use InvalidArgumentException;
use WhmcsSandbox\Money;

/** Reading API parameters and shaping values the way WHMCS's responses type them. */
final class Shape
{
    /** A DECIMAL(16,2) value as WHMCS answers it: "12.10". */
    public static function money(mixed $v): string
    {
        return Money::format(Money::cents(is_string($v) || is_int($v) ? $v : (string) $v));
    }

    /** A DECIMAL(10,3) tax rate: "21.000". */
    public static function rate(mixed $v): string
    {
        return Money::formatRate(Money::rate(is_string($v) || is_int($v) ? $v : (string) $v));
    }

    /** A boolean parameter as WHMCS reads form/API input: true, 1, '1', 'true', 'on', 'yes'. */
    public static function bool(mixed $v): bool
    {
        if (is_bool($v)) {
            return $v;
        }
        return in_array(strtolower(trim((string) $v)), ['1', 'true', 'on', 'yes'], true);
    }

    /** @param array<string,mixed> $p */
    public static function requiredInt(array $p, string $key, string $message): int
    {
        $v = $p[$key] ?? null;
        if ($v === null || $v === '' || !is_numeric($v) || (int) $v <= 0) {
            throw new InvalidArgumentException($message);
        }
        return (int) $v;
    }

    /** A money parameter (float, int or numeric string) in cents; null when absent. */
    public static function cents(mixed $v): ?int
    {
        if ($v === null || $v === '') {
            return null;
        }
        if (!is_string($v) && !is_int($v) && !is_float($v)) {
            throw new InvalidArgumentException('Invalid amount');
        }
        return Money::cents($v);
    }

    /** An id list: [1, 2], "1,2" or a single id. @return list<int> */
    public static function ids(mixed $v): array
    {
        if (is_array($v)) {
            return array_values(array_map('intval', $v));
        }
        if ($v === null || $v === '') {
            return [];
        }
        return array_values(array_map('intval', explode(',', (string) $v)));
    }
}
