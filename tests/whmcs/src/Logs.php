<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use WHMCS\Database\Capsule;

/**
 * logActivity() and logModuleCall(), and reading both logs back.
 *
 * - Activity log: a tblactivitylog row (date, description, user, userid =
 *   client id, user_id, admin_id, ipaddr), then the LogActivity hook.
 * - Module log: written only when tblconfiguration.ModuleDebugMode is 'on';
 *   arrays are stored print_r-formatted; every non-empty string of
 *   $replaceVars is replaced by asterisks of the same length in request,
 *   response and processed data.
 */
final class Logs
{
    public function __construct(private readonly Sandbox $sb)
    {
    }

    public function logActivity(string $description, int $clientId = 0): void
    {
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        $user = 'System';
        if ($adminId > 0) {
            $user = (string) (Capsule::table('tbladmins')->where('id', $adminId)->value('username') ?? 'System');
        }
        $ip = (string) ($_SERVER['REMOTE_ADDR'] ?? '');
        Capsule::table('tblactivitylog')->insert([
            'date' => $this->sb->clock->datetime(),
            'description' => $description,
            'user' => $user,
            'userid' => $clientId,
            'user_id' => 0,
            'admin_id' => $adminId,
            'ipaddr' => $ip,
        ]);
        $this->sb->hooks()->run('LogActivity', [
            'description' => $description,
            'user' => $user,
            'userid' => $clientId,
            'ipaddress' => $ip,
        ]);
    }

    /**
     * @param mixed $request
     * @param mixed $response
     * @param mixed $processed
     * @param array<mixed> $replaceVars
     */
    public function logModuleCall(
        string $module,
        string $action,
        mixed $request,
        mixed $response,
        mixed $processed = '',
        array $replaceVars = []
    ): bool {
        if (!$this->sb->settings()->isOn('ModuleDebugMode')) {
            return false;
        }
        $mask = static function (mixed $data) use ($replaceVars): string {
            $text = is_array($data) || is_object($data) ? print_r($data, true) : (string) $data;
            foreach ($replaceVars as $secret) {
                if (is_scalar($secret) && (string) $secret !== '') {
                    $text = str_replace((string) $secret, str_repeat('*', strlen((string) $secret)), $text);
                }
            }
            return $text;
        };
        Capsule::table('tblmodulelog')->insert([
            'date' => $this->sb->clock->datetime(),
            'module' => $module,
            'action' => $action,
            'request' => $mask($request),
            'response' => $mask($response),
            'arrdata' => $mask($processed),
        ]);
        return true;
    }

    /** tblactivitylog rows, oldest first. @return list<object> */
    public function activity(?int $clientId = null): array
    {
        $q = Capsule::table('tblactivitylog')->orderBy('id');
        if ($clientId !== null) {
            $q->where('userid', $clientId);
        }
        return $q->get()->all();
    }

    /** The descriptions only. @return list<string> */
    public function activityText(): array
    {
        return array_map(static fn (object $r): string => (string) $r->description, $this->activity());
    }

    /** tblmodulelog rows, oldest first. @return list<object> */
    public function module(?string $module = null): array
    {
        $q = Capsule::table('tblmodulelog')->orderBy('id');
        if ($module !== null) {
            $q->where('module', $module);
        }
        return $q->get()->all();
    }
}
