--TEST--
Every response shape of ref/acumulus-api.md §6 becomes a Result or the right exception, with errors and warnings as lists and list parts as lists
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_response.inc';
$ok = fn (string $main, string $warnings = '') => acu_resp($warnings ? '2' : '0', $main, '', $warnings);
$cases = [
    '1 about' => ['general/general_about', $ok('<general><about>Acumulus</about><role>API-gebruiker</role><roleid>5</roleid><rolenl>API-gebruiker</rolenl><roleapi>API-User</roleapi></general>')],
    '2 no contract' => ['general/general_about', acu_resp('1', '', acu_err('403 Forbidden', 'AF1001MCS', 'Verplichte contract sectie ontbreekt')), 403],
    '3 wrong password' => ['general/general_about', acu_resp('1', '', acu_err('403 Forbidden', 'SIMAUTH01', 'wrong credentials')), 403],
    '4 invoice_add' => ['invoices/invoice_add', $ok('<invoice><invoicenumber>20240016</invoicenumber><token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><entryid>55393014</entryid><contactid>9326320</contactid><conceptid/></invoice>')],
    '5 concept' => ['invoices/invoice_add', $ok('<invoice><invoicenumber>20240018</invoicenumber><token></token><entryid/><contactid>9978102</contactid><conceptid>1004704</conceptid></invoice>')],
    '6 costcenter name' => ['invoices/invoice_add', $ok('<invoice><invoicenumber>20240019</invoicenumber><token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><entryid>55393016</entryid><contactid>9326320</contactid><conceptid/></invoice>', acu_err('400 Deprecated Request', 'WW83E0ZZ', 'Please use numeric identifier for costcenter.', 'warning'))],
    '7 test mode' => ['invoices/invoice_add', $ok('<invoice><invoicenumber/><token/><entryid/><contactid/><conceptid/></invoice>')],
    '8 costcenters, two' => ['picklists/picklist_costcenters', $ok('<costcenters><costcenter><costcenterid>48663</costcenterid><costcentername>Algemeen</costcentername></costcenter><costcenter><costcenterid>56074</costcenterid><costcentername>kostenplaats 1</costcentername></costcenter></costcenters>')],
    '8 costcenters, one' => ['picklists/picklist_costcenters', $ok('<costcenters><costcenter><costcenterid>48663</costcenterid><costcentername>Algemeen</costcentername></costcenter></costcenters>')],
    '8 costcenters, none' => ['picklists/picklist_costcenters', $ok('<costcenters/>')],
    '8 costcenters, missing' => ['picklists/picklist_costcenters', $ok('')],
    '9 accounts' => ['picklists/picklist_accounts', $ok('<accounts><account><accountid>70582</accountid><accountnumber/><accountdescription>Kas</accountdescription><accountstatus>1</accountstatus></account></accounts>')],
    '10 vatinfo NL' => ['lookups/lookup_vatinfo', $ok('<vatinfo><vat><vattype>normal</vattype><vatrate>21.0000</vatrate><countryregion>1</countryregion></vat><vat><vattype>reduced</vattype><vatrate>9.0000</vatrate><countryregion>1</countryregion></vat></vatinfo>')],
    '10 vatinfo BE 2014' => ['lookups/lookup_vatinfo', $ok('<vatinfo/>')],
    '10 vatinfo ln' => ['lookups/lookup_vatinfo', acu_resp('1', '', acu_err('400 Bad Request', 'AA6A45AA', 'Ongeldige vatcountry'))],
    '11 paymentstatus_set' => ['invoices/invoice_paymentstatus_set', $ok('<invoice><token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><entryid>55393014</entryid><paymentstatus>2</paymentstatus><paymentdate>2020-04-20</paymentdate></invoice>')],
    '11 no paymentdate' => ['invoices/invoice_paymentstatus_set', acu_resp('1', '', acu_err('400 Bad Request', 'DATE590ZW', 'Missing mandatory paymentdate field'))],
    '11 unknown token' => ['invoices/invoice_paymentstatus_set', acu_resp('1', '', acu_err('400 Bad Request', 'AAB6C3AA', 'Requested invoice not found')), 400],
    '12 entry 1' => ['entry/entry_info', acu_resp('1', '', acu_err('404 Not Found', 'XGYBSN000', 'Requested invoice for entry 1 not found')), 404],
    '12 entry' => ['entry/entry_info', $ok('<entry><entryid>55393014</entryid><totalvalue>12.10</totalvalue><deleted>0000-00-00 00:00:00</deleted></entry>')],
    '13 deletestatus' => ['entry/entry_deletestatus_set', $ok('<entry><entryid>55393014</entryid><entryproc>removed</entryproc></entry>')],
    '13 unknown id' => ['entry/entry_deletestatus_set', acu_resp('1', '', acu_err('404 Not Found', 'P2XFELO12', 'Requested for entryid: 5 not found or forbidden')), 404],
    '13 status 7' => ['entry/entry_deletestatus_set', acu_resp('1', '', acu_err('400 Bad Request', 'XCM7ELO12', 'Invalid entrydeletestatus value supplied')), 400],
    '14 concept 123' => ['invoices/invoice_concept_info', acu_resp('1', '', acu_err('400 Bad Request', 'FGY040XX', 'Requested invoice for concept 123 not found')), 400],
    '14 not final' => ['invoices/invoice_concept_info', $ok('<concept><conceptid>1004704</conceptid><entryid/></concept>')],
    '14 final once' => ['invoices/invoice_concept_info', $ok('<concept><conceptid>1004704</conceptid><entryid>55393015</entryid></concept>')],
    '14 final twice' => ['invoices/invoice_concept_info', $ok('<concept><conceptid>1004704</conceptid><entryid>55393015</entryid><entryid>55393016</entryid></concept>')],
    '15 pdf bad token' => ['invoices/invoice_get_pdf', acu_resp('1', '<token>xyz</token>', acu_err('400 Bad Request', 'AA69CBAA', 'Invalid token.')), 400],
    '16 mail bad token' => ['invoices/invoice_mail', acu_resp('1', '', acu_err('400 Bad Request', 'TNFE4035G', 'Requested token not found or invalid token supplied. Unable to proceed.')), 400],
    '16 mail invoicetype 9' => ['invoices/invoice_mail', $ok('<invoice><token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><invoicetype>0</invoicetype></invoice>', acu_err('400 Bad Request', 'GK6FKHU52', 'Incorrect invoicetype value used (9). Using default value of 0 normal.', 'warning'))],
    '17 unknown path' => ['invoices/not_existing', "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n", 404],
    '18 malformed request' => ['invoices/invoice_add', acu_resp('1', '', acu_err('400 Bad Request', 'SIMXML01', 'Invalid XML')), 400],
    'threshold report' => ['reports/report_threshold_eu_ecommerce', $ok('<year>2026</year><threshold>10000</threshold><nltaxed>1234.56</nltaxed><reached>0</reached>')],
    'unknown endpoint' => ['contacts/contact_get', $ok('<contact><contactid>1</contactid></contact>')],
    'my_acumulus' => ['general/my_acumulus', $ok('<mydata><mycontractcode>288252</mycontractcode></mydata>')],
];
foreach ($cases as $name => $c) {
    echo $name, ': ', acu_parse(...$c), "\n";
}
/* the whole answer: data keeps every part but the basic response */
$r = Acumulus\Client::parseResponse('invoices/invoice_add', $cases['4 invoice_add'][1]);
echo json_encode($r->data), "\n";
var_dump($r->endpoint, $r->errors, $r->testMode, $r->request, $r->response === $cases['4 invoice_add'][1], $r->elapsedUs);
?>
--EXPECT--
1 about: Result status=0 http=200 mainKey="general" main={"about":"Acumulus","role":"API-gebruiker","roleid":"5","rolenl":"API-gebruiker","roleapi":"API-User"}
2 no contract: AuthenticationException code=403 retryable=false unknown=false http=403 result=Result errors=[{"code":"403 Forbidden","codetag":"AF1001MCS","message":"Verplichte contract sectie ontbreekt"}]
3 wrong password: AuthenticationException code=403 retryable=false unknown=false http=403 result=Result errors=[{"code":"403 Forbidden","codetag":"SIMAUTH01","message":"wrong credentials"}]
4 invoice_add: Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"20240016","token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","contactid":"9326320","conceptid":""}
5 concept: Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"20240018","token":"","entryid":"","contactid":"9978102","conceptid":"1004704"}
6 costcenter name: Result status=2 http=200 mainKey="invoice" main={"invoicenumber":"20240019","token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393016","contactid":"9326320","conceptid":""} warnings=[{"code":"400 Deprecated Request","codetag":"WW83E0ZZ","message":"Please use numeric identifier for costcenter."}]
7 test mode: Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"","token":"","entryid":"","contactid":"","conceptid":""}
8 costcenters, two: Result status=0 http=200 mainKey="costcenters" main={"costcenter":[{"costcenterid":"48663","costcentername":"Algemeen"},{"costcenterid":"56074","costcentername":"kostenplaats 1"}]}
8 costcenters, one: Result status=0 http=200 mainKey="costcenters" main={"costcenter":[{"costcenterid":"48663","costcentername":"Algemeen"}]}
8 costcenters, none: Result status=0 http=200 mainKey="costcenters" main={"costcenter":[]}
8 costcenters, missing: Result status=0 http=200 mainKey="costcenters" main={"costcenter":[]}
9 accounts: Result status=0 http=200 mainKey="accounts" main={"account":[{"accountid":"70582","accountnumber":"","accountdescription":"Kas","accountstatus":"1"}]}
10 vatinfo NL: Result status=0 http=200 mainKey="vatinfo" main={"vat":[{"vattype":"normal","vatrate":"21.0000","countryregion":"1"},{"vattype":"reduced","vatrate":"9.0000","countryregion":"1"}]}
10 vatinfo BE 2014: Result status=0 http=200 mainKey="vatinfo" main={"vat":[]}
10 vatinfo ln: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"AA6A45AA","message":"Ongeldige vatcountry"}]
11 paymentstatus_set: Result status=0 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","paymentstatus":"2","paymentdate":"2020-04-20"}
11 no paymentdate: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"DATE590ZW","message":"Missing mandatory paymentdate field"}]
11 unknown token: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"AAB6C3AA","message":"Requested invoice not found"}]
12 entry 1: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"404 Not Found","codetag":"XGYBSN000","message":"Requested invoice for entry 1 not found"}]
12 entry: Result status=0 http=200 mainKey="entry" main={"entryid":"55393014","totalvalue":"12.10","deleted":"0000-00-00 00:00:00"}
13 deletestatus: Result status=0 http=200 mainKey="entry" main={"entryid":"55393014","entryproc":"removed"}
13 unknown id: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"404 Not Found","codetag":"P2XFELO12","message":"Requested for entryid: 5 not found or forbidden"}]
13 status 7: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"XCM7ELO12","message":"Invalid entrydeletestatus value supplied"}]
14 concept 123: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"FGY040XX","message":"Requested invoice for concept 123 not found"}]
14 not final: Result status=0 http=200 mainKey="concept" main={"conceptid":"1004704","entryid":[]}
14 final once: Result status=0 http=200 mainKey="concept" main={"conceptid":"1004704","entryid":["55393015"]}
14 final twice: Result status=0 http=200 mainKey="concept" main={"conceptid":"1004704","entryid":["55393015","55393016"]}
15 pdf bad token: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"AA69CBAA","message":"Invalid token."}] data={"token":"xyz"}
16 mail bad token: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"TNFE4035G","message":"Requested token not found or invalid token supplied. Unable to proceed."}]
16 mail invoicetype 9: Result status=2 http=200 mainKey="invoice" main={"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","invoicetype":"0"} warnings=[{"code":"400 Bad Request","codetag":"GK6FKHU52","message":"Incorrect invoicetype value used (9). Using default value of 0 normal."}]
17 unknown path: HttpException code=404 retryable=false unknown=false http=404 retryAfter=null location=""
18 malformed request: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"SIMXML01","message":"Invalid XML"}]
threshold report: Result status=0 http=200 mainKey="" main={"year":"2026","threshold":"10000","nltaxed":"1234.56","reached":"0"}
unknown endpoint: Result status=0 http=200 mainKey=null main=[]
my_acumulus: Result status=0 http=200 mainKey="mydata" main={"mycontractcode":"288252"}
{"invoice":{"invoicenumber":"20240016","token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","entryid":"55393014","contactid":"9326320","conceptid":""}}
string(20) "invoices/invoice_add"
array(0) {
}
bool(false)
string(0) ""
bool(true)
int(0)
