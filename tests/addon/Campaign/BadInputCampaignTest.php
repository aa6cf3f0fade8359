<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Money;

require_once __DIR__ . '/CampaignTestCase.php';

/**
 * Issue 9, item 2: bad input through the whole addon (hook, worker, mapper,
 * request writer, simulator), one invoice per case. WHMCS data comes in as
 * a real WHMCS might give it (the sandbox's localAPI answers rewritten:
 * missing keys, other types, odd bytes), settings as an admin might save
 * them, and Acumulus answers as a hostile server might send them.
 *
 * Each case ends in one of the outcomes it allows, and every case, whatever
 * its outcome:
 * - refused: the invoice is 'failed' with a reason naming the field (the
 *   ledger row is the invoice's; the activity log line names the invoice
 *   too), its kind 'data' (not retried blindly), nothing in Acumulus;
 * - booked: exactly one entry in Acumulus, of the total WHMCS gives;
 * - skipped / concept: with the reason shown;
 * and nothing is half-booked: no document left 'sending' or 'uncertain', no
 * entry in Acumulus the ledger does not know as booked; nothing crashed (a
 * PHP error in the worker would show as an unexpected 'error' and fail the
 * case).
 */
final class BadInputCampaignTest extends CampaignTestCase
{
    private const MIB = 1 << 20;

    /** @var list<array{case: string, outcome: string, detail: string, ok: bool}> */
    private array $results = [];

    protected function tearDown(): void
    {
        foreach (['GetInvoice', 'GetClientsDetails'] as $command) {
            $this->sb->localApi()->intercept($command, null);
        }
        parent::tearDown();
    }

