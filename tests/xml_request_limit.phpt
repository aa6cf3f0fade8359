--TEST--
Request XML size limit: 4 MB of the document as sent (real credentials, escaped), whatever the masked copy measures; at the limit it passes, a byte more is refused where it happens: at the closing </myxml>, or at the element that no longer fits (also for text with entities)
--EXTENSIONS--
acumulus
--FILE--
<?php
/* The masked copy has "***" where the document as sent has the contract
 * code, user name and password (escaped): a request is measured as sent. */
const LIMIT = 4 * 1024 * 1024;
$clients = [
    'credentials shorter than the mask' => [['1', 'u', 'p'], 1 + 1 + 1],
    'credentials longer than the mask, escaped' => [['123456', 'api-user', str_repeat('p&ss<w>rd', 20)], 6 + 8 + 20 * 19],
];
foreach ($clients as $name => [[$code, $user, $pass], $sent]) {
    $c = new Acumulus\Client($code, $user, $pass, 'WHMCS 8.13.1', ['apiUrl' => 'https://127.0.0.1:9']);
    /* bytes as sent besides the text of v */
    $base = strlen($c->requestXml(['v' => 'x'])) - 1 - 9 + $sent;
    $fits = LIMIT - $base;
    $out = [];
    foreach ([0, 1, 8, 9] as $more) {
        try {
            $xml = $c->requestXml(['v' => str_repeat('x', $fits + $more)]);
            $out[] = sprintf('%+d: written, %d bytes as sent', $more, strlen($xml) - 9 + $sent);
        } catch (Acumulus\InvalidArgumentException $e) {
            $out[] = sprintf('%+d: %s', $more, $e->getMessage());
        }
    }
    /* text with entities: "&" is 5 bytes in the document */
    $amps = intdiv($fits, 5);
    foreach ([0, 1, 9] as $more) {
        try {
            $xml = $c->requestXml(['v' => str_repeat('&', $amps) . str_repeat('y', $fits - 5 * $amps + $more)]);
            $out[] = sprintf('entities %+d: written, %d bytes as sent', $more, strlen($xml) - 9 + $sent);
        } catch (Acumulus\InvalidArgumentException $e) {
            $out[] = sprintf('entities %+d: %s', $more, $e->getMessage());
        }
    }
    echo $name, ":\n  ", implode("\n  ", $out), "\n";
}
?>
--EXPECT--
credentials shorter than the mask:
  +0: written, 4194304 bytes as sent
  +1: Acumulus request: myxml: the request would be too large
  +8: Acumulus request: myxml: the request would be too large
  +9: Acumulus request: v: the request would be too large
  entities +0: written, 4194304 bytes as sent
  entities +1: Acumulus request: myxml: the request would be too large
  entities +9: Acumulus request: v: the request would be too large
credentials longer than the mask, escaped:
  +0: written, 4194304 bytes as sent
  +1: Acumulus request: myxml: the request would be too large
  +8: Acumulus request: myxml: the request would be too large
  +9: Acumulus request: v: the request would be too large
  entities +0: written, 4194304 bytes as sent
  entities +1: Acumulus request: myxml: the request would be too large
  entities +9: Acumulus request: v: the request would be too large
