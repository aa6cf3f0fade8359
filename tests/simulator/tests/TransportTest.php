<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * HTTP and TLS as the real service: form encodings, GET for the PDF, TLS
 * verified with the throw-away CA (1.2 or newer), keep-alive, Expect and
 * chunked bodies, size limit, raw HTTP/1.0 and pipelining, plain HTTP mode.
 */
final class TransportTest extends SimTestCase
{
    private const CURLE_PEER_FAILED_VERIFICATION = 60;

    private function about(array $curlOptions): array
    {
        $xml = ApiClient::xml(['contract' => ApiClient::contract(), 'format' => 'json']);
        $h = curl_init($this->sim()->baseUrl() . '/general/general_about.php');
        $body = [CURLOPT_POSTFIELDS => http_build_query(['xmlstring' => $xml])];
        curl_setopt_array($h, $curlOptions + ApiClient::baseOptions($this->sim()) + $body);
        $body = curl_exec($h);
        $out = [curl_errno($h), (int) curl_getinfo($h, CURLINFO_RESPONSE_CODE), is_string($body) ? $body : ''];
        curl_close($h);
        return $out;
    }

    public function testTlsIsVerifiedWithTheThrowAwayCa(): void
    {
        [$errno, $http] = $this->about([]);
        $this->assertSame([0, 200], [$errno, $http]);
        $noCa = ApiClient::baseOptions($this->sim());
        unset($noCa[CURLOPT_CAINFO]);
        [$errno] = $this->about([CURLOPT_CAINFO => '/etc/ssl/certs/ca-certificates.crt'] + $noCa);
        $this->assertSame(self::CURLE_PEER_FAILED_VERIFICATION, $errno, 'the system CAs do not trust the simulator');
        $url = str_replace('127.0.0.1', 'localhost', $this->sim()->baseUrl());
        $h = curl_init($url . '/general/general_about.php');
        $resolve = [CURLOPT_RESOLVE => ['localhost:' . $this->sim()->port() . ':127.0.0.1']];
        curl_setopt_array($h, ApiClient::baseOptions($this->sim()) + $resolve);
        curl_exec($h);
        $this->assertSame(0, curl_errno($h), 'the certificate also names localhost');
        curl_close($h);
    }

    public function testOnlyTls12AndNewer(): void
    {
        $cmd = 'echo | timeout 10 openssl s_client -connect 127.0.0.1:' . $this->sim()->port()
            . ' -CAfile ' . escapeshellarg($this->sim()->caFile());
        exec($cmd . " -tls1_1 -cipher 'DEFAULT@SECLEVEL=0' 2>&1", $out11);
        $this->assertStringContainsString('alert protocol version', implode("\n", $out11));
        exec($cmd . ' -tls1_2 2>&1', $out12);
        $this->assertContains('    Verify return code: 0 (ok)', $out12);
        exec($cmd . ' -tls1_3 2>&1', $out13);
        $this->assertMatchesRegularExpression('/TLSv1\.3/', implode("\n", $out13));
    }

    public function testKeepAliveOpensOneConnection(): void
    {
        $this->sim()->resetCounters();
        $client = new ApiClient($this->sim());
        for ($i = 0; $i < 20; $i++) {
            $this->assertSame('0', $client->call('general/general_about')->status());
        }
        $c = $this->sim()->counters();
        $this->assertSame(20, $c['requests']['general/general_about']);
        $this->assertSame(1, $c['handshakes']['general/general_about']);
        $this->assertSame(1, $c['tls_handshakes']);
        $this->assertSame(1, $c['connections']);
        $this->sim()->resetCounters();
        for ($i = 0; $i < 5; $i++) {
            $client->call('picklists/picklist_costcenters', [], ['fresh' => true]);
        }
        $c = $this->sim()->counters();
        $this->assertSame(5, $c['handshakes']['picklists/picklist_costcenters']);
        $this->assertSame(5, $c['tls_handshakes']);
    }

    public function testIdleConnectionsAreClosedAfterTheKeepAliveTimeout(): void
    {
        $this->sim()->setConfig(['keepalive_timeout' => 1]);
        $this->sim()->resetCounters();
        $client = new ApiClient($this->sim());
        $client->call('general/general_about');
        usleep(1600000);
        $r = $client->call('general/general_about');
        $this->assertSame(0, $r->curlErrno);
        $handshakes = $this->sim()->counters()['tls_handshakes'];
        $this->assertSame(2, $handshakes, 'curl reconnected after the server closed the idle connection');
    }

