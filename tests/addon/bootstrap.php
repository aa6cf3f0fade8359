<?php

/**
 * The addon's end-to-end tests: the real addon (modules/addons/acumulus_connect)
 * in the WHMCS sandbox, with the acumulus extension, against the Acumulus
 * simulator. Run by scripts/suites/70-addon-*, which start the simulator and
 * give this PHP process acumulus.api_url / acumulus.cafile pointing at it.
 */

declare(strict_types=1);

if (!extension_loaded('acumulus')) {
    fwrite(STDERR, "tests/addon needs the acumulus extension: php -d extension=.../acumulus.so\n");
    exit(1);
}
if (getenv('SIM_DIR') === false || getenv('SIM_DIR') === '') {
    fwrite(STDERR, "tests/addon needs a running simulator: SIM_DIR (tests/simulator/bin/start)\n");
    exit(1);
}
require __DIR__ . '/../whmcs/bootstrap.php';
require __DIR__ . '/../simulator/Simulator.php';
require __DIR__ . '/../../modules/addons/acumulus_connect/lib/bootstrap.php';
require __DIR__ . '/AddonTestCase.php';

// the tests' own classes outside AddonTestCase.php: AcumulusConnect\Tests\<Dir>\<Class> in <Dir>/<Class>.php
spl_autoload_register(static function (string $class): void {
    $prefix = 'AcumulusConnect\\Tests\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
