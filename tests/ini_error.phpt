--TEST--
INI values are validated; api_url and cafile are system settings
--EXTENSIONS--
acumulus
--FILE--
<?php
function try_set(string $k, string $v): void
{
    $r = ini_set("acumulus.$k", $v);
    printf("%s=%s: %s, now '%s'\n", $k, $v, var_export($r, true), ini_get("acumulus.$k"));
}
try_set('timeout', '0');
try_set('timeout', '601');
try_set('timeout', 'ten');
try_set('timeout', '1.5');
try_set('connect_timeout', '121');
try_set('connect_timeout', '-1');
try_set('max_response_size', '100');
try_set('max_response_size', '2G');
try_set('max_response_size', 'lots');
try_set('tags_max_length', '0');
/* PHP_INI_SYSTEM: not changeable at run time, whatever the value */
try_set('api_url', 'https://127.0.0.1/acumulus/stable');
try_set('cafile', '/etc/ssl/certs/ca-certificates.crt');
?>
--EXPECTF--
Warning: ini_set(): acumulus.timeout must be a whole number of seconds from 1 to 600, "0" given in %s on line %d
timeout=0: false, now '30'

Warning: ini_set(): acumulus.timeout must be a whole number of seconds from 1 to 600, "601" given in %s on line %d
timeout=601: false, now '30'

Warning: ini_set(): acumulus.timeout must be a whole number of seconds from 1 to 600, "ten" given in %s on line %d
timeout=ten: false, now '30'

Warning: ini_set(): acumulus.timeout must be a whole number of seconds from 1 to 600, "1.5" given in %s on line %d
timeout=1.5: false, now '30'

Warning: ini_set(): acumulus.connect_timeout must be a whole number of seconds from 1 to 120, "121" given in %s on line %d
connect_timeout=121: false, now '10'

Warning: ini_set(): acumulus.connect_timeout must be a whole number of seconds from 1 to 120, "-1" given in %s on line %d
connect_timeout=-1: false, now '10'

Warning: ini_set(): acumulus.max_response_size must be a size from 1K to 1G, "100" given in %s on line %d
max_response_size=100: false, now '4M'

Warning: ini_set(): acumulus.max_response_size must be a size from 1K to 1G, "2G" given in %s on line %d
max_response_size=2G: false, now '4M'

Warning: ini_set(): acumulus.max_response_size must be a size from 1K to 1G, "lots" given in %s on line %d
max_response_size=lots: false, now '4M'

Warning: ini_set(): acumulus.tags_max_length must be a size from 1K to 256M, "0" given in %s on line %d
tags_max_length=0: false, now '4M'
api_url=https://127.0.0.1/acumulus/stable: false, now 'https://api.sielsystems.nl/acumulus/stable'
cafile=/etc/ssl/certs/ca-certificates.crt: false, now ''
