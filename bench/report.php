<?php

/**
 * The benchmark report: reads what the pieces of bench/run left in
 * out/bench/ (mapper.txt and client.txt from bench/run-mapper and
 * bench/run-client, hooks.json, batch-c*.json, memory.json, the campaigns'
 * campaign-*.txt and their JUnit file), prints one table with the targets of
 * issue 9, and writes it to out/bench/report.md. A piece that did not run or
 * whose output cannot be read shows as "n/a", with the reason.
 *
 *   php bench/report.php [out/bench]
 */

declare(strict_types=1);

$dir = rtrim($argv[1] ?? dirname(__DIR__) . '/out/bench', '/');

$read = static fn (string $f): ?string => is_file("$dir/$f") ? (string) file_get_contents("$dir/$f") : null;
$json = static function (string $f) use ($read): ?array {
    $t = $read($f);
    $d = $t === null ? null : json_decode($t, true);
    return is_array($d) ? $d : null;
};
$kb = static fn (int $k): string => $k >= 10240 ? sprintf('%.1f MiB', $k / 1024) : "$k KiB";
$verdict = static fn (?bool $met): string => $met === null ? 'n/a' : ($met ? 'met' : 'NOT met');

$rows = []; // [figure, value, target, verdict]
$notes = [];
$figures = []; // the short version, for the "Figures" section

// 1. map + serialize (bench/run-mapper)
$mapper = $read('mapper.txt');
if ($mapper !== null && preg_match('/^map \+ serialize.*?\s([\d.]+)\s+([\d.]+)\s+\d+ KB/m', $mapper, $m) === 1) {
    $rows[] = ['map + serialize per invoice, median of 10 rounds (best)', sprintf('%.2f µs (%.2f)', $m[2], $m[1]),
        '< 5 µs (issue 5)', $verdict((float) $m[2] < 5)];
    $figures[] = sprintf('Map + serialize: %.2f µs per invoice (median).', $m[2]);
    if (preg_match('/^(acumulus .*?invoices per row.*?);/m', $mapper, $h) === 1) {
        $notes[] = "Mapper: $h[1].";
    }
    $flat = preg_match('/memory flat -> (\w+)/', $mapper, $f) === 1 ? $f[1] === 'yes' : null;
    $rows[] = ['mapper memory over its runs (PHP heap, RSS)', $flat === null ? 'n/a' : ($flat ? 'flat' : 'grows'), 'flat',
        $verdict($flat)];
} else {
    $rows[] = ['map + serialize per invoice', 'n/a', '< 5 µs', 'n/a (bench/run-mapper did not report)'];
}
$client = $read('client.txt');
if ($client !== null && preg_match('/^build \+ parse.*?([\d.]+)\s*$/m', $client, $m) === 1) {
    $rows[] = ['client: build + parse one call', sprintf('%.2f µs', $m[1]), 'well under 50 µs', $verdict((float) $m[1] < 50)];
}

// 2. hook latency (bench/hooks.php)
$hooks = $json('hooks.json');
if ($hooks !== null) {
    $off = $hooks['modes']['addon off'] ?? null;
    foreach ($hooks['modes'] as $label => $r) {
        if ($r['latency_ms'] === null) {
            $rows[] = ["checkout (CreateInvoice) response, $label, median of {$r['runs']}",
                sprintf('%.2f ms (p90 %.2f)', $r['response_median_ms'], $r['response_p90_ms']), 'baseline', ''];
            continue;
        }
        $rows[] = [sprintf('hook latency added, Acumulus at %s', $r['latency_ms'] >= 1000 ? ($r['latency_ms'] / 1000) . ' s'
            : $r['latency_ms'] . ' ms'), sprintf(
                '%+.2f ms (response %.2f, p90 %.2f; booked %d/%d after the response, %.0f ms in)',
                $r['added_ms'],
                $r['response_median_ms'],
                $r['response_p90_ms'],
                $r['booked'],
                $r['runs'],
                $r['work_done_median_ms']
            ),
            '< 5 ms, never waits', $verdict($r['added_ms'] < 5 && $r['response_median_ms'] < $r['latency_ms']
            && $r['booked'] === $r['runs'])];
    }
    $on = array_values(array_filter($hooks['modes'], static fn ($r) => $r['latency_ms'] !== null));
    $figures[] = 'Checkout: ' . implode(', ', array_map(static fn ($r) => sprintf(
        '%+.1f ms with Acumulus at %s',
        $r['added_ms'],
        $r['latency_ms'] >= 1000 ? ($r['latency_ms'] / 1000) . ' s' : $r['latency_ms'] . ' ms'
    ), $on))
        . ' (response median against the addon off); the booking follows the response.';
} else {
    $rows[] = ['hook latency', 'n/a', '< 5 ms', 'n/a (bench/hooks.php did not run)'];
}

