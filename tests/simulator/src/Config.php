<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Behaviour switches where the real service's behaviour is unknown or where
 * tests need control (docs/simulator.md lists them). Set with POST /_sim/config.
 */
final class Config
{
    public const DEFAULTS = [
        // invoice_add with testmode=1: what the "invoice" part holds (nothing is stored in any case).
        //   preview: invoicenumber and contactid as they would be, token/entryid/conceptid empty
        //   empty:   all five fields empty;  none: no invoice part;  fake: invented values like a real add
        'testmode_answer' => 'preview',
        // Remove bare backslashes from the posted xmlstring before parsing (acumulus-api.md §1.4).
        'strip_backslashes' => true,
        // invoice_add with a number already used: error (SIMINV010) or allow.
        'duplicate_number' => 'error',
        // The year of an invoice number series: the booking date (booking) or the issue date (issuedate).
        'number_year' => 'booking',
        // The simulator's "today" (YYYY-MM-DD) for defaults; null = the real date.
        'today' => null,
        // general_about also answers <tree>stable</tree> (the sources disagree, §3.12).
        'about_tree' => false,
        // Seconds an idle keep-alive connection stays open, and requests per connection.
        'keepalive_timeout' => 30,
        'max_keepalive_requests' => 10000,
    ];

    private array $values = self::DEFAULTS;

    public function get(string $key): mixed
    {
        return $this->values[$key];
    }

    public function all(): array
    {
        return $this->values;
    }

    public function reset(): void
    {
        $this->values = self::DEFAULTS;
    }

    /** @throws \InvalidArgumentException on an unknown key or a bad value */
    public function set(array $changes): void
    {
        $new = $this->values;
        foreach ($changes as $k => $v) {
            if (!array_key_exists($k, self::DEFAULTS)) {
                throw new \InvalidArgumentException("unknown config key $k");
            }
            $ok = match ($k) {
                'testmode_answer' => in_array($v, ['preview', 'empty', 'none', 'fake'], true),
                'strip_backslashes', 'about_tree' => is_bool($v),
                'duplicate_number' => in_array($v, ['error', 'allow'], true),
                'number_year' => in_array($v, ['booking', 'issuedate'], true),
                'today' => $v === null || (is_string($v) && Dates::valid($v)),
                'keepalive_timeout', 'max_keepalive_requests' => is_int($v) && $v >= 1,
            };
            if (!$ok) {
                throw new \InvalidArgumentException("bad value for $k");
            }
            $new[$k] = $v;
        }
        $this->values = $new;
    }

    public function today(): string
    {
        return $this->values['today'] ?? date('Y-m-d');
    }
}
