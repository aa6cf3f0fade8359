<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * Batch send: the form (date range on invoice date or date paid, status,
 * gateway), the preview (how many, the totals, what is left out and why),
 * the start, the live progress (the page polls batch_step) and the summary.
 */
final class BatchView
{
    public function __construct(private readonly Layout $layout)
    {
    }

    /** @param array<string, mixed> $get */
    public function render(array $get): string
    {
        if (isset($get['id'])) {
            return $this->batch((int) $get['id']);
        }
        $filters = Filters::fromRequest($get);
        $body = $this->form($filters);
        if (!empty($get['preview'])) {
            if (!$filters->valid()) {
                $this->layout->message('danger', Lang::t('batch_bad_range'));
            } else {
                $body .= $this->preview($filters);
            }
        }
        return $this->layout->page('batch', $body);
    }

    private function form(Filters $f): string
    {
        $statuses = ['' => Lang::t('status_any')];
        foreach (array_slice(Filters::STATUSES, 1) as $s) {
            $statuses[$s] = Lang::t('status_' . strtolower(str_replace(' ', '_', $s)));
        }
        $gateways = ['' => Lang::t('gateway_any')] + self::gateways();
        $inner = Html::fill('<div class="row">'
            . '<div class="col-sm-3 form-group"><label for="acu-dateon">{l_on}</label>{!on}</div>'
            . '<div class="col-sm-2 form-group"><label for="acu-from">{l_from}</label><input type="date" class="form-control" id="acu-from" name="from" value="{from}" required></div>'
            . '<div class="col-sm-2 form-group"><label for="acu-to">{l_to}</label><input type="date" class="form-control" id="acu-to" name="to" value="{to}" required></div>'
            . '<div class="col-sm-2 form-group"><label for="acu-status">{l_status}</label>{!status}</div>'
            . '<div class="col-sm-3 form-group"><label for="acu-gateway">{l_gw}</label>{!gw}</div></div>'
            . '<button type="submit" class="btn btn-primary" id="acu-preview"><span class="glyphicon glyphicon-list"></span> {go}</button> '
            . '<span class="help-block acu-inline-help">{help}</span>', [
            'l_on' => Lang::t('batch_date_on'),
            'on' => Html::select('dateon', ['date' => Lang::t('date_invoice'), 'datepaid' => Lang::t('date_paid')], $f->dateOn, 'acu-dateon'),
            'l_from' => Lang::t('from'), 'from' => $f->from, 'l_to' => Lang::t('to'), 'to' => $f->to,
            'l_status' => Lang::t('whmcs_status'), 'status' => Html::select('status', $statuses, $f->status, 'acu-status'),
            'l_gw' => Lang::t('gateway'), 'gw' => Html::select('gateway', $gateways, $f->gateway, 'acu-gateway'),
            'go' => Lang::t('batch_preview'), 'help' => Lang::t('batch_help'),
        ]);
        $form = Html::fill('<form method="get" action="addonmodules.php" class="panel-body acu-batch-form">{!m}{!a}{!p}{!inner}</form>', [
            'm' => Html::hidden('module', 'acumulus_connect'), 'a' => Html::hidden('action', 'batch'), 'p' => Html::hidden('preview', '1'),
            'inner' => $inner,
        ]);
        return Layout::panel(Lang::t('batch_title'), $form);
    }

