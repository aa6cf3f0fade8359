<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * Upgrades by version (acumulus_connect_upgrade): each step runs when the
 * installed version is older than the step's, compared with version_compare.
 * The previous module (3.x, ex "Acumulus Connect") counts as an installed
 * version too: its table and settings are kept and extended.
 */
final class Migrations
{
    /** @return array<string, callable(): list<string>> version => step, oldest first */
    private static function steps(): array
    {
        return [
            // 2.0 of the previous module added entryid and the timestamps; a
            // 1.x table is extended by the schema step as well.
            '4.0.0' => static function (): array {
                $did = Schema::install();
                // Settings the previous module never stored keep their
                // defaults; a yesno it stored as 'no' (its form default for
                // "Let Acumulus send invoice" and "confirm reading") is off,
                // which is what '' means here: make it explicit.
                foreach (['acumulus_emailaspdf', 'acumulus_emailaspdf_confirmreading'] as $key) {
                    $n = Capsule::table('tbladdonmodules')->where('module', Settings::MODULE)->where('setting', $key)
                        ->where('value', 'no')->update(['value' => '']);
                    if ($n > 0) {
                        $did[] = "$key 'no' -> ''";
                    }
                }
                return $did;
            },
        ];
    }

    /**
     * Runs every step newer than $from (an empty $from: a fresh install).
     *
     * @return list<string> what was done, for the activity log
     */
    public static function run(string $from): array
    {
        $did = [];
        foreach (self::steps() as $version => $step) {
            if ($from === '' || version_compare($from, $version, '<')) {
                foreach ($step() as $line) {
                    $did[] = "$version: $line";
                }
            }
        }
        return $did;
    }
}
