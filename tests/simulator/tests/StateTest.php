<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * State kept across requests: contacts, invoice numbers, entries, concepts,
 * payment and delete status, updates, mails; escaping round trips; test mode;
 * reset; persistence across a restart.
 */
final class StateTest extends SimTestCase
{
    private const OTHER = [
        'contract' => ['contractcode' => '654321', 'username' => 'otheruser', 'password' => 'sim-Secret-9'],
    ];

    private function contacts(string $contract = Simulator::CONTRACT): array
    {
        return $this->sim()->state('contacts', $contract)[$contract];
    }

    private function entry(string $id): array
    {
        return $this->call('entry/entry_info', ['entryid' => $id])->data()['entry'];
    }

    /** The single item of a list answer (an object when there is one). */
    private function only(string $endpoint, array $tree, string $plural, string $singular): array
    {
        return $this->call($endpoint, $tree)->data()[$plural][$singular];
    }

    public function testContactsAreMatchedByEmail(): void
    {
        $a = $this->addInvoice([], ['email' => 'klant@example.com', 'fullname' => 'Eerste Naam']);
        $b = $this->addInvoice([], ['email' => 'KLANT@example.com', 'fullname' => 'Tweede Naam']);
        $this->assertSame($a['contactid'], $b['contactid'], 'same address (case-insensitive): same contact');
        $name = $this->contacts()[0]['fields']['fullname'];
        $this->assertSame('Eerste Naam', $name, 'overwriteifexists 0 keeps the details');
        $c = $this->addInvoice([], ['email' => 'klant@example.com', 'fullname' => 'Derde', 'overwriteifexists' => '1']);
        $this->assertSame($a['contactid'], $c['contactid']);
        $this->assertSame('Derde', $this->contacts()[0]['fields']['fullname'], 'overwriteifexists 1 replaces them');
        $d = $this->addInvoice([], ['email' => 'ander@example.com']);
        $this->assertNotSame($a['contactid'], $d['contactid']);
        $e1 = $this->addInvoice([], ['email' => '']);
        $e2 = $this->addInvoice([], ['email' => '']);
        $this->assertNotSame($e1['contactid'], $e2['contactid'], 'no address: a new contact each time');
        $this->assertCount(4, $this->contacts());
        $f = $this->addInvoice([], ['contactid' => $d['contactid'], 'email' => 'klant@example.com']);
        $this->assertSame($d['contactid'], $f['contactid'], 'an existing contactid wins');
        // the contact of another contract is never matched
        $tree = self::OTHER + ApiClient::invoice([], ['email' => 'klant@example.com']);
        $o = $this->call('invoices/invoice_add', $tree)->data()['invoice'];
        $this->assertNotSame($a['contactid'], $o['contactid']);
    }

    public function testDisableDuplicates(): void
    {
        $add = fn (string $name): int => $this->sim()->control('POST', 'contacts', [
            'fields' => ['email' => 'dup@example.com', 'fullname' => $name],
        ])['contactid'];
        $old1 = $add('Old 1');
        $old2 = $add('Old 2');
        $inv = $this->addInvoice([], ['email' => 'dup@example.com']);
        $this->assertSame((string) $old2, $inv['contactid'], 'the newest active duplicate is used');
        $this->assertSame([1, 1], array_column($this->contacts(), 'status'));
        $this->addInvoice([], ['email' => 'dup@example.com', 'disableduplicates' => '1']);
        $status = array_column($this->contacts(), 'status', 'id');
        $this->assertSame(0, $status[$old1], 'older duplicate made inactive');
        $this->assertSame(1, $status[$old2]);
        $inactive = $this->only('contacts/contacts_list', ['contactstatus' => '0'], 'contacts', 'contact');
        $this->assertSame((string) $old1, $inactive['contactid'], 'one item: an object, not a list');
    }

