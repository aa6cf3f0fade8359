<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;
use PHPUnit\Framework\TestCase;

/**
 * Start and stop with one call each, from the shell and from PHP, and no
 * process left behind: not after stop, not when the starting process ends
 * or is killed, not after the maximum lifetime.
 */
final class LifecycleTest extends TestCase
{
    private const BIN = __DIR__ . '/../bin';

    private static function sh(string $cmd): array
    {
        exec($cmd . ' 2>&1', $out, $rc);
        return [$rc, implode("\n", $out)];
    }

    private static function alive(int $pid): bool
    {
        $stat = @file_get_contents("/proc/$pid/stat");
        return $stat !== false && !in_array(substr($stat, strrpos($stat, ')') + 2, 1), ['Z', 'X'], true);
    }

    private function waitGone(int $pid, float $seconds): bool
    {
        $deadline = microtime(true) + $seconds;
        while (self::alive($pid) && microtime(true) < $deadline) {
            usleep(20000);
        }
        return !self::alive($pid);
    }

    /** @return array<string, string> the SIM_* assignments bin/start printed */
    private static function parse(string $out): array
    {
        $vars = [];
        foreach (explode("\n", $out) as $line) {
            if (preg_match("/^(SIM_[A-Z]+)='(.*)'$/", $line, $m) === 1) {
                $vars[$m[1]] = $m[2];
            }
        }
        return $vars;
    }

    public function testShellStartAndStop(): void
    {
        [$rc, $out] = self::sh(self::BIN . '/start --tls-dir ' . escapeshellarg(SimTestCase::$tlsDir));
        $this->assertSame(0, $rc, $out);
        $v = self::parse($out);
        $this->assertSame(['SIM_URL', 'SIM_CA', 'SIM_DIR', 'SIM_CONTROL', 'SIM_PORT', 'SIM_PID'], array_keys($v));
        $this->assertMatchesRegularExpression('#^https://127\.0\.0\.1:\d+/acumulus/stable$#', $v['SIM_URL']);
        $pid = (int) $v['SIM_PID'];
        $this->assertTrue(self::alive($pid));
        // a request built by hand with the curl CLI
        $xml = '<myxml><contract><contractcode>123456</contractcode><username>apiuser</username>'
            . '<password>sim-Secret-5</password></contract>'
            . '<format>json</format></myxml>';
        $curl = 'curl -sS --cacert ' . escapeshellarg($v['SIM_CA']);
        [$rc, $body] = self::sh($curl . ' --data-urlencode ' . escapeshellarg("xmlstring=$xml")
            . ' ' . escapeshellarg($v['SIM_URL'] . '/general/general_about.php'));
        $this->assertSame(0, $rc, $body);
        $this->assertSame('0', json_decode($body, true)['status']);
        [$rc, $body] = self::sh($curl . ' ' . escapeshellarg($v['SIM_CONTROL'] . '/counters'));
        $this->assertSame(1, json_decode($body, true)['requests']['general/general_about']);
        [$rc, $out] = self::sh(self::BIN . '/stop ' . escapeshellarg($v['SIM_DIR']));
        $this->assertSame(0, $rc, $out);
        $this->assertTrue($this->waitGone($pid, 2), 'stop waits until the server has exited');
        $this->assertDirectoryDoesNotExist($v['SIM_DIR'], 'the temporary state directory is removed');
    }

    public function testShellStartWithOwnDirectoryKeepsIt(): void
    {
        $dir = sys_get_temp_dir() . '/acusim-own-' . getmypid();
        [$rc, $out] = self::sh(self::BIN . '/start --http --latency 5 --dir ' . escapeshellarg($dir));
        $this->assertSame(0, $rc, $out);
        $v = self::parse($out);
        $this->assertStringStartsWith('http://127.0.0.1:', $v['SIM_URL']);
        $this->assertSame('', $v['SIM_CA']);
        [$rc, $out] = self::sh(self::BIN . '/stop ' . escapeshellarg($dir));
        $this->assertSame(0, $rc, $out);
        $this->assertTrue($this->waitGone((int) $v['SIM_PID'], 2));
        $this->assertFileExists("$dir/state.sqlite");
        $this->assertFileDoesNotExist("$dir/server.json", 'removed on a clean stop');
        $this->assertStringContainsString('stopped', (string) file_get_contents("$dir/server.log"));
        [$rc, $out] = self::sh(self::BIN . '/stop ' . escapeshellarg($dir));
        $this->assertStringContainsString('no simulator was running', $out);
        array_map('unlink', glob("$dir/*") ?: []);
        rmdir($dir);
    }

