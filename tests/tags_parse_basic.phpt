--TEST--
Acumulus\Tags::parse(): lists the {...} groups of a template, known or not, for checking a setting
--EXTENSIONS--
acumulus
--FILE--
<?php
use Acumulus\Tags;
$tpl = "Klant {USERID}, {USRID} {TAB} {CLIENT_CUSTOMFIELD:VAT ID}{CLIENT_CUSTOMFIELD7} {{x}} {\0} {";
foreach (Tags::parse($tpl) as $g) {
    printf("%2d %-30s %s\n", $g['offset'], addcslashes($g['tag'], "\0"), $g['known'] ? 'known' : 'unknown');
}
echo "with TABS_ESCAPED:\n";
foreach (Tags::parse('{TAB}{tab}', Tags::TABS_ESCAPED) as $g) {
    printf("%2d %-30s %s\n", $g['offset'], $g['tag'], $g['known'] ? 'known' : 'unknown');
}
var_dump(Tags::parse(''), Tags::parse('no tags } {'));
?>
--EXPECT--
 6 {USERID}                       known
16 {USRID}                        unknown
24 {TAB}                          unknown
30 {CLIENT_CUSTOMFIELD:VAT ID}    known
57 {CLIENT_CUSTOMFIELD7}          known
80 {x}                            unknown
85 {\000}                         unknown
with TABS_ESCAPED:
 0 {TAB}                          known
 5 {tab}                          known
array(0) {
}
array(0) {
}
