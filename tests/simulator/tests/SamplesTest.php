<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * The 18 sample exchanges of acumulus-api.md §6, each sent by hand with the
 * curl command line tool (--cacert, --data-urlencode xmlstring@file), as the
 * issue's "done when" asks.
 */
final class SamplesTest extends SimTestCase
{
    private string $tmp;

    protected function setUp(): void
    {
        parent::setUp();
        $this->tmp = sys_get_temp_dir() . '/acusim-curl-' . getmypid();
        @mkdir($this->tmp);
    }

    protected function tearDown(): void
    {
        foreach (glob($this->tmp . '/*') ?: [] as $f) {
            unlink($f);
        }
        @rmdir($this->tmp);
    }

    /** Runs the curl CLI; POSTs the XML of $tree (default contract, json) when given. */
    private function curl(string $endpoint, ?array $tree, array $extra = [], bool $withContract = true): ApiResult
    {
        $args = ['curl', '-sS', '--cacert', $this->sim()->caFile(), '-o', $this->tmp . '/body'];
        array_push($args, '-w', '%{http_code} %{content_type}');
        if ($tree !== null) {
            if ($withContract) {
                $tree = ['contract' => ApiClient::contract()] + $tree;
            }
            $tree += ['format' => 'json'];
            file_put_contents($this->tmp . '/request.xml', ApiClient::xml($tree));
            array_push($args, '--data-urlencode', 'xmlstring@' . $this->tmp . '/request.xml');
        }
        $args = array_merge($args, $extra, [$this->sim()->baseUrl() . '/' . $endpoint]);
        $p = proc_open($args, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $rc = proc_close($p);
        $this->assertSame(0, $rc, "curl failed: $err");
        [$code, $type] = explode(' ', trim((string) $out), 2) + [1 => ''];
        return new ApiResult((int) $code, $type, (string) file_get_contents($this->tmp . '/body'));
    }

    private static function obj(ApiResult $r): \stdClass
    {
        return json_decode($r->body, false, 512, JSON_THROW_ON_ERROR);
    }

    private function addFinal(array $invoice = []): array
    {
        $r = $this->curl('invoices/invoice_add.php', ApiClient::invoice($invoice));
        $this->assertAnswer($r, 200, '0');
        return $r->data()['invoice'];
    }

    public function test01CredentialCheck(): void
    {
        $r = $this->curl('general/general_about.php', []);
        $this->assertAnswer($r, 200, '0');
        $g = $r->data()['general'];
        $this->assertSame(['about', 'role', 'roleid', 'rolenl', 'roleapi'], array_keys($g));
        $this->assertNotSame('', $g['about']);
        $this->assertSame('API-gebruiker', $g['role']);
        $this->assertSame('5', $g['roleid']);
        $this->assertSame(['general', 'errors', 'warnings', 'status'], array_keys($r->data()));
    }

    public function test02MissingContract(): void
    {
        $r = $this->curl('picklists/picklist_costcenters.php', ['lang' => 'nl'], [], false);
        $this->assertSame(403, $r->http);
        $this->assertSame('application/json; charset=utf-8', $r->contentType);
        $this->assertSame('{"errors":{"error":{"code":"403 Forbidden","codetag":"AF1001MCS",'
            . '"message":"Verplichte contract sectie ontbreekt"},'
            . '"count_errors":"1"},"warnings":{"count_warnings":"0"},"status":"1"}', $r->body);
    }

    public function test03WrongPassword(): void
    {
        $tree = ['contract' => ApiClient::contract(Simulator::USER, 'wrong')];
        $r = $this->curl('general/general_about.php', $tree, [], false);
        $this->assertAnswer($r, 403, '1', ['SIMAUTH01']);
        $this->assertSame('403 Forbidden', $r->messages()[0]['code']);
        $this->assertArrayNotHasKey('general', $r->data());
    }

    public function test04InvoiceAddFinal(): void
    {
        $r = $this->curl('invoices/invoice_add.php', ApiClient::invoice());
        $this->assertAnswer($r, 200, '0');
        $inv = self::obj($r)->invoice;
        $keys = array_keys(get_object_vars($inv));
        $this->assertSame(['invoicenumber', 'token', 'entryid', 'contactid', 'conceptid'], $keys);
        $this->assertSame('20260001', $inv->invoicenumber);
        $this->assertMatchesRegularExpression('/^[A-Za-z0-9]{32}$/', $inv->token);
        $this->assertMatchesRegularExpression('/^\d+$/', $inv->entryid);
        $this->assertMatchesRegularExpression('/^\d+$/', $inv->contactid);
        $this->assertEquals(new \stdClass(), $inv->conceptid);
        $this->assertStringContainsString('"conceptid":{}', $r->body);
        $second = $this->addFinal();
        $this->assertSame('20260002', $second['invoicenumber'], 'next number in the series');
        $this->assertNotSame($inv->token, $second['token']);
    }

    public function test05InvoiceAddConcept(): void
    {
        $r = $this->curl('invoices/invoice_add.php', ApiClient::invoice(['concept' => '1']));
        $this->assertAnswer($r, 200, '0');
        $inv = self::obj($r)->invoice;
        $this->assertSame('20260001', $inv->invoicenumber);
        $this->assertEquals(new \stdClass(), $inv->token);
        $this->assertEquals(new \stdClass(), $inv->entryid);
        $this->assertMatchesRegularExpression('/^\d+$/', $inv->contactid);
        $this->assertMatchesRegularExpression('/^\d+$/', $inv->conceptid);
        $this->assertSame([], $this->sim()->entries(), 'a concept is no entry');
    }

    public function test06CostCenterByName(): void
    {
        $r = $this->curl('invoices/invoice_add.php', ApiClient::invoice(['costcenter' => 'kostenplaats 1']));
        $this->assertAnswer($r, 200, '2', [], ['WW83E0ZZ']);
        $message = $r->messages('warnings')[0]['message'];
        $this->assertStringContainsString('Please use numeric identifier for costcenter.', $message);
        $token = $r->data()['invoice']['token'];
        $this->assertMatchesRegularExpression('/^[A-Za-z0-9]{32}$/', $token, 'the invoice is still created');
        $this->assertSame('56074', $this->sim()->entries()[0]['costcenterid']);
    }

    public function test07TestMode(): void
    {
        $r = $this->curl('invoices/invoice_add.php', ['testmode' => '1'] + ApiClient::invoice());
        $this->assertAnswer($r, 200, '0');
        $this->assertSame([], $this->sim()->entries());
        $this->assertSame([], $this->sim()->state('contacts', Simulator::CONTRACT)[Simulator::CONTRACT]);
        $this->assertSame('20260001', $this->addFinal()['invoicenumber'], 'test mode used no number');
    }

    public function test08PicklistCostCenters(): void
    {
        $r = $this->curl('picklists/picklist_costcenters.php', []);
        $this->assertAnswer($r, 200, '0');
        $this->assertStringStartsWith('{"costcenters":{"costcenter":['
            . '{"costcenterid":"48663","costcentername":"Algemeen"},'
            . '{"costcenterid":"56074","costcentername":"kostenplaats 1"}]},', $r->body);
        $this->sim()->addContract([
            'contractcode' => '777001',
            'users' => [['username' => 'u', 'password' => 'p', 'roleid' => 5]],
            'costcenters' => [['costcenterid' => '1', 'costcentername' => 'Enige']],
        ]);
        $tree = ['contract' => ApiClient::contract('u', 'p', '777001')];
        $r = $this->curl('picklists/picklist_costcenters.php', $tree, [], false);
        $this->assertStringStartsWith(
            '{"costcenters":{"costcenter":{"costcenterid":"1","costcentername":"Enige"}},',
            $r->body
        );
    }

    public function test09PicklistAccountsEmptyNumber(): void
    {
        $r = $this->curl('picklists/picklist_accounts.php', []);
        $this->assertAnswer($r, 200, '0');
        $accounts = self::obj($r)->accounts->account;
        $this->assertIsArray($accounts);
        $isKas = static fn (\stdClass $a): bool => $a->accountdescription === 'Kas';
        $kas = array_values(array_filter($accounts, $isKas))[0];
        $this->assertEquals(new \stdClass(), $kas->accountnumber);
        $this->assertStringContainsString('"accountnumber":{}', $r->body);
    }

    public function test10LookupVatInfo(): void
    {
        $r = $this->curl('lookups/lookup_vatinfo.php', ['vatcountry' => 'nl'], [], false);
        $this->assertAnswer($r, 200, '0');
        $this->assertStringStartsWith(
            '{"vatinfo":{"vat":[{"vattype":"normal","vatrate":"21.0000","countryregion":"1"},',
            $r->body
        );
        $r = $this->curl('lookups/lookup_vatinfo.php', ['vatcountry' => 'be', 'vatdate' => '2014-12-01'], [], false);
        $this->assertSame(
            '{"vatinfo":{},"errors":{"count_errors":"0"},"warnings":{"count_warnings":"0"},"status":"0"}',
            $r->body
        );
        $r = $this->curl('lookups/lookup_vatinfo.php', ['vatcountry' => 'ln'], [], false);
        $this->assertAnswer($r, 400, '1', ['AA6A45AA']);
    }

    public function test11PaymentStatusSet(): void
    {
        $inv = $this->addFinal();
        $paid = ['paymentstatus' => '2', 'paymentdate' => '2020-04-20'];
        $r = $this->curl('invoices/invoice_paymentstatus_set.php', ['token' => $inv['token']] + $paid);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame(
            ['token' => $inv['token'], 'entryid' => $inv['entryid']] + $paid,
            $r->data()['invoice']
        );
        $r = $this->curl('invoices/invoice_paymentstatus_set.php', ['token' => $inv['token'], 'paymentstatus' => '2']);
        $this->assertAnswer($r, 400, '1', ['DATE590ZW']);
        $r = $this->curl('invoices/invoice_paymentstatus_set.php', ['token' => str_repeat('x', 32)] + $paid);
        $this->assertSame(400, $r->http);
        $this->assertSame('1', $r->status());
    }

    public function test12EntryInfo(): void
    {
        $r = $this->curl('entry/entry_info.php', ['entryid' => '1']);
        $this->assertAnswer($r, 404, '1', ['XGYBSN000']);
        $this->assertSame('404 Not Found', $r->messages()[0]['code']);
        $inv = $this->addFinal();
        $r = $this->curl('entry/entry_info.php', ['entryid' => $inv['entryid']]);
        $this->assertAnswer($r, 200, '0');
        $e = $r->data()['entry'];
        foreach (
            ['token', 'entryid', 'entrydate', 'entrytype', 'entrytypeid', 'entrydescription', 'entrynote', 'fiscaltype',
            'vatreversecharge', 'foreigneu', 'foreignnoneu', 'marginscheme', 'foreignvat', 'contactid',
            'accountnumber', 'costcenterid', 'costheadingid', 'invoicenumber', 'invoicenote', 'descriptiontext',
            'invoicelayoutid', 'totalvalueexclvat', 'totalvalue',
            'totalvalueforeignvat', 'paymenttermdays', 'paymentdate', 'paymentstatus', 'deleted'] as $k
        ) {
            $this->assertArrayHasKey($k, $e);
        }
        $this->assertSame('0000-00-00 00:00:00', $e['deleted']);
        $this->assertSame($inv['token'], $e['token']);
        $this->assertSame('10.00', $e['totalvalueexclvat']);
        $this->assertSame('12.10', $e['totalvalue']);
    }

    public function test13EntryDeleteStatus(): void
    {
        $inv = $this->addFinal();
        $r = $this->curl('entry/entry_deletestatus_set.php', ['entryid' => $inv['entryid'], 'entrydeletestatus' => 1]);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame(['entryid' => $inv['entryid'], 'entryproc' => 'removed'], $r->data()['entry']);
        $e = $this->curl('entry/entry_info.php', ['entryid' => $inv['entryid']])->data()['entry'];
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $e['deleted']);
        $this->assertNotSame('0000-00-00 00:00:00', $e['deleted']);
        $r = $this->curl('entry/entry_deletestatus_set.php', ['entryid' => '1', 'entrydeletestatus' => '1']);
        $this->assertAnswer($r, 404, '1', ['P2XFELO12']);
        $r = $this->curl('entry/entry_deletestatus_set.php', ['entryid' => $inv['entryid'], 'entrydeletestatus' => 7]);
        $this->assertAnswer($r, 400, '1', ['XCM7ELO12']);
    }

