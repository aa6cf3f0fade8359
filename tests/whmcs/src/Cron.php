<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use Throwable;

/**
 * The WHMCS cron (crons/cron.php) as hooks see it: a request without an
 * admin, PreCronJob, the due automation tasks (each between
 * PreAutomationTask and PostAutomationTask), on the daily run
 * DailyCronJobPreEmail (a hook returning true suppresses the report email) and
 * DailyCronJob, and AfterCronJob on every run.
 *
 * WHMCS's own tasks (invoice generation, reminders, suspensions…) are not
 * emulated: pass the tasks a test needs, e.g. ['InvoiceGeneration' => fn () => …].
 */
final class Cron
{
    public function __construct(private readonly Sandbox $sb)
    {
    }

    /**
     * @param array<string,callable> $tasks name => task
     * @return array{tasks:array<string,bool>,reportEmail:bool}
     */
    public function run(bool $daily = false, array $tasks = []): array
    {
        // The cron is its own request without an admin; the admin's session
        // (a browser's) is back afterwards.
        $session = $_SESSION ?? [];
        try {
            return $this->runAsCron($daily, $tasks);
        } finally {
            $_SESSION = $session;
        }
    }

    /**
     * @param array<string,callable> $tasks
     * @return array{tasks:array<string,bool>,reportEmail:bool}
     */
    private function runAsCron(bool $daily, array $tasks): array
    {
        $this->sb->newRequest([], 0);
        $_SERVER['SCRIPT_NAME'] = '/crons/cron.php';
        $done = [];
        $suppress = false;
        $flags = ['daily' => $daily];
        HookSequences::run(
            $this->sb->hooks(),
            'cron',
            $flags,
            fn (string $hook): array => [],
            [
                'tasks' => function () use ($tasks, &$done): void {
                    foreach ($tasks as $name => $task) {
                        $this->sb->hooks()->run('PreAutomationTask', ['task' => $name]);
                        $completed = true;
                        try {
                            $task($this->sb);
                        } catch (Throwable) {
                            $completed = false;
                        }
                        $done[$name] = $completed;
                        $this->sb->hooks()->run('PostAutomationTask', ['task' => $name, 'completed' => $completed]);
                    }
                },
                'email' => function () use (&$suppress): void {
                    if (!$suppress) {
                        $this->sb->emails()->send('Cron Job Activity', 0);
                    }
                },
            ],
            function (string $hook, array $returned) use (&$suppress): void {
                if ($hook === 'DailyCronJobPreEmail' && in_array(true, $returned, true)) {
                    $suppress = true;
                }
            }
        );
        return ['tasks' => $done, 'reportEmail' => $daily && !$suppress];
    }
}
