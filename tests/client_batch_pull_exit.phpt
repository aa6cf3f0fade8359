--TEST--
callMany over a generator: exit() in the progress callback; the calls in flight end without running PHP code again, everything is freed, and the script ends
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$calls = 0;
$pulls = 0;
register_shutdown_function(function () use (&$calls, &$pulls, &$srv) {
    echo "shutdown: callbacks $calls, pulls $pulls, requests: ", count(acu_server_wait($srv, 'req', 4)), "\n";
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
shutdown: callbacks 1, pulls 4, requests: 4
