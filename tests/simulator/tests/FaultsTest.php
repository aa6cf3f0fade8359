<?php

declare(strict_types=1);

namespace AcuSim\Tests;

/**
 * Every fault mode: what the client sees, whether the call was stored, that
 * the fault stops after its count, and the counters.
 */
final class FaultsTest extends SimTestCase
{
    private const CURLE_PARTIAL_FILE = 18;
    private const CURLE_OPERATION_TIMEDOUT = 28;
    private const CURLE_GOT_NOTHING = 52;
    private const CURLE_RECV_ERROR = 56;
    private const CURLE_PEER_FAILED_VERIFICATION = 60;

    private function add(array $options = []): ApiResult
    {
        return $this->call('invoices/invoice_add', ApiClient::invoice(), $options + ['fresh' => true]);
    }

    private function stored(): int
    {
        return count($this->sim()->entries());
    }

    public function httpStatuses(): array
    {
        return ['500' => [500], '502' => [502], '503' => [503], '504' => [504], '429' => [429]];
    }

    /** @dataProvider httpStatuses */
    public function testHttpErrorsWithHtmlBodies(int $status): void
    {
        $options = $status === 429 ? ['retry_after' => 7] : [];
        $this->sim()->setFault('invoices/invoice_add', (string) $status, 2, $options);
        foreach ([1, 2] as $i) {
            $r = $this->add(['fresh' => false]);
            $this->assertSame($status, $r->http, "call $i");
            $this->assertStringStartsWith('text/html', $r->contentType);
            $this->assertStringContainsString('<title>' . $status . ' ', $r->body);
        }
        $this->assertSame(0, $this->stored(), 'a load balancer error stores nothing');
        $this->assertAnswer($this->add(), 200, '0');
        $c = $this->sim()->counters();
        $this->assertSame(3, $c['requests']['invoices/invoice_add']);
        $this->assertSame(2, $c['faults']['invoices/invoice_add']);
        $this->assertSame(2, $c['responses']['invoices/invoice_add'][(string) $status]);
        $this->assertSame(1, $c['responses']['invoices/invoice_add']['200']);
    }

    public function testRetryAfterHeader(): void
    {
        $this->sim()->setFault('*', '503', 1, ['retry_after' => 30]);
        $h = curl_init($this->sim()->baseUrl() . '/general/general_about.php');
        $options = [CURLOPT_HEADER => true, CURLOPT_POSTFIELDS => 'xmlstring=x'];
        curl_setopt_array($h, ApiClient::baseOptions($this->sim()) + $options);
        $out = (string) curl_exec($h);
        curl_close($h);
        $this->assertStringContainsString("\r\nRetry-After: 30\r\n", $out);
        $this->assertStringContainsString("\r\nServer: nginx\r\n", $out);
    }

    public function testStoredGatewayError(): void
    {
        $this->sim()->setFault('invoices/invoice_add', '502', 1, ['store' => true]);
        $this->assertSame(502, $this->add()->http);
        $this->assertSame(1, $this->stored(), 'stored although the client saw a 502');
    }

    public function testEndpointSelectionAfterAndWildcard(): void
    {
        $this->sim()->setFault('invoices/invoice_add', '500', 1, ['after' => 2]);
        $this->assertSame('0', $this->call('general/general_about')->status(), 'other endpoints are not affected');
        $this->assertSame(200, $this->add()->http);
        $this->assertSame(200, $this->add()->http);
        $this->assertSame(500, $this->add()->http, 'the third call fails');
        $this->assertSame(200, $this->add()->http);
        $this->sim()->setFault('*', '503', 2);
        $this->assertSame(503, $this->call('general/general_about')->http);
        $this->assertSame(503, $this->call('picklists/picklist_accounts')->http);
        $this->assertSame(200, $this->call('picklists/picklist_accounts')->http);
        $health = $this->api()->get($this->sim()->controlUrl() . '/health');
        $this->assertSame(200, $health->http, 'the control interface never fails');
    }

