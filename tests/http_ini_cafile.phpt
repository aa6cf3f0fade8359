--TEST--
The INI setting acumulus.cafile names the CA file used when the client has no caFile option (checked in a PHP started with -d, as the setting is php.ini only)
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$code = 'require ' . var_export(__DIR__ . '/client_server.inc', true) . ';'
    . '$c = new Acumulus\Client(ACU_TEST_CONTRACT, ACU_TEST_USER, ACU_TEST_PASSWORD, "WHMCS 8", ["apiUrl" => ' . var_export($srv['url'] . '/acumulus', true) . ']);'
    . 'echo ini_get("acumulus.cafile") === ' . var_export($srv['ca'], true) . ' ? "ini set" : "ini NOT set", ", ";'
    . 'try { $st = $c->about()->status; echo "status $st\n"; } catch (Acumulus\Exception $e) { echo get_class($e), "\n"; }';
$so = ini_get('extension_dir') . '/acumulus.so';
foreach ([$srv['ca'], ''] as $ca) {
    $p = proc_open([PHP_BINARY, '-n', '-d', "extension=$so", '-d', "acumulus.cafile=$ca", '-r', $code],
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    echo 'cafile ', $ca === '' ? '(empty)' : 'test CA', ': ', stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
    proc_close($p);
}
?>
--EXPECT--
cafile test CA: ini set, status 0
cafile (empty): ini NOT set, Acumulus\TlsException
