--TEST--
InvoiceMapper -> Client::requestXml(): tricky text (&, <, quotes, backslashes, entity look-alikes, line ends, emoji, right-to-left) parsed back with DOM is exactly what WHMCS gave
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
; ext/dom is shared (Debian php8.2-xml) and make test drops the extension lines of php.ini: load it from PHP's own extension directory
extension=PHP_EXTENSION_DIR "/dom.so"
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

/*
 * The document -> XML path, checked with a parser that is not ours: the
 * mapped document goes through the real request writer (xml.c), libxml2's
 * DOM (ext/dom) reads the XML back, and every text must be what WHMCS gave
 * (with the mapper's documented newline rules where a field has one) and
 * the whole tree must be the document's, element for element.
 */

$rtl = "\u{200F}שלום עולם\u{200E} مرحبا \u{202E}txet\u{202C}";   // RLM, LRM, RLO ... PDF
$emoji = "🚀👩‍💻🇳🇱❤️";                                             // ZWJ sequence, flag, variation selector
$lookalikes = "&amp; &#92; &#13; ]]> <!-- c --> <![CDATA[d]]> <?pi x?>";
$whmcsClient = [
    'companyname' => "Müller & Söhne <GmbH> \"quoted\" 'single' \\ back \\n $lookalikes $emoji",
    'firstname' => $rtl,
    'lastname' => "O'Brien & <Zn>",
    'address1' => 'Straße 1 & 2 "achter"',
    'address2' => "t.a.v. \\\\server\\share <b>\r\nUnit 4\tachterom",
    'city' => "'s-Hertogenbosch",
    'state' => '',
    'postcode' => '5211 AB',
    'phonenumber' => '+31 (0)73 & "ext" 5',
    'email' => "o'brien&co+<x>@example.com",
];
$whmcsNotes = "Regel 1 & <2>\r\nRegel \\n 3 $emoji\n\"$rtl\" $lookalikes";
$whmcsItem = "Webhosting & <b>Domein</b> \"Pro\" 'x' \\ $emoji $rtl $lookalikes";
$settings = [
    'acumulus_cusromer_mark' => '{COMPANYNAME}',
    'acumulus_invoice_description' => '{FIRSTNAME} & {LASTNAME} <"\'>',
    'acumulus_invoice_invoicenotes' => "Intern: {LASTNAME}{TAB}& <x>\nregel 2 \\",
    'acumulus_emailaspdf' => 'on',
    'acumulus_emailaspdf_emailbcc' => "a&b@x.nl;'c'@y.nl",
    'acumulus_emailaspdf_emailfrom' => 'Fac & Co <f@x.nl>',
    'acumulus_emailaspdf_subject' => 'Factuur {INVOICENUMBER} – {COMPANYNAME}',
    'acumulus_emailaspdf_message' => "Beste {FIRSTNAME},\n\n& <groet> \\ 🚀",
];
$r = acu_map_case([
    'client' => $whmcsClient,
    'invoice' => ['notes' => $whmcsNotes],
    'items' => [[$whmcsItem, '10.00', 1, 'Hosting'], ['Domein example.nl', '1.00', 1, 'Domain']],
    'settings' => $settings,
]);
$xml = acu_request_xml($r['document']);

// the writer's own rules, visible in the bytes: no bare backslash (the API
// loses them), CR as a character reference, every look-alike escaped (the
// one <? is the XML declaration)
var_dump(!str_contains($xml, '\\'));
var_dump(str_contains($xml, "<address2>t.a.v. &#92;&#92;server&#92;share &lt;b&gt;&#13;\nUnit 4\tachterom</address2>"));
var_dump(substr_count($xml, '<![CDATA['), substr_count($xml, '<!--'), substr_count($xml, '<?'));

libxml_use_internal_errors(true);
$dom = new DOMDocument();
var_dump($dom->loadXML($xml, LIBXML_NONET));
foreach (libxml_get_errors() as $e) {
    echo 'libxml: ', trim($e->message), ' at line ', $e->line, "\n";
}
var_dump($dom->xmlVersion, $dom->xmlEncoding, $dom->documentElement->tagName);

/** The element tree as a list of [name, text or children]; anything but elements and text fails. */
function dom_tree(DOMElement $el): array
{
    if ($el->attributes->length !== 0 || $el->namespaceURI !== null) {
        throw new LogicException("<{$el->tagName}> has attributes or a namespace");
    }
    $kids = [];
    $text = '';
    foreach ($el->childNodes as $c) {
        if ($c instanceof DOMElement) {
            $kids[] = [$c->tagName, dom_tree($c)];
        } elseif ($c->nodeType === XML_TEXT_NODE) {
            $text .= $c->data;
        } else {
            throw new LogicException("<{$el->tagName}> holds a node of type {$c->nodeType}");
        }
    }
    if ($kids !== [] && $text !== '') {
        throw new LogicException("<{$el->tagName}> mixes text and elements");
    }
    return $kids !== [] ? $kids : [$text];
}

