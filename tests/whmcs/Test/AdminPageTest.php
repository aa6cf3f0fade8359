<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

/**
 * addonmodules.php?module=… rendered in process and over php -S, the
 * settings form, access control and CSRF tokens.
 */
final class AdminPageTest extends TestCase
{
    public function testRendersOutputAndSidebarWithTheVarsWhmcsPasses(): void
    {
        $this->sb->addons()->activate('sandbox_probe', ['label' => '<script>alert(1)</script>']);
        $page = $this->sb->admin()->render('sandbox_probe', ['action' => 'overview']);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('<h2>Sandbox probe</h2>', $page->output, 'the english $_ADDONLANG');
        $link = '<p id="modulelink">addonmodules.php?module=sandbox_probe</p>';
        $this->assertStringContainsString($link, $page->output);
        $this->assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt;', $page->output);
        $this->assertStringNotContainsString('<script>alert(1)', $page->html);
        $this->assertStringContainsString('<li id="version">1.0.0</li>', $page->sidebar);
        $this->assertStringContainsString($page->output, $page->html);
        $this->assertStringContainsString('<title>Sandbox Probe - WHMCS sandbox</title>', $page->html);
        $vars = $this->probe(['output'])[0]['vars'];
        $this->assertSame('overview', $vars['action']);
        foreach (['module', 'modulelink', 'version', '_lang', 'label', 'api_key', 'enabled', 'access'] as $key) {
            $this->assertContains($key, $vars['keys']);
        }
    }

    public function testTheAdminLanguagePicksTheLanguageFile(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        \WHMCS\Database\Capsule::table('tbladmins')->where('id', 1)->update(['language' => 'dutch']);
        $dutch = $this->sb->admin()->render('sandbox_probe')->output;
        $this->assertStringContainsString('<h2>Sandbox-sonde</h2>', $dutch);
        \WHMCS\Database\Capsule::table('tbladmins')->where('id', 1)->update(['language' => 'klingon']);
        $fallback = $this->sb->admin()->render('sandbox_probe')->output;
        $this->assertStringContainsString('<h2>Sandbox probe</h2>', $fallback);
    }

    public function testAccessRules(): void
    {
        $this->assertSame(404, $this->sb->admin()->render('sandbox_probe')->status, 'not active');
        $this->sb->addons()->activate('sandbox_probe');
        $this->sb->newRequest([], 2);
        $this->assertSame(403, $this->sb->admin()->render('sandbox_probe')->status, 'role 2 is not in the access list');
        $this->sb->addons()->saveSettings('sandbox_probe', [], '1,2');
        $this->sb->newRequest([], 2);
        $this->assertSame(200, $this->sb->admin()->render('sandbox_probe')->status);
        $this->assertSame(404, $this->sb->admin()->render('../../x')->status);
        $this->sb->newRequest([], 0);
        $page = $this->sb->admin()->render('sandbox_probe');
        $this->assertSame([302, 'login.php'], [$page->status, $page->headers['Location']]);
    }

    public function testPostsNeedTheSessionsCsrfToken(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        $page = $this->sb->admin()->render('sandbox_probe', [], ['action' => 'record', 'note' => 'no token']);
        $this->assertSame(403, $page->status);
        $this->assertStringContainsString('Invalid CSRF Protection Token', $page->html);
        $this->assertSame([], $this->probe(['output-post']));

        $form = $this->sb->admin()->render('sandbox_probe')->output;
        $this->assertSame(1, preg_match('/name="token" value="([0-9a-f]{40})"/', $form, $m));
        $post = ['action' => 'record', 'note' => 'ok', 'token' => $m[1]];
        $page = $this->sb->admin()->render('sandbox_probe', [], $post);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('Saved', $page->output);
        $this->assertSame([['note' => 'ok']], array_column($this->probe(['output-post']), 'vars'));
        $this->assertSame($m[1], generate_token('plain'));
        $this->assertSame('&token=' . $m[1], generate_token('link'));
    }

