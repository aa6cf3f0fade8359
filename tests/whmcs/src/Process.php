<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use RuntimeException;

/**
 * One WHMCS request in its own PHP process (bin/request.php), against the
 * same database as the sandbox that started it: a fresh process includes the
 * addons' hooks.php itself, as a real page load does, and two of them can
 * race each other.
 *
 *   $a = $sb->spawn(['type' => 'hook', 'hook' => 'InvoicePaid', 'vars' => ['invoiceid' => 7]], $at);
 *   $b = $sb->spawn([... the same ...], $at);      // both start at microtime $at
 *   $a->wait(); $b->wait();
 *
 * Actions: ['type' => 'api', 'command' => …, 'params' => […], 'admin' => ''],
 * ['type' => 'hook', 'hook' => …, 'vars' => […]], ['type' => 'cron', 'daily' => bool],
 * ['type' => 'admin', 'module' => …, 'get' => […], 'post' => […]],
 * ['type' => 'action', 'name' => 'refund', 'args' => […]] (an Actions method),
 * ['type' => 'php', 'file' => '/abs/script.php'] (its return value is the result).
 *
 * "Response flushed, work after": the child behaves like PHP-FPM. Its response
 * (JSON: output, result, hooks so far) reaches the parent when the request
 * ends, after the shutdown functions have run, unless one of them (or any
 * code) calls fastcgi_finish_request(), which sends it at once while the
 * process goes on. response() waits for the response; wait() for the end.
 */
final class Process
{
    /** Set in a request process: what fastcgi_finish_request() sends. */
    private static ?\Closure $deliver = null;
    /** In the test process: how often fastcgi_finish_request() was called. */
    private static int $inProcessFinishes = 0;

    /** @var array<string,mixed>|null */
    private ?array $response = null;
    private ?float $respondedAt = null;
    /** @var array<string,mixed>|null */
    private ?array $final = null;

    /** @param resource $proc @param resource $stdout */
    private function __construct(
        private $proc,
        private $stdout,
        private readonly string $jobFile,
        private readonly string $resultFile,
        private readonly string $stderrFile,
    ) {
    }

    /** @param array<string,mixed> $action */
    public static function start(Sandbox $sb, array $action, ?float $startAt = null): self
    {
        $dir = sys_get_temp_dir();
        $base = tempnam($dir, 'whmcs-req-');
        if ($base === false) {
            throw new RuntimeException('cannot create a temporary file');
        }
        $jobFile = $base . '.job.json';
        $resultFile = $base . '.result.json';
        $stderrFile = $base . '.stderr';
        unlink($base);
        file_put_contents($jobFile, json_encode([
            'sandbox' => $sb->describeForChild(),
            'action' => $action,
            'startAt' => $startAt,
            'resultFile' => $resultFile,
        ], JSON_THROW_ON_ERROR));
        $cmd = [...$sb->phpCommand(), '-d', 'display_errors=stderr', dirname(__DIR__) . '/bin/request.php', $jobFile];
        $proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', $stderrFile, 'w']], $pipes);
        if (!is_resource($proc)) {
            throw new RuntimeException('cannot start a request process');
        }
        fclose($pipes[0]);
        return new self($proc, $pipes[1], $jobFile, $resultFile, $stderrFile);
    }

    /**
     * Blocks until the child's response arrives (the request ended, or it
     * called fastcgi_finish_request()).
     *
     * @return array<string,mixed> output, result, hooks (fired so far), finishedEarly, deliveredAt (microtime
     *         in the child when it sent the response: for timings without the parent's pipe delay)
     */
    public function response(): array
    {
        if ($this->response === null) {
            $raw = (string) stream_get_contents($this->stdout);
            $this->respondedAt = microtime(true);
            fclose($this->stdout);
            $decoded = json_decode($raw, true);
            $this->response = is_array($decoded) ? $decoded : ['error' => 'no response', 'raw' => $raw];
        }
        return $this->response;
    }

    public function respondedAt(): ?float
    {
        return $this->respondedAt;
    }

    /**
     * Blocks until the child has exited.
     *
     * @return array<string,mixed> exitCode, stderr, response, respondedAt, and from the child:
     *         result, hooks (every hook fired), hookErrors, finishedAt
     */
    public function wait(): array
    {
        if ($this->final !== null) {
            return $this->final;
        }
        $response = $this->response();
        $exit = proc_close($this->proc);
        $result = is_file($this->resultFile) ? json_decode((string) file_get_contents($this->resultFile), true) : null;
        $this->final = (is_array($result) ? $result : []) + [
            'exitCode' => $exit,
            'stderr' => is_file($this->stderrFile) ? (string) file_get_contents($this->stderrFile) : '',
            'response' => $response,
            'respondedAt' => $this->respondedAt,
        ];
        $this->final['exitCode'] = $exit;
        foreach ([$this->jobFile, $this->resultFile, $this->stderrFile] as $f) {
            if (is_file($f)) {
                unlink($f);
            }
        }
        return $this->final;
    }

    public function __destruct()
    {
        if ($this->final === null && is_resource($this->proc)) {
            $this->wait();
        }
    }

    /** Called by bin/request.php: how to send the response early. */
    public static function setDeliverer(\Closure $deliver): void
    {
        self::$deliver = $deliver;
    }

    /** fastcgi_finish_request() of the sandbox. */
    public static function finishRequest(): bool
    {
        if (self::$deliver !== null) {
            (self::$deliver)(true);
            return true;
        }
        self::$inProcessFinishes++;
        return true;
    }

    /** How often fastcgi_finish_request() ran in this (test) process. */
    public static function inProcessFinishes(): int
    {
        return self::$inProcessFinishes;
    }
}
