<?php

declare(strict_types=1);

namespace AcumulusAddonTest\E2E;

use AcumulusAddonTest\AddonTestCase;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;

/**
 * Issue 7 item 7: exactly once and nothing lost, when Acumulus is down, when
 * an answer never comes, when two processes race, when the extension is
 * missing; an install of the previous module keeps working; a password with
 * an ampersand works.
 */
final class ReliabilityTest extends AddonTestCase
{
    public function testAcumulusDownDuringCreationIsQueuedAndBookedByTheCronOnceItIsBack(): void
    {
        self::$sim->setFault('invoices/invoice_add', '503', 3);
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(0, $this->entries());
        $row = $this->ledgerRow($inv);
        self::assertSame('queued', $row->state);
        self::assertSame('http', $row->last_error_kind);
        self::assertNotEmpty($row->last_error);
        self::assertGreaterThan(0, $this->pendingEvents($inv), 'the work is kept');

        $this->sb->cron()->run();
        self::assertCount(0, $this->entries(), 'not due yet: the cron respects the back-off');
        for ($i = 0; $i < 5 && $this->ledgerRow($inv)->state !== 'booked'; $i++) {
            $this->laterCron();
        }
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        self::assertCount(1, $this->entries(), 'booked once');
        self::assertNull($this->ledgerRow($inv)->last_error);
        self::assertSame(0, $this->pendingEvents($inv));
    }

    /** @return iterable<string, array{string, array}> */
    public static function unknownOutcomes(): iterable
    {
        yield 'reset after the invoice was stored' => ['reset', ['store' => true]];
        yield 'timeout after the invoice was stored' => ['timeout', ['store' => true]];
        yield 'status 3 (exception) after storing' => ['status3', ['store' => true]];
        yield 'HTTP 500 after storing' => ['500', ['store' => true]];
    }

    /** @dataProvider unknownOutcomes */
    public function testAnUnknownOutcomeIsReconciledAndNotSentTwice(string $fault, array $options): void
    {
        ini_set('acumulus.timeout', '2');
        self::$sim->setFault('invoices/invoice_add', $fault, 1, $options);
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(1, $this->entries(), 'the simulator stored it');
        self::assertSame('uncertain', $this->ledgerRow($inv)->state);
        self::assertSame('uncertain', $this->documents($inv)[0]->state);

        $this->laterCron();
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        self::assertCount(1, $this->entries(), 'found, not sent again');
        self::assertSame((string) $this->entries()[0]['id'], (string) $this->ledgerRow($inv)->entryid);
        self::assertStringContainsString('was stored after all', $this->activity());
        ini_restore('acumulus.timeout');
    }

    public function testAnUnknownOutcomeThatWasNotStoredIsSentAgainOnce(): void
    {
        self::$sim->setFault('invoices/invoice_add', 'reset', 1, ['store' => false]);
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(0, $this->entries());
        self::assertSame('uncertain', $this->ledgerRow($inv)->state);
        $this->laterCron();
        self::assertCount(1, $this->entries());
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        $states = array_map(static fn ($d) => $d->state, $this->documents($inv));
        self::assertSame(['failed', 'booked'], $states, 'the lost attempt is recorded as not stored');
    }

    public function testWrongCredentialsFailWithTheReasonAndARetryBooksOnceFixed(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_password' => 'wrong'] + $this->addonSettings());
        $inv = $this->newInvoice();
        $this->endRequest();
        $row = $this->ledgerRow($inv);
        self::assertSame('failed', $row->state);
        self::assertSame('auth', $row->last_error_kind);
        self::assertStringContainsString('credentials', (string) $row->last_error);
        $this->laterCron();
        self::assertCount(0, $this->entries(), 'a failure is not retried blindly');

        $this->sb->addons()->saveSettings('acumulus_connect', $this->addonSettings());
        self::assertSame('done', (new Actions())->retry($inv));
        self::assertCount(1, $this->entries());
        self::assertSame('booked', $this->ledgerRow($inv)->state);
    }

