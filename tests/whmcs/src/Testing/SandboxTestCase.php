<?php

declare(strict_types=1);

namespace WhmcsSandbox\Testing;

use PHPUnit\Framework\TestCase;
use WhmcsSandbox\Db\Database;
use WhmcsSandbox\Sandbox;

/**
 * A PHPUnit base class for tests that run WHMCS code in the sandbox (the
 * sandbox's own tests and the addon's):
 *
 * - setUp boots a fresh, seeded sandbox on the lane's database
 *   ($WHMCS_SANDBOX_DB: SQLite in memory by default, MariaDB in its lane) with a
 *   fixed clock; override sandboxOptions() for more (e.g. 'modules').
 * - tearDown fails the test when a hook function threw, unless the test said
 *   expectHookErrors(): WHMCS would have swallowed or shown it, either way a bug.
 * - shareableSandbox() boots one that other processes can use too (a SQLite
 *   file, or the lane's MariaDB).
 */
abstract class SandboxTestCase extends TestCase
{
    protected Sandbox $sb;
    private bool $hookErrorsExpected = false;
    /** @var list<string> */
    private array $tempFiles = [];

    /** @return array<string,mixed> Sandbox::boot options */
    protected function sandboxOptions(): array
    {
        return [];
    }

    protected function setUp(): void
    {
        parent::setUp();
        $this->sb = Sandbox::boot($this->sandboxOptions() + ['now' => '2026-12-01 10:00:00']);
    }

    protected function tearDown(): void
    {
        if (!isset($this->sb)) {
            parent::tearDown();
            return;
        }
        $errors = $this->sb->hooks()->errors();
        if (Sandbox::hasCurrent() && Sandbox::current() !== $this->sb) {
            // A test that booted another sandbox: its hooks count too.
            $errors = [...$errors, ...Sandbox::current()->hooks()->errors()];
        }
        foreach ($this->tempFiles as $file) {
            foreach ([$file, $file . '-wal', $file . '-shm'] as $f) {
                if (is_file($f)) {
                    unlink($f);
                }
            }
        }
        parent::tearDown();
        if (!$this->hookErrorsExpected && $errors !== []) {
            $this->fail('a hook function threw: ' . implode('; ', array_column($errors, 'error')));
        }
    }

    protected function expectHookErrors(): void
    {
        $this->hookErrorsExpected = true;
    }

    /** The driver of this test lane: 'sqlite' or 'mysql'. */
    protected static function lane(): string
    {
        return Database::fromDsn(getenv('WHMCS_SANDBOX_DB') ?: Sandbox::DEFAULT_DSN)->driver;
    }

    /**
     * A sandbox whose database other processes can open: the lane's MariaDB,
     * or a new SQLite file (removed after the test).
     *
     * @param array<string,mixed> $options
     */
    protected function shareableSandbox(array $options = []): Sandbox
    {
        $dsn = getenv('WHMCS_SANDBOX_DB') ?: Sandbox::DEFAULT_DSN;
        if (!Database::fromDsn($dsn)->isShareable()) {
            $file = (string) tempnam(sys_get_temp_dir(), 'whmcs-sandbox-'); // an empty file is an empty database
            $this->tempFiles[] = $file;
            $dsn = 'sqlite:' . $file;
        }
        $options += $this->sandboxOptions() + ['now' => '2026-12-01 10:00:00'];
        $this->sb = Sandbox::boot(['db' => $dsn] + $options);
        return $this->sb;
    }
}
