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

    /** Longest body a malformed fault may make (body x repeat). */
    private const MAX_BODY = 1 << 30;

    private array $request = [];
    private array $connection = [];
    private int $nextId = 1;
    /** @var array<int, \Random\Randomizer> the draws of the faults with a rate, by fault id */
    private array $dice = [];

    /**
     * Adds a fault. Spec keys: endpoint ('*' default), mode, count (1), after (0 calls let through first),
     * store, http_status (http: 500/502/503/504/429; status3: 200 or 500), retry_after (seconds),
     * bytes (truncated: body bytes sent), body + content_type + repeat (malformed: the body repeated),
     * rate + seed (request faults: hit each call with probability rate, drawn from a generator seeded
     * with seed, so the same sequence of calls meets the same faults; count then defaults to no limit).
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
        $rate = $spec['rate'] ?? null;
        if ($rate !== null && ((!is_int($rate) && !is_float($rate)) || $rate <= 0 || $rate > 1)) {
            throw new \InvalidArgumentException('rate must be a number > 0 and <= 1');
        }
        $seed = $spec['seed'] ?? 1;
        if (!is_int($seed)) {
            throw new \InvalidArgumentException('seed must be an integer');
        }
        $count = $spec['count'] ?? ($rate === null ? 1 : PHP_INT_MAX);
        $after = $spec['after'] ?? 0;
        if (!is_int($count) || $count < 1 || !is_int($after) || $after < 0) {
            throw new \InvalidArgumentException('count must be an integer >= 1 and after an integer >= 0');
        }
        $f = ['id' => $this->nextId, 'mode' => $mode, 'count' => $count, 'after' => $after];
        if (in_array($mode, self::CONNECTION_MODES, true)) {
            if ($rate !== null) {
                throw new \InvalidArgumentException('rate is for request faults only');
            }
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
            if (isset($spec['repeat'])) {
                $repeat = $spec['repeat'];
                $tooLong = is_int($repeat) && isset($f['body']) && $repeat * strlen($f['body']) > self::MAX_BODY;
                if (!is_int($repeat) || $repeat < 1 || !isset($f['body']) || $tooLong) {
                    throw new \InvalidArgumentException('repeat needs a body and an integer >= 1; 1 GiB at most');
                }
                $f['repeat'] = $repeat;
            }
        }
        if ($rate !== null) {
            $f['rate'] = $rate;
            $f['seed'] = $seed;
            $this->dice[$f['id']] = new \Random\Randomizer(new \Random\Engine\Mt19937($seed));
        }
        $this->nextId++;
        $this->request[] = $f;
        return $f;
    }

    /** The name a fault is counted under: the HTTP status or the mode, and whether the call was stored. */
    public static function kind(array $fault): string
    {
        $kind = $fault['mode'] === 'http' ? (string) $fault['http_status'] : $fault['mode'];
        return !empty($fault['store']) ? $kind . ' (stored)' : $kind;
    }

    public function takeForRequest(string $endpoint): ?array
    {
        $matches = static fn (array $f): bool => $f['endpoint'] === '*' || $f['endpoint'] === $endpoint;
        return $this->take($this->request, $matches);
    }

    public function takeForConnection(): ?array
    {
        return $this->take($this->connection, static fn (array $f): bool => true);
    }

    /**
     * The first fault that hits: in the order set, skipping those still letting calls through
     * (after) and those with a rate whose draw for this call misses.
     */
    private function take(array &$list, callable $matches): ?array
    {
        foreach ($list as $i => &$f) {
            if (!$matches($f)) {
                continue;
            }
            if ($f['after'] > 0) {
                $f['after']--;
                continue;
            }
            if (isset($f['rate']) && $this->dice[$f['id']]->getInt(0, 999_999) >= (int) round($f['rate'] * 1_000_000)) {
                continue;
            }
            $fired = $f;
            if (--$f['count'] === 0) {
                unset($list[$i], $this->dice[$f['id']]);
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
        $this->dice = [];
    }
}
