<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * A single-process, non-blocking HTTP/1.1 server (HTTPS by default) on
 * 127.0.0.1, built on PHP streams and stream_select().
 *
 * One process owns the state, so concurrent requests never race on it;
 * handling a request takes about a millisecond, and latency, hangs and slow
 * clients are timers and buffers, so they never block other connections.
 * The transport faults (TLS certificate choice, hang, reset, truncation) are
 * carried out here because only the connection owner can do them.
 */
final class HttpServer
{
    private const MAX_HEADER = 65536;
    private const MAX_BODY = 17825792; // 16 MB of posted data plus form encoding overhead
    private const HANDSHAKE_TIMEOUT = 10.0;
    private const MAX_CONNECTIONS = 900; // stream_select() is limited to FD_SETSIZE (1024) descriptors
    private const WRITE_CHUNK = 16384;

    /** @var resource */
    private $listener;
    /** @var resource the control port: /_sim/ only, never hit by faults, not counted */
    private $controlListener;
    /** @var array<int, Conn> */
    private array $conns = [];
    private int $nextConn = 1;
    /** @var list<array{float, int, int}> due time, connection id, generation */
    private array $timers = [];
    private bool $running = true;
    private float $started;
    private int $port = 0;
    private int $controlPort = 0;

    public function __construct(
        private readonly App $app,
        private readonly Log $log,
        private readonly bool $tls,
        private readonly string $certDir,
        private readonly int $watchPid = 0,
        private readonly int $maxLifetime = 0,
    ) {
        $this->started = microtime(true);
    }

    /** Binds the API port ($port, 0 = free) and a control port (always free). @return array{int, int} */
    public function listen(int $port): array
    {
        $opts = ['socket' => ['backlog' => 511, 'so_reuseport' => false]];
        if ($this->tls) {
            $opts['ssl'] = [
                'local_cert' => $this->certDir . '/server.pem',
                'verify_peer' => false,
                'allow_self_signed' => false,
                'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_SERVER | STREAM_CRYPTO_METHOD_TLSv1_3_SERVER,
                'disable_compression' => true,
                'honor_cipher_order' => true,
            ];
        }
        [$this->listener, $this->port] = self::bind($port, $opts);
        [$this->controlListener, $this->controlPort] = self::bind(0, $opts);
        return [$this->port, $this->controlPort];
    }

