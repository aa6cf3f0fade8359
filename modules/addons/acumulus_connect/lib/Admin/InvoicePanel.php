<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use Throwable;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Acumulus;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Log;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;
use WHMCS\Module\Addon\AcumulusConnect\Whmcs;

/**
 * On the WHMCS invoice page (hook AdminInvoicesControlsOutput): the invoice's
 * state in Acumulus, its Acumulus number, a link to the PDF, and a send
 * button (not booked) or a resend link (booked; the addon page says what a
 * resend does before it is done). Shown to admins with access to the addon.
 */
final class InvoicePanel
{
    /** The hook: HTML for the invoice page; '' when there is nothing to show. Never throws. */
    public static function hook(array $vars): string
    {
        try {
            $id = Hooks::invoiceId($vars['invoiceid'] ?? null);
            if ($id === null || !Access::allowed()) {
                return '';
            }
            return self::render($id, 'addonmodules.php?module=' . Settings::MODULE);
        } catch (Throwable $e) {
            Log::exception('showing the Acumulus panel on invoice ' . (string) ($vars['invoiceid'] ?? '?'), $e);
            return '';
        }
    }

    public static function render(int $id, string $link): string
    {
        $layout = new Layout($link);
        $row = Capsule::table(Schema::LEDGER)->where('id', $id)->first();
        $docs = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $id)->orderBy('id')->get()->all();
        $state = (string) ($row->state ?? '');
        $current = self::currentDocument($docs);

        $line = Html::fill('<strong>{t}</strong> {!label}', [
            't' => 'Acumulus',
            'label' => $state === '' ? Html::stateLabel('none', Lang::t('state_none')) : Html::stateLabel($state, Lang::t('state_' . $state)),
        ]);
        if ($current !== null) {
            $line .= Html::fill(' <span class="acu-number">{l} <strong>{n}</strong></span> {!pdf}', [
                'l' => Lang::t('acumulus_number'), 'n' => (string) $current->invoicenumber, 'pdf' => self::pdfLink((string) $current->token),
            ]);
        }
        if ($row !== null && (string) ($row->last_error ?? '') !== '' && in_array($state, ['failed', 'uncertain', 'queued'], true)) {
            $line .= Html::fill('<div class="text-danger small acu-panel-reason">{r}</div>', [
                'r' => Problems::reason((string) $row->last_error_kind, (string) $row->last_error),
            ]);
        }
        $buttons = '';
        $plan = $current === null ? (new Selection(Settings::load()))->planFor($id) : null;
        if ($plan !== null && !in_array($plan, ['send', 'booked', 'sending'], true)) {
            $line .= Html::fill('<div class="text-muted small acu-panel-prediction">{t}</div>', [
                't' => Lang::t('predict_skip', Lang::t('skip_' . $plan)),
            ]);
        } elseif ($current === null) {
            $buttons .= $layout->form('send', ['invoiceid' => $id], Html::fill('<button type="submit" class="btn btn-success btn-sm" id="acu-panel-send">'
                . '{t}</button>', ['t' => Lang::t('send_to_acumulus')]));
        } else {
            $buttons .= Html::fill('<a class="btn btn-warning btn-sm" id="acu-panel-resend" href="{h}">{t}</a>', [
                'h' => $layout->url(['action' => 'invoice', 'id' => $id]) . '#acu-resend-form', 't' => Lang::t('resend_dots'),
            ]);
        }
        if (in_array($state, ['failed', 'uncertain', 'queued'], true)) {
            $buttons .= ' ' . $layout->form('retry', ['invoiceid' => $id], Html::fill('<button type="submit" class="btn btn-default btn-sm">{t}</button>', [
                't' => Lang::t('retry'),
            ]));
        }
        $buttons .= Html::fill(' <a class="btn btn-link btn-sm" href="{h}">{t}</a>', [
            'h' => $layout->url(['action' => 'invoice', 'id' => $id]), 't' => Lang::t('details_link'),
        ]);
        return Html::fill('<div class="panel panel-default acumulus-invoice-panel" id="acumulus-invoice-panel" style="margin-top:10px">'
            . '<div class="panel-body"><div class="pull-right">{!buttons}</div>{!line}</div></div>', ['buttons' => $buttons, 'line' => $line]);
    }

    /**
     * The booking the ledger points at: the newest invoice document that is
     * booked or a concept.
     *
     * @param list<object> $docs
     */
    public static function currentDocument(array $docs): ?object
    {
        $cur = null;
        foreach ($docs as $d) {
            if ((string) $d->kind === 'invoice' && in_array((string) $d->state, ['booked', 'concept'], true)) {
                $cur = $d;
            }
        }
        return $cur;
    }

    /** A link to the PDF in Acumulus (the token is in the URL; it carries no credentials). */
    public static function pdfLink(string $token): string
    {
        $url = self::pdfUrl($token);
        if ($url === null) {
            return '';
        }
        return Html::fill('<a class="btn btn-default btn-xs acu-pdf" href="{u}" target="_blank" rel="noopener noreferrer">'
            . '<span class="glyphicon glyphicon-file"></span> PDF</a>', ['u' => $url]);
    }

    public static function pdfUrl(string $token): ?string
    {
        if ($token === '' || !Extension::loaded() || !class_exists('Acumulus\\Client')) {
            return null;
        }
        try {
            $url = Acumulus::client(Settings::load(), Whmcs::configValue('Version'))->invoicePdfUrl($token);
            return str_starts_with($url, 'https://') ? $url : null;
        } catch (Throwable $e) {
            return null;
        }
    }
}
