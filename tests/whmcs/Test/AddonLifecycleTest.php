<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Sandbox;

/**
 * Setup ▸ Addon Modules with the probe addon: activation, settings, hooks.php
 * loading per page load, upgrade, deactivation (ref §2).
 */
final class AddonLifecycleTest extends TestCase
{
    protected function tearDown(): void
    {
        putenv('SANDBOX_PROBE_VERSION');
        putenv('SANDBOX_PROBE_FAIL');
        parent::tearDown();
    }

    public function testFindsAddonsUnderTheModulesRoot(): void
    {
        $this->assertContains('sandbox_probe', $this->sb->addons()->available());
        $this->assertSame(realpath(self::MODULES), realpath($this->sb->addons()->root()));
        $default = Sandbox::boot([]);
        $this->assertSame(ROOTDIR . '/modules/addons', $default->addons()->root());
    }

    public function testActivationCreatesTablesWritesVersionAndAccessAndLoadsHooks(): void
    {
        $this->assertSame([], $this->sb->hooks()->functionsFor('InvoicePaid'));
        $result = $this->sb->addons()->activate('sandbox_probe');
        $this->assertSame(['status' => 'success', 'description' => 'Probe activated'], $result);
        $this->assertTrue(Capsule::schema()->hasTable('mod_sandbox_probe'));
        $this->assertSame(
            ['version' => '1.0.0', 'access' => '1'],
            $this->sb->addons()->settings('sandbox_probe'),
            'defaults are not written on activation'
        );
        $this->assertSame('sandbox_probe', \WHMCS\Config\Setting::getValue('ActiveAddonModules'));
        $this->assertSame('sandbox_probe', \WHMCS\Config\Setting::getValue('AddonModulesHooks'));
        $this->assertSame([1, 5, 10, 20], array_column($this->sb->hooks()->functionsFor('InvoicePaid'), 'priority'));
        $this->assertSame(['activate'], $this->probeEvents());
    }

    public function testAFailedActivationLeavesTheAddonInactive(): void
    {
        putenv('SANDBOX_PROBE_FAIL=activate');
        $result = $this->sb->addons()->activate('sandbox_probe');
        $this->assertSame('error', $result['status']);
        $this->assertFalse($this->sb->addons()->isActive('sandbox_probe'));
        $this->assertSame([], $this->sb->addons()->settings('sandbox_probe'));
        $this->assertSame([], $this->sb->hooks()->functionsFor('InvoicePaid'));
    }

    public function testSavingSettingsWritesEveryFieldAsWhmcsStoresIt(): void
    {
        $this->sb->addons()->activate('sandbox_probe', ['api_key' => 's3cret', 'defer' => true, 'notes' => "a\nb"]);
        $this->assertSame([
            'version' => '1.0.0', 'access' => '1', 'api_key' => 's3cret', 'label' => 'Probe', 'enabled' => 'on',
            'defer' => 'on', 'notes' => "a\nb", 'mode' => 'fast', 'color' => 'g',
        ], $this->sb->addons()->settings('sandbox_probe'));
        $this->sb->addons()->saveSettings('sandbox_probe', ['enabled' => false, 'mode' => 'slow']);
        $settings = $this->sb->addons()->settings('sandbox_probe');
        $this->assertSame(['', 'slow', 'on', 's3cret'], [$settings['enabled'], $settings['mode'], $settings['defer'],
            $settings['api_key']], 'unchanged fields keep their stored value');
        $this->assertArrayNotHasKey('heading', $settings, 'a label field is not stored');
        $this->expectException(\InvalidArgumentException::class);
        $this->sb->addons()->saveSettings('sandbox_probe', ['no_such_field' => 'x']);
    }

    public function testHooksFileIsIncludedOncePerProcessAndReplayedPerPageLoad(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        $count = count($this->sb->hooks()->registered());
        $this->sb->newRequest();
        $this->sb->newRequest();
        $this->assertCount($count, $this->sb->hooks()->registered(), 'no double registrations');
        // A new sandbox in the same process (the file's functions already exist) still gets them.
        $again = Sandbox::boot($this->sandboxOptions());
        $again->addons()->activate('sandbox_probe');
        $this->assertCount($count, $again->hooks()->registered());
        $s = $again->scenarios();
        $invoice = $s->invoice($s->client());
        $s->pay($invoice);
        $this->assertSame(
            ['paid-priority-1', 'paid-priority-5', 'InvoicePaid', 'claim-won'],
            $this->probeEvents(['paid-priority-1', 'paid-priority-5', 'InvoicePaid', 'claim-won'])
        );
    }

