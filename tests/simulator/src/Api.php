<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * The Acumulus API itself: envelope (xmlstring, format, lang, testmode,
 * contract), authentication and roles, and every endpoint the simulator
 * knows. Behaviour follows shared/ref/acumulus-api.md; where that says
 * UNKNOWN, the choice made here is listed in docs/simulator.md.
 */
final class Api
{
    public const VERSION = '1.0';

    private const ANY_ROLE = [1, 2, 3, 4, 5, 6];
    private const API_ROLES = [1, 2, 4, 5, 6];
    private const READERS = [1, 2, 4, 5];

    /**
     * 'group/call' => [handler method, contract: required|optional|none|forbidden, roles allowed].
     * lookup_vatinfo and picklist_companytypes take an optional contract, the
     * PDF downloads none, signup forbids one (acumulus-api.md §1.3).
     */
    public const ENDPOINTS = [
        'general/general_about' => ['about', 'required', self::API_ROLES],
        'general/my_acumulus' => ['myAcumulus', 'required', self::API_ROLES],
        'invoices/invoice_add' => ['invoiceAdd', 'required', self::ANY_ROLE],
        'invoices/invoice_paymentstatus_get' => ['paymentStatusGet', 'required', self::READERS],
        'invoices/invoice_paymentstatus_set' => ['paymentStatusSet', 'required', self::ANY_ROLE],
        'invoices/invoice_mail' => ['invoiceMail', 'required', self::ANY_ROLE],
        'invoices/invoice_get_pdf' => ['invoicePdf', 'none', self::ANY_ROLE],
        'invoices/invoice_concept_info' => ['conceptInfo', 'required', self::READERS],
        'delivery/packing_slip_get_pdf' => ['packingSlipPdf', 'none', self::ANY_ROLE],
        'entry/entry_info' => ['entryInfo', 'required', self::READERS],
        'entry/entry_deletestatus_set' => ['entryDeleteStatusSet', 'required', self::READERS],
        'entry/entry_update' => ['entryUpdate', 'required', self::API_ROLES],
        'picklists/picklist_accounts' => ['picklistAccounts', 'required', self::API_ROLES],
        'picklists/picklist_costcenters' => ['picklistCostCenters', 'required', self::API_ROLES],
        'picklists/picklist_invoicetemplates' => ['picklistInvoiceTemplates', 'required', self::API_ROLES],
        'picklists/picklist_vattypes' => ['picklistVatTypes', 'required', self::API_ROLES],
        'picklists/picklist_contacttypes' => ['picklistContactTypes', 'required', self::API_ROLES],
        'picklists/picklist_companytypes' => ['picklistCompanyTypes', 'optional', self::ANY_ROLE],
        'picklists/picklist_discountprofiles' => ['picklistDiscountProfiles', 'required', self::API_ROLES],
        'picklists/picklist_products' => ['picklistProducts', 'required', self::API_ROLES],
        'lookups/lookup_vatinfo' => ['lookupVatInfo', 'optional', self::ANY_ROLE],
        'reports/report_threshold_eu_ecommerce' => ['reportThreshold', 'required', self::READERS],
        'contacts/contacts_list' => ['contactsList', 'required', self::READERS],
        'contacts/contact_get' => ['contactGet', 'required', self::READERS],
        'stock/stock_add' => ['stockAdd', 'required', self::API_ROLES],
        'signup/signup' => ['signup', 'forbidden', self::ANY_ROLE],
    ];

    /** Calls that honour testmode=1 (nothing they do is kept). */
    private const TESTMODE_CALLS = ['invoices/invoice_add', 'entry/entry_update'];

    /** Customer fields kept on a contact (acumulus-api.md §3.1). */
    private const CUSTOMER_FIELDS = [
        'type', 'vattypeid', 'contactyourid', 'contactstatus', 'companyname1', 'companyname2', 'fullname', 'salutation',
        'address1', 'address2', 'postalcode', 'city', 'country', 'countrycode', 'countryautoname',
        'countryautonamelang',
        'altcompanyname1', 'altcompanyname2', 'altfullname', 'altaddress1', 'altaddress2', 'altpostalcode', 'altcity',
        'altcountry', 'altcountrycode', 'altcountryautoname', 'altcountryautonamelang',
        'website', 'vatnumber', 'telephone', 'telephone2', 'fax', 'email', 'bankaccountnumber', 'mark',
    ];

    private const VATTYPE_NAMES = [
        1 => ['Normal, domestic VAT', 'Normaal, Nederlandse btw'],
        2 => ['Domestic reverse charge', 'Btw verlegd binnen Nederland'],
        3 => ['Reverse charge within the EU', 'Btw verlegd naar ondernemer in de EU'],
        4 => ['Export outside the EU', 'Export buiten de EU'],
        5 => ['Margin scheme', 'Margeregeling'],
        6 => ['Foreign EU VAT (OSS)', 'Buitenlandse btw binnen de EU (OSS)'],
        7 => ['Foreign VAT outside the EU', 'Buitenlandse btw buiten de EU'],
    ];

    public function __construct(
        private readonly Store $store,
        private readonly Config $config,
        private readonly Log $log,
    ) {
    }

    /** 'group/call' for an API path (/acumulus/stable/group/call.php), or null when the path is not an API call. */
    public static function endpointOf(string $path): ?string
    {
        if (preg_match('#^/acumulus/(?:stable|dev)/([a-z_]+)/([a-z_]+)\.php$#', $path, $m) !== 1) {
            return null;
        }
        $ep = $m[1] . '/' . $m[2];
        return isset(self::ENDPOINTS[$ep]) ? $ep : null;
    }

    /**
     * Handles one API request. $vars are the query and form variables; the
     * whole request XML is $vars['xmlstring'].
     */
    public function handle(string $endpoint, array $vars, bool $dryRun = false): HttpResponse
    {
        [, $authMode] = self::ENDPOINTS[$endpoint];
        $xml = isset($vars['xmlstring']) && is_string($vars['xmlstring']) ? $vars['xmlstring'] : null;
        unset($vars['xmlstring']);
        $root = null;
        $varFormat = self::choice($vars['format'] ?? null, ['xml', 'json'], 'xml');
        $varLang = self::choice($vars['lang'] ?? null, ['en', 'nl'], 'en');

        if ($xml === null || trim($xml) === '') {
            if ($authMode !== 'none') {
                return $this->envelopeError('SIMXML002', [], $varFormat, $varLang);
            }
        } else {
            if ($this->config->get('strip_backslashes')) {
                $xml = stripslashes($xml);
            }
            $root = self::parseXml($xml, $why);
            if ($root === null) {
                // The format tag was never read: the answer is XML whatever was asked (§2.3).
                return $this->envelopeError('SIMXML001', [$why], 'xml', $varLang);
            }
        }

        $format = self::choice($root === null ? null : Call::text($root, 'format'), ['xml', 'json'], $varFormat);
        $lang = self::choice($root === null ? null : Call::text($root, 'lang'), ['en', 'nl'], $varLang);
        $testRaw = $root === null ? null : Call::text($root, 'testmode');
        $testRaw ??= is_string($vars['testmode'] ?? null) ? $vars['testmode'] : '0';
        $call = new Call($endpoint, $root, $vars, $format, $lang, trim($testRaw) === '1', $this->config->today());
        $call->rollback = $dryRun;

        [$method, , $roles] = self::ENDPOINTS[$endpoint];
        $this->store->begin();
        try {
            $this->authenticate($call, $authMode, $roles);
            $result = $this->$method($call);
            if ($result instanceof HttpResponse) {
                $this->store->rollBack();
                return $result;
            }
            if ($call->rollback || ($call->testmode && in_array($endpoint, self::TESTMODE_CALLS, true))) {
                $this->store->rollBack();
            } else {
                $this->store->commit();
            }
        } catch (ApiError $e) {
            $this->store->rollBack();
            $call->reply->mainKey = null;
            $call->reply->echo = $e->echo + $call->reply->echo;
            $call->reply->errors[] = Messages::get($e->key, $lang, $e->args);
        } catch (\Throwable $e) {
            $this->store->rollBack();
            $this->log->write('exception in ' . $endpoint . ': ' . get_class($e) . ': ' . $e->getMessage()
                . ' at ' . $e->getFile() . ':' . $e->getLine());
            $call->reply = new Reply();
            $call->reply->status = 3;
            $call->reply->errors[] = Messages::get('SIMEXC500', $lang);
        }
        $inodes = $call->field('inodes');
        $withMain = $inodes === null || strtoupper(trim($inodes)) !== 'NONE';
        return self::replyResponse($call->reply, $format, $withMain);
    }

