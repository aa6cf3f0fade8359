--TEST--
Acumulus\Tags::render(): client custom fields by position and by name
--EXTENSIONS--
acumulus
--FILE--
<?php
use Acumulus\Tags;
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
$names = acu_fixture_field_names();

echo Tags::render('{CLIENT_CUSTOMFIELD:VAT/TAX ID} | {CLIENT_CUSTOMFIELD:IBAN}', $i, $c, 0, $names), "\n";
/* spaces around the name do not count */
echo Tags::render('{CLIENT_CUSTOMFIELD:  IBAN }', $i, $c, 0, $names), "\n";
/* an exact match wins over a match in another case */
$c['customfields'][] = ['id' => 8, 'value' => 'lower'];
echo Tags::render('{CLIENT_CUSTOMFIELD:iban}', $i, $c, 0, $names + [8 => 'iban']), "\n";
echo Tags::render('{CLIENT_CUSTOMFIELD:Iban}', $i, $c, 0, $names + [8 => 'iban']), "\n";
/* a field name that does not exist stays as written (a typo shows on the invoice) */
echo Tags::render('{CLIENT_CUSTOMFIELD:IBAN nummer}', $i, $c, 0, $names), "\n";
echo Tags::render('{CLIENT_CUSTOMFIELD:IBAN}', $i, $c), "\n";
/* a field that exists but has no value for this client is empty */
echo '[', Tags::render('{CLIENT_CUSTOMFIELD:Telefax}', $i, $c, 0, $names + [11 => 'Telefax']), "]\n";
/* ids as WHMCS may give them: strings in the list, string keys in the map */
$c2 = $c;
$c2['customfields'] = [['id' => '3', 'value' => 'from string id']];
echo Tags::render('{CLIENT_CUSTOMFIELD:VAT/TAX ID}', $i, $c2, 0, ['3' => 'VAT/TAX ID']), "\n";
/* the XML-style wrapping {customfield: [...]} is understood too */
$c3 = $c;
$c3['customfields'] = ['customfield' => [['id' => 5, 'value' => 'wrapped']]];
unset($c3['customfields1'], $c3['customfields2']);
echo Tags::render('{CLIENT_CUSTOMFIELD:IBAN} {CLIENT_CUSTOMFIELD1}', $i, $c3, 0, $names), "\n";

/* by position: customfieldsN, else the N-th entry of the list */
unset($c['customfields1'], $c['customfields2']);
echo Tags::render('{CLIENT_CUSTOMFIELD1} {CLIENT_CUSTOMFIELD2} {CLIENT_CUSTOMFIELD3} [{CLIENT_CUSTOMFIELD9}]', $i, $c), "\n";
/* no custom fields at all: empty, as in the reference */
echo '[', Tags::render('{CLIENT_CUSTOMFIELD1}', $i, ['userid' => 1]), "]\n";

/* a name that is not a string is an error, named */
try {
    Tags::render('{CLIENT_CUSTOMFIELD:IBAN}', $i, $c, 0, [5 => ['IBAN']]);
} catch (Acumulus\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
try {
    Tags::render('{CLIENT_CUSTOMFIELD:IBAN}', $i, $c, 0, ['x' => null]);
} catch (Acumulus\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
NL001234567B01 | NL91ABNA0417164300
NL91ABNA0417164300
lower
NL91ABNA0417164300
{CLIENT_CUSTOMFIELD:IBAN nummer}
{CLIENT_CUSTOMFIELD:IBAN}
[]
from string id
wrapped wrapped
NL001234567B01 NL91ABNA0417164300 lower []
[]
invoice 1042, template: custom field names: the name of field 5 must be a string, array given
invoice 1042, template: custom field names: the name of field "x" must be a string, null given
