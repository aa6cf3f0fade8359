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