// 3. batch throughput (bench/batch.php, one process per concurrency)
$batches = [];
foreach (glob("$dir/batch-c*.json") ?: [] as $f) {
    $b = json_decode((string) file_get_contents($f), true);
    if (is_array($b)) {
        $batches[(int) $b['concurrency']] = $b;
    }
}
ksort($batches);
$peakRss = 0;
foreach ($batches as $c => $b) {
    $peakRss = max($peakRss, (int) $b['peak_rss_kb']);
    $rows[] = [sprintf('batch of %s invoices at %d ms, concurrency %d', number_format($b['invoices']), $b['latency_ms'], $c),
        sprintf(
            '%.3f of ideal (%.1f/s of %.0f/s, %.0f s; %.2f ms CPU per invoice); client only %.3f',
            $b['fraction'],
            $b['per_second'],
            $b['ideal_per_second'],
            $b['seconds'],
            $b['cpu_ms_per_invoice'],
            $b['client_only']['fraction']
        ),
        $c === 8 ? '≥ 0.85' : '', $c === 8 ? $verdict($b['fraction'] >= 0.85) : ''];
    $other = (int) ($b['other_calls'] ?? 0);
    $rows[] = [sprintf('  TLS handshakes, batch at concurrency %d', $c), sprintf(
        '%d for %s calls (and %d lookups)',
        $b['tls_handshakes'],
        number_format($b['calls']),
        $other
    ), '≤ concurrency + lookups', $verdict($b['tls_handshakes'] <= $c + $other)];
}
if ($batches !== []) {
    $figures[] = sprintf(
        'Batch of %s invoices at %d ms, as a fraction of concurrency / latency: %s; the client alone: %s;'
        . ' TLS handshakes per batch: %s.',
        number_format(reset($batches)['invoices']),
        reset($batches)['latency_ms'],
        implode(', ', array_map(static fn ($c, $b) => sprintf('%.2f at %d', $b['fraction'], $c), array_keys($batches), $batches)),
        implode(', ', array_map(static fn ($c, $b) => sprintf('%.2f', $b['client_only']['fraction']), array_keys($batches), $batches)),
        implode(', ', array_map(static fn ($c, $b) => (string) $b['tls_handshakes'], array_keys($batches), $batches))
    );
    $rows[] = ['peak memory of a batch process (RSS / PHP heap)', sprintf(
        '%s / %s',
        $kb($peakRss),
        $kb(max(array_map(static fn ($b) => (int) $b['peak_php_memory_kb'], $batches)))
    ), '', ''];
} else {
    $rows[] = ['batch throughput', 'n/a', '≥ 0.85 at 8', 'n/a (bench/batch.php did not run)'];
}

// 4. memory over a long batch (bench/memory.php)
$mem = $json('memory.json');
if ($mem !== null) {
    $rows[] = [sprintf('memory over a %s-invoice batch, from 10 %% to the end', number_format($mem['invoices'])),
        sprintf(
            'PHP %s → %s (%+d KiB), RSS %s → %s (%+d KiB); peak RSS %s',
            $kb($mem['php_kb_at_10pct']),
            $kb($mem['php_kb_at_end']),
            $mem['php_growth_kb'],
            $kb($mem['rss_kb_at_10pct']),
            $kb($mem['rss_kb_at_end']),
            $mem['rss_growth_kb'],
            $kb($mem['peak_rss_kb'])
        ), 'no growth (≤ 1 MiB heap, ≤ 4 MiB RSS)', $verdict($mem['flat'])];
    $figures[] = sprintf('Memory over %s invoices in one process: PHP heap %+d KiB, RSS %+d KiB after the first 10 %%;'
        . ' peak RSS %s.', number_format($mem['invoices']), $mem['php_growth_kb'], $mem['rss_growth_kb'], $kb($mem['peak_rss_kb']));
} else {
    $rows[] = ['memory over a long batch', 'n/a', 'no growth', 'n/a (bench/memory.php did not run)'];
}

