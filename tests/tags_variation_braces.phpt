--TEST--
Acumulus\Tags::render(): unknown tags, stray and nested braces are written as they are
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
$cases = [
    'unknown tag' => 'Klant {USRID} {FOO_BAR} {}',
    '{ at the end' => 'Factuur {',
    '{ at the end after a tag' => '{USERID}{',
    'lone }' => '} {USERID} }',
    '{{' => '{{USERID}}',
    '{{ alone' => '{{ {{',
    'nested' => '{{USERID}{INVOICEID}}',
    'nested inside a name' => '{USER{USERID}ID}',
    'unclosed then tag' => '{USERID {USERID}',
    'spaces are not names' => '{ USERID } {USER ID}',
    'TAB without the flag' => 'a{TAB}b',
    'index 0 and leading zero' => '{CLIENT_CUSTOMFIELD0} {CLIENT_CUSTOMFIELD01}',
    'index too long' => '{CLIENT_CUSTOMFIELD1234567}',
    'prefix alone' => '{CLIENT_CUSTOMFIELD} {CLIENT_CUSTOMFIELD:}',
    'JSON-like text' => '{"a": {"b": 1}}',
];
foreach ($cases as $what => $tpl) {
    printf("%-26s %s -> %s\n", $what, $tpl, Acumulus\Tags::render($tpl, $i, $c));
}
/* A name longer than any tag can be is text, and so is the rest up to the next { */
$long = '{CLIENT_CUSTOMFIELD:' . str_repeat('x', 300) . '}';
var_dump(Acumulus\Tags::render($long, $i, $c, 0, [9 => str_repeat('x', 300)]) === $long);
/* 255 bytes is the longest field name */
$names = [9 => str_repeat('y', 255)];
$c['customfields'][] = ['id' => 9, 'value' => 'found'];
var_dump(Acumulus\Tags::render('{CLIENT_CUSTOMFIELD:' . str_repeat('y', 255) . '}', $i, $c, 0, $names));
?>
--EXPECT--
unknown tag                Klant {USRID} {FOO_BAR} {} -> Klant {USRID} {FOO_BAR} {}
{ at the end               Factuur { -> Factuur {
{ at the end after a tag   {USERID}{ -> 604{
lone }                     } {USERID} } -> } 604 }
{{                         {{USERID}} -> {604}
{{ alone                   {{ {{ -> {{ {{
nested                     {{USERID}{INVOICEID}} -> {6041042}
nested inside a name       {USER{USERID}ID} -> {USER604ID}
unclosed then tag          {USERID {USERID} -> {USERID 604
spaces are not names       { USERID } {USER ID} -> { USERID } {USER ID}
TAB without the flag       a{TAB}b -> a{TAB}b
index 0 and leading zero   {CLIENT_CUSTOMFIELD0} {CLIENT_CUSTOMFIELD01} -> {CLIENT_CUSTOMFIELD0} {CLIENT_CUSTOMFIELD01}
index too long             {CLIENT_CUSTOMFIELD1234567} -> {CLIENT_CUSTOMFIELD1234567}
prefix alone               {CLIENT_CUSTOMFIELD} {CLIENT_CUSTOMFIELD:} -> {CLIENT_CUSTOMFIELD} {CLIENT_CUSTOMFIELD:}
JSON-like text             {"a": {"b": 1}} -> {"a": {"b": 1}}
bool(true)
string(5) "found"