    public function testFaultListAndClear(): void
    {
        $this->sim()->setFault('entry/entry_info', 'timeout', 3);
        $this->sim()->setFault('x', 'tls_untrusted', 1);
        $all = $this->sim()->control('GET', 'faults');
        $this->assertSame('entry/entry_info', $all['request'][0]['endpoint']);
        $this->assertSame(3, $all['request'][0]['count']);
        $this->assertSame('tls_untrusted', $all['connection'][0]['mode']);
        $this->sim()->clearFaults();
        $this->assertSame(['request' => [], 'connection' => []], $this->sim()->control('GET', 'faults'));
        $bads = [
            ['endpoint' => 'nope/nope', 'mode' => '500'],
            ['mode' => 'explode'],
            ['mode' => '500', 'count' => 0],
            ['mode' => 'http', 'http_status' => 418],
        ];
        foreach ($bads as $bad) {
            try {
                $this->sim()->control('POST', 'faults', $bad);
                $this->fail('accepted ' . json_encode($bad));
            } catch (\RuntimeException $e) {
                $this->assertStringContainsString('HTTP 400', $e->getMessage());
            }
        }
    }

    public function testTimeout(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'timeout');
        $t0 = microtime(true);
        $r = $this->add(['timeout' => 1.0]);
        $this->assertSame(self::CURLE_OPERATION_TIMEDOUT, $r->curlErrno);
        $this->assertGreaterThanOrEqual(0.9, microtime(true) - $t0);
        $this->assertSame(0, $this->stored());
        $this->sim()->setFault('invoices/invoice_add', 'timeout', 1, ['store' => true]);
        $this->assertSame(self::CURLE_OPERATION_TIMEDOUT, $this->add(['timeout' => 0.5])->curlErrno);
        $this->assertSame(1, $this->stored(), 'stored, but the client timed out: outcome unknown to it');
        $this->assertAnswer($this->add(), 200, '0');
    }

    public function testAHangingRequestBlocksNobody(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'timeout');
        $mh = curl_multi_init();
        $hang = curl_init($this->sim()->baseUrl() . '/invoices/invoice_add.php');
        $xml = ApiClient::xml(['contract' => ApiClient::contract()] + ApiClient::invoice());
        $body = http_build_query(['xmlstring' => $xml]);
        curl_setopt_array($hang, ApiClient::baseOptions($this->sim(), 3.0) + [CURLOPT_POSTFIELDS => $body]);
        curl_multi_add_handle($mh, $hang);
        $t0 = microtime(true);
        do {
            curl_multi_exec($mh, $running);
            curl_multi_select($mh, 0.05);
        } while (microtime(true) - $t0 < 0.3);
        $ok = 0;
        for ($i = 0; $i < 10; $i++) {
            $ok += $this->call('general/general_about', [], ['fresh' => true])->http === 200 ? 1 : 0;
        }
        $this->assertSame(10, $ok);
        $this->assertLessThan(2.5, microtime(true) - $t0, 'answered while the other request hangs');
        $this->assertSame(1, $this->sim()->counters()['in_flight'], 'the hanging request is still open');
        curl_multi_remove_handle($mh, $hang);
        curl_close($hang);
        curl_multi_close($mh);
    }

    public function testResetAfterStoring(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'reset');
        $r = $this->add();
        $this->assertContains($r->curlErrno, [self::CURLE_RECV_ERROR, self::CURLE_GOT_NOTHING], $r->curlError);
        $this->assertSame(0, $r->http);
        $this->assertSame(1, $this->stored(), 'booked although the client got no answer');
        $this->sim()->setFault('invoices/invoice_add', 'reset', 1, ['store' => false]);
        $this->add();
        $this->assertSame(1, $this->stored());
    }

    public function testTruncatedBody(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'truncated');
        $r = $this->add();
        $this->assertSame(self::CURLE_PARTIAL_FILE, $r->curlErrno, $r->curlError);
        $this->assertSame(1, $this->stored());
        $this->sim()->setFault('invoices/invoice_add', 'truncated', 1, ['bytes' => 5]);
        $r = $this->add();
        $this->assertSame(self::CURLE_PARTIAL_FILE, $r->curlErrno);
        $this->assertSame('{"inv', $r->body);
    }

    public function testMalformedBody(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'malformed');
        $r = $this->add();
        $this->assertSame([0, 200], [$r->curlErrno, $r->http]);
        $this->assertStringStartsWith('application/json', $r->contentType);
        $this->assertNull(json_decode($r->body, true));
        $this->assertStringStartsWith('{"invoice":{', $r->body);
        $this->assertSame(1, $this->stored());
        $options = ['body' => '<html>maintenance</html>', 'content_type' => 'text/html'];
        $this->sim()->setFault('general/general_about', 'malformed', 1, $options);
        $r = $this->call('general/general_about', ['format' => 'xml']);
        $this->assertSame(['<html>maintenance</html>', 'text/html'], [$r->body, $r->contentType]);
        $this->sim()->setFault('general/general_about', 'malformed');
        $r = $this->call('general/general_about', ['format' => 'xml']);
        $this->assertFalse(@simplexml_load_string($r->body));
    }

    public function testStatusThreeException(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'status3');
        $r = $this->add();
        $this->assertSame(500, $r->http);
        $this->assertSame('3', $r->status());
        $this->assertSame(['SIMEXC500'], $r->codetags());
        $this->assertSame('500 Internal Server Error', $r->messages()[0]['code']);
        $this->assertSame(0, $this->stored());
        $this->sim()->setFault('invoices/invoice_add', 'status3', 1, ['http_status' => 200]);
        $r = $this->call('invoices/invoice_add', ['format' => 'xml'] + ApiClient::invoice());
        $this->assertSame(200, $r->http);
        $this->assertSame('3', (string) $r->xml()->status);
    }

    public function testDrop(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'drop');
        $r = $this->add();
        $this->assertSame(self::CURLE_GOT_NOTHING, $r->curlErrno, $r->curlError);
        $this->assertSame(0, $this->stored());
    }

    public function tlsModes(): array
    {
        return [
            'untrusted CA' => ['tls_untrusted'],
            'wrong host name' => ['tls_hostname'],
            'expired' => ['tls_expired'],
        ];
    }

    /** @dataProvider tlsModes */
    public function testWrongCertificate(string $mode): void
    {
        $this->sim()->setFault('*', $mode, 2);
        foreach ([1, 2] as $i) {
            $r = $this->call('general/general_about', [], ['fresh' => true]);
            $this->assertSame(self::CURLE_PEER_FAILED_VERIFICATION, $r->curlErrno, "connection $i: " . $r->curlError);
        }
        $this->assertAnswer($this->call('general/general_about', [], ['fresh' => true]), 200, '0');
        $c = $this->sim()->counters();
        // Whether the server sees the client's rejection as a failed handshake depends on when the
        // client checks: a wrong host name is checked after the handshake completed.
        $this->assertSame(3, $c['tls_handshakes'] + $c['tls_failures']);
        $this->assertSame(3, $c['connections']);
        $this->assertSame(1, $c['requests']['general/general_about'], 'the failed connections never sent a request');
        $this->assertSame(2, $c['faults'][$mode]);
    }

    public function testCertificateErrorMessages(): void
    {
        $messages = [];
        foreach (['tls_untrusted', 'tls_hostname', 'tls_expired'] as $mode) {
            $this->sim()->setFault('*', $mode);
            $messages[$mode] = $this->call('general/general_about', [], ['fresh' => true])->curlError;
        }
        $this->assertStringContainsString('local issuer', $messages['tls_untrusted']);
        $this->assertMatchesRegularExpression('/subject name|does not match|alternative/i', $messages['tls_hostname']);
        $this->assertStringContainsString('expired', $messages['tls_expired']);
    }

    public function testTlsHang(): void
    {
        $this->sim()->setFault('*', 'tls_hang');
        $r = $this->call('general/general_about', [], ['fresh' => true, 'timeout' => 0.7]);
        $this->assertSame(self::CURLE_OPERATION_TIMEDOUT, $r->curlErrno, $r->curlError);
        $this->assertAnswer($this->call('general/general_about', [], ['fresh' => true]), 200, '0');
    }
    /** Which of $n calls of general_about met a fault (1-based), with one rate fault set as given. */
    private function hitsWithRate(array $spec, int $n): array
    {
        $this->sim()->reset();
        $this->sim()->control('POST', 'faults', ['endpoint' => 'general/general_about'] + $spec);
        $hits = [];
        for ($i = 1; $i <= $n; $i++) {
            if ($this->call('general/general_about')->http !== 200) {
                $hits[] = $i;
            }
        }
        return $hits;
    }

    public function testARateFaultHitsAtRandomFromItsSeed(): void
    {
        $a = $this->hitsWithRate(['mode' => '503', 'rate' => 0.25, 'seed' => 42], 120);
        $this->assertSame(count($a), $this->sim()->counters()['fault_kinds']['503'] ?? 0);
        $this->assertGreaterThan(5, count($a), 'about a quarter of 120 calls');
        $this->assertLessThan(60, count($a));
        $this->assertNotSame(range(1, count($a)), $a, 'spread over the calls, not the first ones');
        $again = $this->hitsWithRate(['mode' => '503', 'rate' => 0.25, 'seed' => 42], 120);
        $this->assertSame($a, $again, 'same seed, same calls');
        $other = $this->hitsWithRate(['mode' => '503', 'rate' => 0.25, 'seed' => 43], 120);
        $this->assertNotSame($a, $other, 'another seed');
        $capped = $this->hitsWithRate(['mode' => '500', 'rate' => 1, 'count' => 4], 10);
        $this->assertSame(range(1, 4), $capped, 'count still limits');
        $later = $this->hitsWithRate(['mode' => '500', 'rate' => 1, 'after' => 5], 10);
        $this->assertSame(range(6, 10), $later, 'after first');
        $listed = $this->sim()->control('GET', 'faults')['request'][0];
        $this->assertSame([1, 1], [$listed['rate'], $listed['seed']], 'seed 1 by default');
    }

    public function testRateFaultsMakeAMixInTheOrderSet(): void
    {
        $added = $this->sim()->addFaults([
            ['endpoint' => 'general/general_about', 'mode' => '429', 'rate' => 0.2, 'seed' => 7],
            ['endpoint' => 'general/general_about', 'mode' => '502', 'rate' => 0.2, 'seed' => 8],
        ]);
        $this->assertSame([PHP_INT_MAX, PHP_INT_MAX], array_column($added, 'count'), 'no limit by default');
        $seen = [];
        for ($i = 0; $i < 100; $i++) {
            $http = $this->call('general/general_about')->http;
            $seen[$http] = ($seen[$http] ?? 0) + 1;
        }
        $kinds = $this->sim()->counters()['fault_kinds'];
        $this->assertSame($seen[429] ?? 0, $kinds['429'] ?? 0);
        $this->assertSame($seen[502] ?? 0, $kinds['502'] ?? 0);
        $this->assertGreaterThan(0, $seen[429] ?? 0);
        $this->assertGreaterThan(0, $seen[502] ?? 0);
        $this->assertGreaterThan(0, $seen[200] ?? 0);
        $this->assertSame(100, array_sum($seen));
    }

    public function testFaultsAreCountedByKindAndWhetherStored(): void
    {
        $this->sim()->setFault('invoices/invoice_add', 'reset');
        $this->sim()->setFault('invoices/invoice_add', 'timeout', 1, ['store' => true]);
        $this->sim()->setFault('invoices/invoice_add', 'timeout');
        $this->sim()->setFault('invoices/invoice_add', '502');
        foreach ([0, 1, 2, 3] as $i) {
            $this->add(['timeout' => 0.5]);
        }
        $this->assertEquals(
            ['reset (stored)' => 1, 'timeout (stored)' => 1, 'timeout' => 1, '502' => 1],
            $this->sim()->counters()['fault_kinds']
        );
        $this->assertSame(2, $this->stored());
    }

    public function testRateValidation(): void
    {
        $bads = [
            ['rate' => 0], ['rate' => 1.5], ['rate' => '0.5'],
            ['rate' => 0.5, 'seed' => 'x'], ['rate' => 0.5, 'count' => 0],
        ];
        foreach ($bads as $bad) {
            try {
                $this->sim()->control('POST', 'faults', ['mode' => '503'] + $bad);
                $this->fail('accepted ' . json_encode($bad));
            } catch (\RuntimeException $e) {
                $this->assertStringContainsString('HTTP 400', $e->getMessage());
            }
        }
        $this->expectExceptionMessage('HTTP 400');
        $this->sim()->control('POST', 'faults', ['mode' => 'tls_expired', 'rate' => 0.5]);
    }

    public function testAMalformedBodyRepeated(): void
    {
        $options = ['body' => 'ab', 'repeat' => 3, 'content_type' => 'text/xml'];
        $this->sim()->setFault('general/general_about', 'malformed', 1, $options);
        $this->assertSame('ababab', $this->call('general/general_about')->body);
        // a large answer goes out whole (written from an offset, not copied per chunk)
        $this->sim()->setFault('general/general_about', 'malformed', 1, ['body' => '<a>', 'repeat' => 8 << 20]);
        $r = $this->call('general/general_about', [], ['timeout' => 60.0]);
        $this->assertSame(0, $r->curlErrno, $r->curlError);
        $this->assertSame(24 << 20, strlen($r->body));
        $this->assertSame(str_repeat('<a>', 1000), substr($r->body, -3000));
        $this->assertAnswer($this->call('general/general_about'), 200, '0', [], [], 'the connection after it');
        try {
            $this->sim()->control('POST', 'faults', ['mode' => 'malformed', 'repeat' => 2]);
            $this->fail('repeat without a body');
        } catch (\RuntimeException $e) {
            $this->assertStringContainsString('HTTP 400', $e->getMessage());
        }
    }
}
