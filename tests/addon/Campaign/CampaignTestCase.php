<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use AcumulusAddonTest\AddonTestCase;

require_once __DIR__ . '/Audit.php';

/**
 * What the campaigns share: their size (scaled down for the test command,
 * full size from bench/run), and printing their counts where a person running
 * the suite sees them (stderr; PHPUnit is strict about output on stdout) and
 * into a file next to the suite's results.
 */
abstract class CampaignTestCase extends AddonTestCase
{
    /** $name from the environment as a positive integer, or $default. */
    protected static function envInt(string $name, int $default): int
    {
        $v = getenv($name);
        return is_string($v) && preg_match('/^[1-9][0-9]*$/', $v) === 1 ? (int) $v : $default;
    }

    /** Prints a report and writes it to $ACU_RESULTS/<file> (when set). */
    protected static function report(string $file, string $text): void
    {
        fwrite(STDERR, "\n" . $text . "\n");
        self::writeResult($file, $text);
    }

    /** Writes $text to $ACU_RESULTS/<file> (when set), e.g. every problem a campaign found. */
    protected static function writeResult(string $file, string $text): void
    {
        $dir = getenv('ACU_RESULTS');
        if (is_string($dir) && $dir !== '' && is_dir($dir)) {
            file_put_contents($dir . '/' . $file, $text === '' ? '' : $text . "\n");
        }
    }

    /** "a 3, b 5" from a map, largest first. @param array<string, int> $counts */
    protected static function list(array $counts): string
    {
        arsort($counts);
        $parts = [];
        foreach ($counts as $k => $n) {
            $parts[] = "$k $n";
        }
        return $parts === [] ? 'none' : implode(', ', $parts);
    }
}
