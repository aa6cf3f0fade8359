<?php
/*
 * Benchmark of Acumulus\InvoiceMapper: microseconds per invoice and memory
 * over many invoices (memory must stay flat: nothing kept between calls).
 *
 *   bench/run-mapper [COUNT]        builds the extension and runs this
 *   php -n -d extension=.../acumulus.so bench/mapper.php [COUNT]
 *
 * Prints a table (microseconds per invoice: the best round and the median
 * of the rounds; the PHP heap and RSS around each row), then the judged
 * figures: map + serialize of the typical invoice (median of the rounds) and
 * the peak memory over the whole row. Target (issue 5): a typical 5-line
 * invoice mapped and serialized in under 5 us; a PHP implementation of the
 * same mapping takes about 60-75 us on the project machine. Instruction
 * counts, which a busy machine does not disturb: bench/callgrind.
 */

declare(strict_types=1);

$count = (int) ($argv[1] ?? 100000);
const ROUNDS = 20;

function rss_kb(): int
{
    $status = @file_get_contents('/proc/self/status');
    return $status !== false && preg_match('/^VmRSS:\s+(\d+) kB/m', $status, $m) ? (int) $m[1] : 0;
}

require __DIR__ . '/invoice5.inc';

$settings = bench_settings();
$context = bench_context();
$invoice = bench_invoice();
$client = bench_client();
$first = Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context);
if ($first['concept'] || $first['reconciliation']['booked_total'] !== '89.03') {
    fwrite(STDERR, "the typical invoice does not map as expected\n");
    exit(1);
}
$incl = $invoice;
$incl['subtotal'] = '65.26'; $incl['tax'] = '9.13'; $incl['total'] = '77.91';
$usd = $client;
$usd['currency_code'] = 'USD';
$stored = $first['document'];
$writer = class_exists('Acumulus\\Client') && method_exists('Acumulus\\Client', 'requestXml')
    ? new Acumulus\Client('123456', 'bench', 'secret', 'WHMCS 8.13.1') : null;

$cases = [
    'map: typical 5-line invoice (NL, exclusive, paid, e-mail)' =>
        fn () => Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context),
    'map: 5 lines, inclusive, USD, correction line' =>
        fn () => Acumulus\InvoiceMapper::map($incl, $usd, $settings, ['taxType' => 'Inclusive'] + $context),
    'map: 5 lines, summarized' =>
        fn () => Acumulus\InvoiceMapper::map($invoice, $client, ['acumulus_summarize_invoice' => 'on'] + $settings, $context),
    'creditNote: partial refund of the typical invoice' =>
        fn () => Acumulus\InvoiceMapper::creditNote($stored, ['date' => '2026-12-20', 'acumulusNumber' => '20260042',
            'amount' => '40.00'], $settings, $context),
];
if ($writer !== null) {
    $cases['serialize: Client::requestXml of the typical document'] = fn () => $writer->requestXml($stored);
    $cases['map + serialize (Client::requestXml)'] =
        fn () => $writer->requestXml(Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context)['document']);
}

function median(array $sorted): float
{
    $n = count($sorted);
    return $n % 2 ? $sorted[intdiv($n, 2)] : ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2;
}

printf("acumulus %s, PHP %s, %d invoices per row, in %d rounds; load average %s\n\n", phpversion('acumulus'),
    PHP_VERSION, $count, ROUNDS, implode(' ', array_map(fn ($l) => sprintf('%.2f', $l), sys_getloadavg() ?: [])));
printf("%-58s %8s %8s %11s %11s %11s %11s %11s %5s\n", 'case', 'us best', 'us med', 'mem before', 'mem after',
    'mem peak', 'RSS at 10%', 'RSS at end', 'flat');
$allFlat = true;
$typical = null;
$serialized = null;
foreach ($cases as $name => $fn) {
    for ($i = 0; $i < 2000; $i++) {
        $fn();
    }
    gc_collect_cycles();
    memory_reset_peak_usage();
    $memBefore = memory_get_usage();
    $rss10 = 0;
    $per = intdiv($count, ROUNDS);
    $rounds = [];
    $done = 0;
    for ($round = 0; $round < ROUNDS; $round++) {
        $t0 = hrtime(true);
        for ($i = 0; $i < $per; $i++) {
            $r = $fn();
        }
        $rounds[] = (hrtime(true) - $t0) / $per / 1000;
        $done += $per;
        if ($rss10 === 0 && $done >= $count / 10) {
            $rss10 = rss_kb();
        }
    }
    unset($r);
    $memAfter = memory_get_usage();
    $memPeak = memory_get_peak_usage();
    $rssEnd = rss_kb();
    sort($rounds);
    $best = $rounds[0];
    $median = median($rounds);
    $typical ??= [$best, $median];
    if (str_starts_with($name, 'map + serialize')) {
        $serialized = [$best, $median, $memBefore, $memPeak, $rssEnd, $per * ROUNDS];
    }
    // flat: the request heap is where it started, and RSS did not grow after the first 10%
    $flat = abs($memAfter - $memBefore) < 4096 && $rssEnd - $rss10 < 1024;
    $allFlat = $allFlat && $flat;
    printf("%-58s %8.2f %8.2f %8d KB %8d KB %8d KB %8d KB %8d KB %5s\n", $name, $best, $median, intdiv($memBefore, 1024),
        intdiv($memAfter, 1024), intdiv($memPeak, 1024), $rss10, $rssEnd, $flat ? 'yes' : 'NO');
}
if ($writer === null) {
    printf("%-58s %s\n", 'map + serialize', 'n/a: the request writer (xml.c, issue 4) is not in this build');
}
echo "\n";
if ($serialized !== null) {
    printf("map + serialize, typical 5-line invoice: %.2f \u{b5}s (median of %d rounds; best round %.2f \u{b5}s)\n",
        $serialized[1], ROUNDS, $serialized[0]);
    printf("peak memory over %s invoices (map + serialize): %d KB PHP heap (memory_get_peak_usage; %d KB above the heap before the row), RSS %d KB\n",
        number_format($serialized[5]), intdiv($serialized[3], 1024), intdiv($serialized[3] - $serialized[2], 1024),
        $serialized[4]);
}
$judged = $serialized ?? $typical;
printf("target: a typical 5-line invoice mapped and serialized in under 5 us -> %s (%s: best round %.2f us, median %.2f us); memory flat -> %s\n",
    $judged[1] < 5 ? 'met' : ($judged[0] < 5 ? 'met in the best round only (a busy machine?)' : 'NOT met'),
    isset($serialized) ? 'map + serialize' : 'map only, no writer in this build', $judged[0], $judged[1],
    $allFlat ? 'yes' : 'NO');
