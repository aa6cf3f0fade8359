<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Routes a request to the API or to the control interface (/_sim/), applies
 * injected faults and latency, and keeps the counters.
 */
final class App
{
    public readonly Counters $counters;
    public readonly Faults $faults;
    public readonly Config $config;
    public readonly Api $api;
    private Control $control;
    /** @var array<string, int> endpoint or '*' => milliseconds */
    private array $latency = ['*' => 0];
    private array $recent = [];

    public function __construct(public readonly Store $store, public readonly Log $log, public readonly array $info)
    {
        $this->counters = new Counters();
        $this->faults = new Faults();
        $this->config = new Config();
        $this->api = new Api($store, $this->config, $log);
        $this->control = new Control($this);
        if ($store->contractCodes() === []) {
            $this->seed();
        }
    }

    /** Default contracts into an empty store. */
    public function seed(): void
    {
        $this->store->begin();
        foreach (Defaults::contracts() as $c) {
            $this->store->putContract($c);
        }
        $this->store->commit();
    }

    /** Back to the state of a fresh start: default contracts, no faults, no latency, counters zero. */
    public function reset(bool $withContracts = true): void
    {
        $this->store->begin();
        $this->store->wipe();
        $this->store->commit();
        if ($withContracts) {
            $this->seed();
        }
        $this->faults->clear();
        $this->config->reset();
        $this->counters->reset();
        $this->latency = ['*' => 0];
        $this->recent = [];
    }

    public function latency(): array
    {
        return $this->latency;
    }

    public function setLatency(int $ms, string $endpoint): void
    {
        $this->latency[$endpoint] = max(0, $ms);
    }

    public function recent(): array
    {
        return $this->recent;
    }

    /**
     * @param int $connRequest 1 for the first request on a connection
     * @param bool $controlPort the request came in on the control port (only /_sim/ there, nothing counted)
     */
    public function handle(HttpRequest $req, int $connRequest, bool $tls, bool $controlPort = false): Outcome
    {
        $path = $req->path();
        $isControl = $path === '/_sim' || str_starts_with($path, '/_sim/');
        if ($controlPort) {
            return new Outcome(Outcome::SEND, $isControl ? $this->control->handle($req)
                : HttpResponse::json(404, ['error' => 'the control port serves /_sim/ only']), 0, null, '_sim');
        }
        if ($isControl) {
            $this->counters->controlRequests++;
            if ($connRequest === 1) {
                // Control connections stay out of the API's connection and handshake totals.
                $this->counters->connections = max(0, $this->counters->connections - 1);
                $this->counters->controlConnections++;
                if ($tls) {
                    $this->counters->tlsHandshakes = max(0, $this->counters->tlsHandshakes - 1);
                }
            }
            return new Outcome(Outcome::SEND, $this->control->handle($req), 0, null, '_sim');
        }
        $ep = Api::endpointOf($path);
        $key = $ep ?? '_unknown';
        Counters::bump($this->counters->requests, $key);
        if ($connRequest === 1 && $tls) {
            Counters::bump($this->counters->handshakes, $key);
        }
        if ($ep === null) {
            return $this->send($key, HttpResponse::html(404));
        }
        if (!in_array($req->method, ['GET', 'POST', 'HEAD'], true)) {
            return $this->send($key, HttpResponse::html(405, 'Apache', ['Allow' => 'GET, POST']));
        }
        $vars = $req->form() + $req->query();
        $fault = $this->faults->takeForRequest($ep);
        $delay = $this->latency[$ep] ?? $this->latency['*'];
        $t0 = hrtime(true);
        $response = null;
        if ($fault === null || $fault['store']) {
            $response = $this->api->handle($ep, $vars);
        }
        if ($fault === null) {
            $this->remember($ep, $req, $vars, $response->status, $t0, null);
            return $this->send($ep, $response, $delay);
        }
        Counters::bump($this->counters->faults, $ep);
        Counters::bump($this->counters->faultKinds, Faults::kind($fault));
        $stored = $fault['store'] ? ' after storing' : '';
        $this->log->write("fault {$fault['mode']} (#{$fault['id']}) on $ep$stored");
        $format = self::requestedFormat($vars);
        $outcome = match ($fault['mode']) {
            'http' => $this->send($ep, HttpResponse::html(
                $fault['http_status'],
                'nginx',
                isset($fault['retry_after']) ? ['Retry-After' => (string) $fault['retry_after']] : []
            ), $delay),
            'timeout' => new Outcome(Outcome::HANG, null, $delay, null, $ep),
            'reset' => new Outcome(Outcome::RESET, null, $delay, null, $ep),
            'drop' => new Outcome(Outcome::DROP, null, $delay, null, $ep),
            'truncated' => $this->truncated($ep, $response ?? $this->api->handle($ep, $vars, true), $fault, $delay),
            'malformed' => $this->send(
                $ep,
                self::malformed($response ?? $this->api->handle($ep, $vars, true), $fault),
                $delay
            ),
            'status3' => $this->send(
                $ep,
                Api::exceptionResponse($format, self::requestedLang($vars), $fault['http_status']),
                $delay
            ),
        };
        $this->remember($ep, $req, $vars, $outcome->response?->status ?? 0, $t0, $fault['mode']);
        return $outcome;
    }

