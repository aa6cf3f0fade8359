<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Admin\ClientLinks;
use WHMCS\Module\Addon\AcumulusConnect\Admin\InvoicePanel;

/**
 * Escaping of client-editable values, the CSRF token on every change, the
 * admin roles of the addon's access list, and no credentials in any page.
 */
final class SecurityTest extends AdminTestCase
{
    private const EVIL = '<script>alert(1)</script> & Co';

    private int $client;
    private int $invoice;

    protected function setUp(): void
    {
        parent::setUp();
        $this->client = $this->sb->scenarios()->client('nl_business', [
            'companyname' => self::EVIL, 'firstname' => '"><img src=x onerror=alert(2)>', 'lastname' => "O'Brien",
        ]);
        $this->invoice = $this->invoice($this->client);
        $this->clearLedger();
        $this->ledger($this->invoice, 'failed', ['last_error' => 'Acumulus refused it: <b>bad</b> & worse [400 XYZ]',
            'last_error_kind' => 'api']);
        Capsule::table('mod_acumulus_connect_documents')->insert([
            'invoiceid' => $this->invoice, 'kind' => 'invoice', 'reason' => 'send', 'state' => 'failed', 'contactid' => '<i>9300001</i>',
            'created_at' => date('Y-m-d H:i:s'), 'updated_at' => date('Y-m-d H:i:s'),
        ]);
    }

    /** @return array<string, array{0: array<string, string>}> */
    public static function pages(): array
    {
        return [
            'dashboard' => [[]],
            'invoice' => [['action' => 'invoice', 'id' => '%id']],
            'invoice list' => [['action' => 'invoice']],
            'client' => [['action' => 'client', 'id' => '%client']],
            'batch preview' => [['action' => 'batch', 'preview' => '1', 'from' => '2000-01-01', 'to' => '2099-12-31']],
            'search by the name' => [['action' => 'invoice', 'q' => self::EVIL]],
            'health' => [['action' => 'health']],
            'dry run' => [['action' => 'dryrun', 'id' => '%id']],
        ];
    }

    /** @dataProvider pages */
    public function testClientEditableValuesAreEscapedOnEveryPage(array $get): void
    {
        foreach ($get as $k => $v) {
            $get[$k] = str_replace(['%id', '%client'], [(string) $this->invoice, (string) $this->client], $v);
        }
        $page = $this->page($get);
        $this->assertSame(200, $page->status);
        $this->assertStringNotContainsString('<script>alert', $page->output);
        $this->assertStringNotContainsString('<img src=x', $page->output);
        $this->assertStringNotContainsString('<b>bad</b>', $page->output);
        $this->assertStringNotContainsString(self::PASSWORD, $page->html, 'no password in the page source');
        $this->assertStringNotContainsString('apiuser', $page->html, 'no user name in the page source');
        if (in_array($get['action'] ?? '', ['', 'invoice', 'client'], true) || $get === []) {
            $this->assertMatchesRegularExpression('/&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co/', $page->output);
        }
    }

    public function testTheProblemListShowsTheNameAndReasonAsText(): void
    {
        $out = $this->page()->output;
        $this->assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co (&quot;&gt;&lt;img src=x onerror=alert(2)&gt; O&apos;Brien)', $out);
        $this->assertStringContainsString('Acumulus refused the invoice. Details: Acumulus refused it: &lt;b&gt;bad&lt;/b&gt; &amp; worse [400 XYZ]', $out);
    }

    /** @return array<string, array{0: array<string, string>}> */
    public static function changes(): array
    {
        return [
            'retry' => [['acumulus_action' => 'retry', 'invoiceid' => '%id']],
            'retry all' => [['acumulus_action' => 'retry_all', 'nonce' => str_repeat('a', 32)]],
            'send' => [['acumulus_action' => 'send', 'invoiceid' => '%id']],
            'resend' => [['acumulus_action' => 'resend', 'invoiceid' => '%id', 'confirm' => '1']],
            'batch start' => [['acumulus_action' => 'batch_start', 'nonce' => str_repeat('b', 32), 'from' => '2000-01-01', 'to' => '2099-12-31']],
            'batch step' => [['acumulus_action' => 'batch_step', 'batch' => '1']],
            'credential check' => [['acumulus_action' => 'check_credentials']],
        ];
    }

    /** @dataProvider changes */
    public function testEveryChangeIsRefusedWithoutTheSessionsToken(array $post): void
    {
        $post = array_map(fn ($v) => str_replace('%id', (string) $this->invoice, $v), $post);
        $this->page(); // WHMCS reads the settings form (its cached credential check) on a page load
        $before = $this->snapshot();
        $this->token(); // the session has a token; the request does not carry it
        $page = $this->page([], $post);
        $this->assertSame(403, $page->status);
        $this->assertStringContainsString('Invalid CSRF Protection Token', $page->output);
        $this->assertSame($before, $this->snapshot(), 'nothing changed');

        $page = $this->page([], $post + ['token' => 'not-the-token']);
        $this->assertSame(403, $page->status);
        $this->assertSame($before, $this->snapshot(), 'nothing changed');
    }

