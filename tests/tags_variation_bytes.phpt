--TEST--
Acumulus\Tags::render(): NUL bytes and invalid UTF-8 pass through byte for byte; a NUL splits no tag
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/fixtures/whmcs.inc';
$i = acu_fixture_invoice();
$c = acu_fixture_client();
$show = fn (string $s) => bin2hex($s);

/* a tag split by a NUL byte is not a tag */
$t = "{USER\0ID}";
var_dump(Acumulus\Tags::render($t, $i, $c) === $t);
$t = "{CLIENT_CUSTOMFIELD:VAT\0ID}";
var_dump(Acumulus\Tags::render($t, $i, $c, 0, [3 => "VAT\0ID"]) === $t);
/* NUL bytes around tags are kept */
echo $show(Acumulus\Tags::render("\0{USERID}\0", $i, $c)), "\n";

/* invalid UTF-8 in the template and in values is not touched */
$bad = "\xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\xbc";
var_dump(Acumulus\Tags::render($bad . '{USERID}' . $bad, $i, $c) === $bad . '604' . $bad);
$c['firstname'] = $bad;
var_dump(Acumulus\Tags::render('[{FIRSTNAME}]', $i, $c) === "[$bad]");
$c['lastname'] = "a\0b";
echo $show(Acumulus\Tags::render('{LASTNAME}', $i, $c)), "\n";

/* valid multibyte text, emoji and right-to-left text */
$c['companyname'] = "Café ☕ \u{1F600} שלום & <Co>";
echo Acumulus\Tags::render('{COMPANYNAME}', $i, $c), "\n";
?>
--EXPECT--
bool(true)
bool(true)
0036303400
bool(true)
bool(true)
610062
Café ☕ 😀 שלום & <Co>