    public function testContactsListAndGet(): void
    {
        $a = $this->addInvoice([], ['email' => 'a@example.com', 'companyname1' => 'Alpha B.V.', 'type' => '1']);
        $beta = ['email' => 'b@example.com', 'companyname1' => 'Beta', 'type' => '3', 'contactstatus' => '0'];
        $this->addInvoice([], $beta);
        $list = 'contacts/contacts_list';
        $this->assertCount(2, $this->call($list, [])->data()['contacts']['contact']);
        $name = fn (array $tree): string => $this->only($list, $tree, 'contacts', 'contact')['contactname1'];
        $this->assertSame('Alpha B.V.', $name(['filter' => 'alpha']));
        $this->assertSame('Beta', $name(['contacttype' => '3']));
        $this->assertSame('Alpha B.V.', $name(['contactstatus' => '1']));
        $this->assertSame([], $this->call($list, ['filter' => 'nothing matches'])->data()['contacts']);
        $r = $this->call('contacts/contact_get', ['contactid' => $a['contactid']]);
        $this->assertSame('a@example.com', $r->data()['contact']['contactemail']);
        $this->expectAnswer('contacts/contact_get', ['contactid' => '42'], 404, '1', ['SIMCON001']);
    }

    public function testCountryAutoName(): void
    {
        $line = [['unitprice' => '1', 'vatrate' => '21']];
        $this->addInvoice([], ['email' => 'be@example.com', 'countrycode' => 'BE', 'countryautoname' => '1'], $line);
        $nl = ['email' => 'nl@example.com', 'countrycode' => 'NL', 'countryautoname' => '1', 'country' => 'Holland'];
        $this->addInvoice([], $nl);
        $de = ['email' => 'de@example.com', 'countrycode' => 'DE', 'countryautoname' => '2'];
        $de['countryautonamelang'] = 'en';
        $this->addInvoice([], $de, $line);
        $byMail = array_column(array_column($this->contacts(), 'fields'), 'country', 'email');
        $expected = ['be@example.com' => 'België', 'nl@example.com' => 'Holland', 'de@example.com' => 'Germany'];
        $this->assertSame($expected, $byMail);
    }

    public function testInvoiceNumbersPerYear(): void
    {
        $this->assertSame('20260001', $this->addInvoice()['invoicenumber']);
        $number = $this->addInvoice(['issuedate' => '2019-05-01'])['invoicenumber'];
        $this->assertSame('20260002', $number, 'series of the booking year');
        $this->addInvoice(['number' => '20260003']);
        $this->assertSame('20260004', $this->addInvoice()['invoicenumber'], 'a number taken by hand is skipped');
        $this->sim()->setConfig(['today' => '2027-01-02']);
        $this->assertSame('20270001', $this->addInvoice()['invoicenumber'], 'a new year starts a new series');
        $this->sim()->setConfig(['number_year' => 'issuedate']);
        $this->assertSame('20190001', $this->addInvoice(['issuedate' => '2019-05-01'])['invoicenumber']);
        $other = $this->call('invoices/invoice_add', self::OTHER + ApiClient::invoice());
        $this->assertSame('20260001', $other->data()['invoice']['invoicenumber'], 'each contract has its own series');
    }

