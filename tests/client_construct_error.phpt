--TEST--
Acumulus\Client constructor: credentials and options are checked (ValueError/TypeError naming the argument and option, never the secret)
--EXTENSIONS--
acumulus
--FILE--
<?php
$ok = ['apiUrl' => 'https://127.0.0.1:9'];
$cases = [
    'empty contract code' => ['', 'u', 'p', 'WHMCS 8', $ok],
    'empty user' => ['1', '', 'p', 'WHMCS 8', $ok],
    'empty password' => ['1', 'u', '', 'WHMCS 8', $ok],
    'empty application' => ['1', 'u', 'p', '', $ok],
    'password with invalid UTF-8' => ['1', 'u', "geheim\xff", 'WHMCS 8', $ok],
    'password with a control character' => ['1', 'u', "geh\x01eim", 'WHMCS 8', $ok],
    'user with NUL' => ['1', "u\0", 'p', 'WHMCS 8', $ok],
    'unknown option' => ['1', 'u', 'p', 'WHMCS 8', ['verifyPeer' => false]],
    'integer option key' => ['1', 'u', 'p', 'WHMCS 8', ['x']],
    'apiUrl http' => ['1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'http://api.sielsystems.nl/acumulus/stable']],
    'apiUrl without host' => ['1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'https:///acumulus']],
    'apiUrl with a query' => ['1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'https://127.0.0.1/x?y=1']],
    'apiUrl with a space' => ['1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'https://127.0.0.1/a b']],
    'apiUrl not a string' => ['1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 5]],
    'relative caFile' => ['1', 'u', 'p', 'WHMCS 8', ['caFile' => 'ca.pem']],
    'caFile with NUL' => ['1', 'u', 'p', 'WHMCS 8', ['caFile' => "/tmp/ca\0.pem"]],
    'lang de' => ['1', 'u', 'p', 'WHMCS 8', ['lang' => 'de']],
    'testMode as string' => ['1', 'u', 'p', 'WHMCS 8', ['testMode' => '1']],
    'timeout 0' => ['1', 'u', 'p', 'WHMCS 8', ['timeout' => 0]],
    'timeout 601' => ['1', 'u', 'p', 'WHMCS 8', ['timeout' => 601]],
    'connectTimeout 121' => ['1', 'u', 'p', 'WHMCS 8', ['connectTimeout' => 121]],
    'timeout as string' => ['1', 'u', 'p', 'WHMCS 8', ['timeout' => '5']],
    'emailOnError invalid UTF-8' => ['1', 'u', 'p', 'WHMCS 8', ['emailOnError' => "a\xff@b"]],
    'emailOnWarning as array' => ['1', 'u', 'p', 'WHMCS 8', ['emailOnWarning' => []]],
];
foreach ($cases as $name => $args) {
    try {
        new Acumulus\Client(...$args);
        echo "$name: accepted\n";
    } catch (Error $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
/* accepted: options as documented; the API URL loses a trailing slash */
$c = new Acumulus\Client('1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'HTTPS://127.0.0.1:9/acumulus/stable/', 'caFile' => '',
    'lang' => 'nl', 'testMode' => false, 'timeout' => 600, 'connectTimeout' => 1, 'emailOnError' => null, 'emailOnWarning' => '']);
echo $c->invoicePdfUrl(str_repeat('a', 32)), "\n";
/* a Result is only made by the client */
try {
    new Acumulus\Result();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
empty contract code: ValueError: Acumulus\Client::__construct(): Argument #1 ($contractCode) must not be empty
empty user: ValueError: Acumulus\Client::__construct(): Argument #2 ($username) must not be empty
empty password: ValueError: Acumulus\Client::__construct(): Argument #3 ($password) must not be empty
empty application: ValueError: Acumulus\Client::__construct(): Argument #4 ($application) must not be empty
password with invalid UTF-8: ValueError: Acumulus\Client::__construct(): Argument #3 ($password) the password contains invalid UTF-8 at byte 6
password with a control character: ValueError: Acumulus\Client::__construct(): Argument #3 ($password) the password contains a control character (U+0001) at byte 3
user with NUL: ValueError: Acumulus\Client::__construct(): Argument #2 ($username) the user name contains a control character (U+0000) at byte 1
unknown option: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) has an unknown option "verifyPeer"
integer option key: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) must be an array of option name => value
apiUrl http: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "apiUrl" must be an https:// URL with a host and no query
apiUrl without host: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "apiUrl" must be an https:// URL with a host and no query
apiUrl with a query: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "apiUrl" must be an https:// URL with a host and no query
apiUrl with a space: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "apiUrl" must be an https:// URL with a host and no query
apiUrl not a string: TypeError: Acumulus\Client::__construct(): Argument #5 ($options) option "apiUrl" must be of type string, int given
relative caFile: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "caFile" must be empty or an absolute path
caFile with NUL: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "caFile" must be empty or an absolute path
lang de: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "lang" must be "en" or "nl"
testMode as string: TypeError: Acumulus\Client::__construct(): Argument #5 ($options) option "testMode" must be of type bool, string given
timeout 0: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "timeout" must be from 1 to 600 seconds
timeout 601: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "timeout" must be from 1 to 600 seconds
connectTimeout 121: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) option "connectTimeout" must be from 1 to 120 seconds
timeout as string: TypeError: Acumulus\Client::__construct(): Argument #5 ($options) option "timeout" must be of type int, string given
emailOnError invalid UTF-8: ValueError: Acumulus\Client::__construct(): Argument #5 ($options) emailOnError contains invalid UTF-8 at byte 1
emailOnWarning as array: TypeError: Acumulus\Client::__construct(): Argument #5 ($options) option "emailOnWarning" must be of type ?string, array given
HTTPS://127.0.0.1:9/acumulus/stable/invoices/invoice_get_pdf.php?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
Error: Call to private Acumulus\Result::__construct() from global scope
