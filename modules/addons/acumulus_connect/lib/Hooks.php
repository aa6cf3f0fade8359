<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Throwable;

/**
 * What the WHMCS hooks do: record a trigger for the invoice (one INSERT) and
 * have the work done after the response was sent. Never throws into WHMCS,
 * never makes a checkout wait on Acumulus (docs/flows.md).
 */
final class Hooks
{
    /** @var array<int, true> invoices recorded in this request */
    private static array $touched = [];
    private static bool $flushScheduled = false;

    /** A hook about one invoice: InvoiceCreated, InvoicePaid, … */
    public static function invoice(string $trigger, array $vars, ?string $payload = null): void
    {
        try {
            $id = self::invoiceId($vars['invoiceid'] ?? null);
            if ($id === null) {
                Log::activity("Acumulus: hook for '$trigger' without a usable invoice id; ignored");
                return;
            }
            (new Ledger())->record($id, $trigger, $payload);
            self::$touched[$id] = true;
            self::scheduleFlush();
        } catch (Throwable $e) {
            Log::exception("recording '$trigger' for invoice " . (string) ($vars['invoiceid'] ?? '?'), $e);
        }
    }

    /** AddTransaction: a transaction with an amount out is a refund. */
    public static function transaction(array $vars): void
    {
        $out = (string) ($vars['amountout'] ?? '0');
        if (preg_match('/^\s*0*(\.0*)?\s*$/', $out) === 1) {
            return;
        }
        // the docs misspell the key; accept both
        $vars['invoiceid'] = $vars['invoiceid'] ?? $vars['invocieid'] ?? null;
        self::invoice('refunded', $vars);
    }

    /** AfterCronJob: work through what is due (retries, anything left over). */
    public static function cron(): void
    {
        try {
            Cache::set('cron_last_run', (string) Clock::now());
            if (!Extension::loaded()) {
                Log::activity('Acumulus: the acumulus PHP extension is not loaded; invoices wait in the queue');
                return;
            }
            (new Worker())->drain(200, 50);
        } catch (Throwable $e) {
            Log::exception('the cron run', $e);
        }
    }

    /** Runs the work recorded in this request; what the shutdown function calls. */
    public static function flush(): void
    {
        $ids = array_keys(self::$touched);
        self::$touched = [];
        if ($ids === []) {
            return;
        }
        try {
            if (!Extension::loaded()) {
                return; // queued; the admin page says why nothing is sent
            }
            $worker = new Worker();
            foreach ($ids as $id) {
                $worker->process($id);
            }
        } catch (Throwable $e) {
            Log::exception('sending after the request', $e);
        }
    }

    private static function scheduleFlush(): void
    {
        if (self::$flushScheduled) {
            return;
        }
        self::$flushScheduled = true;
        register_shutdown_function(static function (): void {
            // Under PHP-FPM the visitor gets the page now; the work goes on.
            if (function_exists('fastcgi_finish_request')) {
                fastcgi_finish_request();
            }
            self::flush();
        });
    }

    /** WHMCS gives ids as ints or numeric strings. */
    public static function invoiceId(mixed $v): ?int
    {
        if (is_int($v)) {
            return $v > 0 ? $v : null;
        }
        if (is_string($v) && preg_match('/^\s*[1-9][0-9]{0,9}\s*$/', $v) === 1) {
            return (int) $v;
        }
        return null;
    }
}
