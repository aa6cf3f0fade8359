<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Throwable;

/**
 * The activity log (one clear line per booking or failure) and the module log
 * (WHMCS debug mode: request and response, credentials masked).
 */
final class Log
{
    public static function activity(string $message, int $clientId = 0): void
    {
        if (function_exists('logActivity')) {
            logActivity($message, $clientId);
        }
    }

    /** Logs an exception without its trace and without anything it may quote from a request. */
    public static function exception(string $while, Throwable $e): void
    {
        self::activity(sprintf('Acumulus: error while %s: %s: %s', $while, get_class($e), $e->getMessage()));
    }

    /**
     * Module log entry (only written when WHMCS module debug logging is on).
     * $secrets are masked by WHMCS in all three texts; the request text is
     * already masked by the client, this is a second line of defence.
     *
     * @param list<string> $secrets
     */
    public static function module(string $action, string $request, string $response, mixed $processed, array $secrets): void
    {
        if (function_exists('logModuleCall')) {
            $secrets = array_values(array_filter($secrets, static fn (string $s) => $s !== ''));
            // also the forms a secret takes in XML and in a URL-encoded body
            foreach ($secrets as $s) {
                $secrets[] = htmlspecialchars($s, ENT_QUOTES | ENT_XML1, 'UTF-8');
                $secrets[] = rawurlencode($s);
                $secrets[] = urlencode($s);
            }
            logModuleCall(Settings::MODULE, $action, $request, $response, $processed, array_values(array_unique($secrets)));
        }
    }
}
