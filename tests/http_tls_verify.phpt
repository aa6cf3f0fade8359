--TEST--
TLS: a certificate from an unknown CA or for another host name fails with a clear TlsException before anything is sent; without a CA file the system store is used, so the test CA is not trusted
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
function attempt(Acumulus\Client $c): void
{
    try {
        $c->about();
        echo "accepted!\n";
    } catch (Acumulus\TlsException $e) {
        printf("%s: sent=%s retryable=%s unknown=%s curl=%d\n  %s\n", get_class($e), var_export($e->sent, true),
            var_export($e->retryable, true), var_export($e->outcomeUnknown, true), $e->curlCode, $e->getMessage());
    }
}
$rogue = acu_server_start(['cert' => 'rogue']);
echo "unknown CA:\n";
attempt(acu_client($rogue));

$wrong = acu_server_start(['cert' => 'wronghost']);
echo "other host name:\n";
attempt(acu_client($wrong));

$good = acu_server_start();
echo "the system store (no CA file):\n";
attempt(acu_client($good, 'acumulus', ['caFile' => '']));
echo "the test CA:\n";
var_dump(acu_client($good)->about()->status);

/* no request reached a server that failed the handshake */
echo 'requests: ', count(acu_server_events($rogue, 'req')), ' ', count(acu_server_events($wrong, 'req')), "\n";
/* the unknown CA ends the handshake; the host name is checked right after it */
echo 'handshakes refused by the client: ', count(acu_server_wait($rogue, 'tls_fail', 1)), "\n";
echo 'connections to the wrong host: ', count(acu_server_wait($wrong, 'tls', 1)) + count(acu_server_events($wrong, 'tls_fail')), "\n";
?>
--EXPECTF--
unknown CA:
Acumulus\TlsException: sent=false retryable=false unknown=false curl=60
  Acumulus general/general_about: TLS failed, nothing was sent: SSL certificate problem: unable to get local issuer certificate (the CA file is %s/ca.pem)
other host name:
Acumulus\TlsException: sent=false retryable=false unknown=false curl=60
  Acumulus general/general_about: TLS failed, nothing was sent: SSL: no alternative certificate subject name matches target host name '127.0.0.1' (the CA file is %s/ca.pem)
the system store (no CA file):
Acumulus\TlsException: sent=false retryable=false unknown=false curl=60
  Acumulus general/general_about: TLS failed, nothing was sent: SSL certificate problem: unable to get local issuer certificate (the CA file is the system store)
the test CA:
int(0)
requests: 0 0
handshakes refused by the client: 1
connections to the wrong host: 1