    public function testEntryFieldsAndPaymentStatus(): void
    {
        $inv = $this->addInvoice([
            'paymentstatus' => '2',
            'paymentdate' => '2026-03-05',
            'accountnumber' => '147659',
            'template' => '39851',
            'description' => 'Factuur WHMCS 1042',
            'descriptiontext' => 'Regel 1\nRegel 2',
            'invoicenotes' => 'intern',
        ]);
        $e = $this->entry($inv['entryid']);
        $this->assertSame('147659', $e['accountnumber']);
        $this->assertSame('39851', $e['invoicelayoutid']);
        $this->assertSame('48663', $e['costcenterid'], 'first cost center when none given');
        $this->assertSame('Factuur WHMCS 1042', $e['entrydescription']);
        // the literal backslash-n arrives (sent as &#92;n)
        $this->assertSame('Regel 1\nRegel 2', $e['descriptiontext']);
        $this->assertSame('intern', $e['invoicenote']);
        $this->assertSame('2026-03-01', $e['entrydate']);
        $this->assertSame(['2', '2026-03-05'], [$e['paymentstatus'], $e['paymentdate']]);
        $token = ['token' => $inv['token']];
        $r = $this->call('invoices/invoice_paymentstatus_get', $token);
        $this->assertSame(
            ['entryid' => $inv['entryid'], 'token' => $inv['token'], 'paymentstatus' => '2']
                + ['paymentdate' => '2026-03-05'],
            $r->data()['invoice']
        );
        $this->call('invoices/invoice_paymentstatus_set', $token + ['paymentstatus' => '1', 'paymentdate' => '']);
        $r = $this->call('invoices/invoice_paymentstatus_get', $token);
        $this->assertSame('1', $r->data()['invoice']['paymentstatus']);
        // an inactive or unknown account gives the first active one
        $inv2 = $this->addInvoice(['accountnumber' => '70590']);
        $this->assertSame('70582', $this->entry($inv2['entryid'])['accountnumber']);
        // paid without a date: the issue date
        $inv3 = $this->addInvoice(['paymentstatus' => '2']);
        $this->assertSame('2026-03-01', $this->entry($inv3['entryid'])['paymentdate']);
    }

    public function testEntryUpdate(): void
    {
        $inv = $this->addInvoice();
        $id = ['entryid' => $inv['entryid']];
        $update = 'entry/entry_update';
        $r = $this->expectAnswer($update, $id + [
            'accountnumber' => '147659',
            'paymentstatus' => '2',
            'paymentdate' => '2026-04-01',
            'entryfilename' => 'f.pdf',
            'entryfile' => base64_encode('%PDF-1.4 test'),
        ], 200, '0');
        $this->assertSame(['entryid' => $inv['entryid'], 'entryproc' => 'updated'], $r->data()['entry']);
        $e = $this->sim()->entries()[0];
        $this->assertSame(
            ['147659', 2, '2026-04-01', 13],
            [$e['accountid'], $e['paymentstatus'], $e['paymentdate'], $e['data']['entryfile']['size']]
        );
        $r = $this->call($update, $id + ['accountnumber' => '147659']);
        $this->assertSame('no changes made', $r->data()['entry']['entryproc']);
        $this->expectAnswer($update, $id + ['accountnumber' => '70590'], 400, '1', ['SIMUPD001']);
        $this->expectAnswer($update, $id + ['costcenterid' => '1'], 400, '1', ['SIMUPD001']);
        $this->expectAnswer($update, ['entryid' => '1', 'paymentstatus' => '2'], 404, '1', ['XGYBSN000']);
        $r = $this->call($update, ['testmode' => '1'] + $id + ['accountnumber' => '70583']);
        $this->assertSame('updated', $r->data()['entry']['entryproc']);
        $this->assertSame('147659', $this->sim()->entries()[0]['accountid'], 'test mode changed nothing');
    }

    public function testMails(): void
    {
        $inv = $this->addInvoice(['emailaspdf' => [
            'emailto' => 'klant@example.com; boekhouding@example.com',
            'emailbcc' => 'bcc@example.com',
            'subject' => 'Uw factuur',
            'message' => 'Beste klant,\nHierbij.',
            'ubl' => '1',
        ]]);
        $mails = $this->sim()->state('mails', Simulator::CONTRACT)[Simulator::CONTRACT];
        $this->assertCount(1, $mails);
        $this->assertSame($inv['token'], $mails[0]['token']);
        $this->assertSame('Uw factuur', $mails[0]['data']['subject']);
        $bad = ApiClient::invoice(['emailaspdf' => ['emailto' => 'not an address']]);
        $this->expectAnswer('invoices/invoice_add', $bad, 200, '2', [], ['SIMINV013']);
        $concept = ApiClient::invoice(['concept' => '1', 'emailaspdf' => ['emailto' => 'x@example.com']]);
        $this->expectAnswer('invoices/invoice_add', $concept, 200, '0');
        $reminder = ['token' => $inv['token'], 'invoicetype' => '1', 'emailaspdf' => ['subject' => 'Herinnering']];
        $this->expectAnswer('invoices/invoice_mail', $reminder, 200, '0');
        $mails = $this->sim()->state('mails', Simulator::CONTRACT)[Simulator::CONTRACT];
        $this->assertCount(2, $mails, 'no mail for a bad address or a concept; one reminder');
        $this->assertSame(
            ['jan@example.com', '1'],
            [$mails[1]['data']['emailto'], $mails[1]['data']['invoicetype']],
            'invoice_mail without emailto uses the contact'
        );
    }

