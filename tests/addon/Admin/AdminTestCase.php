<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use WHMCS\Database\Capsule;
use AcumulusAddonTest\AddonTestCase;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;

/**
 * The admin side's tests: the addon active and pointed at the simulator
 * (AddonTestCase), helpers to render the addon page as WHMCS would and to
 * put rows in the ledger.
 */
abstract class AdminTestCase extends AddonTestCase
{
    public const MODULE = 'acumulus_connect';
    public const PASSWORD = 'sim-Secret-5';

    /** Forgets what the hooks recorded while a test built its invoices: a ledger as if nothing was sent. */
    protected function clearLedger(): void
    {
        Capsule::table('mod_acumulus_connect_events')->delete();
        Capsule::table('mod_acumulus_connect')->delete();
        Hooks::flush(); // nothing left for the end of the request: no triggers, no work
    }

    /** addonmodules.php?module=acumulus_connect&… as the logged-in admin (POST with $post). */
    protected function page(array $get = [], array $post = []): \WhmcsSandbox\Page
    {
        return $this->sb->admin()->render(self::MODULE, $get, $post);
    }

    /** The session's CSRF token, as a form carries it. */
    protected function token(): string
    {
        return $this->sb->admin()->token();
    }

    /** A ledger row as the worker leaves it. */
    protected function ledger(int $invoiceId, string $state, array $fields = []): void
    {
        $ts = date('Y-m-d H:i:s');
        Capsule::table('mod_acumulus_connect')->updateOrInsert(['id' => $invoiceId], $fields + [
            'token' => '', 'entryid' => '', 'state' => $state, 'created_at' => $ts, 'updated_at' => $ts,
        ]);
    }

    protected function invoice(int $clientId, string $status = 'Paid', array $lines = [['Webhosting', '10.00', true]]): int
    {
        $id = $this->sb->scenarios()->invoice($clientId, $lines);
        if ($status === 'Paid') {
            $this->sb->scenarios()->pay($id);
        } elseif ($status === 'Cancelled') {
            $this->sb->scenarios()->cancel($id);
        } elseif ($status !== 'Unpaid') {
            Capsule::table('tblinvoices')->where('id', $id)->update(['status' => $status]);
        }
        return $id;
    }
}
