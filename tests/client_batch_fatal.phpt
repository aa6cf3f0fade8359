--TEST--
callMany: a fatal error in the progress callback while calls are in flight (an array of requests); they end, everything is freed, and the fatal error ends the script as usual
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
register_shutdown_function(function () use (&$calls, &$srv) {
    echo "shutdown: callbacks $calls, requests: ", count(acu_server_wait($srv, 'req', 4)), "\n";
});
/* after the shutdown function above: the server stops at shutdown after it ran */
$srv = acu_server_start();
$c = acu_client($srv, 'latency100');
$c->callMany(array_fill(0, 10, ['endpoint' => 'general/general_about']), 4, function () use (&$calls) {
    if (++$calls === 1) {
        trigger_error('fatal in the callback', E_USER_ERROR);
    }
});
echo "not reached\n";
?>
--EXPECTF--
Fatal error: fatal in the callback in %s on line %d
shutdown: callbacks 1, requests: 4
