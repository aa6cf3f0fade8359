<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Api;
use AcuSim\Messages;
use AcuSim\Simulator;

/**
 * Every error and warning row of acumulus-api.md §2.4, with HTTP status, code
 * and codetag, plus the simulator's own validation errors of invoice_add.
 */
final class ErrorsTest extends SimTestCase
{
    public function authEndpoints(): array
    {
        $out = [];
        foreach (Api::ENDPOINTS as $ep => [, $mode]) {
            if ($mode === 'required') {
                $out[$ep] = [$ep];
            }
        }
        return $out;
    }

    /** @dataProvider authEndpoints */
    public function testEveryAuthenticatedCallNeedsTheContractSection(string $endpoint): void
    {
        $r = $this->call($endpoint, ['contract' => false, 'lang' => 'nl']);
        $this->assertAnswer($r, 403, '1', ['AF1001MCS']);
        $this->assertSame('403 Forbidden', $r->messages()[0]['code']);
        $this->assertSame('Verplichte contract sectie ontbreekt', $r->messages()[0]['message']);
        $r = $this->call($endpoint, ['contract' => false]);
        $this->assertSame('Mandatory contract section missing', $r->messages()[0]['message'], 'English is the default language');
    }

    public function testCredentialErrors(): void
    {
        foreach ([
            ApiClient::contract(Simulator::USER, 'Sim-Secret-5'),
            ApiClient::contract('nobody', Simulator::PASSWORD),
            ApiClient::contract(Simulator::USER, Simulator::PASSWORD, '999999'),
            ApiClient::contract('otheruser', 'sim-Secret-9'), // a user of the other contract...
        ] as $i => $contract) {
            if ($i === 3) {
                $contract['contractcode'] = Simulator::CONTRACT; // ...with this contract's code
            }
            $this->assertAnswer($this->call('general/general_about', ['contract' => $contract]), 403, '1', ['SIMAUTH01']);
        }
        $r = $this->call('general/general_about', ['contract' => ['contractcode' => Simulator::CONTRACT, 'username' => Simulator::USER]]);
        $this->assertAnswer($r, 403, '1', ['SIMAUTH02']);
        $this->assertStringContainsString('password', $r->messages()[0]['message']);
    }

