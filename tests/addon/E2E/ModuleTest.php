<?php

declare(strict_types=1);

namespace AcumulusAddonTest\E2E;

use AcumulusAddonTest\AddonTestCase;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Acumulus;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * Issue 7 item 1: the module contract. Every option of the manual under the
 * previous module's keys; dropdowns from cached picklists; a credential check
 * that tells wrong credentials from an unreachable Acumulus; upgrade by
 * version; deactivation keeps the data.
 */
final class ModuleTest extends AddonTestCase
{
    /** The keys of the previous module's settings (reference-module.md §1), typos included. */
    private const REFERENCE_KEYS = [
        'acumulus_code', 'acumulus_username', 'acumulus_password', 'acumulus_credentials_check',
        'acumulus_emailaspdf', 'acumulus_customer_import_enabled', 'acumulus_hook_invoice_create_enabled',
        'acumulus_hook_invoice_paid_enabled', 'acumulus_hook_invoice_canceled_enabled',
        'acumulus_customer_type', 'acumulus_customer_countryautoname', 'acumulus_customer_overwriteifexists',
        'acumulus_customer_disableduplicates', 'acumulus_whmcs_vatfield', 'acumulus_whmcs_ibanfield',
        'acumulus_cusromer_mark', 'acumulus_invoice_default_costcenter', 'acumulus_invoice_default_nature',
        'acumulus_use_acumulus_invoice_numbering', 'acumulus_invoice_description',
        'acumulus_creditinvoice_description', 'acumulus_invoice_descriptiontext', 'acumulus_invoice_invoicenotes',
        'acumulus_invoice_template', 'acumulus_summarize_invoice', 'acumulus_invoice_correction',
        'acumulus_invoice_correction_text', 'acumulus_summarization_text_taxed', 'acumulus_summarization_text_untaxed',
        'acumulus_invoice_use_last_paymentmethod', 'acumulus_warning_email_address', 'acumulus_error_email_address',
        'acumulus_emailaspdf_emailbcc', 'acumulus_emailaspdf_emailfrom', 'acumulus_emailaspdf_subject',
        'acumulus_emailaspdf_message', 'acumulus_emailaspdf_confirmreading',
    ];

    private function fields(): array
    {
        $this->sb->newRequest();
        return acumulus_connect_config()['fields'];
    }

    public function testEveryOptionOfThePreviousModuleIsThereUnderItsKeyWithTheMappersDefault(): void
    {
        $fields = $this->fields();
        foreach (self::REFERENCE_KEYS as $key) {
            self::assertArrayHasKey($key, $fields, "setting $key");
        }
        foreach (['banktransfer', 'mollieideal', 'paypalcheckout'] as $gw) {
            self::assertArrayHasKey("acumulus_AccountNumber_$gw", $fields, 'one account per active gateway');
        }
        // the form's defaults are what the mapper assumes for a missing row
        foreach (\Acumulus\InvoiceMapper::defaultSettings() as $key => $default) {
            if (!str_starts_with($key, 'acumulus_AccountNumber_') && isset($fields[$key]['Type'])) {
                self::assertSame($default, (string) ($fields[$key]['Default'] ?? ''), "default of $key");
            }
        }
        self::assertSame('4.0.0', acumulus_connect_config()['version']);
    }

    public function testTheCredentialCheckTellsWrongCredentialsFromAnUnreachableAcumulusAndIsCached(): void
    {
        self::$sim->resetCounters();
        $ok = Acumulus::check(Settings::load(), true);
        self::assertSame('ok', $ok['status'], $ok['message']);
        $this->fields();
        $this->fields();
        self::assertSame(1, self::$sim->counters()['requests']['general/general_about'] ?? 0,
            'the settings page does not call Acumulus on every render');
        // the picklists came with it: the dropdowns offer Acumulus' cost centers, templates, accounts
        $fields = $this->fields();
        self::assertArrayHasKey('48663 Algemeen', $fields['acumulus_invoice_default_costcenter']['Options']);
        self::assertArrayHasKey('52884 Factuur', $fields['acumulus_invoice_template']['Options']);
        self::assertArrayHasKey('147659 123456789 (PayPal)', $fields['acumulus_AccountNumber_paypalcheckout']['Options']);

        $this->sb->addons()->saveSettings('acumulus_connect', ['acumulus_password' => 'not-it'] + $this->addonSettings());
        $wrong = Acumulus::check(Settings::load());
        self::assertSame('credentials', $wrong['status'], 'changed credentials are checked again');
        self::assertStringContainsString('does not accept', $wrong['message']);

        $this->sb->addons()->saveSettings('acumulus_connect', $this->addonSettings());
        self::$sim->setFault('general/general_about', '503', 5);
        $down = Acumulus::check(Settings::load(), true);
        self::assertSame('unreachable', $down['status']);
        self::assertStringContainsString('could not be reached', $down['message']);
        self::assertStringNotContainsString('sim-Secret-5', json_encode([$ok, $wrong, $down]));

        self::$sim->clearFaults();
        // an API-invoerder (the simulator's apientry user): works, with advice
        $this->sb->addons()->saveSettings('acumulus_connect',
            ['acumulus_username' => 'apientry', 'acumulus_password' => 'sim-Secret-6'] + $this->addonSettings());
        $role = Acumulus::check(Settings::load());
        self::assertSame('warning', $role['status'], $role['message']);
        self::assertStringContainsString('API-gebruiker', $role['message']);
    }

