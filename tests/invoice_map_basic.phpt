--TEST--
InvoiceMapper::map(): the whole result for a paid Dutch invoice, key by key
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';

$invoice = acu_fixture_invoice();
$invoice['status'] = 'Paid';
$invoice['datepaid'] = '2026-12-02 14:03:00';
$settings = [
    'acumulus_AccountNumber_banktransfer' => '70582 NL91ABNA0417164300 (Zakelijk)',
    'acumulus_invoice_default_costcenter' => '48663 Algemeen',
    'acumulus_whmcs_ibanfield' => 'IBAN',
];
$context = ['customFields' => acu_fixture_field_names(), 'today' => '2026-12-02', 'taxType' => 'Exclusive'];
$r = Acumulus\InvoiceMapper::map($invoice, acu_fixture_client(), $settings, $context);
var_export($r);
echo "\n";
// the same arguments give the same result
var_dump($r === Acumulus\InvoiceMapper::map($invoice, acu_fixture_client(), $settings, $context));
?>
--EXPECT--
array (
  'document' => 
  array (
    'customer' => 
    array (
      'type' => 3,
      'vattypeid' => 2,
      'contactyourid' => '604',
      'contactstatus' => 1,
      'companyname1' => 'De Vries & Zonen B.V.',
      'fullname' => 'Jan de Vries',
      'address1' => 'Kerkstraat 1',
      'address2' => '2e verdieping',
      'postalcode' => '3511AB',
      'city' => 'Utrecht',
      'country' => 'Netherlands',
      'countrycode' => 'NL',
      'countryautoname' => 0,
      'vatnumber' => 'NL001234567B01',
      'telephone' => '+31.301234567',
      'email' => 'jan@example.nl',
      'overwriteifexists' => 1,
      'bankaccountnumber' => 'NL91ABNA0417164300',
      'mark' => 'WHMCS Klantnr: 604',
      'disableduplicates' => 0,
      'invoice' => 
      array (
        'vattype' => 1,
        'issuedate' => '2026-11-30',
        'costcenter' => '48663',
        'accountnumber' => '70582',
        'paymentdate' => '2026-12-02',
        'paymentstatus' => 2,
        'description' => 'WHMCS Factuur: 2026-0042',
        'descriptiontext' => 'Line one\\nLine two',
        'line' => 
        array (
          0 => 
          array (
            'product' => 'Webhosting Basic',
            'nature' => 'Service',
            'unitprice' => '10.0000',
            'vatrate' => '21',
            'quantity' => '1',
          ),
        ),
      ),
    ),
  ),
  'skip' => NULL,
  'concept' => false,
  'warnings' => 
  array (
  ),
  'vat' => 
  array (
    'type' => 1,
    'rule' => 'NL-RATE',
    'country' => 'NL',
    'charged' => '21',
    'allowed' => 
    array (
      0 => '21',
      1 => '9',
      2 => '0',
      3 => '-1',
    ),
  ),
  'reconciliation' => 
  array (
    'currency' => 'EUR',
    'rate' => '1.00000',
    'whmcs_total' => '12.10',
    'left_out' => '0.00',
    'target' => '12.10',
    'lines_total' => '12.10',
    'correction' => '0.00',
    'correction_line' => false,
    'booked_total' => '12.10',
    'tolerance' => '0.02',
  ),
)
bool(true)
