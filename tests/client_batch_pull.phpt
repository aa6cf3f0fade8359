--TEST--
callMany over a generator: 100 calls at concurrency 8, a request pulled when a slot is free and one more while all are busy, the calls that ended reported after their slots were filled again (never more than 2 × 8 pulled ahead of the completions reported, 8 + 1 to 2 × 8 before the first), results in the order pulled with their keys; a call made inside the generator while others are in flight; an ArrayIterator
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/client_server.inc';
require __DIR__ . '/client_response.inc';
$srv = acu_server_start();
/* 100 ms per answer: the 8 requests of the start are pulled well before the
 * first answer can come, also under valgrind */
$c = acu_client($srv, 'latency100');

/* the 8 connections first, so the batch below measures pulling, not
 * handshakes: at 1 s per answer the 8 calls overlap even under valgrind
 * (where a handshake is slow enough for a 100 ms call to end meanwhile and
 * lend its connection); the pool is the process's, shared by both clients */
acu_client($srv, 'latency1000')->callMany(array_fill(0, 8, ['endpoint' => 'general/general_about']), 8);
$tls0 = count(acu_server_events($srv, 'tls'));

$log = [];
$gen = (function () use (&$log) {
    for ($i = 0; $i < 100; $i++) {
        $log[] = ['pull', "k$i"];
        yield "k$i" => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => 1000 + $i]];
    }
    $log[] = ['end', null];
})();
$totals = [];
$dones = [];
$res = $c->callMany($gen, 8, function ($key, $outcome, int $done, ?int $total) use (&$log, &$totals, &$dones) {
    $log[] = ['done', $key];
    $totals[] = $total;
    $dones[] = $done;
});

/* the order of pulls and completions */
$pulled = 0;
$completed = 0;
$ahead = 0;
$order = [];
foreach ($log as [$what, $key]) {
    if ($what === 'pull') {
        $pulled++;
        $ahead = max($ahead, $pulled - $completed);
        $order[] = $key;
    } elseif ($what === 'done') {
        $completed++;
    }
}
echo "pulled: $pulled, completed: $completed, most pulled ahead of the completions: ", $ahead > 8 && $ahead <= 16 ? '9..16' : $ahead, "\n";
$first = 0;
foreach ($log as [$what]) {
    if ($what === 'done') {
        break;
    }
    $first += $what === 'pull' ? 1 : 0;
}
echo "pulls before the first completion: ", $first >= 9 && $first <= 16 ? '9..16' : $first, "\n";
/* a pull comes when a slot is free (8 running at most), or while all are
 * busy (one made ahead); the calls that ended meanwhile (at most 8) are
 * reported after their slots were filled again */
$ok = true;
$p = 0;
$d = 0;
foreach ($log as [$what]) {
    if ($what === 'pull') {
        $p++;
        $ok = $ok && $p - $d <= 16;
    } elseif ($what === 'done') {
        $d++;
    }
}
echo 'every pull within 16 of the completions: ', var_export($ok, true), "\n";
echo 'the generator ran to its end after the last pull: ', var_export(end($log)[0] !== 'pull', true), "\n";
echo 'result keys in the order pulled: ', var_export(array_keys($res) === $order, true), "\n";
$good = 0;
foreach ($res as $k => $r) {
    if ($r instanceof Acumulus\Result && $r->main['entryid'] === (string) (1000 + (int) substr($k, 1))) {
        $good++;
    }
}
echo "results that match their request: $good\n";
echo 'done counts 1..100: ', var_export($dones === range(1, 100), true), ', totals: ',
    var_export(array_unique($totals), true), "\n";
echo 'new TLS handshakes: ', count(acu_server_events($srv, 'tls')) - $tls0, "\n";

/* keys of every kind an array has; a numeric string key becomes an int, as in an array */
$res = $c->callMany((function () {
    yield 7 => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => 7]];
    yield 'x' => ['endpoint' => 'general/general_about'];
    yield '12' => ['endpoint' => 'general/general_about', 'body' => null];
    yield -3 => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => 3]];
})(), 2);
var_dump(array_keys($res));

/* no keys: 0, 1, 2 as the generator numbers them */
$res = $c->callMany((function () {
    yield ['endpoint' => 'general/general_about'];
    yield ['endpoint' => 'general/general_about'];
    yield ['endpoint' => 'general/general_about'];
})(), 3);
var_dump(array_keys($res));

/* a call made inside the generator, on the same client and connection pool,
 * while the batch has calls in flight */
$inner = [];
$res = $c->callMany((function () use ($c, &$inner) {
    for ($i = 0; $i < 6; $i++) {
        if ($i === 3) {
            $inner[] = acu_outcome($c->about());
        }
        yield $i => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => $i + 11]];
    }
})(), 3);
echo 'inner call: ', $inner[0], "\n";
echo 'batch around it: ', implode(', ', array_map(fn ($r) => $r instanceof Acumulus\Result ? $r->main['entryid'] : get_class($r), $res)), "\n";

/* any Traversable: an ArrayIterator, an IteratorAggregate */
$res = $c->callMany(new ArrayIterator(['a' => ['endpoint' => 'general/general_about'], 'b' => ['endpoint' => 'entry/entry_info', 'body' => ['entryid' => 5]]]), 2);
echo implode(', ', array_map(fn ($k, $r) => "$k: " . get_class($r), array_keys($res), $res)), "\n";
$agg = new class implements IteratorAggregate {
    public function getIterator(): Iterator
    {
        yield 'z' => ['endpoint' => 'general/general_about'];
    }
};
echo implode(', ', array_map(fn ($k, $r) => "$k: " . get_class($r), array_keys($res = $c->callMany($agg, 1)), $res)), "\n";
var_dump($c->callMany((function () { yield from []; })(), 4));

/* a generator that was run before cannot be: nothing is sent */
$n0 = count(acu_server_events($srv, 'req'));
$g = (function () { yield 1 => ['endpoint' => 'general/general_about']; })();
foreach ($g as $_) {
}
try {
    $c->callMany($g, 2);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $c->callMany(new stdClass(), 2);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'requests sent: ', count(acu_server_events($srv, 'req')) - $n0, "\n";
?>
--EXPECT--
pulled: 100, completed: 100, most pulled ahead of the completions: 9..16
pulls before the first completion: 9..16
every pull within 16 of the completions: true
the generator ran to its end after the last pull: true
result keys in the order pulled: true
results that match their request: 100
done counts 1..100: true, totals: array (
  0 => NULL,
)
new TLS handshakes: 0
array(4) {
  [0]=>
  int(7)
  [1]=>
  string(1) "x"
  [2]=>
  int(12)
  [3]=>
  int(-3)
}
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  int(2)
}
inner call: Result status=0 http=200 mainKey="general" main={"about":"Acumulus test server","role":"API-gebruiker","roleid":"5","rolenl":"API-gebruiker","roleapi":"API-User"}
batch around it: 11, 12, 13, 14, 15, 16
a: Acumulus\Result, b: Acumulus\Result
z: Acumulus\Result
array(0) {
}
Exception: Cannot traverse an already closed generator
TypeError: Acumulus\Client::callMany(): Argument #1 ($requests) must be of type Traversable|array, stdClass given
requests sent: 0