    public static function replyResponse(Reply $reply, string $format, bool $withMain = true): HttpResponse
    {
        return new HttpResponse(
            $reply->httpStatus(),
            ['Content-Type' => Reply::contentType($format)],
            $reply->body($format, $withMain)
        );
    }

    /** A basic response with status 3 (exception), as the status3 fault gives it. */
    public static function exceptionResponse(string $format, string $lang, int $http): HttpResponse
    {
        $reply = new Reply();
        $reply->status = 3;
        $reply->http = $http;
        $reply->errors[] = Messages::get('SIMEXC500', $lang);
        return self::replyResponse($reply, $format);
    }

    private function envelopeError(string $key, array $args, string $format, string $lang): HttpResponse
    {
        $reply = new Reply();
        $reply->errors[] = Messages::get($key, $lang, $args);
        return self::replyResponse($reply, $format);
    }

    private static function choice(?string $value, array $allowed, string $default): string
    {
        $v = strtolower(trim((string) $value));
        return in_array($v, $allowed, true) ? $v : $default;
    }

    /** The document element, or null with the reason in $why. No DTDs, no entities, no network. */
    private static function parseXml(string $xml, ?string &$why): ?\DOMElement
    {
        $prev = libxml_use_internal_errors(true);
        libxml_clear_errors();
        $doc = new \DOMDocument();
        $ok = $doc->loadXML($xml, LIBXML_NONET | LIBXML_COMPACT);
        $errors = libxml_get_errors();
        libxml_clear_errors();
        libxml_use_internal_errors($prev);
        if (!$ok || $doc->documentElement === null) {
            $first = $errors[0] ?? null;
            $why = $first === null ? 'empty document' : sprintf('line %d: %s', $first->line, trim($first->message));
            return null;
        }
        if ($doc->doctype !== null) {
            $why = 'a document type declaration is not allowed';
            return null;
        }
        return $doc->documentElement;
    }

    private function authenticate(Call $call, string $mode, array $roles): void
    {
        if ($mode === 'none') {
            return;
        }
        $el = Call::child($call->root, 'contract');
        if ($mode === 'forbidden') {
            if ($el !== null) {
                throw new ApiError('SIMAUTH03', [$call->endpoint . '.php']);
            }
            return;
        }
        if ($el === null) {
            if ($mode === 'optional') {
                return;
            }
            throw new ApiError('AF1001MCS');
        }
        $fields = [];
        foreach (['contractcode', 'username', 'password'] as $f) {
            $v = Call::text($el, $f);
            if ($v === null || $v === '') {
                throw new ApiError('SIMAUTH02', [$f]);
            }
            $fields[$f] = $v;
        }
        $user = $this->store->authenticate(trim($fields['contractcode']), $fields['username'], $fields['password']);
        if ($user === null) {
            throw new ApiError('SIMAUTH01');
        }
        if (!in_array($user['roleid'], $roles, true)) {
            throw new ApiError('A8N403GCN', [$call->endpoint . '.php']);
        }
        $call->user = $user;
        $call->contract = $this->store->contract($user['contract']);
    }

    private function now(): string
    {
        return date('Y-m-d H:i:s');
    }

    private static function isId(?string $s): bool
    {
        return $s !== null && preg_match('/^\d{1,18}$/', trim($s)) === 1;
    }

    // ---- general ------------------------------------------------------------

    private function about(Call $call): void
    {
        $roleid = $call->user['roleid'];
        [$nl, $en] = Defaults::ROLES[$roleid];
        $general = [
            'about' => 'Acumulus API simulator ' . self::VERSION
                . ' (test double of the Acumulus web service; not the real service)',
            'role' => $nl,
            'roleid' => (string) $roleid,
            'rolenl' => $nl,
            'roleapi' => $en,
        ];
        if ($this->config->get('about_tree')) {
            $general['tree'] = 'stable';
        }
        $call->reply->mainKey = 'general';
        $call->reply->main = $general;
        if ($roleid <= 3) {
            $call->warn('XUPR7NEC8');
        }
    }

    private function myAcumulus(Call $call): void
    {
        $c = $call->contract;
        $entries = $this->store->countEntries($call->contractCode());
        $max = (int) ($c['maxentries'] ?? 0);
        $co = $c['company'];
        $call->reply->mainKey = 'mydata';
        $call->reply->main = [
            'mycontractcode' => $call->contractCode(),
            'mycompanyname' => (string) $co['mycompanyname'],
            'mycontactperson' => (string) $co['mycontactperson'],
            'myaddress' => (string) $co['myaddress'],
            'mypostalcode' => (string) $co['mypostalcode'],
            'mycity' => (string) $co['mycity'],
            'mytelephone' => (string) $co['mytelephone'],
            'myemail' => (string) $co['myemail'],
            'myiban' => (string) $co['myiban'],
            'mysepamandatenr' => (string) $co['mysepamandatenr'],
            'mycontractenddate' => (string) $co['mycontractenddate'],
            'mysalutation' => (string) $co['mysalutation'],
            'myemailstatusid' => (string) $co['myemailstatusid'],
            'myemailstatusreferenceid' => (string) $co['myemailstatusreferenceid'],
            'myvatnumber' => (string) $co['myvatnumber'],
            'mystatusid' => (string) $co['mystatusid'],
            'myentries' => (string) $entries,
            'mymaxentries' => $max > 0 ? (string) $max : '-1',
            'myentriesleft' => $max > 0 ? (string) max(0, $max - $entries) : '-1',
            'mydebt' => (string) $co['mydebt'],
            'mysupport' => '',
        ];
    }

    // ---- invoice_add --------------------------------------------------------

