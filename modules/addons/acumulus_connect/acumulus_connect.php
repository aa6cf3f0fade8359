<?php

/**
 * Acumulus for WHMCS: books WHMCS invoices, payments, cancellations and
 * refunds in Acumulus, exactly once. The logic is the acumulus PHP extension
 * (C); this file is the WHMCS addon module around it.
 *
 * @license GPL-3.0-or-later
 */

declare(strict_types=1);

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/bootstrap.php';

use WHMCS\Module\Addon\AcumulusConnect\AdminPage;
use WHMCS\Module\Addon\AcumulusConnect\Config;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Log;
use WHMCS\Module\Addon\AcumulusConnect\Migrations;
use WHMCS\Module\Addon\AcumulusConnect\Schema;

function acumulus_connect_config(): array
{
    return [
        'name' => 'Acumulus',
        'description' => Lang::t('module_description'),
        'version' => Config::VERSION,
        'author' => 'Acumulus for WHMCS',
        'language' => 'english',
        'fields' => Config::fields(),
    ];
}

function acumulus_connect_activate(): array
{
    try {
        $did = Schema::install();
        Log::activity('Acumulus: activated' . ($did ? ' (' . implode(', ', $did) . ')' : ''));
        $problem = Extension::problem();
        return [
            'status' => $problem === null ? 'success' : 'info',
            'description' => Lang::t('activated') . ($problem !== null ? ' ' . $problem : ''),
        ];
    } catch (Throwable $e) {
        return ['status' => 'error', 'description' => Lang::t('activate_failed', $e->getMessage())];
    }
}

function acumulus_connect_deactivate(): array
{
    // The ledger links WHMCS invoices to the bookkeeping: it is kept.
    Log::activity('Acumulus: deactivated; the ledger of booked invoices is kept');
    return ['status' => 'success', 'description' => Lang::t('deactivated')];
}

function acumulus_connect_upgrade(array $vars): void
{
    try {
        $from = (string) ($vars['version'] ?? '');
        $did = Migrations::run($from);
        Log::activity(sprintf(
            'Acumulus: upgraded from %s to %s%s',
            $from !== '' ? $from : '?',
            Config::VERSION,
            $did ? ' (' . implode('; ', $did) . ')' : ''
        ));
    } catch (Throwable $e) {
        Log::exception('upgrading', $e);
    }
}

function acumulus_connect_output(array $vars): void
{
    $page = new AdminPage($vars);
    // Outside the catch below: a POST without the session's token ends the
    // request here, as check_token() does in WHMCS.
    $page->guard();
    try {
        // HTML for WHMCS to wrap; a JSON answer (the batch progress) is sent on its own
        $page->handle()->send();
    } catch (Throwable $e) {
        echo '<div class="alert alert-danger">' . htmlspecialchars(Lang::t('page_failed', $e->getMessage()), ENT_QUOTES, 'UTF-8') . '</div>';
    }
}

function acumulus_connect_sidebar(array $vars): string
{
    try {
        return (new AdminPage($vars))->sidebar();
    } catch (Throwable $e) {
        return '';
    }
}
