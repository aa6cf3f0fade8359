--TEST--
callMany over a generator: a fatal error in the progress callback while calls are in flight; they end (no more PHP code runs: the generator is not advanced, the callback not called again), everything is freed, and the fatal error ends the script as usual (4 pulled to start and one made ahead, started when the first call freed its slot, before its report; every one pulled is sent)
--EXTENSIONS--
acumulus
--SKIPIF--
<?php
/* Under valgrind (run-tests -m sets USE_ZEND_ALLOC=0) PHP itself leaks on any
 * fatal error: after the bailout it skips freeing compiled code and the
 * objects its abandoned frames hold (a plain trigger_error(E_USER_ERROR)
 * shows it without this extension). Checked by hand: with this test those are
 * the only definite losses (the Client, and the outcome handed to the
 * callback it bailed out of); no libcurl, OpenSSL or request memory of the
 * batch is lost. */
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip a fatal error leaks PHP\'s own memory under valgrind');
}
?>
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
        trigger_error('fatal in the callback', E_USER_ERROR);
    }
});
echo "not reached\n";
?>
--EXPECTF--
Fatal error: fatal in the callback in %s on line %d
shutdown: callbacks 1, pulls 5..8, requests = pulls: true