    public function testBothFormEncodingsAndGet(): void
    {
        $this->assertAnswer($this->call('general/general_about', [], ['encoding' => 'urlencoded']), 200, '0');
        $this->assertAnswer($this->call('general/general_about', [], ['encoding' => 'multipart']), 200, '0');
        $xml = ApiClient::xml(['contract' => ApiClient::contract(), 'format' => 'json']);
        $url = $this->sim()->baseUrl() . '/general/general_about.php';
        $r = $this->api()->get($url . '?' . http_build_query(['xmlstring' => $xml]));
        $this->assertAnswer($r, 200, '0');
        $r = $this->api()->post($this->sim()->baseUrl() . '/general/general_about.php', $xml);
        $this->assertSame(['SIMXML002'], $r->codetags(), 'a raw XML body is no form field');
        $h = curl_init($this->sim()->baseUrl() . '/general/general_about.php');
        $put = [CURLOPT_CUSTOMREQUEST => 'PUT', CURLOPT_POSTFIELDS => 'x=1'];
        curl_setopt_array($h, ApiClient::baseOptions($this->sim()) + $put);
        curl_exec($h);
        $this->assertSame(405, curl_getinfo($h, CURLINFO_RESPONSE_CODE));
        curl_close($h);
    }

    public function testExpectContinueChunkedAndLargeBodies(): void
    {
        $text = str_repeat('Lorem ipsum dolor sit amet & <consectetur> ', 50000); // about 2 MB
        $tree = ['contract' => ApiClient::contract(), 'format' => 'json']
            + ApiClient::invoice(['descriptiontext' => $text]);
        $body = http_build_query(['xmlstring' => ApiClient::xml($tree)]);
        $variants = [
            ['Expect: 100-continue'],
            ['Transfer-Encoding: chunked'],
            ['Expect: 100-continue', 'Transfer-Encoding: chunked'],
        ];
        foreach ($variants as $headers) {
            $h = curl_init($this->sim()->baseUrl() . '/invoices/invoice_add.php');
            curl_setopt_array($h, ApiClient::baseOptions($this->sim(), 30) + [CURLOPT_POSTFIELDS => $body,
                CURLOPT_HTTPHEADER => array_merge($headers, ['Content-Type: application/x-www-form-urlencoded'])]);
            $out = curl_exec($h);
            $this->assertSame(0, curl_errno($h), curl_error($h));
            $this->assertSame(200, curl_getinfo($h, CURLINFO_RESPONSE_CODE), implode(', ', $headers) . ': ' . $out);
            curl_close($h);
            $id = json_decode($out, true)['invoice']['entryid'];
            $entry = $this->call('entry/entry_info', ['entryid' => $id])->data()['entry'];
            $this->assertSame($text, $entry['descriptiontext']);
        }
        $h = curl_init($this->sim()->baseUrl() . '/invoices/invoice_add.php');
        $huge = [CURLOPT_POSTFIELDS => 'xmlstring=' . str_repeat('x', 18 * 1024 * 1024)];
        curl_setopt_array($h, ApiClient::baseOptions($this->sim(), 30) + $huge);
        $out = curl_exec($h);
        $this->assertSame(413, curl_getinfo($h, CURLINFO_RESPONSE_CODE), 'more than the 16 MB the service accepts');
        $this->assertStringContainsString('<html>', (string) $out);
        curl_close($h);
    }