    public function testBadInvoicesClientsAndSettingsEndInAClearOutcome(): void
    {
        $seed = self::envInt('ACU_CAMPAIGN_SEED', 20261209);
        mt_srand($seed);
        $binary = '';
        for ($i = 0; $i < 64; $i++) {
            $binary .= chr(mt_rand(0, 255));
        }
        $huge = str_repeat('Webhosting pakket met één domein, ', intdiv(self::MIB, 36) + 1);
        $huge = substr($huge, 0, self::MIB);
        $huge = mb_substr($huge, 0, mb_strlen($huge, 'UTF-8') - 1, 'UTF-8'); // whole characters
        $item = fn (array $changes) => fn (array $r) => $this->changeItem($r, $changes);
        $inv = fn (array $changes) => static fn (array $r) => array_replace($r, $changes);
        $drop = static fn (string ...$keys) => static fn (array $r) => array_diff_key($r, array_flip($keys));
        $client = static fn (array $changes) => static function (array $r) use ($changes): array {
            $r['client'] = array_replace($r['client'], $changes);
            return array_replace($r, $changes);
        };

        // [case, lines, GetInvoice rewrite, GetClientsDetails rewrite, settings, allowed outcomes, field named]
        $cases = [
            ['empty client (no names, address, e-mail)', null, null,
                $client(['firstname' => '', 'lastname' => '', 'fullname' => '', 'companyname' => '', 'email' => '',
                    'address1' => '', 'address2' => '', 'city' => '', 'postcode' => '', 'phonenumber' => '']),
                [], ['booked'], ''],
            ['empty item description', null, $item(['description' => '']), null, [], ['booked', 'refused'],
                'description|product'],
            ['1 MiB item description', null, $item(['description' => $huge]), null, [], ['booked', 'refused'],
                'description|product'],
            ['binary item description', null, $item(['description' => $binary]), null, [], ['refused'], 'description|product'],
            ['invalid UTF-8 in the last name', null, null,
                $client(['lastname' => "Jans\xC3\x28en", 'fullname' => "Jan Jans\xC3\x28en"]), [], ['refused'], 'name'],
            ['overlong UTF-8 in the city', null, null, $client(['city' => "Utr\xC0\xAFcht"]), [], ['refused'], 'city'],
            ['control characters in a description', null, $item(['description' => "Hosting\x07\x1B[31m rood\x00"]), null,
                [], ['refused'], 'description|product'],
            ['control characters in the notes', null, $inv(['notes' => "Bedankt\x0C\x1F"]), null, [], ['refused'],
                'notes|descriptiontext'],
            ['a negative line (discount)', [['Webhosting Pro', '20.00', true], ['Korting', '-5.00', true]], null, null,
                [], ['booked'], ''],
            ['a negative total', [['Creditering goodwill', '-20.00', true]], null, null, [],
                ['booked', 'refused', 'skipped'], 'total'],
            ['zero amounts', [['Gratis proefperiode', '0.00', true]], null, null, [], ['booked', 'skipped'], ''],
            ['0 items', [], null, null, [], ['skipped'], ''],
            ['0 items but a total', null, $inv(['items' => ['item' => []]]), null, [], ['refused'], 'items'],
            ['500 items', self::lines(500), null, null, [], ['booked'], ''],
            // VAT follows the country WHMCS recorded when it made the invoice; the client's own may be anything
            ['client country XX, invoice made in NL', null, null, $client(['countrycode' => 'XX', 'country' => 'XX']), [],
                ['booked'], ''],
            ['unknown country XX', null, null, $client(['countrycode' => 'XX', 'country' => 'XX']), [],
                ['refused', 'concept'], 'country|XX', 'XX'],
            ['country as a name', null, null, $client(['countrycode' => 'Nederland', 'country' => 'Nederland']), [],
                ['refused'], 'countrycode', ''],
            ['no country', null, null, $client(['countrycode' => '', 'country' => '']), [], ['refused', 'concept'],
                'country', ''],
            ['missing total', null, $drop('total'), null, [], ['refused'], 'total'],
            ['missing date', null, $drop('date'), null, [], ['refused'], 'date'],
            ['missing items', null, $drop('items'), null, [], ['refused'], 'items'],
            ['missing tax rates', null, $drop('taxrate', 'taxrate2'), null, [], ['refused', 'concept'], 'taxrate|rate'],
            ['client without a country key', null, null, static function (array $r): array {
                unset($r['client']['countrycode'], $r['client']['country'], $r['countrycode'], $r['country']);
                return $r;
            }, [], ['refused', 'concept'], 'country', ''],
            ['total as a float', null, $inv(['total' => 12.04]), null, [], ['refused'], 'total'],
            ['amount as a float', null, $item(['amount' => 9.95]), null, [], ['refused'], 'amount'],
            ['items as a string', null, $inv(['items' => 'none']), null, [], ['refused'], 'items'],
            ['item as a string', null, $inv(['items' => ['item' => ['Webhosting']]]), null, [], ['refused'], 'item'],
            ['taxed as "maybe"', null, $item(['taxed' => 'maybe']), null, [], ['refused'], 'taxed'],
            ['date as a number', null, $inv(['date' => 20261201]), null, [], ['refused'], 'date'],
            ['date 0000-00-00', null, $inv(['date' => '0000-00-00']), null, [], ['refused'], 'date'],
            ['amount with a comma', null, $item(['amount' => '9,95']), null, [], ['refused'], 'amount'],
            ['tax rate 121 %', null, $inv(['taxrate' => '121.000']), null, [], ['refused'], 'taxrate'],
            ['transactions as a number', null, $inv(['transactions' => 7]), null, [], ['refused'], 'transactions'],
            ['tax-exempt as "sometimes"', null, null, $client(['taxexempt' => 'sometimes']), [], ['refused'], 'taxexempt'],
            ['last name as a list', null, null, $client(['lastname' => ['de', 'Vries']]), [], ['refused'], 'lastname'],
            // settings an admin might save: the templates of issue 6
            ['template 8 MB when filled in', null, $inv(['notes' => str_repeat('Opmerking ', 410)]), null,
                ['acumulus_invoice_descriptiontext' => str_repeat('{INVOICENOTES}', 2000)], ['refused'],
                'descriptiontext|extended description'],
            ['template with a 1 MiB custom field name', null, null, null,
                ['acumulus_invoice_description' => '{CLIENT_CUSTOMFIELD:' . str_repeat('x', self::MIB) . '}'],
                ['booked', 'refused'], 'description'],
            ['template with NUL and escape bytes', null, null, null,
                ['acumulus_cusromer_mark' => "Klant {USERID}\x00\x1B"], ['refused'], 'mark'],
            ['template with invalid UTF-8', null, null, null,
                ['acumulus_invoice_description' => "Factuur \xFF{INVOICENUMBER}"], ['refused'], 'description'],
            ['template with 100,000 nested braces', null, null, null,
                ['acumulus_invoice_descriptiontext' => str_repeat('{', 100000) . '{USERID}' . str_repeat('}', 100000)],
                ['booked', 'refused'], 'descriptiontext'],
        ];
        foreach ($cases as $case) {
            $this->runCase(...$case);
        }

        // text that looks like markup or tags goes to Acumulus as it is, filled in once
        $this->literalCase('template with XML, entities and tags', [
            'acumulus_invoice_description' => ']]></description><x a="1">&xxe; &amp; <!ENTITY y SYSTEM "file:///etc/passwd">',
        ], 'description', ']]></description><x a="1">&xxe; &amp; <!ENTITY y SYSTEM "file:///etc/passwd">');
        $this->literalCase('a value that looks like a tag is not filled in again', [
            'acumulus_invoice_descriptiontext' => '{INVOICENOTES}',
        ], 'descriptiontext', '{USERID} %s %n {{TAB}}', ['notes' => '{USERID} %s %n {{TAB}}']);

        $this->printTable('Bad input campaign', 'campaign-bad-input-' . Capsule::connection()->getDriverName() . '.txt');
        $failed = array_filter($this->results, static fn (array $r) => !$r['ok']);
        self::assertSame([], array_values($failed));
    }