    public function testWithTheTokenAChangeIsMade(): void
    {
        $page = $this->page([], ['acumulus_action' => 'retry_all', 'nonce' => str_repeat('c', 32), 'token' => $this->token()]);
        $this->assertSame(200, $page->status);
        $this->assertSame(1, Capsule::table('mod_acumulus_connect_batches')->count(), 'a retry batch');
        $this->assertSame('queued', Capsule::table('mod_acumulus_connect')->where('id', $this->invoice)->value('state'));
        // the same form posted again (a reload) is the same batch
        $this->page([], ['acumulus_action' => 'retry_all', 'nonce' => str_repeat('c', 32), 'token' => $this->token()]);
        $this->assertSame(1, Capsule::table('mod_acumulus_connect_batches')->count());
    }

    public function testAResendNeedsTheConsequencesConfirmed(): void
    {
        $this->ledger($this->invoice, 'booked', ['token' => 'T0', 'entryid' => '55400001', 'invoicenumber' => '20260001']);
        Capsule::table('mod_acumulus_connect_documents')->insert([
            'invoiceid' => $this->invoice, 'kind' => 'invoice', 'reason' => 'send', 'state' => 'booked', 'token' => 'T0',
            'entryid' => '55400001', 'invoicenumber' => '20260001', 'created_at' => date('Y-m-d H:i:s'), 'updated_at' => date('Y-m-d H:i:s'),
        ]);
        $view = $this->page(['action' => 'invoice', 'id' => (string) $this->invoice])->output;
        $this->assertStringContainsString('Acumulus invoice 20260001 (entry 55400001) goes to the waste bin in Acumulus.', $view);
        $this->assertMatchesRegularExpression('/<input type="checkbox" name="confirm" value="1" id="acu-resend-confirm" required>/', $view);

        $events = Capsule::table('mod_acumulus_connect_events')->count();
        $out = $this->page([], ['acumulus_action' => 'resend', 'invoiceid' => (string) $this->invoice, 'token' => $this->token()])->output;
        $this->assertStringContainsString('Nothing was resent', $out);
        $this->assertSame($events, Capsule::table('mod_acumulus_connect_events')->count(), 'no resend recorded');

        $out = $this->page([], ['acumulus_action' => 'resend', 'invoiceid' => (string) $this->invoice, 'confirm' => '1', 'token' => $this->token()])->output;
        $docs = Capsule::table('mod_acumulus_connect_documents')->where('invoiceid', $this->invoice)->where('kind', 'invoice')
            ->orderBy('id')->get(['entryid', 'state'])->map(static fn ($d) => [(string) $d->entryid, (string) $d->state])->all();
        $this->assertContains(['55400001', 'trashed'], $docs, 'the old entry went to the waste bin');
        $this->assertSame('booked', end($docs)[1], 'and the invoice was booked anew');
        $this->assertMatchesRegularExpression('/Invoice ' . $this->invoice . ' is booked in Acumulus as invoice \d+\./', $out);
    }

    public function testAdminsOutsideTheAccessListSeeNothing(): void
    {
        // role 2 (sales) is not in the access list: WHMCS refuses the page, and the addon does too
        $this->sb->newRequest([], 2);
        $this->assertSame(403, $this->page()->status);
        $page = new \WHMCS\Module\Addon\AcumulusConnect\AdminPage(['modulelink' => 'addonmodules.php?module=acumulus_connect']);
        $this->assertStringContainsString('no access to the Acumulus addon', $page->handle()->body);
        $this->assertSame('', InvoicePanel::hook(['invoiceid' => $this->invoice]));
        $this->assertSame([], ClientLinks::hook(['userid' => $this->client]));

        $this->sb->newRequest([], 1);
        $panel = InvoicePanel::hook(['invoiceid' => $this->invoice]);
        $this->assertStringContainsString('id="acumulus-invoice-panel"', $panel);
        $this->assertStringContainsString('name="token" value="' . $this->token() . '"', $panel, 'its send form carries the token');
        $this->assertStringContainsString('Acumulus refused the invoice', $panel);
        $links = ClientLinks::hook(['userid' => $this->client]);
        $this->assertCount(1, $links);
        $this->assertStringContainsString('Acumulus contact &lt;i&gt;9300001&lt;/i&gt;', $links[0]);

        $this->sb->addons()->saveSettings(self::MODULE, [], '1,2');
        $this->sb->newRequest([], 2);
        $this->assertSame(200, $this->page()->status);
        $this->assertNotSame('', InvoicePanel::hook(['invoiceid' => $this->invoice]));
    }

    public function testTheHooksAreRegisteredAndNeverThrow(): void
    {
        $panels = run_hook('AdminInvoicesControlsOutput', ['invoiceid' => $this->invoice]);
        $this->assertStringContainsString('acumulus-invoice-panel', implode('', $panels));
        $this->assertSame('', InvoicePanel::hook(['invoiceid' => 'not a number']));
        Capsule::schema()->drop('mod_acumulus_connect_documents');
        $this->assertSame('', InvoicePanel::hook(['invoiceid' => $this->invoice]), 'a broken database gives no panel, no exception');
        $this->assertSame([], ClientLinks::hook(['userid' => $this->client]));
    }

    /** @return array<string, mixed> */
    private function snapshot(): array
    {
        $out = [];
        foreach (['mod_acumulus_connect', 'mod_acumulus_connect_events', 'mod_acumulus_connect_batches', 'mod_acumulus_connect_cache'] as $t) {
            $out[$t] = Capsule::table($t)->get()->map(static fn ($r) => (array) $r)->all();
        }
        return $out;
    }
}
