--TEST--
Against the simulator: 100 invoice_adds at concurrency 8 with 50 ms latency and one injected 503 finish in input order, the failure in its place, over 8 TLS connections; 99 invoices booked, each the one its result says
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_sim.inc';
$sim = acu_sim(['config' => ['today' => '2026-11-30']]);
$sim->setLatency(50);
$sim->setFault('invoices/invoice_add', '503', 1, ['after' => 37]);
$c = acu_sim_client($sim);
$reqs = [];
for ($i = 1; $i <= 100; $i++) {
    $reqs["inv-$i"] = ['endpoint' => 'invoices/invoice_add', 'body' => acu_sim_invoice("Batch $i")];
}
$done = [];
$res = $c->callMany($reqs, 8, function ($key, $outcome, $n, $total) use (&$done) {
    $done[] = $n;
});
var_dump(array_keys($res) === array_keys($reqs), $done === range(1, 100));

/* which entry each result says was made, against what the simulator stored */
$byId = [];
foreach ($sim->entries() as $e) {
    $byId[$e['id']] = $e['data']['invoice']['description'];
}
$ok = 0;
foreach ($res as $key => $r) {
    if ($r instanceof Acumulus\Result) {
        $ok += ($byId[(int) $r->main['entryid']] ?? null) === 'Batch ' . substr($key, 4) ? 1 : 0;
    } else {
        $failed = $key;
        printf("%s: %s, retryable %s, outcome unknown %s, booked %s\n", get_class($r), $r->getMessage(),
            var_export($r->retryable, true), var_export($r->outcomeUnknown, true),
            var_export(in_array('Batch ' . substr($key, 4), $byId, true), true));
    }
}
echo "results naming the entry of their own request: $ok\n";
echo 'entries stored: ', count($byId), "\n";
$k = $sim->counters();
echo 'TLS handshakes: ', $k['tls_handshakes'], ', requests: ', $k['total_requests'], ', most in flight: ', $k['max_in_flight'], "\n";
?>
--EXPECT--
bool(true)
bool(true)
Acumulus\HttpException: Acumulus invoices/invoice_add: HTTP 503 with an HTML page; retry later, retryable true, outcome unknown false, booked false
results naming the entry of their own request: 99
entries stored: 99
TLS handshakes: 8, requests: 100, most in flight: 8