    private function invoiceAdd(Call $call): void
    {
        $code = $call->contractCode();
        $contract = $call->contract;
        $customer = Call::child($call->root, 'customer') ?? throw new ApiError('SIMINV001');
        $invoice = Call::child($customer, 'invoice') ?? throw new ApiError('SIMINV002');
        $inv = Call::scalars($invoice);
        $cust = Call::scalars($customer);

        $issuedate = trim($inv['issuedate'] ?? '');
        if ($issuedate === '') {
            $issuedate = $call->today;
        } elseif (!Dates::valid($issuedate)) {
            throw new ApiError('SIMINV008', [$issuedate, 'issuedate']);
        }
        $locked = $contract['locked_until'] ?? null;
        if (is_string($locked) && $issuedate <= $locked) {
            throw new ApiError('SIMINV011', [$locked], ['contractcode' => $code]);
        }
        $max = (int) ($contract['maxentries'] ?? 0);
        if ($max > 0 && $this->store->countEntries($code) >= $max) {
            throw new ApiError('SIMINV012', [$max]);
        }

        $vattypeRaw = trim($inv['vattype'] ?? '');
        $vattype = 1;
        if ($vattypeRaw !== '') {
            if (preg_match('/^[1-7]$/', $vattypeRaw) === 1) {
                $vattype = (int) $vattypeRaw;
            } else {
                $call->warn('CE005BVTC', [$vattypeRaw]);
            }
        }
        $country = strtoupper(trim($cust['countrycode'] ?? ''));
        if (!Countries::isValid($country)) {
            $country = 'NL';
        }

        // lines, amounts and rates
        $lineEls = Call::children($invoice, 'line');
        if ($lineEls === []) {
            throw new ApiError('SIMINV003');
        }
        $allowed = Vat::allowedRates($vattype, $country, $issuedate);
        if ($allowed === []) {
            throw new ApiError('SIMINV006', [$vattype, $country, $issuedate]);
        }
        $lines = [];
        $totalEx = '0.00';
        $totalVat = '0.00';
        foreach ($lineEls as $i => $lineEl) {
            $line = $this->invoiceLine($lineEl, $i + 1, $vattype, $country, $issuedate, $allowed);
            $totalEx = Money::add($totalEx, $line['amountex']);
            $totalVat = Money::add($totalVat, $line['vatamount']);
            $lines[] = $line;
        }

        // bookkeeping choices
        $costcenterRaw = trim($inv['costcenter'] ?? '');
        $costcenters = $contract['costcenters'];
        $costcenter = $costcenters[0]['costcenterid'] ?? '0';
        if ($costcenterRaw !== '' && self::isId($costcenterRaw)) {
            foreach ($costcenters as $cc) {
                if ($cc['costcenterid'] === $costcenterRaw) {
                    $costcenter = $cc['costcenterid'];
                }
            }
        } elseif ($costcenterRaw !== '') {
            $call->warn('WW83E0ZZ', [$costcenterRaw]);
            foreach ($costcenters as $cc) {
                if (mb_strtolower($cc['costcentername']) === mb_strtolower($costcenterRaw)) {
                    $costcenter = $cc['costcenterid'];
                    break;
                }
            }
        }
        $account = $this->pickAccount($contract, trim($inv['accountnumber'] ?? ''));
        $template = $contract['invoicetemplates'][0]['invoicetemplateid'] ?? '0';
        foreach ($contract['invoicetemplates'] as $t) {
            if ($t['invoicetemplateid'] === trim($inv['template'] ?? '')) {
                $template = $t['invoicetemplateid'];
            }
        }

        $paymentstatus = trim($inv['paymentstatus'] ?? '');
        if ($paymentstatus === '') {
            $paymentstatus = '1';
        } elseif ($paymentstatus !== '1' && $paymentstatus !== '2') {
            throw new ApiError('SIMPAY001', [$paymentstatus]);
        }
        $paymentdate = trim($inv['paymentdate'] ?? '');
        if ($paymentstatus === '2') {
            if ($paymentdate === '') {
                $paymentdate = $issuedate;
            } elseif (!Dates::inPaymentRange($paymentdate)) {
                throw new ApiError('DATE590ZW.range', [$paymentdate]);
            }
        } else {
            $paymentdate = '';
        }

        // the invoice number
        $numberRaw = trim($inv['number'] ?? '');
        $year = (int) substr($this->config->get('number_year') === 'issuedate' ? $issuedate : $call->today, 0, 4);
        if ($numberRaw !== '') {
            if (preg_match('/^[1-9]\d{0,17}$/', $numberRaw) !== 1) {
                throw new ApiError('SIMINV009', [$numberRaw]);
            }
            if ($this->store->isNumberUsed($code, $numberRaw) && $this->config->get('duplicate_number') === 'error') {
                throw new ApiError('SIMINV010', [$numberRaw]);
            }
            $number = $numberRaw;
            $this->store->markNumberUsed($code, $number);
        } else {
            $number = $this->store->nextNumber($code, $year, true);
        }

        $existing = $call->testmode ? $this->existingContact($code, $customer) : null;
        $contactid = $this->resolveContact($call, $customer);
        $concept = trim($inv['concept'] ?? '') === '1';
        $now = $this->now();
        $data = [
            'customer' => $cust,
            'invoice' => $inv,
            'lines' => $lines,
            'emailaspdf' => Call::scalars(Call::child($invoice, 'emailaspdf')),
            'connector' => Call::scalars(Call::child($call->root, 'connector')),
            'total_ex' => $totalEx,
            'total_vat' => $totalVat,
            'total_inc' => Money::add($totalEx, $totalVat),
            'vattype' => $vattype,
            'number' => $number,
            'warnings' => array_column($call->reply->warnings, 'codetag'),
        ];
        $main = [
            'invoicenumber' => $number,
            'token' => '',
            'entryid' => '',
            'contactid' => (string) $contactid,
            'conceptid' => '',
        ];
        if ($concept) {
            $main['conceptid'] = (string) $this->store->addConcept($code, $number, $contactid, $data, $now);
        } else {
            $token = self::token();
            $entryId = $this->store->addEntry([
                'contract' => $code,
                'token' => $token,
                'invoicenumber' => $number,
                'issuedate' => $issuedate,
                'vattype' => $vattype,
                'countrycode' => $country,
                'contactid' => $contactid,
                'conceptid' => null,
                'paymentstatus' => (int) $paymentstatus,
                'paymentdate' => $paymentdate,
                'total_ex' => self::cents($totalEx),
                'total_vat' => self::cents($totalVat),
                'costcenterid' => $costcenter,
                'accountid' => $account,
                'templateid' => $template,
                'data' => $data,
                'created' => $now,
            ]);
            $main['token'] = $token;
            $main['entryid'] = (string) $entryId;
            $mail = Call::child($invoice, 'emailaspdf');
            if ($mail !== null) {
                $this->sendMail($call, $token, 'invoice_add', $mail, $contactid, '0');
            }
        }

        if ($call->testmode) {
            $answer = $this->config->get('testmode_answer');
            if ($answer === 'none') {
                return;
            }
            if ($answer === 'empty') {
                $main = array_fill_keys(array_keys($main), '');
            } elseif ($answer === 'preview') {
                $main['token'] = '';
                $main['entryid'] = '';
                $main['conceptid'] = '';
                $main['contactid'] = $existing === null ? '' : (string) $existing;
            }
        }
        $call->reply->mainKey = 'invoice';
        $call->reply->main = $main;
    }

