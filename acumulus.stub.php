<?php

/**
 * The PHP-visible API of the acumulus extension: the single source of truth.
 * acumulus_arginfo.h is generated from this file (scripts/gen-arginfo) and
 * committed; scripts/suites/10-stub-drift fails when the two disagree.
 *
 * @generate-class-entries
 */

namespace Acumulus {

    /** Implemented by every exception the extension throws. */
    interface Exception extends \Throwable
    {
    }

    /** Input data that cannot be used: the message names the invoice and the field. */
    class InvalidArgumentException extends \InvalidArgumentException implements Exception
    {
    }

    /** A result would be longer than its limit. */
    class LengthException extends \LengthException implements Exception
    {
    }

    /** A failure at run time (transport, the remote service). */
    class RuntimeException extends \RuntimeException implements Exception
    {
    }

    /** An answer that does not have the expected shape. */
    class UnexpectedValueException extends \UnexpectedValueException implements Exception
    {
    }

    /**
     * The {TAG} templates of the addon settings (invoice title, client mark,
     * descriptions, e-mail subject and message).
     *
     * @strict-properties
     * @not-serializable
     */
    final class Tags
    {
        /**
         * Real newlines (CR, LF, CRLF) become the two characters \n, as the
         * Acumulus API wants in descriptiontext, invoicenotes and e-mail message.
         * @var int
         * @cvalue ACU_TAGS_NEWLINES_ESCAPED
         */
        public const NEWLINES_ESCAPED = UNKNOWN;

        /**
         * Real newlines become one space (single-line fields such as a line's product text).
         * @var int
         * @cvalue ACU_TAGS_NEWLINES_TO_SPACE
         */
        public const NEWLINES_TO_SPACE = UNKNOWN;

        /**
         * {TAB} is a tag, and it and real tabs become the two characters \t
         * (invoicenotes only: the one field where Acumulus takes tabs).
         * @var int
         * @cvalue ACU_TAGS_TABS_ESCAPED
         */
        public const TABS_ESCAPED = UNKNOWN;

        /**
         * Real tabs become one space (fields where Acumulus takes no tabs).
         * @var int
         * @cvalue ACU_TAGS_TABS_TO_SPACE
         */
        public const TABS_TO_SPACE = UNKNOWN;

        private function __construct() {}

        /**
         * Fills in the tags of a template from a WHMCS invoice and client.
         *
         * @param array $invoice          localAPI GetInvoice answer
         * @param array $client           localAPI GetClientsDetails 'client'
         * @param array $customFieldNames tblcustomfields id => fieldname, for
         *                                {CLIENT_CUSTOMFIELD:Field Name}
         * @param int|null $maxLength     output limit in bytes; null: the INI
         *                                setting acumulus.tags_max_length
         * @throws InvalidArgumentException a tag's value is an array or object
         * @throws LengthException          the output would pass the limit
         */
        public static function render(
            string $template,
            array $invoice = [],
            array $client = [],
            int $flags = 0,
            array $customFieldNames = [],
            ?int $maxLength = null
        ): string {}

        /**
         * Lists the "{...}" groups of a template, for checking a setting:
         * each as ['tag' => '{USERID}', 'offset' => 5, 'known' => true].
         *
         * @return list<array{tag: string, offset: int, known: bool}>
         */
        public static function parse(string $template, int $flags = 0): array {}
    }

    /**
     * The failure of one API call (abstract). Every subclass carries the two
     * facts a caller needs to decide what to do next:
     *
     *  - outcomeUnknown: the call may have taken effect at Acumulus although
     *    it failed (the request was sent whole and no usable answer came, or
     *    the server said "exception"). Do not resend an invoice_add blindly:
     *    reconcile first.
     *  - retryable: the same request may succeed when sent again later
     *    (network trouble, HTTP 429 or 5xx, a garbled answer). False when
     *    Acumulus refused it or the configuration is wrong.
     *
     * outcomeUnknown: uncertain; else retryable: retry later; else: failed.
     * The exception code is the class's own figure: the CURLcode, the HTTP
     * status, a ResponseException kind or the API status.
     */
    abstract class CallException extends RuntimeException
    {
        /** The endpoint called, e.g. "invoices/invoice_add". */
        public readonly string $endpoint;
        public readonly bool $outcomeUnknown;
        public readonly bool $retryable;
        /** The request XML with contract code, user name and password masked; "" if none was built. */
        public readonly string $request;
        /** The raw answer body; "" if none came. */
        public readonly string $response;
    }

