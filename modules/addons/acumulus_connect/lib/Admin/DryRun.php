<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use Throwable;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Acumulus;
use WHMCS\Module\Addon\AcumulusConnect\Context;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;
use WHMCS\Module\Addon\AcumulusConnect\Whmcs;
use WHMCS\Module\Addon\AcumulusConnect\Worker;

/**
 * A dry run of one invoice: what a send would decide (the planner), the
 * document the mapper makes of it, the exact XML that would go to Acumulus
 * (credentials masked by the client), and Acumulus' answer to it in test
 * mode (checked, nothing stored). Nothing is written to the ledger.
 */
final class DryRun
{
    public function __construct(private readonly Layout $layout)
    {
    }

    /**
     * The facts of a dry run, for the page and the tests.
     *
     * @return array{error: ?string, plan: ?array, map: ?array, xml: ?string, answer: ?array}
     */
    public function run(int $invoiceId): array
    {
        $out = ['error' => null, 'plan' => null, 'map' => null, 'xml' => null, 'answer' => null];
        if (!Extension::loaded()) {
            $out['error'] = (string) Extension::problem();
            return $out;
        }
        $invoice = Whmcs::invoice($invoiceId);
        if ($invoice === null) {
            $out['error'] = Lang::t('no_such_invoice');
            return $out;
        }
        $settings = Settings::load();
        $context = new Context();
        $secrets = new Secrets($settings);
        $out['plan'] = \Acumulus\Planner::plan(['send' => null], $invoice, self::ledger($invoiceId), $settings->all(), $context->forPlanner());
        if (!class_exists('Acumulus\\InvoiceMapper') || !class_exists('Acumulus\\Client')) {
            $out['error'] = Lang::t('dryrun_no_mapper');
            return $out;
        }
        try {
            $client = Whmcs::client((int) $invoice['userid']);
            $map = \Acumulus\InvoiceMapper::map($invoice, $client, $settings->all(), $context->forMapper($invoiceId, true));
        } catch (Throwable $e) {
            $out['error'] = Lang::t('dryrun_map_failed', $secrets->scrub($e->getMessage()));
            return $out;
        }
        $out['map'] = $map;
        if ($map['document'] === null) {
            return $out;
        }
        // as the worker sends it: a marker in the internal notes, new at every send
        [$document] = Worker::withMarker($map['document']);
        try {
            $api = Acumulus::client($settings, $context->whmcsVersion(), ['testMode' => true]);
            $out['xml'] = $secrets->scrub($api->requestXml($document));
        } catch (Throwable $e) {
            $out['error'] = Lang::t('dryrun_xml_failed', $secrets->scrub($e->getMessage()));
            return $out;
        }
        if (!$settings->hasCredentials()) {
            $out['answer'] = ['ok' => false, 'message' => Lang::t('check_missing')];
            return $out;
        }
        try {
            $r = $api->invoiceAdd($document);
            $out['answer'] = ['ok' => true, 'status' => $r->status, 'testMode' => $r->testMode, 'main' => $r->main,
                'warnings' => $r->warnings, 'errors' => $r->errors, 'raw' => $secrets->scrub($r->response), 'ms' => intdiv($r->elapsedUs, 1000)];
        } catch (\Acumulus\CallException $e) {
            $errors = property_exists($e, 'errors') ? $e->errors : [];
            $out['answer'] = ['ok' => false, 'message' => $secrets->scrub(Worker::describe($e)), 'errors' => $errors,
                'raw' => $secrets->scrub($e->response)];
        } catch (Throwable $e) {
            $out['answer'] = ['ok' => false, 'message' => $secrets->scrub($e->getMessage())];
        }
        return $out;
    }

