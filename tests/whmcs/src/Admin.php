<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use Throwable;
use WHMCS\Database\Capsule;

/**
 * The admin area around an addon: addonmodules.php?module=<name> (its
 * _output and _sidebar inside a page with the admin-area output hooks) and
 * the Setup ▸ Addon Modules configuration form.
 *
 * A page load: fresh superglobals (the session is kept, as a browser's is),
 * the active addons' hooks, the admin check (logged in, the addon active, the
 * admin's role in the addon's access list), the upgrade check, then the page.
 * An addon that calls check_token() with a bad token ends the request with
 * "Invalid CSRF Protection Token" (status 403).
 */
final class Admin
{
    public function __construct(private readonly Sandbox $sb)
    {
    }

    /**
     * Renders addonmodules.php?module=$module&… as the logged-in admin.
     *
     * @param array<string,mixed> $get extra query parameters (module is set)
     * @param array<string,mixed> $post a non-empty $post makes it a POST
     */
    public function render(string $module, array $get = [], array $post = []): Page
    {
        $this->startRequest(['module' => $module] + $get, $post);
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        if ($adminId <= 0) {
            return new Page(302, '', headers: ['Location' => 'login.php']);
        }
        $addons = $this->sb->addons();
        if (!Addons::validName($module) || !$addons->isActive($module)) {
            return new Page(404, $this->wrap('Addon Modules', '', '<div class="alert alert-danger">'
                . 'The requested addon module is not active</div>', ''));
        }
        $admin = Capsule::table('tbladmins')->where('id', $adminId)->first();
        $settings = $addons->settings($module);
        $access = array_filter(explode(',', $settings['access'] ?? ''), static fn ($v) => $v !== '');
        if ($admin === null || !in_array((string) $admin->roleid, $access, true)) {
            return new Page(403, $this->wrap('Access Denied', '', '<div class="alert alert-danger">'
                . 'You do not have permission to access this addon module</div>', ''));
        }
        $addons->upgradeIfNeeded($module);
        $config = $addons->config($module);
        $settings = $addons->settings($module);
        $vars = array_merge($settings, [
            'module' => $module,
            'modulelink' => 'addonmodules.php?module=' . $module,
            'version' => $settings['version'] ?? (string) ($config['version'] ?? ''),
            '_lang' => $addons->language($module, (string) ($admin->language ?: 'english')),
        ]);
        $title = (string) ($config['name'] ?? $module);
        $templateVars = [
            'adminid' => $adminId,
            'admin_username' => (string) $admin->username,
            'filename' => 'addonmodules',
            'pagetitle' => $title,
            'addon_modules' => $addons->active(),
            'jquerycode' => '',
            'jscode' => '',
        ];
        $head = $header = $footer = '';
        $output = $sidebar = '';
        $status = 200;
        $flags = [];
        HookSequences::run(
            $this->sb->hooks(),
            'admin.page',
            $flags,
            function (string $hook) use (&$templateVars): array {
                return $templateVars;
            },
            [
                'output' => function () use ($module, $vars, &$output, &$sidebar, &$status): void {
                    [$status, $output] = $this->capture(fn () => ($module . '_output')($vars), $module . '_output');
                    if ($status === 200 && function_exists($module . '_sidebar')) {
                        $returned = null;
                        [$sidebarStatus, $echoed] = $this->capture(function () use ($module, $vars, &$returned): void {
                            $returned = ($module . '_sidebar')($vars);
                        }, $module . '_sidebar');
                        $sidebar = $sidebarStatus === 200 ? (string) $returned . $echoed : '';
                    }
                },
            ],
            function (string $hook, array $returned) use (&$templateVars, &$head, &$header, &$footer): void {
                foreach ($returned as $r) {
                    match ($hook) {
                        'AdminAreaPage' => $templateVars = array_merge($templateVars, is_array($r) ? $r : []),
                        'AdminAreaHeadOutput' => $head .= (string) $r,
                        'AdminAreaHeaderOutput' => $header .= (string) $r,
                        'AdminAreaFooterOutput' => $footer .= (string) $r,
                        default => null,
                    };
                }
            }
        );
        return new Page($status, $this->wrap($title, $head, $header . $output, $sidebar, $footer), $output, $sidebar);
    }