    public function testRoles(): void
    {
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract('oldentry', 'sim-Secret-3')]);
        $this->assertAnswer($r, 403, '1', ['A8N403GCN']);
        $this->assertSame('Forbidden - Insufficient credential level for general/general_about.php. Not authorized to perform request.',
            $r->messages()[0]['message']);
        $r = $this->call('entry/entry_info', ['contract' => ApiClient::contract('apientry', 'sim-Secret-6'), 'entryid' => '1']);
        $this->assertAnswer($r, 403, '1', ['A8N403GCN']);
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract('apientry', 'sim-Secret-6')]);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame('6', $r->data()['general']['roleid']);
        $r = $this->call('invoices/invoice_add', ['contract' => ApiClient::contract('apientry', 'sim-Secret-6')] + ApiClient::invoice());
        $this->assertAnswer($r, 200, '0');
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract('apimanager', 'sim-Secret-4')]);
        $this->assertSame('API-beheerder', $r->data()['general']['role']);
    }

    public function testDeprecatedRoleWarning(): void
    {
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract('olduser', 'sim-Secret-2')]);
        $this->assertAnswer($r, 200, '2', [], ['XUPR7NEC8']);
        $this->assertSame('553', $r->messages('warnings')[0]['code']);
        $this->assertSame('2', $r->data()['general']['roleid']);
    }

    public function testCostCenterNameWarning(): void
    {
        $r = $this->call('invoices/invoice_add', ApiClient::invoice(['costcenter' => 'Algemeen']));
        $this->assertAnswer($r, 200, '2', [], ['WW83E0ZZ']);
        $this->assertSame('400 Deprecated Request', $r->messages('warnings')[0]['code']);
        $this->assertSame('48663', $this->sim()->entries()[0]['costcenterid']);
        $r = $this->call('invoices/invoice_add', ApiClient::invoice(['costcenter' => '56074']));
        $this->assertAnswer($r, 200, '0');
    }

    public function testBadVatTypeWarning(): void
    {
        $r = $this->call('invoices/invoice_add', ApiClient::invoice(['vattype' => 'false']));
        $this->assertAnswer($r, 200, '2', [], ['CE005BVTC']);
        $this->assertSame('511', $r->messages('warnings')[0]['code']);
        $this->assertStringContainsString('(false)', $r->messages('warnings')[0]['message']);
        $this->assertSame(1, $this->sim()->entries()[0]['vattype']);
    }

    public function testEntryNotFound(): void
    {
        $r = $this->call('entry/entry_info', ['entryid' => '1']);
        $this->assertAnswer($r, 404, '1', ['XGYBSN000']);
        $this->assertSame('1', $r->data()['entryid'], 'the id is echoed');
        $this->assertArrayNotHasKey('entry', $r->data());
        $this->assertAnswer($this->call('entry/entry_info', ['entryid' => 'abc']), 404, '1', ['XGYBSN000']);
        $this->assertAnswer($this->call('entry/entry_info', []), 400, '1', ['SIMREQ001']);
        // an entry of another contract is not found either
        $inv = $this->addInvoice();
        $r = $this->call('entry/entry_info', ['contract' => ApiClient::contract('otheruser', 'sim-Secret-9', '654321'), 'entryid' => $inv['entryid']]);
        $this->assertAnswer($r, 404, '1', ['XGYBSN000']);
    }

    public function testDeleteStatusErrors(): void
    {
        $inv = $this->addInvoice();
        $this->assertAnswer($this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid'], 'entrydeletestatus' => '7']), 400, '1', ['XCM7ELO12']);
        $this->assertAnswer($this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid']]), 400, '1', ['XCM7ELO14']);
        $r = $this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid'], 'entrydeletestatus' => '0']);
        $this->assertAnswer($r, 404, '1', ['P2XFELO12'], [], 'restoring a live entry: already in that state');
        $this->assertSame("Requested for entryid: {$inv['entryid']} not found or forbidden", $r->messages()[0]['message']);
        $this->assertAnswer($this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid'], 'entrydeletestatus' => '1']), 200, '0');
        $this->assertAnswer($this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid'], 'entrydeletestatus' => '1']), 404, '1', ['P2XFELO12']);
        $r = $this->call('entry/entry_deletestatus_set', ['entryid' => $inv['entryid'], 'entrydeletestatus' => '0']);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame('recovered', $r->data()['entry']['entryproc']);
        $this->assertAnswer($this->call('entry/entry_deletestatus_set', ['entryid' => '1', 'entrydeletestatus' => '1']), 404, '1', ['P2XFELO12']);
    }

    public function testPaymentStatusErrors(): void
    {
        $inv = $this->addInvoice();
        $r = $this->call('invoices/invoice_paymentstatus_get', ['token' => 'JrJ8bS0aTBxFOLn7ClNBYBHNdMJR8d97']);
        $this->assertAnswer($r, 400, '1', ['7CFBA8K']);
        $this->assertSame('Requested invoice for JrJ8bS0aTBxFOLn7ClNBYBHNdMJR8d97 not found', $r->messages()[0]['message']);
        $this->assertAnswer($this->call('invoices/invoice_paymentstatus_set', ['token' => 'JrJ8bS0aTBxFOLn7ClNBYBHNdMJR8d97',
            'paymentstatus' => '2', 'paymentdate' => '2026-01-01']), 400, '1', ['AAB6C3AA']);
        $r = $this->call('invoices/invoice_paymentstatus_set', ['token' => $inv['token'], 'paymentstatus' => '2']);
        $this->assertAnswer($r, 400, '1', ['DATE590ZW']);
        $this->assertStringStartsWith('Missing mandatory paymentdate field', $r->messages()[0]['message']);
        foreach (['1999-12-31', '2100-01-01', '2026-02-30', '20-04-2026', 'today'] as $bad) {
            $r = $this->call('invoices/invoice_paymentstatus_set', ['token' => $inv['token'], 'paymentstatus' => '2', 'paymentdate' => $bad]);
            $this->assertAnswer($r, 400, '1', ['DATE590ZW']);
            $this->assertSame('Incorrect date range (2000-01-01 to 2099-12-31) or invalid date format (YYYY-MM-DD) used in paymentdate field.'
                . " We received: $bad", $r->messages()[0]['message']);
        }
        $this->assertAnswer($this->call('invoices/invoice_paymentstatus_set', ['token' => $inv['token'], 'paymentstatus' => '3',
            'paymentdate' => '2026-01-01']), 400, '1', ['SIMPAY001']);
        // setting "due" with an empty date is allowed (libAcumulus does so)
        $r = $this->call('invoices/invoice_paymentstatus_set', ['token' => $inv['token'], 'paymentstatus' => '1', 'paymentdate' => '']);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame([], $r->data()['invoice']['paymentdate']);
    }

    public function testConceptErrors(): void
    {
        $r = $this->call('invoices/invoice_concept_info', ['conceptid' => '123']);
        $this->assertAnswer($r, 400, '1', ['FGY040XX']);
        $this->assertSame('Requested invoice for concept 123 not found: No definitive invoice has yet been created for this concept.',
            $r->messages()[0]['message']);
        $this->sim()->addContract(['contractcode' => '777002', 'users' => [['username' => 'u', 'password' => 'p', 'roleid' => 5]],
            'concept_min_id' => 127466]);
        $r = $this->call('invoices/invoice_concept_info', ['contract' => ApiClient::contract('u', 'p', '777002'), 'conceptid' => '1000']);
        $this->assertAnswer($r, 400, '1', ['FGYBSN048']);
        $this->assertSame('Information not available for 1000 older than 127466.', $r->messages()[0]['message']);
    }

    public function testMailAndPdfErrors(): void
    {
        $inv = $this->addInvoice();
        $this->assertAnswer($this->call('invoices/invoice_mail', ['token' => str_repeat('z', 32), 'emailaspdf' => ['emailto' => 'x@example.com']]),
            400, '1', ['TNFE4035G']);
        $r = $this->call('invoices/invoice_mail', ['token' => $inv['token'], 'invoicetype' => '9', 'emailaspdf' => ['emailto' => 'x@example.com']]);
        $this->assertAnswer($r, 200, '2', [], ['GK6FKHU52']);
        $this->assertSame('Incorrect invoicetype value used (9) in invoicetype tag. Using default value of 0 normal.', $r->messages('warnings')[0]['message']);
        $this->assertAnswer($this->call('invoices/invoice_mail', ['token' => $inv['token']]), 400, '1', ['SIMMAIL01']);
        $r = $this->api()->get($this->sim()->baseUrl() . '/invoices/invoice_get_pdf.php?token=nonsense');
        $this->assertSame(400, $r->http);
        $this->assertSame('AA69CBAA', (string) $r->xml()->errors->error->codetag);
        $r = $this->api()->get($this->sim()->baseUrl() . '/delivery/packing_slip_get_pdf.php?token=' . str_repeat('Q', 32));
        $this->assertSame(400, $r->http);
        $this->assertSame('ZKFATNF04', (string) $r->xml()->errors->error->codetag);
        $this->assertSame(str_repeat('Q', 32), (string) $r->xml()->token);
        $r = $this->api()->get($this->sim()->baseUrl() . '/delivery/packing_slip_get_pdf.php?token=' . $inv['token']);
        $this->assertSame('application/pdf', $r->contentType);
    }

    public function testLookupAndReportErrors(): void
    {
        foreach (['ln', 'XX', '', 'NLD', 'n'] as $bad) {
            $this->assertAnswer($this->call('lookups/lookup_vatinfo', ['contract' => false, 'vatcountry' => $bad]), 400, '1', ['AA6A45AA']);
        }
        $this->assertAnswer($this->call('lookups/lookup_vatinfo', ['contract' => false, 'vatcountry' => 'nl', 'vatdate' => '1-1-2020']),
            400, '1', ['SIMVAT001']);
        $r = $this->call('reports/report_threshold_eu_ecommerce', ['year' => '2020', 'lang' => 'nl']);
        $this->assertAnswer($r, 400, '1', ['AAC37EAA']);
        $this->assertSame('Ongeldig year. EU regelgeving van toepassing vanaf 2021.', $r->messages()[0]['message']);
        $r = $this->call('reports/report_threshold_eu_ecommerce', ['year' => '2099']);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame('10000', $r->data()['threshold']);
    }

    public function testStockErrors(): void
    {
        $r = $this->call('stock/stock_add', ['lang' => 'nl', 'stock' => ['productid' => '123', 'stockamount' => '-2',
            'stockdescription' => 'Bestelling 123', 'stockdate' => '2024-11-19']]);
        $this->assertSame(404, $r->http);
        $this->assertSame('{"productid":"123","errors":{"error":{"code":"404 Not Found","codetag":"AA5B85AA","message":"Ongeldig productid"},'
            . '"count_errors":"1"},"warnings":{"count_warnings":"0"},"status":"1"}', $r->body);
        $r = $this->call('stock/stock_add', ['stock' => ['productid' => '1833637', 'stockamount' => '-2']]);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame(['productid' => '1833637', 'stockamount' => '30.00'], $r->data()['stock']);
    }

    public function testSignupErrors(): void
    {
        $full = ['companyname' => 'My Company', 'fullname' => 'Smith', 'loginname' => 'john', 'address' => 'Straat 5',
            'postalcode' => '1234 AB', 'city' => 'Amsterdam', 'email' => 'john@example.com'];
        $tags = ['companyname' => 'AA7E10AA', 'fullname' => 'AAC8C3AA', 'loginname' => 'AAFA1AAA', 'address' => 'AAE9CDAA',
            'postalcode' => 'AAC34DAA', 'city' => 'AABC1FAA'];
        foreach ($tags as $field => $tag) {
            $s = $full;
            unset($s[$field]);
            $this->assertAnswer($this->call('signup/signup', ['contract' => false, 'signup' => $s]), 400, '1', [$tag], [], $field);
        }
        $this->assertAnswer($this->call('signup/signup', ['contract' => false, 'signup' => ['postalcode' => 'ABCDEF'] + $full]),
            400, '1', ['AA6894AA']);
        $this->assertAnswer($this->call('signup/signup', ['signup' => $full]), 400, '1', ['SIMAUTH03']);
        $r = $this->call('signup/signup', ['contract' => false, 'signup' => $full]);
        $this->assertAnswer($r, 200, '0');
        $s = $r->data()['signup'];
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract($s['contractapiuserloginname'], $s['contractapiuserpassword'], $s['contractcode'])]);
        $this->assertAnswer($r, 200, '0');
    }

    public function testInvoiceAddValidation(): void
    {
        $cases = [
            'no customer' => [['format' => 'json'], 'SIMINV001'],
            'no invoice' => [['customer' => ['fullname' => 'X']], 'SIMINV002'],
            'no lines' => [ApiClient::invoice([], [], []), 'SIMINV003'],
            'comma decimal' => [ApiClient::invoice([], [], [['unitprice' => '10,00', 'vatrate' => '21']]), 'SIMINV004'],
            'no unitprice' => [ApiClient::invoice([], [], [['product' => 'x', 'vatrate' => '21']]), 'SIMINV004'],
            'bad quantity' => [ApiClient::invoice([], [], [['unitprice' => '1', 'quantity' => '1e3', 'vatrate' => '21']]), 'SIMINV004'],
            'rate not allowed' => [ApiClient::invoice([], [], [['unitprice' => '1', 'vatrate' => '19']]), 'SIMINV005'],
            'vattype 7 for FR' => [ApiClient::invoice(['vattype' => '7'], ['countrycode' => 'FR'], [['unitprice' => '1', 'vatrate' => '20']]), 'SIMINV006'],
            'margin without costprice' => [ApiClient::invoice(['vattype' => '5']), 'SIMINV007'],
            'bad issuedate' => [ApiClient::invoice(['issuedate' => '2026-02-29']), 'SIMINV008'],
            'number with prefix' => [ApiClient::invoice(['number' => 'F2026-1']), 'SIMINV009'],
            'bad paymentstatus' => [ApiClient::invoice(['paymentstatus' => '3']), 'SIMPAY001'],
            'bad paymentdate' => [ApiClient::invoice(['paymentstatus' => '2', 'paymentdate' => '1999-01-01']), 'DATE590ZW'],
        ];
        foreach ($cases as $name => [$tree, $tag]) {
            $r = $this->call('invoices/invoice_add', $tree);
            $this->assertSame(400, $r->http, "$name: " . $r->body);
            $this->assertSame([$tag], $r->codetags(), $name);
            $this->assertArrayNotHasKey('invoice', $r->data(), $name);
        }
        $this->assertSame([], $this->sim()->entries(), 'nothing stored by a failed add');
        $this->assertSame([], $this->sim()->state('contacts', Simulator::CONTRACT)[Simulator::CONTRACT]);
    }

    public function testDuplicateNumberLockedPeriodAndEntryLimit(): void
    {
        $this->addInvoice(['number' => '5001']);
        $this->assertAnswer($this->call('invoices/invoice_add', ApiClient::invoice(['number' => '5001'])), 400, '1', ['SIMINV010']);
        $this->sim()->setConfig(['duplicate_number' => 'allow']);
        $this->assertSame('5001', $this->addInvoice(['number' => '5001'])['invoicenumber']);

        $this->sim()->addContract(['contractcode' => '777003', 'users' => [['username' => 'u', 'password' => 'p', 'roleid' => 5]],
            'locked_until' => '2025-12-31', 'maxentries' => 1]);
        $c = ['contract' => ApiClient::contract('u', 'p', '777003')];
        $r = $this->call('invoices/invoice_add', $c + ApiClient::invoice(['issuedate' => '2025-12-31']));
        $this->assertAnswer($r, 400, '1', ['SIMINV011']);
        $this->assertSame('777003', $r->data()['contractcode'], 'the contract code comes back (API 5.4.1)');
        $this->assertAnswer($this->call('invoices/invoice_add', $c + ApiClient::invoice(['issuedate' => '2026-01-01'])), 200, '0');
        $this->assertAnswer($this->call('invoices/invoice_add', $c + ApiClient::invoice(['issuedate' => '2026-01-02'])), 400, '1', ['SIMINV012']);
    }

    public function testEnvelopeErrors(): void
    {
        $url = $this->sim()->baseUrl() . '/general/general_about.php';
        $r = $this->api()->post($url, 'format=json');
        $this->assertSame(400, $r->http);
        $this->assertSame(['SIMXML002'], $r->codetags());
        $this->assertTrue($r->isJson(), 'the format variable is honoured when there is no XML at all');
        $r = $this->api()->post($url, http_build_query(['xmlstring' => '<!DOCTYPE x [<!ENTITY e "boom">]><myxml>&e;</myxml>']));
        $this->assertSame(['SIMXML001'], $r->codetags());
        $this->assertTrue($r->isXml());
        $r = $this->api()->post($url, http_build_query(['xmlstring' => "<myxml><fullname>\xC3\x28</fullname></myxml>"]));
        $this->assertSame(['SIMXML001'], $r->codetags(), 'invalid UTF-8');
    }

    public function testEveryMessageHasBothLanguages(): void
    {
        foreach (Messages::codetags() as $tag) {
            $key = $tag === 'DATE590ZW' ? 'DATE590ZW.range' : $tag;
            $args = array_fill(0, 6, '7');
            $en = @Messages::get($key, 'en', $args);
            $nl = @Messages::get($key, 'nl', $args);
            $this->assertNotSame('', $en['message']);
            $this->assertNotSame('', $nl['message']);
            $this->assertMatchesRegularExpression('/^\d{3}( [A-Za-z ]+)?$/', $en['code'], $tag);
        }
    }
}
