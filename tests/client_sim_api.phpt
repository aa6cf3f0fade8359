--TEST--
Against the simulator: credentials (one with & < > " '), invoice_add with its totals and a backslash kept, warnings, test mode, payment status, mail, waste bin, concepts, picklists, VAT info, the OSS report, not-found answers
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_sim.inc';
require __DIR__ . '/client_response.inc';
$sim = acu_sim(['config' => ['today' => '2026-11-30']]);
$c = acu_sim_client($sim);
$show = function (string $name, callable $f) {
    try {
        $o = $f();
    } catch (Acumulus\Exception $e) {
        $o = $e;
    }
    echo "$name: ", acu_outcome($o), "\n";
    return $o;
};

$show('about', fn () => $c->about());
echo 'password ', AcuSim\Simulator::AMP_PASSWORD, ': ', acu_sim_client($sim, AcuSim\Simulator::AMP_USER)->about()->main['role'], "\n";
$show('wrong password', fn () => acu_sim_client($sim, AcuSim\Simulator::USER, 'Not-The-Password')->about());

/* booked, with the totals the simulator computes and the notes as sent */
$r = $show('invoiceAdd', fn () => $c->invoiceAdd(acu_sim_invoice('Factuur 1', ['invoicenotes' => 'C:\\map\\nregel 2'])));
$entry = (int) $r->main['entryid'];
$token = $r->main['token'];
$e = $c->entryInfo($entry)->main;
echo "entry: {$e['totalvalueexclvat']} ex, {$e['totalvalue']} incl, note ", $e['entrynote'], ', deleted ', $e['deleted'], "\n";

$show('costcenter by name', fn () => $c->invoiceAdd(acu_sim_invoice('Factuur 2', ['costcenter' => 'Algemeen'])));
$before = count($sim->entries());
$t = acu_sim_client($sim, AcuSim\Simulator::USER, null, ['testMode' => true]);
$tr = $show('test mode', fn () => $t->invoiceAdd(acu_sim_invoice('Proef')));
echo 'test mode: Result->testMode ', var_export($tr->testMode, true), ', entries stored ', count($sim->entries()) - $before, "\n";

$show('paymentStatusSet', fn () => $c->paymentStatusSet($token, 2, '2026-12-01'));
$show('paymentStatusGet', fn () => $c->paymentStatusGet($token));
$show('paymentStatusGet unknown', fn () => $c->paymentStatusGet(str_repeat('Z', 32)));
$show('invoiceMail', fn () => $c->invoiceMail($token, ['emailto' => 'jan@example.nl', 'subject' => 'Uw factuur']));
echo 'mails recorded: ', count($sim->state('mails', AcuSim\Simulator::CONTRACT)[AcuSim\Simulator::CONTRACT] ?? []), "\n";

$show('to the waste bin', fn () => $c->entryDeleteStatusSet($entry, 1));
echo 'deleted: ', $c->entryInfo($entry)->main['deleted'] !== '0000-00-00 00:00:00' ? 'yes' : 'no', "\n";
$show('to the waste bin again', fn () => $c->entryDeleteStatusSet($entry, 1));
$show('entryInfo 1', fn () => $c->entryInfo(1));

$cr = $c->invoiceAdd(acu_sim_invoice('Concept', ['concept' => 1]));
echo 'concept: token "', $cr->main['token'], '", entryid "', $cr->main['entryid'], '", conceptid set: ', var_export($cr->main['conceptid'] !== '', true), "\n";
$concept = (int) $cr->main['conceptid'];
echo 'conceptInfo: ', json_encode($c->conceptInfo($concept)->main['entryid']), ' ';
$sim->finalizeConcept($concept);
echo count($c->conceptInfo($concept)->main['entryid']), ' ';
$sim->finalizeConcept($concept);
echo count($c->conceptInfo($concept)->main['entryid']), "\n";

echo 'cost centers: ', json_encode(array_column($c->picklist('costcenters')->main['costcenter'], 'costcentername')), "\n";
echo 'templates: ', count($c->picklist('invoicetemplates')->main['invoicetemplate']), "\n";
echo 'active accounts: ', count($c->picklist('accounts', ['accountstatus' => 1])->main['account']), "\n";
echo 'NL rates: ', json_encode(array_map(fn ($v) => $v['vatrate'] . '/' . $v['countryregion'], $c->vatInfo('nl', '2026-11-30')->main['vat'])), "\n";
echo 'BE 2014: ', json_encode($c->vatInfo('BE', '2014-12-01')->main), "\n";
$show('vatInfo ln', fn () => $c->vatInfo('ln'));
$th = $c->thresholdReport(2026);
echo 'threshold: ', $th->mainKey === '' ? 'top level' : 'main ' . $th->mainKey, ', ', $th->main['threshold'], "\n";
$show('thresholdReport 2020', fn () => $c->thresholdReport(2020));
?>
--EXPECTF--
about: Result status=0 http=200 mainKey="general" main={"about":"%s","role":"API-gebruiker","roleid":"5","rolenl":"API-gebruiker","roleapi":"%s"}
password p&ss<wo>rd"': API-gebruiker
wrong password: AuthenticationException code=403 retryable=false unknown=false http=403 result=Result errors=[{"code":"403 Forbidden","codetag":"SIMAUTH01","message":"%s"}]
invoiceAdd: Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"2026%d","token":"%s","entryid":"%d","contactid":"%d","conceptid":""}
entry: 26.53 ex, 32.10 incl, note C:\map\nregel 2, deleted 0000-00-00 00:00:00
costcenter by name: Result status=2 http=200 mainKey="invoice" main={%s} warnings=[{"code":"400 Deprecated Request","codetag":"WW83E0ZZ","message":"%s"}]
test mode: Result status=0 http=200 mainKey="invoice" main={"invoicenumber":"2026%d","token":"","entryid":"","contactid":"%s","conceptid":""}
test mode: Result->testMode true, entries stored 0
paymentStatusSet: Result status=0 http=200 mainKey="invoice" main={"token":"%s","entryid":"%d","paymentstatus":"2","paymentdate":"2026-12-01"}
paymentStatusGet: Result status=0 http=200 mainKey="invoice" main={"entryid":"%d","token":"%s","paymentstatus":"2","paymentdate":"2026-12-01"}
paymentStatusGet unknown: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"400 Bad Request","codetag":"7CFBA8K","message":"%s"}] data={"token":"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"}
invoiceMail: Result status=0 http=200 mainKey="invoice" main={"token":"%s","invoicetype":"0"}
mails recorded: 1
to the waste bin: Result status=0 http=200 mainKey="entry" main={"entryid":"%d","entryproc":"removed"}
deleted: yes
to the waste bin again: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"404 Not Found","codetag":"P2XFELO12","message":"%s"}]%S
entryInfo 1: ApiException code=1 retryable=false unknown=false status=1 notFound=true errors=[{"code":"404 Not Found","codetag":"XGYBSN000","message":"%s"}]%S
concept: token "", entryid "", conceptid set: true
conceptInfo: [] 1 2
cost centers: ["Algemeen","kostenplaats 1"]
templates: 2
active accounts: 3
NL rates: [%s]
BE 2014: {"vat":[]}
vatInfo ln: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"AA6A45AA","message":"%s"}]%S
threshold: top level, 10000
thresholdReport 2020: ApiException code=1 retryable=false unknown=false status=1 notFound=false errors=[{"code":"400 Bad Request","codetag":"AAC37EAA","message":"%s"}]%S
