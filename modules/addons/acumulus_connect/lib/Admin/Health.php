<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Clock;
use ReflectionExtension;
use Throwable;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Acumulus;
use WHMCS\Module\Addon\AcumulusConnect\Cache;
use WHMCS\Module\Addon\AcumulusConnect\Config;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * Whether the set-up works: the extension and the libraries it runs on, the
 * credentials (checked and cached; never shown), the cached picklists, the
 * cron, the queue. Each line says what to do when it is not right.
 */
final class Health
{
    /** The cron runs every 5 minutes in WHMCS; after this long without a run it is reported. */
    public const CRON_LATE = 3600;

    public function __construct(private readonly Layout $layout)
    {
    }

    /** POST check_credentials: the check again, now. */
    public function recheck(): string
    {
        $check = Acumulus::check(Settings::load(), true);
        $this->layout->message($check['status'] === 'ok' ? 'success' : 'warning', (string) $check['message']);
        return $this->render();
    }

    /** @return list<array{key: string, status: string, title: string, text: string, extra: string}> */
    public function checks(): array
    {
        $out = [];
        $settings = Settings::load();

        if (Extension::loaded()) {
            $out[] = ['key' => 'extension', 'status' => 'ok', 'title' => Lang::t('health_extension'),
                'text' => Lang::t('health_extension_ok', (string) phpversion('acumulus'), PHP_VERSION), 'extra' => self::libraries()];
        } else {
            $out[] = ['key' => 'extension', 'status' => 'bad', 'title' => Lang::t('health_extension'), 'text' => (string) Extension::problem(),
                'extra' => Html::fill('<pre>{s}</pre>', ['s' => implode("\n", Extension::installSteps())])];
        }

        [$raw, $when] = Cache::getWithTime('credentials_check');
        $check = $raw === null ? null : json_decode($raw, true);
        if (!$settings->hasCredentials()) {
            $out[] = ['key' => 'credentials', 'status' => 'bad', 'title' => Lang::t('health_credentials'), 'text' => Lang::t('check_missing'), 'extra' => ''];
        } elseif (!is_array($check) || ($check['fingerprint'] ?? '') !== $settings->credentialsFingerprint()) {
            $out[] = ['key' => 'credentials', 'status' => 'warn', 'title' => Lang::t('health_credentials'), 'text' => Lang::t('check_unknown'), 'extra' => ''];
        } else {
            $status = match ((string) ($check['status'] ?? '')) {
                'ok' => 'ok',
                'warning' => 'warn',
                default => 'bad',
            };
            $out[] = ['key' => 'credentials', 'status' => $status, 'title' => Lang::t('health_credentials'),
                'text' => (string) ($check['message'] ?? '') . ' ' . Lang::t('health_checked', Format::ago((int) ($check['checked'] ?? $when))), 'extra' => ''];
        }

        [$lists, $listsWhen] = Cache::getWithTime('picklists');
        $p = $lists === null ? null : json_decode($lists, true);
        if (!is_array($p)) {
            $out[] = ['key' => 'picklists', 'status' => 'warn', 'title' => Lang::t('health_picklists'), 'text' => Lang::t('health_picklists_none'), 'extra' => ''];
        } else {
            $out[] = ['key' => 'picklists', 'status' => 'ok', 'title' => Lang::t('health_picklists'), 'text' => Lang::t(
                'health_picklists_ok',
                (string) count((array) ($p['costcenters'] ?? [])),
                (string) count((array) ($p['accounts'] ?? [])),
                (string) count((array) ($p['invoicetemplates'] ?? [])),
                Format::ago($listsWhen)
            ), 'extra' => ''];
        }

        $cron = (int) (Cache::get('cron_last_run') ?? 0);
        $out[] = ['key' => 'cron', 'status' => $cron === 0 ? 'bad' : (Clock::now() - $cron > self::CRON_LATE ? 'warn' : 'ok'),
            'title' => Lang::t('health_cron'),
            'text' => $cron === 0 ? Lang::t('health_cron_never') : Lang::t('health_cron_ran', Format::time($cron), Format::ago($cron)), 'extra' => ''];

        $events = Capsule::table(Schema::EVENTS)->count();
        $oldest = (int) Capsule::table(Schema::EVENTS)->min('created');
        $out[] = ['key' => 'queue', 'status' => $events === 0 || Clock::now() - $oldest < self::CRON_LATE ? 'ok' : 'warn',
            'title' => Lang::t('health_queue'),
            'text' => $events === 0 ? Lang::t('health_queue_empty') : Lang::t('health_queue_n', (string) $events, Format::ago($oldest)), 'extra' => ''];

        $out[] = ['key' => 'addon', 'status' => 'ok', 'title' => Lang::t('health_addon'),
            'text' => Lang::t('health_addon_text', Config::VERSION, (string) ini_get('acumulus.api_url')), 'extra' => ''];
        return $out;
    }

