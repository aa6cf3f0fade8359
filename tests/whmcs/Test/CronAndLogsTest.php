<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Config\Setting;
use WHMCS\Database\Capsule;

/** The cron's hooks, the activity and module logs, and the other global helpers of ref §5. */
final class CronAndLogsTest extends TestCase
{
    public function testAnOrdinaryCronRun(): void
    {
        $this->sb->hooks()->clearLog();
        $ran = [];
        $report = $this->sb->cron()->run(false, ['Retry queue' => function () use (&$ran): void {
            $ran[] = $_SESSION['adminid'] ?? 'no admin';
        }]);
        $this->assertSame(
            ['PreCronJob', 'PreAutomationTask', 'PostAutomationTask', 'AfterCronJob'],
            $this->sb->hooks()->fired()
        );
        $this->assertSame(['no admin'], $ran, 'the cron runs without an admin session');
        $this->assertSame(1, $_SESSION['adminid'], "the admin's session is back afterwards");
        $post = $this->sb->hooks()->varsOf('PostAutomationTask')[0];
        $this->assertSame(['task' => 'Retry queue', 'completed' => true], $post);
        $this->assertSame(['tasks' => ['Retry queue' => true], 'reportEmail' => false], $report);
    }

    public function testTheDailyRunAndItsReportEmail(): void
    {
        $this->sb->hooks()->clearLog();
        $report = $this->sb->cron()->run(true, ['Broken' => function (): void {
            throw new \RuntimeException('task failed');
        }]);
        $this->assertSame(['PreCronJob', 'PreAutomationTask', 'PostAutomationTask', 'DailyCronJobPreEmail',
            'EmailPreSend', 'DailyCronJob', 'AfterCronJob'], $this->sb->hooks()->fired());
        $this->assertFalse($this->sb->hooks()->varsOf('PostAutomationTask')[0]['completed']);
        $this->assertTrue($report['reportEmail']);

        add_hook('DailyCronJobPreEmail', 1, fn () => true);
        $this->sb->hooks()->clearLog();
        $report = $this->sb->cron()->run(true);
        $this->assertFalse($report['reportEmail'], 'returning true suppresses the report');
        $this->assertSame(
            ['PreCronJob', 'DailyCronJobPreEmail', 'DailyCronJob', 'AfterCronJob'],
            $this->sb->hooks()->fired()
        );
    }

    public function testTheProbeHearsTheCron(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        $this->sb->cron()->run(true);
        $cron = ['PreCronJob', 'DailyCronJob', 'AfterCronJob'];
        $this->assertSame($cron, $this->probeEvents($cron));
    }

    public function testLogActivityWritesARowAndFiresItsHook(): void
    {
        $this->sb->hooks()->clearLog();
        logActivity('Sent invoice 12 to Acumulus', 7);
        $row = $this->sb->logs()->activity()[0];
        $this->assertSame(
            ['Sent invoice 12 to Acumulus', 'admin', 7, 1, '127.0.0.1', '2026-12-01 10:00:00'],
            [$row->description, $row->user, $row->userid, $row->admin_id, $row->ipaddr, $row->date]
        );
        $this->assertSame([['description' => 'Sent invoice 12 to Acumulus', 'user' => 'admin', 'userid' => 7,
            'ipaddress' => '127.0.0.1']], $this->sb->hooks()->varsOf('LogActivity'));
        $this->sb->newRequest([], 0);
        logActivity('From the cron');
        $this->assertSame('System', $this->sb->logs()->activity()[1]->user);
    }

    public function testModuleLogOnlyInDebugModeAndWithSecretsMasked(): void
    {
        logModuleCall('acumulus_connect', 'invoice_add', ['password' => 'p@ss&<'], 'ok', [], ['p@ss&<']);
        $this->assertSame([], $this->sb->logs()->module(), 'ModuleDebugMode is off');
        Setting::setValue('ModuleDebugMode', 'on');
        logModuleCall(
            'acumulus_connect',
            'invoice_add',
            ['contract' => ['password' => 'p@ss&<', 'code' => 'C1']],
            '<status>0</status><echo>p@ss&<</echo>',
            ['status' => 0],
            ['p@ss&<', '']
        );
        $row = $this->sb->logs()->module('acumulus_connect')[0];
        $this->assertSame('invoice_add', $row->action);
        $this->assertStringNotContainsString('p@ss&<', $row->request . $row->response . $row->arrdata);
        $this->assertStringContainsString('[password] => ******', $row->request, 'print_r form, masked');
        $this->assertStringContainsString('[code] => C1', $row->request);
        $this->assertSame('<status>0</status><echo>******</echo>', $row->response);
        $this->assertStringContainsString('[status] => 0', $row->arrdata);
    }