    public function testPdfContent(): void
    {
        $lines = [['product' => 'Hosting €', 'unitprice' => '10', 'vatrate' => '21']];
        $inv = $this->addInvoice([], ['fullname' => 'Zoë (test) \\ Café'], $lines);
        $url = $this->sim()->baseUrl() . '/invoices/invoice_get_pdf.php?token=' . $inv['token'] . '&gfx=0';
        $r = $this->api()->get($url);
        $this->assertSame('application/pdf', $r->contentType);
        $file = tempnam(sys_get_temp_dir(), 'acusim-pdf');
        file_put_contents($file, $r->body);
        exec('pdftotext ' . escapeshellarg($file) . ' - 2>&1', $out, $rc);
        exec('pdfinfo ' . escapeshellarg($file) . ' 2>&1', $info, $rc2);
        unlink($file);
        $this->assertSame(0, $rc, implode("\n", $out));
        $this->assertSame(0, $rc2, implode("\n", $info));
        $text = implode("\n", $out);
        $this->assertStringContainsString('Factuur ' . $inv['invoicenumber'], $text);
        $this->assertStringContainsString('Zoë (test) \\ Café', $text);
        $this->assertStringContainsString('Totaal: 12.10', $text);
        $this->assertContains('Pages:           1', $info);
    }

    /** Escaped UTF-8 text comes back identical: XML specials, quotes, backslash, CR, tab, astral characters. */
    public function testEscapingRoundTrip(): void
    {
        $text = "Ampersand & <tag> \"dq\" 'sq' back\\slash\\n tab\there\r\nCRLF ünï©ødé 😀 ‮rtl ]]> &amp; &#38;";
        foreach (['urlencoded', 'multipart'] as $enc) {
            foreach (['json', 'xml'] as $format) {
                $this->sim()->reset();
                $tree = ['format' => $format] + ApiClient::invoice(
                    ['description' => $text, 'descriptiontext' => $text, 'invoicenotes' => $text],
                    ['fullname' => $text, 'email' => 'e@example.com'],
                    [['product' => $text, 'unitprice' => '1', 'vatrate' => '21']]
                );
                $r = $this->call('invoices/invoice_add', $tree, ['encoding' => $enc]);
                $this->assertAnswer($r, 200, '0', [], [], "$enc $format");
                $inv = $r->data()['invoice'];
                $info = $this->call('entry/entry_info', ['format' => $format, 'entryid' => $inv['entryid']]);
                $e = $info->data()['entry'];
                $this->assertSame($text, $e['descriptiontext'], "$enc $format");
                $this->assertSame($text, $e['entrydescription']);
                $this->assertSame($text, $e['invoicenote']);
                $stored = $this->sim()->entries()[0]['data'];
                $this->assertSame($text, $stored['lines'][0]['product']);
                $this->assertSame($text, $stored['customer']['fullname']);
                $c = $this->call('contacts/contact_get', ['format' => $format, 'contactid' => $inv['contactid']]);
                $this->assertSame($text, $c->data()['contact']['contactperson']);
            }
        }
    }

