--TEST--
Request XML refusals name the field: floats, invalid UTF-8, control characters, non-characters, bad element names, integer keys, nested lists, objects, the basic submit, depth and size
--EXTENSIONS--
acumulus
--FILE--
<?php
$c = new Acumulus\Client('1', 'u', 'p', 'WHMCS 8.13.1', ['apiUrl' => 'https://127.0.0.1:9']);
$inv = fn (array $line) => ['customer' => ['invoice' => ['line' => [['product' => 'ok'], $line]]]];
$cases = [
    'float money' => $inv(['unitprice' => 12.5]),
    'float zero' => ['v' => 0.0],
    'invalid UTF-8 (Latin-1)' => $inv(['product' => "Caf\xe9 cr\xe8me"]),
    'truncated sequence' => ['customer' => ['fullname' => "abc\xe2\x82"]],
    'overlong' => ['v' => "\xc0\xaf"],
    'surrogate' => ['v' => "x\xed\xa0\x80"],
    'beyond U+10FFFF' => ['v' => "\xf4\x90\x80\x80"],
    'NUL' => ['v' => "a\0b"],
    'BEL' => ['v' => "bell\x07"],
    'ESC' => ['v' => "\x1b[31m"],
    'vertical tab' => ['v' => "a\x0bb"],
    'DEL' => ['v' => "a\x7fb"],
    'C1 NEL' => ['v' => "a\u{85}b"],
    'U+FFFE' => ['v' => "a\u{FFFE}"],
    'U+FFFF' => ['v' => "\u{FFFF}"],
    'upper-case name' => ['customer' => ['FullName' => 'x']],
    'name with a space' => ['customer' => ['full name' => 'x']],
    'name starting with a digit' => ['9lives' => 'x'],
    'name starting with xml' => ['xmlns' => 'x'],
    'empty name' => ['' => 'x'],
    'name too long' => [str_repeat('a', 65) => 'x'],
    'name with invalid UTF-8' => ["na\xffme" => 'x'],
    'integer key' => ['customer' => ['invoice' => ['line' => ['product' => 'x', 5 => 'y']]]],
    'list at the top' => ['x', 'y'],
    'nested list' => ['docid' => [['a', 'b']]],
    'object' => $inv(['product' => new ArrayObject([])]),
    'stringable object' => ['v' => new class { function __toString(): string { return 's'; } }],
    'contract in the body' => ['contract' => ['password' => 'x']],
    'testmode in the body' => ['testmode' => 1],
    'connector in the body' => ['connector' => []],
];
foreach ($cases as $name => $body) {
    try {
        $c->requestXml($body);
        echo "$name: accepted\n";
    } catch (Acumulus\InvalidArgumentException $e) {
        echo "$name: ", $e->getMessage(), "\n";
    }
}
/* too deep: 33 levels with the root */
$deep = 'x';
for ($i = 0; $i < 31; $i++) {
    $deep = ['d' => $deep];
}
try {
    $c->requestXml($deep);
    echo "31 levels: accepted\n";
} catch (Acumulus\InvalidArgumentException $e) {
    echo '31 levels: ', $e->getMessage(), "\n";
}
$deep = ['d' => $deep];
try {
    $c->requestXml($deep);
} catch (Acumulus\InvalidArgumentException $e) {
    echo '32 levels: ', substr($e->getMessage(), 0, 30), '...', substr($e->getMessage(), -20), "\n";
}
/* a self-referencing array ends at the depth limit too */
$loop = ['a' => 1];
$loop['self'] = &$loop;
try {
    $c->requestXml($loop);
} catch (Acumulus\InvalidArgumentException $e) {
    echo 'recursion: ', substr($e->getMessage(), -17), "\n";
}
unset($loop['self']);   /* the test's own reference cycle would outlive it */
/* more than 4 MB of XML */
try {
    $c->requestXml(['v' => str_repeat('x', 4 * 1024 * 1024)]);
} catch (Acumulus\InvalidArgumentException $e) {
    echo 'size: ', $e->getMessage(), "\n";
}
/* the exception is one of ours */
var_dump($e instanceof Acumulus\Exception, $e instanceof InvalidArgumentException);
?>
--EXPECT--
float money: Acumulus request: customer/invoice/line[2]/unitprice: a float; amounts, quantities and rates go as decimal strings with a point ("12.1000")
float zero: Acumulus request: v: a float; amounts, quantities and rates go as decimal strings with a point ("12.1000")
invalid UTF-8 (Latin-1): Acumulus request: customer/invoice/line[2]/product: invalid UTF-8 at byte 3
truncated sequence: Acumulus request: customer/fullname: invalid UTF-8 at byte 3
overlong: Acumulus request: v: invalid UTF-8 at byte 0
surrogate: Acumulus request: v: invalid UTF-8 at byte 1
beyond U+10FFFF: Acumulus request: v: invalid UTF-8 at byte 0
NUL: Acumulus request: v: a control character (U+0000) at byte 1
BEL: Acumulus request: v: a control character (U+0007) at byte 4
ESC: Acumulus request: v: a control character (U+001B) at byte 0
vertical tab: Acumulus request: v: a control character (U+000B) at byte 1
DEL: Acumulus request: v: a control character (U+007F) at byte 1
C1 NEL: Acumulus request: v: a control character (U+0085) at byte 1
U+FFFE: Acumulus request: v: a character XML does not allow (U+FFFE) at byte 1
U+FFFF: Acumulus request: v: a character XML does not allow (U+FFFF) at byte 0
upper-case name: Acumulus request: customer/FullName: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
name with a space: Acumulus request: customer/full name: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
name starting with a digit: Acumulus request: 9lives: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
name starting with xml: Acumulus request: xmlns: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
empty name: Acumulus request: : not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
name too long: Acumulus request: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
name with invalid UTF-8: Acumulus request: na?me: not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)
integer key: Acumulus request: customer/invoice/line/5: an integer key where an element name belongs; repeated elements are a list under one name
list at the top: Acumulus request: 0: an integer key where an element name belongs; repeated elements are a list under one name
nested list: Acumulus request: docid[1]: a list inside a list; an item must be a value or an array of fields
object: Acumulus request: customer/invoice/line[2]/product: an object of class ArrayObject; expected a string, an int, a bool, null or an array
stringable object: Acumulus request: v: an object of class class@anonymous; expected a string, an int, a bool, null or an array
contract in the body: Acumulus request: contract: set by the client itself (contract, format, testmode, lang, connector)
testmode in the body: Acumulus request: testmode: set by the client itself (contract, format, testmode, lang, connector)
connector in the body: Acumulus request: connector: set by the client itself (contract, format, testmode, lang, connector)
31 levels: accepted
32 levels: Acumulus request: d/d/d/d/d/d/...d: nested too deeply
recursion: nested too deeply
size: Acumulus request: v: the request would be too large
bool(true)
bool(true)
