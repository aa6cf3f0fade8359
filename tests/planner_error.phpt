--TEST--
Acumulus\Planner: bad triggers and bad data give clear errors naming the invoice and the field
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/planner.inc';
function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$ctx = ['today' => '2026-12-04'];
attempt(fn () => Acumulus\Planner::plan(['booked' => null], pl_invoice(), [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['created'], pl_invoice(), [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(), [], [], []));
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(['subtotal' => '1,000.00']), [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(['tax' => 21.0]), [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(['tax2' => '0.001']), [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(['status' => ['Paid']]), [], [], $ctx));
$bad = pl_invoice();
$bad['items']['item'][0]['amount'] = '12.5.0';
attempt(fn () => Acumulus\Planner::plan(['created' => null], $bad, [], [], $ctx));
$bad = pl_pay(pl_invoice(), 'banktransfer', '121.00');
$bad['transactions']['transaction'][0]['amountout'] = 'n/a';
attempt(fn () => Acumulus\Planner::plan(['paid' => null], $bad, [], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['paid' => null], pl_invoice(), ['documents' => ['x']], [], $ctx));
attempt(fn () => Acumulus\Planner::plan(['paid' => null], pl_invoice(), ['documents' => [['kind' => 'credit', 'state' => 'booked', 'amount' => 'ten']]], [], $ctx));
attempt(fn () => Acumulus\Planner::contentHash(['invoiceid' => 9, 'subtotal' => 'free']));
/* accepted as WHMCS writes them: ints, signs, one decimal, trailing zeros */
attempt(fn () => Acumulus\Planner::plan(['created' => null], pl_invoice(['subtotal' => 100, 'tax' => '+21.0', 'tax2' => '-0.000']), [], [], $ctx));
/* a single transaction or item not wrapped in a list */
$one = pl_invoice(['items' => ['item' => ['id' => 1, 'type' => '', 'relid' => 0, 'description' => 'x', 'amount' => '100.00', 'taxed' => 1]]]);
var_dump(Acumulus\Planner::contentHash($one) === Acumulus\Planner::contentHash(pl_invoice(['items' => ['item' => [$one['items']['item']]]])));
/* the hash sees what is booked */
var_dump(Acumulus\Planner::contentHash(pl_invoice()) !== Acumulus\Planner::contentHash(pl_invoice(['date' => '2026-12-01'])));
var_dump(strlen(Acumulus\Planner::contentHash(pl_invoice())));
attempt(fn () => new ReflectionMethod(Acumulus\Planner::class, '__construct') && (new ReflectionClass(Acumulus\Planner::class))->newInstance());
?>
--EXPECT--
ValueError: Acumulus\Planner::plan(): Argument #1 ($triggers) has an unknown trigger "booked"
ValueError: Acumulus\Planner::plan(): Argument #1 ($triggers) must map trigger names to payloads, e.g. ['created' => null]
ValueError: Acumulus\Planner::plan(): Argument #5 ($context) must have 'today' as YYYY-MM-DD
Acumulus\InvalidArgumentException: invoice 1042: subtotal: "1,000.00" is not an amount of money (digits, a point, at most 2 decimals)
Acumulus\InvalidArgumentException: invoice 1042: tax is float; expected an amount as a decimal string
Acumulus\InvalidArgumentException: invoice 1042: tax2: "0.001" is not an amount of money (digits, a point, at most 2 decimals)
Acumulus\InvalidArgumentException: invoice 1042: invoice field "status" is array; expected a string
Acumulus\InvalidArgumentException: invoice 1042: items.item[0].amount: "12.5.0" is not an amount of money (digits, a point, at most 2 decimals)
Acumulus\InvalidArgumentException: invoice 1042: transactions.transaction[0].amountout: "n/a" is not an amount of money (digits, a point, at most 2 decimals)
Acumulus\InvalidArgumentException: invoice 1042: ledger.documents[0] is string; expected an array
Acumulus\InvalidArgumentException: invoice 1042: ledger.documents[0].amount: "ten" is not an amount of money (digits, a point, at most 2 decimals)
Acumulus\InvalidArgumentException: invoice 9: subtotal: "free" is not an amount of money (digits, a point, at most 2 decimals)
no exception
bool(true)
bool(true)
int(64)
ReflectionException: Access to non-public constructor of class Acumulus\Planner