    /** One invoice line, validated; amounts computed per acumulus-api.md §4.4. */
    private function invoiceLine(
        \DOMElement $el,
        int $n,
        int $vattype,
        string $country,
        string $date,
        array $allowed
    ): array {
        $f = Call::scalars($el);
        $num = static function (string $name, ?string $default) use ($f, $n): string {
            $raw = $f[$name] ?? null;
            if ($raw === null || trim($raw) === '') {
                if ($default === null) {
                    throw new ApiError('SIMINV004', [(string) $raw, $name, $n]);
                }
                return $default;
            }
            if (!Money::isDecimal($raw)) {
                throw new ApiError('SIMINV004', [$raw, $name, $n]);
            }
            return Money::parse($raw);
        };
        $unitprice = Money::round($num('unitprice', null), 4);
        $quantity = Money::round($num('quantity', '1'), 2);
        $rate = $num('vatrate', '21');
        $ok = false;
        foreach ($allowed as $a) {
            if (Money::cmp($a, $rate) === 0) {
                $ok = true;
            }
        }
        if (!$ok) {
            $shown = $f['vatrate'] ?? '21';
            throw new ApiError('SIMINV005', [$shown, $n, $vattype, $country, $date, implode(', ', $allowed)]);
        }
        $costprice = null;
        if ($vattype === 5) {
            if (!isset($f['costprice']) || trim($f['costprice']) === '') {
                throw new ApiError('SIMINV007', [$n]);
            }
            $costprice = Money::round($num('costprice', null), 2);
        }
        $taxed = Money::cmp($rate, '0') > 0;
        if ($vattype === 5) {
            // Margin scheme: unitprice includes VAT; VAT is due on the margin only.
            $inc = Money::round(Money::mul($unitprice, $quantity), 2);
            $margin = Money::round(Money::mul(Money::sub($unitprice, $costprice, 4), $quantity), 2);
            $vat = ($taxed && Money::cmp($margin, '0') > 0)
                ? Money::div(Money::mul($margin, $rate), Money::add('100', $rate, 4), 2)
                : '0.00';
            $ex = Money::sub($inc, $vat);
        } else {
            $ex = Money::round(Money::mul($unitprice, $quantity), 2);
            $vat = $taxed ? Money::div(Money::mul($ex, $rate), '100', 2) : '0.00';
        }
        return [
            'itemnumber' => $f['itemnumber'] ?? '',
            'product' => $f['product'] ?? '',
            'nature' => $f['nature'] ?? '',
            'unitprice' => $unitprice,
            'quantity' => $quantity,
            'vatrate' => Money::format($rate, 4),
            'costprice' => $costprice,
            'amountex' => $ex,
            'vatamount' => $vat,
            'fields' => $f,
        ];
    }

    private function pickAccount(array $contract, string $raw): string
    {
        $first = null;
        foreach ($contract['accounts'] as $a) {
            if ($a['accountstatus'] !== '1') {
                continue;
            }
            $first ??= $a['accountid'];
            if ($raw !== '' && $a['accountid'] === $raw) {
                return $a['accountid'];
            }
        }
        if (preg_match('/^-\d+$/', $raw) === 1) {
            return $raw; // negative ids: "outside Acumulus"
        }
        return $first ?? '0';
    }

    private static function token(): string
    {
        $chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
        $out = '';
        for ($i = 0; $i < 32; $i++) {
            $out .= $chars[random_int(0, 61)];
        }
        return $out;
    }

    private static function cents(string $amount): int
    {
        return (int) bcmul($amount, '100', 0);
    }

    private static function amount(int $cents): string
    {
        return bcdiv((string) $cents, '100', 2);
    }

    /** The contact an invoice_add would attach to without creating one (for the test-mode preview). */
    private function existingContact(string $contract, \DOMElement $customer): ?int
    {
        $id = Call::text($customer, 'contactid');
        if (self::isId($id) && $this->store->contact($contract, (int) $id) !== null) {
            return (int) $id;
        }
        $email = mb_strtolower(trim(Call::text($customer, 'email') ?? ''));
        if ($email !== '') {
            $m = $this->store->contactsByEmail($contract, $email);
            if ($m !== []) {
                return $m[0]['id'];
            }
        }
        return null;
    }

    /**
     * The contact of an invoice: an existing contactid, else the contact with
     * the same e-mail address, else a new one. overwriteifexists=1 replaces
     * the details of a matched contact; disableduplicates=1 makes the other
     * contacts with that address inactive.
     */
    private function resolveContact(Call $call, \DOMElement $customer): int
    {
        $code = $call->contractCode();
        $sent = [];
        foreach (Call::scalars($customer) as $k => $v) {
            if (in_array($k, self::CUSTOMER_FIELDS, true)) {
                $sent[$k] = $v;
            }
        }
        foreach (['' => 'country', 'alt' => 'altcountry'] as $prefix => $nameField) {
            $auto = trim($sent[$prefix . 'countryautoname'] ?? '0');
            $cc = strtoupper(trim($sent[$prefix . 'countrycode'] ?? ''));
            if ($cc === '' && $prefix === '') {
                $cc = 'NL';
            }
            if (Countries::isValid($cc) && ($auto === '2' || ($auto === '1' && $cc !== 'NL'))) {
                $lang = strtolower(trim($sent[$prefix . 'countryautonamelang'] ?? '')) ?: 'nl';
                $sent[$nameField] = Countries::name($cc, $lang);
            }
        }
        $status = trim($sent['contactstatus'] ?? '') === '0' ? 0 : 1;
        $type = (int) (preg_match('/^[123]$/', trim($sent['type'] ?? '')) === 1 ? trim($sent['type']) : '1');
        $email = mb_strtolower(trim($sent['email'] ?? ''));
        $overwrite = trim(Call::text($customer, 'overwriteifexists') ?? '') === '1';
        $now = $this->now();

        $contact = null;
        $id = Call::text($customer, 'contactid');
        if (self::isId($id)) {
            $contact = $this->store->contact($code, (int) $id);
        }
        if ($contact === null && $email !== '') {
            $contact = $this->store->contactsByEmail($code, $email)[0] ?? null;
        }
        if ($contact === null) {
            $cid = $this->store->addContact($code, $sent, $status, $type, $now);
        } else {
            $cid = $contact['id'];
            if ($overwrite) {
                $this->store->updateContact($cid, $sent, $status, $type, $now);
            }
        }
        if ($email !== '' && trim(Call::text($customer, 'disableduplicates') ?? '') === '1') {
            foreach ($this->store->contactsByEmail($code, $email) as $other) {
                if ($other['id'] !== $cid && $other['status'] === 1) {
                    $this->store->setContactStatus($other['id'], 0, $now);
                }
            }
        }
        return $cid;
    }

