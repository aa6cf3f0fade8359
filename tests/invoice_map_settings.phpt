--TEST--
InvoiceMapper: every setting of the manual, each case checked against its golden file
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

acu_run_group('settings');
?>
--EXPECT--
ok settings/account-invoice-paymentmethod
ok settings/account-last-paymentmethod
ok settings/account-unmapped
ok settings/company-us-state
ok settings/contact-closed
ok settings/contact-inactive
ok settings/correction-off
ok settings/correction-on
ok settings/costcenter-name-only
ok settings/costcenter-template
ok settings/countryautoname-all
ok settings/countryautoname-foreign
ok settings/customer-import-off
ok settings/customer-type-creditor
ok settings/customer-type-debtor
ok settings/defaults-only
ok settings/emailaspdf
ok settings/emailaspdf-batch
ok settings/emailaspdf-no-address
ok settings/iban-field
ok settings/iban-field-unknown
ok settings/mark-empty
ok settings/mark-tags
ok settings/nature-product
ok settings/numbering-acumulus
ok settings/numbering-whmcs-id
ok settings/numbering-whmcs-invoicenum
ok settings/numbering-whmcs-leading-zero
ok settings/numbering-whmcs-not-numeric
ok settings/overwrite-off-duplicates-on
ok settings/paid-no-date
ok settings/summarize
ok settings/summarize-correction
ok settings/texts-empty
ok settings/texts-tags
ok settings/unpaid-collections
ok settings/vatfield-tax-id-first
