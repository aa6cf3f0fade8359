<?php

/**
 * Hook latency as WHMCS sees it: a checkout creates an invoice
 * (CreateInvoice: InvoiceCreationPreEmail and InvoiceCreated fire, the addon
 * records its trigger) in a request process that behaves like PHP-FPM, with
 * the addon off, and on while Acumulus answers in 50 ms and in 2 s. Measured
 * from the moment the request starts (the process is booted and waits for a
 * given instant, so PHP's start-up is not counted) to the moment it sends
 * its response (both on the request process's clock). The addon's share is the median with it on minus the
 * median with it off; its work (the booking) happens after the response
 * (fastcgi_finish_request), which "booked after" shows. PHP runs with
 * opcache (a file cache shared by the request processes), as WHMCS does
 * under PHP-FPM.
 *
 *   php -d extension=…/acumulus.so bench/hooks.php [--runs=25]
 */

declare(strict_types=1);

require __DIR__ . '/lib.inc';

use WHMCS\Database\Capsule;

$runs = (int) bench_arg('runs', '25');

$sim = bench_simulator(0);
$ext = getenv('ACU_EXT_SO') ?: '';
// as under PHP-FPM, where opcache keeps the compiled scripts between requests: here a file cache
// shared by the request processes (warmed by the first request of each mode)
$opcache = bench_out_dir() . '/opcache';
if (!is_dir($opcache)) {
    mkdir($opcache);
}
$phpArgs = ['-d', 'extension=' . ($ext !== '' ? $ext : 'acumulus.so'), '-d', 'acumulus.api_url=' . $sim->baseUrl(),
    '-d', 'acumulus.cafile=' . $sim->caFile(), '-d', 'opcache.enable_cli=1', '-d', 'opcache.file_cache=' . $opcache,
    '-d', 'opcache.file_cache_only=1'];
$sb = bench_sandbox('hooks', ['phpArgs' => $phpArgs]);
$client = $sb->scenarios()->client('nl_consumer');

/** One checkout: returns [ms to the response, ms to the end of the process's work]. */
$checkout = static function () use ($sb, $client): array {
    $at = microtime(true) + 0.6; // booted and waiting by then
    $p = $sb->spawn(['type' => 'api', 'command' => 'CreateInvoice', 'params' => [
        'userid' => $client, 'status' => 'Unpaid', 'itemdescription1' => 'Webhosting Pro', 'itemamount1' => '9.95',
        'itemtaxed1' => '1', 'itemdescription2' => 'Domein voorbeeld.nl', 'itemamount2' => '7.99', 'itemtaxed2' => '1',
    ]], $at);
    $r = $p->response();
    $responded = (float) ($r['deliveredAt'] ?? $p->respondedAt());
    $w = $p->wait();
    if (($r['result']['result'] ?? '') !== 'success' || ($w['hookErrors'] ?? []) !== []) {
        throw new RuntimeException('the checkout failed: ' . json_encode($w));
    }
    return [($responded - $at) * 1000, ((float) ($w['finishedAt'] ?? $responded) - $at) * 1000];
};

$modes = [
    'addon off' => null,
    'addon on, Acumulus answers in 50 ms' => 50,
    'addon on, Acumulus answers in 2 s' => 2000,
];
$rows = [];
foreach ($modes as $label => $latency) {
    if ($latency === null) {
        $sb->addons()->deactivate('acumulus_connect', true);
    } else {
        if (!$sb->addons()->isActive('acumulus_connect')) {
            $sb->addons()->activate('acumulus_connect', BENCH_SETTINGS);
        }
        $sim->setLatency($latency);
    }
    $checkout(); // warm-up: fills the opcache file cache with what this mode runs
    $response = $done = [];
    $entries0 = count($sim->entries());
    for ($i = 0; $i < $runs; $i++) {
        [$a, $b] = $checkout();
        $response[] = $a;
        $done[] = $b;
    }
    $booked = count($sim->entries()) - $entries0;
    $rows[$label] = ['latency_ms' => $latency, 'runs' => $runs, 'response_median_ms' => round(bench_median($response), 2),
        'response_p90_ms' => round(bench_percentile($response, 0.9), 2), 'work_done_median_ms' => round(bench_median($done), 1),
        'booked' => $booked];
    bench_note(sprintf(
        '%-40s response median %.2f ms (p90 %.2f), work done after %.0f ms, %d booked',
        $label,
        bench_median($response),
        bench_percentile($response, 0.9),
        bench_median($done),
        $booked
    ));
}
$base = $rows['addon off']['response_median_ms'];
foreach ($rows as $label => &$r) {
    $r['added_ms'] = round($r['response_median_ms'] - $base, 2);
}
unset($r);
bench_save('hooks', ['modes' => $rows, 'queued_left' => Capsule::table('mod_acumulus_connect')->where('state', 'queued')->count()]);
$sim->stop();