    /**
     * What was sent for the invoice, as the planner reads it, without the
     * ledger's one write (a row of the previous module becomes a document
     * on the first real send).
     *
     * @return array{skipped: ?string, documents: list<array<string, mixed>>}
     */
    private static function ledger(int $invoiceId): array
    {
        $row = Capsule::table(Schema::LEDGER)->where('id', $invoiceId)->first();
        $docs = [];
        foreach (Capsule::table(Schema::DOCUMENTS)->where('invoiceid', $invoiceId)->orderBy('id')->get() as $d) {
            $docs[] = [
                'id' => (int) $d->id, 'kind' => (string) $d->kind, 'reason' => (string) $d->reason, 'state' => (string) $d->state,
                'token' => (string) $d->token, 'entryid' => (string) $d->entryid, 'invoicenumber' => (string) $d->invoicenumber,
                'conceptid' => (string) $d->conceptid, 'paymentstatus' => $d->paymentstatus === null ? null : (int) $d->paymentstatus,
                'accountnumber' => (string) $d->accountnumber, 'hash' => (string) $d->hash,
                'amount' => $d->amount === null ? null : (string) $d->amount, 'of' => $d->of_document === null ? null : (int) $d->of_document,
            ];
        }
        if ($docs === [] && $row !== null && (string) $row->token !== '') {
            $docs[] = ['id' => 0, 'kind' => 'invoice', 'reason' => 'legacy', 'state' => 'booked', 'token' => (string) $row->token,
                'entryid' => (string) $row->entryid, 'invoicenumber' => '', 'conceptid' => '', 'paymentstatus' => null,
                'accountnumber' => '', 'hash' => '', 'amount' => null, 'of' => null];
        }
        return ['skipped' => $row !== null && $row->state === 'skipped' ? (string) $row->skipped_reason : null, 'documents' => $docs];
    }

    public function render(int $invoiceId): string
    {
        $r = $this->run($invoiceId);
        $head = Html::fill('<p><a href="{h}">&larr; {t}</a></p><div class="alert alert-info">{i}</div>', [
            'h' => $this->layout->url(['action' => 'invoice', 'id' => $invoiceId]), 't' => Lang::t('back_to_invoice', (string) $invoiceId),
            'i' => Lang::t('dryrun_intro'),
        ]);
        $body = $head;
        if ($r['error'] !== null) {
            $body .= Html::fill('<div class="alert alert-danger" id="acu-dryrun-error">{e}</div>', ['e' => $r['error']]);
        }
        if ($r['plan'] !== null) {
            $body .= Layout::panel(Lang::t('dryrun_plan'), $this->plan($r['plan']));
        }
        if ($r['map'] !== null) {
            $body .= Layout::panel(Lang::t('dryrun_mapping'), $this->mapping($r['map']));
        }
        if ($r['xml'] !== null) {
            $body .= Layout::panel(Lang::t('dryrun_xml'), Html::fill('<div class="panel-body"><p class="text-muted">{n}</p>'
                . '<pre class="acu-xml" id="acu-dryrun-xml">{x}</pre><details><summary>{raw_t}</summary><pre class="acu-xml" id="acu-dryrun-raw">{raw}</pre></details></div>', [
                'n' => Lang::t('dryrun_xml_note'), 'x' => self::pretty($r['xml']), 'raw_t' => Lang::t('dryrun_xml_raw'), 'raw' => $r['xml'],
            ]));
        }
        if ($r['answer'] !== null) {
            $body .= Layout::panel(Lang::t('dryrun_answer'), $this->answer($r['answer']), $r['answer']['ok'] ? 'panel-success' : 'panel-danger');
        }
        return $this->layout->page('invoice', Html::fill('<h2 class="acu-h2">{t}</h2>', ['t' => Lang::t('dryrun_title', (string) $invoiceId)]) . $body);
    }

    /** The request indented for reading (the exact bytes are shown too). */
    private static function pretty(string $xml): string
    {
        $doc = new \DOMDocument();
        $doc->preserveWhiteSpace = false;
        $doc->formatOutput = true;
        // our own request: no DTD, nothing loaded from anywhere
        if (!@$doc->loadXML($xml, LIBXML_NONET)) {
            return $xml;
        }
        return (string) $doc->saveXML();
    }

    private function plan(array $plan): string
    {
        $steps = array_map(static fn (array $s): string => (string) ($s['action'] ?? '?'), $plan['steps'] ?? []);
        $text = $steps === [] ? Lang::t('dryrun_plan_nothing') : Lang::t('dryrun_plan_steps', implode(', ', $steps));
        $out = Html::fill('<div class="panel-body" id="acu-dryrun-plan"><p><strong>{t}</strong></p>', ['t' => $text]);
        foreach ((array) ($plan['notes'] ?? []) as $note) {
            $out .= Html::fill('<p class="text-muted">{n}</p>', ['n' => (string) $note]);
        }
        return $out . '</div>';
    }

