<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use Throwable;

/**
 * add_hook() / run_hook(): the hook registry of one request, plus a log of
 * every hook point that fired (also those nobody listens to), so that tests
 * can see which hooks ran, in which order, with which $vars.
 *
 * Order: lower priority first; equal priorities in registration order (WHMCS
 * leaves that undefined; in practice it is load order).
 *
 * An exception thrown by a hook function is recorded in the log and in
 * errors(), and the next hook function runs ('log', the default), or it is
 * rethrown into the WHMCS action that fired the hook ('rethrow'). What a real
 * WHMCS does is not documented.
 */
final class Hooks
{
    /** @var list<array{hook:string,priority:int,fn:callable|string,source:?string,seq:int}> */
    private array $registered = [];
    private int $seq = 0;
    /** @var list<array<string,mixed>> */
    private array $log = [];
    /** @var list<array{hook:string,source:?string,error:string,exception:Throwable}> */
    private array $errors = [];
    private ?string $loadingSource = null;
    private int $depth = 0;

    /**
     * @param 'log'|'rethrow' $onError
     * @param 'int'|'string' $idType how id values in $vars are given to hooks
     */
    public function __construct(
        private readonly Clock $clock,
        private readonly string $onError = 'log',
        private readonly string $idType = 'int',
    ) {
    }

    public function add(string $hook, int $priority, callable|string $fn): void
    {
        $this->registered[] = [
            'hook' => $hook,
            'priority' => $priority,
            'fn' => $fn,
            'source' => $this->loadingSource,
            'seq' => $this->seq++,
        ];
    }

    /**
     * Runs $load while tagging every add_hook() it makes with $source (an addon
     * name), so that the registrations can be removed or replayed per addon.
     *
     * @return list<array{hook:string,priority:int,fn:callable|string}>
     */
    public function capture(string $source, callable $load): array
    {
        $before = count($this->registered);
        $previous = $this->loadingSource;
        $this->loadingSource = $source;
        try {
            $load();
        } finally {
            $this->loadingSource = $previous;
        }
        $captured = [];
        foreach (array_slice($this->registered, $before) as $r) {
            $captured[] = ['hook' => $r['hook'], 'priority' => $r['priority'], 'fn' => $r['fn']];
        }
        return $captured;
    }

    /** @param list<array{hook:string,priority:int,fn:callable|string}> $registrations */
    public function replay(string $source, array $registrations): void
    {
        $previous = $this->loadingSource;
        $this->loadingSource = $source;
        foreach ($registrations as $r) {
            $this->add($r['hook'], $r['priority'], $r['fn']);
        }
        $this->loadingSource = $previous;
    }

    public function removeSource(string $source): void
    {
        $this->registered = array_values(array_filter(
            $this->registered,
            static fn (array $r): bool => $r['source'] !== $source
        ));
    }

    /** Forgets what addons registered (a new page load registers them again); keeps the rest. */
    public function removeAddonHooks(): void
    {
        $this->registered = array_values(array_filter(
            $this->registered,
            static fn (array $r): bool => $r['source'] === null
        ));
    }

    /** Forgets every registration (the log is kept). */
    public function clear(): void
    {
        $this->registered = [];
    }

    /**
     * Fires a hook point: runs its functions in order and returns what they
     * returned (nulls left out), as run_hook() does.
     *
     * @param array<string,mixed> $vars
     * @return list<mixed>
     */
    public function run(string $hook, array $vars = []): array
    {
        $vars = $this->typed($vars);
        $entry = [
            'hook' => $hook,
            'vars' => self::loggable($vars),
            'time' => $this->clock->datetime(),
            'depth' => $this->depth,
            'calls' => [],
        ];
        $index = count($this->log);
        $this->log[] = $entry;
        $results = [];
        $this->depth++;
        try {
            foreach ($this->functionsFor($hook) as $r) {
                $call = ['source' => $r['source'], 'priority' => $r['priority'], 'error' => null];
                try {
                    $fn = $r['fn'];
                    $result = is_string($fn) ? $fn($vars) : ($fn)($vars);
                    if ($result !== null) {
                        $results[] = $result;
                    }
                } catch (Throwable $e) {
                    $call['error'] = get_class($e) . ': ' . $e->getMessage();
                    $this->errors[] = [
                        'hook' => $hook, 'source' => $r['source'], 'error' => $call['error'], 'exception' => $e,
                    ];
                    if ($this->onError === 'rethrow') {
                        $this->log[$index]['calls'][] = $call;
                        throw $e;
                    }
                }
                $this->log[$index]['calls'][] = $call;
            }
        } finally {
            $this->depth--;
        }
        return $results;
    }

    /** @return list<array{hook:string,priority:int,fn:callable|string,source:?string,seq:int}> */
    public function functionsFor(string $hook): array
    {
        $list = array_values(array_filter($this->registered, static fn (array $r): bool => $r['hook'] === $hook));
        usort(
            $list,
            static fn (array $a, array $b): int => [$a['priority'], $a['seq']] <=> [$b['priority'], $b['seq']]
        );
        return $list;
    }

    /** @return list<array{hook:string,priority:int,fn:callable|string,source:?string,seq:int}> */
    public function registered(): array
    {
        return $this->registered;
    }

    /**
     * Names of the hook points fired since the last clearLog(), in order.
     * With $only, only those names (handy to ignore e.g. LogActivity).
     *
     * @param list<string>|null $only
     * @return list<string>
     */
    public function fired(?array $only = null): array
    {
        $names = array_column($this->log, 'hook');
        if ($only !== null) {
            $names = array_values(array_filter($names, static fn (string $n): bool => in_array($n, $only, true)));
        }
        return $names;
    }

    /** @return list<array<string,mixed>> hook, vars, time, depth, calls[source, priority, error] */
    public function log(): array
    {
        return $this->log;
    }

    /** The $vars of each firing of one hook point. @return list<array<string,mixed>> */
    public function varsOf(string $hook): array
    {
        $out = [];
        foreach ($this->log as $e) {
            if ($e['hook'] === $hook) {
                $out[] = $e['vars'];
            }
        }
        return $out;
    }

    /** @return list<array{hook:string,source:?string,error:string,exception:Throwable}> */
    public function errors(): array
    {
        return $this->errors;
    }

    public function clearLog(): void
    {
        $this->log = [];
        $this->errors = [];
    }

    /**
     * WHMCS hands ids to hooks as ints (documented) or, in older code paths,
     * numeric strings; 'string' mode turns every int in $vars into a string so
     * that an addon can be tested against both.
     *
     * @param array<string,mixed> $vars
     * @return array<string,mixed>
     */
    private function typed(array $vars): array
    {
        if ($this->idType !== 'string') {
            return $vars;
        }
        foreach ($vars as $k => $v) {
            if (is_int($v)) {
                $vars[$k] = (string) $v;
            }
        }
        return $vars;
    }

    /**
     * $vars as the log keeps them: objects replaced by their class name (so the
     * log can be JSON) and password values masked (ClientAdd carries one).
     */
    private static function loggable(mixed $v): mixed
    {
        if (is_array($v)) {
            $out = [];
            foreach ($v as $k => $item) {
                $out[$k] = is_string($k) && stripos($k, 'password') !== false && is_string($item) && $item !== ''
                    ? '***'
                    : self::loggable($item);
            }
            return $out;
        }
        if (is_object($v)) {
            return ['object' => get_class($v)];
        }
        return $v;
    }
}
