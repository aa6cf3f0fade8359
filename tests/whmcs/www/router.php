<?php

/**
 * Router for `php -S` (see WhmcsSandbox\HttpServer): the sandbox's admin area.
 *
 *   /admin/addonmodules.php?module=<name>     the addon's page (_output, _sidebar)
 *   /admin/configaddonmods.php?module=<name>  its settings form (POST saves, CSRF-checked)
 *   /admin/invoices.php?action=edit&id=<id>   an invoice, with what AdminInvoicesControlsOutput adds
 *   /admin/clientssummary.php?userid=<id>     a client, with what AdminAreaClientSummaryActionLinks adds
 *   /modules/addons/<name>/<file>             the addon's static files
 *   /admin/logout.php                         ends the admin session
 *
 * WHMCS_SANDBOX_CONFIG names a JSON file with the sandbox options, the session
 * directory and the admin to log in automatically (0: none).
 */

declare(strict_types=1);

require dirname(__DIR__) . '/bootstrap.php';

use WhmcsSandbox\Admin;
use WhmcsSandbox\Page;
use WhmcsSandbox\Sandbox;

// Taken before booting: a sandbox page load starts with fresh superglobals.
$get = $_GET;
$post = $_POST;
$path = (string) parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);

$configFile = (string) getenv('WHMCS_SANDBOX_CONFIG');
$config = json_decode((string) file_get_contents($configFile), true, 512, JSON_THROW_ON_ERROR);
$sb = Sandbox::boot(array_merge($config['sandbox'], ['adminId' => 0]));

if (str_starts_with($path, '/modules/addons/')) {
    $root = (string) realpath($sb->addons()->root());
    $file = realpath($root . '/' . substr($path, strlen('/modules/addons/')));
    $types = ['css' => 'text/css', 'js' => 'text/javascript', 'png' => 'image/png', 'svg' => 'image/svg+xml',
        'gif' => 'image/gif', 'jpg' => 'image/jpeg', 'ico' => 'image/x-icon', 'woff2' => 'font/woff2'];
    $ext = strtolower(pathinfo((string) $file, PATHINFO_EXTENSION));
    if ($file === false || !str_starts_with($file, $root . '/') || !isset($types[$ext]) || !is_file($file)) {
        http_response_code(404);
        echo 'Not Found';
        return true;
    }
    header('Content-Type: ' . $types[$ext]);
    readfile($file);
    return true;
}

session_save_path((string) $config['sessionDir']);
session_name('PHPSESSID');
session_start();
if (empty($_SESSION['adminid']) && (int) $config['autoLoginAdmin'] > 0) {
    $_SESSION['adminid'] = (int) $config['autoLoginAdmin'];
}

$send = static function (Page $page): void {
    http_response_code($page->status);
    foreach ($page->headers as $name => $value) {
        header($name . ': ' . $value);
    }
    header('Content-Type: text/html; charset=utf-8');
    echo $page->html;
};

switch ($path) {
    case '/admin/addonmodules.php':
    case '/addonmodules.php':
        $send($sb->admin()->render((string) ($get['module'] ?? ''), $get, $post));
        break;
    case '/admin/configaddonmods.php':
        $module = (string) ($get['module'] ?? '');
        if ($_SERVER['REQUEST_METHOD'] === 'POST') {
            $token = (string) ($post['token'] ?? '');
            unset($post['token']);
            if (!isset($_SESSION['tkval']) || !hash_equals((string) $_SESSION['tkval'], $token)) {
                http_response_code(403);
                echo 'Invalid CSRF Protection Token';
                break;
            }
            $send($sb->admin()->settingsPage($module, $post));
        } else {
            $send($sb->admin()->settingsPage($module));
        }
        break;
    case '/admin/invoices.php':
        $send($sb->admin()->invoicePage((int) ($get['id'] ?? 0)));
        break;
    case '/admin/clientssummary.php':
        $send($sb->admin()->clientSummaryPage((int) ($get['userid'] ?? 0)));
        break;
    case '/admin/logout.php':
        $_SESSION = [];
        echo 'Logged out';
        break;
    case '/':
    case '/admin/':
    case '/admin/index.php':
        echo '<!DOCTYPE html><html><body><h1>WHMCS sandbox</h1><ul>';
        foreach ($sb->addons()->active() as $name) {
            echo '<li><a href="/admin/addonmodules.php?module=' . Admin::e(rawurlencode($name)) . '">'
                . Admin::e($name) . '</a></li>';
        }
        echo '</ul></body></html>';
        break;
    default:
        http_response_code(404);
        echo 'Not Found';
}
return true;