    private function preview(Filters $f): string
    {
        $sel = (new Selection(Settings::load()))->run($f);
        $send = count($sel['send']);
        $totals = [];
        ksort($sel['totals']);
        foreach ($sel['totals'] as $currency => $cents) {
            $totals[] = Format::money(Format::cents($cents), (string) $currency);
        }
        $body = Html::fill('<div class="panel-body"><div class="row acu-preview-figures">'
            . '<div class="col-sm-3"><div class="acu-figure" id="acu-preview-found"><span>{found}</span>{l_found}</div></div>'
            . '<div class="col-sm-3"><div class="acu-figure acu-figure-send" id="acu-preview-send"><span>{send}</span>{l_send}</div></div>'
            . '<div class="col-sm-3"><div class="acu-figure" id="acu-preview-skip"><span>{skip}</span>{l_skip}</div></div>'
            . '<div class="col-sm-3"><div class="acu-figure" id="acu-preview-total"><span class="acu-figure-money">{total}</span>{l_total}</div></div>'
            . '</div>', [
            'found' => $sel['count'], 'l_found' => Lang::t('preview_found'),
            'send' => $send, 'l_send' => Lang::t('preview_send'),
            'skip' => $sel['count'] - $send, 'l_skip' => Lang::t('preview_skip'),
            'total' => $totals === [] ? '—' : implode(' · ', $totals), 'l_total' => Lang::t('preview_total'),
        ]);
        if ($sel['skips'] !== []) {
            $body .= Html::fill('<h4>{t}</h4><ul class="acu-skips" id="acu-preview-skips">', ['t' => Lang::t('preview_skips_title')]);
            foreach (Selection::REASONS as $reason) {
                if (isset($sel['skips'][$reason])) {
                    $body .= Html::fill('<li data-reason="{r}"><span class="badge">{n}</span> {t}</li>', [
                        'r' => $reason, 'n' => $sel['skips'][$reason], 't' => Lang::t('skip_' . $reason),
                    ]);
                }
            }
            $body .= '</ul>';
        }
        if ($send > BatchStore::MAX_INVOICES) {
            $body .= Html::fill('<div class="alert alert-warning">{t}</div>', ['t' => Lang::t('batch_too_many', (string) BatchStore::MAX_INVOICES)]);
        } elseif ($send > 0) {
            $body .= $this->layout->form(
                'batch_start',
                $f->toArray() + ['nonce' => bin2hex(random_bytes(16))],
                Html::fill('<p class="text-muted">{note}</p><button type="submit" class="btn btn-success btn-lg" id="acu-start">'
                    . '<span class="glyphicon glyphicon-send"></span> {t}</button>', [
                    'note' => Lang::t('batch_start_note'), 't' => Lang::t('batch_start', (string) $send),
                ]),
                'acu-start-form'
            );
        } else {
            $body .= Html::fill('<div class="alert alert-info" id="acu-preview-nothing">{t}</div>', ['t' => Lang::t('batch_nothing')]);
        }
        $body .= '</div>';
        $body .= $this->previewTable($sel['rows']);
        return Layout::panel(Lang::t('preview_title'), $body, 'panel-primary');
    }

    /** @param list<array<string, mixed>> $rows */
    private function previewTable(array $rows): string
    {
        $limit = 100;
        $out = Html::fill('<table class="table table-striped table-condensed acu-preview-table" id="acu-preview-table"><thead><tr>'
            . '<th>{a}</th><th>{b}</th><th>{c}</th><th>{d}</th><th class="text-right">{e}</th><th>{f}</th><th>{g}</th><th>{h}</th></tr></thead><tbody>', [
            'a' => Lang::t('invoice'), 'b' => Lang::t('client'), 'c' => Lang::t('date'), 'd' => Lang::t('date_paid'),
            'e' => Lang::t('total'), 'f' => Lang::t('gateway'), 'g' => Lang::t('whmcs_status'), 'h' => Lang::t('preview_plan'),
        ]);
        // what is left out first: that is what the admin wants to check
        usort($rows, static fn (array $a, array $b): int => [$a['plan'] === 'send', $a['id']] <=> [$b['plan'] === 'send', $b['id']]);
        foreach (array_slice($rows, 0, $limit) as $r) {
            $plan = (string) $r['plan'];
            $out .= Html::fill('<tr class="{cls}"><td><a href="{href}">#{id}</a> <span class="text-muted">{num}</span></td>'
                . '<td class="acu-client">{client}</td><td>{date}</td><td>{paid}</td><td class="text-right">{total}</td><td>{gw}</td>'
                . '<td>{status}</td><td>{!plan}</td></tr>', [
                'cls' => $plan === 'send' ? '' : 'acu-row-skip', 'href' => $this->layout->url(['action' => 'invoice', 'id' => $r['id']]),
                'id' => $r['id'], 'num' => $r['number'], 'client' => $r['client'], 'date' => Format::date((string) $r['date']),
                'paid' => Format::date((string) $r['datepaid']), 'total' => Format::money((string) $r['total'], (string) $r['currency']),
                'gw' => $r['gateway'], 'status' => $r['status'],
                'plan' => $plan === 'send'
                    ? Html::fill('<span class="label label-success">{t}</span>', ['t' => Lang::t('plan_send')])
                    : Html::fill('<span class="label label-default" title="{t}">{s}</span>', ['t' => Lang::t('skip_' . $plan), 's' => Lang::t('plan_skip_' . $plan)]),
            ]);
        }
        $out .= '</tbody></table>';
        if (count($rows) > $limit) {
            $out .= Html::fill('<div class="panel-footer text-muted">{t}</div>', ['t' => Lang::t('preview_more', (string) $limit, (string) count($rows))]);
        }
        return $out;
    }

