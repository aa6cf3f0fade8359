<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Starts, controls and stops an Acumulus API simulator from PHP.
 *
 *   require 'tests/simulator/Simulator.php';
 *   $sim = \AcuSim\Simulator::start();            // HTTPS on 127.0.0.1, free port
 *   $sim->baseUrl();   // https://127.0.0.1:PORT/acumulus/stable
 *   $sim->caFile();    // the throw-away CA to verify it with
 *   $sim->setFault('invoices/invoice_add', '503', 2);
 *   $sim->stop();      // also done at shutdown
 *
 * The control calls use PHP's own HTTPS stream (no extension needed) and
 * verify the server with the throw-away CA. See docs/simulator.md.
 */
final class Simulator
{
    public const CONTRACT = '123456';
    public const USER = 'apiuser';
    public const PASSWORD = 'sim-Secret-5';
    public const AMP_USER = 'apiamp';
    public const AMP_PASSWORD = 'p&ss<wo>rd"\'';

    private const OWNED_MARK = '.owned-by-acumulus-simulator';

    /** @var array<int, self> */
    private static array $running = [];
    private static bool $shutdownRegistered = false;

    /** @var resource|null */
    private $proc;
    private bool $stopped = false;

    private function __construct(private readonly array $info, $proc, private readonly bool $keepDir)
    {
        $this->proc = $proc;
    }

