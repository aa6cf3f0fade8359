--TEST--
Request XML escaping: & < > " ' as entities, backslash as &#92;, CR as &#13;, TAB and LF as they are, UTF-8 unchanged; ints, bools, null, empty values; lists of values and of fields
--EXTENSIONS--
acumulus
--FILE--
<?php
$c = new Acumulus\Client('1', 'u', 'p', 'WHMCS 8.13.1', ['apiUrl' => 'https://127.0.0.1:9']);
function body(Acumulus\Client $c, array $body): string
{
    $xml = $c->requestXml($body);
    return substr($xml, strpos($xml, '</connector>') + strlen('</connector>'), -strlen('</myxml>'));
}
$cases = [
    'amp' => 'A & B',
    'lt-gt' => '<b>bold</b>',
    'quotes' => 'say "hi" & \'bye\'',
    'backslash' => 'C:\\dir\\file; regel 1\\nregel 2',
    'crlf' => "a\r\nb\rc\nd",
    'tab' => "col1\tcol2",
    'entity-like' => '&amp; &#92; &lt; ]]>',
    'utf8' => 'Les Camélias, België, Zürich, 東京, €, 😀',
    'noncharacters-allowed' => "\u{FDD0}\u{1FFFE}",
    'empty' => '',
    'zero' => '0',
    'spaces' => '  kept  ',
];
foreach ($cases as $name => $value) {
    echo $name, ': ', body($c, ['v' => $value]), "\n";
}
/* numbers: ints in decimal (no locale, no grouping); bools as 1/0; null omitted */
echo body($c, ['i' => 0, 'n' => -42, 'max' => PHP_INT_MAX, 'min' => PHP_INT_MIN, 't' => true, 'f' => false, 'null' => null]), "\n";
/* an empty array writes nothing; a list of values repeats the element; a
 * list of fields repeats an element with children; a reference is followed */
$ref = 'via reference';
echo body($c, ['none' => [], 'docid' => ['a', 'b', 3], 'line' => [['product' => 'x'], ['product' => 'y']], 'r' => &$ref]), "\n";
/* names: lower case, digits, '-' and '_' */
echo body($c, ['meta-vatrate-min' => '21', 'line_2' => 'x', 'a0' => 'y']), "\n";
/* what was written parses back (libxml2, as a response) to the same text */
$all = implode('|', $cases);
$v = body($c, ['v' => $all]);
$r = Acumulus\Client::parseResponse('sim/x', "<?xml version=\"1.0\"?>\n<response><status>0</status>$v</response>");
var_dump($r->data['v'] === $all);
?>
--EXPECT--
amp: <v>A &amp; B</v>
lt-gt: <v>&lt;b&gt;bold&lt;/b&gt;</v>
quotes: <v>say &quot;hi&quot; &amp; &apos;bye&apos;</v>
backslash: <v>C:&#92;dir&#92;file; regel 1&#92;nregel 2</v>
crlf: <v>a&#13;
b&#13;c
d</v>
tab: <v>col1	col2</v>
entity-like: <v>&amp;amp; &amp;#92; &amp;lt; ]]&gt;</v>
utf8: <v>Les Camélias, België, Zürich, 東京, €, 😀</v>
noncharacters-allowed: <v>﷐🿾</v>
empty: <v/>
zero: <v>0</v>
spaces: <v>  kept  </v>
<i>0</i><n>-42</n><max>9223372036854775807</max><min>-9223372036854775808</min><t>1</t><f>0</f>
<docid>a</docid><docid>b</docid><docid>3</docid><line><product>x</product></line><line><product>y</product></line><r>via reference</r>
<meta-vatrate-min>21</meta-vatrate-min><line_2>x</line_2><a0>y</a0>
bool(true)