    public function testTheProbeSeesTheSameOrderAndVarsAsTheLog(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        $s = $this->sb->scenarios();
        $client = $s->client('eu_business');
        $invoice = $s->invoice($client, [['Hosting', '10.00', true]]);
        $s->pay($invoice, '4.00');
        $s->pay($invoice);
        $this->sb->hooks()->clearLog();
        $s->refund($invoice, '1.00');
        $events = $this->probeEvents(['InvoiceCreation', 'InvoiceCreationPreEmail', 'InvoiceCreated', 'AddTransaction',
            'AddInvoicePayment', 'InvoicePaidPreEmail', 'InvoicePaid', 'ManualRefund']);
        $this->assertSame(['InvoiceCreation', 'InvoiceCreationPreEmail', 'InvoiceCreated', 'AddTransaction',
            'AddInvoicePayment', 'AddTransaction', 'AddInvoicePayment', 'InvoicePaidPreEmail', 'InvoicePaid',
            'AddTransaction', 'ManualRefund'], $events);
        $created = $this->probe(['InvoiceCreated'])[0]['vars'];
        $this->assertSame($invoice, $created['invoiceid'], 'an int survives into the addon');
        $paid = $this->probe(['InvoicePaid'])[0]['vars'];
        $this->assertSame(['object' => \WHMCS\Billing\Invoice::class], $paid['invoice']);
        $this->assertSame($client, $this->probe(['ClientAdd'])[0]['vars']['client_id']);
        $this->assertSame(
            '0.00',
            Capsule::table('tblinvoices')->where('id', $invoice)->value('tax'),
            'an EU business with a VAT number is exempt: no tax'
        );
    }

    public function testStrictTypesHandlerNeedsIntIds(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        $s = $this->sb->scenarios();
        $s->cancel($s->invoice($s->client()));
        $this->assertCount(1, $this->probe(['typed-cancel']));

        $strings = Sandbox::boot(['hookIds' => 'string'] + $this->sandboxOptions());
        $strings->addons()->activate('sandbox_probe');
        $s = $strings->scenarios();
        $s->cancel($s->invoice($s->client()));
        $this->expectHookErrors();
        $this->assertSame([], $this->probe(['typed-cancel']));
        $this->assertStringStartsWith('TypeError', $strings->hooks()->errors()[0]['error']);
    }

    public function testUpgradeRunsOnTheNextAdminAccessWithThePreviousVersion(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        putenv('SANDBOX_PROBE_VERSION=1.1.0');
        $this->assertSame([], $this->probe(['upgrade']), 'nothing happens before the addon is accessed');
        $page = $this->sb->admin()->render('sandbox_probe');
        $this->assertSame(200, $page->status);
        $this->assertSame([['from' => '1.0.0']], array_column($this->probe(['upgrade']), 'vars'));
        $this->assertSame('1.1.0', $this->sb->addons()->settings('sandbox_probe')['version']);
        $this->assertStringContainsString('1.1.0', $page->sidebar);
        $this->sb->admin()->render('sandbox_probe');
        $this->assertCount(1, $this->probe(['upgrade']), 'once');
    }

    public function testDeactivationStopsHooksAndDeletesSettingsButKeepsTables(): void
    {
        $this->sb->addons()->activate('sandbox_probe', ['api_key' => 'k']);
        $result = $this->sb->addons()->deactivate('sandbox_probe');
        $this->assertSame('success', $result['status']);
        $this->assertFalse($this->sb->addons()->isActive('sandbox_probe'));
        $this->assertSame([], $this->sb->addons()->settings('sandbox_probe'));
        $probeHooks = array_filter($this->sb->hooks()->registered(), fn ($r) => $r['source'] === 'sandbox_probe');
        $this->assertSame([], $probeHooks);
        $s = $this->sb->scenarios();
        $s->pay($s->invoice($s->client()));
        $this->assertSame(['activate', 'deactivate'], $this->probeEvents(), 'no hooks after deactivation');

        $this->sb->addons()->activate('sandbox_probe', ['api_key' => 'k']);
        $this->sb->addons()->deactivate('sandbox_probe', keepSettings: true);
        $this->assertSame('k', $this->sb->addons()->settings('sandbox_probe')['api_key']);
    }

    public function testAHooksFileAddedLaterIsOnlyLoadedAfterASave(): void
    {
        $root = sys_get_temp_dir() . '/whmcs-modules-' . bin2hex(random_bytes(4));
        mkdir($root . '/later_hooks', 0777, true);
        file_put_contents($root . '/later_hooks/later_hooks.php', "<?php\nfunction later_hooks_config() {"
            . " return ['name' => 'Later', 'version' => '1', 'fields' => []]; }\n");
        try {
            $sb = Sandbox::boot(['modules' => $root]);
            $sb->addons()->activate('later_hooks');
            $hooks = "<?php\nadd_hook('SandboxLater', 1, fn () => 'later');\n";
            file_put_contents($root . '/later_hooks/hooks.php', $hooks);
            $sb->newRequest();
            $this->assertSame([], run_hook('SandboxLater'), 'WHMCS cached "no hooks file" at activation');
            $sb->addons()->saveSettings('later_hooks', []);
            $this->assertSame(['later'], run_hook('SandboxLater'));
        } finally {
            array_map('unlink', glob($root . '/later_hooks/*') ?: []);
            rmdir($root . '/later_hooks');
            rmdir($root);
        }
    }

    public function testInvalidNamesAndMissingAddons(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->sb->addons()->activate('../etc');
    }
}