    /**
     * No HTTP answer came: DNS, connect, TLS, a timeout, a reset.
     * sent false: the request never reached the server whole, so nothing
     * can have happened (retry later). sent true: it did, and no answer came
     * (outcome unknown). getCode() is libcurl's CURLcode.
     */
    class TransportException extends CallException
    {
        public readonly bool $sent;
        public readonly int $curlCode;
    }

    /**
     * The TLS handshake failed: the server's certificate could not be
     * verified (wrong CA, wrong host name, expired) or no common protocol.
     * Never sent; retryable only for a handshake that broke off.
     */
    final class TlsException extends TransportException
    {
    }

    /**
     * An HTTP answer without an API body: 429 or 5xx (retry later; a 5xx
     * other than 503 leaves the outcome unknown), a redirect, a 404 page.
     * getCode() is the HTTP status.
     */
    final class HttpException extends CallException
    {
        public readonly int $httpStatus;
        /** Seconds from a Retry-After header, or null. */
        public readonly ?int $retryAfter;
        /** The Location of a redirect (never followed), or "". */
        public readonly string $location;
    }

    /**
     * A 2xx answer that is not a usable API response: empty, an HTML page,
     * not XML (cut off, JSON, garbage), XML that is not a <response>, no
     * valid status, or longer than acumulus.max_response_size. The server
     * may have acted on the request: the outcome is unknown. getCode() is
     * one of the constants below.
     */
    final class ResponseException extends CallException
    {
        /**
         * @var int
         * @cvalue ACU_RESPONSE_EMPTY_BODY
         */
        public const EMPTY_BODY = UNKNOWN;
        /**
         * @var int
         * @cvalue ACU_RESPONSE_HTML_PAGE
         */
        public const HTML_PAGE = UNKNOWN;
        /**
         * @var int
         * @cvalue ACU_RESPONSE_NOT_XML
         */
        public const NOT_XML = UNKNOWN;
        /**
         * @var int
         * @cvalue ACU_RESPONSE_NOT_A_RESPONSE
         */
        public const NOT_A_RESPONSE = UNKNOWN;
        /**
         * @var int
         * @cvalue ACU_RESPONSE_BAD_STATUS
         */
        public const BAD_STATUS = UNKNOWN;
        /**
         * @var int
         * @cvalue ACU_RESPONSE_TOO_LARGE
         */
        public const TOO_LARGE = UNKNOWN;

        public readonly int $httpStatus;
    }

    /**
     * Acumulus refused the credentials or the role: HTTP 403, or an API
     * error whose code is "403 ...". Not retryable until the settings change.
     */
    final class AuthenticationException extends CallException
    {
        public readonly int $httpStatus;
        /** The parsed answer, when it was an API response. */
        public readonly ?Result $result;
        /** @var list<array{code: string, codetag: string, message: string}> */
        public readonly array $errors;
    }

    /**
     * Acumulus answered with status 1 (errors: the request was refused,
     * nothing happened) or 3 (exception: outcome unknown, retry later).
     * getCode() is the status.
     */
    final class ApiException extends CallException
    {
        public readonly Result $result;
        public readonly int $status;
        /** @var list<array{code: string, codetag: string, message: string}> */
        public readonly array $errors;
        /** @var list<array{code: string, codetag: string, message: string}> */
        public readonly array $warnings;
        /** The object asked for does not exist (HTTP 404 with an API body, or a not-found codetag). */
        public readonly bool $notFound;
    }

    /**
     * The answer to one API call.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Result
    {
        public readonly string $endpoint;
        /** 0 success, 2 success with warnings; 1 and 3 only inside an ApiException. */
        public readonly int $status;
        public readonly int $httpStatus;
        /** @var list<array{code: string, codetag: string, message: string}> */
        public readonly array $errors;
        /** @var list<array{code: string, codetag: string, message: string}> */
        public readonly array $warnings;
        /** The endpoint's main element ("invoice", "entry", ...); "" when the fields are at the top; null when unknown. */
        public readonly ?string $mainKey;
        /** That element as an array ([] when absent or empty); lists the endpoint has are always lists. */
        public readonly array $main;
        /** Every child of <response> except status, errors and warnings. */
        public readonly array $data;
        /** The request was sent in test mode: nothing was stored. */
        public readonly bool $testMode;
        /** The request XML with contract code, user name and password masked. */
        public readonly string $request;
        /** The raw answer body. */
        public readonly string $response;
        /** Time on the wire, in microseconds. */
        public readonly int $elapsedUs;

