--TEST--
api_url and cafile set at start-up (php.ini, -d) are validated
--EXTENSIONS--
acumulus
--INI--
acumulus.api_url=https://127.0.0.1:8443/acumulus/stable
acumulus.cafile=/tmp/acumulus-test-ca.pem
--FILE--
<?php
var_dump(ini_get('acumulus.api_url'), ini_get('acumulus.cafile'));
?>
--EXPECT--
string(38) "https://127.0.0.1:8443/acumulus/stable"
string(25) "/tmp/acumulus-test-ca.pem"