    public function testTheErrorAndWarningAddressesGoTheRightWayRound(): void
    {
        $this->sb->addons()->saveSettings('acumulus_connect', [
            'acumulus_warning_email_address' => 'warnings@example.nl',
            'acumulus_error_email_address' => 'errors@example.nl',
        ] + $this->addonSettings());
        $this->newInvoice();
        $this->endRequest();
        $xml = '';
        foreach (self::$sim->requests() as $r) {
            if (($r['endpoint'] ?? '') === 'invoices/invoice_add') {
                $xml = (string) ($r['xml'] ?? $r['request'] ?? json_encode($r));
            }
        }
        self::assertMatchesRegularExpression('#<emailonerror>errors@example\.nl</emailonerror>#', $xml);
        self::assertMatchesRegularExpression('#<emailonwarning>warnings@example\.nl</emailonwarning>#', $xml);
    }

    public function testProformaInvoicingBooksAnInvoiceWhenItIsPaid(): void
    {
        $this->sb->configure(['EnableProformaInvoicing' => 'on']);
        $inv = $this->newInvoice();
        $this->endRequest();
        self::assertCount(0, $this->entries());
        self::assertStringContainsString('proforma', (string) $this->ledgerRow($inv)->notes);
        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-P');
        $this->endRequest();
        $e = $this->entries();
        self::assertCount(1, $e);
        self::assertSame('2', (string) $e[0]['paymentstatus']);
    }

    public function testAnUpgradeFromThePreviousModuleRunsByVersionAndKeepsEverything(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->addons()->writeSetting('acumulus_connect', 'acumulus_emailaspdf', 'no');
        $this->sb->addons()->writeSetting('acumulus_connect', 'version', '3.11');
        $this->sb->newRequest();
        self::assertSame('3.11', $this->sb->addons()->upgradeIfNeeded('acumulus_connect'));
        self::assertSame('', $this->sb->addons()->settings('acumulus_connect')['acumulus_emailaspdf']);
        self::assertStringContainsString('upgraded from 3.11 to 4.0.0', $this->activity());
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        // a second access with the same version does nothing
        self::assertNull($this->sb->addons()->upgradeIfNeeded('acumulus_connect'));
    }

    public function testDeactivationKeepsTheLedger(): void
    {
        $inv = $this->newInvoice();
        $this->endRequest();
        $this->sb->addons()->deactivate('acumulus_connect', keepSettings: true);
        self::assertTrue(Capsule::schema()->hasTable('mod_acumulus_connect'));
        self::assertSame('booked', $this->ledgerRow($inv)->state);
        $this->sb->addons()->activate('acumulus_connect', $this->addonSettings());
        $this->sb->scenarios()->pay($inv, null, 'banktransfer', 'TX-D');
        $this->endRequest();
        self::assertCount(1, $this->entries(), 'after activating again the link is still there: paid, not booked twice');
        self::assertSame('2', (string) $this->entries()[0]['paymentstatus']);
    }

    public function testTheOssThresholdFromAcumulusDecidesForAnEuConsumerAtTheSameRate(): void
    {
        // a Belgian consumer charged 21 %: Dutch VAT below the OSS threshold,
        // Belgian VAT above it; Acumulus' report says which (cached a day)
        $s = $this->sb->scenarios();
        $be = $s->client('eu_consumer', ['country' => 'BE', 'postcode' => '1000', 'city' => 'Brussel']);
        self::$sim->setFault('reports/report_threshold_eu_ecommerce', '503', 5);
        $unknown = $s->invoice($be, [['Webhosting', '10.00', true]]);
        $this->endRequest();
        $doc = $this->documents($unknown)[0];
        self::assertSame('concept', $doc->state, 'threshold unknown: a concept, not a guess');
        self::assertStringContainsString('vat.oss_unknown', (string) $doc->warnings);

        self::$sim->clearFaults();
        \WHMCS\Database\Capsule::table('mod_acumulus_connect_cache')->where('name', 'like', 'oss_threshold_%')->delete();
        $known = $s->invoice($be, [['Webhosting', '10.00', true]]);
        $this->endRequest();
        $doc = $this->documents($known)[0];
        self::assertSame('booked', $doc->state);
        self::assertSame(1, (int) $doc->vattype, 'below the threshold: Dutch VAT');
        $year = substr((string) $this->sb->api('GetInvoice', ['invoiceid' => $known])['date'], 0, 4);
        self::assertSame(['reached' => false], json_decode((string) \WHMCS\Module\Addon\AcumulusConnect\Cache::get('oss_threshold_' . $year), true));
    }
}
