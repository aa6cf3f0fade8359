<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Schema;

/**
 * The first page: how many invoices are booked, queued, failed, uncertain
 * and skipped; the invoices that need attention with their reason in plain
 * words and a retry button each and for all; a running batch; a search box.
 */
final class Dashboard
{
    public function __construct(private readonly Layout $layout)
    {
    }

    /** @return array<string, int> the dashboard's five figures and their parts */
    public static function counts(): array
    {
        $by = [];
        foreach (Capsule::table(Schema::LEDGER)->selectRaw('state, count(*) as n')->groupBy('state')->get() as $r) {
            $by[(string) ($r->state ?? '')] = (int) $r->n;
        }
        $legacy = (int) ($by[''] ?? 0); // rows of the previous module: booked by it
        return [
            'booked' => ($by['booked'] ?? 0) + ($by['paid'] ?? 0) + ($by['credited'] ?? 0) + ($by['concept'] ?? 0) + $legacy,
            'queued' => ($by['queued'] ?? 0) + ($by['sending'] ?? 0),
            'failed' => $by['failed'] ?? 0,
            'uncertain' => $by['uncertain'] ?? 0,
            'skipped' => ($by['skipped'] ?? 0) + ($by['not_booked'] ?? 0),
            'paid' => $by['paid'] ?? 0,
            'credited' => $by['credited'] ?? 0,
            'concept' => $by['concept'] ?? 0,
            'not_booked' => $by['not_booked'] ?? 0,
        ];
    }

    public function render(): string
    {
        $c = self::counts();
        $out = '<div class="row acu-tiles">';
        $tiles = [
            'booked' => ['success', Lang::t('tile_booked_sub', (string) $c['paid'], (string) $c['credited'], (string) $c['concept'])],
            'queued' => ['info', Lang::t('tile_queued_sub')],
            'failed' => ['danger', Lang::t('tile_failed_sub')],
            'uncertain' => ['warning', Lang::t('tile_uncertain_sub')],
            'skipped' => ['default', Lang::t('tile_skipped_sub', (string) $c['not_booked'])],
        ];
        foreach ($tiles as $key => [$tone, $sub]) {
            $out .= Html::fill('<div class="col-sm-6 col-md-2{!first}"><div class="acu-tile acu-tile-{tone}" data-count="{key}">'
                . '<div class="acu-tile-n">{n}</div><div class="acu-tile-label">{label}</div><div class="acu-tile-sub">{sub}</div></div></div>', [
                'first' => $key === 'booked' ? ' col-md-offset-1' : '', 'tone' => $tone, 'key' => $key,
                'n' => number_format($c[$key], 0, '', Lang::t('thousands_separator')), 'label' => Lang::t('state_' . $key), 'sub' => $sub,
            ]);
        }
        $out .= '</div>';

        $out .= $this->runningBatch();
        $out .= '<div class="row"><div class="col-md-8">' . $this->problems() . '</div><div class="col-md-4">'
            . $this->search() . $this->batches() . '</div></div>';
        return $this->layout->page('dashboard', $out);
    }

    private function runningBatch(): string
    {
        $batch = (new BatchStore())->running();
        if ($batch === null) {
            return '';
        }
        $p = (new BatchRunner())->progress((int) $batch->id);
        return Html::fill('<div class="alert alert-info acu-running"><strong>{t}</strong> {d} '
            . '<a class="btn btn-info btn-xs" href="{href}">{open}</a></div>', [
            't' => Lang::t('batch_running_title', (string) $batch->id),
            'd' => Lang::t('batch_running_text', (string) $p['done'], (string) $p['total']),
            'href' => $this->layout->url(['action' => 'batch', 'id' => (int) $batch->id]), 'open' => Lang::t('open'),
        ]);
    }

