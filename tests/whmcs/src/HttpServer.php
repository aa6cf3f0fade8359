<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use RuntimeException;

/**
 * The sandbox's admin area over HTTP for browser tests: `php -S` on a free
 * loopback port with www/router.php, against the sandbox's database (a SQLite
 * file or MariaDB). Sessions are real PHP sessions (cookie PHPSESSID); an
 * admin is logged in automatically unless $autoLoginAdmin is 0.
 *
 *   $server = $sb->serve();
 *   $server->url('/admin/addonmodules.php?module=acumulus_connect');  // for a browser
 *   $r = $server->request('GET', '/admin/addonmodules.php?module=sandbox_probe');
 *   $server->stop();                                                 // also on destruct
 *
 * Routes: /admin/addonmodules.php?module=…, /admin/configaddonmods.php?module=…
 * (GET the form, POST to save), /modules/addons/<name>/<asset> (static files).
 */
final class HttpServer
{
    /** @var resource|null */
    private $proc;
    private string $cookie = '';

    /** @param resource $proc */
    private function __construct($proc, private readonly int $port, private readonly string $dir)
    {
        $this->proc = $proc;
    }

    public static function start(Sandbox $sb, int $autoLoginAdmin = 1): self
    {
        $dir = sys_get_temp_dir() . '/whmcs-sandbox-http-' . bin2hex(random_bytes(6));
        mkdir($dir . '/sessions', 0700, true);
        file_put_contents($dir . '/config.json', json_encode([
            'sandbox' => $sb->describeForChild(),
            'sessionDir' => $dir . '/sessions',
            'autoLoginAdmin' => $autoLoginAdmin,
        ], JSON_THROW_ON_ERROR));
        $port = self::freePort();
        $router = dirname(__DIR__) . '/www/router.php';
        $env = getenv();
        $env['WHMCS_SANDBOX_CONFIG'] = $dir . '/config.json';
        $proc = proc_open(
            [...$sb->phpCommand(), '-S', '127.0.0.1:' . $port, '-t', dirname($router), $router],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $dir . '/server.log', 'a'],
                2 => ['file', $dir . '/server.log', 'a']],
            $pipes,
            null,
            $env
        );
        if (!is_resource($proc)) {
            throw new RuntimeException('cannot start php -S');
        }
        $server = new self($proc, $port, $dir);
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            $socket = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.2);
            if ($socket !== false) {
                fclose($socket);
                return $server;
            }
            usleep(50000);
        }
        $server->stop();
        throw new RuntimeException("php -S did not start on port $port: " . @file_get_contents($dir . '/server.log'));
    }

    public function url(string $path = '/'): string
    {
        return 'http://127.0.0.1:' . $this->port . $path;
    }

    /**
     * A request with this client's session cookie.
     *
     * @param array<string,string>|null $form POST fields
     * @return array{status:int,headers:array<string,string>,body:string}
     */
    public function request(string $method, string $path, ?array $form = null): array
    {
        $headers = ['Connection: close'];
        if ($this->cookie !== '') {
            $headers[] = 'Cookie: ' . $this->cookie;
        }
        $content = '';
        if ($form !== null) {
            $content = http_build_query($form);
            $headers[] = 'Content-Type: application/x-www-form-urlencoded';
        }
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => implode("\r\n", $headers),
            'content' => $content,
            'ignore_errors' => true,
            'follow_location' => 0,
            'timeout' => 30,
        ]]);
        $body = @file_get_contents($this->url($path), false, $context);
        $raw = $http_response_header ?? [];
        $status = 0;
        $out = [];
        foreach ($raw as $line) {
            if (preg_match('#^HTTP/\S+\s+(\d+)#', $line, $m)) {
                $status = (int) $m[1];
            } elseif (str_contains($line, ':')) {
                [$k, $v] = explode(':', $line, 2);
                $out[strtolower(trim($k))] = trim($v);
                if (strtolower(trim($k)) === 'set-cookie' && preg_match('/^(PHPSESSID=[^;]+)/', trim($v), $c)) {
                    $this->cookie = $c[1];
                }
            }
        }
        return ['status' => $status, 'headers' => $out, 'body' => $body === false ? '' : $body];
    }

    public function log(): string
    {
        return (string) @file_get_contents($this->dir . '/server.log');
    }

    public function stop(): void
    {
        if (is_resource($this->proc)) {
            proc_terminate($this->proc);
            proc_close($this->proc);
        }
        $this->proc = null;
        if (is_dir($this->dir)) {
            foreach (glob($this->dir . '/sessions/*') ?: [] as $f) {
                unlink($f);
            }
            @rmdir($this->dir . '/sessions');
            foreach (glob($this->dir . '/*') ?: [] as $f) {
                unlink($f);
            }
            @rmdir($this->dir);
        }
    }

    public function __destruct()
    {
        $this->stop();
    }

    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
        if ($socket === false) {
            throw new RuntimeException("no free port: $errstr");
        }
        $name = (string) stream_socket_get_name($socket, false);
        fclose($socket);
        return (int) substr($name, strrpos($name, ':') + 1);
    }
}
