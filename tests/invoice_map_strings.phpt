--TEST--
InvoiceMapper: names and texts with &, <, quotes, backslashes, emoji and right-to-left text survive byte for byte
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

$company = "Müller & Söhne <GmbH> \"quoted\" 'single' \\ back 🚀👩‍💻";
$rtl = "שלום עולם مرحبا";
$desc = "Webhosting & <b>Domein</b> \"Pro\" 🚀 $rtl";
$notes = "Regel 1 & <2>\nRegel \\n 3 🚀";
$case = [
    'client' => ['companyname' => $company, 'firstname' => $rtl, 'lastname' => "O'Brien", 'address1' => 'Straße 1 & 2',
                 'city' => 'Zürich <CH>', 'state' => '', 'email' => 'a&b@example.com'],
    'invoice' => ['notes' => $notes],
    'items' => [[$desc, '10.00', 1, 'Hosting'], ["Two\r\nlines\tand a tab", '1.00', 1, '']],
    'settings' => ['acumulus_cusromer_mark' => '{COMPANYNAME}', 'acumulus_invoice_description' => '{FIRSTNAME} & {LASTNAME}'],
];
$r = acu_map_case($case);
$c = $r['document']['customer'];
$i = $c['invoice'];
var_dump($c['companyname1'] === $company);
var_dump($c['fullname'] === "$rtl O'Brien");
var_dump($c['mark'] === $company);
var_dump($c['city'] === 'Zürich <CH>');
var_dump($c['email'] === 'a&b@example.com');
var_dump($i['description'] === "$rtl & O'Brien");
var_dump($i['line'][0]['product'] === $desc);
var_dump($i['line'][1]['product'] === 'Two lines and a tab');
// the extended description is {INVOICENOTES}: newlines become the two characters \n
// (a backslash already in the text stays a backslash)
var_dump($i['descriptiontext'] === "Regel 1 & <2>\\nRegel \\n 3 🚀");

// the request XML escapes every special character, and decoding gives the text back
$xml = acu_request_xml($r['document']);
var_dump(str_contains($xml, '<companyname1>Müller &amp; Söhne &lt;GmbH&gt; &quot;quoted&quot; &apos;single&apos; &#92; back 🚀👩‍💻</companyname1>'));
preg_match_all('~<(\w+)>([^<]*)</\1>~', $xml, $m, PREG_SET_ORDER);
$back = [];
foreach ($m as [, $tag, $text]) {
    $back[$tag][] = html_entity_decode($text, ENT_XML1 | ENT_QUOTES, 'UTF-8');
}
var_dump($back['companyname1'][0] === $company, $back['product'][0] === $desc, $back['fullname'][0] === "$rtl O'Brien");
var_dump(preg_match('//u', $xml) === 1);
var_dump($r['concept'], $r['reconciliation']['booked_total']);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
string(5) "13.31"
