<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * The addon's settings as WHMCS stores them in tbladdonmodules: the keys of
 * the previous module (typos included, so existing settings carry over),
 * yesno as 'on' / '', a missing row meaning the default.
 */
final class Settings
{
    public const MODULE = 'acumulus_connect';

    /** @var array<string, string> */
    private array $values;

    /** @param array<string, string> $values */
    public function __construct(array $values)
    {
        $this->values = $values;
    }

    public static function load(): self
    {
        $values = [];
        foreach (Capsule::table('tbladdonmodules')->where('module', self::MODULE)->get(['setting', 'value']) as $row) {
            $values[(string) $row->setting] = (string) $row->value;
        }
        return new self($values);
    }

    /** @return array<string, string> every stored value (what the planner and mapper read) */
    public function all(): array
    {
        return $this->values;
    }

    public function get(string $key, string $default = ''): string
    {
        return $this->values[$key] ?? $default;
    }

    /** A yesno setting: on when stored as 'on'; a missing row takes the default. */
    public function on(string $key, bool $default): bool
    {
        if (!array_key_exists($key, $this->values)) {
            return $default;
        }
        return strcasecmp($this->values[$key], 'on') === 0;
    }

    public function hasCredentials(): bool
    {
        return $this->get('acumulus_code') !== '' && $this->get('acumulus_username') !== ''
            && $this->get('acumulus_password') !== '';
    }

    /** A fingerprint of the credentials (for the cached credential check), never the password itself. */
    public function credentialsFingerprint(): string
    {
        return hash('sha256', $this->get('acumulus_code') . "\0" . $this->get('acumulus_username') . "\0"
            . $this->get('acumulus_password'));
    }
}