    /** POST batch_start: the invoices of the filters, as the preview showed them, become a batch. */
    public function start(array $post): string
    {
        $nonce = (string) ($post['nonce'] ?? '');
        if (preg_match('/^[a-f0-9]{32}$/', $nonce) !== 1) {
            $this->layout->message('danger', Lang::t('batch_bad_form'));
            return $this->layout->page('batch', $this->form(Filters::fromRequest($post)));
        }
        $store = new BatchStore();
        $existing = $store->findByNonce($nonce);
        if ($existing !== null) {
            return $this->batch($existing); // the same form posted again (a reload): the same batch
        }
        $filters = Filters::fromRequest($post);
        $sel = (new Selection(Settings::load()))->run($filters);
        if ($sel['send'] === [] || count($sel['send']) > BatchStore::MAX_INVOICES) {
            $this->layout->message('warning', $sel['send'] === [] ? Lang::t('batch_nothing') : Lang::t('batch_too_many', (string) BatchStore::MAX_INVOICES));
            return $this->layout->page('batch', $this->form($filters) . $this->preview($filters));
        }
        $id = $store->create($nonce, 'send', $filters->toArray(), $sel['send'], $sel['skips'], Access::adminId());
        \WHMCS\Module\Addon\AcumulusConnect\Log::activity(sprintf(
            'Acumulus: batch %d started: %d invoices to send (%s to %s)',
            $id,
            count($sel['send']),
            $filters->from,
            $filters->to
        ));
        return $this->batch($id);
    }

    /** POST retry_all: every invoice that needs attention, as a batch (with the same progress bar). */
    public function retryAll(string $nonce): string
    {
        if (preg_match('/^[a-f0-9]{32}$/', $nonce) !== 1) {
            $this->layout->message('danger', Lang::t('batch_bad_form'));
            return (new Dashboard($this->layout))->render();
        }
        $store = new BatchStore();
        $existing = $store->findByNonce($nonce);
        if ($existing !== null) {
            return $this->batch($existing);
        }
        $ids = Problems::ids();
        if ($ids === []) {
            $this->layout->message('info', Lang::t('no_failures'));
            return (new Dashboard($this->layout))->render();
        }
        $id = $store->create($nonce, 'retry', ['retry' => true], $ids, [], Access::adminId());
        return $this->batch($id);
    }

