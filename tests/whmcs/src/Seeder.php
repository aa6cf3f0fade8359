<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use WHMCS\Database\Capsule;

/**
 * The state of a freshly set-up WHMCS of a Dutch hosting company (baseline),
 * and small helpers to add more of each kind.
 *
 * Baseline: admins (admin, role Full Administrator; sales), settings
 * (Exclusive tax, EU VAT with NL home country, DD/MM/YYYY), currencies EUR
 * (default), USD and GBP, four gateways (banktransfer, paypalcheckout,
 * mollieideal, stripe as a CC gateway), tax rules (level 1: NL 21 % and the
 * standard rate of every other EU country), client custom fields "VAT Number",
 * "IBAN" and "Chamber of Commerce", and a small product catalogue.
 */
final class Seeder
{
    public const SETTINGS = [
        'Version' => '8.13.1-release.1',
        'SystemURL' => 'https://billing.example.test/',
        'CompanyName' => 'Example Hosting B.V.',
        'Email' => 'billing@example.test',
        'Domain' => 'https://www.example.test/',
        'Language' => 'english',
        'DateFormat' => 'DD/MM/YYYY',
        'ClientDateFormat' => '',
        'ModuleDebugMode' => '',
        'AddFundsEnabled' => 'on',
        'TaxEnabled' => 'on',
        'TaxType' => 'Exclusive',
        'TaxCode' => 'NL001234567B01',
        'TaxDomains' => 'on',
        'TaxBillableItems' => 'on',
        'TaxLateFee' => 'on',
        'TaxCustomInvoices' => 'on',
        'TaxL2Compound' => '',
        'TaxInclusiveDeduct' => 'on',
        'TaxPerLineItem' => '',
        'TaxVATEnabled' => 'on',
        'TaxEUTaxValidation' => '1',
        'TaxEUHomeCountry' => 'NL',
        'TaxEUTaxExempt' => 'on',
        'TaxEUHomeCountryNoExempt' => 'on',
        'TaxVatCustomFieldId' => '',
        'TaxCustomInvoiceNumbering' => '',
        'TaxCustomInvoiceNumberFormat' => '{YEAR}-{NUMBER}',
        'TaxNextCustomInvoiceNumber' => '1',
        'TaxAutoResetNumbering' => 'never',
        'SequentialInvoiceNumbering' => '',
        'SequentialInvoiceNumberFormat' => '{NUMBER}',
        'SequentialInvoiceNumberValue' => '1',
        'TaxAutoResetPaidNumbering' => 'never',
        'TaxSetInvoiceDateOnPayment' => '',
        'EnableProformaInvoicing' => '',
        'ActiveAddonModules' => '',
        'AddonModulesHooks' => '',
    ];

    /** The product catalogue: group => [[name, monthly price in cents (of EUR, net or gross per TaxType)], …]. */
    public const PRODUCTS = [
        'Web Hosting' => [['Webhosting Basic', 495], ['Webhosting Pro', 995], ['Webhosting Business', 1995]],
        'VPS' => [['VPS S', 1500], ['VPS M', 2900], ['VPS L', 5900]],
        'Reseller' => [['Reseller Start', 2500], ['Reseller Plus', 4900]],
    ];

    public function __construct(private readonly Sandbox $sb)
    {
    }

