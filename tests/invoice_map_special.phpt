--TEST--
InvoiceMapper: special invoices (mass payment, add funds, late fees, discounts, zero totals, currencies, tax modes), each checked against its golden file
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

acu_run_group('special');
?>
--EXPECT--
ok special/addfunds-book
ok special/addfunds-skip
ok special/cancelled
ok special/cancelled-book
ok special/credit-applied
ok special/currency-gbp-usd-default
ok special/currency-summarize
ok special/currency-usd
ok special/draft
ok special/empty
ok special/exempt-tax-disabled
ok special/inclusive
ok special/inclusive-exempt-deduct
ok special/inclusive-no-correction
ok special/invoice-country
ok special/latefee
ok special/many-lines
ok special/masspay
ok special/masspay-with-latefee
ok special/promo-discounts
ok special/tax-mismatch
ok special/two-levels
ok special/two-levels-compound
ok special/two-levels-compound-dutch
ok special/zero-total-book
ok special/zero-total-skip