    /** A batch: live progress while it runs (the script polls), the summary when done. */
    private function batch(int $id): string
    {
        $store = new BatchStore();
        $batch = $store->batch($id);
        if ($batch === null) {
            $this->layout->message('danger', Lang::t('batch_not_found'));
            return $this->layout->page('batch', $this->form(Filters::fromRequest([])));
        }
        $runner = new BatchRunner($store);
        $runner->collect($id);
        $p = $runner->progress($id);
        $running = $p['state'] === 'running';
        $filters = (array) json_decode((string) $batch->filters, true);
        $what = (string) $batch->kind === 'retry' ? Lang::t('batch_kind_retry') : Lang::t(
            'batch_filters',
            Format::date((string) ($filters['from'] ?? '')),
            Format::date((string) ($filters['to'] ?? '')),
            ($filters['dateon'] ?? 'date') === 'datepaid' ? Lang::t('date_paid') : Lang::t('date_invoice'),
            (string) ($filters['status'] ?? '') !== '' ? (string) $filters['status'] : Lang::t('status_any'),
            (string) ($filters['gateway'] ?? '') !== '' ? (string) $filters['gateway'] : Lang::t('gateway_any')
        );

        $bar = Html::fill('<div class="progress acu-progress"><div class="progress-bar{!cls}" id="acu-bar" role="progressbar" '
            . 'aria-valuenow="{pct}" aria-valuemin="0" aria-valuemax="100" style="width: {pct}%;"><span id="acu-bar-text">{pct} %</span></div></div>', [
            'cls' => $running ? ' progress-bar-striped active' : ($p['counts']['failed'] + $p['counts']['uncertain'] > 0 ? ' progress-bar-warning' : ' progress-bar-success'),
            'pct' => $p['percent'],
        ]);
        $figures = Html::fill('<div class="row acu-batch-figures">'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure"><span id="acu-done">{done}</span> / <span id="acu-total">{total}</span>{l_done}</div></div>'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure acu-figure-ok"><span id="acu-booked">{booked}</span>{l_booked}</div></div>'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure"><span id="acu-skipped">{skipped}</span>{l_skipped}</div></div>'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure acu-figure-bad"><span id="acu-failed">{failed}</span>{l_failed}</div></div>'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure acu-figure-warn"><span id="acu-later">{later}</span>{l_later}</div></div>'
            . '<div class="col-xs-6 col-sm-2"><div class="acu-figure"><span id="acu-eta">{eta}</span>{l_eta}</div></div></div>', [
            'done' => $p['done'], 'total' => $p['total'], 'l_done' => Lang::t('batch_done'),
            'booked' => $p['counts']['booked'] + $p['counts']['concept'], 'l_booked' => Lang::t('batch_booked'),
            'skipped' => $p['counts']['skipped'], 'l_skipped' => Lang::t('batch_skipped'),
            'failed' => $p['counts']['failed'], 'l_failed' => Lang::t('batch_failed'),
            'later' => $p['counts']['retry'] + $p['counts']['uncertain'], 'l_later' => Lang::t('batch_later'),
            'eta' => $running ? ($p['eta'] === null ? '…' : Format::duration((int) $p['eta'])) : Format::duration((int) $p['elapsed']),
            'l_eta' => $running ? Lang::t('batch_eta') : Lang::t('batch_took'),
        ]);
        $status = Html::fill('<p class="acu-batch-status" id="acu-batch-status" aria-live="polite">{t}</p>', [
            't' => $running ? Lang::t('batch_working') : Lang::t('batch_finished', Format::time((int) $batch->finished_at)),
        ]);
        $config = [
            'batch' => $id,
            'state' => $p['state'],
            'stepUrl' => $this->layout->link(),
            'statusUrl' => $this->layout->url(['action' => 'batch_status', 'id' => $id]),
            'pageUrl' => $this->layout->url(['action' => 'batch', 'id' => $id]),
            'token' => Access::token(),
            'invoiceUrl' => $this->layout->url(['action' => 'invoice']),
            'labels' => ['failed' => Lang::t('outcome_label_failed'), 'retry' => Lang::t('outcome_label_retry'),
                'uncertain' => Lang::t('outcome_label_uncertain')],
            'text' => [
                'working' => Lang::t('batch_working'), 'waiting' => Lang::t('batch_other_page'),
                'finished' => Lang::t('batch_finished_now'), 'error' => Lang::t('batch_poll_error'),
                'expired' => Lang::t('batch_session_expired'), 'nosend' => Lang::t('batch_no_extension'),
                'duration' => ['s' => Lang::t('dur_s'), 'min_s' => Lang::t('dur_min_s'), 'h_min' => Lang::t('dur_h_min'), 'd_h' => Lang::t('dur_d_h')],
            ],
        ];
        $body = Html::fill('<div id="acu-batch" data-config="{config}">{!status}{!bar}{!figures}</div>', [
            'config' => Html::json($config), 'status' => $status, 'bar' => $bar, 'figures' => $figures,
        ]);
        $body .= $this->problemsList($p['problems'], $running);
        if (!$running) {
            $body .= $this->summary($batch, $p);
        }
        $title = Html::fill('<div class="text-muted small acu-batch-what">{w}</div>', ['w' => $what]);
        $panel = Layout::panel(Lang::t('batch_n', (string) $id), '<div class="panel-body">' . $body . '</div>', $running ? 'panel-info' : 'panel-default', $title);
        $back = Html::fill('<p><a href="{h}">&larr; {t}</a></p>', ['h' => $this->layout->url(['action' => 'batch']), 't' => Lang::t('batch_new')]);
        return $this->layout->page('batch', $panel . $back);
    }

