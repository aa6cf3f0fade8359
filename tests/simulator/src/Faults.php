<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Injected faults, consumed in the order they were set.
 *
 * Request faults apply to calls of one endpoint ('invoices/invoice_add') or
 * of any API endpoint ('*'). Connection faults (TLS) apply to the next new
 * connections, before any endpoint is known.
 */
final class Faults
{
    public const REQUEST_MODES = ['http', 'timeout', 'reset', 'truncated', 'malformed', 'status3', 'drop'];
    public const CONNECTION_MODES = ['tls_untrusted', 'tls_hostname', 'tls_expired', 'tls_hang'];

    /** Whether the call is carried out (stored) before the fault hits, per mode. */
    private const STORE_DEFAULT = [
        'http' => false, 'timeout' => false, 'reset' => true, 'truncated' => true,
        'malformed' => true, 'status3' => false, 'drop' => false,
    ];

    private array $request = [];
    private array $connection = [];
    private int $nextId = 1;

    /**
     * Adds a fault. Spec keys: endpoint ('*' default), mode, count (1), after (0 calls let through first),
     * store, http_status (http: 500/502/503/504/429; status3: 200 or 500), retry_after (seconds),
     * bytes (truncated: body bytes sent), body + content_type (malformed).
     *
     * @throws \InvalidArgumentException
     */
    public function add(array $spec): array
    {
        $mode = (string) ($spec['mode'] ?? '');
        if (preg_match('/^(?:http)?(500|502|503|504|429)$/', $mode, $m) === 1) {
            $mode = 'http';
            $spec['http_status'] ??= (int) $m[1];
        }
        $count = $spec['count'] ?? 1;
        $after = $spec['after'] ?? 0;
        if (!is_int($count) || $count < 1 || !is_int($after) || $after < 0) {
            throw new \InvalidArgumentException('count must be an integer >= 1 and after an integer >= 0');
        }
        $f = ['id' => $this->nextId, 'mode' => $mode, 'count' => $count, 'after' => $after];
        if (in_array($mode, self::CONNECTION_MODES, true)) {
            $this->nextId++;
            $this->connection[] = $f;
            return $f;
        }
        if (!in_array($mode, self::REQUEST_MODES, true)) {
            throw new \InvalidArgumentException('unknown fault mode ' . $mode);
        }
        $endpoint = (string) ($spec['endpoint'] ?? '*');
        $endpoint = preg_replace('/\.php$/', '', ltrim($endpoint, '/')) ?? '';
        if ($endpoint !== '*' && !isset(Api::ENDPOINTS[$endpoint])) {
            throw new \InvalidArgumentException('unknown endpoint ' . $endpoint);
        }
        $f['endpoint'] = $endpoint;
        $f['store'] = isset($spec['store']) ? (bool) $spec['store'] : self::STORE_DEFAULT[$mode];
        if ($mode === 'http') {
            $status = $spec['http_status'] ?? 503;
            if (!in_array($status, [500, 502, 503, 504, 429], true)) {
                throw new \InvalidArgumentException('http_status must be 500, 502, 503, 504 or 429');
            }
            $f['http_status'] = $status;
        }
        if ($mode === 'status3') {
            $f['http_status'] = (int) ($spec['http_status'] ?? 500);
        }
        if (isset($spec['retry_after'])) {
            $f['retry_after'] = (int) $spec['retry_after'];
        }
        if ($mode === 'truncated' && isset($spec['bytes'])) {
            $f['bytes'] = max(0, (int) $spec['bytes']);
        }
        if ($mode === 'malformed') {
            if (isset($spec['body'])) {
                $f['body'] = (string) $spec['body'];
            }
            if (isset($spec['content_type'])) {
                $f['content_type'] = (string) $spec['content_type'];
            }
        }
        $this->nextId++;
        $this->request[] = $f;
        return $f;
    }

    public function takeForRequest(string $endpoint): ?array
    {
        $matches = static fn (array $f): bool => $f['endpoint'] === '*' || $f['endpoint'] === $endpoint;
        return self::take($this->request, $matches);
    }

    public function takeForConnection(): ?array
    {
        return self::take($this->connection, static fn (array $f): bool => true);
    }

    private static function take(array &$list, callable $matches): ?array
    {
        foreach ($list as $i => &$f) {
            if (!$matches($f)) {
                continue;
            }
            if ($f['after'] > 0) {
                $f['after']--;
                continue;
            }
            $fired = $f;
            if (--$f['count'] === 0) {
                unset($list[$i]);
                $list = array_values($list);
            }
            return $fired;
        }
        return null;
    }

    public function all(): array
    {
        return ['request' => $this->request, 'connection' => $this->connection];
    }

    public function clear(): void
    {
        $this->request = [];
        $this->connection = [];
    }
}
