<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Acumulus\Client;
use Acumulus\Result;
use Throwable;

/**
 * The Acumulus API client for the addon's settings, the credential check and
 * the cached picklists (the settings page never calls the API per render).
 */
final class Acumulus
{
    public static function client(Settings $s, string $whmcsVersion, array $options = []): Client
    {
        foreach (['emailOnError' => 'acumulus_error_email_address', 'emailOnWarning' => 'acumulus_warning_email_address'] as $opt => $key) {
            if ($s->get($key) !== '' && !isset($options[$opt])) {
                $options[$opt] = $s->get($key);
            }
        }
        return new Client(
            $s->get('acumulus_code'),
            $s->get('acumulus_username'),
            $s->get('acumulus_password'),
            'WHMCS ' . ($whmcsVersion !== '' ? $whmcsVersion : 'unknown'),
            $options
        );
    }

    /**
     * Checks the credentials with general_about and, when they work, fetches
     * the picklists the settings page offers. The outcome is cached with the
     * credentials' fingerprint, so it is redone only when they change (or on
     * request).
     *
     * @return array{status: string, message: string, role?: string, checked: int}
     *         status: ok, warning (works, but the role is not the advised one),
     *         credentials (wrong), unreachable, missing, extension
     */
    public static function check(Settings $s, bool $force = false): array
    {
        $cached = Cache::getJson('credentials_check');
        if (!$force && is_array($cached) && ($cached['fingerprint'] ?? '') === $s->credentialsFingerprint()) {
            unset($cached['fingerprint']);
            return $cached;
        }
        $out = self::runCheck($s);
        Cache::setJson('credentials_check', $out + ['fingerprint' => $s->credentialsFingerprint()]);
        return $out;
    }

    /** @return array{status: string, message: string, checked: int} */
    private static function runCheck(Settings $s): array
    {
        $now = Clock::now();
        if (!$s->hasCredentials()) {
            return ['status' => 'missing', 'message' => Lang::t('check_missing'), 'checked' => $now];
        }
        if (!Extension::loaded()) {
            return ['status' => 'extension', 'message' => (string) Extension::problem(), 'checked' => $now];
        }
        try {
            $client = self::client($s, Whmcs::configValue('Version'), ['timeout' => 15, 'connectTimeout' => 5]);
            $about = $client->about();
        } catch (\Acumulus\AuthenticationException $e) {
            return ['status' => 'credentials', 'message' => Lang::t('check_wrong'), 'checked' => $now];
        } catch (\Acumulus\CallException $e) {
            return ['status' => 'unreachable', 'message' => Lang::t('check_unreachable', $e->getMessage()), 'checked' => $now];
        } catch (Throwable $e) {
            return ['status' => 'unreachable', 'message' => Lang::t('check_unreachable', $e->getMessage()), 'checked' => $now];
        }
        $role = (string) ($about->main['role'] ?? '');
        $roleId = (int) ($about->main['roleid'] ?? 0);
        self::refreshPicklists($client);
        if ($roleId !== 5) {
            return ['status' => 'warning', 'role' => $role, 'checked' => $now,
                'message' => Lang::t('check_role', $role !== '' ? $role : (string) $roleId)];
        }
        return ['status' => 'ok', 'role' => $role, 'message' => Lang::t('check_ok', $role), 'checked' => $now];
    }

    /** Fetches cost centers, accounts and invoice templates into the cache. */
    public static function refreshPicklists(Client $client): void
    {
        $lists = [];
        foreach (['costcenters' => 'costcenter', 'accounts' => 'account', 'invoicetemplates' => 'invoicetemplate'] as $plural => $one) {
            try {
                $r = $client->picklist($plural);
                $lists[$plural] = array_values((array) ($r->main[$one] ?? []));
            } catch (Throwable $e) {
                $lists[$plural] = null; // keep the old list below
            }
        }
        $old = Cache::getJson('picklists');
        foreach ($lists as $k => $v) {
            if ($v === null) {
                $lists[$k] = is_array($old) ? ($old[$k] ?? []) : [];
            }
        }
        Cache::setJson('picklists', $lists);
    }

    /** @return array{costcenters: list<array>, accounts: list<array>, invoicetemplates: list<array>} */
    public static function picklists(): array
    {
        $p = Cache::getJson('picklists');
        return [
            'costcenters' => is_array($p['costcenters'] ?? null) ? $p['costcenters'] : [],
            'accounts' => is_array($p['accounts'] ?? null) ? $p['accounts'] : [],
            'invoicetemplates' => is_array($p['invoicetemplates'] ?? null) ? $p['invoicetemplates'] : [],
        ];
    }

    /**
     * Whether the EU threshold for distance sales (OSS) was reached in a
     * year, from Acumulus' report_threshold_eu_ecommerce, cached for a day:
     * the mapper needs it to tell Dutch VAT from the customer country's for
     * EU consumers. Null when unknown (before 2021, or Acumulus unreachable
     * and nothing cached): the mapper then makes a concept where it matters.
     */
    public static function ossThresholdReached(Client $client, string $year): ?bool
    {
        $name = 'oss_threshold_' . $year;
        [$raw, $when] = Cache::getWithTime($name);
        $cached = $raw === null ? null : json_decode($raw, true);
        if (is_array($cached) && Clock::now() - $when < 86400) {
            return $cached['reached'] ?? null;
        }
        if ((int) $year < 2021) {
            return null;
        }
        try {
            $r = $client->thresholdReport((int) $year);
            $reached = (string) ($r->data['reached'] ?? $r->main['reached'] ?? '');
            $value = $reached === '' ? null : $reached === '1';
            Cache::setJson($name, ['reached' => $value]);
            return $value;
        } catch (Throwable $e) {
            return is_array($cached) ? ($cached['reached'] ?? null) : null;
        }
    }
}
