<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Api\LocalApi;
use WhmcsSandbox\Seeder;

/**
 * The shape and the types of every localAPI answer (ref §6), on the lane's
 * database, and what the write commands store.
 */
final class ApiShapesTest extends TestCase
{
    private const MONEY = '/^-?\d+\.\d{2}$/';
    private const RATE = '/^\d+\.\d{3}$/';
    private const IBAN = 'GR1601101250000000012300695';

    public function testGetInvoiceShapeWithoutAndWithTransactions(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $lines = [['Webhosting & more', '9.95', true], ['Setup', '5.00', false]];
        $invoice = $this->sb->scenarios()->invoice($client, $lines);
        $r = localAPI('GetInvoice', ['invoiceid' => (string) $invoice]);

        $this->assertSame('success', $r['result']);
        $this->assertSame($invoice, $r['invoiceid']);
        $this->assertSame($client, $r['userid']);
        $this->assertSame('', $r['invoicenum']);
        $this->assertSame('2026-12-01', $r['date']);
        $this->assertSame('0000-00-00 00:00:00', $r['datepaid']);
        foreach (['subtotal', 'credit', 'tax', 'tax2', 'total', 'balance'] as $k) {
            $this->assertIsString($r[$k], $k);
            $this->assertMatchesRegularExpression(self::MONEY, $r[$k], $k);
        }
        $this->assertSame('21.000', $r['taxrate']);
        $this->assertSame('0.000', $r['taxrate2']);
        $this->assertSame(['14.95', '2.09', '17.04', '17.04'], [$r['subtotal'], $r['tax'], $r['total'], $r['balance']]);
        $this->assertFalse($r['ccgateway']);
        $this->assertSame('Unpaid', $r['status']);
        $this->assertSame('', $r['transactions'], 'no transactions: an empty string, not an empty list');
        $this->assertCount(2, $r['items']['item']);
        $item = $r['items']['item'][0];
        $this->assertSame(['id', 'type', 'relid', 'description', 'amount', 'taxed'], array_keys($item));
        $this->assertIsInt($item['id']);
        $this->assertSame('', $item['type']);
        $this->assertSame(0, $item['relid']);
        $this->assertSame('Webhosting & more', $item['description']);
        $this->assertSame('9.95', $item['amount']);
        $this->assertSame(1, $item['taxed']);
        $this->assertSame(0, $r['items']['item'][1]['taxed']);

        $this->sb->scenarios()->pay($invoice, '10.00', 'stripe', 'ch_1');
        $r = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame('7.04', $r['balance']);
        $tx = $r['transactions']['transaction'];
        $this->assertCount(1, $tx);
        $this->assertSame(
            ['id', 'userid', 'currency', 'gateway', 'date', 'description', 'amountin', 'fees', 'amountout', 'rate',
                'transid', 'invoiceid', 'refundid'],
            array_keys($tx[0])
        );
        $this->assertSame(['10.00', '0.00', 'stripe', 'ch_1', $invoice, 0], [$tx[0]['amountin'], $tx[0]['amountout'],
            $tx[0]['gateway'], $tx[0]['transid'], $tx[0]['invoiceid'], $tx[0]['refundid']]);
        $this->assertSame('1.00000', $tx[0]['rate']);
    }

    public function testGetInvoiceErrorsAndCaseInsensitiveCommands(): void
    {
        $notFound = ['result' => 'error', 'message' => 'Invoice ID Not Found'];
        $this->assertSame($notFound, localAPI('GetInvoice', ['invoiceid' => 999]));
        $this->assertSame(['result' => 'error', 'message' => 'Invoice ID Not Found'], localAPI('GetInvoice', []));
        $this->assertSame('success', localAPI('getcurrencies')['result']);
        $this->assertSame('success', localAPI('GETPAYMENTMETHODS')['result']);
        $this->assertSame('error', localAPI('NoSuchCommand')['result']);
        $this->assertSame('error', localAPI('GetCurrencies', [], 'nobody')['result']);
        $this->assertSame('success', localAPI('GetCurrencies', [], 'admin')['result']);
    }

