--TEST--
Acumulus\Tags::render(): substitution is one pass; a value that contains tags is inserted as it is
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
/* A client can edit their own name in the WHMCS client area. */
$c['firstname'] = '{LASTNAME}';
$c['lastname'] = '{USERID}{INVOICENOTES}';
$c['companyname'] = '{CLIENT_CUSTOMFIELD:IBAN}';
$i['notes'] = '{TAB}{FIRSTNAME}';
echo Acumulus\Tags::render('{FIRSTNAME} {LASTNAME}', $i, $c), "\n";
echo Acumulus\Tags::render('{COMPANYNAME}', $i, $c, 0, acu_fixture_field_names()), "\n";
/* {TAB} in a value stays literal even where {TAB} is a tag */
echo Acumulus\Tags::render('{TAB}{INVOICENOTES}', $i, $c, Acumulus\Tags::TABS_ESCAPED), "\n";
/* Order does not matter either (the reference expanded later tags inside earlier values) */
echo Acumulus\Tags::render('{INVOICENOTES}|{FIRSTNAME}', $i, $c), "\n";
?>
--EXPECT--
{LASTNAME} {USERID}{INVOICENOTES}
{CLIENT_CUSTOMFIELD:IBAN}
\t{TAB}{FIRSTNAME}
{TAB}{FIRSTNAME}|{LASTNAME}
