<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Acumulus;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;
use WHMCS\Module\Addon\AcumulusConnect\Whmcs;

/**
 * One invoice: search by id or number, what WHMCS and Acumulus know of it,
 * every document sent for it, and send / resend (with what a resend does,
 * spelled out before it is done) / retry / dry run. Also a client's invoices.
 */
final class InvoiceView
{
    public function __construct(private readonly Layout $layout)
    {
    }

    /** Sends, resends or retries, and says what came of it. */
    public function act(string $action, int $id, bool $confirmed): void
    {
        if (!Capsule::table('tblinvoices')->where('id', $id)->exists()) {
            $this->layout->message('danger', Lang::t('no_such_invoice'));
            return;
        }
        if ($action === 'resend' && !$confirmed) {
            $this->layout->message('warning', Lang::t('resend_needs_confirm'));
            return;
        }
        $actions = new Actions();
        $outcome = match ($action) {
            'send' => $actions->send($id),
            'resend' => $actions->resend($id),
            default => $actions->retry($id),
        };
        $level = $outcome === 'done' ? 'success' : ($outcome === 'failed' ? 'danger' : 'warning');
        $text = Lang::t('outcome_' . $outcome, (string) $id);
        if ($outcome === 'done') {
            $row = Capsule::table(Schema::LEDGER)->where('id', $id)->first();
            $state = (string) ($row->state ?? '');
            if (in_array($state, ['skipped', 'not_booked'], true)) {
                $level = 'info';
                $text = Lang::t('outcome_not_booked', (string) $id, trim((string) ($row->skipped_reason ?? '') . ' ' . (string) ($row->notes ?? '')));
            } elseif ((string) ($row->invoicenumber ?? '') !== '') {
                $text = Lang::t('outcome_booked', (string) $id, (string) $row->invoicenumber);
            }
        }
        $this->layout->message($level, $text);
    }

    /** @param array<string, mixed> $get id, or q and by */
    public function render(array $get): string
    {
        $id = null;
        $q = trim((string) ($get['q'] ?? ''));
        if (isset($get['id'])) {
            $id = Actions::findInvoice((string) $get['id'], 'id');
        } elseif ($q !== '') {
            $by = ($get['by'] ?? 'id') === 'invoicenum' ? 'invoicenum' : 'id';
            $id = Actions::findInvoice($q, $by);
            if ($id === null && $by === 'id') {
                $id = Actions::findInvoice($q, 'invoicenum'); // a number typed as an id
            }
            if ($id === null) {
                $this->layout->message('warning', Lang::t('search_none', $q));
            }
        }
        $body = $this->searchForm($q, (string) ($get['by'] ?? 'id'));
        if ($id !== null) {
            $body .= $this->invoice($id);
        } elseif (!isset($get['id']) && $q === '') {
            $body .= $this->recent();
        } elseif (isset($get['id'])) {
            $this->layout->message('danger', Lang::t('no_such_invoice'));
        }
        return $this->layout->page('invoice', $body);
    }

    private function searchForm(string $q, string $by): string
    {
        return Html::fill('<form method="get" action="addonmodules.php" class="form-inline acu-search">{!m}{!a}'
            . '<div class="form-group"><label class="sr-only" for="acu-q">{ph}</label>'
            . '<input type="text" class="form-control" id="acu-q" name="q" value="{q}" placeholder="{ph}"></div> '
            . '<div class="form-group"><select class="form-control" name="by"><option value="id"{!sid}>{id}</option>'
            . '<option value="invoicenum"{!snum}>{num}</option></select></div> '
            . '<button type="submit" class="btn btn-primary"><span class="glyphicon glyphicon-search"></span> {go}</button></form>', [
            'm' => Html::hidden('module', 'acumulus_connect'), 'a' => Html::hidden('action', 'invoice'),
            'q' => $q, 'ph' => Lang::t('search_placeholder'), 'id' => Lang::t('invoice_id'), 'num' => Lang::t('invoice_number'),
            'sid' => $by !== 'invoicenum' ? ' selected' : '', 'snum' => $by === 'invoicenum' ? ' selected' : '', 'go' => Lang::t('search'),
        ]);
    }

    /** The last invoices the addon worked on. */
    private function recent(): string
    {
        $rows = Capsule::table(Schema::LEDGER . ' as l')->leftJoin('tblinvoices as i', 'i.id', '=', 'l.id')
            ->leftJoin('tblclients as c', 'c.id', '=', 'i.userid')
            ->orderByDesc('l.updated_at')->orderByDesc('l.id')->limit(15)
            ->get(['l.id', 'l.state', 'l.invoicenumber', 'i.invoicenum', 'i.date', 'i.total', 'i.status', 'c.firstname', 'c.lastname', 'c.companyname'])->all();
        return Layout::panel(Lang::t('recent_invoices'), $this->table($rows));
    }

