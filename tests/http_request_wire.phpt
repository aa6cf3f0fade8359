--TEST--
On the wire: a form POST of xmlstring=<the whole XML, URL-encoded>, no Expect, our User-Agent; the XML is requestXml() with the real credentials escaped, so a password with & < > " ' and \ authenticates
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$c = acu_client($srv);
echo 'password: ', ACU_TEST_PASSWORD, "\n";
echo 'about: status ', $c->about()->status, "\n";
$req = acu_server_wait($srv, 'req', 1)[0];
echo $req['method'], ' ', $req['path'], "\n";
foreach (['content-type', 'user-agent', 'accept', 'expect', 'transfer-encoding'] as $h) {
    echo "$h: ", $req['headers'][$h] ?? '(none)', "\n";
}
/* the body is exactly the form encoding of the XML */
var_dump($req['body'] === 'xmlstring=' . rawurlencode($req['xml']));
/* the XML is what requestXml() shows, with the contract unmasked */
$contract = '<contract><contractcode>123456</contractcode><username>apiuser</username>'
    . '<password>p&amp;ss&lt;w&gt;rd&#92;&quot;x&apos;</password></contract>';
var_dump($req['xml'] === str_replace('<contract><contractcode>***</contractcode><username>***</username><password>***</password></contract>',
    $contract, $c->requestXml()));
var_dump(str_contains($req['xml'], $contract));

/* a test-mode invoice with 300 lines and non-ASCII text */
$lines = [];
for ($i = 1; $i <= 300; $i++) {
    $lines[] = ['product' => "Regel $i: Les Camélias & Zürich <€>", 'unitprice' => sprintf('%d.%04d', $i, $i), 'quantity' => '1', 'vatrate' => '21'];
}
$t = acu_client($srv, 'acumulus', ['testMode' => true]);
$r = $t->invoiceAdd(['customer' => ['fullname' => 'Zoë', 'invoice' => ['line' => $lines]]]);
var_dump($r->testMode, $r->main['token'], $r->main['entryid']);
$req = acu_server_wait($srv, 'req', 2)[1];
var_dump(str_ends_with($req['path'], '/invoices/invoice_add.php'), str_contains($req['xml'], '<testmode>1</testmode>'));
var_dump(substr_count($req['xml'], '<line>'), str_contains($req['xml'], '<product>Regel 300: Les Camélias &amp; Zürich &lt;€&gt;</product>'));
var_dump($req['body'] === 'xmlstring=' . rawurlencode($req['xml']), strlen($req['body']) > 30000);
?>
--EXPECTF--
password: p&ss<w>rd\"x'
about: status 0
POST /acumulus/general/general_about.php
content-type: application/x-www-form-urlencoded
user-agent: AcumulusForWHMCS/%s (WHMCS 8.13.1) PHP/%s
accept: text/xml, application/xml
expect: (none)
transfer-encoding: (none)
bool(true)
bool(true)
bool(true)
bool(true)
string(0) ""
string(0) ""
bool(true)
bool(true)
int(300)
bool(true)
bool(true)
bool(true)