/** The same form from an array tree (docs/extension.md): what the XML must say. */
function doc_tree(array $node): array
{
    $out = [];
    foreach ($node as $k => $v) {
        if (is_array($v) && $v !== [] && array_is_list($v)) {
            foreach ($v as $item) {
                $out[] = [$k, doc_tree($item)];
            }
        } elseif (is_array($v)) {
            $out[] = [$k, doc_tree($v)];
        } elseif ($v !== null) {
            $out[] = [$k, [is_bool($v) ? ($v ? '1' : '0') : (string) $v]];
        }
    }
    return $out;
}

/** The first place two trees differ, for the failure message. */
function tree_diff(array $a, array $b, string $at = ''): ?string
{
    for ($i = 0; $i < max(count($a), count($b)); $i++) {
        $x = $a[$i] ?? null;
        $y = $b[$i] ?? null;
        if (!is_array($x) || !is_array($y)) {
            return $x === $y ? null : "$at: " . json_encode($x, JSON_UNESCAPED_UNICODE) . ' vs ' . json_encode($y, JSON_UNESCAPED_UNICODE);
        }
        if ($x[0] !== $y[0]) {
            return "$at/[$i]: <{$x[0]}> vs <{$y[0]}>";
        }
        if (($d = tree_diff($x[1], $y[1], "$at/{$x[0]}")) !== null) {
            return $d;
        }
    }
    return null;
}

$basic = [
    ['contract', [['contractcode', ['***']], ['username', ['***']], ['password', ['***']]]],
    ['format', ['xml']], ['testmode', ['0']], ['lang', ['en']],
    ['connector', [['application', [ACU_GOLDEN_APPLICATION]], ['webkoppel', ['Acumulus for WHMCS ' . phpversion('acumulus')]],
        ['development', ['Acumulus for WHMCS project']], ['remark', ['PHP ' . PHP_VERSION]]]],
];
$got = dom_tree($dom->documentElement);
$want = array_merge($basic, doc_tree($r['document']));
echo 'the whole tree is the document\'s: ';
var_dump($got === $want);
if ($got !== $want) {
    echo tree_diff($want, $got), "\n";
}

// field by field: the text DOM reads is what WHMCS gave
$xp = new DOMXPath($dom);
$first = $whmcsClient['firstname'];
$last = $whmcsClient['lastname'];
$fields = [
    'customer/companyname1' => $whmcsClient['companyname'],
    'customer/fullname' => "$first $last",
    'customer/address1' => $whmcsClient['address1'],
    'customer/address2' => $whmcsClient['address2'],
    'customer/city' => $whmcsClient['city'],
    'customer/telephone' => $whmcsClient['phonenumber'],
    'customer/email' => $whmcsClient['email'],
    'customer/mark' => $whmcsClient['companyname'],
    'customer/invoice/description' => "$first & $last <\"'>",
    // {INVOICENOTES}: each line end becomes the two characters \n
    'customer/invoice/descriptiontext' => str_replace(["\r\n", "\n"], '\n', $whmcsNotes),
    // invoicenotes: {TAB} becomes \t, a line end \n (two characters each)
    'customer/invoice/invoicenotes' => "Intern: $last" . '\t' . '& <x>' . '\n' . 'regel 2 \\',
    'customer/invoice/line[1]/product' => $whmcsItem,
    'customer/invoice/emailaspdf/emailto' => $whmcsClient['email'],
    'customer/invoice/emailaspdf/emailbcc' => $settings['acumulus_emailaspdf_emailbcc'],
    'customer/invoice/emailaspdf/emailfrom' => $settings['acumulus_emailaspdf_emailfrom'],
    'customer/invoice/emailaspdf/subject' => 'Factuur 1042 – ' . $whmcsClient['companyname'],
    'customer/invoice/emailaspdf/message' => "Beste $first," . '\n\n' . '& <groet> \\ 🚀',
];
$same = 0;
foreach ($fields as $path => $text) {
    $nodes = $xp->query("/myxml/$path");
    if ($nodes->length !== 1) {
        echo "$path: {$nodes->length} elements\n";
    } elseif ($nodes->item(0)->textContent !== $text) {
        echo "$path: read back ", json_encode($nodes->item(0)->textContent, JSON_UNESCAPED_UNICODE),
            ', WHMCS gave ', json_encode($text, JSON_UNESCAPED_UNICODE), "\n";
    } else {
        $same++;
    }
}
echo "$same of ", count($fields), " fields read back as WHMCS gave them\n";
var_dump($r['concept'], $r['warnings']);
?>
--EXPECT--
bool(true)
bool(true)
int(0)
int(0)
int(1)
bool(true)
string(3) "1.0"
string(5) "UTF-8"
string(5) "myxml"
the whole tree is the document's: bool(true)
17 of 17 fields read back as WHMCS gave them
bool(false)
array(0) {
}
