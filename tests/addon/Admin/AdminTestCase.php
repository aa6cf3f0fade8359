<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Testing\SandboxTestCase;

/**
 * The admin side's tests: a sandbox with the addon active (credentials of the
 * simulator; nothing is sent unless a test says so), helpers to render the
 * addon page as WHMCS would and to put rows in the ledger.
 */
abstract class AdminTestCase extends SandboxTestCase
{
    public const MODULE = 'acumulus_connect';
    public const PASSWORD = 'sim-Secret-5';

    protected function sandboxOptions(): array
    {
        return ['modules' => dirname(__DIR__, 3) . '/modules/addons'];
    }

    protected function setUp(): void
    {
        parent::setUp();
        $this->sb->addons()->activate(self::MODULE, [
            'acumulus_code' => '123456', 'acumulus_username' => 'apiuser', 'acumulus_password' => self::PASSWORD,
        ]);
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