    public function testGetInvoicesListsWithClientAndCurrency(): void
    {
        $s = $this->sb->scenarios();
        $uk = $s->client('uk');
        $nl = $s->client('nl_consumer');
        $a = $s->invoice($uk, [['A', '10.00', true]], ['duedate' => '2026-11-01']);
        $b = $s->invoice($nl, [['B', '20.00', true]]);
        $c = $s->invoice($nl, [['C', '30.00', false]]);
        $s->pay($c);

        $all = localAPI('GetInvoices', []);
        $this->assertSame(3, $all['totalresults']);
        $this->assertSame(0, $all['startnumber']);
        $this->assertSame(3, $all['numreturned']);
        $first = $all['invoices']['invoice'][0];
        $this->assertSame($a, $first['id']);
        $this->assertSame('GBP', $first['currencycode']);
        $this->assertSame('£', $first['currencyprefix']);
        foreach (
            ['id', 'userid', 'firstname', 'lastname', 'companyname', 'invoicenum', 'date', 'duedate', 'datepaid',
            'last_capture_attempt', 'date_refunded', 'date_cancelled', 'subtotal', 'credit', 'tax', 'tax2', 'total',
            'taxrate', 'taxrate2', 'status', 'paymentmethod', 'paymethodid', 'notes', 'created_at', 'updated_at',
            'currencycode', 'currencyprefix', 'currencysuffix'] as $key
        ) {
            $this->assertArrayHasKey($key, $first);
        }
        $this->assertMatchesRegularExpression(self::MONEY, $first['total']);
        $this->assertMatchesRegularExpression(self::RATE, $first['taxrate']);

        $this->assertSame([$b, $c], self::invoiceIds(['userid' => $nl]));
        $this->assertSame([$c], self::invoiceIds(['status' => 'Paid']));
        $this->assertSame([$a], self::invoiceIds(['status' => 'Overdue']));
        $page = localAPI('GetInvoices', ['limitstart' => 1, 'limitnum' => 1, 'orderby' => 'total', 'order' => 'desc']);
        $this->assertSame(3, $page['totalresults']);
        $this->assertSame(1, $page['numreturned']);
        $this->assertSame($b, $page['invoices']['invoice'][0]['id']);
        $this->assertSame([], localAPI('GetInvoices', ['userid' => 4242])['invoices']['invoice']);
    }

