<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Config;
use AcuSim\Faults;
use AcuSim\Messages;
use PHPUnit\Framework\TestCase;

/** docs/simulator.md names every codetag, configuration key and fault mode the simulator has. */
final class DocsTest extends TestCase
{
    public function testEverythingIsDocumented(): void
    {
        $doc = (string) file_get_contents(__DIR__ . '/../../../docs/simulator.md');
        foreach (Messages::codetags() as $tag) {
            $this->assertMatchesRegularExpression('/\b' . preg_quote($tag, '/') . '\b/', $doc, "codetag $tag");
        }
        foreach (array_keys(Config::DEFAULTS) as $key) {
            $this->assertStringContainsString("`$key`", $doc, "config key $key");
        }
        foreach (array_merge(Faults::REQUEST_MODES, Faults::CONNECTION_MODES) as $mode) {
            $this->assertStringContainsString("`$mode`", $doc, "fault mode $mode");
        }
        $this->assertStringContainsString('## Known differences / choices', $doc);
    }
}
