--TEST--
callMany over a generator: false from the callback stops pulling (the generator is not advanced again, every call pulled is finished and reported); an exception in the generator or the callback is thrown once the calls in flight were finished and reported; items that are not requests refused in place; a key twice or of another type stops the batch
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
$srv = acu_server_start();
$c = acu_client($srv, 'latency100');

/** A generator of $n general_about calls that logs each pull, and throws at $throwAt. */
function calls(array &$log, int $n, ?int $throwAt = null): Generator
{
    for ($i = 0; $i < $n; $i++) {
        if ($i === $throwAt) {
            $log[] = "throw $i";
            throw new LogicException("generator fails at $i");
        }
        $log[] = "pull $i";
        yield "c$i" => ['endpoint' => 'general/general_about'];
    }
}

/** The log lines that start with $prefix. */
function starting(array $log, string $prefix): array
{
    return array_values(array_filter($log, fn ($l) => str_starts_with($l, $prefix)));
}

/** pulls, reports, and whether any pull came after the event $after */
function summary(array $log, ?string $after = null, bool $counts = true): string
{
    $pulls = count(starting($log, 'pull '));
    $dones = count(starting($log, 'done '));
    $s = $counts ? "pulls $pulls, reported $dones" : 'every pull reported: ' . var_export($pulls === $dones, true);
    if ($after !== null) {
        $at = array_search($after, $log, true);
        $s .= ', pulls after "' . (str_starts_with($after, 'done c') ? 'done cN' : $after) . '": '
            . ($at === false ? '?' : count(starting(array_slice($log, $at + 1), 'pull ')));
    }
    return $s;
}

function requests(array $srv): int
{
    return count(acu_server_events($srv, 'req'));
}

/** Requests the server saw since $n0, once it saw $expected of them (and a little longer). */
function requests_since(array $srv, int $n0, int $expected): int
{
    acu_server_wait($srv, 'req', $n0 + $expected);
    usleep(100000);
    return requests($srv) - $n0;
}

/* false from the callback: nothing more is pulled; what was pulled ends and is reported */
$log = [];
$n0 = requests($srv);
$gen = calls($log, 30);
$calls = 0;
$stopAt = null;
$res = $c->callMany($gen, 3, function ($key, $outcome) use (&$log, &$calls, &$stopAt) {
    $log[] = "done $key";
    if (++$calls === 5) {
        $stopAt = "done $key";
        return false;
    }
    return true;
});
$pulls = count(starting($log, 'pull '));
echo 'stop: ', summary($log, $stopAt, false), "\n";
/* at most 3 running, one made ahead, and the calls that ended before a
 * refill reported after it: 5 reported, at most 2 × 3 more pulled */
echo 'pulled 5..11: ', var_export($pulls >= 5 && $pulls <= 11, true), ', every one reported: ',
    var_export(count(starting($log, 'done ')) === $pulls, true), ', in the result: ',
    var_export(count($res) === $pulls && count(array_filter($res, fn ($r) => $r instanceof Acumulus\Result)) === $pulls, true),
    ', keys in pull order: ', var_export(array_keys($res) === array_map(fn ($l) => 'c' . substr($l, 5), starting($log, 'pull ')), true), "\n";
echo 'requests = pulls: ', var_export(requests_since($srv, $n0, $pulls) === $pulls, true), "\n";
echo 'the generator still waits at the last item pulled: ', var_export($gen->valid() && $gen->key() === 'c' . ($pulls - 1), true), "\n";

/* the generator throws: the calls in flight end and are reported, then the exception */
$log = [];
$n0 = requests($srv);
$seen = 0;
try {
    $c->callMany(calls($log, 30, 6), 4, function ($key, $outcome) use (&$log, &$seen) {
        $log[] = "done $key";
        $seen += $outcome instanceof Acumulus\Result ? 1 : 0;
    });
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'generator throws: ', summary($log, 'throw 6'), ", results reported: $seen, requests: ", requests_since($srv, $n0, 6), "\n";
echo 'calls in flight when it threw reported after it: ',
    var_export(count(starting(array_slice($log, array_search('throw 6', $log, true)), 'done ')) >= 1, true), "\n";

/* the callback throws once: pulling stops, the calls in flight are still reported to it */
$log = [];
$n0 = requests($srv);
$calls = 0;
try {
    $c->callMany(calls($log, 30), 4, function ($key) use (&$log, &$calls) {
        $log[] = "done $key";
        if (++$calls === 3) {
            $log[] = 'threw';
            throw new RuntimeException("callback fails at call $calls");
        }
    });
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), ', previous: ', var_export($e->getPrevious(), true), "\n";
}
$pulls = count(starting($log, 'pull '));
echo 'callback throws: ', summary($log, 'threw', false), "\n";
echo 'requests = pulls: ', var_export(requests_since($srv, $n0, $pulls) === $pulls, true), "\n";

