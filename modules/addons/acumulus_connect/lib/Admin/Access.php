<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * Which admins may use the addon: those whose role is in the addon's access
 * list (Setup ▸ Addon Modules ▸ Access Control, stored as the 'access' row).
 * WHMCS checks it for addonmodules.php; the addon checks it again there and
 * on the pages of WHMCS it adds to (invoice page, client summary).
 */
final class Access
{
    public static function adminId(): int
    {
        return (int) ($_SESSION['adminid'] ?? 0);
    }

    public static function allowed(?int $adminId = null): bool
    {
        $adminId ??= self::adminId();
        if ($adminId <= 0) {
            return false;
        }
        $role = Capsule::table('tbladmins')->where('id', $adminId)->value('roleid');
        if ($role === null) {
            return false;
        }
        $access = (string) Capsule::table('tbladdonmodules')->where('module', Settings::MODULE)
            ->where('setting', 'access')->value('value');
        $roles = array_filter(array_map('trim', explode(',', $access)), static fn (string $r) => $r !== '');
        return in_array((string) $role, $roles, true);
    }

    /** The CSRF token of the admin's session, for forms and the page's scripts. */
    public static function token(): string
    {
        return function_exists('generate_token') ? (string) generate_token('plain') : '';
    }

    /** Ends the request unless the posted token is the session's (WHMCS' own check). */
    public static function checkToken(): void
    {
        if (!function_exists('check_token')) {
            throw new \RuntimeException('WHMCS check_token() is not available; refusing the request');
        }
        check_token('WHMCS.admin.default');
    }
}
