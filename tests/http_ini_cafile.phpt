--TEST--
The INI settings acumulus.cafile and acumulus.api_url are used when the client has no caFile or apiUrl option (checked in a PHP started with -d, as both are php.ini only)
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$code = 'require ' . var_export(__DIR__ . '/client_server.inc', true) . ';'
    . '$c = new Acumulus\Client(ACU_TEST_CONTRACT, ACU_TEST_USER, ACU_TEST_PASSWORD, "WHMCS 8");'
    . 'echo ini_get("acumulus.cafile") === ' . var_export($srv['ca'], true) . ' ? "ini set" : "ini NOT set", ", ";'
    . 'try { $st = $c->about()->status; echo "status $st\n"; } catch (Acumulus\Exception $e) { echo get_class($e), "\n"; }';
$so = ini_get('extension_dir') . '/acumulus.so';
foreach ([$srv['ca'], ''] as $ca) {
    $p = proc_open([PHP_BINARY, '-n', '-d', "extension=$so", '-d', "acumulus.cafile=$ca",
        '-d', "acumulus.api_url={$srv['url']}/acumulus/", '-r', $code],
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    echo 'cafile ', $ca === '' ? '(empty)' : 'test CA', ': ', stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
    proc_close($p);
}
echo 'the server saw: ', acu_server_wait($srv, 'req', 1)[0]['path'], "\n";
?>
--EXPECT--
cafile test CA: ini set, status 0
cafile (empty): ini NOT set, Acumulus\TlsException
the server saw: /acumulus/general/general_about.php
