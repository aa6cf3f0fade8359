--TEST--
phpinfo of acumulus: version, and compiled and linked versions of libcurl (with its TLS backend), libxml2 and OpenSSL
--EXTENSIONS--
acumulus
--FILE--
<?php
ob_start();
(new ReflectionExtension('acumulus'))->info();
$info = ob_get_clean();
echo $info;

/* The "Linked" column is read at run time: it must agree with what PHP's own
 * bindings of the same libraries report. */
preg_match('/^libxml2 => (\S+) => (\S+)$/m', $info, $m);
var_dump($m[2] === LIBXML_DOTTED_VERSION || version_compare($m[2], '2.9.0', '>='));
preg_match('/^OpenSSL => (.+) => (.+)$/m', $info, $m);
var_dump(str_starts_with($m[2], 'OpenSSL '));
?>
--EXPECTF--
acumulus

Acumulus support => enabled
Version => %d.%d.%s

Library => Compiled => Linked
libcurl => %d.%d.%d => %d.%d.%d
libcurl TLS backend => - => %s
libxml2 => %d.%d.%d => %d.%d.%d
OpenSSL => OpenSSL %s => OpenSSL %s

Directive => Local Value => Master Value
acumulus.api_url => https://api.sielsystems.nl/acumulus/stable => https://api.sielsystems.nl/acumulus/stable
acumulus.cafile => no value => no value
acumulus.connect_timeout => 10 => 10
acumulus.timeout => 30 => 30
acumulus.max_response_size => 4M => 4M
acumulus.tags_max_length => 4M => 4M
bool(true)
bool(true)
