<?php
/*
 * Benchmark of the Acumulus API client (prints figures; not a timed test).
 *
 *   bench/run-client            builds the extension and runs this
 *   php -n -d extension=out/ext/modules/acumulus.so bench/client.php [--quick]
 *
 * 1. Request build and response parse per call, in microseconds: requestXml()
 *    of an invoice_add body with 5 lines (the writer, all escaping, the
 *    masked copy for logs) and parseResponse() of an invoice_add answer and
 *    of a 50-item picklist (libxml2 SAX, limits, the Result object).
 * 2. Batch throughput against the simulator (tests/simulator) at 50 ms
 *    latency for concurrency 1, 4 and 8, against the ideal concurrency /
 *    latency, with the TLS handshakes the simulator counted. Each level gets
 *    a fresh simulator (a new port), so the pool starts empty.
 *
 * Targets (issue 4): build + parse well under 50 us per call; concurrency 8
 * at 85 % of the ideal or better; handshakes per batch = concurrency.
 */
declare(strict_types=1);

require __DIR__ . '/../tests/client_sim.inc';

$quick = in_array('--quick', $argv, true);
$iterations = $quick ? 2000 : 20000;
$batch = $quick ? 48 : 100;
$latencyMs = 50;

function per_call_us(int $n, callable $f): float
{
    for ($i = 0; $i < min(200, $n); $i++) {
        $f();
    }
    $best = INF;
    for ($round = 0; $round < 3; $round++) {
        $t = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $f();
        }
        $best = min($best, (hrtime(true) - $t) / 1e3 / $n);
    }
    return $best;
}

/* 1. build and parse */
$c = new Acumulus\Client('288252', 'apiuser', 'p&ss<w>rd', 'WHMCS 8.13.1', ['apiUrl' => 'https://127.0.0.1:9/acumulus/stable']);
$lines = [];
foreach (['Webhosting S', 'Domein example.nl', 'SSL-certificaat', 'Extra opslag 10 GB', 'Korting & actie'] as $i => $p) {
    $lines[] = ['itemnumber' => "ART-$i", 'product' => "$p (1 december 2026 t/m 30 november 2027)", 'nature' => 'Service',
        'unitprice' => sprintf('%d.%04d', 10 + $i, 1234 * $i), 'vatrate' => '21', 'quantity' => '1.00'];
}
$invoice = ['customer' => [
    'type' => 3, 'companyname1' => 'Hosting & Co B.V.', 'fullname' => 'Zoë de Vries', 'address1' => 'Kerkstraat 1',
    'postalcode' => '1234 AB', 'city' => 'Utrecht', 'countrycode' => 'NL', 'vatnumber' => 'NL123456789B01',
    'email' => 'zoe@example.nl', 'overwriteifexists' => 1, 'mark' => 'WHMCS 604',
    'invoice' => ['concept' => 0, 'vattype' => 1, 'issuedate' => '2026-11-30', 'paymentstatus' => 2,
        'paymentdate' => '2026-12-01', 'description' => 'Factuur 2026-0042', 'descriptiontext' => 'Regel 1\\nRegel 2',
        'costcenter' => 48663, 'accountnumber' => 70582, 'template' => 52884, 'line' => $lines],
]];
$xml = $c->requestXml($invoice);
$answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response><invoice><invoicenumber>20260042</invoicenumber>"
    . "<token>lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj</token><entryid>55393014</entryid><contactid>9326320</contactid>"
    . "<conceptid/></invoice><errors><count_errors>0</count_errors></errors><warnings><count_warnings>0</count_warnings>"
    . "</warnings><status>0</status></response>\n";
$items = '';
for ($i = 0; $i < 50; $i++) {
    $items .= "<product><productid>" . (1000 + $i) . "</productid><productnature>Service</productnature>"
        . "<productdescription>Product $i &amp; meer</productdescription><productprice>20.6612</productprice>"
        . "<productvatrate>21.00</productvatrate><productsku>SKU$i</productsku></product>";
}
$picklist = "<response><products>$items</products><errors/><warnings/><status>0</status></response>";

$build = per_call_us($iterations, fn () => $c->requestXml($invoice));
$parse = per_call_us($iterations, fn () => Acumulus\Client::parseResponse('invoices/invoice_add', $answer));
$parse50 = per_call_us(intdiv($iterations, 10), fn () => Acumulus\Client::parseResponse('picklists/picklist_products', $picklist));

printf("\nAcumulus client benchmark (PHP %s, libcurl %s, %s iterations, best of 3)\n\n", PHP_VERSION,
    preg_replace('/^.*libcurl\/(\S+).*$/', '$1', curl_version_text()), number_format($iterations));
printf("%-58s %10s\n", 'per call', 'us');
printf("%-58s %10.2f\n", sprintf('build: invoice_add request, 5 lines (%d bytes XML)', strlen($xml)), $build);
printf("%-58s %10.2f\n", sprintf('parse: invoice_add answer (%d bytes) to a Result', strlen($answer)), $parse);
printf("%-58s %10.2f\n", 'build + parse (target: well under 50)', $build + $parse);
printf("%-58s %10.2f\n", sprintf('parse: picklist of 50 products (%d bytes)', strlen($picklist)), $parse50);

/* 2. batches against the simulator */
printf("\n%d invoice_adds per batch against the simulator at %d ms latency\n\n", $batch, $latencyMs);
printf("%-11s %9s %10s %10s %9s %11s %9s\n", 'concurrency', 'seconds', 'calls/s', 'ideal/s', 'of ideal', 'handshakes', 'failures');
foreach ([1, 4, 8] as $conc) {
    $sim = acu_sim(['config' => ['today' => '2026-11-30']]);
    $sim->setLatency($latencyMs);
    $client = acu_sim_client($sim);
    $reqs = [];
    for ($i = 0; $i < $batch; $i++) {
        $reqs[] = ['endpoint' => 'invoices/invoice_add', 'body' => acu_sim_invoice("Bench $conc/$i")];
    }
    $t = hrtime(true);
    $res = $client->callMany($reqs, $conc);
    $secs = (hrtime(true) - $t) / 1e9;
    $failures = count(array_filter($res, fn ($r) => !$r instanceof Acumulus\Result));
    $k = $sim->counters();
    $rate = $batch / $secs;
    $ideal = $conc * 1000 / $latencyMs;
    printf("%-11d %9.3f %10.1f %10.1f %8.1f%% %11d %9d\n", $conc, $secs, $rate, $ideal, 100 * $rate / $ideal,
        $k['tls_handshakes'], $failures);
    $sim->stop();
}
echo "\n";

function curl_version_text(): string
{
    ob_start();
    (new ReflectionExtension('acumulus'))->info();
    $info = ob_get_clean();
    return preg_match('/^libcurl => \S+ => (\S+)$/m', $info, $m) ? "libcurl/$m[1]" : 'libcurl/?';
}