    public function testPasswordWithAmpersand(): void
    {
        $c = ['contract' => ApiClient::contract(Simulator::AMP_USER, Simulator::AMP_PASSWORD)];
        $this->assertAnswer($this->call('general/general_about', $c), 200, '0');
        $this->assertAnswer($this->call('general/general_about', $c, ['encoding' => 'multipart']), 200, '0');
        // The XML escaped, but the form value not URL-encoded: the raw & splits the field.
        $xml = ApiClient::xml($c + ['format' => 'json']);
        $r = $this->api()->post($this->sim()->baseUrl() . '/general/general_about.php', 'xmlstring=' . $xml);
        $this->assertSame(400, $r->http);
        $this->assertTrue($r->isXml());
        $this->assertSame(['SIMXML001'], $r->codetags());
        // The form value encoded, but the XML not escaped: a bare & breaks the XML.
        $bad = '<myxml><format>json</format><contract><contractcode>123456</contractcode><username>apiamp</username>'
            . '<password>p&ss&lt;wo&gt;rd"\'</password></contract></myxml>';
        $r = $this->call('general/general_about', [], ['raw' => $bad]);
        $this->assertSame(['SIMXML001'], $r->codetags());
        $this->assertTrue($r->isXml(), 'XML answer although JSON was asked');
        foreach ($this->sim()->requests() as $req) {
            // passwords are masked in the request log
            $this->assertStringNotContainsString('sim-Secret-5', $req['xml']);
            $this->assertStringNotContainsString('wo&gt;rd', $req['xml']);
        }
        $log = (string) file_get_contents($this->sim()->dir() . '/server.log');
        $this->assertStringNotContainsString('sim-Secret-5', $log);
    }

    public function testBackslashesAreStripped(): void
    {
        // A bare backslash in the posted XML is lost (acumulus-api.md §1.4); &#92; gets through.
        $raw = ApiClient::xml(['contract' => ApiClient::contract(), 'format' => 'json']
            + ApiClient::invoice(['descriptiontext' => 'KEEP']));
        $raw = str_replace('KEEP', 'a\\nb &#92;n c', $raw);
        $id = $this->call('invoices/invoice_add', [], ['raw' => $raw])->data()['invoice']['entryid'];
        $this->assertSame('anb \\n c', $this->entry($id)['descriptiontext']);
        $this->sim()->setConfig(['strip_backslashes' => false]);
        $id = $this->call('invoices/invoice_add', [], ['raw' => $raw])->data()['invoice']['entryid'];
        $this->assertSame('a\\nb \\n c', $this->entry($id)['descriptiontext']);
    }

    public function testTestModeAnswers(): void
    {
        $existing = $this->addInvoice([], ['email' => 'known@example.com']);
        $before = $this->sim()->state();
        $answers = [];
        foreach (['preview', 'empty', 'none', 'fake'] as $mode) {
            $this->sim()->setConfig(['testmode_answer' => $mode]);
            $tree = ['testmode' => '1'] + ApiClient::invoice([], ['email' => 'known@example.com']);
            $r = $this->call('invoices/invoice_add', $tree);
            $this->assertAnswer($r, 200, '0', [], [], $mode);
            $answers[$mode] = $r->data()['invoice'] ?? null;
        }
        $empty = ['invoicenumber' => [], 'token' => [], 'entryid' => [], 'contactid' => [], 'conceptid' => []];
        $preview = ['invoicenumber' => '20260002', 'contactid' => $existing['contactid']] + $empty;
        $this->assertEquals($preview, $answers['preview']);
        $this->assertSame(array_keys($empty), array_keys($answers['preview']));
        $this->assertSame($empty, $answers['empty']);
        $this->assertNull($answers['none']);
        $this->assertMatchesRegularExpression('/^[A-Za-z0-9]{32}$/', $answers['fake']['token']);
        $this->assertSame($before, $this->sim()->state(), 'test mode stores nothing');
        $tree = ['testmode' => '1'] + ApiClient::invoice([], [], [['unitprice' => '1', 'vatrate' => '7']]);
        $r = $this->call('invoices/invoice_add', $tree);
        $this->assertAnswer($r, 400, '1', ['SIMINV005'], [], 'test mode still checks the input');
    }

