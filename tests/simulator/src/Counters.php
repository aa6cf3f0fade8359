<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * What tests assert about traffic: API requests, TLS handshakes (a handshake
 * is attributed to the endpoint of the first request on its connection),
 * answers per HTTP status, and faults fired, per endpoint.
 */
final class Counters
{
    public array $requests = [];
    public array $handshakes = [];
    public array $responses = [];
    public array $faults = [];
    /** Faults fired by kind: the HTTP status or the mode, with " (stored)" when the call was carried out. */
    public array $faultKinds = [];
    public int $connections = 0;
    public int $tlsHandshakes = 0;
    public int $tlsFailures = 0;
    public int $controlRequests = 0;
    public int $controlConnections = 0;
    public int $inFlight = 0;
    public int $maxInFlight = 0;

    public function reset(): void
    {
        $this->requests = $this->handshakes = $this->responses = $this->faults = $this->faultKinds = [];
        $this->connections = $this->tlsHandshakes = $this->tlsFailures = 0;
        $this->controlRequests = $this->controlConnections = 0;
        $this->maxInFlight = $this->inFlight;
    }

    public static function bump(array &$map, string $key, int $by = 1): void
    {
        $map[$key] = ($map[$key] ?? 0) + $by;
    }

    public function toArray(): array
    {
        return [
            'requests' => (object) $this->requests,
            'handshakes' => (object) $this->handshakes,
            'responses' => (object) array_map(static fn (array $m): object => (object) $m, $this->responses),
            'faults' => (object) $this->faults,
            'fault_kinds' => (object) $this->faultKinds,
            'connections' => $this->connections,
            'tls_handshakes' => $this->tlsHandshakes,
            'tls_failures' => $this->tlsFailures,
            'control_requests' => $this->controlRequests,
            'control_connections' => $this->controlConnections,
            'in_flight' => $this->inFlight,
            'max_in_flight' => $this->maxInFlight,
            'total_requests' => array_sum($this->requests),
        ];
    }
}
