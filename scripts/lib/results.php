<?php

/**
 * Counts test results from the JUnit XML files the suites write.
 *
 *   results.php check   DIR SUITE RC   a suite that exited non-zero but
 *                                      reported no failed case gets one
 *   results.php fail    DIR NAME MSG   record one failed case
 *   results.php case    FILE CLASS NAME passed|failed|skipped [MSG]
 *                                      append one case to a JUnit file
 *   results.php summary DIR            per-suite table, then "N passed, N failed";
 *                                      exit status 1 when anything failed
 */

declare(strict_types=1);

function cases(string $file): array
{
    $xml = @simplexml_load_file($file);
    if ($xml === false) {
        return [['name' => basename($file), 'status' => 'failed', 'why' => 'unreadable JUnit file']];
    }
    $out = [];
    foreach ($xml->xpath('//testcase') as $tc) {
        $status = 'passed';
        if (isset($tc->failure) || isset($tc->error)) {
            $status = 'failed';
        } elseif (isset($tc->skipped)) {
            $status = 'skipped';
        }
        $why = '';
        foreach (['failure', 'error'] as $k) {
            if (isset($tc->$k)) {
                $why = trim((string) ($tc->$k['message'] ?? '')) ?: trim((string) $tc->$k);
            }
        }
        $out[] = ['name' => trim(($tc['classname'] ?? '') . ' ' . ($tc['name'] ?? '')), 'status' => $status, 'why' => $why];
    }
    return $out;
}

function suiteFiles(string $dir, string $suite): array
{
    return glob($dir . '/' . $suite . '*.xml') ?: [];
}

function writeFailure(string $dir, string $name, string $message): void
{
    $doc = new DOMDocument('1.0', 'UTF-8');
    $suite = $doc->appendChild($doc->createElement('testsuite'));
    $suite->setAttribute('name', $name);
    $suite->setAttribute('tests', '1');
    $suite->setAttribute('failures', '1');
    $tc = $suite->appendChild($doc->createElement('testcase'));
    $tc->setAttribute('classname', $name);
    $tc->setAttribute('name', 'suite');
    $f = $tc->appendChild($doc->createElement('failure'));
    $f->setAttribute('message', $message);
    $doc->save($dir . '/' . $name . '.failure.xml');
}

function appendCase(string $file, string $class, string $name, string $status, string $message): void
{
    $doc = new DOMDocument('1.0', 'UTF-8');
    $doc->formatOutput = true;
    if (is_file($file)) {
        $doc->load($file);
        $suite = $doc->documentElement;
    } else {
        $suite = $doc->appendChild($doc->createElement('testsuite'));
        $suite->setAttribute('name', $class);
    }
    $tc = $suite->appendChild($doc->createElement('testcase'));
    $tc->setAttribute('classname', $class);
    $tc->setAttribute('name', $name);
    if ($status === 'failed' || $status === 'skipped') {
        $el = $tc->appendChild($doc->createElement($status === 'failed' ? 'failure' : 'skipped'));
        $el->setAttribute('message', $message);
    }
    $doc->save($file);
}

$cmd = $argv[1] ?? '';
$dir = $argv[2] ?? '';
switch ($cmd) {
    case 'fail':
        writeFailure($dir, $argv[3], $argv[4]);
        exit(0);
    case 'case':
        appendCase($argv[2], $argv[3], $argv[4], $argv[5], $argv[6] ?? '');
        exit(0);
    case 'check':
        [$suite, $rc] = [$argv[3], (int) $argv[4]];
        $failed = 0;
        $total = 0;
        foreach (suiteFiles($dir, $suite) as $f) {
            foreach (cases($f) as $c) {
                $total++;
                $failed += $c['status'] === 'failed' ? 1 : 0;
            }
        }
        if ($rc !== 0 && $failed === 0) {
            writeFailure($dir, $suite, "suite exited with status $rc (see out/results/$suite.log)");
        } elseif ($rc === 0 && $total === 0) {
            writeFailure($dir, $suite, 'suite reported no test cases');
        }
        exit(0);
    case 'summary':
        $passed = $failed = $skipped = 0;
        $bySuite = [];
        $failures = [];
        foreach (glob($dir . '/*.xml') ?: [] as $f) {
            $suite = explode('.', basename($f, '.xml'))[0];
            $bySuite[$suite] ??= ['passed' => 0, 'failed' => 0, 'skipped' => 0];
            foreach (cases($f) as $c) {
                $bySuite[$suite][$c['status']]++;
                if ($c['status'] === 'failed') {
                    $failures[] = "$suite: {$c['name']}" . ($c['why'] !== '' ? ' -- ' . strtok($c['why'], "\n") : '');
                }
            }
        }
        ksort($bySuite);
        printf("\n%-28s %7s %7s %7s\n", 'suite', 'passed', 'failed', 'skipped');
        foreach ($bySuite as $s => $n) {
            printf("%-28s %7d %7d %7d\n", $s, $n['passed'], $n['failed'], $n['skipped']);
            $passed += $n['passed'];
            $failed += $n['failed'];
            $skipped += $n['skipped'];
        }
        if ($failures) {
            echo "\nFailed:\n  " . implode("\n  ", $failures) . "\n";
        }
        if ($skipped) {
            echo "\n$skipped skipped\n";
        }
        echo "\n$passed passed, $failed failed\n";
        exit($failed > 0 ? 1 : 0);
    default:
        fwrite(STDERR, "usage: results.php check|fail|summary DIR ...\n");
        exit(2);
}