    public function test14ConceptInfo(): void
    {
        $r = $this->curl('invoices/invoice_concept_info.php', ['conceptid' => '123']);
        $this->assertAnswer($r, 400, '1', ['FGY040XX']);
        $inv = $this->addFinal(['concept' => '1']);
        $r = $this->curl('invoices/invoice_concept_info.php', ['conceptid' => $inv['conceptid']]);
        $this->assertAnswer($r, 200, '0');
        $this->assertStringStartsWith('{"concept":{"conceptid":"' . $inv['conceptid'] . '","entryid":{}}', $r->body);
        $first = $this->sim()->finalizeConcept((int) $inv['conceptid']);
        $r = $this->curl('invoices/invoice_concept_info.php', ['conceptid' => $inv['conceptid']]);
        $expected = '{"concept":{"conceptid":"' . $inv['conceptid'] . '","entryid":"' . $first['entryid'] . '"}';
        $this->assertStringStartsWith($expected, $r->body);
        $second = $this->sim()->finalizeConcept((int) $inv['conceptid']);
        $r = $this->curl('invoices/invoice_concept_info.php', ['conceptid' => $inv['conceptid']]);
        $this->assertSame([(string) $first['entryid'], (string) $second['entryid']], self::obj($r)->concept->entryid);
    }

