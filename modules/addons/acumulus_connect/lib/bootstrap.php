<?php

/**
 * Loads the addon's classes (WHMCS\Module\Addon\AcumulusConnect\*, one per
 * file in lib/). Included by acumulus_connect.php and hooks.php.
 */

declare(strict_types=1);

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

spl_autoload_register(static function (string $class): void {
    $prefix = 'WHMCS\\Module\\Addon\\AcumulusConnect\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
