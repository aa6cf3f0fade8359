--TEST--
Answers that are not API responses (empty, HTML, cut off, not XML, not <response>, no valid status, DTD and entities, too deep, too large) and HTTP/status disagreements: never a crash, never a guess
--EXTENSIONS--
acumulus
--INI--
acumulus.max_response_size=64K
--FILE--
<?php
require __DIR__ . '/client_response.inc';
$ok = acu_resp('0', '<invoice><entryid>77</entryid></invoice>');
$cases = [
    'empty' => [''],
    'white space' => [" \r\n\t "],
    'BOM only' => ["\xEF\xBB\xBF\n"],
    'HTML with doctype' => ["<!DOCTYPE html>\n<html><body>Maintenance</body></html>"],
    'HTML without doctype' => ["  <HTML>\n<body>x</body></HTML>"],
    'XHTML' => ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    'cut off' => ['<?xml version="1.0"?><response><invoice><invoicenumber>2024'],
    'JSON' => ['{"errors":{"count_errors":"0"},"status":"0"}'],
    'binary' => ["\x00\xff\xfe garbage"],
    'invalid UTF-8 in XML' => ["<response><status>0</status><v>caf\xe9</v></response>"],
    'not a response' => ['<myxml><status>0</status></myxml>'],
    'no status' => ['<response><errors/><warnings/></response>'],
    'status 9' => [acu_resp('9')],
    'status empty' => ['<response><status/></response>'],
    'status "0 1"' => ['<response><status>0 1</status></response>'],
    'status with children' => ['<response><status><x>0</x></status></response>'],
    'status " 2 " (white space is fine)' => ["<response><status>\n 2 \n</status></response>"],
    'DTD with entities' => ['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><response><status>0</status><v>&b;</v></response>'],
    'external entity' => ['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><response><status>0</status><v>&x;</v></response>'],
    'doctype only' => ['<!DOCTYPE response SYSTEM "http://127.0.0.1:9/x.dtd"><response><status>0</status></response>'],
    'undefined entity' => ['<response><status>0</status><v>&nbsp;</v></response>'],
    'nested 40 deep' => ['<response><status>0</status>' . str_repeat('<d>', 40) . str_repeat('</d>', 40) . '</response>'],
    'larger than 64K' => [acu_resp('0', '<pad>' . str_repeat('x', 70000) . '</pad>')],
    'HTTP 500, status 0' => [$ok, 500],
    'HTTP 404, status 0' => [$ok, 404],
    'HTTP 200, status 1' => [acu_resp('1', '', acu_err('400 Bad Request', 'X1', 'refused')), 200],
    'HTTP 200, status 1 with a 403 code' => [acu_resp('1', '', acu_err('403 Forbidden', 'X2', 'no')), 200],
    'HTTP 200, status 3' => [acu_resp('3', '', acu_err('500', 'X3', 'exception')), 200],
    'HTTP 429, HTML' => ['<html><body>slow down</body></html>', 429],
    'HTTP 500, HTML' => ['<html><body>error</body></html>', 500],
    'HTTP 502, empty' => ['', 502],
    'HTTP 503, HTML' => ['<html><body>maintenance</body></html>', 503],
    'HTTP 504, cut off' => ['<response><sta', 504],
    'HTTP 403, HTML' => ['<html><body>denied</body></html>', 403],
    'HTTP 301, HTML' => ['<html><body>moved</body></html>', 301],
    'HTTP 400, not XML' => ['bad request', 400],
];
foreach ($cases as $name => $c) {
    echo $name, ': ', acu_parse('invoices/invoice_add', ...$c), "\n";
}
/* what the messages say */
foreach (['cut off', 'DTD with entities', 'nested 40 deep', 'larger than 64K'] as $name) {
    try {
        Acumulus\Client::parseResponse('invoices/invoice_add', $cases[$name][0]);
    } catch (Acumulus\ResponseException $e) {
        echo $e->getMessage(), "\n";
    }
}
/* what parses well: another encoding, CDATA, a BOM, namespace prefixes, comments */
$r = Acumulus\Client::parseResponse('sim/x', "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<response><status>0</status><v>caf\xe9</v></response>");
var_dump($r->data['v']);
$r = Acumulus\Client::parseResponse('sim/x', '<response><!-- c --><status>0</status><v><![CDATA[a<b>&c]]></v><?pi x?></response>');
var_dump($r->data['v']);
$r = Acumulus\Client::parseResponse('sim/x', "\xEF\xBB\xBF<a:response xmlns:a=\"urn:x\"><a:status>0</a:status><a:v>1</a:v></a:response>");
var_dump($r->data);
/* the constants */
var_dump([Acumulus\ResponseException::EMPTY_BODY, Acumulus\ResponseException::HTML_PAGE, Acumulus\ResponseException::NOT_XML,
    Acumulus\ResponseException::NOT_A_RESPONSE, Acumulus\ResponseException::BAD_STATUS, Acumulus\ResponseException::TOO_LARGE] === [1, 2, 3, 4, 5, 6]);