    private static function bind(int $port, array $opts): array
    {
        $ctx = stream_context_create($opts);
        $flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
        $l = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr, $flags, $ctx);
        if ($l === false) {
            throw new \RuntimeException("cannot listen on 127.0.0.1:$port: $errstr");
        }
        stream_set_blocking($l, false);
        $name = (string) stream_socket_get_name($l, false);
        return [$l, (int) substr($name, strrpos($name, ':') + 1)];
    }

    public function stop(): void
    {
        $this->running = false;
    }

    public function run(): void
    {
        $lastHousekeeping = 0.0;
        while ($this->running) {
            $now = microtime(true);
            $timeout = 0.5;
            foreach ($this->timers as [$due]) {
                $timeout = min($timeout, max(0.0, $due - $now));
            }
            $read = [$this->listener, $this->controlListener];
            $write = [];
            foreach ($this->conns as $c) {
                $read[] = $c->stream;
                if ($c->out !== '') {
                    $write[] = $c->stream;
                }
            }
            $except = null;
            $sec = (int) $timeout;
            $n = @stream_select($read, $write, $except, $sec, (int) (($timeout - $sec) * 1e6));
            if ($n === false) {
                // Interrupted by a signal (SIGTERM sets $running through the handler).
                continue;
            }
            foreach ($read as $s) {
                if ($s === $this->listener || $s === $this->controlListener) {
                    $this->acceptAll($s === $this->controlListener);
                    continue;
                }
                $c = $this->connByStream($s);
                if ($c !== null) {
                    $this->onReadable($c);
                }
            }
            foreach ($write as $s) {
                $c = $this->connByStream($s);
                if ($c !== null) {
                    $this->flush($c);
                }
            }
            $this->runTimers();
            $now = microtime(true);
            if ($now - $lastHousekeeping >= 0.25) {
                $lastHousekeeping = $now;
                $this->housekeeping($now);
            }
        }
        foreach ($this->conns as $c) {
            $this->close($c);
        }
        fclose($this->listener);
        fclose($this->controlListener);
    }

    private function connByStream($s): ?Conn
    {
        return $this->conns[(int) $s] ?? null;
    }

    private function acceptAll(bool $control): void
    {
        while (($s = @stream_socket_accept($control ? $this->controlListener : $this->listener, 0)) !== false) {
            if (count($this->conns) >= self::MAX_CONNECTIONS) {
                fclose($s);
                $this->log->write('connection refused: too many open connections');
                continue;
            }
            stream_set_blocking($s, false);
            stream_set_read_buffer($s, 0);
            stream_set_write_buffer($s, 0);
            $c = new Conn($this->nextConn++, $s);
            // Imported before any TLS so that a reset (SO_LINGER 0) stays possible later.
            $sock = function_exists('socket_import_stream') ? @socket_import_stream($s) : false;
            $c->sock = $sock instanceof \Socket ? $sock : null;
            if ($c->sock !== null) {
                // Without this, Nagle holds the answer behind the TLS session tickets
                // until the client's delayed ACK (40 ms).
                @socket_set_option($c->sock, SOL_TCP, TCP_NODELAY, 1);
            }
            $this->conns[(int) $s] = $c;
            $c->control = $control;
            if (!$control) {
                $this->app->counters->connections++;
            }
            $fault = $control ? null : $this->app->faults->takeForConnection();
            if ($fault !== null) {
                $this->log->write("fault {$fault['mode']} (#{$fault['id']}) on connection {$c->id}");
                Counters::bump($this->app->counters->faults, $fault['mode']);
                Counters::bump($this->app->counters->faultKinds, $fault['mode']);
            }
            if ($fault !== null && $fault['mode'] === 'tls_hang') {
                $c->state = Conn::HANG;
                continue;
            }
            if (!$this->tls) {
                $c->state = Conn::READ;
                continue;
            }
            $c->state = Conn::HANDSHAKE;
            $c->cert = match ($fault['mode'] ?? null) {
                'tls_untrusted' => 'untrusted.pem',
                'tls_hostname' => 'wronghost.pem',
                'tls_expired' => 'expired.pem',
                default => null,
            };
            $this->handshake($c);
        }
    }

    private function handshake(Conn $c): void
    {
        if ($c->cert !== null && !$c->cryptoStarted) {
            // The TLS context of the connection is built on the first call: swap the certificate just for it.
            stream_context_set_option($c->stream, 'ssl', 'local_cert', $this->certDir . '/' . $c->cert);
        }
        $first = !$c->cryptoStarted;
        $c->cryptoStarted = true;
        $methods = STREAM_CRYPTO_METHOD_TLSv1_2_SERVER | STREAM_CRYPTO_METHOD_TLSv1_3_SERVER;
        $r = @stream_socket_enable_crypto($c->stream, true, $methods);
        if ($first && $c->cert !== null) {
            stream_context_set_option($c->stream, 'ssl', 'local_cert', $this->certDir . '/server.pem');
        }
        if ($r === true) {
            if (!$c->control) {
                $this->app->counters->tlsHandshakes++;
            }
            $c->state = Conn::READ;
            $c->last = microtime(true);
            $this->onReadable($c);
        } elseif ($r === false) {
            if (!$c->control) {
                $this->app->counters->tlsFailures++;
            }
            $this->close($c);
        }
    }

    private function onReadable(Conn $c): void
    {
        if ($c->state === Conn::HANDSHAKE) {
            $this->handshake($c);
            return;
        }
        $got = false;
        while (true) {
            $data = @fread($c->stream, 65536);
            if ($data === false || $data === '') {
                break;
            }
            $got = true;
            if ($c->state !== Conn::HANG) {
                $c->in .= $data;
            }
            if (strlen($c->in) > self::MAX_HEADER + self::MAX_BODY) {
                break;
            }
        }
        if (!$got && (feof($c->stream) || !is_resource($c->stream))) {
            $this->close($c);
            return;
        }
        if ($got) {
            $c->last = microtime(true);
        }
        if ($c->state === Conn::READ) {
            $this->parse($c);
        }
    }

    /** Parses and dispatches complete requests in the input buffer (one at a time). */
    private function parse(Conn $c): void
    {
        if ($c->state !== Conn::READ || $c->in === '') {
            return;
        }
        if (preg_match('/^[A-Z]/', $c->in) !== 1) {
            // Not HTTP (a TLS ClientHello sent to the plain HTTP port, say): answer and close at once.
            $this->fail($c, HttpResponse::html(400));
            return;
        }
        $end = strpos($c->in, "\r\n\r\n");
        if ($end === false) {
            if (strlen($c->in) > self::MAX_HEADER) {
                $this->fail($c, HttpResponse::html(431));
            }
            return;
        }
        $lines = explode("\r\n", substr($c->in, 0, $end));
        if (preg_match('#^([A-Z]+) (\S+) HTTP/(1\.[01])$#', array_shift($lines), $m) !== 1) {
            $this->fail($c, HttpResponse::html(400));
            return;
        }
        [, $method, $target, $version] = $m;
        $headers = [];
        foreach ($lines as $line) {
            $p = strpos($line, ':');
            if ($p === false) {
                $this->fail($c, HttpResponse::html(400));
                return;
            }
            $name = strtolower(trim(substr($line, 0, $p)));
            $value = trim(substr($line, $p + 1));
            $headers[$name] = isset($headers[$name]) ? $headers[$name] . ', ' . $value : $value;
        }
        $start = $end + 4;
        if (str_contains(strtolower($headers['transfer-encoding'] ?? ''), 'chunked')) {
            try {
                $decoded = self::dechunk($c->in, $start);
            } catch (\UnexpectedValueException) {
                $this->fail($c, HttpResponse::html(400));
                return;
            }
            if ($decoded === null) {
                $this->expectContinue($c, $headers);
                if (strlen($c->in) - $start > self::MAX_BODY) {
                    $this->fail($c, HttpResponse::html(413));
                }
                return;
            }
            [$body, $consumed] = $decoded;
        } else {
            $len = $headers['content-length'] ?? '0';
            if (preg_match('/^\d{1,12}$/', $len) !== 1) {
                $this->fail($c, HttpResponse::html(400));
                return;
            }
            $len = (int) $len;
            if ($len > self::MAX_BODY) {
                $this->fail($c, HttpResponse::html(413));
                return;
            }
            if (strlen($c->in) - $start < $len) {
                $this->expectContinue($c, $headers);
                return;
            }
            $body = substr($c->in, $start, $len);
            $consumed = $start + $len;
        }
        $c->in = (string) substr($c->in, $consumed);
        $c->continueSent = false;
        $c->requests++;
        $conn = strtolower($headers['connection'] ?? '');
        $c->keepAlive = $version === '1.1' ? !str_contains($conn, 'close') : str_contains($conn, 'keep-alive');
        if ($c->requests >= $this->app->config->get('max_keepalive_requests')) {
            $c->keepAlive = false;
        }
        $req = new HttpRequest($method, $target, $version, $headers, $body);
        $c->state = Conn::BUSY;
        $c->head = $method === 'HEAD';
        // In flight: API requests from arrival until answered, dropped, reset, or their hung connection closes.
        $c->inFlight = !$c->control && !str_starts_with($req->path(), '/_sim');
        if ($c->inFlight) {
            $counters = $this->app->counters;
            $counters->inFlight++;
            $counters->maxInFlight = max($counters->maxInFlight, $counters->inFlight);
        }
        $t0 = hrtime(true);
        try {
            $outcome = $this->app->handle($req, $c->requests, $this->tls, $c->control);
        } catch (\Throwable $e) {
            $this->log->write('internal error: ' . get_class($e) . ': ' . $e->getMessage()
                . ' at ' . $e->getFile() . ':' . $e->getLine());
            $outcome = new Outcome(Outcome::SEND, HttpResponse::html(500));
        }
        $this->log->access(sprintf(
            '%s %s %s -> %s %s %.1fms',
            $c->id,
            $method,
            strtok($target, '?'),
            $outcome->action,
            $outcome->response?->status ?? '-',
            (hrtime(true) - $t0) / 1e6
        ));
        $c->outcome = $outcome;
        if ($outcome->delayMs > 0) {
            $this->timers[] = [microtime(true) + $outcome->delayMs / 1000, $c->id, $c->generation];
        } else {
            $this->carryOut($c);
        }
    }

    /** @param array<string, string> $headers */
    private function expectContinue(Conn $c, array $headers): void
    {
        if (!$c->continueSent && strtolower($headers['expect'] ?? '') === '100-continue') {
            $c->continueSent = true;
            $c->out .= "HTTP/1.1 100 Continue\r\n\r\n";
            $this->flush($c);
        }
    }

    /**
     * Decodes a chunked body starting at $offset: [body, end offset], or null
     * while incomplete. Trailers are skipped.
     */
    private static function dechunk(string $buf, int $offset): ?array
    {
        $body = '';
        $pos = $offset;
        while (true) {
            $eol = strpos($buf, "\r\n", $pos);
            if ($eol === false) {
                return null;
            }
            $sizeLine = trim(explode(';', substr($buf, $pos, $eol - $pos))[0]);
            if (preg_match('/^[0-9a-fA-F]{1,8}$/', $sizeLine) !== 1) {
                throw new \UnexpectedValueException('bad chunk size');
            }
            $size = hexdec($sizeLine);
            $pos = $eol + 2;
            if ($size === 0) {
                while (true) {
                    $eol = strpos($buf, "\r\n", $pos);
                    if ($eol === false) {
                        return null;
                    }
                    $isEnd = $eol === $pos;
                    $pos = $eol + 2;
                    if ($isEnd) {
                        return [$body, $pos];
                    }
                }
            }
            if (strlen($buf) < $pos + $size + 2) {
                return null;
            }
            $body .= substr($buf, $pos, $size);
            $pos += $size + 2;
        }
    }

    private function runTimers(): void
    {
        if ($this->timers === []) {
            return;
        }
        $now = microtime(true);
        $keep = [];
        $due = [];
        foreach ($this->timers as $t) {
            if ($t[0] <= $now) {
                $due[] = $t;
            } else {
                $keep[] = $t;
            }
        }
        $this->timers = $keep;
        foreach ($due as [, $id, $gen]) {
            foreach ($this->conns as $c) {
                if ($c->id === $id && $c->generation === $gen && $c->state === Conn::BUSY) {
                    $this->carryOut($c);
                }
            }
        }
    }

    private function carryOut(Conn $c): void
    {
        $o = $c->outcome;
        $c->outcome = null;
        switch ($o->action) {
            case Outcome::HANG:
                // Stays in flight until the client gives up and closes.
                $c->state = Conn::HANG;
                return;
            case Outcome::RESET:
                $this->reset($c);
                return;
            case Outcome::DROP:
                $this->close($c);
                return;
            case Outcome::TRUNCATE:
                $c->out .= self::serialize($o->response, false, $c->head);
                $c->out = substr($c->out, 0, strlen($c->out) - strlen($o->response->body) + (int) $o->bytes);
                $c->closeAfter = true;
                break;
            default:
                $c->closeAfter = !$c->keepAlive;
                $c->out .= self::serialize($o->response, $c->keepAlive, $c->head);
        }
        $c->state = Conn::WRITE;
        $this->flush($c);
    }

    private static function serialize(HttpResponse $r, bool $keepAlive, bool $head): string
    {
        $h = 'HTTP/1.1 ' . $r->status . ' ' . HttpResponse::reason($r->status) . "\r\n"
            . 'Date: ' . gmdate('D, d M Y H:i:s') . " GMT\r\nServer: " . ($r->headers['Server'] ?? 'Apache') . "\r\n";
        foreach ($r->headers as $k => $v) {
            if ($k !== 'Server') {
                $h .= $k . ': ' . str_replace(["\r", "\n"], '', $v) . "\r\n";
            }
        }
        $h .= 'Content-Length: ' . strlen($r->body) . "\r\n";
        $h .= 'Connection: ' . ($keepAlive ? 'keep-alive' : 'close') . "\r\n\r\n";
        return $h . ($head ? '' : $r->body);
    }

    private function flush(Conn $c): void
    {
        // Written from an offset: cutting what was written off the front of a large answer
        // each time would copy it again for every chunk.
        $len = strlen($c->out);
        while ($c->outPos < $len) {
            $n = @fwrite($c->stream, substr($c->out, $c->outPos, self::WRITE_CHUNK));
            if ($n === false) {
                $this->close($c);
                return;
            }
            if ($n === 0) {
                return; // would block: wait for writability
            }
            $c->outPos += $n;
        }
        $c->out = '';
        $c->outPos = 0;
        if ($c->state !== Conn::WRITE) {
            return;
        }
        $this->done($c);
        if ($c->closeAfter) {
            $this->close($c);
            return;
        }
        $c->state = Conn::READ;
        $c->last = microtime(true);
        $this->parse($c);
    }

    /** The request in flight on a connection is over (answered, dropped, hung or reset). */
    private function done(Conn $c): void
    {
        if ($c->inFlight) {
            $c->inFlight = false;
            $this->app->counters->inFlight--;
        }
        $c->generation++;
    }

    private function fail(Conn $c, HttpResponse $r): void
    {
        $c->keepAlive = false;
        $c->closeAfter = true;
        $c->state = Conn::WRITE;
        $c->out .= self::serialize($r, false, false);
        $this->flush($c);
    }

    /** Closes with a TCP RST and no answer: the peer cannot tell whether its request was handled. */
    private function reset(Conn $c): void
    {
        if ($c->sock !== null) {
            @socket_set_option($c->sock, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
        }
        $this->close($c);
    }

    private function close(Conn $c): void
    {
        $this->done($c);
        unset($this->conns[(int) $c->stream]);
        if (is_resource($c->stream)) {
            @fclose($c->stream);
        }
        $c->sock = null;
        $c->state = Conn::CLOSED;
    }

    private function housekeeping(float $now): void
    {
        $idle = (float) $this->app->config->get('keepalive_timeout');
        foreach ($this->conns as $c) {
            if ($c->state === Conn::HANDSHAKE && $now - $c->opened > self::HANDSHAKE_TIMEOUT) {
                $this->app->counters->tlsFailures++;
                $this->close($c);
            } elseif ($c->state === Conn::READ && $c->in === '' && $now - $c->last > $idle) {
                $this->close($c);
            }
        }
        if ($this->watchPid > 0 && !self::alive($this->watchPid)) {
            $this->log->write("watched process {$this->watchPid} is gone: stopping");
            $this->running = false;
        }
        if ($this->maxLifetime > 0 && $now - $this->started > $this->maxLifetime) {
            $this->log->write("maximum lifetime of {$this->maxLifetime} s reached: stopping");
            $this->running = false;
        }
    }

    /** Whether a process exists and is not a zombie. */
    public static function alive(int $pid): bool
    {
        if (!posix_kill($pid, 0) && posix_get_last_error() === 3) {
            return false;
        }
        $stat = @file_get_contents("/proc/$pid/stat");
        if ($stat === false) {
            return false;
        }
        $state = substr($stat, strrpos($stat, ')') + 2, 1);
        return $state !== 'Z' && $state !== 'X';
    }
}
