<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

/**
 * The acumulus PHP extension does the work. Without it the addon still
 * records every event (nothing is lost) and says, on every admin page of the
 * addon, what is missing and how to install it.
 */
final class Extension
{
    public const MIN_VERSION = '4.0.0-dev';

    public static function loaded(): bool
    {
        return extension_loaded('acumulus') && version_compare((string) phpversion('acumulus'), self::MIN_VERSION, '>=');
    }

    /** A sentence for the admin: why nothing is sent. */
    public static function problem(): ?string
    {
        if (!extension_loaded('acumulus')) {
            return 'The acumulus PHP extension is not loaded in this PHP (' . PHP_VERSION . ', ' . PHP_SAPI
                . '). Invoices are recorded and wait in the queue until it is installed.';
        }
        if (!self::loaded()) {
            return 'The acumulus PHP extension is version ' . phpversion('acumulus') . '; this addon needs '
                . self::MIN_VERSION . ' or newer. Invoices wait in the queue.';
        }
        return null;
    }

    /** @return list<string> install steps, as shell commands */
    public static function installSteps(): array
    {
        $api = defined('PHP_MAJOR_VERSION') ? PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION : '8.2';
        return [
            "apt-get install php$api-dev pkg-config libcurl4-openssl-dev libxml2-dev libssl-dev",
            'scripts/build --release   # in the Acumulus for WHMCS source',
            'make -C out/ext-release install',
            "echo 'extension=acumulus.so' > /etc/php/$api/mods-available/acumulus.ini && phpenmod acumulus",
            'restart PHP-FPM / the web server, then reload this page',
        ];
    }
}
