--TEST--
The CallException family: one marker interface, SPL parents, typed readonly properties a caller decides on
--EXTENSIONS--
acumulus
--FILE--
<?php
foreach (['CallException', 'TransportException', 'TlsException', 'HttpException', 'ResponseException',
          'AuthenticationException', 'ApiException'] as $k) {
    $r = new ReflectionClass("Acumulus\\$k");
    $own = array_filter($r->getProperties(), fn ($p) => $p->getDeclaringClass()->getName() === $r->getName());
    printf("%s%s%s extends %s; %s\n    %s\n", $r->isAbstract() ? 'abstract ' : '', $r->isFinal() ? 'final ' : '', $k,
        $r->getParentClass()->getName(),
        implode(', ', array_filter([
            $r->implementsInterface(Acumulus\Exception::class) ? 'Acumulus\Exception' : null,
            $r->isSubclassOf(RuntimeException::class) ? 'RuntimeException' : null,
        ])),
        implode(', ', array_map(fn ($p) => ($p->isReadOnly() ? 'readonly ' : '') . $p->getType() . ' $' . $p->getName(), $own)));
}
$r = new ReflectionClass(Acumulus\Result::class);
echo 'Result: final=', var_export($r->isFinal(), true), ', all readonly=',
    var_export(array_product(array_map(fn ($p) => $p->isReadOnly(), $r->getProperties())) === 1, true), "\n";
$res = Acumulus\Client::parseResponse('sim/x', '<response><status>0</status></response>');
try {
    $res->status = 1;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    $res->extra = 1;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
abstract CallException extends Acumulus\RuntimeException; Acumulus\Exception, RuntimeException
    readonly string $endpoint, readonly bool $outcomeUnknown, readonly bool $retryable, readonly string $request, readonly string $response
TransportException extends Acumulus\CallException; Acumulus\Exception, RuntimeException
    readonly bool $sent, readonly int $curlCode
final TlsException extends Acumulus\TransportException; Acumulus\Exception, RuntimeException
    
final HttpException extends Acumulus\CallException; Acumulus\Exception, RuntimeException
    readonly int $httpStatus, readonly ?int $retryAfter, readonly string $location
final ResponseException extends Acumulus\CallException; Acumulus\Exception, RuntimeException
    readonly int $httpStatus
final AuthenticationException extends Acumulus\CallException; Acumulus\Exception, RuntimeException
    readonly int $httpStatus, readonly ?Acumulus\Result $result, readonly array $errors
final ApiException extends Acumulus\CallException; Acumulus\Exception, RuntimeException
    readonly Acumulus\Result $result, readonly int $status, readonly array $errors, readonly array $warnings, readonly bool $notFound
Result: final=true, all readonly=true
Cannot modify readonly property Acumulus\Result::$status
Cannot create dynamic property Acumulus\Result::$extra