    /**
     * Setup ▸ Addon Modules ▸ Configure: the form WHMCS builds from _config()
     * (labels and descriptions as HTML, as WHMCS prints them; values escaped).
     * With $post the admin saves it first (Addons::saveSettings), as a form
     * post: a yesno field missing from it is unticked.
     *
     * @param array<string,mixed>|null $post field => value
     */
    public function settingsPage(string $module, ?array $post = null): Page
    {
        $this->startRequest(['module' => $module], $post ?? []);
        $addons = $this->sb->addons();
        if ($post !== null) {
            // A form does not post an unticked checkbox.
            foreach (($addons->config($module)['fields'] ?? []) as $key => $field) {
                if (is_array($field) && ($field['Type'] ?? '') === 'yesno' && !array_key_exists($key, $post)) {
                    $post[$key] = '';
                }
            }
            $addons->saveSettings($module, $post);
        }
        $config = $addons->config($module);
        $stored = $addons->settings($module);
        $rows = '';
        foreach (($config['fields'] ?? []) as $key => $field) {
            if (!is_array($field)) {
                continue;
            }
            $label = (string) ($field['FriendlyName'] ?? '');
            $description = (string) ($field['Description'] ?? '');
            $input = isset($field['Type'])
                ? $this->input((string) $key, $field, $stored[$key] ?? Addons::defaultOf($field))
                : '';
            $rows .= '<tr><td class="fieldlabel">' . $label . '</td><td class="fieldarea">' . $input . ' '
                . $description . "</td></tr>\n";
        }
        $name = (string) ($config['name'] ?? $module);
        $body = '<h2>' . self::e($name) . '</h2><p>' . self::e((string) ($config['description'] ?? '')) . '</p>'
            . '<form method="post" action="configaddonmods.php?action=save&amp;module=' . self::e($module) . '">'
            . '<input type="hidden" name="token" value="' . self::e($this->token()) . '">'
            . '<table class="form">' . "\n" . $rows . '</table>'
            . '<input type="submit" value="Save Changes" class="btn btn-primary"></form>';
        return new Page(200, $this->wrap('Addon Modules', '', $body, ''), $body);
    }

    /**
     * invoices.php?action=edit&id=N: the invoice page reduced to a summary,
     * with what addons add through AdminInvoicesControlsOutput (for browser
     * tests of that hook).
     */
    public function invoicePage(int $invoiceId): Page
    {
        $this->startRequest(['action' => 'edit', 'id' => (string) $invoiceId], []);
        if ((int) ($_SESSION['adminid'] ?? 0) <= 0) {
            return new Page(302, '', headers: ['Location' => 'login.php']);
        }
        $inv = $this->sb->api('GetInvoice', ['invoiceid' => $invoiceId]);
        if (($inv['result'] ?? '') !== 'success') {
            return new Page(404, $this->wrap('Invoices', '', '<div class="alert alert-danger">Invoice not found</div>', ''));
        }
        $vars = [];
        foreach (['invoiceid', 'userid', 'subtotal', 'tax', 'tax2', 'credit', 'total', 'balance', 'taxrate', 'taxrate2', 'paymentmethod'] as $k) {
            $vars[$k] = $inv[$k] ?? '';
        }
        $added = implode('', array_map('strval', $this->sb->hooks()->run('AdminInvoicesControlsOutput', $vars)));
        $body = '<h2>Invoice #' . self::e((string) $invoiceId) . '</h2><table class="table table-condensed" style="width:auto">'
            . '<tr><th>Status</th><td>' . self::e((string) $inv['status']) . '</td></tr>'
            . '<tr><th>Invoice date</th><td>' . self::e((string) $inv['date']) . '</td></tr>'
            . '<tr><th>Total</th><td>' . self::e((string) $inv['total']) . '</td></tr>'
            . '<tr><th>Payment method</th><td>' . self::e((string) $inv['paymentmethod']) . '</td></tr></table>' . $added;
        return new Page(200, $this->wrap('Invoices', '', $body, ''), $added);
    }

    /**
     * clientssummary.php?userid=N: the client summary reduced to its action
     * links, with those addons add through AdminAreaClientSummaryActionLinks.
     */
    public function clientSummaryPage(int $userId): Page
    {
        $this->startRequest(['userid' => (string) $userId], []);
        if ((int) ($_SESSION['adminid'] ?? 0) <= 0) {
            return new Page(302, '', headers: ['Location' => 'login.php']);
        }
        $client = Capsule::table('tblclients')->where('id', $userId)->first();
        if ($client === null) {
            return new Page(404, $this->wrap('Clients', '', '<div class="alert alert-danger">Client not found</div>', ''));
        }
        $links = '';
        foreach ($this->sb->hooks()->run('AdminAreaClientSummaryActionLinks', ['userid' => $userId]) as $returned) {
            foreach ((array) $returned as $link) {
                $links .= '<li>' . (string) $link . '</li>';
            }
        }
        $body = '<h2>' . self::e(trim($client->firstname . ' ' . $client->lastname)) . '</h2><p>'
            . self::e((string) $client->companyname) . '</p><ul class="list-unstyled">' . $links . '</ul>';
        return new Page(200, $this->wrap('Client Summary', '', $body, ''), $links);
    }

