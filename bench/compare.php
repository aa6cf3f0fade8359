<?php
/*
 * Differential check between two builds of the extension: maps (and credits,
 * and serializes) SEED-determined random variations of the benchmark invoice
 * and prints one hash per case, so two builds can be compared line by line:
 *
 *   php -n -d extension=A/acumulus.so bench/compare.php 1 3000 [clean] > a.txt
 *   php -n -d extension=B/acumulus.so bench/compare.php 1 3000 [clean] > b.txt
 *   diff a.txt b.txt
 *
 * "clean" keeps most inputs valid (more documents, fewer refusals).
 */
require __DIR__ . '/invoice5.inc';
mt_srand((int) ($argv[1] ?? 1));
$n = (int) ($argv[2] ?? 3000);
$clean = ($argv[3] ?? '') === 'clean';
$pick = fn (array $a) => $a[mt_rand(0, count($a) - 1)];
$texts0 = ['', ' ', 'Jan', "Regel 1\nRegel 2", "a\r\nb", "tab\there", 'De Vries & Zonen <b> "q" \'s\' \\x', 'Zoë Müller', "ctl\x01x", "bad\xff", '{USERID}', 'x{INVOICENUMBER}y', '{CLIENT_CUSTOMFIELD:IBAN}', '{TAB}', '{{USERID}}', '{invoicenotes}', str_repeat('lang ', 30), "\u{FFFE}", '€ 10,00', '0', '604'];
$texts = $texts0;
$amounts = ['19.95', '8.95', '-4.99', '0.00', '25', '1000000.01', '12,50', '1.234', '0.001', '', '-0', '+3.10', '99999999.99'];
$tpls = ['WHMCS Factuur: {INVOICENUMBER}', 'Factuur {INVOICENUMBER} voor {FULLNAME}', "{INVOICENOTES}\n{TAB}x", 'plain text', '', '{USERID}{USERID}', "{COMPANYNAME}\r\n{CITY}", '{CLIENT_CUSTOMFIELD1}', '{CLIENT_CURRENCY} {COUNTRY}', '{unknown} {INVOICEDATE'];
$c = new Acumulus\Client('123456', 'bench&u', 'p<a>ss"\'\\w0rd', 'WHMCS 8.13.1', ['testMode' => (bool) mt_rand(0, 1), 'lang' => $pick(['en', 'nl']), 'emailOnError' => $pick([null, 'err@example.nl'])]);
for ($k = 0; $k < $n; $k++) {
    $inv = bench_invoice();
    $cl = bench_client();
    $st = bench_settings();
    $ctx = bench_context();
    $items = [];
    $ni = mt_rand(0, 7);
    for ($i = 0; $i < $ni; $i++) {
        $items[] = ['id' => $i + 1, 'type' => $pick(['Hosting', 'Invoice', 'AddFunds', '', 'DomainRenew']), 'relid' => 1,
            'description' => $pick($texts), 'amount' => ($clean || mt_rand(0, 5)) ? sprintf('%d.%02d', mt_rand(-20, 200), mt_rand(0, 99)) : $pick($amounts),
            'taxed' => mt_rand(0, 1)];
    }
    $inv['items'] = mt_rand(0, 4) ? ['item' => $items] : $items;
    $inv['notes'] = $pick($texts);
    $inv['invoicenum'] = $pick(['2026-0042', '42', '', '00042']);
    $inv['status'] = $pick($clean ? ['Paid', 'Unpaid', 'Refunded'] : ['Paid', 'Unpaid', 'Paid', 'Draft', 'Cancelled', 'Refunded']);
    if (!$clean && mt_rand(0, 3) == 0) { $inv['total'] = $pick($amounts); }
    if (mt_rand(0, 3) == 0) { $inv['taxrate'] = $pick(['21', '9', '0', '21.000', '6.5']); }
    $cl['companyname'] = $pick($texts);
    $cl['firstname'] = $pick($texts);
    $cl['city'] = $pick(['Utrecht', 'Brussel', '', 'Paris']);
    $cl['state'] = $pick(['Utrecht', 'Brabant', '']);
    $cl['countrycode'] = $pick(['NL', 'BE', 'DE', 'FR', 'US', 'GB', 'nl', '']);
    $cl['postcode'] = $pick(['3511 AB', 'sw1a 1aa', ' 1000 ', '']);
    $cl['tax_id'] = $pick(['', 'NL001234567B01', 'be 0123.456.789']);
    $cl['email'] = $pick(['jan@example.nl', 'a@b.nl, c@d.nl', '', 'x;y']);
    $cl['currency_code'] = $pick(['EUR', 'EUR', 'USD']);
    $cl['userid'] = $clean ? $pick([604, '604']) : $pick([604, '604', 0, 'abc']);
    foreach (['acumulus_invoice_description', 'acumulus_invoice_descriptiontext', 'acumulus_emailaspdf_subject', 'acumulus_cusromer_mark', 'acumulus_invoice_invoicenotes', 'acumulus_invoice_correction_text', 'acumulus_emailaspdf_message'] as $key) {
        if (mt_rand(0, 2) == 0) { $st[$key] = $pick($tpls); }
    }
    foreach (['acumulus_summarize_invoice', 'acumulus_invoice_correction', 'acumulus_emailaspdf', 'acumulus_customer_import_enabled', 'acumulus_use_acumulus_invoice_numbering'] as $key) {
        if (mt_rand(0, 2) == 0) { $st[$key] = $pick($clean ? ['on', '', 'yes', 'off'] : ['on', '', 'yes', 'off', 'maybe']); }
    }
    if (mt_rand(0, 3) == 0) { $st['acumulus_customer_type'] = $pick($clean ? ['Debtor', 'Creditor', '', 'debtor'] : ['Debtor', 'Creditor', '', 'debtor', 'x']); }
    if (mt_rand(0, 3) == 0) { $ctx['taxType'] = $pick($clean ? ['Inclusive', 'Exclusive', 'inclusive'] : ['Inclusive', 'Exclusive', 'inclusive', 'x']); }
    if (!$clean && mt_rand(0, 5) == 0) { $ctx['unknownKey'] = 1; }
    try {
        $r = Acumulus\InvoiceMapper::map($inv, $cl, $st, $ctx);
        $out = var_export($r, true);
        if ($r['document'] !== null) {
            try { $out .= $c->requestXml($r['document']); } catch (Throwable $e) { $out .= get_class($e) . ': ' . $e->getMessage(); }
            try {
                $cn = Acumulus\InvoiceMapper::creditNote($r['document'], ['date' => '2026-12-20', 'acumulusNumber' => '20260042',
                    'amount' => $pick([null, '40.00', '0.01', '89.03', '1000.00', '-1'])] + (mt_rand(0, 1) ? ['invoice' => $inv, 'client' => $cl] : []), $st, $ctx);
                $out .= var_export($cn, true);
                if ($cn['document'] !== null) { $out .= $c->requestXml($cn['document']); }
            } catch (Throwable $e) { $out .= get_class($e) . ': ' . $e->getMessage(); }
        }
    } catch (Throwable $e) {
        $out = get_class($e) . ': ' . $e->getMessage();
    }
    // the writer on odd bodies too
    $body = ['customer' => ['x' => $pick($texts), 'line' => [['a' => $pick($texts)], ['b' => mt_rand(-5, 5)]], $pick(['ok', 'Bad', 'xml1', '9x', 'a-b']) => $pick([true, false, null, 1.5, 'v', ['q' => 1]])]];
    try { $out .= $c->requestXml($body); } catch (Throwable $e) { $out .= get_class($e) . ': ' . $e->getMessage(); }
    echo $k, ' ', md5($out), "\n";
}
