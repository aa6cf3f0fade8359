--TEST--
InvoiceMapper: thousands of generated invoices book exactly what WHMCS charged, at rates their vattype allows; refunds credit exactly what was refunded
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

/*
 * Each invoice is random within a scenario whose facts agree (an NL consumer
 * charged a Dutch rate, a DE consumer charged 19 % over the OSS threshold, a
 * BE business not charged, a US consumer not charged, ...), in a random tax
 * mode (exclusive or inclusive, tax per line or on the total, one or two
 * levels, compound or not), currency and credit. WHMCS' own totals come from
 * acu_whmcs_totals() (tests/invoice_map.inc: half away from zero, per line or
 * on the total). With Invoice Correction on, every such invoice must be
 * booked, not a concept, and to the cent. Then a random partial refund and a
 * cancellation of it must credit exactly that.
 *
 * Under valgrind (USE_ZEND_ALLOC=0) the count is scaled down.
 */
$n = getenv('USE_ZEND_ALLOC') === '0' ? 150 : 10000;
mt_srand(20261130);

const SCENARIOS = [
    // country, company?, VAT number, [combined rates], oss reached, nature, allowed [vattype => rates]
    ['NL', false, '', ['21', '9'], null, 'Service', [1 => ['21', '9', '0', '-1']]],
    ['NL', true, 'NL001234567B01', ['21'], null, 'Service', [1 => ['21', '9', '0', '-1']]],
    ['DE', false, '', ['19', '7'], true, 'Service', [6 => ['19', '7', '0']]],
    ['DE', false, '', ['21'], false, 'Service', [1 => ['21', '9', '0', '-1']]],
    ['BE', true, 'BE0123456789', ['0'], null, 'Service', [3 => ['0']]],
    ['FR', true, 'FR12345678901', ['0'], null, 'Product', [3 => ['0']]],
    ['US', false, '', ['0'], null, 'Service', [1 => ['21', '9', '0', '-1']]],
    ['US', true, '', ['0'], null, 'Product', [4 => ['0']]],
    ['GB', false, '', ['20'], null, 'Service', [7 => ['20', '5', '0']]],
];
const CURRENCIES = [
    'EUR' => '1.00000', 'USD' => '1.08123', 'GBP' => '0.85010', 'JPY' => '160.50000', 'SEK' => '11.20000',
];

/** A combined rate as one or two WHMCS levels. @return array{0:string,1:string,2:bool} */
function split_rate(string $rate): array
{
    $r = acu_units($rate, 3);
    switch ($r === 0 ? 0 : mt_rand(0, 3)) {
        case 1: // two levels that add up
            $a = mt_rand(1, intdiv($r, 1000) - 1) * 1000;
            return [acu_fmt($a, 3), acu_fmt($r - $a, 3), false];
        case 2: // compound levels that make the rate exactly: 21 = 10 + 10 + 10 % of 10
            if ($r === 21000) {
                return ['10.000', '10.000', true];
            }
            return [acu_fmt($r, 3), '0.000', true];
        default:
            return [acu_fmt($r, 3), '0.000', false];
    }
}

function random_amount(): string
{
    $k = mt_rand(0, 9);
    $cents = $k < 6 ? mt_rand(0, 20000) : ($k < 8 ? mt_rand(1, 500) : ($k < 9 ? mt_rand(100000, 2000000) : -mt_rand(1, 3000)));
    return acu_fmt($cents);
}

$stats = ['invoices' => 0, 'booked' => 0, 'corrections' => 0, 'summarized' => 0, 'converted' => 0,
          'refunds' => 0, 'cancels' => 0, 'failures' => 0];
