--TEST--
Acumulus\Tags::render(): the per-field newline and tab rules of the Acumulus API
--EXTENSIONS--
acumulus
--FILE--
<?php
use Acumulus\Tags;
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
/* shown with addcslashes: a real newline prints as \n, a literal backslash as \\ */
$show = fn (string $s) => var_dump(addcslashes($s, "\r\n\t\\"));
$i['notes'] = "one\r\ntwo\rthree\nfour\tfive";
$tpl = "Notes:\n{INVOICENOTES}\r\n{TAB}end\t";
foreach ([
    'none' => 0,
    'descriptiontext (NEWLINES_ESCAPED|TABS_TO_SPACE)' => Tags::NEWLINES_ESCAPED | Tags::TABS_TO_SPACE,
    'invoicenotes (NEWLINES_ESCAPED|TABS_ESCAPED)' => Tags::NEWLINES_ESCAPED | Tags::TABS_ESCAPED,
    'single line (NEWLINES_TO_SPACE|TABS_TO_SPACE)' => Tags::NEWLINES_TO_SPACE | Tags::TABS_TO_SPACE,
] as $what => $flags) {
    echo "$what:\n";
    $show(Tags::render($tpl, $i, $c, $flags));
}
/* A CRLF split between the template and a value is still one newline */
$i['notes'] = "\nafter";
$show(Tags::render("before\r{INVOICENOTES}", $i, $c, Tags::NEWLINES_ESCAPED));
/* An existing backslash-n is not a newline and is left alone */
$i['notes'] = 'C:\new';
$show(Tags::render('{INVOICENOTES}', $i, $c, Tags::NEWLINES_ESCAPED));
?>
--EXPECT--
none:
string(51) "Notes:\none\r\ntwo\rthree\nfour\tfive\r\n{TAB}end\t"
descriptiontext (NEWLINES_ESCAPED|TABS_TO_SPACE):
string(50) "Notes:\\none\\ntwo\\nthree\\nfour five\\n{TAB}end "
invoicenotes (NEWLINES_ESCAPED|TABS_ESCAPED):
string(52) "Notes:\\none\\ntwo\\nthree\\nfour\\tfive\\n\\tend\\t"
single line (NEWLINES_TO_SPACE|TABS_TO_SPACE):
string(40) "Notes: one two three four five {TAB}end "
string(14) "before\\nafter"
string(7) "C:\\new"