    /** HTTP/1.0 without keep-alive, pipelined requests, and a broken request line, over a raw TLS socket. */
    public function testRawHttp(): void
    {
        $raw = function (string $request): string {
            $ctx = stream_context_create(['ssl' => ['cafile' => $this->sim()->caFile(), 'peer_name' => '127.0.0.1']]);
            $url = 'tls://127.0.0.1:' . $this->sim()->port();
            $s = stream_socket_client($url, $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
            $this->assertNotFalse($s, $errstr);
            stream_set_timeout($s, 5);
            fwrite($s, $request);
            $out = stream_get_contents($s);
            fclose($s);
            return (string) $out;
        };
        $out = $raw("GET /_sim/health HTTP/1.0\r\nHost: x\r\n\r\n");
        $this->assertStringStartsWith("HTTP/1.1 200 OK\r\n", $out);
        $this->assertStringContainsString("\r\nConnection: close\r\n", $out, 'HTTP/1.0 closes');
        $two = "GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n"
            . "GET /acumulus/stable/nothing/here.php HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        $out = $raw($two);
        $this->assertSame(2, substr_count($out, 'HTTP/1.1 '));
        $this->assertLessThan(strpos($out, 'HTTP/1.1 404'), strpos($out, 'HTTP/1.1 200'), 'answers in request order');
        $out = $raw("BROKEN\r\n\r\n");
        $this->assertStringStartsWith('HTTP/1.1 400 Bad Request', $out);
    }

    public function testClientsHangingUpEarlyDoNotHurtTheServer(): void
    {
        $text = str_repeat('0123456789', 300000); // a 3 MB answer, written in many pieces
        $inv = $this->addInvoice(['descriptiontext' => $text]);
        $this->sim()->setLatency(300, 'entry/entry_info');
        for ($i = 0; $i < 3; $i++) {
            $r = $this->call('entry/entry_info', ['entryid' => $inv['entryid']], ['fresh' => true, 'timeout' => 0.1]);
            $this->assertSame(28, $r->curlErrno, 'the client gave up');
        }
        $this->sim()->setLatency(0, 'entry/entry_info');
        // a slow reader (200 kB/s) gives up in the middle of the answer
        $tree = ['contract' => ApiClient::contract(), 'format' => 'json', 'entryid' => $inv['entryid']];
        $h = curl_init($this->sim()->baseUrl() . '/entry/entry_info.php');
        $body = http_build_query(['xmlstring' => ApiClient::xml($tree)]);
        curl_setopt_array($h, [CURLOPT_MAX_RECV_SPEED_LARGE => 200000, CURLOPT_TIMEOUT_MS => 500]
            + ApiClient::baseOptions($this->sim()) + [CURLOPT_POSTFIELDS => $body]);
        curl_exec($h);
        $this->assertSame(28, curl_errno($h));
        $this->assertGreaterThan(0, curl_getinfo($h, CURLINFO_SIZE_DOWNLOAD), 'part of the answer arrived');
        curl_close($h);
        usleep(500000);
        $this->assertTrue($this->sim()->isRunning());
        $entry = $this->call('entry/entry_info', ['entryid' => $inv['entryid']])->data()['entry'];
        $this->assertSame($text, $entry['descriptiontext']);
        $this->assertSame(0, $this->sim()->counters()['in_flight']);
    }

    public function testPlainHttpOnlyWhenAsked(): void
    {
        $sim = Simulator::start(['http' => true, 'quiet' => true]);
        try {
            $this->assertStringStartsWith('http://127.0.0.1:', $sim->baseUrl());
            $this->assertNull($sim->caFile());
            $r = (new ApiClient($sim))->call('general/general_about');
            $this->assertSame(200, $r->http);
            $h = curl_init('https://127.0.0.1:' . $sim->port() . '/_sim/health');
            $options = [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5, CURLOPT_CAINFO => $this->sim()->caFile()];
            curl_setopt_array($h, $options);
            curl_exec($h);
            $this->assertSame(CURLE_SSL_CONNECT_ERROR, curl_errno($h));
            curl_close($h);
        } finally {
            $sim->stop();
        }
        $this->assertFalse($sim->isRunning());
    }

    public function testResponseHeaders(): void
    {
        $h = curl_init($this->sim()->baseUrl() . '/general/general_about.php');
        $xml = ApiClient::xml(['contract' => ApiClient::contract()]);
        $options = [CURLOPT_HEADER => true, CURLOPT_POSTFIELDS => http_build_query(['xmlstring' => $xml])];
        curl_setopt_array($h, ApiClient::baseOptions($this->sim()) + $options);
        $out = (string) curl_exec($h);
        curl_close($h);
        [$head, $body] = explode("\r\n\r\n", $out, 2);
        $this->assertStringContainsString("\r\nContent-Type: text/xml; charset=utf-8", $head);
        $this->assertStringContainsString("\r\nContent-Length: " . strlen($body), $head);
        $this->assertStringStartsWith('<?xml version="1.0" encoding="UTF-8"?>' . "\n<response><general>", $body);
    }
}
