<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * What the planner and the mapper need to know about this WHMCS besides the
 * invoice: tax settings, currencies, custom field names, today. Read once per
 * worker (one query per table), not per invoice.
 */
final class Context
{
    /** @var array<string, string> tblconfiguration values read */
    private array $config;
    /** @var list<array{code: string, rate: string}> */
    private array $currencies;
    /** @var array<int, string> client custom field id => name */
    private array $customFields;
    private string $today;
    private bool $invoiceData;

    public function __construct(?string $today = null)
    {
        $this->invoiceData = Capsule::schema()->hasTable('tblinvoicedata');
        $this->config = [];
        $wanted = ['TaxType', 'TaxL2Compound', 'TaxPerLineItem', 'TaxEnabled', 'EnableProformaInvoicing', 'Version'];
        foreach (Capsule::table('tblconfiguration')->whereIn('setting', $wanted)->get(['setting', 'value']) as $row) {
            $this->config[(string) $row->setting] = (string) $row->value;
        }
        $this->currencies = [];
        foreach (Capsule::table('tblcurrencies')->get(['code', 'rate']) as $row) {
            $this->currencies[] = ['code' => (string) $row->code, 'rate' => (string) $row->rate];
        }
        $this->customFields = [];
        foreach (Capsule::table('tblcustomfields')->where('type', 'client')->get(['id', 'fieldname']) as $row) {
            $this->customFields[(int) $row->id] = (string) $row->fieldname;
        }
        $this->today = $today ?? Clock::date('Y-m-d');
    }

    public function today(): string
    {
        return $this->today;
    }

    public function whmcsVersion(): string
    {
        return $this->config['Version'] ?? '';
    }

    /** @return array<int, string> */
    public function customFields(): array
    {
        return $this->customFields;
    }

    /** Proforma invoicing: an invoice gets its number, and is final, when it is paid. */
    public function proforma(): bool
    {
        return strcasecmp($this->config['EnableProformaInvoicing'] ?? '', 'on') === 0;
    }

    /** For Acumulus\Planner::plan(). */
    public function forPlanner(): array
    {
        return ['today' => $this->today, 'proforma' => $this->proforma() ? 'on' : ''];
    }

    /**
     * For Acumulus\InvoiceMapper (docs/mapping.md "Context").
     *
     * @param bool $batch a send by hand or in a batch: no e-mail to the customer
     */
    public function forMapper(int $invoiceId, bool $batch): array
    {
        $ctx = [
            'taxType' => ($this->config['TaxType'] ?? 'Exclusive') === 'Inclusive' ? 'Inclusive' : 'Exclusive',
            'taxL2Compound' => strcasecmp($this->config['TaxL2Compound'] ?? '', 'on') === 0,
            'taxEnabled' => !isset($this->config['TaxEnabled']) || strcasecmp($this->config['TaxEnabled'], 'on') === 0,
            'currencies' => $this->currencies,
            'customFields' => $this->customFields,
            'today' => $this->today,
            'batch' => $batch,
            'whmcsVersion' => $this->whmcsVersion(),
        ];
        if (isset($this->config['TaxPerLineItem'])) {
            $ctx['taxPerLineItem'] = strcasecmp($this->config['TaxPerLineItem'], 'on') === 0;
        }
        $country = $this->invoiceData
            ? Capsule::table('tblinvoicedata')->where('invoice_id', $invoiceId)->value('country')
            : null;
        if (is_string($country) && preg_match('/^[A-Z]{2}$/', $country) === 1) {
            $ctx['invoiceCountry'] = $country;
        }
        $date = Capsule::table('tblinvoices')->where('id', $invoiceId)->value('date');
        $year = is_string($date) && strlen($date) >= 4 ? substr($date, 0, 4) : substr($this->today, 0, 4);
        $oss = Cache::getJson('oss_threshold_' . $year);
        if (is_array($oss) && array_key_exists('reached', $oss)) {
            $ctx['ossThresholdReached'] = (bool) $oss['reached'];
        }
        return $ctx;
    }
}
