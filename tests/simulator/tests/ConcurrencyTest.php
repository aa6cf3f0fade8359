<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * Concurrent clients: parallel invoice_adds get distinct numbers and tokens,
 * latency delays each answer without blocking the others, and a batch at
 * concurrency 8 reaches about 8 / latency requests per second.
 */
final class ConcurrencyTest extends SimTestCase
{
    /**
     * Runs requests through curl_multi with at most $concurrency in flight,
     * each on its own connection until reused. @return list<ApiResult>
     */
    private function multi(array $requests, int $concurrency): array
    {
        $mh = curl_multi_init();
        curl_multi_setopt($mh, CURLMOPT_MAX_TOTAL_CONNECTIONS, $concurrency);
        $handles = [];
        $results = [];
        $next = 0;
        $running = 0;
        $add = function () use (&$next, $requests, $mh, &$handles): void {
            [$endpoint, $tree] = $requests[$next];
            $tree = ['contract' => ApiClient::contract(), 'format' => 'json'] + $tree;
            $h = curl_init($this->sim()->baseUrl() . '/' . $endpoint . '.php');
            $body = http_build_query(['xmlstring' => ApiClient::xml($tree)]);
            curl_setopt_array($h, ApiClient::baseOptions($this->sim(), 30) + [CURLOPT_POSTFIELDS => $body]);
            $handles[(int) spl_object_id($h)] = [$h, $next];
            curl_multi_add_handle($mh, $h);
            $next++;
        };
        while ($next < min($concurrency, count($requests))) {
            $add();
        }
        do {
            curl_multi_exec($mh, $running);
            while (($info = curl_multi_info_read($mh)) !== false) {
                $h = $info['handle'];
                [, $i] = $handles[spl_object_id($h)];
                $results[$i] = new ApiResult(
                    (int) curl_getinfo($h, CURLINFO_RESPONSE_CODE),
                    (string) curl_getinfo($h, CURLINFO_CONTENT_TYPE),
                    (string) curl_multi_getcontent($h),
                    curl_errno($h),
                    curl_error($h)
                );
                curl_multi_remove_handle($mh, $h);
                curl_close($h);
                if ($next < count($requests)) {
                    $add();
                    $running = 1;
                }
            }
            if ($running) {
                curl_multi_select($mh, 0.05);
            }
        } while ($running || count($results) < count($requests));
        curl_multi_close($mh);
        ksort($results);
        return $results;
    }

    public function testSixteenParallelInvoiceAdds(): void
    {
        $requests = [];
        for ($i = 0; $i < 16; $i++) {
            $invoice = ApiClient::invoice(['description' => "parallel $i"], ['email' => 'same@example.com']);
            $requests[] = ['invoices/invoice_add', $invoice];
        }
        $this->sim()->setLatency(100);
        $results = $this->multi($requests, 16);
        $numbers = $tokens = $entries = $contacts = [];
        foreach ($results as $r) {
            $this->assertAnswer($r, 200, '0');
            $inv = $r->data()['invoice'];
            $numbers[] = $inv['invoicenumber'];
            $tokens[] = $inv['token'];
            $entries[] = $inv['entryid'];
            $contacts[] = $inv['contactid'];
        }
        sort($numbers);
        $this->assertSame(array_map(static fn (int $n): string => sprintf('2026%04d', $n), range(1, 16)), $numbers);
        $this->assertCount(16, array_unique($tokens));
        $this->assertCount(16, array_unique($entries));
        $this->assertCount(1, array_unique($contacts), 'one contact for one e-mail address, also when parallel');
        $this->assertCount(16, $this->sim()->entries());
        $c = $this->sim()->counters();
        $this->assertSame(16, $c['max_in_flight'], 'all 16 were in the server at once');
        $this->assertSame(16, $c['tls_handshakes']);
    }

    public function testLatencyDoesNotSerialise(): void
    {
        $this->sim()->setLatency(400);
        $t0 = microtime(true);
        $results = $this->multi(array_fill(0, 16, ['general/general_about', []]), 16);
        $elapsed = microtime(true) - $t0;
        foreach ($results as $r) {
            $this->assertSame(200, $r->http);
        }
        $this->assertGreaterThanOrEqual(0.4, $elapsed, 'each answer waits the latency');
        $this->assertLessThan(1.6, $elapsed, '16 x 400 ms in parallel, not 6.4 s in a row');
        // per endpoint: only invoice_add is slow
        $this->sim()->setLatency(0);
        $this->sim()->setLatency(300, 'invoices/invoice_add');
        $t0 = microtime(true);
        $this->call('general/general_about');
        $this->assertLessThan(0.25, microtime(true) - $t0);
        $t0 = microtime(true);
        $this->addInvoice();
        $this->assertGreaterThanOrEqual(0.3, microtime(true) - $t0);
    }

    public function testBatchThroughputAtConcurrencyEight(): void
    {
        $this->sim()->setLatency(50);
        $requests = [];
        for ($i = 0; $i < 100; $i++) {
            $invoice = ApiClient::invoice(['description' => "batch $i"], ['email' => "c$i@example.com"]);
            $requests[] = ['invoices/invoice_add', $invoice];
        }
        $t0 = microtime(true);
        $results = $this->multi($requests, 8);
        $elapsed = microtime(true) - $t0;
        $ok = array_filter($results, static fn (ApiResult $r): bool => $r->http === 200 && $r->status() === '0');
        $this->assertCount(100, $ok);
        // ideal: 100 / 8 x 50 ms = 625 ms
        $this->assertGreaterThanOrEqual(0.6, $elapsed);
        $this->assertLessThan(1.6, $elapsed, sprintf('100 requests at concurrency 8 took %.2f s', $elapsed));
        $this->assertLessThanOrEqual(8, $this->sim()->counters()['max_in_flight']);
        $this->assertCount(100, $this->sim()->entries());
    }

    public function testSequentialOverheadIsLow(): void
    {
        $client = new ApiClient($this->sim());
        $client->call('general/general_about');
        $n = 200;
        $t0 = microtime(true);
        for ($i = 0; $i < $n; $i++) {
            $r = $client->call('invoices/invoice_add', ApiClient::invoice(['description' => "seq $i"]));
            $this->assertSame(200, $r->http);
        }
        $perRequest = (microtime(true) - $t0) / $n;
        $what = sprintf('%.1f ms per invoice_add on a kept-alive connection', $perRequest * 1000);
        $this->assertLessThan(0.015, $perRequest, $what);
        $this->assertSame(1, $this->sim()->counters()['tls_handshakes']);
        $this->assertCount($n, $this->sim()->entries(Simulator::CONTRACT));
    }
}