    public function testFormatLangAndVariables(): void
    {
        $r = $this->call('general/general_about', ['format' => 'XML']);
        $this->assertTrue($r->isXml());
        $this->assertSame('5', (string) $r->xml()->general->roleid);
        $r = $this->call('general/general_about', ['format' => 'yaml']);
        $this->assertTrue($r->isXml(), 'an unknown format gives the default XML');
        // format as a GET variable, overridden by the XML
        $url = $this->sim()->baseUrl() . '/general/general_about.php?format=json';
        $xml = ApiClient::xml(['contract' => ApiClient::contract()]);
        $r = $this->api()->post($url, http_build_query(['xmlstring' => $xml]));
        $this->assertTrue($r->isJson());
        $xml = ApiClient::xml(['contract' => ApiClient::contract(), 'format' => 'xml']);
        $r = $this->api()->post($url, http_build_query(['xmlstring' => $xml]));
        $this->assertTrue($r->isXml(), 'the XML value wins');
        // inodes=NONE: only the basic response
        $r = $this->call('general/general_about', ['inodes' => 'NONE']);
        $this->assertSame(['errors', 'warnings', 'status'], array_keys($r->data()));
        // the root element name does not matter, unknown elements are ignored, order is free
        $raw = '<acumulus><vattype_unknown>x</vattype_unknown><format>json</format><meta-x>1</meta-x>'
            . '<contract><password>' . Simulator::PASSWORD . '</password><username>' . Simulator::USER . '</username>'
            . '<contractcode>' . Simulator::CONTRACT . '</contractcode>'
            . '<emailonerror>a@example.com</emailonerror></contract></acumulus>';
        $this->assertAnswer($this->call('general/general_about', [], ['raw' => $raw]), 200, '0');
        // mixed-case tag names are not the lowercase ones
        $raw = str_replace('<format>json</format>', '<Format>json</Format>', $raw);
        $this->assertTrue($this->call('general/general_about', [], ['raw' => $raw])->isXml());
    }

    public function testPicklistsAndMyAcumulus(): void
    {
        $all = $this->call('picklists/picklist_accounts', [])->data()['accounts']['account'];
        $active = $this->call('picklists/picklist_accounts', ['accountstatus' => '1'])->data()['accounts']['account'];
        $this->assertCount(4, $all);
        $this->assertCount(3, $active);
        $t = $this->call('picklists/picklist_invoicetemplates', [])->data()['invoicetemplates']['invoicetemplate'];
        $this->assertSame(['52884', '39851'], array_column($t, 'invoicetemplateid'));
        $v = $this->call('picklists/picklist_vattypes', ['lang' => 'nl'])->data()['vattypes']['vattype'];
        $this->assertSame(['1', '2', '3', '4', '5', '6', '7'], array_column($v, 'vattypeid'));
        $this->assertSame('Margeregeling', $v[4]['vattypename']);
        $r = $this->call('picklists/picklist_discountprofiles', []);
        $this->assertSame('{"discountprofiles":{},', substr($r->body, 0, 23));
        $this->expectAnswer('picklists/picklist_companytypes', ['contract' => false], 200, '0');
        $usb = $this->only('picklists/picklist_products', ['filter' => 'usb'], 'products', 'product');
        $this->assertSame('USB-sleutel', $usb['productdescription']);
        $this->addInvoice();
        $my = $this->call('general/my_acumulus', [])->data()['mydata'];
        $this->assertSame(Simulator::CONTRACT, $my['mycontractcode']);
        $this->assertSame(['1', '-1'], [$my['myentries'], $my['mymaxentries']]);
        $this->assertCount(21, $my);
    }

