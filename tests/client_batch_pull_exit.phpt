--TEST--
callMany over a generator: exit() in the progress callback; the calls in flight end without running PHP code again, everything is freed, and the script ends (4 pulled to start and one made ahead, started when the first call freed its slot, before its report; every one pulled is sent)
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$calls = 0;
$pulls = 0;
register_shutdown_function(function () use (&$calls, &$pulls, &$srv) {
    /* 4 to start, one made ahead; one more for each other call that ended
     * together with the first (reports come after the refill) */
    echo "shutdown: callbacks $calls, pulls ", $pulls >= 5 && $pulls <= 8 ? '5..8' : $pulls,
        ', requests = pulls: ', var_export(count(acu_server_wait($srv, 'req', $pulls)) === $pulls, true), "\n";
});
/* after the shutdown function above: the server stops at shutdown after it ran */
$srv = acu_server_start();
$c = acu_client($srv, 'latency100');
$c->callMany((function () use (&$pulls) {
    for ($i = 0; $i < 10; $i++) {
        $pulls++;
        yield $i => ['endpoint' => 'general/general_about'];
    }
})(), 4, function () use (&$calls) {
    if (++$calls === 1) {
        echo "exit\n";
        exit(0);
    }
});
echo "not reached\n";
?>
--EXPECT--
exit
shutdown: callbacks 1, pulls 5..8, requests = pulls: true
