<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use DateInterval;
use DateTimeImmutable;
use DateTimeZone;

/**
 * The sandbox's idea of "now": real time by default, or a fixed moment that a
 * test sets and moves forward, so that dates in the database, the logs and the
 * hooks are reproducible.
 */
final class Clock
{
    private ?DateTimeImmutable $fixed = null;
    private readonly DateTimeZone $zone;

    public function __construct(?string $now = null, string $timezone = 'Europe/Amsterdam')
    {
        $this->zone = new DateTimeZone($timezone);
        if ($now !== null) {
            $this->set($now);
        }
    }

    public function now(): DateTimeImmutable
    {
        return $this->fixed ?? new DateTimeImmutable('now', $this->zone);
    }

    public function isFixed(): bool
    {
        return $this->fixed !== null;
    }

    public function set(string $moment): void
    {
        $this->fixed = new DateTimeImmutable($moment, $this->zone);
    }

    /** Moves a fixed clock forward, e.g. advance('P1D') or advance('+2 hours'). */
    public function advance(string $interval): void
    {
        $base = $this->now();
        $this->fixed = str_starts_with($interval, 'P')
            ? $base->add(new DateInterval($interval))
            : $base->modify($interval);
    }

    /** "Y-m-d H:i:s", the format of WHMCS's DATETIME columns. */
    public function datetime(): string
    {
        return $this->now()->format('Y-m-d H:i:s');
    }

    public function date(): string
    {
        return $this->now()->format('Y-m-d');
    }
}