    /**
     * Options: http (bool, plain HTTP), port (int, 0 = free), dir (state directory; default a new
     * temporary one, removed on stop), keep_dir (bool), tls_dir (reuse certificates), latency_ms (int),
     * config (array, see /_sim/config), watch_pid (int; default this process; 0 = none),
     * max_lifetime (seconds, 0 = none), detach (bool: do not stop at shutdown), start_timeout (seconds).
     */
    public static function start(array $options = []): self
    {
        $dir = $options['dir'] ?? null;
        $owned = $dir === null;
        if ($owned) {
            $dir = sys_get_temp_dir() . '/acusim-' . bin2hex(random_bytes(6));
        }
        if (!is_dir($dir) && !mkdir($dir, 0700, true) && !is_dir($dir)) {
            throw new \RuntimeException("cannot create $dir");
        }
        if ($owned) {
            // Only a directory made here is removed on stop; a given one is kept.
            touch($dir . '/' . self::OWNED_MARK);
        }
        $dir = (string) realpath($dir);
        @unlink("$dir/server.json");
        $cmd = [PHP_BINARY, __DIR__ . '/server.php', '--dir', $dir];
        if (!empty($options['http'])) {
            $cmd[] = '--http';
        }
        $flags = [
            'port' => '--port',
            'tls_dir' => '--tls-dir',
            'latency_ms' => '--latency',
            'max_lifetime' => '--max-lifetime',
        ];
        foreach ($flags as $k => $flag) {
            if (isset($options[$k])) {
                array_push($cmd, $flag, (string) $options[$k]);
            }
        }
        $watch = $options['watch_pid'] ?? getmypid();
        if ($watch > 0) {
            array_push($cmd, '--watch-pid', (string) $watch);
        }
        if (isset($options['config'])) {
            array_push($cmd, '--config', json_encode($options['config'], JSON_THROW_ON_ERROR));
        }
        if (!empty($options['quiet'])) {
            $cmd[] = '--quiet';
        }
        if ($owned) {
            $cmd[] = '--owned'; // reported in server.json: stop removes the directory
        }
        $out = ['file', "$dir/server.out", 'a'];
        $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => $out, 2 => $out], $pipes);
        if (!is_resource($proc)) {
            throw new \RuntimeException('cannot start the simulator');
        }
        $pid = proc_get_status($proc)['pid'];
        $deadline = microtime(true) + (float) ($options['start_timeout'] ?? 20);
        while (true) {
            $json = @file_get_contents("$dir/server.json");
            $info = $json === false ? null : json_decode($json, true);
            if (is_array($info) && ($info['pid'] ?? 0) === $pid) {
                break;
            }
            $st = proc_get_status($proc);
            if (!$st['running'] || microtime(true) > $deadline) {
                if ($st['running']) {
                    proc_terminate($proc, 9);
                }
                proc_close($proc);
                $why = trim((string) @file_get_contents("$dir/server.out"));
                if ($owned) {
                    self::removeIfOwned($dir);
                }
                throw new \RuntimeException('the simulator did not start' . ($why !== '' ? ": $why" : ''));
            }
            usleep(10000);
        }
        $sim = new self($info, $proc, !empty($options['keep_dir']));
        if (empty($options['detach'])) {
            self::$running[spl_object_id($sim)] = $sim;
            if (!self::$shutdownRegistered) {
                self::$shutdownRegistered = true;
                register_shutdown_function([self::class, 'stopAll']);
            }
        }
        return $sim;
    }

    /** A handle on a simulator started elsewhere (bin/start), from its state directory. */
    public static function attach(string $dir): self
    {
        $json = @file_get_contents(rtrim($dir, '/') . '/server.json');
        $info = $json === false ? null : json_decode($json, true);
        if (!is_array($info)) {
            throw new \RuntimeException("no running simulator in $dir");
        }
        return new self($info, null, true);
    }

    public static function stopAll(): void
    {
        foreach (self::$running as $sim) {
            $sim->stop();
        }
    }

    public function baseUrl(): string
    {
        return $this->info['base_url'];
    }

    public function rootUrl(): string
    {
        return $this->info['root_url'];
    }

    public function controlUrl(): string
    {
        return $this->info['control_url'];
    }

    /** The throw-away CA certificate (PEM); null for a plain HTTP simulator. */
    public function caFile(): ?string
    {
        return $this->info['ca_file'];
    }

    /** The directory of the alternative certificates (for tests that need them). */
    public function tlsDir(): ?string
    {
        return $this->info['tls_dir'];
    }

    public function dir(): string
    {
        return $this->info['dir'];
    }

    public function port(): int
    {
        return (int) $this->info['port'];
    }

    public function pid(): int
    {
        return (int) $this->info['pid'];
    }

    public function isRunning(): bool
    {
        return !$this->stopped && self::alive($this->pid());
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes a directory it created. */
    public function stop(): void
    {
        if ($this->stopped) {
            return;
        }
        $this->stopped = true;
        unset(self::$running[spl_object_id($this)]);
        self::terminate($this->pid(), $this->proc);
        $this->proc = null;
        if (!$this->keepDir) {
            self::removeIfOwned($this->dir());
        }
    }

    /** bin/stop: stops the simulator of a state directory; removes the directory if start created it. */
    public static function stopDir(string $dir, bool $keep = false): bool
    {
        $dir = rtrim($dir, '/');
        $json = @file_get_contents("$dir/server.json");
        $info = $json === false ? null : json_decode($json, true);
        $found = is_array($info) && isset($info['pid']);
        if ($found) {
            self::terminate((int) $info['pid'], null);
        }
        if (!$keep) {
            self::removeIfOwned($dir);
        }
        return $found;
    }

    private static function terminate(int $pid, $proc): void
    {
        if ($pid > 0 && self::alive($pid)) {
            posix_kill($pid, SIGTERM);
            $deadline = microtime(true) + 5;
            while (self::alive($pid) && microtime(true) < $deadline) {
                usleep(10000);
            }
            if (self::alive($pid)) {
                posix_kill($pid, SIGKILL);
                $deadline = microtime(true) + 5;
                while (self::alive($pid) && microtime(true) < $deadline) {
                    usleep(10000);
                }
            }
        }
        if (is_resource($proc)) {
            proc_close($proc); // reaps the child
        }
    }

    private static function alive(int $pid): bool
    {
        $stat = @file_get_contents("/proc/$pid/stat");
        if ($stat === false) {
            return false;
        }
        $state = substr($stat, strrpos($stat, ')') + 2, 1);
        return $state !== 'Z' && $state !== 'X';
    }

    private static function removeIfOwned(string $dir): void
    {
        if (!is_file($dir . '/' . self::OWNED_MARK)) {
            return;
        }
        $it = new \RecursiveIteratorIterator(
            new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS),
            \RecursiveIteratorIterator::CHILD_FIRST
        );
        foreach ($it as $f) {
            $f->isDir() && !$f->isLink() ? rmdir($f->getPathname()) : unlink($f->getPathname());
        }
        rmdir($dir);
    }

    // ---- control interface --------------------------------------------------

    /**
     * One control call; returns the decoded JSON answer.
     *
     * @throws \RuntimeException when the simulator answers an error
     */
    public function control(string $method, string $path, ?array $body = null): array
    {
        $http = ['method' => $method, 'ignore_errors' => true, 'timeout' => 30, 'header' => "Connection: close\r\n"];
        if ($body !== null) {
            $http['header'] .= "Content-Type: application/json\r\n";
            $http['content'] = json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        }
        $opts = ['http' => $http];
        if ($this->caFile() !== null) {
            $opts['ssl'] = [
                'cafile' => $this->caFile(),
                'verify_peer' => true,
                'verify_peer_name' => true,
                'peer_name' => '127.0.0.1',
            ];
        }
        $raw = @file_get_contents($this->controlUrl() . '/' . ltrim($path, '/'), false, stream_context_create($opts));
        $status = 0;
        foreach ($http_response_header ?? [] as $h) {
            if (preg_match('#^HTTP/\S+ (\d{3})#', $h, $m) === 1) {
                $status = (int) $m[1];
            }
        }
        if ($raw === false || $status === 0) {
            throw new \RuntimeException("simulator control $method $path: no answer");
        }
        $data = json_decode($raw, true);
        if ($status >= 300 || !is_array($data)) {
            throw new \RuntimeException("simulator control $method $path: HTTP $status " . trim($raw));
        }
        return $data;
    }

    public function reset(bool $withContracts = true): void
    {
        $this->control('POST', 'reset', ['contracts' => $withContracts]);
    }

    /**
     * Fails calls of an endpoint ('invoices/invoice_add', or '*' for any): mode one of 500, 502, 503, 504,
     * 429, timeout, reset, truncated, malformed, status3, drop; or a connection fault (endpoint ignored):
     * tls_untrusted, tls_hostname, tls_expired, tls_hang. Options: after, store, retry_after, bytes, body,
     * content_type, repeat, http_status, rate and seed (see addFaults for faults without a count).
     */
    public function setFault(string $endpoint, string $mode, int $count = 1, array $options = []): array
    {
        $spec = ['endpoint' => $endpoint, 'mode' => $mode, 'count' => $count] + $options;
        return $this->control('POST', 'faults', $spec)['added'][0];
    }

    /**
     * Adds several faults at once, each a spec as POST /_sim/faults takes it (endpoint, mode, count, after,
     * store, rate, seed, ...): e.g. a seeded mix of random faults. Returns the faults as added.
     */
    public function addFaults(array $specs): array
    {
        return $this->control('POST', 'faults', ['faults' => array_values($specs)])['added'];
    }

    public function clearFaults(): void
    {
        $this->control('POST', 'faults/clear');
    }

    public function setLatency(int $ms, string $endpoint = '*'): void
    {
        $this->control('POST', 'latency', ['ms' => $ms, 'endpoint' => $endpoint]);
    }

    public function setConfig(array $changes): array
    {
        return $this->control('POST', 'config', $changes);
    }

    /** Adds or replaces a contract: contractcode, users [{username, password, roleid}], and optional settings. */
    public function addContract(array $contract): void
    {
        $this->control('POST', 'contracts', $contract);
    }

    public function addUser(string $username, string $password, int $roleid, string $contract = self::CONTRACT): void
    {
        $this->control('POST', 'users', [
            'contractcode' => $contract,
            'username' => $username,
            'password' => $password,
            'roleid' => $roleid,
        ]);
    }

    /** requests, handshakes, responses, faults per endpoint; connections, tls_handshakes, tls_failures, ... */
    public function counters(): array
    {
        return $this->control('GET', 'counters');
    }

    public function resetCounters(): void
    {
        $this->control('POST', 'counters/reset');
    }

    /** The whole state, or one part (contracts, contacts, entries, concepts, mails) keyed by contract code. */
    public function state(?string $part = null, ?string $contract = null): array
    {
        $q = $contract === null ? '' : '?contract=' . rawurlencode($contract);
        return $this->control('GET', ($part === null ? 'state' : "state/$part") . $q);
    }

    /** Entries of one contract (default contract), in id order. */
    public function entries(string $contract = self::CONTRACT): array
    {
        return $this->state('entries', $contract)[$contract] ?? [];
    }

    public function finalizeConcept(int $conceptId): array
    {
        return $this->control('POST', "concepts/$conceptId/finalize");
    }

    /** The last 100 API requests (passwords masked). */
    public function requests(): array
    {
        return $this->control('GET', 'requests');
    }
}