    /** @param list<object> $rows */
    private function table(array $rows): string
    {
        if ($rows === []) {
            return Html::fill('<div class="panel-body text-muted">{t}</div>', ['t' => Lang::t('nothing_yet')]);
        }
        $out = Html::fill('<table class="table table-striped table-condensed"><thead><tr><th>{a}</th><th>{b}</th><th>{c}</th>'
            . '<th class="text-right">{d}</th><th>{e}</th><th>{f}</th><th>{g}</th></tr></thead><tbody>', [
            'a' => Lang::t('invoice'), 'b' => Lang::t('client'), 'c' => Lang::t('date'), 'd' => Lang::t('total'),
            'e' => Lang::t('whmcs_status'), 'f' => Lang::t('state'), 'g' => Lang::t('acumulus_number'),
        ]);
        foreach ($rows as $r) {
            $state = (string) ($r->state ?? '');
            $out .= Html::fill('<tr><td><a href="{href}">#{id}</a> <span class="text-muted">{num}</span></td><td>{client}</td><td>{date}</td>'
                . '<td class="text-right">{total}</td><td>{status}</td><td>{!label}</td><td>{acu}</td></tr>', [
                'href' => $this->layout->url(['action' => 'invoice', 'id' => (int) $r->id]), 'id' => (int) $r->id,
                'num' => (string) ($r->invoicenum ?? ''), 'client' => Format::clientName($r->firstname ?? '', $r->lastname ?? '', $r->companyname ?? ''),
                'date' => Format::date((string) ($r->date ?? '')), 'total' => Format::amount((string) ($r->total ?? '')),
                'status' => (string) ($r->status ?? ''),
                'label' => $state === '' ? '' : Html::stateLabel($state, Lang::t('state_' . $state)),
                'acu' => (string) ($r->invoicenumber ?? ''),
            ]);
        }
        return $out . '</tbody></table>';
    }

    /** A client's invoices and Acumulus contact (the client summary page links here). */
    public function client(int $userId): string
    {
        $client = Capsule::table('tblclients')->where('id', $userId)->first();
        if ($client === null) {
            $this->layout->message('danger', Lang::t('no_such_client'));
            return $this->layout->page('invoice', '');
        }
        $contacts = ClientLinks::contacts($userId);
        $rows = Capsule::table('tblinvoices as i')->leftJoin(Schema::LEDGER . ' as l', 'l.id', '=', 'i.id')
            ->leftJoin('tblclients as c', 'c.id', '=', 'i.userid')->where('i.userid', $userId)
            ->orderByDesc('i.id')->limit(100)
            ->get(['i.id', 'l.state', 'l.invoicenumber', 'i.invoicenum', 'i.date', 'i.total', 'i.status', 'c.firstname', 'c.lastname', 'c.companyname'])->all();
        $head = Html::fill('<div class="panel-body"><p><strong>{name}</strong> · <a href="{summary}">{open}</a></p><p>{contact}</p></div>', [
            'name' => Format::clientName($client->firstname, $client->lastname, $client->companyname),
            'summary' => 'clientssummary.php?userid=' . $userId, 'open' => Lang::t('open_in_whmcs'),
            'contact' => $contacts === [] ? Lang::t('contact_none') : Lang::t('contact_ids', implode(', ', $contacts)),
        ]);
        return $this->layout->page('invoice', Layout::panel(Lang::t('client_title'), $head . $this->table($rows)));
    }

    private function invoice(int $id): string
    {
        $inv = Capsule::table('tblinvoices as i')->leftJoin('tblclients as c', 'c.id', '=', 'i.userid')
            ->leftJoin('tblcurrencies as cur', 'cur.id', '=', 'c.currency')->where('i.id', $id)
            ->first(['i.*', 'c.firstname', 'c.lastname', 'c.companyname', 'cur.code as currency']);
        $row = Capsule::table(Schema::LEDGER)->where('id', $id)->first();
        $docs = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $id)->orderBy('id')->get()->all();
        $state = (string) ($row->state ?? '');
        $currency = (string) ($inv->currency ?? '');