    /**
     * Hostile answers of Acumulus to invoice_add, with the invoice stored and
     * not: the client refuses each (no entity is read, nothing is expanded,
     * the transfer stops at acumulus.max_response_size), the outcome is
     * unknown, reconciliation finds out, and the invoice is booked exactly
     * once. The same answers on the lookups while reconciling.
     */
    public function testHostileAnswersAreRefusedAndTheInvoiceIsBookedOnce(): void
    {
        $bodyMb = self::envInt('ACU_CAMPAIGN_BODY_MB', 100);
        $lol = '<!DOCTYPE r [<!ENTITY a "lollollollollollollollollollol">';
        $prev = 'a';
        foreach (range('b', 'j') as $name) {
            $lol .= "<!ENTITY $name \"" . str_repeat("&$prev;", 10) . '">';
            $prev = $name;
        }
        $bodies = [
            'XML bomb (billion laughs)' => ['<?xml version="1.0"?>' . $lol . ']><response><invoice><token>&j;</token>'
                . '</invoice><status>0</status></response>', 1],
            'external entity (file:///etc/passwd)' => ['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM'
                . ' "file:///etc/passwd">]><response><invoice><token>&x;</token><entryid>1</entryid></invoice>'
                . '<status>0</status></response>', 1],
            'nesting 100,000 deep' => [str_repeat('<response>', 100000) . '<status>0</status>', 1],
            "a {$bodyMb} MB body" => ['<response><status>0</status><invoice><token>', $bodyMb * self::MIB],
        ];
        $files = @file_get_contents('/etc/passwd');
        $peak0 = memory_get_peak_usage();
        $hwm0 = self::peakRssKb();
        foreach ($bodies as $name => [$body, $repeat]) {
            foreach ([true, false] as $store) {
                $fault = ['body' => $body, 'content_type' => 'text/xml; charset=utf-8', 'store' => $store];
                if ($repeat > 1) {
                    $fault['body'] = $body . 'A';
                    $fault['repeat'] = intdiv($repeat, strlen($fault['body']));
                }
                $this->hostileCase(
                    "$name, invoice " . ($store ? 'stored' : 'not stored'),
                    'invoices/invoice_add',
                    $fault,
                    is_string($files) ? $files : ''
                );
            }
        }
        // the same answers while the worker looks a lost invoice up
        $this->hostileCase(
            'XML bomb while reconciling',
            'contacts/contacts_list',
            ['body' => $bodies['XML bomb (billion laughs)'][0], 'content_type' => 'text/xml'],
            '',
            true
        );
        $this->hostileCase(
            "a {$bodyMb} MB answer while reconciling",
            'contacts/contact_invoices_outgoing',
            ['body' => '<response>A', 'repeat' => intdiv($bodyMb * self::MIB, 11), 'content_type' => 'text/xml'],
            '',
            true
        );
        $grew = intdiv(memory_get_peak_usage() - $peak0, self::MIB);
        $rss = intdiv(self::peakRssKb() - $hwm0, 1024);
        $ok = $grew < 64 && $rss < 64;
        $this->results[] = ['case' => 'memory of the worker process', 'outcome' => $ok ? 'bounded' : 'WRONG',
            'detail' => "peak PHP heap grew by $grew MiB, peak RSS by $rss MiB over every hostile answer"
                . ' (acumulus.max_response_size ' . ini_get('acumulus.max_response_size') . ')',
            'ok' => $ok];

        $this->printTable('Hostile answers', 'campaign-hostile-' . Capsule::connection()->getDriverName() . '.txt');
        $failed = array_filter($this->results, static fn (array $r) => !$r['ok']);
        self::assertSame([], array_values($failed));
    }

