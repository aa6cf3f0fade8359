<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * Reconciling a send whose outcome is unknown: contacts/contact_invoices_outgoing
 * (list, order, paging, date filter, isolation, waste bin, concepts, roles,
 * errors) and entry_info's invoicenote, ending with a reset after the invoice
 * was stored that the list plus entry_info resolve by a marker in the notes.
 */
final class ReconcileTest extends SimTestCase
{
    private const LIST = 'contacts/contact_invoices_outgoing';
    private const NOT_DELETED = '0000-00-00 00:00:00';
    private const CURLE_OPERATION_TIMEDOUT = 28;
    private const CURLE_GOT_NOTHING = 52;
    private const CURLE_RECV_ERROR = 56;
    private const OTHER = ['contract' => ['contractcode' => '654321', 'username' => 'otheruser']
        + ['password' => 'sim-Secret-9']];

    /** The items of a list answer as a list, whether the body held none ({}), one (an object) or several. */
    private static function items(ApiResult $r, string $plural = 'invoices', string $singular = 'invoice'): array
    {
        $item = $r->data()[$plural][$singular] ?? [];
        if ($item === []) {
            return [];
        }
        return array_is_list($item) ? $item : [$item];
    }

    private function outgoing(string $contactid, array $tree = []): ApiResult
    {
        $r = $this->call(self::LIST, ['contactid' => $contactid] + $tree);
        $this->assertAnswer($r, 200, '0', [], [], self::LIST);
        return $r;
    }

    /** Entry ids of a contact's list, in the order given. */
    private function ids(string $contactid, array $tree = []): array
    {
        return array_column(self::items($this->outgoing($contactid, $tree)), 'entryid');
    }

    private function newContact(string $email, string $contract = Simulator::CONTRACT): string
    {
        $body = ['contractcode' => $contract, 'fields' => ['email' => $email]];
        return (string) $this->sim()->control('POST', 'contacts', $body)['contactid'];
    }

    private function entry(string $id): array
    {
        return $this->call('entry/entry_info', ['entryid' => $id])->data()['entry'];
    }

    public function testListAfterNoneOneAndSeveralInvoices(): void
    {
        $contact = $this->newContact('lijst@example.com');
        $r = $this->outgoing($contact);
        $this->assertStringContainsString('"invoices":{}', $r->body, 'no invoices: an empty element');
        $this->assertSame([], $r->data()['invoices']);
        $xml = $this->call(self::LIST, ['contactid' => $contact, 'format' => 'xml']);
        $this->assertStringContainsString('<invoices/>', $xml->body);

        $before = date('Y-m-d H:i:s', time() - 2);
        $first = $this->addInvoice([
            'issuedate' => '2026-03-10',
            'description' => 'Factuur WHMCS 1042',
            'paymentstatus' => '2',
            'paymentdate' => '2026-03-11',
        ], ['email' => 'lijst@example.com'], [['unitprice' => '99.99', 'quantity' => '2', 'vatrate' => '21']]);
        $after = date('Y-m-d H:i:s', time() + 2);
        $this->assertSame($contact, $first['contactid'], 'matched by e-mail to the contact made before');
        $one = $this->outgoing($contact)->data()['invoices']['invoice'];
        $this->assertFalse(array_is_list($one), 'one invoice: an object, not a one-item list');
        $expectedKeys = [
            'entryid', 'token', 'invoicenumber', 'issuedate', 'entrydate', 'entrycreated', 'description',
            'totalvalueexclvat', 'totalvalue', 'paymentstatus', 'paymentdate', 'deleted',
        ];
        $this->assertSame($expectedKeys, array_keys($one));
        $this->assertSame([
            'entryid' => $first['entryid'],
            'token' => $first['token'],
            'invoicenumber' => $first['invoicenumber'],
            'issuedate' => '2026-03-10',
            'entrydate' => '2026-03-10',
            'description' => 'Factuur WHMCS 1042',
            'totalvalueexclvat' => '199.98',
            'totalvalue' => '241.98',
            'paymentstatus' => '2',
            'paymentdate' => '2026-03-11',
            'deleted' => self::NOT_DELETED,
        ], array_diff_key($one, ['entrycreated' => 1]));
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $one['entrycreated']);
        $this->assertGreaterThanOrEqual($before, $one['entrycreated']);
        $this->assertLessThanOrEqual($after, $one['entrycreated']);
        $info = $this->entry($first['entryid']);
        foreach (['token', 'invoicenumber', 'totalvalueexclvat', 'totalvalue', 'paymentstatus', 'deleted'] as $k) {
            $this->assertSame($info[$k], $one[$k], "$k as entry_info gives it");
        }
        $this->assertSame($info['entrydescription'], $one['description']);

