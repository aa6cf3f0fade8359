--TEST--
Against the simulator: 20 sequential calls open one TLS connection (the server's handshake counter), also across Client objects and endpoints
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_sim.inc';
$sim = acu_sim();
$c = acu_sim_client($sim);
for ($i = 0; $i < 20; $i++) {
    if ($c->about()->status !== 0) {
        echo "call $i failed\n";
    }
}
$k = $sim->counters();
echo 'requests: ', $k['total_requests'], ', TLS handshakes: ', $k['tls_handshakes'], ', connections: ', $k['connections'], "\n";

/* other endpoints and a second Client (same contract, other user) share the connection */
$d = acu_sim_client($sim, AcuSim\Simulator::AMP_USER);
$d->picklist('costcenters');
$d->vatInfo('nl');
try {
    $c->entryInfo(1234);
} catch (Acumulus\ApiException $e) {
    echo 'entry 1234: not found ', var_export($e->notFound, true), "\n";
}
$k = $sim->counters();
echo 'requests: ', $k['total_requests'], ', TLS handshakes: ', $k['tls_handshakes'], ', connections: ', $k['connections'], "\n";
?>
--EXPECT--
requests: 20, TLS handshakes: 1, connections: 1
entry 1234: not found true
requests: 23, TLS handshakes: 1, connections: 1