    public function testGetClientsDetailsShape(): void
    {
        $vatField = Seeder::customFieldId('VAT Number');
        $ibanField = Seeder::customFieldId('IBAN');
        $r = localAPI('AddClient', [
            'firstname' => 'Eleni', 'lastname' => 'Papadopoulou', 'companyname' => 'Acropolis Web IKE',
            'email' => 'eleni@example.gr', 'address1' => 'Odos Ermou 5', 'city' => 'Athina', 'state' => 'Attica',
            'postcode' => '10563', 'country' => 'GR', 'phonenumber' => '2101234567', 'tax_id' => 'EL123456789',
            'currency' => 1,
            'customfields' => base64_encode(serialize([$vatField => 'EL123456789', $ibanField => self::IBAN])),
        ]);
        $this->assertSame('success', $r['result']);
        $this->assertIsInt($r['clientid']);
        $d = localAPI('GetClientsDetails', ['clientid' => $r['clientid'], 'stats' => false]);
        $this->assertSame('success', $d['result']);
        $c = $d['client'];
        foreach (['client_id', 'userid', 'id', 'owner_user_id', 'currency', 'groupid', 'billingcid'] as $k) {
            $this->assertIsInt($c[$k], $k);
        }
        $this->assertSame($r['clientid'], $c['id']);
        $this->assertSame('GR', $c['countrycode']);
        $this->assertSame('GR', $c['country']);
        $this->assertSame('Greece', $c['countryname']);
        $this->assertSame('Eleni Papadopoulou', $c['fullname']);
        $this->assertSame('EL123456789', $c['tax_id']);
        $this->assertSame('EUR', $c['currency_code']);
        $this->assertSame('0.00', $c['credit']);
        $this->assertSame('+30.2101234567', $c['phonenumberformatted']);
        $this->assertTrue($c['taxexempt'], 'a valid EU VAT number outside the home country is exempt (TaxEUTaxExempt)');
        foreach (
            ['latefeeoveride', 'overideduenotices', 'separateinvoices', 'disableautocc', 'emailoptout',
            'marketing_emails_opt_in', 'overrideautoclose', 'email_verified', 'isOptedInToMarketingEmails'] as $flag
        ) {
            $this->assertFalse($c[$flag], $flag);
        }
        $this->assertSame(
            [['id' => $vatField, 'value' => 'EL123456789'], ['id' => $ibanField, 'value' => self::IBAN],
                ['id' => Seeder::customFieldId('Chamber of Commerce'), 'value' => '']],
            $c['customfields']
        );
        $this->assertSame('EL123456789', $c['customfields1']);
        $this->assertSame(self::IBAN, $c['customfields2']);
        $this->assertSame('', $c['customfields3']);
        $this->assertSame('eleni@example.gr', $c['users']['user'][0]['email']);
        $this->assertTrue($c['users']['user'][0]['is_owner']);
        $this->assertSame($c['email'], $d['email'], 'the client fields are repeated at the top level');
        $this->assertArrayNotHasKey('stats', $d);

        $byEmail = localAPI('GetClientsDetails', ['email' => 'eleni@example.gr', 'stats' => true]);
        $this->assertSame($r['clientid'], $byEmail['client']['id']);
        $this->assertSame(0, $byEmail['stats']['numdueinvoices']);
        $this->assertSame('€0,00 EUR', $byEmail['stats']['creditbalance']);

        $this->assertSame('Either clientid Or email Is Required', localAPI('GetClientsDetails', [])['message']);
        $this->assertSame('Client Not Found', localAPI('GetClientsDetails', ['clientid' => 999])['message']);
        $this->assertSame('You did not enter your city', localAPI('AddClient', ['firstname' => 'a', 'lastname' => 'b',
            'email' => 'a@b.c', 'address1' => 'x'])['message']);
    }

    public function testHomeCountryVatNumberIsNotExempt(): void
    {
        $id = localAPI('AddClient', ['firstname' => 'Jan', 'lastname' => 'Jansen', 'companyname' => 'Jansen B.V.',
            'email' => 'jan@example.nl', 'address1' => 'Kerkstraat 1', 'city' => 'Utrecht', 'state' => 'Utrecht',
            'postcode' => '3511 AB', 'country' => 'NL', 'phonenumber' => '0301234567',
            'tax_id' => 'NL001234567B01'])['clientid'];
        $this->assertFalse(localAPI('GetClientsDetails', ['clientid' => $id])['client']['taxexempt']);
    }

    public function testPaymentMethodsAndCurrencies(): void
    {
        $pm = localAPI('GetPaymentMethods');
        $this->assertSame(4, $pm['totalresults']);
        $first = $pm['paymentmethods']['paymentmethod'][0];
        $this->assertSame(['module' => 'banktransfer', 'displayname' => 'Bank Transfer'], $first);
        $this->assertSame(
            ['banktransfer', 'paypalcheckout', 'mollieideal', 'stripe'],
            array_column($pm['paymentmethods']['paymentmethod'], 'module')
        );
        $this->sb->seeder()->removeGateway('paypalcheckout');
        $this->assertSame(
            ['banktransfer', 'mollieideal', 'stripe'],
            array_column(localAPI('GetPaymentMethods')['paymentmethods']['paymentmethod'], 'module')
        );

        $cur = localAPI('GetCurrencies');
        $this->assertSame(3, $cur['totalresults']);
        $this->assertSame(
            ['id' => 1, 'code' => 'EUR', 'prefix' => '€', 'suffix' => ' EUR', 'format' => 3, 'rate' => '1.00000'],
            $cur['currencies']['currency'][0]
        );
        $this->assertSame('1.08000', $cur['currencies']['currency'][1]['rate']);
    }