        // several: newest issue date first; the same date: the later booking first
        $older = $this->addInvoice(['issuedate' => '2026-02-01'], ['email' => 'lijst@example.com']);
        $newer = $this->addInvoice(['issuedate' => '2026-04-01'], ['email' => 'lijst@example.com']);
        $sameDay = $this->addInvoice(['issuedate' => '2026-03-10'], ['email' => 'lijst@example.com']);
        $r = $this->outgoing($contact);
        $this->assertTrue(array_is_list($r->data()['invoices']['invoice']), 'several: a list');
        $expected = [$newer['entryid'], $sameDay['entryid'], $first['entryid'], $older['entryid']];
        $this->assertSame($expected, array_column(self::items($r), 'entryid'));
        $this->assertSame([], self::items($r)[3]['paymentdate'], 'an unpaid invoice: empty paymentdate ({})');
        $xml = $this->call(self::LIST, ['contactid' => $contact, 'format' => 'xml'])->xml();
        $this->assertCount(4, $xml->invoices->invoice, 'XML: repeated invoice elements');
        $this->assertSame($newer['entryid'], (string) $xml->invoices->invoice[0]->entryid);
    }

    public function testPagingAndIssueDateFilter(): void
    {
        $contact = $this->newContact('veel@example.com');
        for ($day = 1; $day <= 27; $day++) {
            $this->addInvoice(['issuedate' => sprintf('2026-01-%02d', $day)], ['email' => 'veel@example.com']);
        }
        $dates = fn (array $tree): array => array_column(self::items($this->outgoing($contact, $tree)), 'issuedate');
        $page = $dates([]);
        $this->assertCount(25, $page, 'rowcount defaults to 25');
        $this->assertSame(['2026-01-27', '2026-01-03'], [$page[0], $page[24]]);
        $this->assertSame(['2026-01-02', '2026-01-01'], $dates(['offset' => '25']));
        $this->assertCount(27, $dates(['rowcount' => '0']), 'rowcount 0: all');
        $this->assertSame(['2026-01-24', '2026-01-23'], $dates(['offset' => '3', 'rowcount' => '2']));
        $this->assertSame([], $dates(['offset' => '27']));
        $range = ['issuedatefrom' => '2026-01-10', 'issuedateto' => '2026-01-12'];
        $this->assertSame(['2026-01-12', '2026-01-11', '2026-01-10'], $dates($range));
        $this->assertSame(['2026-01-05'], $dates(['issuedatefrom' => '2026-01-05', 'issuedateto' => '2026-01-05']));
        $this->assertCount(3, $dates(['issuedatefrom' => '2026-01-25']));
        $this->assertSame(['2026-01-02', '2026-01-01'], $dates(['issuedateto' => '2026-01-02']));

        foreach (
            [
                ['rowcount' => 'abc'], ['rowcount' => '-1'], ['offset' => '1.5'],
                ['issuedatefrom' => '2026-13-01'], ['issuedateto' => '1-1-2026'],
            ] as $bad
        ) {
            $r = $this->expectAnswer(self::LIST, ['contactid' => $contact] + $bad, 400, '1', ['SIMREQ002']);
            $this->assertStringContainsString(array_key_first($bad), $r->messages()[0]['message']);
            $this->assertArrayNotHasKey('invoices', $r->data());
        }
    }

    public function testErrors(): void
    {
        $this->expectAnswer(self::LIST, [], 400, '1', ['SIMREQ001']);
        $this->expectAnswer(self::LIST, ['contactid' => ' '], 400, '1', ['SIMREQ001']);
        foreach (['42', 'abc', '9300001'] as $unknown) {
            $r = $this->expectAnswer(self::LIST, ['contactid' => $unknown], 404, '1', ['SIMCON001']);
            $this->assertSame('404 Not Found', $r->messages()[0]['code']);
            $this->assertSame($unknown, $r->data()['contactid'], 'the id is echoed');
            $this->assertArrayNotHasKey('invoices', $r->data());
        }
        $r = $this->call(self::LIST, ['contactid' => '42', 'lang' => 'nl']);
        $this->assertSame('Opgevraagd contact 42 niet gevonden', $r->messages()[0]['message']);
        $this->expectAnswer(self::LIST, ['contract' => false, 'contactid' => '1'], 403, '1', ['AF1001MCS']);
    }

    public function testIsolationBetweenContactsAndContracts(): void
    {
        $a1 = $this->addInvoice(['issuedate' => '2026-03-01'], ['email' => 'a@example.com']);
        $a2 = $this->addInvoice(['issuedate' => '2026-03-02'], ['email' => 'a@example.com']);
        $b1 = $this->addInvoice(['issuedate' => '2026-03-03'], ['email' => 'b@example.com']);
        $a = $a1['contactid'];
        $b = $b1['contactid'];
        $this->assertSame([$a2['entryid'], $a1['entryid']], $this->ids($a));
        $this->assertSame([$b1['entryid']], $this->ids($b));

        // the same address in the other contract is another contact with its own invoices
        $o = $this->call('invoices/invoice_add', self::OTHER + ApiClient::invoice([], ['email' => 'a@example.com']));
        $other = $o->data()['invoice'];
        $this->assertNotSame($a, $other['contactid']);
        $r = $this->call(self::LIST, self::OTHER + ['contactid' => $other['contactid']]);
        $this->assertAnswer($r, 200, '0');
        $this->assertSame([$other['entryid']], array_column(self::items($r), 'entryid'));
        $this->expectAnswer(self::LIST, self::OTHER + ['contactid' => $a], 404, '1', ['SIMCON001']);
        $this->expectAnswer(self::LIST, ['contactid' => $other['contactid']], 404, '1', ['SIMCON001']);
        $this->assertSame([$a2['entryid'], $a1['entryid']], $this->ids($a), 'unchanged by the other contract');

        // an explicit contactid wins over the address; entry_update moves an invoice to another contact
        $byId = $this->addInvoice(['issuedate' => '2026-03-04'], ['contactid' => $b, 'email' => 'a@example.com']);
        $this->assertSame([$byId['entryid'], $b1['entryid']], $this->ids($b));
        $this->expectAnswer('entry/entry_update', ['entryid' => $a1['entryid'], 'contactid' => $b], 200, '0');
        $this->assertSame([$a2['entryid']], $this->ids($a));
        $this->assertSame([$byId['entryid'], $b1['entryid'], $a1['entryid']], $this->ids($b));
    }

    public function testWasteBinEntriesAreListedWithTheirTimestamp(): void
    {
        $keep = $this->addInvoice(['issuedate' => '2026-03-01']);
        $bin = $this->addInvoice(['issuedate' => '2026-03-02']);
        $contact = $keep['contactid'];
        $set = fn (string $status) => $this->expectAnswer(
            'entry/entry_deletestatus_set',
            ['entryid' => $bin['entryid'], 'entrydeletestatus' => $status],
            200,
            '0'
        );
        $set('1');
        $items = self::items($this->outgoing($contact));
        $this->assertSame([$bin['entryid'], $keep['entryid']], array_column($items, 'entryid'), 'still listed');
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $items[0]['deleted']);
        $this->assertNotSame(self::NOT_DELETED, $items[0]['deleted']);
        $this->assertSame($this->entry($bin['entryid'])['deleted'], $items[0]['deleted'], 'as entry_info gives it');
        $this->assertSame(self::NOT_DELETED, $items[1]['deleted']);
        $set('0');
        $deleted = array_column(self::items($this->outgoing($contact)), 'deleted');
        $this->assertSame([self::NOT_DELETED, self::NOT_DELETED], $deleted, 'restored');
    }

    public function testConceptsAreNotListedUntilMadeFinal(): void
    {
        $concept = $this->addInvoice(['concept' => '1'], ['email' => 'concept@example.com']);
        $this->assertSame([], $concept['entryid']);
        $contact = $concept['contactid'];
        $this->assertSame([], $this->ids($contact), 'a concept has no entry: not listed');
        $final = $this->sim()->finalizeConcept((int) $concept['conceptid']);
        $items = self::items($this->outgoing($contact));
        $this->assertSame([(string) $final['entryid']], array_column($items, 'entryid'));
        $this->assertSame($concept['invoicenumber'], $items[0]['invoicenumber']);
        $again = $this->sim()->finalizeConcept((int) $concept['conceptid']);
        $this->assertSame([(string) $again['entryid'], (string) $final['entryid']], $this->ids($contact));
    }

    public function testRoles(): void
    {
        $inv = $this->addInvoice();
        $requests = [
            self::LIST => ['contactid' => $inv['contactid']],
            'entry/entry_info' => ['entryid' => $inv['entryid']],
        ];
        foreach ($requests as $endpoint => $tree) {
            foreach (['apientry' => 'sim-Secret-6', 'oldentry' => 'sim-Secret-3'] as $user => $password) {
                $r = $this->expectAnswer(
                    $endpoint,
                    ['contract' => ApiClient::contract($user, $password)] + $tree,
                    403,
                    '1',
                    ['A8N403GCN']
                );
                $this->assertStringContainsString("$endpoint.php", $r->messages()[0]['message']);
            }
            $users = [Simulator::USER => Simulator::PASSWORD, 'apimanager' => 'sim-Secret-4']
                + ['olduser' => 'sim-Secret-2'];
            foreach ($users as $user => $password) {
                $this->expectAnswer($endpoint, ['contract' => ApiClient::contract($user, $password)] + $tree, 200, '0');
            }
        }
        // API-invoerder may store an invoice but cannot look for it afterwards
        $entry = ['contract' => ApiClient::contract('apientry', 'sim-Secret-6')];
        $this->expectAnswer('invoices/invoice_add', $entry + ApiClient::invoice(), 200, '0');
    }

    /**
     * What the addon does after losing an answer: find the contact(s) by
     * e-mail, list their invoices of that issue date (checking the date again
     * itself: a real service may ignore the filter), and read the notes of
     * each candidate for the marker. Returns the matching list items.
     */
    private function reconcile(string $email, string $issuedate, string $marker): array
    {
        $contacts = self::items(
            $this->call('contacts/contacts_list', ['filter' => $email, 'rowcount' => '0']),
            'contacts',
            'contact'
        );
        $found = [];
        foreach ($contacts as $c) {
            if (strcasecmp($c['contactemail'], $email) !== 0) {
                continue; // the filter matches parts of addresses too
            }
            for ($offset = 0;; $offset += 25) {
                $tree = ['issuedatefrom' => $issuedate, 'issuedateto' => $issuedate, 'offset' => (string) $offset];
                $page = self::items($this->outgoing($c['contactid'], $tree + ['rowcount' => '25']));
                foreach ($page as $item) {
                    if ($item['issuedate'] !== $issuedate) {
                        continue;
                    }
                    $note = $this->entry($item['entryid'])['invoicenote'];
                    if (is_string($note) && str_contains($note, $marker)) {
                        $found[] = $item;
                    }
                }
                if (count($page) < 25) {
                    break;
                }
            }
        }
        return $found;
    }

    private static function notes(string $marker): string
    {
        // literal backslash-n and backslash-t, as the notes convention wants (sent as &#92;n, &#92;t)
        return 'WHMCS factuur 1042\nacumulus-whmcs-marker:\t' . $marker;
    }

    public function testResetAfterStoreIsFoundByItsMarker(): void
    {
        $email = 'klant@example.com';
        $date = '2026-06-01';
        $invoice = ['issuedate' => $date, 'description' => 'Factuur 1042'];
        // earlier invoices of the same customer, same date and amount, other markers; one in the waste bin
        $this->addInvoice($invoice + ['invoicenotes' => self::notes('m-earlier-1')], ['email' => $email]);
        $binned = $this->addInvoice($invoice + ['invoicenotes' => self::notes('m-earlier-2')], ['email' => $email]);
        $this->call('entry/entry_deletestatus_set', ['entryid' => $binned['entryid'], 'entrydeletestatus' => '1']);
        // a customer whose address contains this one (contacts_list's filter finds both)
        $this->addInvoice($invoice + ['invoicenotes' => self::notes('m-other')], ['email' => 'oud' . $email]);

        $marker = 'm-' . bin2hex(random_bytes(8));
        $this->sim()->setFault('invoices/invoice_add', 'reset');
        $tree = ApiClient::invoice($invoice + [
            'invoicenotes' => self::notes($marker),
            'descriptiontext' => 'Periode juni\nDomein example.nl',
        ], ['email' => $email]);
        $r = $this->call('invoices/invoice_add', $tree, ['fresh' => true]);
        $this->assertContains($r->curlErrno, [self::CURLE_RECV_ERROR, self::CURLE_GOT_NOTHING], $r->curlError);
        $this->assertSame(0, $r->http, 'no answer: the client cannot know whether it was booked');
        $stored = array_slice($this->sim()->entries(), -1)[0];
        $this->assertCount(4, $this->sim()->entries(), 'it was booked (after the three earlier ones)');

        $found = $this->reconcile($email, $date, $marker);
        $this->assertCount(1, $found, 'exactly the stored invoice');
        $this->assertSame((string) $stored['id'], $found[0]['entryid']);
        $this->assertSame($stored['token'], $found[0]['token']);
        $this->assertSame($stored['invoicenumber'], $found[0]['invoicenumber']);
        $this->assertSame(self::NOT_DELETED, $found[0]['deleted']);
        $info = $this->entry($found[0]['entryid']);
        $this->assertSame(self::notes($marker), $info['invoicenote'], 'the notes as sent, backslash-n/t literal');
        $this->assertSame(self::notes($marker), $info['entrynote']);
        $this->assertSame('Periode juni\nDomein example.nl', $info['descriptiontext']);
        $xml = $this->call('entry/entry_info', ['entryid' => $found[0]['entryid'], 'format' => 'xml'])->xml();
        $this->assertSame(self::notes($marker), (string) $xml->entry->invoicenote, 'the same in XML');
        $binnedFound = $this->reconcile($email, $date, 'm-earlier-2');
        $this->assertSame([$binned['entryid']], array_column($binnedFound, 'entryid'), 'a binned one is found');
        $this->assertNotSame(self::NOT_DELETED, $binnedFound[0]['deleted'], '... and shows it is in the waste bin');

        // lost before it was booked: nothing found, so sending again is safe and books it once
        $marker2 = 'm-' . bin2hex(random_bytes(8));
        $this->sim()->setFault('invoices/invoice_add', 'reset', 1, ['store' => false]);
        $tree = ApiClient::invoice($invoice + ['invoicenotes' => self::notes($marker2)], ['email' => $email]);
        $this->assertNotSame(0, $this->call('invoices/invoice_add', $tree, ['fresh' => true])->curlErrno);
        $this->assertSame([], $this->reconcile($email, $date, $marker2));
        $again = $this->addInvoice($invoice + ['invoicenotes' => self::notes($marker2)], ['email' => $email]);
        $this->assertSame([$again['entryid']], array_column($this->reconcile($email, $date, $marker2), 'entryid'));
    }

    public function testNotesComeBackAsStored(): void
    {
        // &#92;n and &#92;t arrive as two characters each; real line breaks and tabs stay what they are
        $notes = 'regel 1\\nregel 2\\tkolom' . "\nechte regel\techte tab";
        $inv = $this->addInvoice(['invoicenotes' => $notes, 'descriptiontext' => $notes]);
        $e = $this->entry($inv['entryid']);
        $this->assertSame([$notes, $notes, $notes], [$e['invoicenote'], $e['entrynote'], $e['descriptiontext']]);
        $this->assertStringContainsString('regel 1\\\\nregel 2\\\\tkolom\\necht', $this->call(
            'entry/entry_info',
            ['entryid' => $inv['entryid']]
        )->body, 'JSON: the literal backslash doubled, the line break as \\n');
        $none = $this->entry($this->addInvoice()['entryid']);
        $this->assertSame([[], []], [$none['invoicenote'], $none['descriptiontext']], 'not sent: empty ({})');
    }

    public function testTimeoutOfANewCustomerIsFoundByItsMarker(): void
    {
        $email = 'nieuw@example.com';
        $marker = 'm-' . bin2hex(random_bytes(8));
        $this->sim()->setFault('invoices/invoice_add', 'timeout', 1, ['store' => true]);
        $tree = ApiClient::invoice(['issuedate' => '2026-06-02', 'invoicenotes' => self::notes($marker)], [
            'email' => $email,
        ]);
        $r = $this->call('invoices/invoice_add', $tree, ['fresh' => true, 'timeout' => 0.3]);
        $this->assertSame(self::CURLE_OPERATION_TIMEDOUT, $r->curlErrno);
        // the contact was made by the lost call: the addon never saw its id
        $found = $this->reconcile($email, '2026-06-02', $marker);
        $this->assertCount(1, $found);
        $this->assertSame((string) $this->sim()->entries()[0]['id'], $found[0]['entryid']);
    }
}
