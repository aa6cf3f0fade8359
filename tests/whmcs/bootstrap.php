<?php

// phpcs:disable PSR1.Files.SideEffects -- a bootstrap defines WHMCS's constants and loads code

/**
 * Loads the WHMCS sandbox into a PHP process: what WHMCS gives an addon (the
 * WHMCS constant, Capsule over Debian's illuminate/database, the global
 * functions, the WHMCS\ classes) plus the sandbox's own classes
 * (WhmcsSandbox\). Nothing is booted here: call WhmcsSandbox\Sandbox::boot().
 *
 * Used by PHPUnit (phpunit.xml), by bin/request.php (a request in its own
 * process), by www/router.php (php -S) and by the demo.
 */

declare(strict_types=1);

if (!defined('WHMCS')) {
    define('WHMCS', true);
}
if (!defined('ROOTDIR')) {
    // The WHMCS installation directory: the one that holds modules/addons/.
    define('ROOTDIR', getenv('WHMCS_SANDBOX_ROOTDIR') ?: dirname(__DIR__, 2));
}

(static function (): void {
    $illuminate = stream_resolve_include_path('Illuminate/Database/autoload.php')
        ?: '/usr/share/php/Illuminate/Database/autoload.php';
    if (!is_file($illuminate)) {
        fwrite(STDERR, "whmcs sandbox: php-illuminate-database is not installed (run scripts/setup)\n");
        exit(1);
    }
    require_once $illuminate;

    $roots = [
        'WhmcsSandbox\\Tests\\' => __DIR__ . '/Test/',
        'WhmcsSandbox\\' => __DIR__ . '/src/',
        'WHMCS\\' => __DIR__ . '/whmcs/',
    ];
    spl_autoload_register(static function (string $class) use ($roots): void {
        foreach ($roots as $prefix => $dir) {
            if (strncmp($class, $prefix, strlen($prefix)) === 0) {
                $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
                if (is_file($file)) {
                    require $file;
                }
                return;
            }
        }
    });
})();

require_once __DIR__ . '/whmcs/functions.php';
