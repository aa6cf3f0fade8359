<?php

/**
 * Memory over a long batch: 100,000 historic invoices through the addon's
 * batch engine in one PHP process (Actions::send($id, false), then
 * Worker::processMany in chunks, as the admin's batch and the cron do), the
 * simulator answering at once. PHP's heap (memory_get_usage) and the
 * process's resident set (VmRSS) are read after every chunk; flat means the
 * heap at the end is where it was after the first 10 % (within 1 MiB) and the
 * resident set grew by at most 4 MiB from there: nothing is kept per invoice,
 * in PHP or in the extension (libcurl, libxml2 and the mapper allocate
 * outside PHP's heap; RSS would show their leaks).
 *
 *   php -d extension=…/acumulus.so bench/memory.php [--count=100000] [--chunk=500] [--concurrency=8]
 *
 * The sandbox's own records (hook firings, localAPI calls) are cleared per
 * chunk: they belong to the test harness, not to WHMCS or the addon.
 */

declare(strict_types=1);

require __DIR__ . '/lib.inc';

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Worker;

$count = (int) bench_arg('count', '100000');
$chunk = (int) bench_arg('chunk', '500');
$c = (int) bench_arg('concurrency', '8');

$sim = bench_simulator(0);
$sb = bench_sandbox('memory');
$gen = $sb->generator(20261211);
$t = microtime(true);
$gen->clients(max(20, intdiv($count, 20)), ['nl_consumer' => 40, 'nl_business' => 30, 'eu_business' => 15,
    'eu_consumer' => 10, 'non_eu' => 5]);
$gen->invoices($count);
$ids = Capsule::table('tblinvoices')->where('status', '!=', 'Draft')->orderBy('id')->pluck('id')
    ->map(static fn ($i) => (int) $i)->all();
bench_note(sprintf('generated %d invoices in %.1f s', count($ids), microtime(true) - $t));

$worker = new Worker(null, null, null, bench_client($sim));
$actions = new Actions();
$samples = [];
$outcomes = [];
$done = 0;
$t0 = microtime(true);
$every = max($chunk, intdiv(count($ids), 20));
foreach (array_chunk($ids, $chunk) as $part) {
    foreach ($part as $id) {
        $actions->send($id, false);
    }
    foreach ($worker->processMany($part, $c) as $outcome) {
        $outcomes[$outcome] = ($outcomes[$outcome] ?? 0) + 1;
    }
    $sb->hooks()->clearLog();
    $sb->localApi()->clearCalls();
    $before = intdiv($done, $every);
    $done += count($part);
    if (intdiv($done, $every) !== $before || $done === count($ids)) {
        [$rss] = bench_rss();
        $samples[] = ['invoices' => $done, 'php_kb' => intdiv(memory_get_usage(), 1024), 'rss_kb' => $rss,
            'seconds' => round(microtime(true) - $t0, 1)];
        bench_note(sprintf(
            '  %6d invoices: PHP %6d KiB, RSS %6d KiB, %.0f s',
            $done,
            intdiv(memory_get_usage(), 1024),
            $rss,
            microtime(true) - $t0
        ));
    }
}
$tenth = $samples[0];
foreach ($samples as $s) {
    if ($s['invoices'] >= count($ids) / 10) {
        $tenth = $s;
        break;
    }
}
$end = $samples[count($samples) - 1];
[, $hwm] = bench_rss();
$phpGrowth = $end['php_kb'] - $tenth['php_kb'];
$rssGrowth = $end['rss_kb'] - $tenth['rss_kb'];
$figures = [
    'invoices' => count($ids), 'seconds' => round(microtime(true) - $t0, 1), 'outcomes' => $outcomes,
    'entries_in_acumulus' => (int) ($sim->counters()['requests']['invoices/invoice_add'] ?? 0),
    'php_kb_at_10pct' => $tenth['php_kb'], 'php_kb_at_end' => $end['php_kb'], 'php_growth_kb' => $phpGrowth,
    'rss_kb_at_10pct' => $tenth['rss_kb'], 'rss_kb_at_end' => $end['rss_kb'], 'rss_growth_kb' => $rssGrowth,
    'peak_php_kb' => intdiv(memory_get_peak_usage(), 1024), 'peak_rss_kb' => $hwm,
    'flat' => abs($phpGrowth) <= 1024 && $rssGrowth <= 4096,
    'samples' => $samples,
];
bench_note(sprintf(
    '%d invoices: PHP %d -> %d KiB, RSS %d -> %d KiB (from 10 %% to the end): %s',
    count($ids),
    $tenth['php_kb'],
    $end['php_kb'],
    $tenth['rss_kb'],
    $end['rss_kb'],
    $figures['flat'] ? 'flat' : 'GROWS'
));
bench_save('memory', $figures);
$sim->stop();
