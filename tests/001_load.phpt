--TEST--
acumulus loads, reports its version and declares its classes
--EXTENSIONS--
acumulus
--FILE--
<?php
var_dump(extension_loaded('acumulus'));
var_dump(phpversion('acumulus') === (new ReflectionExtension('acumulus'))->getVersion());
var_dump((bool) preg_match('/^\d+\.\d+\.\d+(-dev)?$/', phpversion('acumulus')));
var_dump(in_array('libxml', array_keys((new ReflectionExtension('acumulus'))->getDependencies()), true));

$classes = array_map(fn ($c) => $c->getName(), (new ReflectionExtension('acumulus'))->getClasses());
sort($classes);
echo implode("\n", $classes), "\n";

var_dump(interface_exists(Acumulus\Exception::class));
var_dump(is_subclass_of(Acumulus\Exception::class, Throwable::class));
foreach ([
    'InvalidArgumentException', 'LengthException', 'RuntimeException', 'UnexpectedValueException',
] as $k) {
    $c = "Acumulus\\$k";
    printf("%s extends %s, implements Acumulus\\Exception: %s\n",
        $c, get_parent_class($c), var_export(is_subclass_of($c, Acumulus\Exception::class), true));
}
$r = new ReflectionClass(Acumulus\Tags::class);
var_dump($r->isFinal(), $r->getConstructor()->isPrivate());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
Acumulus\ApiException
Acumulus\AuthenticationException
Acumulus\CallException
Acumulus\Client
Acumulus\Exception
Acumulus\HttpException
Acumulus\InvalidArgumentException
Acumulus\InvoiceDataException
Acumulus\InvoiceMapper
Acumulus\LengthException
Acumulus\Planner
Acumulus\ResponseException
Acumulus\Result
Acumulus\RuntimeException
Acumulus\Tags
Acumulus\TlsException
Acumulus\TransportException
Acumulus\UnexpectedValueException
bool(true)
bool(true)
Acumulus\InvalidArgumentException extends InvalidArgumentException, implements Acumulus\Exception: true
Acumulus\LengthException extends LengthException, implements Acumulus\Exception: true
Acumulus\RuntimeException extends RuntimeException, implements Acumulus\Exception: true
Acumulus\UnexpectedValueException extends UnexpectedValueException, implements Acumulus\Exception: true
bool(true)
bool(true)