    /** The CSRF token of the session (generate_token('plain')). */
    public function token(): string
    {
        if (empty($_SESSION['tkval']) || !is_string($_SESSION['tkval'])) {
            $_SESSION['tkval'] = bin2hex(random_bytes(20));
        }
        return $_SESSION['tkval'];
    }

    /** check_token(): the token posted (or in the query) must be the session's. */
    public function checkToken(): bool
    {
        $given = $_POST['token'] ?? $_GET['token'] ?? '';
        return is_string($given) && $given !== '' && isset($_SESSION['tkval'])
            && hash_equals((string) $_SESSION['tkval'], $given);
    }

    public static function e(string $s): string
    {
        return htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /** @param array<string,mixed> $get @param array<string,mixed> $post */
    private function startRequest(array $get, array $post): void
    {
        $session = $_SESSION ?? [];
        $adminId = (int) ($session['adminid'] ?? 0);
        unset($session['adminid']);
        $this->sb->newRequest($session, $adminId);
        $_GET = $get;
        $_POST = $post;
        $_REQUEST = $post + $get;
        $_SERVER['REQUEST_METHOD'] = $post === [] ? 'GET' : 'POST';
        $_SERVER['SCRIPT_NAME'] = '/admin/addonmodules.php';
    }

    /**
     * Runs addon code with output buffering; a RequestEnded (check_token
     * failure) becomes the page body. Anything else thrown is a PHP error page
     * in WHMCS; here it propagates to the test.
     *
     * @return array{0:int,1:string}
     */
    private function capture(callable $fn, string $what): array
    {
        $level = ob_get_level();
        ob_start();
        try {
            $fn();
            return [200, (string) ob_get_clean()];
        } catch (RequestEnded $e) {
            while (ob_get_level() > $level) {
                ob_end_clean();
            }
            return [$e->status, self::e($e->getMessage())];
        } catch (Throwable $e) {
            while (ob_get_level() > $level) {
                ob_end_clean();
            }
            throw $e;
        }
    }

    /** @param array<string,mixed> $field */
    private function input(string $key, array $field, string $value): string
    {
        $name = self::e($key);
        $size = (int) ($field['Size'] ?? 25);
        switch ((string) $field['Type']) {
            case 'password':
                return '<input type="password" name="' . $name . '" size="' . $size . '" value="'
                    . self::e($value) . '">';
            case 'yesno':
                return '<input type="checkbox" name="' . $name . '"' . ($value === 'on' ? ' checked' : '') . '>';
            case 'textarea':
                return '<textarea name="' . $name . '" rows="' . (int) ($field['Rows'] ?? 3) . '" cols="'
                    . (int) ($field['Cols'] ?? 60) . '">' . self::e($value) . '</textarea>';
            case 'dropdown':
                $html = '<select name="' . $name . '">';
                foreach (Addons::options($field) as $v => $label) {
                    $html .= '<option value="' . self::e($v) . '"' . ($v === $value ? ' selected' : '') . '>'
                        . self::e($label) . '</option>';
                }
                return $html . '</select>';
            case 'radio':
                $html = '';
                foreach (Addons::options($field) as $v => $label) {
                    $html .= '<label><input type="radio" name="' . $name . '" value="' . self::e($v) . '"'
                        . ($v === $value ? ' checked' : '') . '> ' . self::e($label) . '</label> ';
                }
                return $html;
            default:
                return '<input type="text" name="' . $name . '" size="' . $size . '" value="' . self::e($value) . '">';
        }
    }

    private function wrap(string $title, string $head, string $content, string $sidebar, string $footer = ''): string
    {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            . self::e($title) . ' - WHMCS sandbox</title>' . $head . "</head>\n<body class=\"admin\">"
            . '<div id="sidebar">' . $sidebar . '</div>'
            . '<div id="contentarea"><h1>' . self::e($title) . '</h1>' . $content . '</div>'
            . $footer . "</body></html>\n";
    }
}