        $facts = Html::fill('<dl class="dl-horizontal acu-facts">'
            . '<dt>{l_inv}</dt><dd><a href="{whmcs}">#{id}</a> {num}</dd>'
            . '<dt>{l_client}</dt><dd><a href="{client_href}">{client}</a></dd>'
            . '<dt>{l_date}</dt><dd>{date}</dd><dt>{l_paid}</dt><dd>{paid}</dd>'
            . '<dt>{l_total}</dt><dd>{total}</dd><dt>{l_status}</dt><dd>{status}</dd><dt>{l_gw}</dt><dd>{gw}</dd></dl>', [
            'l_inv' => Lang::t('invoice'), 'whmcs' => 'invoices.php?action=edit&id=' . $id, 'id' => $id,
            'num' => (string) $inv->invoicenum !== '' ? '(' . $inv->invoicenum . ')' : '',
            'l_client' => Lang::t('client'), 'client_href' => $this->layout->url(['action' => 'client', 'id' => (int) $inv->userid]),
            'client' => Format::clientName($inv->firstname, $inv->lastname, $inv->companyname),
            'l_date' => Lang::t('date'), 'date' => Format::date((string) $inv->date),
            'l_paid' => Lang::t('date_paid'), 'paid' => Format::date((string) $inv->datepaid),
            'l_total' => Lang::t('total'), 'total' => Format::money((string) $inv->total, $currency),
            'l_status' => Lang::t('whmcs_status'), 'status' => (string) $inv->status,
            'l_gw' => Lang::t('gateway'), 'gw' => (string) $inv->paymentmethod,
        ]);

        $acu = Html::fill('<dl class="dl-horizontal acu-facts"><dt>{l_state}</dt><dd id="acu-invoice-state">{!label}</dd>', [
            'l_state' => Lang::t('state'),
            'label' => $state === '' ? Html::e(Lang::t('state_none')) : Html::stateLabel($state, Lang::t('state_' . $state)),
        ]);
        $current = InvoicePanel::currentDocument($docs);
        if ($current !== null) {
            $acu .= Html::fill('<dt>{l}</dt><dd><strong>{n}</strong> {!pdf}</dd><dt>{le}</dt><dd>{e}</dd>', [
                'l' => Lang::t('acumulus_number'), 'n' => (string) $current->invoicenumber,
                'pdf' => InvoicePanel::pdfLink((string) $current->token), 'le' => Lang::t('entry'), 'e' => (string) $current->entryid,
            ]);
        }
        if ($row !== null && (string) ($row->last_error ?? '') !== '') {
            $acu .= Html::fill('<dt>{l}</dt><dd class="text-danger">{r}<div class="text-muted small">{n}</div></dd>', [
                'l' => Lang::t('reason'), 'r' => Problems::reason((string) $row->last_error_kind, (string) $row->last_error),
                'n' => Problems::next($state, $row->next_attempt_at === null ? null : (int) $row->next_attempt_at),
            ]);
        }
        if ($row !== null && (string) ($row->notes ?? '') !== '') {
            $acu .= Html::fill('<dt>{l}</dt><dd>{n}</dd>', ['l' => Lang::t('notes'), 'n' => (string) $row->notes]);
        }
        if ($row !== null && $state === 'skipped') {
            $acu .= Html::fill('<dt>{l}</dt><dd>{n}</dd>', ['l' => Lang::t('skipped_because'), 'n' => (string) $row->skipped_reason]);
        }
        $acu .= '</dl>';