    public function baseline(): void
    {
        $now = $this->sb->clock->datetime();
        Capsule::connection()->transaction(function () use ($now): void {
            foreach ([['Full Administrator', 1], ['Sales Operator', 0], ['Support Operator', 0]] as [$name, $emails]) {
                Capsule::table('tbladminroles')->insert(['name' => $name, 'widgets' => '', 'reports' => '',
                    'systememails' => $emails, 'accountemails' => $emails, 'supportemails' => 1]);
            }
            $this->admin('admin', 1, 'Sandbox', 'Admin');
            $this->admin('sales', 2, 'Sales', 'Operator');
            $rows = [];
            foreach (self::SETTINGS as $setting => $value) {
                $rows[] = ['setting' => $setting, 'value' => $value, 'created_at' => $now, 'updated_at' => $now];
            }
            Capsule::table('tblconfiguration')->insert($rows);
            $this->currency('EUR', '€', ' EUR', 3, '1.00000', true);
            $this->currency('USD', '$', ' USD', 2, '1.08000');
            $this->currency('GBP', '£', ' GBP', 2, '0.86000');
            $this->gateway('banktransfer', 'Bank Transfer');
            $this->gateway('paypalcheckout', 'PayPal');
            $this->gateway('mollieideal', 'iDEAL via Mollie');
            $this->gateway('stripe', 'Credit Card (Stripe)', 'CC');
            $this->taxRule(1, 'NL', '21.000', 'BTW');
            foreach (Countries::euRates() as $country => $rate) {
                if ($country !== 'NL') {
                    $this->taxRule(1, $country, Money::formatRate($rate), 'VAT');
                }
            }
            $this->customField('VAT Number', 1);
            $this->customField('IBAN', 2);
            $this->customField('Chamber of Commerce', 3);
            $order = 0;
            foreach (self::PRODUCTS as $group => $products) {
                $gid = (int) Capsule::table('tblproductgroups')->insertGetId(['name' => $group, 'order' => ++$order,
                    'created_at' => $now, 'updated_at' => $now]);
                foreach ($products as $i => [$name]) {
                    Capsule::table('tblproducts')->insert(['type' => $group === 'Reseller' ? 'reselleraccount'
                        : ($group === 'VPS' ? 'server' : 'hostingaccount'), 'gid' => $gid, 'name' => $name,
                        'paytype' => 'recurring', 'tax' => 1, 'order' => $i, 'created_at' => $now,
                        'updated_at' => $now]);
                }
            }
        });
    }

    public function admin(
        string $username,
        int $roleId,
        string $first = '',
        string $last = '',
        string $language = 'english'
    ): int {
        $now = $this->sb->clock->datetime();
        return (int) Capsule::table('tbladmins')->insertGetId([
            'uuid' => Api\ClientCommands::uuid(), 'roleid' => $roleId, 'username' => $username,
            'password' => '', 'firstname' => $first, 'lastname' => $last, 'email' => $username . '@example.test',
            'language' => $language, 'disabled' => 0, 'created_at' => $now, 'updated_at' => $now,
        ]);
    }

    /** @param int $format 1 = 1234.56, 2 = 1,234.56, 3 = 1.234,56, 4 = 1,234 */
    public function currency(
        string $code,
        string $prefix,
        string $suffix,
        int $format,
        string $rate,
        bool $default = false
    ): int {
        return (int) Capsule::table('tblcurrencies')->insertGetId(['code' => $code, 'prefix' => $prefix,
            'suffix' => $suffix, 'format' => $format, 'rate' => $rate, 'default' => $default ? 1 : 0]);
    }

    /** An active gateway: its name, type ('Invoices' or 'CC') and visible rows. */
    public function gateway(string $module, string $displayName, string $type = 'Invoices'): void
    {
        $order = (int) Capsule::table('tblpaymentgateways')->max('order') + 1;
        foreach (['name' => $displayName, 'type' => $type, 'visible' => 'on'] as $setting => $value) {
            Capsule::table('tblpaymentgateways')->insert(['gateway' => $module, 'setting' => $setting,
                'value' => $value, 'order' => $order]);
        }
    }

    /** Deactivating a gateway removes its rows. */
    public function removeGateway(string $module): void
    {
        Capsule::table('tblpaymentgateways')->where('gateway', $module)->delete();
    }

    /** @param string $country '' = all countries */
    public function taxRule(int $level, string $country, string $rate, string $name = 'VAT', string $state = ''): int
    {
        return (int) Capsule::table('tbltax')->insertGetId(['level' => $level, 'name' => $name, 'state' => $state,
            'country' => $country, 'taxrate' => Money::formatRate(Money::rate($rate))]);
    }

    public function customField(
        string $name,
        int $sortOrder = 0,
        string $type = 'client',
        string $fieldType = 'text'
    ): int {
        $now = $this->sb->clock->datetime();
        return (int) Capsule::table('tblcustomfields')->insertGetId(['type' => $type, 'relid' => 0,
            'fieldname' => $name, 'fieldtype' => $fieldType, 'description' => '', 'fieldoptions' => '',
            'regexpr' => '', 'adminonly' => '', 'required' => '', 'showorder' => 'on', 'showinvoice' => '',
            'sortorder' => $sortOrder, 'created_at' => $now, 'updated_at' => $now]);
    }

    /** The id of a client custom field by its name, or null. */
    public static function customFieldId(string $name): ?int
    {
        $id = Capsule::table('tblcustomfields')->where('type', 'client')->where('fieldname', $name)->value('id');
        return $id === null ? null : (int) $id;
    }
}