    /**
     * @param list<array{0: string, 1: string, 2: bool}>|null $lines null: one hosting line
     * @param list<string> $allowed outcomes
     */
    private function runCase(
        string $name,
        ?array $lines,
        ?callable $invoiceRewrite,
        ?callable $clientRewrite,
        array $settings,
        array $allowed,
        string $field,
        ?string $invoiceCountry = null
    ): void {
        $before = array_diff_key($this->sb->addons()->settings('acumulus_connect'), ['version' => 1, 'access' => 1]);
        if ($settings !== []) {
            $this->sb->addons()->saveSettings('acumulus_connect', $settings + $before);
        }
        try {
            $s = $this->sb->scenarios();
            $clientId = $s->client('nl_consumer');
            $inv = $s->invoice($clientId, $lines ?? [['Webhosting Pro', '9.95', true]]);
            if ($invoiceCountry !== null) {
                // the country WHMCS recorded at invoice time (tblinvoicedata), which VAT follows
                Capsule::table('tblinvoicedata')->where('invoice_id', $inv)->update(['country' => $invoiceCountry]);
            }
            $only = static fn (callable $f, string $key, int $id) => static fn (array $r, array $p) =>
                (int) ($p[$key] ?? 0) === $id ? $f($r) : $r;
            if ($invoiceRewrite !== null) {
                $this->sb->localApi()->intercept('GetInvoice', $only($invoiceRewrite, 'invoiceid', $inv));
            }
            if ($clientRewrite !== null) {
                $this->sb->localApi()->intercept('GetClientsDetails', $only($clientRewrite, 'clientid', $clientId));
            }
            $this->endRequest();
            $this->judge($name, $inv, $allowed, $field);
        } catch (\Throwable $e) {
            $this->results[] = ['case' => $name, 'outcome' => 'CRASH', 'detail' => get_class($e) . ': '
                . self::short($e->getMessage()), 'ok' => false];
        } finally {
            $this->sb->localApi()->intercept('GetInvoice', null);
            $this->sb->localApi()->intercept('GetClientsDetails', null);
            if ($settings !== []) {
                $this->sb->addons()->saveSettings('acumulus_connect', $before);
            }
        }
    }

    /** A booking whose field in Acumulus must hold $expected exactly. */
    private function literalCase(string $name, array $settings, string $field, string $expected, array $invoice = []): void
    {
        $this->runCase(
            $name,
            null,
            $invoice === [] ? null : static fn (array $r) => array_replace($r, $invoice),
            null,
            $settings,
            ['booked'],
            ''
        );
        $last = $this->results[count($this->results) - 1];
        if ($last['outcome'] !== 'booked') {
            return;
        }
        $entries = $this->entries();
        $got = (string) ($entries[count($entries) - 1]['data']['invoice'][$field] ?? '(none)');
        $ok = $got === $expected;
        $this->results[count($this->results) - 1]['ok'] = $ok;
        $this->results[count($this->results) - 1]['detail'] = $ok ? "$field in Acumulus exactly as written"
            : "$field in Acumulus is " . json_encode(self::short($got));
    }

