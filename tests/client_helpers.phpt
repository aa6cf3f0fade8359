--TEST--
Typed helpers: the body each sends, the endpoint it calls, and what comes back (main parts, always-lists, not found)
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
$srv = acu_server_start();
$c = acu_client($srv);
$token = 'lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj';
$calls = [
    'about' => fn () => $c->about(),
    'invoiceAdd' => fn () => $c->invoiceAdd(['customer' => ['fullname' => 'Jan', 'invoice' => ['line' => [['product' => 'x', 'unitprice' => '1.0000']]]]]),
    'paymentStatusGet' => fn () => $c->paymentStatusGet($token),
    'paymentStatusSet paid' => fn () => $c->paymentStatusSet($token, 2, '2026-12-01'),
    'paymentStatusSet due' => fn () => $c->paymentStatusSet($token, 1),
    'paymentStatusGet unknown' => fn () => $c->paymentStatusGet(str_repeat('0', 32)),
    'entryInfo' => fn () => $c->entryInfo(55393014),
    'entryInfo 1' => fn () => $c->entryInfo(1),
    'entryDeleteStatusSet' => fn () => $c->entryDeleteStatusSet(55393014, 1),
    'entryUpdate' => fn () => $c->entryUpdate(55393014, ['accountnumber' => 70582, 'paymentstatus' => 2, 'paymentdate' => '2026-12-01']),
    'invoiceMail' => fn () => $c->invoiceMail($token, ['emailto' => 'jan@example.nl', 'subject' => 'Factuur & meer'], 1, 'notitie'),
    'conceptInfo none' => fn () => $c->conceptInfo(1004704),
    'conceptInfo one' => fn () => $c->conceptInfo(1004705),
    'conceptInfo two' => fn () => $c->conceptInfo(1004706),
    'conceptInfo unknown' => fn () => $c->conceptInfo(123),
    'picklist costcenters' => fn () => $c->picklist('costcenters'),
    'picklist accounts' => fn () => $c->picklist('accounts', ['accountstatus' => 1]),
    'picklist invoicetemplates' => fn () => $c->picklist('invoicetemplates'),
    'vatInfo NL' => fn () => $c->vatInfo('NL'),
    'vatInfo BE 2014' => fn () => $c->vatInfo('be', '2014-12-01'),
    'vatInfo ln' => fn () => $c->vatInfo('ln'),
    'thresholdReport' => fn () => $c->thresholdReport(2026),
    'thresholdReport 2020' => fn () => $c->thresholdReport(2020),
];
$i = 0;
foreach ($calls as $name => $f) {
    try {
        $o = $f();
    } catch (Acumulus\Exception $e) {
        $o = $e;
    }
    $req = acu_server_wait($srv, 'req', ++$i)[$i - 1];
    $body = substr($req['xml'], strpos($req['xml'], '</connector>') + 12, -8);
    echo "$name\n  ", substr($req['path'], 9), ' ', $body, "\n  ", acu_outcome($o), "\n";
}
echo $c->invoicePdfUrl($token), "\n";
echo $c->invoicePdfUrl($token, true, false), "\n";
echo 'requests: ', count(acu_server_events($srv, 'req')), "\n";
?>
--EXPECTF--
about
  /general/general_about.php 
  Result status=0 http=200 mainKey="general" main={"about":"Acumulus test server","role":"API-gebruiker","roleid":"5","rolenl":"API-gebruiker","roleapi":"API-User"}
invoiceAdd
  /invoices/invoice_add.php <customer><fullname>Jan</fullname><invoice><line><product>x</product><unitprice>1.0000</unitprice></line></invoice></customer>
  Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"2026%d","token":"%s","entryid":"%d","contactid":"9326320","conceptid":""}
paymentStatusGet
  /invoices/invoice_paymentstatus_get.php <token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token>
  Result status=0 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","paymentstatus":"1","paymentdate":""}
paymentStatusSet paid
  /invoices/invoice_paymentstatus_set.php <token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><paymentstatus>2</paymentstatus><paymentdate>2026-12-01</paymentdate>
  Result status=0 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","paymentstatus":"2","paymentdate":"2026-12-01"}
paymentStatusSet due
  /invoices/invoice_paymentstatus_set.php <token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><paymentstatus>1</paymentstatus><paymentdate/>
  Result status=0 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","paymentstatus":"1","paymentdate":""}