    public function testAdminAreaOutputHooksWrapThePage(): void
    {
        $this->sb->addons()->activate('sandbox_probe');
        add_hook('AdminAreaHeadOutput', 1, fn (array $v) => '<meta name="probe-head" content="' . $v['filename']
            . '">');
        add_hook('AdminAreaHeaderOutput', 1, fn () => '<div id="probe-header"></div>');
        add_hook('AdminAreaFooterOutput', 1, fn () => '<script id="probe-footer"></script>');
        add_hook('AdminAreaPage', 1, fn (array $vars) => ['pagetitle' => 'Changed']);
        $this->sb->hooks()->clearLog();
        $html = $this->sb->admin()->render('sandbox_probe')->html;
        $wrapper = ['AdminAreaPage', 'AdminAreaHeadOutput', 'AdminAreaHeaderOutput', 'AdminAreaFooterOutput'];
        $this->assertSame($wrapper, $this->sb->hooks()->fired($wrapper));
        $this->assertSame('Changed', $this->sb->hooks()->varsOf('AdminAreaFooterOutput')[0]['pagetitle']);
        $head = strpos($html, 'probe-head');
        $this->assertNotFalse($head);
        $this->assertLessThan(strpos($html, '</head>'), $head);
        $this->assertLessThan(strpos($html, 'id="probe-footer"'), strpos($html, 'id="label"'));
        $this->assertGreaterThan(strpos($html, '<body'), strpos($html, 'probe-header'));
    }

    public function testSettingsPageShowsTheFormAndSaves(): void
    {
        $this->sb->addons()->activate('sandbox_probe', ['label' => 'A "quoted" <label>']);
        $page = $this->sb->admin()->settingsPage('sandbox_probe');
        $this->assertStringContainsString('<h2>Probe settings</h2>', $page->output, 'descriptions are HTML');
        $this->assertStringContainsString('value="A &quot;quoted&quot; &lt;label&gt;"', $page->output);
        $this->assertStringContainsString('<option value="fast" selected>fast</option>', $page->output);
        $this->assertStringContainsString('<input type="checkbox" name="enabled" checked>', $page->output);
        $this->sb->admin()->settingsPage('sandbox_probe', ['label' => 'New', 'mode' => 'safe']);
        $settings = $this->sb->addons()->settings('sandbox_probe');
        $this->assertSame(
            ['New', 'safe', ''],
            [$settings['label'], $settings['mode'], $settings['enabled']],
            'a form post without the checkbox unticks it'
        );
    }

    public function testServedOverPhpBuiltInServer(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe', ['label' => 'Served']);
        $server = $sb->serve();
        try {
            $r = $server->request('GET', '/admin/addonmodules.php?module=sandbox_probe');
            $this->assertSame(200, $r['status'], $server->log());
            $this->assertStringContainsString('<p id="label">Served</p>', $r['body']);
            $this->assertSame(1, preg_match('/name="token" value="([0-9a-f]{40})"/', $r['body'], $m));
            $page = '/admin/addonmodules.php?module=sandbox_probe';
            $forged = str_repeat('0', 40);
            $bad = $server->request('POST', $page, ['action' => 'record', 'note' => 'x', 'token' => $forged]);
            $this->assertSame(403, $bad['status']);
            $ok = $server->request('POST', $page, ['action' => 'record', 'note' => 'over http', 'token' => $m[1]]);
            $this->assertSame(200, $ok['status']);
            $this->assertSame([['note' => 'over http']], array_column($this->probe(['output-post']), 'vars'));
            $this->assertSame(
                404,
                $server->request('GET', '/modules/addons/sandbox_probe/hooks.php')['status'],
                'only static assets are served from module directories'
            );
            $this->assertSame(404, $server->request('GET', '/admin/addonmodules.php?module=nope')['status']);
            $this->assertStringContainsString('sandbox_probe', $server->request('GET', '/admin/')['body']);
        } finally {
            $server->stop();
        }
    }
}