    /** @dataProvider dateFormats */
    public function testDateHelpersFollowDateFormat(string $format, string $shown): void
    {
        Setting::setValue('DateFormat', $format);
        $this->assertSame('2026-12-31', toMySQLDate($shown));
        $this->assertSame($shown, fromMySQLDate('2026-12-31'));
        $this->assertSame($shown . ' 17:05', fromMySQLDate('2026-12-31 17:05:09', true));
        $this->assertSame(str_replace(['31', '12'], ['01', '12'], $shown), getTodaysDate());
    }

    /** @return array<string,array{string,string}> */
    public static function dateFormats(): array
    {
        return [
            'DD/MM/YYYY' => ['DD/MM/YYYY', '31/12/2026'], 'DD.MM.YYYY' => ['DD.MM.YYYY', '31.12.2026'],
            'DD-MM-YYYY' => ['DD-MM-YYYY', '31-12-2026'], 'MM/DD/YYYY' => ['MM/DD/YYYY', '12/31/2026'],
            'YYYY/MM/DD' => ['YYYY/MM/DD', '2026/12/31'], 'YYYY-MM-DD' => ['YYYY-MM-DD', '2026-12-31'],
        ];
    }

    public function testDateHelperEdges(): void
    {
        $this->assertSame('', fromMySQLDate('0000-00-00'));
        $this->assertSame('', toMySQLDate('31-31-2026'));
        $this->assertSame('2026-12-31', toMySQLDate('2026-12-31'), 'a MySQL date passes');
        Setting::setValue('ClientDateFormat', 'MM/DD/YYYY');
        $this->assertSame('12/31/2026', fromMySQLDate('2026-12-31', false, true));
        $this->assertSame('31/12/2026', fromMySQLDate('2026-12-31'));
    }

    public function testCurrencyHelpers(): void
    {
        $client = $this->sb->scenarios()->client('us');
        $this->assertSame(
            ['id' => 2, 'code' => 'USD', 'prefix' => '$', 'suffix' => ' USD', 'format' => 2, 'rate' => '1.08000'],
            getCurrency($client)
        );
        $this->assertSame('EUR', getCurrency()['code']);
        $this->assertSame('€1.234,50 EUR', (string) formatCurrency('1234.5', 1));
        $this->assertSame('$1,234,567.89 USD', (string) formatCurrency(1234567.89, 2));
        $this->assertSame('-1,234.50', formatCurrency('-1234.50', 2)->toNumeric());
        Capsule::table('tblcurrencies')->where('id', 3)->update(['format' => 4]);
        $this->assertSame('£1,235 GBP', (string) formatCurrency('1234.50', 3));
        Capsule::table('tblcurrencies')->where('id', 3)->update(['format' => 1]);
        $this->assertSame('£1234.50', formatCurrency('1234.5', 3)->toPrefixed());
    }

    public function testSettingClass(): void
    {
        $this->assertSame('Exclusive', Setting::getValue('TaxType'));
        $this->assertNull(Setting::getValue('NoSuchSetting'));
        Setting::setValue('NewSetting', 'x');
        $this->assertSame('x', Setting::getValue('NewSetting'));
    }

    public function testGatewayCallbackHelpers(): void
    {
        $s = $this->sb->scenarios();
        $invoice = $s->invoice($s->client(), [['A', '10.00', true]]);
        $this->sb->hooks()->clearLog();
        logTransaction('mollieideal', ['id' => 'tr_1', 'status' => 'paid'], 'Successful');
        addInvoicePayment($invoice, 'tr_1', '12.10', '0.29', 'mollieideal');
        $this->assertSame(['LogTransaction', 'AddTransaction', 'AddInvoicePayment', 'InvoicePaidPreEmail',
            'EmailPreSend', 'InvoicePaid'], $this->sb->hooks()->fired());
        $transaction = localAPI('GetInvoice', ['invoiceid' => $invoice])['transactions']['transaction'][0];
        $this->assertSame('0.29', $transaction['fees']);
        $this->assertStringContainsString('[status] => paid', $this->sb->hooks()->varsOf('LogTransaction')[0]['data']);
    }
}