    /**
     * One hostile answer: set on the next call of $endpoint; the invoice is
     * created and sent; afterwards the fault is gone and the cron runs until
     * the invoice settles. With $reconciling, the invoice_add answer is lost
     * first (a reset after storing) so the worker has to look it up.
     */
    private function hostileCase(string $name, string $endpoint, array $fault, string $secret, bool $reconciling = false): void
    {
        ini_set('acumulus.timeout', '20');
        try {
            if ($reconciling) {
                self::$sim->setFault('invoices/invoice_add', 'reset', 1, ['store' => true]);
            }
            $fired = (int) (self::$sim->counters()['faults'][$endpoint] ?? 0);
            self::$sim->setFault($endpoint, 'malformed', 1, $fault);
            $inv = $this->newInvoice();
            $this->endRequest();
            $first = $this->ledgerRow($inv);
            $error = (string) $first->last_error;
            for ($i = 0; $i < 4 && !in_array($this->ledgerRow($inv)->state, ['booked', 'failed'], true); $i++) {
                $this->laterCron();
            }
            $row = $this->ledgerRow($inv);
            $mine = $this->entriesOf($inv);
            $problems = [];
            if ((int) (self::$sim->counters()['faults'][$endpoint] ?? 0) !== $fired + 1) {
                $problems[] = "the hostile answer was never sent ($endpoint not called)";
            }
            if (count($mine) !== 1) {
                $problems[] = count($mine) . ' entries in Acumulus';
            }
            if ($row->state !== 'booked') {
                $problems[] = "ended '{$row->state}': " . (string) $row->last_error;
            }
            if (!$reconciling && $first->state !== 'uncertain') {
                $problems[] = "first '{$first->state}', not uncertain";
            }
            if (trim($error) === '') {
                $problems[] = 'no reason shown while it was uncertain';
            }
            if ($secret !== '' && $this->leaks($inv, $secret)) {
                $problems[] = 'the content of /etc/passwd reached the ledger or the logs';
            }
            foreach ($this->documents($inv) as $d) {
                if (in_array($d->state, ['sending', 'uncertain'], true)) {
                    $problems[] = "document {$d->id} left '{$d->state}'";
                }
            }
            $this->results[] = ['case' => $name, 'outcome' => $problems === [] ? 'booked once' : 'WRONG',
                'detail' => $problems === [] ? self::short($error, 110) : implode('; ', $problems), 'ok' => $problems === []];
        } catch (\Throwable $e) {
            $this->results[] = ['case' => $name, 'outcome' => 'CRASH', 'detail' => get_class($e) . ': '
                . self::short($e->getMessage()), 'ok' => false];
        } finally {
            self::$sim->clearFaults();
            ini_restore('acumulus.timeout');
        }
    }

    /** Whether any line of /etc/passwd shows up in what the addon wrote down. */
    private function leaks(int $inv, string $secret): bool
    {
        $text = (string) json_encode([$this->ledgerRow($inv), $this->documents($inv), $this->activity(),
            Capsule::table('tblmodulelog')->get()->all()], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PARTIAL_OUTPUT_ON_ERROR);
        foreach (explode("\n", $secret) as $line) {
            if (strlen($line) > 8 && str_contains($text, $line)) {
                return true;
            }
        }
        return false;
    }