    public function testCreateInvoiceOptionsAndErrors(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $r = localAPI('CreateInvoice', ['userid' => $client, 'itemdescription1' => 'A', 'itemamount1' => 12.5,
            'itemtaxed1' => true, 'itemdescription2' => 'B', 'itemamount2' => '0.99', 'itemtaxed2' => '0',
            'taxrate' => '9', 'paymentmethod' => 'mollieideal', 'date' => '2026-11-15', 'duedate' => '2026-11-29',
            'notes' => 'Thanks']);
        $this->assertSame('success', $r['result']);
        $this->assertSame('Unpaid', $r['status']);
        $i = localAPI('GetInvoice', ['invoiceid' => $r['invoiceid']]);
        $this->assertSame(
            ['9.000', '13.49', '1.13', '14.62', 'mollieideal', '2026-11-15', '2026-11-29', 'Thanks'],
            [$i['taxrate'], $i['subtotal'], $i['tax'], $i['total'], $i['paymentmethod'], $i['date'], $i['duedate'],
                $i['notes']]
        );
        $this->assertSame(['A', 'B'], array_column($i['items']['item'], 'description'));

        $draft = localAPI('CreateInvoice', ['userid' => $client, 'draft' => true, 'itemdescription1' => 'D',
            'itemamount1' => '1']);
        $this->assertSame('Draft', $draft['status']);
        $this->assertSame('Client ID Not Found', localAPI('CreateInvoice', ['userid' => 999])['message']);
        $this->assertStringStartsWith(
            'Cannot create and send a draft invoice',
            localAPI('CreateInvoice', ['userid' => $client, 'draft' => 1, 'sendinvoice' => 1])['message']
        );
    }

    public function testUpdateInvoiceEditsLinesAndRecalculates(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $invoice = $this->sb->scenarios()->invoice($client, [['Old', '10.00', true], ['Gone', '5.00', true]]);
        $items = localAPI('GetInvoice', ['invoiceid' => $invoice])['items']['item'];
        $r = localAPI('UpdateInvoice', [
            'invoiceid' => $invoice,
            'itemdescription' => [$items[0]['id'] => 'New'], 'itemamount' => [$items[0]['id'] => '20.00'],
            'itemtaxed' => [$items[0]['id'] => false],
            'newitemdescription' => ['Extra'], 'newitemamount' => ['3.00'], 'newitemtaxed' => [true],
            'deletelineids' => [$items[1]['id']],
            'notes' => 'edited',
        ]);
        $this->assertSame(['result' => 'success', 'invoiceid' => $invoice], $r);
        $i = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame(
            [['New', '20.00', 0], ['Extra', '3.00', 1]],
            array_map(static fn ($x) => [$x['description'], $x['amount'], $x['taxed']], $i['items']['item'])
        );
        $this->assertSame(['23.00', '0.63', '23.63', 'edited'], [$i['subtotal'], $i['tax'], $i['total'], $i['notes']]);

        $this->assertStringStartsWith('Missing Variables', localAPI('UpdateInvoice', ['invoiceid' => $invoice,
            'itemdescription' => [$items[0]['id'] => 'x']])['message']);
        $bogus = self::error('UpdateInvoice', ['invoiceid' => $invoice, 'status' => 'Bogus']);
        $this->assertSame('Invalid status Bogus', $bogus);
        $this->assertSame(
            'Invoice must be in Draft status to be published',
            localAPI('UpdateInvoice', ['invoiceid' => $invoice, 'publish' => true])['message']
        );
    }

