<?php

declare(strict_types=1);

/*
 * Class loader of the Acumulus API simulator: namespace AcuSim maps to src/,
 * except AcuSim\Simulator (the launcher and control client), which lives next
 * to this file so that other test code can require it directly.
 */

spl_autoload_register(static function (string $class): void {
    $prefix = 'AcuSim\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $rel = str_replace('\\', '/', substr($class, strlen($prefix)));
    $file = $rel === 'Simulator' ? __DIR__ . '/Simulator.php' : __DIR__ . '/src/' . $rel . '.php';
    if (is_file($file)) {
        require $file;
    }
});