    /** Decides the case's outcome and whether it is one it allows, with every invariant. */
    private function judge(string $name, int $inv, array $allowed, string $field): void
    {
        $row = $this->ledgerRow($inv);
        $state = $row === null ? '(no row)' : (string) $row->state;
        $mine = $this->entriesOf($inv);
        $problems = [];
        foreach ($this->documents($inv) as $d) {
            if (in_array($d->state, ['sending', 'uncertain'], true)) {
                $problems[] = "document {$d->id} left '{$d->state}' (half-booked)";
            }
        }
        $detail = '';
        switch ($state) {
            case 'failed':
                $outcome = 'refused';
                $detail = (string) $row->last_error;
                if ((string) $row->last_error_kind !== 'data') {
                    $problems[] = "kind '{$row->last_error_kind}', not 'data'";
                }
                $named = array_filter(explode('|', $field), static fn (string $f) => stripos($detail, $f) !== false);
                if ($field !== '' && $named === []) {
                    $problems[] = "the reason does not name the field ($field)";
                }
                if (!str_contains($this->activity(), "invoice $inv failed:")) {
                    $problems[] = 'no activity log line names the invoice';
                }
                if ($mine !== []) {
                    $problems[] = count($mine) . ' entries in Acumulus';
                }
                break;
            case 'booked':
            case 'paid':
                $outcome = 'booked';
                $total = (string) (localAPI('GetInvoice', ['invoiceid' => $inv])['total'] ?? '');
                if (count($mine) !== 1) {
                    $problems[] = count($mine) . ' entries in Acumulus';
                } elseif ($total !== '' && Money::cents((string) $mine[0]['data']['total_inc']) !== Money::cents($total)) {
                    $problems[] = "booked {$mine[0]['data']['total_inc']}, WHMCS total $total";
                }
                $detail = count($mine) === 1 ? "entry {$mine[0]['id']}, {$mine[0]['data']['total_inc']}" : '';
                break;
            case 'skipped':
            case 'not_booked':
                $outcome = 'skipped';
                $detail = trim((string) $row->skipped_reason . ' ' . (string) $row->notes);
                if ($detail === '') {
                    $problems[] = 'no reason shown';
                }
                if ($mine !== []) {
                    $problems[] = count($mine) . ' entries in Acumulus';
                }
                break;
            case 'concept':
                $outcome = 'concept';
                $detail = (string) $row->warnings;
                if (!str_contains($detail, '"concept":true')) {
                    $problems[] = 'a concept without a reason';
                }
                break;
            default:
                $outcome = $state;
                $detail = trim((string) ($row->last_error ?? '') . ' ' . (string) ($row->notes ?? ''));
                $problems[] = "left '$state' (" . ($row->last_error_kind ?? '') . ')';
        }
        if (!in_array($outcome, $allowed, true)) {
            $problems[] = "'$outcome' is not one of " . implode('/', $allowed);
        }
        $this->results[] = ['case' => $name, 'outcome' => $problems === [] ? $outcome : 'WRONG: ' . $outcome,
            'detail' => $problems === [] ? self::short($detail, 110) : implode('; ', $problems) . ' — ' . self::short($detail),
            'ok' => $problems === []];
    }

    /** The simulator's entries the ledger sent for this invoice (by the marker in their notes). */
    private function entriesOf(int $inv): array
    {
        $refs = array_filter(array_map(static fn ($d) => (string) $d->ref, $this->documents($inv)));
        $mine = [];
        foreach ($this->entries() as $e) {
            $notes = (string) ($e['data']['invoice']['invoicenotes'] ?? '');
            foreach ($refs as $ref) {
                if (str_contains($notes, $ref)) {
                    $mine[] = $e;
                }
            }
        }
        return $mine;
    }

    /** The GetInvoice answer with its first item changed. */
    private function changeItem(array $r, array $changes): array
    {
        $r['items']['item'][0] = array_replace($r['items']['item'][0], $changes);
        return $r;
    }

    /** @return list<array{0: string, 1: string, 2: bool}> */
    private static function lines(int $n): array
    {
        $lines = [];
        for ($i = 1; $i <= $n; $i++) {
            $lines[] = ["Domein voorbeeld-$i.nl, 1 jaar", Money::format(100 + 37 * $i % 5000), $i % 7 !== 0];
        }
        return $lines;
    }

    /** The process's peak resident set (VmHWM), in KiB. */
    private static function peakRssKb(): int
    {
        $status = (string) @file_get_contents('/proc/self/status');
        return preg_match('/^VmHWM:\s+(\d+) kB/m', $status, $m) === 1 ? (int) $m[1] : 0;
    }

    private static function short(string $s, int $max = 160): string
    {
        $s = (string) preg_replace('/[^\x20-\x7E]/', '?', $s);
        return strlen($s) > $max ? substr($s, 0, $max - 3) . '...' : $s;
    }

    private function printTable(string $title, string $file): void
    {
        $counts = [];
        foreach ($this->results as $r) {
            $key = $r['ok'] ? preg_replace('/^WRONG: /', '', $r['outcome']) : 'WRONG';
            $counts[(string) $key] = ($counts[(string) $key] ?? 0) + 1;
        }
        $lines = [sprintf('%s: %d cases: %s', $title, count($this->results), self::list($counts))];
        foreach ($this->results as $r) {
            $lines[] = sprintf('  %-44s %-12s %s', $r['case'], $r['outcome'], $r['detail']);
        }
        self::report($file, implode("\n", $lines));
    }
}
