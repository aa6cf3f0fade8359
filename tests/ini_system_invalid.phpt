--TEST--
a plain http api_url or a relative cafile is refused at start-up and the safe default kept
--EXTENSIONS--
acumulus
--INI--
acumulus.api_url=http://api.sielsystems.nl/acumulus/stable
acumulus.cafile=ca.pem
--FILE--
<?php
var_dump(ini_get('acumulus.api_url'), ini_get('acumulus.cafile'));
?>
--EXPECTF--
%AWarning: PHP Startup: acumulus.api_url must be an https:// URL with a host, "http://api.sielsystems.nl/acumulus/stable" given in %s
%AWarning: PHP Startup: acumulus.cafile must be empty or an absolute path, "ca.pem" given in %s
%Astring(42) "https://api.sielsystems.nl/acumulus/stable"
string(0) ""
