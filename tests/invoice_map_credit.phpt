--TEST--
InvoiceMapper::creditNote(): cancellations and refunds made from the stored original, each checked against its golden file
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

acu_run_group('credit');
?>
--EXPECT--
ok credit/cancel
ok credit/emailaspdf
ok credit/original-concept
ok credit/oss-rates
ok credit/refund-full
ok credit/refund-partial
ok credit/refund-partial-odd-cent
ok credit/refund-partial-single-rate
ok credit/refund-partial-unreachable-correction
ok credit/refund-partial-unreachable-no-correction
ok credit/refund-usd
ok credit/reverse-charge
ok credit/whmcs-numbering
ok credit/whmcs-numbering-no-number
ok credit/with-correction-line