    public function test15InvoicePdf(): void
    {
        $inv = $this->addFinal();
        $r = $this->curl('invoices/invoice_get_pdf.php?token=' . $inv['token'], null);
        $this->assertSame(200, $r->http);
        $this->assertSame('application/pdf', $r->contentType);
        $this->assertStringStartsWith('%PDF-1.4', $r->body);
        $this->assertStringEndsWith("%%EOF\n", $r->body);
        $r = $this->curl('invoices/invoice_get_pdf.php?token=' . str_repeat('A', 32), null);
        $this->assertSame(400, $r->http);
        $this->assertStringStartsWith('text/xml', $r->contentType);
        $x = $r->xml();
        $this->assertSame(str_repeat('A', 32), (string) $x->token);
        $this->assertSame('AA69CBAA', (string) $x->errors->error->codetag);
        $this->assertSame('Invalid token.', (string) $x->errors->error->message);
        $this->assertSame('1', (string) $x->status);
    }

    public function test16InvoiceMail(): void
    {
        $mail = ['emailaspdf' => ['emailto' => 'a@example.com']];
        $r = $this->curl('invoices/invoice_mail.php', ['token' => str_repeat('b', 32)] + $mail);
        $this->assertAnswer($r, 400, '1', ['TNFE4035G']);
        $inv = $this->addFinal();
        $r = $this->curl('invoices/invoice_mail.php', ['token' => $inv['token'], 'invoicetype' => '9'] + $mail);
        $this->assertAnswer($r, 200, '2', [], ['GK6FKHU52']);
        $this->assertSame(['token' => $inv['token'], 'invoicetype' => '0'], $r->data()['invoice']);
    }

    public function test17UnknownPath(): void
    {
        $r = $this->curl('invoices/not_existing.php', []);
        $this->assertSame(404, $r->http);
        $this->assertStringStartsWith('text/html', $r->contentType);
        $this->assertStringContainsString('Not Found', $r->body);
    }

    public function test18MalformedXmlAnswersXml(): void
    {
        $bad = $this->tmp . '/bad.xml';
        file_put_contents($bad, '<myxml><format>json</format><contract><contractcode>123456</contractcode></myxml>');
        $r = $this->curl('general/general_about.php', null, ['--data-urlencode', 'xmlstring@' . $bad]);
        $this->assertSame(400, $r->http);
        $this->assertStringStartsWith('text/xml', $r->contentType);
        $x = $r->xml();
        $this->assertSame('1', (string) $x->status);
        $this->assertSame('SIMXML001', (string) $x->errors->error->codetag);
        $this->assertSame('1', (string) $x->errors->count_errors);
    }
}
