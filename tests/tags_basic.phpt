--TEST--
Acumulus\Tags::render(): every tag of the manual and the reference module
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';
$invoice = acu_fixture_invoice();
$client = acu_fixture_client();
$tags = [
    'USERID', 'FIRSTNAME', 'LASTNAME', 'FULLNAME', 'COMPANYNAME', 'ADDRESS1', 'ADDRESS2',
    'CITY', 'STATE', 'POSTCODE', 'COUNTRYCODE', 'COUNTRY', 'PHONENUMBER',
    'CLIENT_CUSTOMFIELD1', 'CLIENT_CUSTOMFIELD2', 'CLIENT_CUSTOMFIELD3', 'CLIENT_CUSTOMFIELD4',
    'CLIENT_CURRENCY', 'INVOICEID', 'INVOICENUMBER', 'INVOICEDATE', 'INVOICEDUE',
    'INVOICENOTES', 'INVOICESTATUS',
];
foreach ($tags as $t) {
    printf("%-20s [%s]\n", "{{$t}}", Acumulus\Tags::render("{{$t}}", $invoice, $client));
}

/* The defaults of the reference module's settings */
echo Acumulus\Tags::render('WHMCS Klantnr: {USERID}', $invoice, $client), "\n";
echo Acumulus\Tags::render('WHMCS Factuur: {INVOICENUMBER}', $invoice, $client), "\n";
echo Acumulus\Tags::render('Credit Factuur:  WHMCS: {INVOICENUMBER}', $invoice, $client), "\n";
echo Acumulus\Tags::render('{INVOICENOTES}', $invoice, $client, Acumulus\Tags::NEWLINES_ESCAPED), "\n";

/* {INVOICENUMBER} falls back to the invoice id when WHMCS has no number */
$invoice['invoicenum'] = '';
echo Acumulus\Tags::render('nr {INVOICENUMBER}', $invoice, $client), "\n";
unset($invoice['invoicenum']);
echo Acumulus\Tags::render('nr {INVOICENUMBER}', $invoice, $client), "\n";

/* An empty template is an empty string */
var_dump(Acumulus\Tags::render('', $invoice, $client));
var_dump(Acumulus\Tags::render(''));
/* Text without tags is returned unchanged */
var_dump(Acumulus\Tags::render('Factuur zonder tags'));
?>
--EXPECT--
{USERID}             [604]
{FIRSTNAME}          [Jan]
{LASTNAME}           [de Vries]
{FULLNAME}           [Jan de Vries]
{COMPANYNAME}        [De Vries & Zonen B.V.]
{ADDRESS1}           [Kerkstraat 1]
{ADDRESS2}           [2e verdieping]
{CITY}               [Utrecht]
{STATE}              [UT]
{POSTCODE}           [3511 AB]
{COUNTRYCODE}        [NL]
{COUNTRY}            [Netherlands]
{PHONENUMBER}        [+31.301234567]
{CLIENT_CUSTOMFIELD1} [NL001234567B01]
{CLIENT_CUSTOMFIELD2} [NL91ABNA0417164300]
{CLIENT_CUSTOMFIELD3} []
{CLIENT_CUSTOMFIELD4} []
{CLIENT_CURRENCY}    [EUR]
{INVOICEID}          [1042]
{INVOICENUMBER}      [2026-0042]
{INVOICEDATE}        [2026-11-30]
{INVOICEDUE}         [2026-12-14]
{INVOICENOTES}       [Line one
Line two]
{INVOICESTATUS}      [Unpaid]
WHMCS Klantnr: 604
WHMCS Factuur: 2026-0042
Credit Factuur:  WHMCS: 2026-0042
Line one\nLine two
nr 1042
nr 1042
string(0) ""
string(0) ""
string(19) "Factuur zonder tags"