    /** Records an e-mail (the simulator sends none) unless the addresses are missing or invalid (a warning then). */
    private function sendMail(
        Call $call,
        string $token,
        string $source,
        \DOMElement $mail,
        ?int $contactid,
        string $type
    ): void {
        $f = Call::scalars($mail);
        $to = trim($f['emailto'] ?? '');
        if ($to === '' && $source === 'invoice_mail' && $contactid !== null) {
            $to = $this->store->contact($call->contractCode(), $contactid)['email'] ?? '';
        }
        if ($to === '') {
            $call->warn('SIMINV014');
            return;
        }
        $fields = [
            'emailto' => $to,
            'emailbcc' => trim($f['emailbcc'] ?? ''),
            'emailfrom' => trim($f['emailfrom'] ?? ''),
        ];
        foreach ($fields as $field => $list) {
            if ($list === '') {
                continue;
            }
            $addresses = $field === 'emailfrom' ? [$list] : preg_split('/\s*[,;]\s*/', $list, -1, PREG_SPLIT_NO_EMPTY);
            foreach ($addresses as $a) {
                if (filter_var($a, FILTER_VALIDATE_EMAIL) === false) {
                    $call->warn('SIMINV013', [$a, $field]);
                    return;
                }
            }
        }
        $f['emailto'] = $to;
        $f['invoicetype'] = $type;
        $this->store->addMail($call->contractCode(), $token, $source, $f, $this->now());
    }

    // ---- payment status -----------------------------------------------------

    private function paymentStatusGet(Call $call): void
    {
        $token = trim($call->field('token') ?? '');
        $e = $token === '' ? null : $this->store->entryByToken($call->contractCode(), $token);
        if ($e === null) {
            throw new ApiError('7CFBA8K', [$token], ['token' => $token]);
        }
        $call->reply->mainKey = 'invoice';
        $call->reply->main = [
            'entryid' => (string) $e['id'],
            'token' => $e['token'],
            'paymentstatus' => (string) $e['paymentstatus'],
            'paymentdate' => $e['paymentdate'],
        ];
    }

    private function paymentStatusSet(Call $call): void
    {
        $token = trim($call->field('token') ?? '');
        $e = $token === '' ? null : $this->store->entryByToken($call->contractCode(), $token);
        if ($e === null) {
            throw new ApiError('AAB6C3AA', [$token], ['token' => $token]);
        }
        $status = trim($call->field('paymentstatus') ?? '');
        if ($status === '') {
            $status = '1';
        } elseif ($status !== '1' && $status !== '2') {
            throw new ApiError('SIMPAY001', [$status]);
        }
        $date = trim($call->field('paymentdate') ?? '');
        if ($date === '' && $status === '2') {
            throw new ApiError('DATE590ZW');
        }
        if ($date !== '' && !Dates::inPaymentRange($date)) {
            throw new ApiError('DATE590ZW.range', [$date]);
        }
        $this->store->updateEntry($e['id'], ['paymentstatus' => (int) $status, 'paymentdate' => $date]);
        $call->reply->mainKey = 'invoice';
        $call->reply->main = [
            'token' => $e['token'],
            'entryid' => (string) $e['id'],
            'paymentstatus' => $status,
            'paymentdate' => $date,
        ];
    }

    // ---- entries ------------------------------------------------------------

    private function entryFor(Call $call, string $notFoundKey): array
    {
        $raw = $call->field('entryid');
        if ($raw === null || trim($raw) === '') {
            throw new ApiError('SIMREQ001', ['entryid']);
        }
        $id = trim($raw);
        $e = self::isId($id) ? $this->store->entry($call->contractCode(), (int) $id) : null;
        if ($e === null) {
            throw new ApiError($notFoundKey, [$id], ['entryid' => $id]);
        }
        return $e;
    }

    private function entryInfo(Call $call): void
    {
        $e = $this->entryFor($call, 'XGYBSN000');
        $d = $e['data'];
        $vt = $e['vattype'];
        $nl = $call->lang === 'nl';
        $call->reply->mainKey = 'entry';
        $call->reply->main = [
            'entryid' => (string) $e['id'],
            'token' => $e['token'],
            'entrydate' => $e['issuedate'],
            'entrytype' => $nl ? 'Verkoopfactuur' : 'Sales invoice',
            'entrytypeid' => '1',
            'entrydescription' => (string) ($d['invoice']['description'] ?? ''),
            'entrynote' => (string) ($d['invoice']['invoicenotes'] ?? ''),
            'fiscaltype' => '1',
            'vatreversecharge' => in_array($vt, [2, 3], true) ? '1' : '0',
            'foreigneu' => in_array($vt, [3, 6], true) ? '1' : '0',
            'foreignnoneu' => in_array($vt, [4, 7], true) ? '1' : '0',
            'marginscheme' => $vt === 5 ? '1' : '0',
            'foreignvat' => in_array($vt, [6, 7], true) ? '1' : '0',
            'contactid' => (string) ($e['contactid'] ?? ''),
            'accountnumber' => $e['accountid'],
            'costcenterid' => $e['costcenterid'],
            'costheadingid' => '0',
            'invoicenumber' => $e['invoicenumber'],
            'invoicenote' => (string) ($d['invoice']['invoicenotes'] ?? ''),
            'descriptiontext' => (string) ($d['invoice']['descriptiontext'] ?? ''),
            'invoicelayoutid' => $e['templateid'],
            'totalvalueexclvat' => self::amount($e['total_ex']),
            'totalvalue' => self::amount($e['total_ex'] + $e['total_vat']),
            'totalvalueforeignvat' => in_array($vt, [6, 7], true) ? self::amount($e['total_vat']) : '0.00',
            'paymenttermdays' => (string) ($call->contract['paymenttermdays'] ?? 14),
            'paymentdate' => $e['paymentdate'],
            'paymentstatus' => (string) $e['paymentstatus'],
            'deleted' => $e['deleted'],
        ];
    }

    private function entryDeleteStatusSet(Call $call): void
    {
        $status = trim($call->field('entrydeletestatus') ?? '');
        if ($status === '') {
            throw new ApiError('XCM7ELO14');
        }
        if ($status !== '0' && $status !== '1') {
            throw new ApiError('XCM7ELO12');
        }
        $e = $this->entryFor($call, 'P2XFELO12');
        $isDeleted = $e['deleted'] !== Store::NOT_DELETED;
        if ($isDeleted === ($status === '1')) {
            throw new ApiError('P2XFELO12', [(string) $e['id']], ['entryid' => (string) $e['id']]);
        }
        $this->store->updateEntry($e['id'], ['deleted' => $status === '1' ? $this->now() : Store::NOT_DELETED]);
        $call->reply->mainKey = 'entry';
        $call->reply->main = ['entryid' => (string) $e['id'], 'entryproc' => $status === '1' ? 'removed' : 'recovered'];
    }

