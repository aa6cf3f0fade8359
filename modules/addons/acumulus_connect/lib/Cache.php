<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/** Small named values the addon keeps: cached picklists, the credential check, the cron's last run. */
final class Cache
{
    public static function get(string $name): ?string
    {
        $v = Capsule::table(Schema::CACHE)->where('name', $name)->value('value');
        return $v === null ? null : (string) $v;
    }

    /** @return array{0: ?string, 1: int} the value and when it was stored (0: never) */
    public static function getWithTime(string $name): array
    {
        $row = Capsule::table(Schema::CACHE)->where('name', $name)->first();
        return $row === null ? [null, 0] : [$row->value === null ? null : (string) $row->value, (int) $row->updated];
    }

    public static function set(string $name, ?string $value): void
    {
        Capsule::table(Schema::CACHE)->updateOrInsert(['name' => $name], ['value' => $value, 'updated' => Clock::now()]);
    }

    public static function getJson(string $name): mixed
    {
        $v = self::get($name);
        return $v === null ? null : json_decode($v, true, 64, JSON_THROW_ON_ERROR);
    }

    public static function setJson(string $name, mixed $value): void
    {
        self::set($name, json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
    }
}
