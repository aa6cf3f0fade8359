<?php

/*
 * The Acumulus API simulator server process. Normally started through
 * bin/start or Simulator::start(), which wait for it to be ready:
 *
 *   php server.php --dir DIR [--port 0] [--http] [--tls-dir DIR] [--watch-pid PID]
 *                  [--max-lifetime SECONDS] [--latency MS] [--config JSON] [--owned] [--quiet]
 *
 * Writes DIR/server.json (pid, port, URLs, CA file) once it listens, keeps its
 * state in DIR/state.sqlite and logs to DIR/server.log. SIGTERM or SIGINT stop it;
 * so does the end of the --watch-pid process.
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use AcuSim\App;
use AcuSim\Certs;
use AcuSim\HttpServer;
use AcuSim\Log;
use AcuSim\Store;

ini_set('memory_limit', '1G');
ini_set('display_errors', 'stderr');
error_reporting(E_ALL);

$opts = getopt('', [
    'dir:', 'port:', 'http', 'tls-dir:', 'watch-pid:', 'max-lifetime:', 'latency:', 'config:', 'owned', 'quiet',
]);
if (!isset($opts['dir']) || !is_string($opts['dir'])) {
    fwrite(STDERR, "usage: server.php --dir DIR [--port N] [--http] [--tls-dir DIR] [--watch-pid PID]"
        . " [--max-lifetime S]"
        . " [--latency MS] [--config JSON] [--owned] [--quiet]\n");
    exit(2);
}
$dir = rtrim($opts['dir'], '/');
if (!is_dir($dir) && !mkdir($dir, 0700, true) && !is_dir($dir)) {
    fwrite(STDERR, "cannot create $dir\n");
    exit(1);
}
$dir = realpath($dir);
$tls = !isset($opts['http']);
$tlsDir = isset($opts['tls-dir']) ? rtrim((string) $opts['tls-dir'], '/') : "$dir/tls";
$log = new Log("$dir/server.log", !isset($opts['quiet']));

try {
    if ($tls) {
        Certs::ensure($tlsDir);
        $tlsDir = realpath($tlsDir);
    }
    $store = new Store("$dir/state.sqlite");
    $scheme = $tls ? 'https' : 'http';
    $info = ['dir' => $dir, 'scheme' => $scheme, 'ca_file' => $tls ? "$tlsDir/ca.pem" : null];
    $app = new App($store, $log, $info);
    if (isset($opts['config'])) {
        $app->config->set(json_decode((string) $opts['config'], true, 16, JSON_THROW_ON_ERROR));
    }
    if (isset($opts['latency'])) {
        $app->setLatency((int) $opts['latency'], '*');
    }
    $server = new HttpServer(
        $app,
        $log,
        $tls,
        $tls ? $tlsDir : '',
        (int) ($opts['watch-pid'] ?? 0),
        (int) ($opts['max-lifetime'] ?? 0)
    );
    [$port, $controlPort] = $server->listen((int) ($opts['port'] ?? 0));
} catch (Throwable $e) {
    $log->write('start failed: ' . $e->getMessage());
    fwrite(STDERR, 'start failed: ' . $e->getMessage() . "\n");
    exit(1);
}

pcntl_async_signals(true);
// A client that hangs up before its (latency-delayed, large) answer is written must not kill the
// server; PHP streams already avoid SIGPIPE, this makes sure of it.
pcntl_signal(SIGPIPE, SIG_IGN);
foreach ([SIGTERM, SIGINT, SIGHUP] as $sig) {
    pcntl_signal($sig, static function () use ($server): void {
        $server->stop();
    });
}

$root = "$scheme://127.0.0.1:$port";
$ready = [
    'pid' => getmypid(),
    'port' => $port,
    'scheme' => $scheme,
    'root_url' => $root,
    'base_url' => "$root/acumulus/stable",
    'control_url' => "$scheme://127.0.0.1:$controlPort/_sim",
    'control_port' => $controlPort,
    'ca_file' => $tls ? "$tlsDir/ca.pem" : null,
    'dir' => $dir,
    'tls_dir' => $tls ? $tlsDir : null,
    'owned' => isset($opts['owned']),
];
file_put_contents("$dir/server.json.tmp", json_encode($ready, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
rename("$dir/server.json.tmp", "$dir/server.json");
$log->write("listening on $root (pid " . getmypid() . ')');

$server->run();

$store->close();
@unlink("$dir/server.json");
$log->write('stopped');
exit(0);