    private function entryUpdate(Call $call): void
    {
        $e = $this->entryFor($call, 'XGYBSN000');
        $code = $call->contractCode();
        $set = [];
        $data = $e['data'];
        $v = $call->field('paymentstatus');
        if ($v !== null && trim($v) !== '') {
            if (!in_array(trim($v), ['1', '2'], true)) {
                throw new ApiError('SIMPAY001', [$v]);
            }
            $set['paymentstatus'] = (int) trim($v);
        }
        $v = $call->field('paymentdate');
        if ($v !== null && trim($v) !== '') {
            if (!Dates::inPaymentRange(trim($v))) {
                throw new ApiError('DATE590ZW.range', [$v]);
            }
            $set['paymentdate'] = trim($v);
        }
        $checks = [
            'accountnumber' => ['accountid', $call->contract['accounts'], 'accountid', true],
            'costcenterid' => ['costcenterid', $call->contract['costcenters'], 'costcenterid', false],
            'invoicelayoutid' => ['templateid', $call->contract['invoicetemplates'], 'invoicetemplateid', false],
        ];
        foreach ($checks as $field => [$column, $list, $key, $activeOnly]) {
            $v = $call->field($field);
            if ($v === null || trim($v) === '') {
                continue;
            }
            $v = trim($v);
            $found = false;
            foreach ($list as $item) {
                if ($item[$key] === $v && (!$activeOnly || $item['accountstatus'] === '1')) {
                    $found = true;
                }
            }
            if (!$found && !($field === 'accountnumber' && preg_match('/^-\d+$/', $v) === 1)) {
                throw new ApiError('SIMUPD001', [$v, $field]);
            }
            $set[$column] = $v;
        }
        $v = $call->field('contactid');
        if ($v !== null && trim($v) !== '') {
            if (!self::isId($v) || $this->store->contact($code, (int) trim($v)) === null) {
                throw new ApiError('SIMUPD001', [$v, 'contactid']);
            }
            $set['contactid'] = (int) trim($v);
        }
        $file = $call->field('entryfile');
        if ($file !== null && trim($file) !== '') {
            $bytes = base64_decode(trim($file), true);
            if ($bytes === false) {
                throw new ApiError('SIMUPD001', ['(base64)', 'entryfile']);
            }
            $data['entryfile'] = [
                'name' => (string) $call->field('entryfilename'),
                'size' => strlen($bytes),
                'sha1' => sha1($bytes),
            ];
            $set['data'] = $data;
        }
        $changed = false;
        foreach ($set as $k => $v) {
            if ($k === 'data' || (string) $e[$k] !== (string) $v) {
                $changed = true;
            }
        }
        if ($changed) {
            $this->store->updateEntry($e['id'], $set);
        }
        $call->reply->mainKey = 'entry';
        $call->reply->main = ['entryid' => (string) $e['id'], 'entryproc' => $changed ? 'updated' : 'no changes made'];
    }

    // ---- mail, pdf, concepts ------------------------------------------------

    private function invoiceMail(Call $call): void
    {
        $token = trim($call->field('token') ?? '');
        $e = $token === '' ? null : $this->store->entryByToken($call->contractCode(), $token);
        if ($e === null) {
            throw new ApiError('TNFE4035G', [], ['token' => $token]);
        }
        $type = trim($call->field('invoicetype') ?? '');
        if ($type === '') {
            $type = '0';
        } elseif ($type !== '0' && $type !== '1') {
            $call->warn('GK6FKHU52', [$type]);
            $type = '0';
        }
        $mail = Call::child($call->root, 'emailaspdf') ?? throw new ApiError('SIMMAIL01');
        $this->sendMail($call, $token, 'invoice_mail', $mail, $e['contactid'], $type);
        $call->reply->mainKey = 'invoice';
        $call->reply->main = ['token' => $token, 'invoicetype' => $type];
    }

    private function invoicePdf(Call $call): HttpResponse|null
    {
        return $this->pdf($call, 'AA69CBAA', false);
    }

    private function packingSlipPdf(Call $call): HttpResponse|null
    {
        return $this->pdf($call, 'ZKFATNF04', true);
    }

    private function pdf(Call $call, string $errorKey, bool $packingSlip): ?HttpResponse
    {
        $token = trim($call->field('token') ?? '');
        $e = preg_match('/^[A-Za-z0-9]{32}$/', $token) === 1 ? $this->store->entryByToken(null, $token) : null;
        if ($e === null) {
            $call->reply->echo['token'] = $token;
            $call->reply->errors[] = Messages::get($errorKey, $call->lang, [$token]);
            // Errors of the PDF calls are XML whatever the format (§3.8).
            return self::replyResponse($call->reply, 'xml');
        }
        $reminder = trim($call->field('invoicetype') ?? '') === '1';
        $d = $e['data'];
        $c = $d['customer'];
        $title = ($packingSlip ? 'Pakbon ' : ($reminder ? 'Herinnering factuur ' : 'Factuur ')) . $e['invoicenumber'];
        $lines = [
            'Datum: ' . $e['issuedate'],
            'Klant: ' . trim(($c['companyname1'] ?? '') . ' ' . ($c['fullname'] ?? '')),
            trim(($c['address1'] ?? '') . ', ' . ($c['postalcode'] ?? '') . ' ' . ($c['city'] ?? ''), ' ,'),
            '',
        ];
        foreach ($d['lines'] as $l) {
            $lines[] = $packingSlip
                ? sprintf('%s x %s', $l['quantity'], $l['product'])
                : sprintf(
                    '%s x %s  a %s  btw %s%%  = %s',
                    $l['quantity'],
                    $l['product'],
                    $l['unitprice'],
                    $l['vatrate'],
                    $l['amountex']
                );
        }
        if (!$packingSlip) {
            $lines[] = '';
            $lines[] = 'Totaal excl. btw: ' . self::amount($e['total_ex']);
            $lines[] = 'Btw: ' . self::amount($e['total_vat']);
            $lines[] = 'Totaal: ' . self::amount($e['total_ex'] + $e['total_vat']);
        }
        $pdf = Pdf::document($title, $lines);
        $name = ($packingSlip ? 'pakbon-' : 'factuur-') . $e['invoicenumber'] . '.pdf';
        return new HttpResponse(200, [
            'Content-Type' => 'application/pdf',
            'Content-Disposition' => 'inline; filename="' . $name . '"',
        ], $pdf);
    }

    private function conceptInfo(Call $call): void
    {
        $raw = trim($call->field('conceptid') ?? '');
        if ($raw === '') {
            throw new ApiError('SIMREQ001', ['conceptid']);
        }
        $min = $call->contract['concept_min_id'] ?? null;
        if (is_int($min) && self::isId($raw) && (int) $raw < $min) {
            throw new ApiError('FGYBSN048', [$raw, (string) $min], ['conceptid' => $raw]);
        }
        $c = self::isId($raw) ? $this->store->concept($call->contractCode(), (int) $raw) : null;
        if ($c === null) {
            throw new ApiError('FGY040XX', [$raw], ['conceptid' => $raw]);
        }
        $ids = array_map('strval', $c['entryids']);
        $call->reply->mainKey = 'concept';
        $call->reply->main = ['conceptid' => (string) $c['id'], 'entryid' => $ids === [] ? '' : $ids];
    }

    // ---- picklists ----------------------------------------------------------

    private function picklist(Call $call, string $plural, string $singular, array $items): void
    {
        $call->reply->mainKey = $plural;
        $call->reply->main = [$singular => array_values($items)];
    }

