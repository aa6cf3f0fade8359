<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use WHMCS\Database\Capsule;

/**
 * tblconfiguration: WHMCS's general settings (TaxType, DateFormat,
 * ModuleDebugMode, …), one row per setting, read on every use as WHMCS does.
 */
final class Settings
{
    public function __construct(private readonly Clock $clock)
    {
    }

    public function get(string $setting, string $default = ''): string
    {
        $value = Capsule::table('tblconfiguration')->where('setting', $setting)->value('value');
        return $value === null ? $default : (string) $value;
    }

    public function has(string $setting): bool
    {
        return Capsule::table('tblconfiguration')->where('setting', $setting)->exists();
    }

    public function isOn(string $setting): bool
    {
        return in_array(strtolower($this->get($setting)), ['on', '1', 'yes', 'true'], true);
    }

    public function set(string $setting, string $value): void
    {
        $now = $this->clock->datetime();
        $updated = Capsule::table('tblconfiguration')->where('setting', $setting)
            ->update(['value' => $value, 'updated_at' => $now]);
        if ($updated === 0 && !$this->has($setting)) {
            Capsule::table('tblconfiguration')->insert([
                'setting' => $setting, 'value' => $value, 'created_at' => $now, 'updated_at' => $now,
            ]);
        }
    }

    /** @param array<string,string|int|bool> $settings booleans become 'on' / '' */
    public function setMany(array $settings): void
    {
        foreach ($settings as $setting => $value) {
            if (is_bool($value)) {
                $value = $value ? 'on' : '';
            }
            $this->set((string) $setting, (string) $value);
        }
    }

    /** Comma-separated list settings such as ActiveAddonModules. @return list<string> */
    public function getList(string $setting): array
    {
        return array_values(array_filter(explode(',', $this->get($setting)), static fn ($v) => $v !== ''));
    }

    /** @param list<string> $values */
    public function setList(string $setting, array $values): void
    {
        $this->set($setting, implode(',', array_values(array_unique($values))));
    }
}