    public function testWatchedProcessEndStopsTheServer(): void
    {
        $sleep = proc_open(['sleep', '30'], [], $pipes);
        $sleepPid = proc_get_status($sleep)['pid'];
        $tls = ' --tls-dir ' . escapeshellarg(SimTestCase::$tlsDir);
        [$rc, $out] = self::sh(self::BIN . '/start --watch-pid ' . $sleepPid . $tls);
        $this->assertSame(0, $rc, $out);
        $v = self::parse($out);
        $pid = (int) $v['SIM_PID'];
        $this->assertTrue(self::alive($pid));
        proc_terminate($sleep, 9);
        proc_close($sleep);
        $this->assertTrue($this->waitGone($pid, 3), 'the server stops when the watched process is gone');
        self::sh(self::BIN . '/stop ' . escapeshellarg($v['SIM_DIR']));
        $this->assertDirectoryDoesNotExist($v['SIM_DIR']);
    }

    public function testMaximumLifetime(): void
    {
        $sim = Simulator::start(['max_lifetime' => 1, 'tls_dir' => SimTestCase::$tlsDir]);
        $pid = $sim->pid();
        $this->assertTrue($this->waitGone($pid, 4));
        $sim->stop();
        $this->assertDirectoryDoesNotExist($sim->dir());
    }

    /** A PHP process that starts a simulator and ends (normally, or killed) takes the server with it. */
    public function testPhpStarterEndingStopsTheServer(): void
    {
        $ends = [
            'exit' => 'exit(0);',
            'fatal error' => 'throw new Exception("boom");',
            'killed' => 'posix_kill(getmypid(), 9);',
        ];
        foreach ($ends as $how => $end) {
            $code = 'require ' . var_export(__DIR__ . '/../Simulator.php', true) . ';'
                . '$s = AcuSim\Simulator::start(["tls_dir" => ' . var_export(SimTestCase::$tlsDir, true) . ']);'
                . 'fwrite(STDOUT, $s->pid() . " " . $s->dir() . "\n"); fflush(STDOUT);' . $end;
            $p = proc_open([PHP_BINARY, '-r', $code], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            $line = trim((string) fgets($pipes[1]));
            fclose($pipes[1]);
            fclose($pipes[2]);
            proc_close($p);
            [$pid, $dir] = explode(' ', $line) + [1 => ''];
            $this->assertGreaterThan(0, (int) $pid, "$how: $line");
            $this->assertTrue($this->waitGone((int) $pid, 4), "$how: the server is gone");
            if ($how !== 'killed') {
                $this->assertDirectoryDoesNotExist($dir, "$how: directory removed by the shutdown stop");
            } else {
                Simulator::stopDir($dir);
            }
        }
    }

    public function testStartFailureIsReported(): void
    {
        $busy = stream_socket_server('tcp://127.0.0.1:0');
        $name = (string) stream_socket_get_name($busy, false);
        $port = (int) substr($name, strrpos($name, ':') + 1);
        $dirsBefore = glob(sys_get_temp_dir() . '/acusim-*') ?: [];
        try {
            Simulator::start(['port' => $port, 'tls_dir' => SimTestCase::$tlsDir]);
            $this->fail('started on a port in use');
        } catch (\RuntimeException $e) {
            $this->assertStringContainsString("cannot listen on 127.0.0.1:$port", $e->getMessage());
        } finally {
            fclose($busy);
        }
        $this->assertSame($dirsBefore, glob(sys_get_temp_dir() . '/acusim-*') ?: [], 'no state directory left');
        [$rc, $out] = self::sh(self::BIN . '/start --port ' . $port . ' --http');
        $this->assertSame(0, $rc, 'the port is free again: ' . $out);
        $v = self::parse($out);
        $this->assertSame((string) $port, $v['SIM_PORT']);
        Simulator::stopDir($v['SIM_DIR']);
        $this->assertTrue($this->waitGone((int) $v['SIM_PID'], 2));
    }

    public function testNoSimulatorProcessesLeft(): void
    {
        Simulator::stopAll();
        $mine = [];
        foreach (glob('/proc/[0-9]*/cmdline') ?: [] as $f) {
            $cmd = (string) @file_get_contents($f);
            if (str_contains($cmd, realpath(__DIR__ . '/..') . '/server.php')) {
                $pid = (int) explode('/', $f)[2];
                if (self::alive($pid)) {
                    $mine[] = $pid . ': ' . str_replace("\0", ' ', $cmd);
                }
            }
        }
        $this->assertSame([], $mine, 'simulator servers still running');
    }
}
