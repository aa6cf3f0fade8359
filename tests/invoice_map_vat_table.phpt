--TEST--
InvoiceMapper: one case per row of the VAT decision table (docs/vat.md), each checked against its golden file
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

acu_run_group('vat');

// every row of the table has a case that lands on it
$covered = [];
foreach (glob(ACU_MAP_FIXTURES . '/vat/*.json') as $f) {
    $c = json_decode(file_get_contents($f), true);
    $covered[$c['expect']['rule'] ?? '?'] = true;
}
$missing = array_diff(Acumulus\InvoiceMapper::vatRules(), array_keys($covered));
echo $missing === [] ? "every rule has a case\n" : 'rules without a case: ' . implode(', ', $missing) . "\n";
?>
--EXPECT--
ok vat/eu-b2b-charged
ok vat/eu-b2b-invalid-vat-number
ok vat/eu-b2b-reverse
ok vat/eu-b2b-reverse-custom-field
ok vat/eu-b2c-nl
ok vat/eu-b2c-nl-moss
ok vat/eu-b2c-nl-threshold
ok vat/eu-b2c-not-charged
ok vat/eu-b2c-oss
ok vat/eu-b2c-oss-goods-pre2021
ok vat/eu-b2c-oss-mixed
ok vat/eu-b2c-other
ok vat/eu-b2c-pre2015
ok vat/eu-b2c-pre2015-other
ok vat/eu-b2c-same-rate
ok vat/eu-b2c-same-rate-below
ok vat/eu-b2c-same-rate-unknown
ok vat/eu-b2c-untaxed
ok vat/eu-greece-el
ok vat/gb-2020-eu
ok vat/nl-not-charged
ok vat/nl-rate
ok vat/nl-rate-2018-reduced
ok vat/nl-rate-other
ok vat/nl-untaxed
ok vat/no-country
ok vat/uk-b2b-2026
ok vat/uk-foreign-vat
ok vat/uk-xi-goods
ok vat/uk-xi-services
ok vat/unknown-country
ok vat/world-foreign-vat
ok vat/world-goods
ok vat/world-nl
ok vat/world-other
ok vat/world-service
every rule has a case
