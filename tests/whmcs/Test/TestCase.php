<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WhmcsSandbox\Testing\SandboxTestCase;

/** The sandbox's own tests run against the fixture addons in fixtures/modules/addons. */
abstract class TestCase extends SandboxTestCase
{
    public const MODULES = __DIR__ . '/../fixtures/modules/addons';

    protected function sandboxOptions(): array
    {
        return ['modules' => self::MODULES];
    }

    /** Probe rows (event, vars decoded) in order, optionally of some events only. @return list<array{event:string,vars:array<mixed>,pid:int}> */
    protected function probe(?array $events = null): array
    {
        $out = [];
        foreach (\WHMCS\Database\Capsule::table('mod_sandbox_probe')->orderBy('id')->get() as $r) {
            if ($events === null || in_array($r->event, $events, true)) {
                $out[] = [
                    'event' => (string) $r->event,
                    'vars' => json_decode((string) $r->vars, true),
                    'pid' => (int) $r->pid,
                ];
            }
        }
        return $out;
    }

    /** @return list<string> */
    protected function probeEvents(?array $events = null): array
    {
        return array_column($this->probe($events), 'event');
    }
}