/* the callback throws every time: the last is thrown, the earlier ones are its previous (as with finally) */
$keys = [];
try {
    $c->callMany(calls($log, 30), 2, function ($key) use (&$keys) {
        $keys[] = $key;
        throw new RuntimeException("fails at $key");
    });
} catch (RuntimeException $e) {
    $chain = [];
    for ($x = $e; $x !== null; $x = $x->getPrevious()) {
        $chain[] = $x->getMessage();
    }
    /* 2 running and one made ahead when the first call ends; a second may
     * have been made if both ended at once (reports come after the refill) */
    echo 'reported: ', in_array(count($keys), [3, 4], true) ? '3 or 4' : count($keys),
        ', chain: ', var_export($chain === array_reverse(array_map(fn ($k) => "fails at $k", $keys)), true),
        ', every one: ', var_export(count($chain) === count($keys), true), "\n";
}

/* items that are not requests: refused in their place, reported, not sent; the batch goes on */
$n0 = requests($srv);
$reported = [];
$res = $c->callMany((function () {
    yield 'ok1' => ['endpoint' => 'general/general_about'];
    yield 'string' => 'general/general_about';
    yield 'noendpoint' => ['body' => []];
    yield 'badendpoint' => ['endpoint' => 'Invoices/Add'];
    yield 'badbody' => ['endpoint' => 'general/general_about', 'body' => 'xml'];
    yield 5 => ['endpoint' => 'general/general_about', 'body' => ['x' => 1.5]];
    yield 'ok2' => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => 9]];
})(), 2, function ($key, $outcome, $done) use (&$reported) {
    $reported[] = $key;
});
foreach ($res as $k => $r) {
    echo var_export($k, true), ': ', acu_outcome($r), "\n";
}
echo 'reported: ', count($reported), ', requests sent: ', requests_since($srv, $n0, 2), "\n";

/* a key twice: not sent; the batch stops with a ValueError once the calls in flight were reported */
$n0 = requests($srv);
$reported = [];
try {
    $c->callMany((function () {
        yield 'a' => ['endpoint' => 'general/general_about'];
        yield 'b' => ['endpoint' => 'general/general_about'];
        yield 'a' => ['endpoint' => 'general/general_about'];
        yield 'c' => ['endpoint' => 'general/general_about'];
    })(), 4, function ($key) use (&$reported) {
        $reported[] = $key;
    });
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
sort($reported);
echo 'reported: ', implode(',', $reported), ', requests sent: ', requests_since($srv, $n0, 2), "\n";
try {
    $c->callMany((function () {
        yield 1 => ['endpoint' => 'general/general_about'];
        yield 1.5 => ['endpoint' => 'general/general_about'];
    })(), 4);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $c->callMany((function () {
        yield 1 => ['endpoint' => 'general/general_about'];
        yield '1' => ['endpoint' => 'general/general_about'];
    })(), 4);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $c->callMany((function () {
        yield null => ['endpoint' => 'general/general_about'];
    })(), 4);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
stop: every pull reported: true, pulls after "done cN": 0
pulled 5..11: true, every one reported: true, in the result: true, keys in pull order: true
requests = pulls: true
the generator still waits at the last item pulled: true
LogicException: generator fails at 6
generator throws: pulls 6, reported 6, pulls after "throw 6": 0, results reported: 6, requests: 6
calls in flight when it threw reported after it: true
RuntimeException: callback fails at call 3, previous: NULL
callback throws: every pull reported: true, pulls after "threw": 0
requests = pulls: true
reported: 3 or 4, chain: true, every one: true
'ok1': Result status=0 http=200 mainKey="general" main={"about":"Acumulus test server","role":"API-gebruiker","roleid":"5","rolenl":"API-gebruiker","roleapi":"API-User"}
'string': InvalidArgumentException: Acumulus request: item "string" must be ['endpoint' => "group/call", 'body' => array]
'noendpoint': InvalidArgumentException: Acumulus request: item "noendpoint" must be ['endpoint' => "group/call", 'body' => array]
'badendpoint': InvalidArgumentException: Acumulus request: item "badendpoint" must be ['endpoint' => "group/call", 'body' => array]
'badbody': InvalidArgumentException: Acumulus request: item "badbody" must be ['endpoint' => "group/call", 'body' => array]
5: InvalidArgumentException: Acumulus request: x: a float; amounts, quantities and rates go as decimal strings with a point ("12.1000")
'ok2': Result status=0 http=200 mainKey="entry" main={"entryid":"9","entrydate":"2026-11-30","totalvalue":"12.10","deleted":"0000-00-00 00:00:00"}
reported: 7, requests sent: 2
ValueError: Acumulus\Client::callMany(): Argument #1 ($requests) must not yield the key "a" twice
reported: a,b, requests sent: 2
TypeError: Acumulus\Client::callMany(): Argument #1 ($requests) must yield keys of type int or string, float given (item 2)
ValueError: Acumulus\Client::callMany(): Argument #1 ($requests) must not yield the key "1" twice
TypeError: Acumulus\Client::callMany(): Argument #1 ($requests) must yield keys of type int or string, null given (item 1)
