<?php

declare(strict_types=1);

namespace WhmcsSandbox\Api;

use InvalidArgumentException;
use WHMCS\Database\Capsule;
use WhmcsSandbox\Crypto;
use WhmcsSandbox\Sandbox;

/**
 * GetPaymentMethods, GetCurrencies, Get/SetConfigurationValue, LogActivity,
 * GetActivityLog, EncryptPassword, DecryptPassword.
 */
final class SystemCommands
{
    public function __construct(private readonly Sandbox $sb)
    {
    }

    /**
     * The active gateways: those with rows in tblpaymentgateways (WHMCS
     * removes a deactivated gateway's rows), ordered by their 'order'.
     *
     * @param array<string,mixed> $p
     * @return array<string,mixed>
     */
    public function getPaymentMethods(array $p): array
    {
        $list = [];
        $names = Capsule::table('tblpaymentgateways')->where('setting', 'name')->orderBy('order')->orderBy('id')->get();
        foreach ($names as $g) {
            $list[] = ['module' => (string) $g->gateway, 'displayname' => (string) $g->value];
        }
        return ['result' => 'success', 'totalresults' => count($list), 'paymentmethods' => ['paymentmethod' => $list]];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getCurrencies(array $p): array
    {
        $list = [];
        foreach (Capsule::table('tblcurrencies')->orderBy('id')->get() as $c) {
            $list[] = [
                'id' => (int) $c->id,
                'code' => (string) $c->code,
                'prefix' => (string) $c->prefix,
                'suffix' => (string) $c->suffix,
                'format' => (int) $c->format,
                'rate' => (string) $c->rate,
            ];
        }
        return ['result' => 'success', 'totalresults' => count($list), 'currencies' => ['currency' => $list]];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getConfigurationValue(array $p): array
    {
        $setting = (string) ($p['setting'] ?? '');
        if ($setting === '') {
            throw new InvalidArgumentException('Parameter setting is required');
        }
        if (!$this->sb->settings()->has($setting)) {
            throw new InvalidArgumentException('Invalid name for configuration setting');
        }
        return ['result' => 'success', 'setting' => $setting, 'value' => $this->sb->settings()->get($setting)];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function setConfigurationValue(array $p): array
    {
        $setting = (string) ($p['setting'] ?? '');
        if ($setting === '') {
            throw new InvalidArgumentException('Parameter setting is required');
        }
        $value = (string) ($p['value'] ?? '');
        $changed = $this->sb->settings()->get($setting) !== $value || !$this->sb->settings()->has($setting);
        $this->sb->settings()->set($setting, $value);
        return ['result' => 'success', 'value_changed' => $changed];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function logActivity(array $p): array
    {
        $description = (string) ($p['description'] ?? '');
        if ($description === '') {
            throw new InvalidArgumentException('Parameter description is required');
        }
        $this->sb->logs()->logActivity($description, (int) ($p['clientid'] ?? 0));
        return ['result' => 'success'];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getActivityLog(array $p): array
    {
        $start = max(0, (int) ($p['limitstart'] ?? 0));
        $limit = (int) ($p['limitnum'] ?? 25) ?: 25;
        $q = Capsule::table('tblactivitylog');
        if (!empty($p['clientid'])) {
            $q->where('userid', (int) $p['clientid']);
        }
        if (!empty($p['date'])) {
            $q->where('date', 'like', $p['date'] . '%');
        }
        if (!empty($p['user'])) {
            $q->where('user', (string) $p['user']);
        }
        if (!empty($p['description'])) {
            $q->where('description', 'like', '%' . $p['description'] . '%');
        }
        if (!empty($p['ipaddress'])) {
            $q->where('ipaddr', (string) $p['ipaddress']);
        }
        $total = (clone $q)->count();
        $entries = [];
        foreach ($q->orderBy('id', 'desc')->offset($start)->limit($limit)->get() as $r) {
            $entries[] = [
                'id' => (int) $r->id,
                'clientId' => (int) $r->userid,
                'adminId' => (int) $r->admin_id,
                'userId' => (int) $r->user_id,
                'date' => (string) $r->date,
                'description' => (string) $r->description,
                'username' => (string) $r->user,
                'ipaddress' => (string) $r->ipaddr,
            ];
        }
        return ['result' => 'success', 'totalresults' => $total, 'startnumber' => $start,
            'activity' => ['entry' => $entries]];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function encryptPassword(array $p): array
    {
        return ['result' => 'success', 'password' => Crypto::encrypt((string) ($p['password2'] ?? ''))];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function decryptPassword(array $p): array
    {
        return ['result' => 'success', 'password' => Crypto::decrypt((string) ($p['password2'] ?? ''))];
    }
}
