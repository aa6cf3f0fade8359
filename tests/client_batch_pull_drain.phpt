--TEST--
callMany over a generator: every item is pulled however fast the calls end; the generator, slow to make each request, runs to its end while the answers come back at once (more calls end during one refill than there are slots)
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$c = acu_client($srv); // answers at once

foreach ([1, 1, 1, 2, 2, 2, 3, 3, 3] as $concurrency) {
    $pulled = 0;
    $reported = 0;
    $ended = false;
    $gen = (function () use (&$pulled, &$ended) {
        for ($i = 0; $i < 120; $i++) {
            $pulled++;
            usleep(1500); // the work of making a request: the calls in flight end meanwhile
            yield "k$i" => ['endpoint' => 'general/general_about'];
        }
        $ended = true;
    })();
    $res = $c->callMany($gen, $concurrency, function () use (&$reported) {
        $reported++;
    });
    $ok = count(array_filter($res, fn ($r) => $r instanceof Acumulus\Result));
    echo "concurrency $concurrency: pulled $pulled, reported $reported, results $ok, generator ended: ",
        var_export($ended, true), "\n";
}
?>
--EXPECT--
concurrency 1: pulled 120, reported 120, results 120, generator ended: true
concurrency 1: pulled 120, reported 120, results 120, generator ended: true
concurrency 1: pulled 120, reported 120, results 120, generator ended: true
concurrency 2: pulled 120, reported 120, results 120, generator ended: true
concurrency 2: pulled 120, reported 120, results 120, generator ended: true
concurrency 2: pulled 120, reported 120, results 120, generator ended: true
concurrency 3: pulled 120, reported 120, results 120, generator ended: true
concurrency 3: pulled 120, reported 120, results 120, generator ended: true
concurrency 3: pulled 120, reported 120, results 120, generator ended: true