// 5. the campaigns at full size
$junit = $read('bench-campaigns.xml');
$tests = $failures = null;
if ($junit !== null && preg_match('/<testsuite name="campaign" tests="(\d+)" assertions="\d+" errors="(\d+)" warnings="\d+" failures="(\d+)"/', $junit, $m) === 1) {
    [$tests, $failures] = [(int) $m[1], (int) $m[2] + (int) $m[3]];
}
foreach (
    ['campaign-faults-sqlite.txt' => 'fault campaign', 'campaign-bad-input-sqlite.txt' => 'bad-input campaign',
    'campaign-hostile-sqlite.txt' => 'hostile answers'] as $f => $label
) {
    $t = $read($f);
    if ($t === null) {
        $rows[] = [$label, 'n/a', '', 'n/a (did not run)'];
        continue;
    }
    $first = strtok($t, "\n");
    if ($label === 'fault campaign' && preg_match('/duplicates = (\d+), lost = (\d+), wrong = (\d+), unsettled = (\d+)/', $t, $m) === 1) {
        $rows[] = [$label, trim((string) $first), '', ''];
        $rows[] = ['  duplicates, lost, wrong, unsettled', "$m[1], $m[2], $m[3], $m[4]", '0, 0, 0, 0',
            $verdict($m[1] === '0' && $m[2] === '0' && $m[3] === '0' && $m[4] === '0')];
        $figures[] = sprintf(
            'Fault campaign: %s; duplicates %s, lost %s, wrong %s, unsettled %s.',
            preg_replace('/^Fault campaign: /', '', trim((string) $first)),
            $m[1],
            $m[2],
            $m[3],
            $m[4]
        );
    } else {
        $wrong = preg_match('/WRONG (\d+)/', (string) $first, $m) === 1 ? (int) $m[1] : 0;
        $rows[] = [$label, trim((string) $first), 'no WRONG', $verdict($wrong === 0)];
        $figures[] = trim((string) $first) . '.';
    }
}
if ($tests !== null) {
    $rows[] = ['campaign suite (JUnit)', "$tests tests, $failures failed", '0 failed', $verdict($failures === 0)];
}

// the table, and the figures in short
$cell = static fn (string $s): string => str_replace('|', '\\|', $s);
$out = ['# Benchmark report', '', sprintf(
    '%s, PHP %s, %d cores, load average at the end %s.',
    date('Y-m-d H:i'),
    PHP_VERSION,
    (int) trim((string) shell_exec('nproc')),
    implode(' ', array_map(static fn ($l) => sprintf('%.2f', $l), sys_getloadavg() ?: []))
)];
$out = array_merge($out, $notes, ['', '| Figure | Value | Target | |', '|---|---|---|---|']);
foreach ($rows as $r) {
    $out[] = sprintf('| %s | %s | %s | %s |', $cell($r[0]), $cell($r[1]), $cell($r[2]), $cell($r[3]));
}
$met = count(array_filter($rows, static fn ($r) => $r[3] === 'met'));
$missed = array_values(array_filter($rows, static fn ($r) => str_starts_with($r[3], 'NOT')));
$out[] = '';
$out[] = '## Figures';
$out[] = '';
$out[] = sprintf('%d targets met, %d not met%s.', $met, count($missed), $missed === [] ? ''
    : ': ' . implode('; ', array_map(static fn ($r) => trim($r[0]) . ' (' . $r[1] . ')', $missed)));
foreach ($figures ?? [] as $f) {
    $out[] = '- ' . $f;
}
$out[] = '';
$out[] = 'What each figure means and how it is measured: TESTING.md, "Benchmarks".';
$text = implode("\n", $out) . "\n";
echo $text;
file_put_contents("$dir/report.md", $text);
