--TEST--
InvoiceMapper: every two-letter code AA..ZZ is a country exactly when ISO 3166-1 (Debian's iso-codes) has it, or it is XI, XK or EL (the EU's code for Greece, taken as GR); any other code is a concept naming it
--EXTENSIONS--
acumulus
--SKIPIF--
<?php
if (!is_readable('/usr/share/iso-codes/json/iso_3166-1.json')) {
    die('skip iso-codes is not installed (scripts/packages.txt has it)');
}
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

$iso = json_decode(file_get_contents('/usr/share/iso-codes/json/iso_3166-1.json'), true)['3166-1'];
$known = array_fill_keys(array_column($iso, 'alpha_2'), true) + ['XI' => true, 'XK' => true, 'EL' => true];
$case = ['client' => ['countrycode' => 'NL', 'country' => 'NL', 'countryname' => 'NL']];
$wrong = [];
$unknown = 0;
for ($a = ord('A'); $a <= ord('Z'); $a++) {
    for ($b = ord('A'); $b <= ord('Z'); $b++) {
        $cc = chr($a) . chr($b);
        $case['client'] = ['countrycode' => $cc, 'country' => $cc, 'countryname' => $cc];
        $r = acu_map_case($case);
        $w = array_values(array_filter($r['warnings'], fn ($w) => $w['code'] === 'client.unknown_country'));
        $flagged = $w !== [];
        if ($flagged) {
            $unknown++;
            if (!$r['concept'] || !str_contains($w[0]['message'], "\"$cc\"")) {
                $wrong[] = "$cc: flagged without concept or without the code in the message";
            }
        }
        if ($flagged === isset($known[$cc])) {
            $wrong[] = $cc . ($flagged ? ' is a country but was flagged' : ' is no country but was taken');
        }
    }
}
echo 'codes in iso-codes: ', count($iso) >= 249 ? 'at least 249' : count($iso), "\n";
echo 'flagged: ', $unknown === 676 - count($known) ? 'every code that is no country' : $unknown, "\n";
echo $wrong === [] ? "no disagreement\n" : implode("\n", $wrong) . "\n";
// lower case and the code with spaces are the caller's to normalise: the mapper upper-cases
$case['client'] = ['countrycode' => 'de', 'country' => 'de', 'countryname' => 'Germany'];
$r = acu_map_case($case);
echo 'de: ', in_array('client.unknown_country', array_column($r['warnings'], 'code'), true) ? 'flagged' : 'a country', "\n";
?>
--EXPECT--
codes in iso-codes: at least 249
flagged: every code that is no country
no disagreement
de: a country
