--TEST--
Acumulus\Tags::render(): missing keys, null, ints, floats and bools as values; arrays and objects are errors naming the field and the invoice
--EXTENSIONS--
acumulus
--FILE--
<?php
use Acumulus\Tags;
/* missing keys and empty arrays: every tag is empty, none throws */
var_dump(Tags::render('[{USERID}{FIRSTNAME}{FULLNAME}{COUNTRY}{INVOICEID}{INVOICENUMBER}{INVOICEDATE}{INVOICESTATUS}{CLIENT_CURRENCY}]'));
/* FULLNAME falls back to first and last name */
var_dump(Tags::render('{FULLNAME}', [], ['firstname' => 'Ann', 'lastname' => 'Smit']));
var_dump(Tags::render('{FULLNAME}', [], ['firstname' => 'Ann']));
var_dump(Tags::render('{FULLNAME}', [], ['lastname' => 'Smit', 'fullname' => null]));
/* USERID falls back to the client id, then to the invoice's userid */
var_dump(Tags::render('{USERID}', ['userid' => 77], []));
var_dump(Tags::render('{USERID}', ['userid' => 77], ['id' => '78']));
/* COUNTRYCODE falls back to 'country' (WHMCS sends both) */
var_dump(Tags::render('{COUNTRYCODE}', [], ['country' => 'BE']));
/* INVOICEID from GetInvoices rows ('id') */
var_dump(Tags::render('{INVOICEID}/{INVOICENUMBER}', ['id' => 9], []));

/* scalar types as PHP writes them */
$c = ['firstname' => 42, 'lastname' => null, 'companyname' => true, 'address1' => false,
      'city' => 1.5, 'state' => -0.0, 'postcode' => PHP_INT_MIN];
var_dump(Tags::render('{FIRSTNAME}|{LASTNAME}|{COMPANYNAME}|{ADDRESS1}|{CITY}|{STATE}|{POSTCODE}', [], $c));

/* references in the arrays are followed */
$name = 'by reference';
$c = ['firstname' => &$name];
var_dump(Tags::render('{FIRSTNAME}', [], $c));

/* an array or an object where text belongs is an error naming tag, field and invoice */
foreach ([
    ['{FIRSTNAME}', ['invoiceid' => 1042], ['firstname' => ['Jan']]],
    ['{INVOICENOTES}', ['invoiceid' => '1043', 'notes' => new stdClass()], []],
    ['{CLIENT_CUSTOMFIELD2}', [], ['customfields2' => [1]]],
    ['{CLIENT_CUSTOMFIELD1}', ['id' => 5], ['customfields' => [['id' => 1, 'value' => ['x']]]]],
    ['{FULLNAME}', [], ['firstname' => [], 'lastname' => 'x']],
    ['ok {USERID} then {CITY}', ['invoiceid' => 7], ['userid' => 1, 'city' => [1, 2]]],
] as [$tpl, $inv, $cl]) {
    try {
        Tags::render($tpl, $inv, $cl);
        echo "no exception\n";
    } catch (Acumulus\InvalidArgumentException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
/* a tag that is not used does not care what its field holds */
var_dump(Tags::render('{USERID}', [], ['userid' => 3, 'firstname' => ['x']]));
?>
--EXPECT--
string(2) "[]"
string(8) "Ann Smit"
string(3) "Ann"
string(4) "Smit"
string(2) "77"
string(2) "78"
string(2) "BE"
string(3) "9/9"
string(34) "42||1||1.5|-0|-9223372036854775808"
string(12) "by reference"
Acumulus\InvalidArgumentException: invoice 1042, template: tag {FIRSTNAME}: client field "firstname" is array; expected a string or a number
Acumulus\InvalidArgumentException: invoice 1043, template: tag {INVOICENOTES}: invoice field "notes" is stdClass; expected a string or a number
Acumulus\InvalidArgumentException: template: tag {CLIENT_CUSTOMFIELD}: client field "customfields2" is array; expected a string or a number
Acumulus\InvalidArgumentException: invoice 5, template: tag {CLIENT_CUSTOMFIELD}: client field "customfields[].value" is array; expected a string or a number
Acumulus\InvalidArgumentException: template: tag {FULLNAME}: client field "firstname" is array; expected a string or a number
Acumulus\InvalidArgumentException: invoice 7, template: tag {CITY}: client field "city" is array; expected a string or a number
string(1) "3"