?>
--EXPECT--
empty: ResponseException code=1 retryable=true unknown=true http=200
white space: ResponseException code=1 retryable=true unknown=true http=200
BOM only: ResponseException code=1 retryable=true unknown=true http=200
HTML with doctype: ResponseException code=2 retryable=true unknown=true http=200
HTML without doctype: ResponseException code=2 retryable=true unknown=true http=200
XHTML: ResponseException code=2 retryable=true unknown=true http=200
cut off: ResponseException code=3 retryable=true unknown=true http=200
JSON: ResponseException code=3 retryable=true unknown=true http=200
binary: ResponseException code=3 retryable=true unknown=true http=200
invalid UTF-8 in XML: ResponseException code=3 retryable=true unknown=true http=200
not a response: ResponseException code=4 retryable=true unknown=true http=200
no status: ResponseException code=5 retryable=true unknown=true http=200
status 9: ResponseException code=5 retryable=true unknown=true http=200
status empty: ResponseException code=5 retryable=true unknown=true http=200
status "0 1": ResponseException code=5 retryable=true unknown=true http=200
status with children: ResponseException code=5 retryable=true unknown=true http=200
status " 2 " (white space is fine): Result status=2 http=200 mainKey="invoice" main=[]
DTD with entities: ResponseException code=3 retryable=true unknown=true http=200
external entity: ResponseException code=3 retryable=true unknown=true http=200
doctype only: ResponseException code=3 retryable=true unknown=true http=200
undefined entity: ResponseException code=3 retryable=true unknown=true http=200
nested 40 deep: ResponseException code=3 retryable=true unknown=true http=200
larger than 64K: ResponseException code=6 retryable=false unknown=true http=200
HTTP 500, status 0: Result status=0 http=500 mainKey="invoice" main={"entryid":"77"}
HTTP 404, status 0: Result status=0 http=404 mainKey="invoice" main={"entryid":"77"}
HTTP 200, status 1: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"X1","message":"refused"}]
HTTP 200, status 1 with a 403 code: AuthenticationException code=403 retryable=false unknown=false http=200 result=Result errors=[{"code":"403 Forbidden","codetag":"X2","message":"no"}]
HTTP 200, status 3: ApiException code=3 retryable=true unknown=true status=3 notFound=false errors=[{"code":"500","codetag":"X3","message":"exception"}]
HTTP 429, HTML: HttpException code=429 retryable=true unknown=false http=429 retryAfter=null location=""
HTTP 500, HTML: HttpException code=500 retryable=true unknown=true http=500 retryAfter=null location=""
HTTP 502, empty: HttpException code=502 retryable=true unknown=true http=502 retryAfter=null location=""
HTTP 503, HTML: HttpException code=503 retryable=true unknown=false http=503 retryAfter=null location=""
HTTP 504, cut off: HttpException code=504 retryable=true unknown=true http=504 retryAfter=null location=""
HTTP 403, HTML: AuthenticationException code=403 retryable=false unknown=false http=403 result=null errors=[]
HTTP 301, HTML: HttpException code=301 retryable=false unknown=false http=301 retryAfter=null location=""
HTTP 400, not XML: HttpException code=400 retryable=false unknown=false http=400 retryAfter=null location=""
Acumulus invoices/invoice_add: HTTP 200 with a body that is not well-formed XML (Premature end of data in tag invoicenumber line 1); the outcome is unknown
Acumulus invoices/invoice_add: HTTP 200 with XML the parser refuses (a DOCTYPE: no DTD is processed); the outcome is unknown
Acumulus invoices/invoice_add: HTTP 200 with XML the parser refuses (nested deeper than 32 elements); the outcome is unknown
Acumulus invoices/invoice_add: HTTP 200 with a body longer than acumulus.max_response_size; the outcome is unknown
string(5) "café"
string(6) "a<b>&c"
array(1) {
  ["v"]=>
  string(1) "1"
}
bool(true)