paymentStatusGet unknown
  /invoices/invoice_paymentstatus_get.php <token>00000000000000000000000000000000</token>
  ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"AAB6C3AA","message":"Requested invoice for 00000000000000000000000000000000 not found"}]
entryInfo
  /entry/entry_info.php <entryid>55393014</entryid>
  Result status=0 http=200 mainKey="entry" main={"entryid":"55393014","entrydate":"2026-11-30","totalvalue":"12.10","deleted":"0000-00-00 00:00:00"}
entryInfo 1
  /entry/entry_info.php <entryid>1</entryid>
  ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"404 Not Found","codetag":"XGYBSN000","message":"Requested invoice for entry 1 not found"}]
entryDeleteStatusSet
  /entry/entry_deletestatus_set.php <entryid>55393014</entryid><entrydeletestatus>1</entrydeletestatus>
  Result status=0 http=200 mainKey="entry" main={"entryid":"55393014","entryproc":"removed"}
entryUpdate
  /entry/entry_update.php <entryid>55393014</entryid><accountnumber>70582</accountnumber><paymentstatus>2</paymentstatus><paymentdate>2026-12-01</paymentdate>
  Result status=0 http=200 mainKey="entry" main={"entryid":"55393014"}
invoiceMail
  /invoices/invoice_mail.php <token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><invoicetype>1</invoicetype><invoicenotes>notitie</invoicenotes><emailaspdf><emailto>jan@example.nl</emailto><subject>Factuur &amp; meer</subject></emailaspdf>
  Result status=0 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","invoicetype":"1"}
conceptInfo none
  /invoices/invoice_concept_info.php <conceptid>1004704</conceptid>
  Result status=0 http=200 mainKey="concept" main={"conceptid":"1004704","entryid":[]}
conceptInfo one
  /invoices/invoice_concept_info.php <conceptid>1004705</conceptid>
  Result status=0 http=200 mainKey="concept" main={"conceptid":"1004705","entryid":["55393015"]}
conceptInfo two
  /invoices/invoice_concept_info.php <conceptid>1004706</conceptid>
  Result status=0 http=200 mainKey="concept" main={"conceptid":"1004706","entryid":["55393015","55393016"]}
conceptInfo unknown
  /invoices/invoice_concept_info.php <conceptid>123</conceptid>
  ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"FGY040XX","message":"Requested invoice for concept 123 not found"}]
picklist costcenters
  /picklists/picklist_costcenters.php 
  Result status=0 http=200 mainKey="costcenters" main={"costcenter":[{"costcenterid":"48663","costcentername":"Algemeen"},{"costcenterid":"56074","costcentername":"kostenplaats 1"}]}
picklist accounts
  /picklists/picklist_accounts.php <accountstatus>1</accountstatus>
  Result status=0 http=200 mainKey="accounts" main={"account":[{"accountid":"70582","accountnumber":"","accountdescription":"Kas & bank"}]}
picklist invoicetemplates
  /picklists/picklist_invoicetemplates.php 
  Result status=0 http=200 mainKey="invoicetemplates" main={"invoicetemplate":[]}
vatInfo NL
  /lookups/lookup_vatinfo.php <vatcountry>nl</vatcountry>
  Result status=0 http=200 mainKey="vatinfo" main={"vat":[{"vattype":"normal","vatrate":"21.0000","countryregion":"1"},{"vattype":"reduced","vatrate":"9.0000","countryregion":"1"}]}
vatInfo BE 2014
  /lookups/lookup_vatinfo.php <vatcountry>be</vatcountry><vatdate>2014-12-01</vatdate>
  Result status=0 http=200 mainKey="vatinfo" main={"vat":[]}
vatInfo ln
  /lookups/lookup_vatinfo.php <vatcountry>ln</vatcountry>
  ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"AA6A45AA","message":"Ongeldige vatcountry"}]
thresholdReport
  /reports/report_threshold_eu_ecommerce.php <year>2026</year>
  Result status=0 http=200 mainKey="" main={"year":"2026","threshold":"10000","nltaxed":"1234.56","reached":"0"}
thresholdReport 2020
  /reports/report_threshold_eu_ecommerce.php <year>2020</year>
  ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"AAC37EAA","message":"Ongeldig year. EU regelgeving van toepassing vanaf 2021."}]
https://127.0.0.1:%d/acumulus/invoices/invoice_get_pdf.php?token=lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj
https://127.0.0.1:%d/acumulus/invoices/invoice_get_pdf.php?token=lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj&invoicetype=1&gfx=0
requests: 23
