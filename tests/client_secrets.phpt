--TEST--
Credentials never show: dumps of a Client mask them, clone and serialize are refused, traces hide the constructor's secrets, logged requests are masked, and a password echoed by the server is blanked from messages, raw answers and parsed values
--EXTENSIONS--
acumulus
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/client_server.inc';
$srv = acu_server_start();
$c = acu_client($srv);
$secrets = [ACU_TEST_CONTRACT, ACU_TEST_USER, ACU_TEST_PASSWORD, htmlspecialchars(ACU_TEST_PASSWORD, ENT_XML1 | ENT_QUOTES)];
function leaks(string $s): string
{
    global $secrets;
    $found = array_filter($secrets, fn ($x) => str_contains($s, $x));
    return $found ? 'LEAKS ' . implode(', ', $found) : 'clean';
}

ob_start();
var_dump($c);
print_r($c);
echo "\n";
var_export($c);
debug_zval_dump($c);
echo json_encode($c), json_encode((array) $c), json_encode(get_object_vars($c));
$dump = ob_get_clean();
echo 'dumps: ', leaks($dump), "\n";
echo 'var_dump shows ', substr_count($dump, '"***"'), " masks\n";
print_r($c);
var_dump((new ReflectionObject($c))->getProperties());

foreach ([fn () => clone $c, fn () => serialize($c), fn () => unserialize('O:15:"Acumulus\Client":0:{}'),
          fn () => (new ReflectionClass(Acumulus\Client::class))->newInstanceWithoutConstructor(),
          fn () => $c->__construct('1', 'u', 'p', 'x'), fn () => serialize(Acumulus\Client::parseResponse('sim/x', '<response><status>0</status></response>'))] as $f) {
    try {
        $f();
        echo "allowed!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

/* a bad argument to the constructor: the secrets in the trace are hidden */
try {
    new Acumulus\Client('424242', 'someone', "se\xffcret", 'WHMCS 8');
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
    $args = $e->getTrace()[0]['args'];
    echo implode(', ', array_map(fn ($a) => is_object($a) ? get_class($a) : var_export($a, true), $args)), "\n";
    echo 'trace: ', str_contains($e->getTraceAsString(), '424242') || str_contains($e->getTraceAsString(), 'someone') ? 'LEAKS' : 'clean', "\n";
}

/* requests kept for logs */
$r = $c->about();
echo 'Result->request: ', leaks($r->request), ', ', leaks(print_r($r, true)), "\n";

/* a server that echoes the password */
try {
    $c->call('sim/echo', ['v' => 1]);
} catch (Acumulus\ApiException $e) {
    echo $e->getMessage(), "\n";
    echo 'message: ', leaks($e->getMessage()), ', response: ', leaks($e->response), ', request: ', leaks($e->request),
        ', result: ', leaks(print_r($e->result, true)), ', errors: ', leaks(print_r($e->errors, true)), ', exception: ', leaks(print_r($e, true)), "\n";
    echo json_encode($e->result->data['contract']), ' ', $e->result->data['note'], "\n";
    /* what the server got was the real thing */
    $req = acu_server_wait($srv, 'req', 2)[1];
    echo 'on the wire: ', leaks($req['xml']) !== 'clean' ? 'the credentials' : 'nothing', "\n";
}

/* the contract code comes back on purpose in some answers (a locked
 * period): masked where it is a whole value or word, kept inside numbers */
$r = $c->call('sim/contractcode');
echo json_encode($r->data['invoice']), "\n";
echo substr($r->response, strpos($r->response, '<invoice>'), 111), "\n";
?>
--EXPECTF--
dumps: clean
var_dump shows 6 masks
Acumulus\Client Object
(
    [contractCode] => ***
    [username] => ***
    [password] => ***
    [application] => WHMCS 8.13.1
    [apiUrl] => https://127.0.0.1:%d/acumulus
    [caFile] => %s/ca.pem
    [testMode] => 
    [lang] => en
    [emailOnError] => 
    [emailOnWarning] => 
    [connectTimeout] => 10
    [timeout] => 20
)
array(0) {
}
Error: Trying to clone an uncloneable object of class Acumulus\Client
Exception: Serialization of 'Acumulus\Client' is not allowed
Exception: Unserialization of 'Acumulus\Client' is not allowed
ReflectionException: Class Acumulus\Client is an internal class marked as final that cannot be instantiated without invoking its constructor
Error: Acumulus\Client is already constructed
Exception: Serialization of 'Acumulus\Result' is not allowed
Acumulus\Client::__construct(): Argument #3 ($password) the password contains invalid UTF-8 at byte 2
SensitiveParameterValue, SensitiveParameterValue, SensitiveParameterValue, 'WHMCS 8'
trace: clean
Result->request: clean, clean
Acumulus sim/echo: refused (status 1, HTTP 400): [400 Bad Request SIMECHO1] Bad input: ***
message: clean, response: clean, request: clean, result: clean, errors: clean, exception: clean
{"contractcode":"***","username":"***","password":"***"} ***
on the wire: the credentials
{"entryid":"55123456","contractcode":"***","note":"period of 123456 locked"}
<invoice><entryid>55123456</entryid><contractcode>***</contractcode><note>period of *** locked</note></invoice>