$fail = function (string $what, array $args) use (&$stats) {
    if ($stats['failures']++ < 5) {
        echo "FAIL: $what\n", json_encode($args, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
    }
};

for ($k = 0; $k < $n; $k++) {
    [$cc, $company, $vatno, $rates, $oss, $nature, $allowed] = SCENARIOS[mt_rand(0, count(SCENARIOS) - 1)];
    $rate = $rates[mt_rand(0, count($rates) - 1)];
    [$r1, $r2, $compound] = split_rate($rate);
    $items = [];
    for ($i = mt_rand(1, 12); $i > 0; $i--) {
        $items[] = ["Item $i", random_amount(), $rate === '0' ? mt_rand(0, 1) : (mt_rand(0, 5) > 0 ? 1 : 0), ''];
    }
    if ($rate !== '0') {
        $items[0][2] = 1; // charged at a rate: at least one taxed item
    }
    $currency = array_rand(CURRENCIES);
    $case = [
        'tax' => ['rate1' => $r1, 'rate2' => $r2, 'compound' => $compound, 'inclusive' => (bool) mt_rand(0, 1),
                  'perLine' => (bool) mt_rand(0, 1)],
        'items' => $items,
        'client' => ['countrycode' => $cc, 'country' => $cc, 'companyname' => $company ? 'Firma ' . $k : '',
                     'tax_id' => $vatno, 'currency_code' => $currency, 'taxexempt' => $vatno !== '' && $rate === '0'],
        'invoice' => ['status' => 'Paid', 'datepaid' => '2026-12-01 12:00:00',
                      'credit' => mt_rand(0, 4) === 0 ? acu_fmt(mt_rand(0, 1000)) : '0.00'],
        'settings' => ['acumulus_invoice_correction' => 'on', 'acumulus_invoice_default_nature' => $nature,
                       'acumulus_summarize_invoice' => mt_rand(0, 3) === 0 ? 'on' : '',
                       'acumulus_book_zero_total' => 'on'],
        'context' => ['currencies' => array_map(fn ($c, $r) => ['code' => $c, 'rate' => $r],
                          array_keys(CURRENCIES), CURRENCIES),
                      'ossThresholdReached' => $oss, 'taxEnabled' => $rate === '0' ? (bool) mt_rand(0, 1) : true],
    ];
    [$invoice, $client, $settings, $context] = acu_case_args($case);
    $stats['invoices']++;
    try {
        $r = Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context);
    } catch (Throwable $e) {
        $fail(get_class($e) . ': ' . $e->getMessage(), $case);
        continue;
    }
    if ($r['document'] === null) {
        $fail('not mapped: ' . $r['skip'], $case);
        continue;
    }
    $why = acu_check_invariants($r);
    $doc = $r['document'];
    $inv = $doc['customer']['invoice'];
    $type = $inv['vattype'];

    // what WHMCS charged, in EUR, computed here from WHMCS' own numbers
    $whmcs = acu_units($invoice['total'], 2) + acu_units($invoice['credit'], 2);
    $target = acu_div($whmcs * acu_units(CURRENCIES['EUR'], 8), acu_units(CURRENCIES[$currency], 8));
    $booked = acu_doc_total($doc)['total'];
    if ($booked !== $target) {
        $why[] = 'booked ' . acu_fmt($booked) . ' but WHMCS charged ' . acu_fmt($target) . ' EUR';
    }
    if ($r['concept']) {
        $why[] = 'a concept: ' . implode('; ', array_map(fn ($w) => $w['message'], $r['warnings']));
    }
    if (!isset($allowed[$type])) {
        $why[] = "vattype $type, expected " . implode(' or ', array_keys($allowed));
    } else {
        foreach ($inv['line'] as $l) {
            if (!in_array($l['vatrate'], $allowed[$type], true)) {
                $why[] = "rate {$l['vatrate']} in vattype $type";
            }
        }
    }
    if ($why !== []) {
        $fail(implode('; ', $why), $case);
        continue;
    }
    $stats['booked']++;
    $stats['corrections'] += $r['reconciliation']['correction_line'] ? 1 : 0;
    $stats['summarized'] += $settings['acumulus_summarize_invoice'] === 'on' ? 1 : 0;
    $stats['converted'] += $currency !== 'EUR' ? 1 : 0;

    // credit notes from the stored document
    $stored = json_decode(json_encode($doc), true);
    $origRates = array_unique(array_map(fn ($l) => $l['vatrate'], $inv['line']));
    $cancel = Acumulus\InvoiceMapper::creditNote($stored, ['date' => '2026-12-20', 'acumulusNumber' => '2026' . $k],
        $settings, $context);
    if (acu_doc_total($cancel['document'])['total'] !== -$booked || $cancel['concept']) {
        $fail('cancel books ' . acu_fmt(acu_doc_total($cancel['document'])['total']) . ', not ' . acu_fmt(-$booked), $case);
        continue;
    }
    $stats['cancels']++;
    if ($booked <= 1) {
        continue;
    }
    $refund = mt_rand(1, $booked);
    $credit = Acumulus\InvoiceMapper::creditNote($stored,
        ['date' => '2026-12-20', 'acumulusNumber' => '2026' . $k, 'amount' => acu_fmt($refund), 'currency' => 'EUR'],
        $settings, $context);
    $got = acu_doc_total($credit['document'])['total'];
    $bad = [];
    if ($got !== -$refund) {
        $bad[] = 'refund of ' . acu_fmt($refund) . ' books ' . acu_fmt($got);
    }
    if ($credit['concept']) {
        $bad[] = 'refund is a concept: ' . implode('; ', array_map(fn ($w) => $w['message'], $credit['warnings']));
    }
    foreach ($credit['document']['customer']['invoice']['line'] as $l) {
        if ($l['quantity'][0] === '-' && !in_array($l['vatrate'], $origRates, true)) {
            $bad[] = "refund at rate {$l['vatrate']}, not one of the original's";
        }
    }
    if ($bad !== []) {
        $fail(implode('; ', $bad), $case + ['refund' => acu_fmt($refund)]);
        continue;
    }
    $stats['refunds']++;
}