        $body = '<div class="row"><div class="col-md-6">' . Layout::panel(Lang::t('in_whmcs'), '<div class="panel-body">' . $facts . '</div>')
            . '</div><div class="col-md-6">' . Layout::panel(Lang::t('in_acumulus'), '<div class="panel-body">' . $acu . '</div>') . '</div></div>';
        $body .= $this->actions($id, $state, $current);
        $body .= $this->documents($docs);
        return $body;
    }

    private function actions(int $id, string $state, ?object $current): string
    {
        $out = '<div class="panel-body">';
        $plan = (new Selection(Settings::load()))->planFor($id);
        if ($current === null && $plan !== null && !in_array($plan, ['send', 'booked', 'sending'], true)) {
            // nothing to book (draft, cancelled, add funds, ...): a send would only record that
            $out .= Html::fill('<p class="text-warning acu-prediction" id="acu-prediction">{t}</p>', [
                't' => Lang::t('predict_skip', Lang::t('skip_' . $plan)),
            ]);
        } elseif ($current === null) {
            $out .= $this->layout->form('send', ['invoiceid' => $id], Html::fill('<button type="submit" class="btn btn-success" id="acu-send">'
                . '<span class="glyphicon glyphicon-send"></span> {t}</button> <span class="text-muted">{h}</span>', [
                't' => Lang::t('send'), 'h' => Lang::t('send_explained'),
            ]));
        } else {
            $credits = Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $id)->where('kind', 'credit')->where('state', 'booked')->count();
            $consequences = '<ul class="acu-consequences">';
            foreach (
                [
                Lang::t('resend_c_trash', (string) $current->invoicenumber, (string) $current->entryid),
                Lang::t('resend_c_new'),
                Lang::t('resend_c_mail'),
                $credits > 0 ? Lang::t('resend_c_credits', (string) $credits) : Lang::t('resend_c_payment'),
                ] as $line
            ) {
                $consequences .= Html::fill('<li>{t}</li>', ['t' => $line]);
            }
            $consequences .= '</ul>';
            $out .= Html::fill('<div class="alert alert-warning acu-resend-box"><strong>{title}</strong>{!list}', [
                'title' => Lang::t('resend_title'), 'list' => $consequences,
            ]);
            $out .= $this->layout->form('resend', ['invoiceid' => $id], Html::fill('<div class="checkbox"><label>'
                . '<input type="checkbox" name="confirm" value="1" id="acu-resend-confirm" required> {c}</label></div>'
                . '<button type="submit" class="btn btn-warning" id="acu-resend"{!dis}><span class="glyphicon glyphicon-refresh"></span> {t}</button>', [
                'c' => Lang::t('resend_confirm_box'), 't' => Lang::t('resend'), 'dis' => $credits > 0 ? ' disabled' : '',
            ]), 'acu-resend-form') . '</div>';
        }
        if (in_array($state, ['failed', 'uncertain', 'queued'], true)) {
            $out .= ' ' . $this->layout->form('retry', ['invoiceid' => $id], Html::fill('<button type="submit" class="btn btn-default">'
                . '<span class="glyphicon glyphicon-repeat"></span> {t}</button>', ['t' => Lang::t('retry')]));
        }
        $out .= Html::fill(' <a class="btn btn-default" id="acu-dryrun-link" href="{href}"><span class="glyphicon glyphicon-eye-open"></span> {t}</a>', [
            'href' => $this->layout->url(['action' => 'dryrun', 'id' => $id]), 't' => Lang::t('dryrun'),
        ]);
        return Layout::panel(Lang::t('actions'), $out . '</div>');
    }

    /** @param list<object> $docs */
    private function documents(array $docs): string
    {
        if ($docs === []) {
            return '';
        }
        $out = Html::fill('<table class="table table-condensed"><thead><tr><th>{a}</th><th>{b}</th><th>{c}</th><th>{d}</th>'
            . '<th>{e}</th><th class="text-right">{f}</th><th>{g}</th><th></th></tr></thead><tbody>', [
            'a' => Lang::t('doc_kind'), 'b' => Lang::t('doc_reason'), 'c' => Lang::t('state'), 'd' => Lang::t('acumulus_number'),
            'e' => Lang::t('entry'), 'f' => Lang::t('amount'), 'g' => Lang::t('sent_at'),
        ]);
        foreach ($docs as $d) {
            $warnings = [];
            foreach ((array) json_decode((string) ($d->warnings ?? ''), true) as $w) {
                if (is_array($w) && isset($w['message'])) {
                    $warnings[] = (string) $w['message'];
                }
            }
            $out .= Html::fill('<tr><td>{kind}</td><td>{reason}</td><td>{!state}</td><td>{num}</td><td>{entry}</td>'
                . '<td class="text-right">{amount}</td><td>{at}</td><td>{!pdf}</td></tr>{!warn}', [
                'kind' => Lang::t('kind_' . (string) $d->kind), 'reason' => (string) $d->reason,
                'state' => Html::stateLabel((string) $d->state, Lang::t('doc_state_' . (string) $d->state)),
                'num' => (string) ($d->invoicenumber ?? ''), 'entry' => (string) ($d->entryid ?? ''),
                'amount' => $d->amount === null ? '' : Format::amount((string) $d->amount),
                'at' => (string) ($d->created_at ?? ''),
                'pdf' => (string) $d->state === 'booked' ? InvoicePanel::pdfLink((string) ($d->token ?? '')) : '',
                'warn' => $warnings === [] ? '' : Html::fill('<tr class="warning"><td></td><td colspan="7" class="small">{w}</td></tr>', [
                    'w' => Lang::t('warnings') . ': ' . implode(' · ', $warnings),
                ]),
            ]);
        }
        return Layout::panel(Lang::t('documents'), $out . '</tbody></table>');
    }
}