    public function testAddInvoicePaymentAndApplyCredit(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $invoice = $this->sb->scenarios()->invoice($client, [['A', '100.00', true]]);
        $this->assertSame(['result' => 'success'], localAPI('AddInvoicePayment', ['invoiceid' => $invoice,
            'transid' => 'T1', 'gateway' => 'banktransfer', 'amount' => '21.00', 'date' => '2026-12-01 09:00:00']));
        $this->assertSame(
            'Amount exceeds customer credit balance',
            self::error('ApplyCredit', ['invoiceid' => $invoice, 'amount' => '1'])
        );
        localAPI('AddCredit', ['clientid' => $client, 'description' => 'Goodwill', 'amount' => '150.00']);
        $this->assertSame(
            'Amount Exceeds Invoice Balance',
            self::error('ApplyCredit', ['invoiceid' => $invoice, 'amount' => '100.01'])
        );
        $this->assertSame(
            ['result' => 'success', 'invoiceid' => $invoice, 'amount' => '50.00', 'invoicepaid' => 'false'],
            localAPI('ApplyCredit', ['invoiceid' => $invoice, 'amount' => '50'])
        );
        $i = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame(['50.00', '71.00', '50.00', 'Unpaid'], [$i['credit'], $i['total'], $i['balance'],
            $i['status']]);
        $this->assertSame(
            ['result' => 'success', 'invoiceid' => $invoice, 'amount' => '50.00', 'invoicepaid' => 'true'],
            localAPI('ApplyCredit', ['invoiceid' => $invoice])
        );
        $i = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame(['100.00', '21.00', '0.00', 'Paid'], [$i['credit'], $i['total'], $i['balance'],
            $i['status']]);
        $this->assertSame('50.00', localAPI('GetClientsDetails', ['clientid' => $client])['client']['credit']);
        $this->assertSame('Invoice Not in Unpaid Status', self::error('ApplyCredit', ['invoiceid' => $invoice]));

        localAPI('UpdateInvoice', ['invoiceid' => $invoice, 'status' => 'Cancelled']);
        $this->assertSame(
            'It is not possible to add a payment to an invoice that is Cancelled',
            self::error('AddInvoicePayment', ['invoiceid' => $invoice, 'transid' => 'T2', 'gateway' => 'banktransfer'])
        );
    }

    public function testAddTransactionAndGetTransactions(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $r = localAPI('AddTransaction', ['paymentmethod' => 'paypalcheckout', 'userid' => $client,
            'transid' => 'PP-1', 'date' => '30/11/2026', 'description' => 'Deposit', 'amountin' => '10.00',
            'fees' => '0.89', 'credit' => true]);
        $this->assertSame(['result' => 'success'], $r);
        $duplicate = self::error('AddTransaction', ['paymentmethod' => 'paypalcheckout', 'transid' => 'PP-1']);
        $this->assertSame('Transaction ID must be Unique', $duplicate);
        $this->assertSame('Payment Method is required', self::error('AddTransaction'));
        $t = localAPI('GetTransactions', ['clientid' => $client]);
        $this->assertSame(1, $t['totalresults']);
        $row = $t['transactions']['transaction'][0];
        $this->assertSame(['PP-1', '10.00', '0.89', '0.00', $client, 0], [$row['transid'], $row['amountin'],
            $row['fees'], $row['amountout'], $row['userid'], $row['invoiceid']]);
        $this->assertStringStartsWith('2026-11-30 ', $row['date'], 'the date is read in the DateFormat (DD/MM/YYYY)');
        $this->assertSame('10.00', localAPI('GetClientsDetails', ['clientid' => $client])['client']['credit']);
        $this->assertSame(1, localAPI('GetTransactions', ['transid' => 'PP-1'])['numreturned']);
    }

