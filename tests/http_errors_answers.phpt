--TEST--
HTTP answers over the wire: 429/5xx (retry later, Retry-After), 403 (authentication), redirects (not followed), 404 pages, 2xx bodies that are no API response, API status 1/2/3, and HTTP/status disagreements
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
$srv = acu_server_start();
$c = acu_client($srv);
$faults = ['http429', 'http500', 'http502', 'http503', 'http504', 'forbidden', 'redirect', 'notfound',
    'empty', 'html200', 'truncated', 'json', 'notresponse', 'badstatus', 'dtd', 'mismatch200', 'status3', 'mismatch500'];
foreach ($faults as $f) {
    try {
        $o = $c->call("sim/$f");
    } catch (Acumulus\Exception $e) {
        $o = $e;
    }
    echo "$f: ", acu_outcome($o), "\n";
}
/* each fault was asked once: nothing was retried or followed */
echo 'requests: ', count(acu_server_wait($srv, 'req', count($faults))), "\n";

/* the API's own refusals */
$bad = acu_client($srv, 'acumulus', [], 'Not-The-Password');
try {
    $bad->about();
} catch (Acumulus\AuthenticationException $e) {
    echo 'wrong password: ', acu_outcome($e), "\n";
    echo '  ', $e->getMessage(), "\n";
    var_dump($e->result->httpStatus, $e->result->status);
}
try {
    $c->call('invoices/not_existing');
} catch (Acumulus\HttpException $e) {
    echo 'unknown path: ', acu_outcome($e), "\n";
}
try {
    $c->invoiceAdd(['customer' => ['fullname' => 'no lines']]);
} catch (Acumulus\ApiException $e) {
    echo 'refused invoice: ', acu_outcome($e), "\n";
    var_dump($e->result->httpStatus);
}
/* status 2: success, and the warnings are kept */
$r = $c->invoiceAdd(['customer' => ['invoice' => ['costcenter' => 'Algemeen', 'line' => [['product' => 'x', 'unitprice' => '1.0000']]]]]);
echo 'warning: ', acu_outcome($r), "\n";
var_dump(strlen($r->main['token']), $r->elapsedUs > 0);
?>
--EXPECTF--
http429: HttpException code=429 retryable=true unknown=false http=429 retryAfter=7 location=""
http500: HttpException code=500 retryable=true unknown=true http=500 retryAfter=null location=""
http502: HttpException code=502 retryable=true unknown=true http=502 retryAfter=null location=""
http503: HttpException code=503 retryable=true unknown=false http=503 retryAfter=120 location=""
http504: HttpException code=504 retryable=true unknown=true http=504 retryAfter=null location=""
forbidden: AuthenticationException code=403 retryable=false unknown=false http=403 result=null errors=[]
redirect: HttpException code=301 retryable=false unknown=false http=301 retryAfter=null location="http://127.0.0.1:9/acumulus/stable"
notfound: HttpException code=404 retryable=false unknown=false http=404 retryAfter=null location=""
empty: ResponseException code=1 retryable=true unknown=true http=200
html200: ResponseException code=2 retryable=true unknown=true http=200
truncated: ResponseException code=3 retryable=true unknown=true http=200
json: ResponseException code=3 retryable=true unknown=true http=200
notresponse: ResponseException code=4 retryable=true unknown=true http=200
badstatus: ResponseException code=5 retryable=true unknown=true http=200
dtd: ResponseException code=3 retryable=true unknown=true http=200
mismatch200: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"SIMERR01","message":"Refused although HTTP said 200"}]
status3: ApiException code=3 retryable=true unknown=true status=3 notFound=false errors=[{"code":"500","codetag":"SIMEXC01","message":"Exception, please contact Acumulus technical support"}]
mismatch500: Result status=0 http=500 mainKey=null main=[]
requests: 18
wrong password: AuthenticationException code=403 retryable=false unknown=false http=403 result=Result errors=[{"code":"403 Forbidden","codetag":"SIMAUTH01","message":"Simulator: wrong contract code, user name or password"}]
  Acumulus general/general_about: the credentials or their role were refused (HTTP 403): [403 Forbidden SIMAUTH01] Simulator: wrong contract code, user name or password
int(403)
int(1)
unknown path: HttpException code=404 retryable=false unknown=false http=404 retryAfter=null location=""
refused invoice: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"SIMLINE01","message":"An invoice needs at least one line"}]
int(400)
warning: Result status=2 http=200 mainKey="invoice" main={"invoicenumber":"2026%d","token":"%s","entryid":"%d","contactid":"9326320","conceptid":""} warnings=[{"code":"400 Deprecated Request","codetag":"WW83E0ZZ","message":"Please use numeric identifier for costcenter."}]
int(32)
bool(true)
