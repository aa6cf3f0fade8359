--TEST--
A reused connection that dies after the request: libcurl may resend an idempotent call (about), but an invoice_add is never sent twice; it ends as "sent, outcome unknown"
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
/* drop_on_reuse: the server answers the first request of a connection and
 * closes any later one without an answer, as if it died after reading it */
$srv = acu_server_start();
$c = acu_client($srv, 'drop_on_reuse');
echo 'about: ', $c->about()->status, "\n";
echo 'about again (resent on a new connection): ', $c->about()->status, "\n";
$reqs = acu_server_wait($srv, 'req', 3);
echo 'requests ', count($reqs), ', handshakes ', count(acu_server_events($srv, 'tls')), "\n";

$invoice = ['customer' => ['fullname' => 'Jan', 'invoice' => ['line' => [['product' => 'Hosting', 'unitprice' => '10.0000']]]]];
try {
    $c->invoiceAdd($invoice);
    echo "invoiceAdd: no exception\n";
} catch (Acumulus\TransportException $e) {
    echo 'invoiceAdd: ', acu_outcome($e), "\n";
    echo $e->getMessage(), "\n";
}
usleep(300000);
$adds = array_filter(acu_server_events($srv, 'req'), fn ($r) => str_ends_with($r['path'], '/invoice_add.php'));
echo 'invoice_add requests the server saw: ', count($adds), "\n";
/* libcurl connected anew for its resend; the resend was refused right
 * before the request would have been written on that connection */
echo 'handshakes: ', count(acu_server_events($srv, 'tls')), "\n";
echo 'requests in all: ', count(acu_server_events($srv, 'req')), "\n";
?>
--EXPECT--
about: 0
about again (resent on a new connection): 0
requests 3, handshakes 2
invoiceAdd: TransportException code=52 retryable=true unknown=true sent=true curl=52
Acumulus invoices/invoice_add: sent, but no answer came: the connection closed after the request was sent and before an answer came; the outcome is unknown
invoice_add requests the server saw: 1
handshakes: 3
requests in all: 4