    private function picklistAccounts(Call $call): void
    {
        $filter = trim($call->field('accountstatus') ?? '');
        $items = array_filter(
            $call->contract['accounts'],
            static fn (array $a): bool => !in_array($filter, ['0', '1'], true) || $a['accountstatus'] === $filter
        );
        $this->picklist($call, 'accounts', 'account', $items);
    }

    private function picklistCostCenters(Call $call): void
    {
        $this->picklist($call, 'costcenters', 'costcenter', $call->contract['costcenters']);
    }

    private function picklistInvoiceTemplates(Call $call): void
    {
        $this->picklist($call, 'invoicetemplates', 'invoicetemplate', $call->contract['invoicetemplates']);
    }

    private function picklistVatTypes(Call $call): void
    {
        $items = [];
        foreach (self::VATTYPE_NAMES as $id => [$en, $nl]) {
            $items[] = [
                'vattypeid' => (string) $id,
                'vattypename' => $call->lang === 'nl' ? $nl : $en,
                'vattypenamenl' => $nl,
            ];
        }
        $this->picklist($call, 'vattypes', 'vattype', $items);
    }

    private function picklistContactTypes(Call $call): void
    {
        $items = [];
        $types = [1 => ['Debtor', 'Debiteur'], 2 => ['Creditor', 'Crediteur'], 3 => ['Relation', 'Relatie']];
        foreach ($types as $id => [$en, $nl]) {
            $items[] = [
                'contacttypeid' => (string) $id,
                'contacttypename' => $call->lang === 'nl' ? $nl : $en,
                'contacttypenamenl' => $nl,
            ];
        }
        $this->picklist($call, 'contacttypes', 'contacttype', $items);
    }

    private function picklistCompanyTypes(Call $call): void
    {
        $types = [
            1 => ['Sole proprietorship', 'Eenmanszaak'],
            2 => ['General partnership', 'Vennootschap onder firma'],
            3 => ['Private limited company', 'Besloten vennootschap'],
            4 => ['Foundation', 'Stichting'],
            5 => ['Association', 'Vereniging'],
        ];
        $items = [];
        foreach ($types as $id => [$en, $nl]) {
            $items[] = [
                'companytypeid' => (string) $id,
                'companytypename' => $call->lang === 'nl' ? $nl : $en,
                'companytypenamenl' => $nl,
            ];
        }
        $this->picklist($call, 'companytypes', 'companytype', $items);
    }

    private function picklistDiscountProfiles(Call $call): void
    {
        $this->picklist($call, 'discountprofiles', 'discountprofile', []);
    }

    private function picklistProducts(Call $call): void
    {
        $filter = mb_strtolower(trim($call->field('filter') ?? ''));
        $tag = trim($call->field('producttagid') ?? '');
        $items = array_filter($call->contract['products'], static function (array $p) use ($filter, $tag): bool {
            if ($tag !== '' && $p['producttagid'] !== $tag) {
                return false;
            }
            if ($filter === '') {
                return true;
            }
            foreach (['productid', 'productdescription', 'productsku', 'productean', 'productprice'] as $k) {
                if (str_contains(mb_strtolower($p[$k]), $filter)) {
                    return true;
                }
            }
            return false;
        });
        $offset = max(0, (int) ($call->field('offset') ?? '0'));
        $rows = (int) ($call->field('rowcount') ?? '0');
        $items = array_slice(array_values($items), $offset, $rows > 0 ? $rows : null);
        $this->picklist($call, 'products', 'product', $items);
    }

    // ---- lookups and reports ------------------------------------------------

    private function lookupVatInfo(Call $call): void
    {
        $country = trim($call->field('vatcountry') ?? '');
        if (!Countries::isValid($country)) {
            throw new ApiError('AA6A45AA', [$country]);
        }
        $date = trim($call->field('vatdate') ?? '');
        if ($date === '') {
            $date = $call->today;
        } elseif (!Dates::valid($date)) {
            throw new ApiError('SIMVAT001', [$date]);
        }
        $call->reply->mainKey = 'vatinfo';
        $call->reply->main = ['vat' => Vat::lookup(strtoupper($country), $date)];
    }

    /**
     * OSS threshold: nltaxed = turnover (ex VAT) of the year invoiced with
     * Dutch VAT (vattype 1) to other EU countries; reached when that plus the
     * foreign-VAT (vattype 6) turnover of the year or of the year before
     * exceeds the threshold. Main key '' (fields at the top level).
     */
    private function reportThreshold(Call $call): void
    {
        $raw = trim($call->field('year') ?? '');
        $year = $raw === '' ? (int) substr($call->today, 0, 4) : null;
        if ($year === null) {
            if (preg_match('/^\d{4}$/', $raw) !== 1) {
                throw new ApiError('SIMREQ002', [$raw, 'year']);
            }
            $year = (int) $raw;
        }
        if ($year < 2021) {
            throw new ApiError('AAC37EAA');
        }
        $threshold = 1000000;
        $sum = function (int $y, bool $nlOnly) use ($call): int {
            $total = 0;
            foreach ($this->store->entriesOfYear($call->contractCode(), $y) as $e) {
                $vt = (int) $e['vattype'];
                $eu = $e['countrycode'] !== 'NL' && Vat::isEu($e['countrycode'], $e['issuedate']);
                if ($eu && ($vt === 1 || (!$nlOnly && $vt === 6))) {
                    $total += (int) $e['total_ex'];
                }
            }
            return $total;
        };
        $nltaxed = $sum($year, true);
        $reached = $sum($year, false) > $threshold || ($year > 2021 && $sum($year - 1, false) > $threshold);
        $call->reply->echo = [
            'year' => (string) $year,
            'threshold' => (string) intdiv($threshold, 100),
            'nltaxed' => self::amount($nltaxed),
            'reached' => $reached ? '1' : '0',
        ];
    }

    // ---- contacts -----------------------------------------------------------

    private function contactView(array $c): array
    {
        $f = $c['fields'];
        return [
            'contactid' => (string) $c['id'],
            'contacttype' => (string) $c['type'],
            'contactyourid' => (string) ($f['contactyourid'] ?? ''),
            'contactstatus' => (string) $c['status'],
            'contactname1' => (string) ($f['companyname1'] ?? ''),
            'contactname2' => (string) ($f['companyname2'] ?? ''),
            'contactperson' => (string) ($f['fullname'] ?? ''),
            'contactsalutation' => (string) ($f['salutation'] ?? ''),
            'contactaddress1' => (string) ($f['address1'] ?? ''),
            'contactaddress2' => (string) ($f['address2'] ?? ''),
            'contactpostalcode' => (string) ($f['postalcode'] ?? ''),
            'contactcity' => (string) ($f['city'] ?? ''),
            'contactcountrycode' => (string) ($f['countrycode'] ?? ''),
            'contactcountry' => (string) ($f['country'] ?? ''),
            'contactvatnumber' => (string) ($f['vatnumber'] ?? ''),
            'contacttelephone' => (string) ($f['telephone'] ?? ''),
            'contacttelephone2' => (string) ($f['telephone2'] ?? ''),
            'contactfax' => (string) ($f['fax'] ?? ''),
            'contactemail' => (string) ($f['email'] ?? ''),
            'contactwebsite' => (string) ($f['website'] ?? ''),
            'contactmark' => (string) ($f['mark'] ?? ''),
            'contactbankaccountnumber' => (string) ($f['bankaccountnumber'] ?? ''),
            'contactvattypeid' => (string) ($f['vattypeid'] ?? ''),
        ];
    }

