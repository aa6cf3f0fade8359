--TEST--
Acumulus\Tags::render(): a 1 MiB template, and the output limit
--EXTENSIONS--
acumulus
--FILE--
<?php
use Acumulus\Tags;
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();

/* 1 MiB of text with tags in it: 65536 times a 16-byte piece */
$tpl = str_repeat('abc {USERID} xy ', 65536);
var_dump(strlen($tpl));
$out = Tags::render($tpl, $i, $c);
var_dump(strlen($out), $out === str_repeat('abc 604 xy ', 65536));

/* 1 MiB of braces that never make a tag is copied as it is */
$tpl = str_repeat('{', 1 << 20);
var_dump(Tags::render($tpl, $i, $c) === $tpl);
$tpl = '{' . str_repeat('x', (1 << 20) - 1);
var_dump(Tags::render($tpl, $i, $c) === $tpl);

/* the limit counts the output, not the template */
var_dump(Tags::render('{USERID}', $i, $c, 0, [], 3));
try {
    Tags::render('{USERID}', $i, $c, 0, [], 2);
} catch (Acumulus\LengthException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
/* a long value blows the limit with a clear error naming the invoice */
$c['companyname'] = str_repeat('B.V. ', 1000);
try {
    Tags::render('{COMPANYNAME}', $i, $c, 0, [], 4096);
} catch (Acumulus\LengthException $e) {
    echo $e->getMessage(), "\n";
}
/* 0 allows only the empty result */
var_dump(Tags::render('', $i, $c, 0, [], 0));
try {
    Tags::render('x', $i, $c, 0, [], 0);
} catch (Acumulus\LengthException $e) {
    echo "limit 0: ", $e->getMessage(), "\n";
}
/* the default limit is acumulus.tags_max_length (4M): 5 MiB of output is refused */
try {
    Tags::render(str_repeat('{COMPANYNAME}', 1100), $i, $c);
} catch (Acumulus\LengthException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(1048576)
int(720896)
bool(true)
bool(true)
bool(true)
string(3) "604"
Acumulus\LengthException: invoice 1042, template: the text with its tags filled in is longer than the limit of 2 bytes
invoice 1042, template: the text with its tags filled in is longer than the limit of 4096 bytes
string(0) ""
limit 0: invoice 1042, template: the text with its tags filled in is longer than the limit of 0 bytes
invoice 1042, template: the text with its tags filled in is longer than the limit of 4194304 bytes