    private function problems(): string
    {
        $rows = Problems::list(20);
        $total = Problems::count();
        if ($rows === []) {
            return Layout::panel(Lang::t('failures'), Html::fill('<div class="panel-body acu-empty" id="acu-problems">'
                . '<span class="glyphicon glyphicon-ok text-success"></span> {t}</div>', ['t' => Lang::t('no_failures')]));
        }
        $body = '<table class="table table-striped acu-problems" id="acu-problems"><thead><tr>'
            . Html::fill('<th>{a}</th><th>{b}</th><th>{c}</th><th>{d}</th><th></th>', [
                'a' => Lang::t('invoice'), 'b' => Lang::t('client'), 'c' => Lang::t('state'), 'd' => Lang::t('reason'),
            ]) . '</tr></thead><tbody>';
        foreach ($rows as $r) {
            $id = (int) $r->id;
            $retry = $this->layout->form(
                'retry',
                ['invoiceid' => $id, 'return' => 'dashboard'],
                Html::fill(
                    '<button type="submit" class="btn btn-default btn-sm acu-retry" data-invoice="{id}">'
                    . '<span class="glyphicon glyphicon-repeat"></span> {t}</button>',
                    ['id' => $id, 't' => Lang::t('retry')]
                )
            );
            $body .= Html::fill('<tr data-invoice="{id}"><td><a href="{view}">#{id}</a>{!num}</td><td>{client}</td><td>{!label}</td>'
                . '<td class="acu-reason">{reason}<div class="text-muted small">{next}</div></td><td class="text-right">{!retry}</td></tr>', [
                'id' => $id, 'view' => $this->layout->url(['action' => 'invoice', 'id' => $id]),
                'num' => (string) $r->invoicenum !== '' ? Html::fill('<div class="text-muted small">{n}</div>', ['n' => $r->invoicenum]) : '',
                'client' => Format::clientName($r->firstname, $r->lastname, $r->companyname),
                'label' => Html::stateLabel((string) $r->state, Lang::t('state_' . (string) $r->state)),
                'reason' => Problems::reason((string) $r->last_error_kind, (string) $r->last_error, (string) $r->notes),
                'next' => Problems::next((string) $r->state, $r->next_attempt_at === null ? null : (int) $r->next_attempt_at),
                'retry' => $retry,
            ]);
        }
        $body .= '</tbody></table>';
        $all = $this->layout->form(
            'retry_all',
            ['nonce' => bin2hex(random_bytes(16))],
            Html::fill(
                '<button type="submit" class="btn btn-primary btn-sm" id="acu-retry-all">'
                . '<span class="glyphicon glyphicon-repeat"></span> {t}</button>',
                ['t' => Lang::t('retry_all_n', (string) $total)]
            )
        );
        $footer = Html::fill('<div class="panel-footer clearfix"><span class="text-muted">{shown}</span><div class="pull-right">{!all}</div></div>', [
            'shown' => Lang::t('failures_shown', (string) count($rows), (string) $total), 'all' => $all,
        ]);
        return Layout::panel(Lang::t('failures'), $body . $footer, 'panel-danger');
    }

    private function search(): string
    {
        $form = Html::fill('<form method="get" action="{a}" class="panel-body">{!m}{!act}<div class="input-group">'
            . '<input type="text" class="form-control" name="q" placeholder="{ph}" aria-label="{ph}">'
            . '<span class="input-group-btn"><button class="btn btn-default" type="submit">{go}</button></span></div>'
            . '<label class="radio-inline"><input type="radio" name="by" value="id" checked> {id}</label>'
            . '<label class="radio-inline"><input type="radio" name="by" value="invoicenum"> {num}</label></form>', [
            'a' => 'addonmodules.php', 'm' => Html::hidden('module', 'acumulus_connect'), 'act' => Html::hidden('action', 'invoice'),
            'ph' => Lang::t('search_placeholder'), 'go' => Lang::t('search'), 'id' => Lang::t('invoice_id'), 'num' => Lang::t('invoice_number'),
        ]);
        return Layout::panel(Lang::t('single_title'), $form);
    }

    private function batches(): string
    {
        $batches = (new BatchStore())->recent(5);
        $body = Html::fill('<div class="panel-body"><p>{t}</p><a class="btn btn-success" href="{href}">'
            . '<span class="glyphicon glyphicon-send"></span> {new}</a></div>', [
            't' => Lang::t('batch_intro'), 'href' => $this->layout->url(['action' => 'batch']), 'new' => Lang::t('batch_new'),
        ]);
        if ($batches !== []) {
            $body .= '<ul class="list-group">';
            $store = new BatchStore();
            foreach ($batches as $b) {
                $counts = $store->counts((int) $b->id);
                $body .= Html::fill('<a class="list-group-item" href="{href}"><span class="badge">{n}</span>{t} <span class="text-muted small">{when}</span></a>', [
                    'href' => $this->layout->url(['action' => 'batch', 'id' => (int) $b->id]),
                    'n' => (string) ((int) $b->total - $counts['pending']) . ' / ' . (int) $b->total,
                    't' => Lang::t('batch_n', (string) $b->id) . ' · ' . Lang::t('batch_state_' . (string) $b->state),
                    'when' => Format::ago((int) $b->started_at),
                ]);
            }
            $body .= '</ul>';
        }
        return Layout::panel(Lang::t('tab_batch'), $body);
    }
}
