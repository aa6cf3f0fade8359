<?php

// phpcs:disable PSR1.Files.SideEffects -- a bootstrap loads code

/**
 * The addon's tests: the WHMCS sandbox (which loads nothing of the addon
 * until it is activated) and an autoloader for the tests' own classes
 * (namespace AcumulusConnect\Tests\ under this directory).
 */

declare(strict_types=1);

require_once dirname(__DIR__) . '/whmcs/bootstrap.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'AcumulusConnect\\Tests\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
