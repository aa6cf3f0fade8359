<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use PHPUnit\Framework\TestCase;

/** The texts: English and Dutch have the same keys and placeholders, and every key the code asks for exists. */
final class LangTest extends TestCase
{
    private const ADDON = __DIR__ . '/../../../modules/addons/acumulus_connect';

    /** @return array<string, string> */
    private static function read(string $language): array
    {
        if (!defined('WHMCS')) {
            define('WHMCS', true);
        }
        $_ADDONLANG = [];
        include self::ADDON . '/lang/' . $language . '.php';
        return $_ADDONLANG;
    }

    public function testEnglishAndDutchHaveTheSameKeys(): void
    {
        $en = self::read('english');
        $nl = self::read('dutch');
        $this->assertGreaterThan(300, count($en));
        $this->assertSame([], array_values(array_diff(array_keys($en), array_keys($nl))), 'in english.php only');
        $this->assertSame([], array_values(array_diff(array_keys($nl), array_keys($en))), 'in dutch.php only');
    }

    public function testPlaceholdersMatchAndDutchIsTranslated(): void
    {
        $en = self::read('english');
        $nl = self::read('dutch');
        $same = 0;
        foreach ($en as $key => $text) {
            $this->assertSame(substr_count($text, '%s'), substr_count($nl[$key], '%s'), "placeholders of $key");
            $this->assertNotSame('', trim($nl[$key]), "empty Dutch text for $key");
            $same += $text === $nl[$key] ? 1 : 0;
        }
        $this->assertLessThan(count($en) / 5, $same, 'most texts differ between the languages');
    }

    public function testEveryKeyTheAdminCodeUsesExists(): void
    {
        $en = self::read('english');
        $files = array_merge(glob(self::ADDON . '/lib/Admin/*.php') ?: [], [self::ADDON . '/lib/AdminPage.php']);
        $checked = 0;
        foreach ($files as $file) {
            preg_match_all("/Lang::t\\('([a-z0-9_]+)'(\\s*\\.)?/", (string) file_get_contents($file), $m, PREG_SET_ORDER);
            foreach ($m as $hit) {
                if (($hit[2] ?? '') !== '') {
                    $prefix = $hit[1];
                    $found = array_filter(array_keys($en), static fn (string $k): bool => str_starts_with($k, $prefix));
                    $this->assertNotEmpty($found, "no key starts with $prefix (" . basename($file) . ')');
                } else {
                    $this->assertArrayHasKey($hit[1], $en, basename($file));
                }
                $checked++;
            }
        }
        $this->assertGreaterThan(200, $checked);
        foreach (['booked', 'sending', 'draft', 'cancelled', 'refunded', 'mass_payment', 'add_funds', 'empty', 'zero_total'] as $r) {
            $this->assertArrayHasKey('skip_' . $r, $en);
            $this->assertArrayHasKey('plan_skip_' . $r, $en);
        }
    }
}