    private function send(string $ep, HttpResponse $response, int $delay = 0): Outcome
    {
        $status = (string) $response->status;
        $this->counters->responses[$ep][$status] = ($this->counters->responses[$ep][$status] ?? 0) + 1;
        return new Outcome(Outcome::SEND, $response, $delay, null, $ep);
    }

    private function truncated(string $ep, HttpResponse $full, array $fault, int $delay): Outcome
    {
        $bytes = $fault['bytes'] ?? intdiv(strlen($full->body), 2);
        return new Outcome(Outcome::TRUNCATE, $full, $delay, min($bytes, max(0, strlen($full->body) - 1)), $ep);
    }

    /** A complete HTTP 200 answer whose body is not a valid document of its type. */
    private static function malformed(HttpResponse $full, array $fault): HttpResponse
    {
        $body = isset($fault['body']) ? str_repeat($fault['body'], $fault['repeat'] ?? 1)
            : substr($full->body, 0, max(1, intdiv(strlen($full->body), 2)));
        $type = $fault['content_type'] ?? ($full->headers['Content-Type'] ?? 'text/xml; charset=utf-8');
        return new HttpResponse(200, ['Content-Type' => $type], $body);
    }

    /** The format a request asked for, without parsing it (for fault answers). */
    private static function requestedFormat(array $vars): string
    {
        $xml = is_string($vars['xmlstring'] ?? null) ? $vars['xmlstring'] : '';
        if (preg_match('#<format>\s*(json|xml)\s*</format>#i', $xml, $m) === 1) {
            return strtolower($m[1]);
        }
        return strtolower((string) ($vars['format'] ?? '')) === 'json' ? 'json' : 'xml';
    }

    private static function requestedLang(array $vars): string
    {
        $xml = is_string($vars['xmlstring'] ?? null) ? $vars['xmlstring'] : '';
        return preg_match('#<lang>\s*nl\s*</lang>#i', $xml) === 1 ? 'nl' : 'en';
    }

    /** Keeps the last 100 API requests for /_sim/requests, passwords masked. */
    private function remember(string $ep, HttpRequest $req, array $vars, int $status, int $t0, ?string $fault): void
    {
        $xml = is_string($vars['xmlstring'] ?? null) ? $vars['xmlstring'] : '';
        $xml = self::maskPasswords($xml);
        $this->recent[] = [
            'time' => date('Y-m-d H:i:s'),
            'endpoint' => $ep,
            'method' => $req->method,
            'content_type' => $req->header('content-type') ?? '',
            'http_status' => $status,
            'fault' => $fault,
            'ms' => round((hrtime(true) - $t0) / 1e6, 3),
            'xml' => strlen($xml) > 8192 ? substr($xml, 0, 8192) . '…' : $xml,
        ];
        if (count($this->recent) > 100) {
            array_shift($this->recent);
        }
    }

    public static function maskPasswords(string $xml): string
    {
        return preg_replace('#(<(\w*password)\b[^>]*>).*?(</\2\s*>)#si', '$1***$3', $xml) ?? '';
    }
}
