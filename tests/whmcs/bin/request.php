<?php

/**
 * One WHMCS request in a process of its own (see WhmcsSandbox\Process):
 *
 *   php tests/whmcs/bin/request.php JOB.json
 *
 * The job names the sandbox (database, modules root, clock, options), the
 * action and an optional start moment. The process boots the sandbox without
 * reinstalling, loads the active addons' hooks, waits for the start moment,
 * runs the action, and answers like PHP-FPM: the JSON response goes to stdout
 * when the request ends (after shutdown functions) or as soon as
 * fastcgi_finish_request() is called. Everything that happened, including
 * work done after the response, is written to the job's result file.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/bootstrap.php';

use WhmcsSandbox\Page;
use WhmcsSandbox\Process;
use WhmcsSandbox\Sandbox;

$job = json_decode((string) file_get_contents($argv[1] ?? ''), true, 512, JSON_THROW_ON_ERROR);
$sb = Sandbox::boot($job['sandbox']);

$state = ['result' => null, 'error' => null, 'delivered' => false, 'done' => false];
$level = ob_get_level();
ob_start();

$deliver = static function (bool $early) use (&$state, $sb, $level): void {
    if ($state['delivered']) {
        return;
    }
    $state['delivered'] = true;
    $output = '';
    while (ob_get_level() > $level) {
        $output = (string) ob_get_clean() . $output;
    }
    fwrite(STDOUT, json_encode([
        'output' => $output,
        'result' => $state['result'],
        'finishedEarly' => $early && !$state['done'],
        'hooks' => $sb->hooks()->fired(),
        'deliveredAt' => microtime(true), // the child's clock: no pipe or scheduling delay of the parent in it
    ], JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE));
    fclose(STDOUT);
};
Process::setDeliverer($deliver);

$writeResult = static function () use (&$state, $sb, $job): void {
    file_put_contents($job['resultFile'], json_encode([
        'result' => $state['result'],
        'error' => $state['error'],
        'hooks' => $sb->hooks()->fired(),
        'hookLog' => $sb->hooks()->log(),
        'hookErrors' => array_map(
            static fn (array $e): array => ['hook' => $e['hook'], 'source' => $e['source'], 'error' => $e['error']],
            $sb->hooks()->errors()
        ),
        'finishedAt' => microtime(true),
    ], JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE));
};

// The response and the result are written after everything else the request
// does, including shutdown functions (deferred work): registered first, and
// re-registered twice while shutting down, so that it follows the shutdown
// functions the request registers and those they register in turn.
register_shutdown_function(static function () use ($deliver, $writeResult, &$state): void {
    register_shutdown_function(static function () use ($deliver, $writeResult, &$state): void {
        register_shutdown_function(static function () use ($deliver, $writeResult, &$state): void {
            $deliver(false);
            $writeResult();
            if ($state['error'] !== null) {
                exit(70);
            }
        });
    });
});

if (!empty($job['startAt'])) {
    $at = (float) $job['startAt'];
    if ($at > microtime(true)) {
        time_sleep_until($at);
    }
}

$action = $job['action'];
try {
    $result = match ($action['type'] ?? '') {
        'api' => $sb->api(
            (string) $action['command'],
            (array) ($action['params'] ?? []),
            (string) ($action['admin'] ?? '')
        ),
        'hook' => run_hook((string) $action['hook'], (array) ($action['vars'] ?? [])),
        'cron' => $sb->cron()->run((bool) ($action['daily'] ?? false)),
        'admin' => $sb->admin()->render(
            (string) $action['module'],
            (array) ($action['get'] ?? []),
            (array) ($action['post'] ?? [])
        ),
        'action' => $sb->actions()->{(string) $action['name']}(...array_values((array) ($action['args'] ?? []))),
        'php' => (static fn (string $file): mixed => require $file)((string) $action['file']),
        default => throw new InvalidArgumentException('unknown action type'),
    };
    if ($result instanceof Page) {
        $result = ['status' => $result->status, 'html' => $result->html];
    }
    $state['result'] = $result;
} catch (Throwable $e) {
    $state['error'] = get_class($e) . ': ' . $e->getMessage();
    fwrite(STDERR, (string) $e . "\n");
}
$state['done'] = true;
