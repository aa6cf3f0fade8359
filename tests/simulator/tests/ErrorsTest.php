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
    private const UNKNOWN_TOKEN = 'JrJ8bS0aTBxFOLn7ClNBYBHNdMJR8d97';

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
        $r = $this->expectAnswer($endpoint, ['contract' => false, 'lang' => 'nl'], 403, '1', ['AF1001MCS']);
        $this->assertSame('403 Forbidden', $r->messages()[0]['code']);
        $this->assertSame('Verplichte contract sectie ontbreekt', $r->messages()[0]['message']);
        $r = $this->call($endpoint, ['contract' => false]);
        $message = $r->messages()[0]['message'];
        $this->assertSame('Mandatory contract section missing', $message, 'English is the default language');
    }

    public function testCredentialErrors(): void
    {
        $otherUserHere = ApiClient::contract('otheruser', 'sim-Secret-9', Simulator::CONTRACT);
        foreach (
            [
                ApiClient::contract(Simulator::USER, 'Sim-Secret-5'),
                ApiClient::contract('nobody', Simulator::PASSWORD),
                ApiClient::contract(Simulator::USER, Simulator::PASSWORD, '999999'),
                $otherUserHere, // a user of the other contract with this contract's code
            ] as $contract
        ) {
            $this->expectAnswer('general/general_about', ['contract' => $contract], 403, '1', ['SIMAUTH01']);
        }
        $noPassword = ['contractcode' => Simulator::CONTRACT, 'username' => Simulator::USER];
        $r = $this->expectAnswer('general/general_about', ['contract' => $noPassword], 403, '1', ['SIMAUTH02']);
        $this->assertStringContainsString('password', $r->messages()[0]['message']);
    }

    public function testRoles(): void
    {
        $old = ['contract' => ApiClient::contract('oldentry', 'sim-Secret-3')];
        $r = $this->expectAnswer('general/general_about', $old, 403, '1', ['A8N403GCN']);
        $this->assertSame(
            'Forbidden - Insufficient credential level for general/general_about.php.'
                . ' Not authorized to perform request.',
            $r->messages()[0]['message']
        );
        $entry = ['contract' => ApiClient::contract('apientry', 'sim-Secret-6')];
        $this->expectAnswer('entry/entry_info', $entry + ['entryid' => '1'], 403, '1', ['A8N403GCN']);
        $r = $this->expectAnswer('general/general_about', $entry, 200, '0');
        $this->assertSame('6', $r->data()['general']['roleid']);
        $this->expectAnswer('invoices/invoice_add', $entry + ApiClient::invoice(), 200, '0');
        $r = $this->call('general/general_about', ['contract' => ApiClient::contract('apimanager', 'sim-Secret-4')]);
        $this->assertSame('API-beheerder', $r->data()['general']['role']);
    }

    public function testDeprecatedRoleWarning(): void
    {
        $tree = ['contract' => ApiClient::contract('olduser', 'sim-Secret-2')];
        $r = $this->expectAnswer('general/general_about', $tree, 200, '2', [], ['XUPR7NEC8']);
        $this->assertSame('553', $r->messages('warnings')[0]['code']);
        $this->assertSame('2', $r->data()['general']['roleid']);
    }

    public function testCostCenterNameWarning(): void
    {
        $tree = ApiClient::invoice(['costcenter' => 'Algemeen']);
        $r = $this->expectAnswer('invoices/invoice_add', $tree, 200, '2', [], ['WW83E0ZZ']);
        $this->assertSame('400 Deprecated Request', $r->messages('warnings')[0]['code']);
        $this->assertSame('48663', $this->sim()->entries()[0]['costcenterid']);
        $this->expectAnswer('invoices/invoice_add', ApiClient::invoice(['costcenter' => '56074']), 200, '0');
    }

    public function testBadVatTypeWarning(): void
    {
        $tree = ApiClient::invoice(['vattype' => 'false']);
        $r = $this->expectAnswer('invoices/invoice_add', $tree, 200, '2', [], ['CE005BVTC']);
        $this->assertSame('511', $r->messages('warnings')[0]['code']);
        $this->assertStringContainsString('(false)', $r->messages('warnings')[0]['message']);
        $this->assertSame(1, $this->sim()->entries()[0]['vattype']);
    }

    public function testEntryNotFound(): void
    {
        $r = $this->expectAnswer('entry/entry_info', ['entryid' => '1'], 404, '1', ['XGYBSN000']);
        $this->assertSame('1', $r->data()['entryid'], 'the id is echoed');
        $this->assertArrayNotHasKey('entry', $r->data());
        $this->expectAnswer('entry/entry_info', ['entryid' => 'abc'], 404, '1', ['XGYBSN000']);
        $this->expectAnswer('entry/entry_info', [], 400, '1', ['SIMREQ001']);
        // an entry of another contract is not found either
        $inv = $this->addInvoice();
        $other = ['contract' => ApiClient::contract('otheruser', 'sim-Secret-9', '654321')];
        $this->expectAnswer('entry/entry_info', $other + ['entryid' => $inv['entryid']], 404, '1', ['XGYBSN000']);
    }

    public function testDeleteStatusErrors(): void
    {
        $inv = $this->addInvoice();
        $id = ['entryid' => $inv['entryid']];
        $ep = 'entry/entry_deletestatus_set';
        $this->expectAnswer($ep, $id + ['entrydeletestatus' => '7'], 400, '1', ['XCM7ELO12']);
        $this->expectAnswer($ep, $id, 400, '1', ['XCM7ELO14']);
        // restoring a live entry: already in that state
        $r = $this->expectAnswer($ep, $id + ['entrydeletestatus' => '0'], 404, '1', ['P2XFELO12']);
        $message = "Requested for entryid: {$inv['entryid']} not found or forbidden";
        $this->assertSame($message, $r->messages()[0]['message']);
        $this->expectAnswer($ep, $id + ['entrydeletestatus' => '1'], 200, '0');
        $this->expectAnswer($ep, $id + ['entrydeletestatus' => '1'], 404, '1', ['P2XFELO12']);
        $r = $this->expectAnswer($ep, $id + ['entrydeletestatus' => '0'], 200, '0');
        $this->assertSame('recovered', $r->data()['entry']['entryproc']);
        $this->expectAnswer($ep, ['entryid' => '1', 'entrydeletestatus' => '1'], 404, '1', ['P2XFELO12']);
    }

    public function testPaymentStatusErrors(): void
    {
        $inv = $this->addInvoice();
        $get = 'invoices/invoice_paymentstatus_get';
        $set = 'invoices/invoice_paymentstatus_set';
        $r = $this->expectAnswer($get, ['token' => self::UNKNOWN_TOKEN], 400, '1', ['7CFBA8K']);
        $this->assertSame('Requested invoice for ' . self::UNKNOWN_TOKEN . ' not found', $r->messages()[0]['message']);
        $paid = ['paymentstatus' => '2', 'paymentdate' => '2026-01-01'];
        $this->expectAnswer($set, ['token' => self::UNKNOWN_TOKEN] + $paid, 400, '1', ['AAB6C3AA']);
        $token = ['token' => $inv['token']];
        $r = $this->expectAnswer($set, $token + ['paymentstatus' => '2'], 400, '1', ['DATE590ZW']);
        $this->assertStringStartsWith('Missing mandatory paymentdate field', $r->messages()[0]['message']);
        foreach (['1999-12-31', '2100-01-01', '2026-02-30', '20-04-2026', 'today'] as $bad) {
            $tree = $token + ['paymentstatus' => '2', 'paymentdate' => $bad];
            $r = $this->expectAnswer($set, $tree, 400, '1', ['DATE590ZW']);
            $this->assertSame(
                'Incorrect date range (2000-01-01 to 2099-12-31) or invalid date format (YYYY-MM-DD)'
                    . " used in paymentdate field. We received: $bad",
                $r->messages()[0]['message']
            );
        }
        $this->expectAnswer($set, $token + ['paymentstatus' => '3'] + $paid, 400, '1', ['SIMPAY001']);
        // setting "due" with an empty date is allowed (libAcumulus does so)
        $r = $this->expectAnswer($set, $token + ['paymentstatus' => '1', 'paymentdate' => ''], 200, '0');
        $this->assertSame([], $r->data()['invoice']['paymentdate']);
    }

    public function testConceptErrors(): void
    {
        $r = $this->expectAnswer('invoices/invoice_concept_info', ['conceptid' => '123'], 400, '1', ['FGY040XX']);
        $this->assertSame(
            'Requested invoice for concept 123 not found: No definitive invoice has yet been created for this concept.',
            $r->messages()[0]['message']
        );
        $this->sim()->addContract([
            'contractcode' => '777002',
            'users' => [['username' => 'u', 'password' => 'p', 'roleid' => 5]],
            'concept_min_id' => 127466,
        ]);
        $tree = ['contract' => ApiClient::contract('u', 'p', '777002'), 'conceptid' => '1000'];
        $r = $this->expectAnswer('invoices/invoice_concept_info', $tree, 400, '1', ['FGYBSN048']);
        $this->assertSame('Information not available for 1000 older than 127466.', $r->messages()[0]['message']);
    }

    public function testMailAndPdfErrors(): void
    {
        $inv = $this->addInvoice();
        $mail = ['emailaspdf' => ['emailto' => 'x@example.com']];
        $this->expectAnswer('invoices/invoice_mail', ['token' => str_repeat('z', 32)] + $mail, 400, '1', ['TNFE4035G']);
        $tree = ['token' => $inv['token'], 'invoicetype' => '9'] + $mail;
        $r = $this->expectAnswer('invoices/invoice_mail', $tree, 200, '2', [], ['GK6FKHU52']);
        $this->assertSame(
            'Incorrect invoicetype value used (9) in invoicetype tag. Using default value of 0 normal.',
            $r->messages('warnings')[0]['message']
        );
        $this->expectAnswer('invoices/invoice_mail', ['token' => $inv['token']], 400, '1', ['SIMMAIL01']);
        $r = $this->api()->get($this->sim()->baseUrl() . '/invoices/invoice_get_pdf.php?token=nonsense');
        $this->assertSame(400, $r->http);
        $this->assertSame('AA69CBAA', (string) $r->xml()->errors->error->codetag);
        $slip = $this->sim()->baseUrl() . '/delivery/packing_slip_get_pdf.php?token=';
        $r = $this->api()->get($slip . str_repeat('Q', 32));
        $this->assertSame(400, $r->http);
        $this->assertSame('ZKFATNF04', (string) $r->xml()->errors->error->codetag);
        $this->assertSame(str_repeat('Q', 32), (string) $r->xml()->token);
        $r = $this->api()->get($slip . $inv['token']);
        $this->assertSame('application/pdf', $r->contentType);
    }

    public function testLookupAndReportErrors(): void
    {
        foreach (['ln', 'XX', '', 'NLD', 'n'] as $bad) {
            $tree = ['contract' => false, 'vatcountry' => $bad];
            $this->expectAnswer('lookups/lookup_vatinfo', $tree, 400, '1', ['AA6A45AA']);
        }
        $tree = ['contract' => false, 'vatcountry' => 'nl', 'vatdate' => '1-1-2020'];
        $this->expectAnswer('lookups/lookup_vatinfo', $tree, 400, '1', ['SIMVAT001']);
        $report = 'reports/report_threshold_eu_ecommerce';
        $r = $this->expectAnswer($report, ['year' => '2020', 'lang' => 'nl'], 400, '1', ['AAC37EAA']);
        $this->assertSame('Ongeldig year. EU regelgeving van toepassing vanaf 2021.', $r->messages()[0]['message']);
        $r = $this->expectAnswer($report, ['year' => '2099'], 200, '0');
        $this->assertSame('10000', $r->data()['threshold']);
    }

    public function testStockErrors(): void
    {
        $stock = [
            'productid' => '123',
            'stockamount' => '-2',
            'stockdescription' => 'Bestelling 123',
            'stockdate' => '2024-11-19',
        ];
        $r = $this->call('stock/stock_add', ['lang' => 'nl', 'stock' => $stock]);
        $this->assertSame(404, $r->http);
        $this->assertSame(
            '{"productid":"123","errors":{"error":{"code":"404 Not Found","codetag":"AA5B85AA",'
                . '"message":"Ongeldig productid"},'
                . '"count_errors":"1"},"warnings":{"count_warnings":"0"},"status":"1"}',
            $r->body
        );
        $tree = ['stock' => ['productid' => '1833637', 'stockamount' => '-2']];
        $r = $this->expectAnswer('stock/stock_add', $tree, 200, '0');
        $this->assertSame(['productid' => '1833637', 'stockamount' => '30.00'], $r->data()['stock']);
    }

    public function testSignupErrors(): void
    {
        $full = [
            'companyname' => 'My Company',
            'fullname' => 'Smith',
            'loginname' => 'john',
            'address' => 'Straat 5',
            'postalcode' => '1234 AB',
            'city' => 'Amsterdam',
            'email' => 'john@example.com',
        ];
        $tags = [
            'companyname' => 'AA7E10AA',
            'fullname' => 'AAC8C3AA',
            'loginname' => 'AAFA1AAA',
            'address' => 'AAE9CDAA',
            'postalcode' => 'AAC34DAA',
            'city' => 'AABC1FAA',
        ];
        foreach ($tags as $field => $tag) {
            $s = $full;
            unset($s[$field]);
            $this->expectAnswer('signup/signup', ['contract' => false, 'signup' => $s], 400, '1', [$tag]);
        }
        $badPostcode = ['contract' => false, 'signup' => ['postalcode' => 'ABCDEF'] + $full];
        $this->expectAnswer('signup/signup', $badPostcode, 400, '1', ['AA6894AA']);
        $this->expectAnswer('signup/signup', ['signup' => $full], 400, '1', ['SIMAUTH03']);
        $r = $this->expectAnswer('signup/signup', ['contract' => false, 'signup' => $full], 200, '0');
        $s = $r->data()['signup'];
        $api = ApiClient::contract($s['contractapiuserloginname'], $s['contractapiuserpassword'], $s['contractcode']);
        $this->expectAnswer('general/general_about', ['contract' => $api], 200, '0');
    }

    public function testInvoiceAddValidation(): void
    {
        $line = static fn (array $l): array => [$l + ['unitprice' => '1', 'vatrate' => '21']];
        $cases = [
            'no customer' => [['format' => 'json'], 'SIMINV001'],
            'no invoice' => [['customer' => ['fullname' => 'X']], 'SIMINV002'],
            'no lines' => [ApiClient::invoice([], [], []), 'SIMINV003'],
            'comma decimal' => [ApiClient::invoice([], [], $line(['unitprice' => '10,00'])), 'SIMINV004'],
            'no unitprice' => [ApiClient::invoice([], [], [['product' => 'x', 'vatrate' => '21']]), 'SIMINV004'],
            'bad quantity' => [ApiClient::invoice([], [], $line(['quantity' => '1e3'])), 'SIMINV004'],
            'rate not allowed' => [ApiClient::invoice([], [], $line(['vatrate' => '19'])), 'SIMINV005'],
            'vattype 7 for FR' => [
                ApiClient::invoice(['vattype' => '7'], ['countrycode' => 'FR'], $line(['vatrate' => '20'])),
                'SIMINV006',
            ],
            'margin without costprice' => [ApiClient::invoice(['vattype' => '5']), 'SIMINV007'],
            'bad issuedate' => [ApiClient::invoice(['issuedate' => '2026-02-29']), 'SIMINV008'],
            'number with prefix' => [ApiClient::invoice(['number' => 'F2026-1']), 'SIMINV009'],
            'bad paymentstatus' => [ApiClient::invoice(['paymentstatus' => '3']), 'SIMPAY001'],
            'bad paymentdate' => [
                ApiClient::invoice(['paymentstatus' => '2', 'paymentdate' => '1999-01-01']),
                'DATE590ZW',
            ],
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
        $this->expectAnswer('invoices/invoice_add', ApiClient::invoice(['number' => '5001']), 400, '1', ['SIMINV010']);
        $this->sim()->setConfig(['duplicate_number' => 'allow']);
        $this->assertSame('5001', $this->addInvoice(['number' => '5001'])['invoicenumber']);

        $this->sim()->addContract([
            'contractcode' => '777003',
            'users' => [['username' => 'u', 'password' => 'p', 'roleid' => 5]],
            'locked_until' => '2025-12-31',
            'maxentries' => 1,
        ]);
        $c = ['contract' => ApiClient::contract('u', 'p', '777003')];
        $tree = $c + ApiClient::invoice(['issuedate' => '2025-12-31']);
        $r = $this->expectAnswer('invoices/invoice_add', $tree, 400, '1', ['SIMINV011']);
        $this->assertSame('777003', $r->data()['contractcode'], 'the contract code comes back (API 5.4.1)');
        $this->expectAnswer('invoices/invoice_add', $c + ApiClient::invoice(['issuedate' => '2026-01-01']), 200, '0');
        $tree = $c + ApiClient::invoice(['issuedate' => '2026-01-02']);
        $this->expectAnswer('invoices/invoice_add', $tree, 400, '1', ['SIMINV012']);
    }

    public function testEnvelopeErrors(): void
    {
        $url = $this->sim()->baseUrl() . '/general/general_about.php';
        $r = $this->api()->post($url, 'format=json');
        $this->assertSame(400, $r->http);
        $this->assertSame(['SIMXML002'], $r->codetags());
        $this->assertTrue($r->isJson(), 'the format variable is honoured when there is no XML at all');
        $doctype = '<!DOCTYPE x [<!ENTITY e "boom">]><myxml>&e;</myxml>';
        $r = $this->api()->post($url, http_build_query(['xmlstring' => $doctype]));
        $this->assertSame(['SIMXML001'], $r->codetags());
        $this->assertTrue($r->isXml());
        $badUtf8 = "<myxml><fullname>\xC3\x28</fullname></myxml>";
        $r = $this->api()->post($url, http_build_query(['xmlstring' => $badUtf8]));
        $this->assertSame(['SIMXML001'], $r->codetags(), 'invalid UTF-8');
    }

    public function testEveryMessageHasBothLanguages(): void
    {
        foreach (Messages::codetags() as $tag) {
            $key = $tag === 'DATE590ZW' ? 'DATE590ZW.range' : $tag;
            $args = array_fill(0, 6, '7');
            $en = Messages::get($key, 'en', $args);
            $nl = Messages::get($key, 'nl', $args);
            $this->assertNotSame('', $en['message']);
            $this->assertNotSame('', $nl['message']);
            $this->assertMatchesRegularExpression('/^\d{3}( [A-Za-z ]+)?$/', $en['code'], $tag);
        }
    }
}