    public function testThresholdReport(): void
    {
        $report = 'reports/report_threshold_eu_ecommerce';
        $line = static fn (string $price): array => [['unitprice' => $price, 'vatrate' => '21']];
        $this->addInvoice(['issuedate' => '2026-02-01'], ['countrycode' => 'BE'], $line('6000'));
        $this->addInvoice(['issuedate' => '2026-02-01'], ['countrycode' => 'NL'], $line('50000'));
        $r = $this->call($report, ['year' => '2026']);
        $this->assertSame(
            ['year' => '2026', 'threshold' => '10000', 'nltaxed' => '6000.00', 'reached' => '0'],
            array_intersect_key($r->data(), array_flip(['year', 'threshold', 'nltaxed', 'reached']))
        );
        $this->addInvoice(['issuedate' => '2026-03-01'], ['countrycode' => 'DE'], $line('4000.01'));
        $r = $this->call($report, []);
        $this->assertSame(['10000.01', '1'], [$r->data()['nltaxed'], $r->data()['reached']]);
        $this->assertSame('0', $this->call($report, ['year' => '2025'])->data()['reached']);
        $this->assertSame('1', $this->call($report, ['year' => '2027'])->data()['reached'], 'reached the year before');
    }

    public function testResetAndContracts(): void
    {
        $this->addInvoice();
        $this->sim()->addContract([
            'contractcode' => '888001',
            'users' => [['username' => 'x', 'password' => 'y&z', 'roleid' => 4]],
        ]);
        $new = ['contract' => ApiClient::contract('x', 'y&z', '888001')];
        $this->expectAnswer('general/general_about', $new, 200, '0');
        $this->sim()->addUser('extra', 'pw', 5);
        $this->expectAnswer('general/general_about', ['contract' => ApiClient::contract('extra', 'pw')], 200, '0');
        $this->sim()->reset();
        $this->assertSame([], $this->sim()->entries());
        $this->expectAnswer('general/general_about', $new, 403, '1', ['SIMAUTH01']);
        $this->assertSame('20260001', $this->addInvoice()['invoicenumber']);
        $this->sim()->reset(false);
        $this->assertSame([], $this->sim()->state('contracts'));
        $this->expectAnswer('general/general_about', [], 403, '1', ['SIMAUTH01']);
        $this->assertStringContainsString('unknown config key', $this->controlError('config', ['nope' => 1]));
        $this->assertStringContainsString('bad value', $this->controlError('config', ['testmode_answer' => 'maybe']));
        $this->assertStringContainsString('contractcode', $this->controlError('contracts', ['users' => []]));
    }

    private function controlError(string $path, array $body): string
    {
        try {
            $this->sim()->control('POST', $path, $body);
        } catch (\RuntimeException $e) {
            return $e->getMessage();
        }
        $this->fail("control $path accepted a bad request");
    }

    public function testStatePersistsAcrossARestart(): void
    {
        $dir = sys_get_temp_dir() . '/acusim-persist-' . getmypid();
        $options = ['dir' => $dir, 'tls_dir' => SimTestCase::$tlsDir, 'quiet' => true];
        $sim = Simulator::start($options);
        try {
            $client = new ApiClient($sim);
            $r = $client->call('invoices/invoice_add', ApiClient::invoice());
            $this->assertSame(200, $r->http, $r->body . $r->curlError);
            $inv = $r->data()['invoice'];
            $sim->stop();
            $this->assertFalse($sim->isRunning());
            $sim = Simulator::start($options);
            $client = new ApiClient($sim);
            $r = $client->call('invoices/invoice_paymentstatus_get', ['token' => $inv['token']]);
            $this->assertSame(200, $r->http, $r->body);
            $this->assertSame($inv['entryid'], $r->data()['invoice']['entryid']);
            $r = $client->call('invoices/invoice_add', ApiClient::invoice());
            $this->assertSame(200, $r->http, $r->body);
            $this->assertSame((int) $inv['entryid'] + 1, (int) $r->data()['invoice']['entryid']);
        } finally {
            $sim->stop();
            foreach (glob("$dir/*") ?: [] as $f) {
                unlink($f);
            }
            @rmdir($dir);
        }
        $this->assertDirectoryDoesNotExist($dir);
    }
}