    private function mapping(array $map): string
    {
        if ($map['document'] === null) {
            return Html::fill('<div class="panel-body"><p class="text-warning" id="acu-dryrun-skip">{t}</p></div>', [
                't' => Lang::t('dryrun_skip', Worker::skipText((string) $map['skip'])),
            ]);
        }
        $vat = (array) ($map['vat'] ?? []);
        $rec = (array) ($map['reconciliation'] ?? []);
        $out = Html::fill('<div class="panel-body"><dl class="dl-horizontal acu-facts">'
            . '<dt>{l_vt}</dt><dd>{vt}</dd><dt>{l_rule}</dt><dd>{rule}</dd><dt>{l_country}</dt><dd>{country}</dd>'
            . '<dt>{l_whmcs}</dt><dd>{whmcs}</dd><dt>{l_booked}</dt><dd>{booked}</dd><dt>{l_corr}</dt><dd>{corr}</dd>'
            . '<dt>{l_concept}</dt><dd>{concept}</dd></dl>', [
            'l_vt' => Lang::t('vat_type'), 'vt' => (string) ($vat['type'] ?? ''), 'l_rule' => Lang::t('vat_rule'), 'rule' => (string) ($vat['rule'] ?? ''),
            'l_country' => Lang::t('country'), 'country' => (string) ($vat['country'] ?? ''),
            'l_whmcs' => Lang::t('whmcs_total'), 'whmcs' => Format::money((string) ($rec['whmcs_total'] ?? ''), (string) ($rec['currency'] ?? '')),
            'l_booked' => Lang::t('booked_total'), 'booked' => Format::money((string) ($rec['booked_total'] ?? ''), 'EUR'),
            'l_corr' => Lang::t('correction'), 'corr' => Format::money((string) ($rec['correction'] ?? '0'), 'EUR'),
            'l_concept' => Lang::t('as_concept'), 'concept' => !empty($map['concept']) ? Lang::t('yes') : Lang::t('no'),
        ]);
        if (!empty($map['warnings'])) {
            $out .= Html::fill('<h5>{t}</h5><ul>', ['t' => Lang::t('warnings')]);
            foreach ($map['warnings'] as $w) {
                $out .= Html::fill('<li>{m} <span class="text-muted">({c})</span></li>', ['m' => (string) ($w['message'] ?? ''), 'c' => (string) ($w['code'] ?? '')]);
            }
            $out .= '</ul>';
        }
        return $out . '</div>';
    }

    private function answer(array $a): string
    {
        if (!$a['ok']) {
            $out = Html::fill('<div class="panel-body" id="acu-dryrun-answer"><p class="text-danger"><strong>{m}</strong></p>', ['m' => (string) ($a['message'] ?? '')]);
        } else {
            $out = Html::fill('<div class="panel-body" id="acu-dryrun-answer"><p><strong>{m}</strong> <span class="text-muted">{ms}</span></p>', [
                'm' => (int) $a['status'] === 0 ? Lang::t('dryrun_accepted') : Lang::t('dryrun_accepted_warnings'),
                'ms' => Lang::t('dryrun_ms', (string) $a['ms']),
            ]);
            $out .= '<dl class="dl-horizontal acu-facts">';
            foreach ((array) $a['main'] as $k => $v) {
                $out .= Html::fill('<dt>{k}</dt><dd>{v}</dd>', ['k' => (string) $k, 'v' => is_scalar($v) ? (string) $v : json_encode($v)]);
            }
            $out .= '</dl>';
        }
        foreach (['errors' => 'text-danger', 'warnings' => 'text-warning'] as $key => $cls) {
            foreach ((array) ($a[$key] ?? []) as $m) {
                $out .= Html::fill('<p class="{c}">{m} <span class="text-muted">[{code} {tag}]</span></p>', [
                    'c' => $cls, 'm' => (string) ($m['message'] ?? ''), 'code' => (string) ($m['code'] ?? ''), 'tag' => (string) ($m['codetag'] ?? ''),
                ]);
            }
        }
        if ((string) ($a['raw'] ?? '') !== '') {
            $out .= Html::fill('<details><summary>{t}</summary><pre class="acu-xml">{r}</pre></details>', ['t' => Lang::t('dryrun_raw'), 'r' => (string) $a['raw']]);
        }
        return $out . '</div>';
    }
}
