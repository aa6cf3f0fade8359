<?php

/**
 * Acumulus for WHMCS: the hooks. Each records a trigger for the invoice and
 * returns; the work is done after the response was sent, or by the cron
 * (docs/flows.md). Nothing here throws into WHMCS.
 */

declare(strict_types=1);

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/bootstrap.php';

use WHMCS\Module\Addon\AcumulusConnect\Admin\ClientLinks;
use WHMCS\Module\Addon\AcumulusConnect\Admin\InvoicePanel;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;

$acumulusInvoiceHooks = [
    // WHMCS hook => trigger
    'InvoiceCreationPreEmail' => 'created',
    'InvoiceCreated' => 'created',
    'InvoicePaid' => 'paid',
    'InvoiceUnpaid' => 'unpaid',
    'InvoiceChangeGateway' => 'gateway',
    'InvoiceCancelled' => 'cancelled',
    'InvoiceRefunded' => 'refunded',
    'UpdateInvoiceTotal' => 'edited',
    'AddInvoiceLateFee' => 'edited',
    'AddInvoicePayment' => 'payment',
];
foreach ($acumulusInvoiceHooks as $hook => $trigger) {
    add_hook($hook, 1, static function (array $vars) use ($trigger): void {
        Hooks::invoice($trigger, $vars);
    });
}
unset($acumulusInvoiceHooks, $hook, $trigger);

add_hook('AddTransaction', 1, static function (array $vars): void {
    Hooks::transaction($vars);
});

add_hook('AfterCronJob', 1, static function (): void {
    Hooks::cron();
});

// The admin side: the invoice's Acumulus state on the invoice page, the
// client's Acumulus contact on the client summary (both catch everything).
add_hook('AdminInvoicesControlsOutput', 1, static function (array $vars): string {
    return InvoicePanel::hook($vars);
});

add_hook('AdminAreaClientSummaryActionLinks', 1, static function (array $vars): array {
    return ClientLinks::hook($vars);
});