    public function render(): string
    {
        $rows = '';
        foreach ($this->checks() as $c) {
            $icon = match ($c['status']) {
                'ok' => ['glyphicon-ok-sign', 'text-success', Lang::t('health_ok')],
                'warn' => ['glyphicon-warning-sign', 'text-warning', Lang::t('health_warn')],
                default => ['glyphicon-remove-sign', 'text-danger', Lang::t('health_bad')],
            };
            $rows .= Html::fill('<tr data-check="{k}" data-status="{s}"><td class="acu-health-icon"><span class="glyphicon {i} {c}" title="{a}" aria-label="{a}"></span></td>'
                . '<th>{t}</th><td>{x}{!extra}</td></tr>', [
                'k' => $c['key'], 's' => $c['status'], 'i' => $icon[0], 'c' => $icon[1], 'a' => $icon[2], 't' => $c['title'], 'x' => $c['text'],
                'extra' => $c['extra'],
            ]);
        }
        $recheck = $this->layout->form('check_credentials', [], Html::fill('<button type="submit" class="btn btn-default" id="acu-recheck">'
            . '<span class="glyphicon glyphicon-refresh"></span> {t}</button> <a class="btn btn-link" href="configaddonmods.php">{s}</a>', [
            't' => Lang::t('health_recheck'), 's' => Lang::t('health_settings'),
        ]));
        $body = '<table class="table acu-health" id="acu-health"><tbody>' . $rows . '</tbody></table>'
            . '<div class="panel-footer">' . $recheck . '</div>';
        return $this->layout->page('health', Layout::panel(Lang::t('health_title'), $body));
    }

    /** The libraries the extension was built with and runs on (its phpinfo section). */
    private static function libraries(): string
    {
        try {
            ob_start();
            (new ReflectionExtension('acumulus'))->info();
            $info = (string) ob_get_clean();
        } catch (Throwable $e) {
            return '';
        }
        $rows = [];
        if (str_contains($info, '<tr')) {
            preg_match_all('#<tr>(.*?)</tr>#s', $info, $trs);
            foreach ($trs[1] as $tr) {
                preg_match_all('#<t[dh][^>]*>(.*?)</t[dh]>#s', $tr, $cells);
                $rows[] = array_map(static fn (string $c): string => trim(html_entity_decode(strip_tags($c))), $cells[1]);
            }
        } else {
            foreach (preg_split('/\R/', $info) ?: [] as $line) {
                if (str_contains($line, '=>')) {
                    $rows[] = array_map('trim', explode('=>', $line));
                }
            }
        }
        $out = '';
        foreach ($rows as $cells) {
            if (count($cells) === 3 && $cells[0] !== 'Library') {
                $out .= Html::fill('<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>', ['a' => $cells[0], 'b' => $cells[1], 'c' => $cells[2]]);
            }
        }
        if ($out === '') {
            return '';
        }
        return Html::fill('<table class="table table-condensed acu-libs" id="acu-libs"><thead><tr><th>{a}</th><th>{b}</th><th>{c}</th></tr></thead><tbody>', [
            'a' => Lang::t('health_library'), 'b' => Lang::t('health_compiled'), 'c' => Lang::t('health_linked'),
        ]) . $out . '</tbody></table>';
    }
}
