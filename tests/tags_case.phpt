--TEST--
Acumulus\Tags::render(): tag names are case-insensitive
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
foreach (['{userid}', '{UserId}', '{uSeRiD}', '{invoiceNumber}', '{client_customfield1}',
          '{Client_CustomField:iban}', '{CLIENT_CUSTOMFIELD:Vat/Tax Id}', '{tab}'] as $t) {
    printf("%s -> %s\n", $t, Acumulus\Tags::render($t, $i, $c, Acumulus\Tags::TABS_ESCAPED, acu_fixture_field_names()));
}
/* Non-ASCII letters are not folded: this is not {USERID} */
echo Acumulus\Tags::render("{USER\u{130}D}", $i, $c), "\n";
?>
--EXPECT--
{userid} -> 604
{UserId} -> 604
{uSeRiD} -> 604
{invoiceNumber} -> 2026-0042
{client_customfield1} -> NL001234567B01
{Client_CustomField:iban} -> NL91ABNA0417164300
{CLIENT_CUSTOMFIELD:Vat/Tax Id} -> NL001234567B01
{tab} -> \t
{USERİD}
