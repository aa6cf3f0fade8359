--TEST--
callMany over a generator: a fatal error in the generator while calls are in flight; they end (no more PHP code runs for them), everything is freed, and the fatal error ends the script as usual
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
$reported = 0;
register_shutdown_function(function () use (&$reported, &$srv) {
    echo "shutdown: reported $reported, requests: ", count(acu_server_wait($srv, 'req', 3)), "\n";
});
/* after the shutdown function above: the server stops at shutdown after it ran */
$srv = acu_server_start();
$c = acu_client($srv, 'latency100');
$c->callMany((function () {
    for ($i = 0; $i < 10; $i++) {
        if ($i === 3) {
            trigger_error('fatal in the generator', E_USER_ERROR);
        }
        yield $i => ['endpoint' => 'general/general_about'];
    }
})(), 4, function () use (&$reported) {
    $reported++;
});
echo "not reached\n";
?>
--EXPECTF--
Fatal error: fatal in the generator in %s on line %d
shutdown: reported 0, requests: 3
