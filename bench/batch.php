<?php

/**
 * Batch throughput of the addon: historic invoices (made before the addon,
 * no hooks) sent by the batch engine (Actions::send($id, false) records each,
 * then Worker::processMany sends them, at most C at a time) against the
 * simulator answering every call in 50 ms, at most C calls at a time:
 * invoices per second against the ideal C / latency (a C-wide pipe of 50 ms
 * calls with no time spent anywhere else), the TLS handshakes the simulator
 * saw, and memory. One concurrency per process (bench/run runs 1, 4, 8, 16),
 * so the connection pool, which lives as long as the process, starts empty.
 *
 *   php -d extension=…/acumulus.so bench/batch.php --concurrency=8 [--count=10000] [--latency=50] [--chunk=500]
 *
 * The time includes everything the addon does per invoice: recording the
 * trigger, claim, GetInvoice and GetClientsDetails (localAPI on the sandbox's
 * SQLite), planning, mapping, writing the document row, the call, writing the
 * outcome, and the round that finds nothing left. "client only" is
 * invoice_add calls (200 × C, at most the count) through Client::callMany
 * with nothing else around them, on the same connections, for comparison.
 */

declare(strict_types=1);

require __DIR__ . '/lib.inc';

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Worker;

$count = (int) bench_arg('count', '10000');
$c = (int) bench_arg('concurrency', '8');
$latency = (int) bench_arg('latency', '50');
$chunk = (int) bench_arg('chunk', '500');

$sim = bench_simulator($latency);
$sb = bench_sandbox('batch');
$gen = $sb->generator(20261210);
$gen->clients(max(20, intdiv($count, 10)), ['nl_consumer' => 40, 'nl_business' => 30, 'eu_business' => 15,
    'eu_consumer' => 10, 'non_eu' => 5]);
// invoices that each make exactly one booking: paid or due, no add-funds or mass payments
$t = microtime(true);
$gen->invoices($count, [
    'outcomes' => ['paid' => 80, 'unpaid' => 20],
    'kinds' => ['hosting' => 45, 'domain' => 20, 'hosting_domain' => 15, 'promo' => 8, 'latefee' => 5, 'manual' => 7],
]);
bench_note(sprintf('generated %d invoices in %.1f s', $count, microtime(true) - $t));
$ids = Capsule::table('tblinvoices')->orderBy('id')->pluck('id')->map(static fn ($i) => (int) $i)->all();

$sim->resetCounters();
$worker = new Worker(null, null, null, bench_client($sim));
gc_collect_cycles();
$mem0 = memory_get_usage();
$outcomes = [];
$actions = new Actions();
$t0 = hrtime(true);
$cpu0 = getrusage();
foreach (array_chunk($ids, $chunk) as $part) {
    foreach ($part as $id) {
        $actions->send($id, false); // recorded first: nothing is lost if the batch stops
    }
    foreach ($worker->processMany($part, $c) as $outcome) {
        $outcomes[$outcome] = ($outcomes[$outcome] ?? 0) + 1;
    }
    $sb->hooks()->clearLog(); // the sandbox's own record of hook firings (LogActivity), not the addon's
    $sb->localApi()->clearCalls(); // and of localAPI calls
}
$secs = (hrtime(true) - $t0) / 1e9;
$cpu1 = getrusage();
$cpu = ($cpu1['ru_utime.tv_sec'] - $cpu0['ru_utime.tv_sec']) + ($cpu1['ru_utime.tv_usec'] - $cpu0['ru_utime.tv_usec']) / 1e6
    + ($cpu1['ru_stime.tv_sec'] - $cpu0['ru_stime.tv_sec']) + ($cpu1['ru_stime.tv_usec'] - $cpu0['ru_stime.tv_usec']) / 1e6;
$k = $sim->counters();
$rate = count($ids) / $secs;
$ideal = $c * 1000 / $latency;
[$rss, $hwm] = bench_rss();
$row = [
    'concurrency' => $c, 'invoices' => count($ids), 'seconds' => round($secs, 2), 'per_second' => round($rate, 1),
    'ideal_per_second' => $ideal, 'fraction' => round($rate / $ideal, 3),
    'cpu_ms_per_invoice' => round($cpu * 1000 / count($ids), 2),
    'calls' => (int) ($k['requests']['invoices/invoice_add'] ?? 0), 'tls_handshakes' => (int) $k['tls_handshakes'],
    // the batch's own lookups (the OSS threshold report, once per year and day): made between the
    // sends, while every pooled connection may be busy, each may open one more
    'other_calls' => array_sum(array_map('intval', $k['requests'])) - (int) ($k['requests']['invoices/invoice_add'] ?? 0),
    'max_in_flight' => (int) $k['max_in_flight'], 'outcomes' => $outcomes,
    'php_memory_kb' => intdiv(memory_get_usage(), 1024), 'php_memory_growth_kb' => intdiv(memory_get_usage() - $mem0, 1024),
    'peak_php_memory_kb' => intdiv(memory_get_peak_usage(), 1024), 'rss_kb' => $rss, 'peak_rss_kb' => $hwm,
];
bench_note(sprintf(
    'concurrency %2d: %d invoices in %.1f s, %.1f/s of %.0f/s ideal (%.2f), %.2f ms CPU each, %d handshakes, %s',
    $c,
    count($ids),
    $secs,
    $rate,
    $ideal,
    $rate / $ideal,
    $row['cpu_ms_per_invoice'],
    $k['tls_handshakes'],
    json_encode($outcomes)
));

// the same kind of call through the client alone, on the same connections: what the transport can do
require dirname(__DIR__) . '/tests/client_sim.inc';
$n = min($count, 200 * $c); // about 10 s at 50 ms
$reqs = [];
for ($i = 0; $i < $n; $i++) {
    $reqs[] = ['endpoint' => 'invoices/invoice_add', 'body' => acu_sim_invoice("bench client only $i")];
}
$sim->resetCounters();
$t0 = hrtime(true);
$res = bench_client($sim)->callMany($reqs, $c);
$secs = (hrtime(true) - $t0) / 1e9;
$row['client_only'] = ['calls' => $n, 'ok' => count(array_filter($res, static fn ($r) => $r instanceof Acumulus\Result)),
    'seconds' => round($secs, 2), 'fraction' => round(($n / $secs) / $ideal, 3),
    'new_tls_handshakes' => (int) $sim->counters()['tls_handshakes']];
bench_note(sprintf('  client only: %d calls in %.1f s (%.2f of ideal)', $n, $secs, $row['client_only']['fraction']));

bench_save("batch-c$c", ['latency_ms' => $latency, 'chunk' => $chunk] + $row);
$sim->stop();