/*
 * Facts that need not agree (any country, rate, date, exemption, VAT number,
 * correction on or off): whatever the mapper decides, an invoice that is not
 * a concept books exactly what WHMCS charged, at rates its vattype allows.
 */
$countries = ['NL', 'DE', 'BE', 'FR', 'GR', 'GB', 'US', 'CH', 'NO', ''];
$dates = ['2013-06-01', '2015-03-01', '2017-06-01', '2019-06-01', '2020-08-01', '2021-03-01', '2021-09-01', '2026-11-30'];
$rateChoices = ['0.000', '6.000', '9.000', '19.000', '20.000', '21.000', '16.000', '7.000', '24.000', '8.100', '25.000'];
$free = ['booked' => 0, 'concepts' => 0, 'failures' => 0];
for ($k = 0; $k < $n; $k++) {
    $date = $dates[mt_rand(0, count($dates) - 1)];
    $items = [];
    for ($i = mt_rand(1, 6); $i > 0; $i--) {
        $items[] = ["Item $i", random_amount(), mt_rand(0, 3) > 0 ? 1 : 0, ''];
    }
    $case = [
        'tax' => ['rate1' => $rateChoices[mt_rand(0, count($rateChoices) - 1)], 'inclusive' => (bool) mt_rand(0, 1),
                  'perLine' => (bool) mt_rand(0, 1)],
        'items' => $items,
        'client' => ['countrycode' => $countries[mt_rand(0, count($countries) - 1)], 'taxexempt' => mt_rand(0, 4) === 0,
                     'tax_id' => mt_rand(0, 2) === 0 ? 'XX123456789' : '', 'companyname' => mt_rand(0, 1) ? 'Firma' : ''],
        'invoice' => ['date' => $date],
        'settings' => ['acumulus_invoice_correction' => mt_rand(0, 1) ? 'on' : '',
                       'acumulus_invoice_default_nature' => mt_rand(0, 1) ? 'Product' : 'Service',
                       'acumulus_summarize_invoice' => mt_rand(0, 3) === 0 ? 'on' : ''],
        'context' => ['ossThresholdReached' => [null, true, false][mt_rand(0, 2)], 'today' => '2026-12-01'],
    ];
    [$invoice, $client, $settings, $context] = acu_case_args($case);
    try {
        $r = Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context);
    } catch (Throwable $e) {
        $fail(get_class($e) . ': ' . $e->getMessage(), $case);
        $free['failures']++;
        continue;
    }
    if ($r['document'] === null) {
        continue; // zero totals are booked by default; nothing else skips here
    }
    if ($r['concept']) {
        $free['concepts']++;
        continue;
    }
    $inv = $r['document']['customer']['invoice'];
    $why = [];
    $target = acu_units($invoice['total'], 2) + acu_units($invoice['credit'], 2);
    if (acu_doc_total($r['document'])['total'] !== $target) {
        $why[] = 'booked ' . acu_fmt(acu_doc_total($r['document'])['total']) . ', charged ' . acu_fmt($target);
    }
    $nl = $date < '2012-10-01' ? ['19', '6'] : ($date < '2019-01-01' ? ['21', '6'] : ['21', '9']);
    foreach ($inv['line'] as $l) {
        $ok = match ($inv['vattype']) {
            1, 5 => in_array($l['vatrate'], [...$nl, '0', '-1'], true),
            2, 3, 4 => $l['vatrate'] === '0',
            6, 7 => $l['vatrate'] !== '-1' && in_array($l['vatrate'], $r['vat']['allowed'], true),
            default => false,
        };
        if (!$ok) {
            $why[] = "rate {$l['vatrate']} in vattype {$inv['vattype']}";
        }
    }
    if ($why !== []) {
        $fail(implode('; ', $why), $case);
        $free['failures']++;
        continue;
    }
    $free['booked']++;
}

printf("%d invoices, %d failures\n", $stats['invoices'], $stats['failures']);
printf("%d invoices with facts that need not agree: %d failures\n", $n, $free['failures']);
var_dump($free['booked'] > $n / 8, $free['concepts'] > $n / 8);
var_dump($stats['booked'] === $stats['invoices']);
var_dump($stats['corrections'] > $stats['invoices'] / 20, $stats['summarized'] > $stats['invoices'] / 10,
    $stats['converted'] > $stats['invoices'] / 2);
var_dump($stats['cancels'] === $stats['booked'], $stats['refunds'] > $stats['booked'] * 0.9);
?>
--EXPECTF--
%d invoices, 0 failures
%d invoices with facts that need not agree: 0 failures
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