    private function contactsList(Call $call): void
    {
        $filter = mb_strtolower(trim($call->field('filter') ?? ''));
        $status = trim($call->field('contactstatus') ?? '2');
        $types = str_split(preg_replace('/[^123]/', '', $call->field('contacttype') ?? '') ?? '');
        $items = [];
        foreach ($this->store->contacts($call->contractCode()) as $c) {
            if (($status === '0' || $status === '1') && (string) $c['status'] !== $status) {
                continue;
            }
            if ($types !== [] && $types !== [''] && !in_array((string) $c['type'], $types, true)) {
                continue;
            }
            $view = $this->contactView($c);
            if ($filter !== '' && !str_contains(mb_strtolower(implode("\n", $view)), $filter)) {
                continue;
            }
            $items[] = $view;
        }
        $offset = max(0, (int) ($call->field('offset') ?? '0'));
        $rows = (int) ($call->field('rowcount') ?? '0');
        $items = array_slice($items, $offset, $rows > 0 ? $rows : null);
        $this->picklist($call, 'contacts', 'contact', $items);
    }

    private function contactGet(Call $call): void
    {
        $raw = trim($call->field('contactid') ?? '');
        if ($raw === '') {
            throw new ApiError('SIMREQ001', ['contactid']);
        }
        $c = self::isId($raw) ? $this->store->contact($call->contractCode(), (int) $raw) : null;
        if ($c === null) {
            throw new ApiError('SIMCON001', [$raw], ['contactid' => $raw]);
        }
        $call->reply->mainKey = 'contact';
        $call->reply->main = $this->contactView($c);
    }

    // ---- stock and signup ---------------------------------------------------

    private function stockAdd(Call $call): void
    {
        $stock = Call::child($call->root, 'stock');
        $get = static fn (string $n): string => trim(Call::text($stock, $n) ?? $call->field($n) ?? '');
        $pid = $get('productid');
        $products = $call->contract['products'];
        foreach ($products as $i => $p) {
            if ($p['productid'] === $pid) {
                $amount = $get('stockamount');
                if (!Money::isDecimal($amount)) {
                    throw new ApiError('SIMREQ002', [$amount, 'stockamount']);
                }
                $old = $p['productstockamount'] === '' ? '0' : $p['productstockamount'];
                $new = Money::add($old, Money::parse($amount));
                $products[$i]['productstockamount'] = $new;
                $contract = $call->contract;
                $contract['products'] = $products;
                $this->store->putContract($contract);
                $call->reply->mainKey = 'stock';
                $call->reply->main = ['productid' => $pid, 'stockamount' => $new];
                return;
            }
        }
        throw new ApiError('AA5B85AA', [], ['productid' => $pid]);
    }

    private function signup(Call $call): void
    {
        $s = Call::child($call->root, 'signup');
        $get = static fn (string $n): string => trim(Call::text($s, $n) ?? '');
        $mandatory = [
            'companyname' => 'AA7E10AA',
            'fullname' => 'AAC8C3AA',
            'loginname' => 'AAFA1AAA',
            'address' => 'AAE9CDAA',
            'postalcode' => 'AAC34DAA',
        ];
        foreach ($mandatory as $f => $tag) {
            if ($get($f) === '') {
                throw new ApiError($tag);
            }
        }
        $dutch = strtoupper($get('countrycode') ?: 'NL') === 'NL';
        if ($dutch && preg_match('/^\d{4}\s?[A-Za-z]{2}$/', $get('postalcode')) !== 1) {
            throw new ApiError('AA6894AA');
        }
        if ($get('city') === '') {
            throw new ApiError('AABC1FAA');
        }
        do {
            $code = (string) random_int(200000, 999999);
        } while ($this->store->contract($code) !== null);
        $pass = substr(self::token(), 0, 16);
        $apiPass = substr(self::token(), 0, 16);
        $contract = Defaults::completeContract(['contractcode' => $code, 'company' => [
            'mycompanyname' => $get('companyname'),
            'mycontactperson' => $get('fullname'),
            'myaddress' => $get('address'),
            'mypostalcode' => $get('postalcode'),
            'mycity' => $get('city'),
            'myemail' => $get('email'),
        ]]);
        $contract['users'] = [
            ['username' => $get('loginname'), 'password' => $pass, 'roleid' => 1],
            ['username' => $get('loginname') . '_api', 'password' => $apiPass, 'roleid' => 5],
        ];
        $this->store->putContract($contract);
        $call->reply->mainKey = 'signup';
        $call->reply->main = [
            'contractcode' => $code,
            'contractloginname' => $get('loginname'),
            'contractpassword' => $pass,
            'contractstartdate' => $call->today,
            'contractenddate' => '',
            'contractapiuserloginname' => $get('loginname') . '_api',
            'contractapiuserpassword' => $apiPass,
        ];
    }

    // ---- for the control interface ------------------------------------------

    /** Turns a concept into a final invoice, as a user would in Acumulus (control API only). */
    public function finalizeConcept(int $conceptId): array
    {
        $this->store->begin();
        try {
            $c = $this->store->conceptById($conceptId) ?? throw new \InvalidArgumentException("no concept $conceptId");
            $d = $c['data'];
            $token = self::token();
            $inv = $d['invoice'];
            $issuedate = trim($inv['issuedate'] ?? '') ?: $this->config->today();
            $number = $c['entryids'] === [] ? $c['invoicenumber']
                : $this->store->nextNumber($c['contract'], (int) substr($this->config->today(), 0, 4), true);
            $contract = $this->store->contract($c['contract']);
            $id = $this->store->addEntry([
                'contract' => $c['contract'],
                'token' => $token,
                'invoicenumber' => $number,
                'issuedate' => $issuedate,
                'vattype' => (int) $d['vattype'],
                'countrycode' => strtoupper(trim($d['customer']['countrycode'] ?? '')) ?: 'NL',
                'contactid' => $c['contactid'],
                'conceptid' => $c['id'],
                'paymentstatus' => trim($inv['paymentstatus'] ?? '') === '2' ? 2 : 1,
                'paymentdate' => trim($inv['paymentstatus'] ?? '') === '2'
                    ? (trim($inv['paymentdate'] ?? '') ?: $issuedate)
                    : '',
                'total_ex' => self::cents($d['total_ex']),
                'total_vat' => self::cents($d['total_vat']),
                'costcenterid' => $contract['costcenters'][0]['costcenterid'] ?? '0',
                'accountid' => $this->pickAccount($contract, trim($inv['accountnumber'] ?? '')),
                'templateid' => $contract['invoicetemplates'][0]['invoicetemplateid'] ?? '0',
                'data' => $d,
                'created' => $this->now(),
            ]);
            $this->store->addConceptEntry($c['id'], $id);
            $this->store->commit();
            return ['conceptid' => $c['id'], 'entryid' => $id, 'token' => $token, 'invoicenumber' => $number];
        } catch (\Throwable $e) {
            $this->store->rollBack();
            throw $e;
        }
    }
}
