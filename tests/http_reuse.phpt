--TEST--
Connection reuse: 20 sequential calls open one TLS connection; a second Client in the same process reuses it too
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$c = acu_client($srv);
for ($i = 0; $i < 20; $i++) {
    $r = $c->about();
    if ($r->status !== 0) {
        echo "call $i: status $r->status\n";
    }
}
$reqs = acu_server_wait($srv, 'req', 20);
echo 'requests: ', count($reqs), "\n";
echo 'TLS handshakes: ', count(acu_server_events($srv, 'tls')), "\n";
echo 'connections used: ', count(array_unique(array_column($reqs, 'conn'))), "\n";
echo 'last request was number ', end($reqs)['n'], " on its connection\n";

/* the pool is the process's, not the object's */
$d = acu_client($srv, 'acumulus');
unset($c);
$d->about();
$reqs = acu_server_wait($srv, 'req', 21);
echo 'after a new Client: requests ', count($reqs), ', handshakes ', count(acu_server_events($srv, 'tls')), "\n";
acu_server_stop($srv);
?>
--EXPECT--
requests: 20
TLS handshakes: 1
connections used: 1
last request was number 20 on its connection
after a new Client: requests 21, handshakes 1
