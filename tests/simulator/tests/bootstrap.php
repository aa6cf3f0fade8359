<?php

declare(strict_types=1);

/*
 * PHPUnit bootstrap of the simulator's own tests: class loading, and one set
 * of throw-away certificates for the whole run (each simulator started by a
 * test reuses it through the tls_dir option), removed at the end.
 */

require __DIR__ . '/../autoload.php';
require __DIR__ . '/ApiClient.php';
require __DIR__ . '/ApiResult.php';
require __DIR__ . '/SimTestCase.php';

$tlsDir = sys_get_temp_dir() . '/acusim-tests-tls-' . getmypid();
AcuSim\Certs::ensure($tlsDir);
AcuSim\Tests\SimTestCase::$tlsDir = $tlsDir;
register_shutdown_function(static function () use ($tlsDir): void {
    AcuSim\Simulator::stopAll();
    foreach (glob("$tlsDir/*") ?: [] as $f) {
        unlink($f);
    }
    @rmdir($tlsDir);
});