    /** @param list<array<string, mixed>> $problems */
    private function problemsList(array $problems, bool $running): string
    {
        $out = Html::fill('<div id="acu-batch-problems"{!hide}><h4>{t}</h4><table class="table table-condensed"><tbody id="acu-problem-rows">', [
            'hide' => $problems === [] ? ' style="display:none"' : '', 't' => Lang::t('batch_problems'),
        ]);
        foreach ($problems as $pr) {
            $out .= Html::fill('<tr><td><a href="{h}">#{id}</a></td><td>{!label}</td><td>{r}</td></tr>', [
                'h' => $this->layout->url(['action' => 'invoice', 'id' => $pr['invoiceid']]), 'id' => $pr['invoiceid'],
                'label' => Html::stateLabel((string) $pr['outcome'], Lang::t('outcome_label_' . (string) $pr['outcome'])),
                'r' => $pr['reason'],
            ]);
        }
        $out .= '</tbody></table>';
        if (!$running && $problems !== []) {
            $out .= $this->layout->form('retry_all', ['nonce' => bin2hex(random_bytes(16))], Html::fill(
                '<button type="submit" class="btn btn-primary btn-sm" id="acu-batch-retry"><span class="glyphicon glyphicon-repeat"></span> {t}</button>',
                ['t' => Lang::t('retry_all')]
            ));
        }
        return $out . '</div>';
    }

    /** @param array<string, mixed> $p */
    private function summary(object $batch, array $p): string
    {
        $c = $p['counts'];
        $lines = [
            ['booked', $c['booked'], Lang::t('sum_booked')],
            ['concept', $c['concept'], Lang::t('sum_concept')],
            ['skipped', $c['skipped'], Lang::t('sum_skipped')],
            ['failed', $c['failed'], Lang::t('sum_failed')],
            ['retry', $c['retry'], Lang::t('sum_retry')],
            ['uncertain', $c['uncertain'], Lang::t('sum_uncertain')],
        ];
        $out = Html::fill('<div class="acu-summary" id="acu-summary"><h4>{t}</h4><table class="table table-condensed acu-summary-table"><tbody>', [
            't' => Lang::t('batch_summary'),
        ]);
        foreach ($lines as [$key, $n, $text]) {
            if ($n > 0 || $key === 'booked') {
                $out .= Html::fill('<tr data-outcome="{k}"><td class="text-right acu-sum-n">{n}</td><td>{t}</td></tr>', ['k' => $key, 'n' => $n, 't' => $text]);
            }
        }
        $skips = (array) json_decode((string) $batch->planned_skips, true);
        foreach (Selection::REASONS as $reason) {
            if (!empty($skips[$reason])) {
                $out .= Html::fill('<tr data-outcome="left-out" class="text-muted"><td class="text-right acu-sum-n">{n}</td><td>{t}</td></tr>', [
                    'n' => (int) $skips[$reason], 't' => Lang::t('sum_left_out', Lang::t('skip_' . $reason)),
                ]);
            }
        }
        $out .= Html::fill('</tbody></table><p class="text-muted">{t}</p></div>', [
            't' => Lang::t('batch_took_text', Format::duration((int) $p['elapsed'])),
        ]);
        return $out;
    }

    /** Payment gateways for the filter: module => name. @return array<string, string> */
    public static function gateways(): array
    {
        $out = [];
        foreach (Capsule::table('tblpaymentgateways')->where('setting', 'name')->orderBy('order')->get(['gateway', 'value']) as $g) {
            $out[(string) $g->gateway] = (string) $g->value;
        }
        foreach (Capsule::table('tblinvoices')->distinct()->where('paymentmethod', '!=', '')->limit(50)->pluck('paymentmethod') as $gw) {
            $out[(string) $gw] ??= (string) $gw; // a gateway no longer active, still on old invoices
        }
        return $out;
    }
}
