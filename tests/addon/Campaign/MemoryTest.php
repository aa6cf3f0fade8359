<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Worker;

require_once __DIR__ . '/CampaignTestCase.php';

/**
 * Issue 9, item 4, scaled down: a batch in one process keeps nothing per
 * invoice. bench/memory.php measures 100,000 invoices; this checks a few
 * thousand (ACU_CAMPAIGN_MEMORY_INVOICES, default 3,000) on every test run:
 * from the first 10 % to the end, PHP's heap may not grow by more than 256
 * KiB (about 90 bytes an invoice) nor the resident set by more than 8 MiB
 * (libcurl, libxml2 and the extension allocate outside PHP's heap; a leak of
 * a few hundred bytes an invoice there shows). The database is a file, so its
 * pages are not counted as the process's memory.
 */
final class MemoryTest extends CampaignTestCase
{
    public function testABatchKeepsNothingPerInvoice(): void
    {
        $count = self::envInt('ACU_CAMPAIGN_MEMORY_INVOICES', 3000);
        $sb = $this->shareableSandbox($this->sandboxOptions());
        $sb->addons()->activate('acumulus_connect', $this->addonSettings());
        $gen = $sb->generator(20261212);
        $gen->clients(max(10, intdiv($count, 20)), ['nl_consumer' => 50, 'nl_business' => 30, 'eu_business' => 20]);
        $gen->invoices($count, ['outcomes' => ['paid' => 70, 'unpaid' => 20, 'cancelled' => 5, 'refunded' => 5]]);
        $ids = Capsule::table('tblinvoices')->where('status', '!=', 'Draft')->orderBy('id')->pluck('id')
            ->map(static fn ($i) => (int) $i)->all();

        $worker = new Worker();
        $actions = new Actions();
        $samples = [];
        $outcomes = [];
        foreach (array_chunk($ids, 250) as $i => $part) {
            foreach ($part as $id) {
                $actions->send($id, false);
            }
            foreach ($worker->processMany($part, 8) as $outcome) {
                $outcomes[$outcome] = ($outcomes[$outcome] ?? 0) + 1;
            }
            $sb->hooks()->clearLog(); // the sandbox's own records, not the addon's
            $sb->localApi()->clearCalls();
            $samples[] = [($i + 1) * 250, memory_get_usage(), self::rssKb()];
        }
        $tenth = $samples[max(0, intdiv(count($samples), 10) - 1)];
        $end = $samples[count($samples) - 1];
        $heap = intdiv($end[1] - $tenth[1], 1024);
        $rss = $end[2] - $tenth[2];
        self::report('campaign-memory-' . Capsule::connection()->getDriverName() . '.txt', sprintf(
            'Memory over a batch of %d invoices in one process (chunks of 250, concurrency 8): from %d invoices to the end,'
            . ' PHP heap %+d KiB (%d -> %d KiB), RSS %+d KiB (%d -> %d KiB); outcomes: %s',
            count($ids),
            $tenth[0],
            $heap,
            intdiv($tenth[1], 1024),
            intdiv($end[1], 1024),
            $rss,
            $tenth[2],
            $end[2],
            self::list($outcomes)
        ));
        self::assertSame(count($ids), array_sum($outcomes));
        self::assertGreaterThan(0, $outcomes['done'] ?? 0, 'the batch booked');
        self::assertLessThanOrEqual(256, $heap, 'PHP heap growth in KiB');
        self::assertLessThanOrEqual(8192, $rss, 'RSS growth in KiB');
    }

    private static function rssKb(): int
    {
        $status = (string) @file_get_contents('/proc/self/status');
        return preg_match('/^VmRSS:\s+(\d+) kB/m', $status, $m) === 1 ? (int) $m[1] : 0;
    }
}
