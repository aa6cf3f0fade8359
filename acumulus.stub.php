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
}