        private function __construct() {}
    }

    /**
     * A client of the Acumulus XML API for one contract.
     *
     * Options: emailOnError, emailOnWarning (strings), testMode (bool),
     * lang ("en"|"nl"), apiUrl (https URL; default INI acumulus.api_url),
     * caFile (absolute path; default INI acumulus.cafile), connectTimeout,
     * timeout (seconds; default INI).
     *
     * Failures are thrown as the CallException subclasses; a bad argument as
     * ValueError/TypeError; a body that cannot become XML as
     * Acumulus\InvalidArgumentException.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Client
    {
        /** @param string $application "WHMCS <version>" */
        public function __construct(
            #[\SensitiveParameter] string $contractCode,
            #[\SensitiveParameter] string $username,
            #[\SensitiveParameter] string $password,
            string $application,
            array $options = []
        ) {}

        /** Any call: $endpoint like "invoices/invoice_add", $body the fields next to the basic submit. */
        public function call(string $endpoint, array $body = []): Result {}

        /**
         * Many calls at once, at most $concurrency at a time. $requests:
         * key => ['endpoint' => string, 'body' => array], as an array or any
         * Traversable (a Generator). Returns the keys in the order given (for
         * a Traversable: the order pulled), each a Result or the
         * CallException (or Acumulus\InvalidArgumentException) of that call;
         * one failure never stops the others. $progress($key, $outcome, $done,
         * $total) is called as each call ends ($total null for a
         * Traversable); returning false starts no further call (of an array,
         * those not started get a TransportException with sent false; a
         * Traversable is not advanced further). A Traversable is pulled from
         * when a transfer slot is free and once more while all are busy (that
         * request starts the moment one frees), and the calls that ended are
         * reported after their slots were filled again: the code that makes
         * the next request and the callback run while the others are in
         * flight. An exception either throws is thrown once the calls in
         * flight have ended and been reported (docs/client.md, "Batch").
         *
         * @return array<int|string, Result|Exception>
         */
        public function callMany(iterable $requests, int $concurrency = 4, ?callable $progress = null): array {}

        /** The request XML for $body as kept for logs (credentials masked). */
        public function requestXml(array $body = []): string {}

        /** Reads an answer as call() would (for logs, replays and tests). */
        public static function parseResponse(string $endpoint, string $body, int $httpStatus = 200): Result {}

        /** general/general_about: checks the credentials; main: about, role, roleid, ... */
        public function about(): Result {}

        /** invoices/invoice_add: $invoice is ['customer' => [..., 'invoice' => [..., 'line' => [...]]]]. */
        public function invoiceAdd(array $invoice): Result {}

        public function paymentStatusGet(string $token): Result {}

        /** $paymentStatus 1 due, 2 paid (then $paymentDate, yyyy-mm-dd, is required). */
        public function paymentStatusSet(string $token, int $paymentStatus, ?string $paymentDate = null): Result {}

        public function entryInfo(int $entryId): Result {}

        /** $deleteStatus 1 moves the entry to the waste bin, 0 restores it. */
        public function entryDeleteStatusSet(int $entryId, int $deleteStatus): Result {}

        /** $fields: paymentstatus, paymentdate, accountnumber, costcenterid, ... */
        public function entryUpdate(int $entryId, array $fields): Result {}

        /** $invoiceType 0 invoice, 1 reminder; $emailAsPdf: emailto, emailbcc, subject, message, ... */
        public function invoiceMail(string $token, array $emailAsPdf, int $invoiceType = 0, ?string $invoiceNotes = null): Result {}

        public function conceptInfo(int $conceptId): Result {}

        /** picklists/picklist_<$name> ("costcenters", "accounts", ...); main[<singular>] is always a list. */
        public function picklist(string $name, array $filters = []): Result {}

        /** lookups/lookup_vatinfo; main['vat'] is always a list. */
        public function vatInfo(string $country, ?string $date = null): Result {}

        /** reports/report_threshold_eu_ecommerce; the fields are at the top (mainKey ""). */
        public function thresholdReport(?int $year = null): Result {}

        /** The URL of an invoice's PDF (no call is made; it needs no credentials). */
        public function invoicePdfUrl(string $token, bool $reminder = false, bool $graphics = true): string {}
    }

    /**
     * Decides what must happen in Acumulus for one WHMCS invoice (docs/flows.md).
     * Pure: no I/O; the addon executes the steps and records their outcome.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Planner
    {
        private function __construct() {}

        /**
         * @param array $triggers trigger name => payload, e.g. ['created' => null,
         *                        'resend' => '<entry id being replaced>']
         * @param array $invoice  localAPI GetInvoice answer
         * @param array $ledger   ['skipped' => ?string, 'documents' => list of what
         *                        was sent: id, kind (invoice|credit), reason, state
         *                        (sending|uncertain|booked|concept|trashed|failed),
         *                        token, entryid, invoicenumber, paymentstatus,
         *                        accountnumber, hash, amount, of]
         * @param array $settings tbladdonmodules values of acumulus_connect
         * @param array $context  ['today' => 'YYYY-MM-DD', 'proforma' => 'on'|'']
         * @return array{steps: list<array>, triggers: array<string, string>, notes: list<string>, hash: ?string}
         */
        public static function plan(array $triggers, array $invoice, array $ledger, array $settings, array $context): array {}

        /** The hash of what an invoice books, to notice an edit after booking. */
        public static function contentHash(array $invoice): string {}
    }

    /**
     * Invoice, client, settings or context data the mapper cannot use. The
     * message names the invoice and the field ("invoice 1042:
     * items.item[2].amount: \"12,50\" is not a decimal amount"); so do the
     * two properties, for the addon's dashboard.
     */
    class InvoiceDataException extends InvalidArgumentException
    {
        /** The WHMCS invoice id, "" when the data did not say. */
        public string $invoiceId = "";

        /** The field, as a path: "items.item[2].amount", "settings.acumulus_customer_type". */
        public string $field = "";
    }

    /**
     * WHMCS invoice -> Acumulus invoice_add document (docs/mapping.md,
     * docs/vat.md). Pure: no I/O, no clock (today comes from the context).
     *
     * @strict-properties
     * @not-serializable
     */
    final class InvoiceMapper
    {
        private function __construct() {}

        /**
         * Maps a WHMCS invoice.
         *
         * @param array $invoice  localAPI GetInvoice answer
         * @param array $client   localAPI GetClientsDetails 'client'
         * @param array $settings tbladdonmodules settings of acumulus_connect,
         *                        setting => value; missing keys take their defaults
         * @param array $context  tax settings, currencies, custom field names,
         *                        today, OSS state, ... (docs/mapping.md "Context")
         * @return array{document: ?array, skip: ?string, concept: bool,
         *               warnings: list<array{code: string, message: string, concept: bool}>,
         *               vat: ?array, reconciliation: ?array}
         * @throws InvoiceDataException data that cannot be used, named by invoice and field
         * @throws InvalidArgumentException a template tag cannot use its value
         * @throws LengthException a template's text passes acumulus.tags_max_length
         */
        public static function map(array $invoice, array $client, array $settings = [], array $context = []): array {}

        /**
         * A credit note (cancellation or refund) for an invoice booked before,
         * made from the document that booking sent: the same customer block,
         * vattype and rates, not today's client data.
         *
         * @param array $original the 'document' map() returned for the original
         * @param array $credit   the facts: date (Y-m-d), amount (null or
         *                        missing: everything; else the refunded amount
         *                        in the invoice currency), acumulusNumber (the
         *                        original's Acumulus invoice number), and
         *                        optionally invoice and client (for the tags),
         *                        currency, number (docs/mapping.md "Credit notes")
         * @return array the same shape as map()
         * @throws InvoiceDataException
         */
        public static function creditNote(array $original, array $credit, array $settings = [], array $context = []): array {}

        /** Every setting the mapper reads, with its default: setting => value. */
        public static function defaultSettings(): array {}

        /**
         * The VAT rates of a country on a date from the built-in table, as
         * decimal strings ("21", "5.5"); with a vattype (1-7) instead the line
         * rates Acumulus accepts for that vattype ("-1" is VAT-free).
         */
        public static function vatRates(string $country, string $date, int $vattype = 0): array {}

        /** The ids of the rows of the VAT decision table (docs/vat.md). */
        public static function vatRules(): array {}
    }
}