    public function testAPasswordWithAnAmpersandWorks(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect',
            ['acumulus_username' => 'apiamp', 'acumulus_password' => 'p&ss<wo>rd"\''] + $this->addonSettings());
        $this->newInvoice();
        $this->endRequest();
        self::assertCount(1, $this->entries());
    }

    public function testTwoProcessesFiringTheSameHookAtTheSameMomentBookOnce(): void
    {
        $sb = $this->shareableSandbox($this->sandboxOptions());
        $sb->addons()->activate('acumulus_connect', $this->addonSettings());
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => ''] + $this->addonSettings());
        $inv = $this->newInvoice();
        self::assertCount(0, $this->entries());
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => 'on'] + $this->addonSettings());
        self::$sim->setLatency(300); // so the two overlap
        $at = microtime(true) + 1.0;
        $vars = ['source' => 'autogen', 'user' => 'system', 'invoiceid' => $inv, 'status' => 'Unpaid'];
        $a = $sb->spawn(['type' => 'hook', 'hook' => 'InvoiceCreated', 'vars' => $vars], $at);
        $b = $sb->spawn(['type' => 'hook', 'hook' => 'InvoiceCreationPreEmail', 'vars' => $vars], $at);
        $ra = $a->wait();
        $rb = $b->wait();
        self::assertSame([], $ra['hookErrors'] ?? [], json_encode($ra));
        self::assertSame([], $rb['hookErrors'] ?? [], json_encode($rb));
        self::assertCount(1, $this->entries(), 'two processes, one booking: ' . $this->activity());
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        self::assertCount(1, $this->documents($inv));
    }

    public function testTheCheckoutDoesNotWaitOnAcumulus(): void
    {
        $sb = $this->shareableSandbox($this->sandboxOptions());
        $sb->addons()->activate('acumulus_connect', $this->addonSettings());
        $s = $sb->scenarios();
        $client = $s->client('nl_consumer');
        self::$sim->setLatency(2000); // Acumulus answers in 2 s
        $start = microtime(true);
        $p = $sb->spawn(['type' => 'api', 'command' => 'CreateInvoice', 'params' => [
            'userid' => $client, 'status' => 'Unpaid', 'itemdescription1' => 'Webhosting', 'itemamount1' => '9.95', 'itemtaxed1' => '1',
        ]]);
        $response = $p->response();
        $responded = (float) $p->respondedAt() - $start;
        $p->wait();
        $done = microtime(true) - $start;
        self::assertSame('success', $response['result']['result'] ?? null, json_encode($response));
        self::assertLessThan(1.5, $responded, 'the response left before Acumulus answered');
        self::assertGreaterThan(2.0, $done, 'and the booking happened after it');
        self::assertCount(1, $this->entries());
    }

    public function testWithoutTheExtensionNothingIsLost(): void
    {
        $sb = $this->shareableSandbox(['phpArgs' => []]); // request processes without the extension
        $sb->addons()->activate('acumulus_connect', $this->addonSettings());
        $s = $sb->scenarios();
        $client = $s->client('nl_consumer');
        $p = $sb->spawn(['type' => 'api', 'command' => 'CreateInvoice', 'params' => [
            'userid' => $client, 'status' => 'Unpaid', 'itemdescription1' => 'Webhosting', 'itemamount1' => '9.95', 'itemtaxed1' => '1',
        ]]);
        $r = $p->wait();
        $inv = (int) ($r['result']['invoiceid'] ?? 0);
        self::assertGreaterThan(0, $inv, json_encode($r));
        self::assertSame([], $r['hookErrors'] ?? []);
        self::assertCount(0, $this->entries());
        self::assertGreaterThan(0, $this->pendingEvents($inv), 'the trigger was recorded');
        self::assertSame('queued', $this->ledgerRow($inv)->state);

        $page = $sb->spawn(['type' => 'admin', 'module' => 'acumulus_connect'])->wait();
        $html = (string) ($page['result']['html'] ?? $page['output'] ?? '');
        self::assertStringContainsString('acumulus PHP extension is not loaded', $html);

        // once the extension is there (this process has it), the cron books it
        $sb->cron()->run();
        self::assertCount(1, $this->entries());
        self::assertSame('booked', $this->ledgerRow($inv)->state);
    }

    public function testAnInstallOfThePreviousModuleKeepsItsSettingsAndLinks(): void
    {
        // a booking made by the previous module: in Acumulus, and in its table
        $this->sb->addons()->deactivate('acumulus_connect');
        $schema = Capsule::schema();
        foreach (['mod_acumulus_connect', 'mod_acumulus_connect_documents', 'mod_acumulus_connect_events', 'mod_acumulus_connect_cache'] as $t) {
            $schema->dropIfExists($t);
        }
        $schema->create('mod_acumulus_connect', static function ($t): void {
            $t->increments('id');
            $t->string('token', 40);
            $t->string('entryid', 20);
            $t->timestamps();
        });
        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_hook_invoice_create_enabled' => ''] + $this->addonSettings());
        $inv = $this->newInvoice();
        $client = new \Acumulus\Client('123456', 'apiuser', 'sim-Secret-5', 'WHMCS test');
        $doc = \Acumulus\InvoiceMapper::map($this->sb->api('GetInvoice', ['invoiceid' => $inv]),
            $this->sb->api('GetClientsDetails', ['clientid' => $this->sb->api('GetInvoice', ['invoiceid' => $inv])['userid']])['client'],
            ['acumulus_AccountNumber_banktransfer' => '70582'], ['today' => '2026-12-01'])['document'];
        $old = $client->invoiceAdd($doc)->main;
        Capsule::table('mod_acumulus_connect')->insert(['id' => $inv, 'token' => $old['token'], 'entryid' => $old['entryid'],
            'created_at' => '2025-01-01 00:00:00', 'updated_at' => '2025-01-01 00:00:00']);
        // the previous module's settings rows, typo'd keys and all
        $this->sb->addons()->writeSetting('acumulus_connect', 'acumulus_cusromer_mark', 'Klant {USERID}');
        $this->sb->addons()->writeSetting('acumulus_connect', 'acumulus_hook_invoice_canceled_enabled', 'on');
        $this->sb->addons()->writeSetting('acumulus_connect', 'version', '3.11');

        $this->sb->addons()->activate('acumulus_connect');
        $this->sb->addons()->upgradeIfNeeded('acumulus_connect');
        self::assertSame($old['token'], $this->ledgerRow($inv)->token, 'the link survived the switch');

        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-L');
        $this->endRequest();
        $e = $this->entries();
        self::assertCount(1, $e, 'paid: the existing booking is updated, not booked again');
        self::assertSame('2', (string) $e[0]['paymentstatus']);
        self::assertSame('Klant {USERID}', $this->sb->addons()->settings('acumulus_connect')['acumulus_cusromer_mark']);
    }

    public function testTheModuleLogNeverShowsTheCredentials(): void
    {
        $this->sb->configure(['ModuleDebugMode' => 'on']);
        $this->sb->addons()->saveSettings('acumulus_connect',
            ['acumulus_username' => 'apiamp', 'acumulus_password' => 'p&ss<wo>rd"\''] + $this->addonSettings());
        $this->newInvoice();
        $this->endRequest();
        $rows = Capsule::table('tblmodulelog')->where('module', 'acumulus_connect')->get()->all();
        self::assertNotEmpty($rows);
        foreach ($rows as $r) {
            $text = $r->request . $r->response . $r->arrdata;
            foreach (['p&ss', 'p&amp;ss', 'rd&quot;', 'apiamp', '123456'] as $secret) {
                self::assertStringNotContainsString($secret, $text);
            }
        }
        self::assertStringContainsString('invoice_add', implode(' ', array_map(static fn ($r) => $r->action, $rows)));
    }
}