    public function testConfigurationLogAndPasswords(): void
    {
        $this->assertSame(
            ['result' => 'success', 'setting' => 'TaxType', 'value' => 'Exclusive'],
            localAPI('GetConfigurationValue', ['setting' => 'TaxType'])
        );
        $this->assertSame(
            ['result' => 'success', 'value_changed' => true],
            localAPI('SetConfigurationValue', ['setting' => 'TaxType', 'value' => 'Inclusive'])
        );
        $this->assertSame('Inclusive', \WHMCS\Config\Setting::getValue('TaxType'));
        $this->assertSame('error', localAPI('GetConfigurationValue', ['setting' => 'NoSuchSetting'])['result']);

        $logged = localAPI('LogActivity', ['description' => 'Hello log', 'clientid' => 3]);
        $this->assertSame(['result' => 'success'], $logged);
        $log = localAPI('GetActivityLog', ['clientid' => 3]);
        $this->assertSame(1, $log['totalresults']);
        $entry = $log['activity']['entry'][0];
        $this->assertSame(
            ['Hello log', 3, 1, 'admin'],
            [$entry['description'], $entry['clientId'], $entry['adminId'], $entry['username']]
        );

        $a = localAPI('EncryptPassword', ['password2' => 'geheim&<']);
        $b = localAPI('EncryptPassword', ['password2' => 'geheim&<']);
        $this->assertNotSame($a['password'], $b['password'], 'each encryption is different');
        $this->assertSame('geheim&<', localAPI('DecryptPassword', ['password2' => $a['password']])['password']);
        $this->assertSame('geheim&<', decrypt(encrypt('geheim&<')));
    }

    public function testTheSandboxRemembersTheCallsWithoutPasswords(): void
    {
        localAPI('GetInvoice', ['invoiceid' => 5]);
        localAPI('EncryptPassword', ['password2' => 'secret']);
        $calls = $this->sb->localApi()->calls();
        $this->assertSame(['command' => 'GetInvoice', 'params' => ['invoiceid' => 5], 'result' => 'error'], $calls[0]);
        $this->assertSame(['password2' => '***'], $calls[1]['params']);
    }

    public function testCommandListCoversTheIssue(): void
    {
        foreach (
            ['GetInvoice', 'GetInvoices', 'GetClientsDetails', 'GetPaymentMethods', 'GetCurrencies', 'UpdateInvoice',
            'AddInvoicePayment', 'CreateInvoice', 'AddTransaction', 'ApplyCredit', 'GetTransactions'] as $command
        ) {
            $this->assertContains($command, LocalApi::commands());
        }
        $this->assertSame(0, Capsule::table('tblinvoices')->count());
    }

    /** The message of a localAPI call that must fail. @param array<string,mixed> $params */
    private static function error(string $command, array $params = []): string
    {
        $r = localAPI($command, $params);
        self::assertSame('error', $r['result'], $command . ' should have failed');
        return (string) $r['message'];
    }

    /** The invoice ids GetInvoices answers. @param array<string,mixed> $params @return list<int> */
    private static function invoiceIds(array $params): array
    {
        return array_column(localAPI('GetInvoices', $params)['invoices']['invoice'], 'id');
    }
    public function testAnInterceptChangesTheAnswersOfOneCommand(): void
    {
        $client = $this->sb->scenarios()->client('nl_consumer');
        $invoice = $this->sb->scenarios()->invoice($client, [['Webhosting', '9.95', true]]);
        $seen = [];
        $this->sb->localApi()->intercept('getinvoice', static function (array $r, array $p) use (&$seen): array {
            $seen[] = $p['invoiceid'];
            $r['total'] = 12.04; // a float where a string belongs
            unset($r['items']);
            return $r;
        });
        $r = localAPI('GetInvoice', ['invoiceid' => $invoice]);
        $this->assertSame(12.04, $r['total']);
        $this->assertArrayNotHasKey('items', $r);
        $this->assertSame([$invoice], $seen);
        $other = localAPI('GetClientsDetails', ['clientid' => $client]);
        $this->assertSame('success', $other['result'], 'other commands as they are');
        $this->sb->localApi()->intercept('GetInvoice', null);
        $this->assertSame('12.04', localAPI('GetInvoice', ['invoiceid' => $invoice])['total']);
        $this->expectException(\InvalidArgumentException::class);
        $this->sb->localApi()->intercept('NoSuchCommand', static fn (array $r): array => $r);
    }
}
