--TEST--
INI defaults, and values set with ini_set() reach the extension
--EXTENSIONS--
acumulus
--FILE--
<?php
foreach (['api_url', 'cafile', 'connect_timeout', 'timeout', 'max_response_size', 'tags_max_length'] as $k) {
    printf("%s = %s\n", $k, var_export(ini_get("acumulus.$k"), true));
}
var_dump(ini_set('acumulus.timeout', '5'), ini_get('acumulus.timeout'));
var_dump(ini_set('acumulus.connect_timeout', '2'), ini_get('acumulus.connect_timeout'));
var_dump(ini_set('acumulus.max_response_size', '64K'), ini_get('acumulus.max_response_size'));

/* tags_max_length is the default limit of Tags::render() */
ini_set('acumulus.tags_max_length', '1K');
var_dump(strlen(Acumulus\Tags::render(str_repeat('x', 1024))));
try {
    Acumulus\Tags::render(str_repeat('x', 1025));
} catch (Acumulus\LengthException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
api_url = 'https://api.sielsystems.nl/acumulus/stable'
cafile = ''
connect_timeout = '10'
timeout = '30'
max_response_size = '4M'
tags_max_length = '4M'
string(2) "30"
string(1) "5"
string(2) "10"
string(1) "2"
string(2) "4M"
string(3) "64K"
int(1024)
Acumulus\LengthException: template: the text with its tags filled in is longer than the limit of 1024 bytes
