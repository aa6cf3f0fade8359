<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * Addons ▸ Acumulus. Every value echoed is escaped with h(); every action
 * that changes something is a POST checked with the WHMCS CSRF token.
 */
final class AdminPage
{
    private string $link;
    /** @var list<array{0: string, 1: string}> level, text */
    private array $messages = [];

    public function __construct(private readonly array $vars)
    {
        $this->link = (string) ($vars['modulelink'] ?? 'addonmodules.php?module=acumulus_connect');
    }

    public static function h(mixed $v): string
    {
        return htmlspecialchars((string) $v, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }

    public function render(): string
    {
        if (($_SERVER['REQUEST_METHOD'] ?? 'GET') === 'POST') {
            $this->handlePost();
        }
        $out = '';
        $problem = Extension::problem();
        if ($problem !== null) {
            $out .= '<div class="alert alert-danger"><strong>' . self::h(Lang::t('extension_missing_title')) . '</strong> '
                . self::h($problem) . '<pre>' . self::h(implode("\n", Extension::installSteps())) . '</pre></div>';
        }
        foreach ($this->messages as [$level, $text]) {
            $out .= '<div class="alert alert-' . self::h($level) . '">' . self::h($text) . '</div>';
        }
        $out .= $this->counts();
        $out .= $this->failures();
        $out .= $this->sendForm();
        return $out;
    }

    public function sidebar(): string
    {
        $ext = Extension::loaded() ? 'acumulus ' . phpversion('acumulus') : Lang::t('extension_not_loaded');
        return '<div class="sidebar-header">Acumulus</div><ul class="menu"><li>' . self::h(Lang::t('version', Config::VERSION))
            . '</li><li>' . self::h($ext) . '</li></ul>';
    }

    private function handlePost(): void
    {
        check_token('WHMCS.admin.default');
        $actions = new Actions();
        $action = (string) ($_POST['acumulus_action'] ?? '');
        $id = Hooks::invoiceId($_POST['invoiceid'] ?? null);
        switch ($action) {
            case 'send':
            case 'resend':
                if ($id === null) {
                    $this->messages[] = ['danger', Lang::t('no_such_invoice')];
                    return;
                }
                $outcome = $action === 'send' ? $actions->send($id) : $actions->resend($id);
                $this->messages[] = [$outcome === 'done' ? 'success' : 'warning', Lang::t('outcome_' . $outcome, (string) $id)];
                return;
            case 'retry':
                if ($id !== null) {
                    $outcome = $actions->retry($id);
                    $this->messages[] = [$outcome === 'done' ? 'success' : 'warning', Lang::t('outcome_' . $outcome, (string) $id)];
                }
                return;
            case 'retry_all':
                $this->messages[] = ['info', Lang::t('retry_all_queued', (string) $actions->retryAll())];
                return;
        }
    }

    private function counts(): string
    {
        $rows = Capsule::table(Schema::LEDGER)->selectRaw('state, count(*) as n')->groupBy('state')->get();
        $counts = [];
        foreach ($rows as $r) {
            $counts[(string) ($r->state ?? 'booked')] = (int) $r->n;
        }
        $out = '<div class="row">';
        foreach (['booked', 'paid', 'credited', 'queued', 'failed', 'uncertain', 'skipped', 'not_booked'] as $s) {
            $out .= '<div class="col-sm-3"><div class="panel panel-default"><div class="panel-body"><h3 data-state="'
                . self::h($s) . '">' . self::h($counts[$s] ?? 0) . '</h3>' . self::h(Lang::t('state_' . $s)) . '</div></div></div>';
        }
        return $out . '</div>';
    }

    private function failures(): string
    {
        $rows = Capsule::table(Schema::LEDGER)->whereIn('state', ['failed', 'uncertain', 'queued'])
            ->whereNotNull('last_error')->orderByDesc('updated_at')->limit(50)->get();
        if (count($rows) === 0) {
            return '';
        }
        $token = function_exists('generate_token') ? generate_token('plain') : '';
        $out = '<h2>' . self::h(Lang::t('failures')) . '</h2><table class="table table-striped"><thead><tr><th>'
            . self::h(Lang::t('invoice')) . '</th><th>' . self::h(Lang::t('state')) . '</th><th>' . self::h(Lang::t('reason'))
            . '</th><th></th></tr></thead><tbody>';
        foreach ($rows as $r) {
            $out .= '<tr><td><a href="invoices.php?action=edit&amp;id=' . self::h((int) $r->id) . '">' . self::h((int) $r->id)
                . '</a></td><td>' . self::h(Lang::t('state_' . (string) $r->state)) . '</td><td>' . self::h($r->last_error)
                . '</td><td><form method="post" action="' . self::h($this->link) . '"><input type="hidden" name="token" value="'
                . self::h($token) . '"><input type="hidden" name="acumulus_action" value="retry"><input type="hidden" name="invoiceid" value="'
                . self::h((int) $r->id) . '"><button class="btn btn-default btn-sm">' . self::h(Lang::t('retry')) . '</button></form></td></tr>';
        }
        return $out . '</tbody></table><form method="post" action="' . self::h($this->link) . '"><input type="hidden" name="token" value="'
            . self::h($token) . '"><input type="hidden" name="acumulus_action" value="retry_all"><button class="btn btn-primary">'
            . self::h(Lang::t('retry_all')) . '</button></form>';
    }

    private function sendForm(): string
    {
        $token = function_exists('generate_token') ? generate_token('plain') : '';
        return '<h2>' . self::h(Lang::t('single_title')) . '</h2><form method="post" class="form-inline" action="' . self::h($this->link)
            . '"><input type="hidden" name="token" value="' . self::h($token) . '"><input class="form-control" name="invoiceid" placeholder="'
            . self::h(Lang::t('invoice_id')) . '"> <button class="btn btn-primary" name="acumulus_action" value="send">'
            . self::h(Lang::t('send')) . '</button> <button class="btn btn-warning" name="acumulus_action" value="resend" onclick="return confirm('
            . self::h(json_encode(Lang::t('resend_confirm'), JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_HEX_AMP)) . ')">'
            . self::h(Lang::t('resend')) . '</button></form><p class="help-block">' . self::h(Lang::t('resend_explained')) . '</p>';
    }
}
