--TEST--
Transport failures: refused connection and a handshake that never ends are "not sent" (safe to retry); a timeout, a hang-up or a cut-off answer after the request went out are "sent, outcome unknown"; an answer over the size cap too
--EXTENSIONS--
acumulus
--INI--
acumulus.max_response_size=64K
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
function attempt(string $what, callable $f): void
{
    try {
        $f();
        echo "$what: no exception\n";
    } catch (Acumulus\Exception $e) {
        echo "$what: ", acu_outcome($e), "\n";
    }
}

$closed = new Acumulus\Client('1', 'u', 'pw', 'WHMCS 8', ['apiUrl' => 'https://127.0.0.1:' . acu_closed_port() . '/acumulus']);
attempt('connection refused', fn () => $closed->about());

$mute = acu_server_start(['flags' => ['no-handshake']]);
attempt('TLS handshake never answered', fn () => acu_client($mute, 'acumulus', ['connectTimeout' => 1])->invoiceAdd(['customer' => ['x' => '1']]));

$srv = acu_server_start();
$c = acu_client($srv);
$c->about();   /* a connection to reuse: the next calls need no handshake */
$t = microtime(true);
attempt('no answer within the timeout', fn () => acu_client($srv, 'slow5000', ['timeout' => 2])->about());
printf("waited about the timeout: %s\n", var_export(microtime(true) - $t < 4.5, true));
/* the INI timeout applies to a client without the option */
ini_set('acumulus.timeout', '1');
$t = microtime(true);
attempt('INI acumulus.timeout=1', fn () => (new Acumulus\Client(ACU_TEST_CONTRACT, ACU_TEST_USER, ACU_TEST_PASSWORD, 'WHMCS 8',
    ['apiUrl' => $srv['url'] . '/slow4000', 'caFile' => $srv['ca']]))->about());
printf("gave up after about a second: %s\n", var_export(microtime(true) - $t < 2.5, true));
ini_restore('acumulus.timeout');
attempt('cut-off answer', fn () => $c->call('sim/partial'));
attempt('answer over 64K', fn () => $c->call('sim/big'));

/* a fresh connection that is closed after the request, without an answer */
$fresh = acu_server_start();
attempt('hang-up after the request', fn () => acu_client($fresh)->call('sim/hangup'));
echo 'requests the hanging-up server saw: ', count(acu_server_wait($fresh, 'req', 1)), "\n";

/* the TransportException carries the request (masked) but no answer */
try {
    acu_client($fresh)->call('sim/hangup', ['entryid' => 5]);
} catch (Acumulus\TransportException $e) {
    var_dump(str_contains($e->request, '<password>***</password><') && str_contains($e->request, '<entryid>5</entryid>'), $e->response, $e->endpoint);
}
?>
--EXPECT--
connection refused: TransportException code=7 retryable=true unknown=false sent=false curl=7
TLS handshake never answered: TransportException code=28 retryable=true unknown=false sent=false curl=28
no answer within the timeout: TransportException code=28 retryable=true unknown=true sent=true curl=28
waited about the timeout: true
INI acumulus.timeout=1: TransportException code=28 retryable=true unknown=true sent=true curl=28
gave up after about a second: true
cut-off answer: TransportException code=18 retryable=true unknown=true sent=true curl=18
answer over 64K: ResponseException code=6 retryable=false unknown=true http=200
hang-up after the request: TransportException code=52 retryable=true unknown=true sent=true curl=52
requests the hanging-up server saw: 1
bool(true)
string(0) ""
string(10) "sim/hangup"
