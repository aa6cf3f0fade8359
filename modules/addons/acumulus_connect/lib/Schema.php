<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Illuminate\Database\Schema\Blueprint;
use WHMCS\Database\Capsule;

/**
 * The addon's tables. Created or extended on activation and upgrade, never
 * dropped: the ledger is the link between WHMCS and the bookkeeping.
 *
 * mod_acumulus_connect keeps the columns of the previous module (id = WHMCS
 * invoice id, token, entryid, timestamps), so a site that ran it keeps the
 * links to the invoices it booked.
 */
final class Schema
{
    public const LEDGER = 'mod_acumulus_connect';
    public const DOCUMENTS = 'mod_acumulus_connect_documents';
    public const EVENTS = 'mod_acumulus_connect_events';
    public const CACHE = 'mod_acumulus_connect_cache';
    /** Batch sends from the admin page: one row per batch, one per invoice in it (Admin\BatchStore). */
    public const BATCHES = 'mod_acumulus_connect_batches';
    public const BATCH_ITEMS = 'mod_acumulus_connect_batch_items';

    /** Creates what is missing; idempotent. Returns what it did, for the log. */
    public static function install(): array
    {
        $did = [];
        $schema = Capsule::schema();

        if (!$schema->hasTable(self::LEDGER)) {
            $schema->create(self::LEDGER, static function (Blueprint $t): void {
                $t->increments('id');               // the WHMCS invoice id
                $t->string('token', 40)->default('');
                $t->string('entryid', 20)->default('');
                $t->timestamps();
            });
            $did[] = 'created ' . self::LEDGER;
        }
        // The previous module (before its 2.0) had no entryid/timestamps.
        $ledgerColumns = [
            'entryid' => static fn (Blueprint $t) => $t->string('entryid', 20)->default(''),
            'created_at' => static fn (Blueprint $t) => $t->timestamp('created_at')->nullable(),
            'updated_at' => static fn (Blueprint $t) => $t->timestamp('updated_at')->nullable(),
            'invoicenumber' => static fn (Blueprint $t) => $t->string('invoicenumber', 32)->nullable(),
            // queued | sending | booked | paid | credited | failed | uncertain | skipped | concept
            'state' => static fn (Blueprint $t) => $t->string('state', 16)->nullable()->index(),
            'skipped_reason' => static fn (Blueprint $t) => $t->string('skipped_reason', 255)->nullable(),
            'attempts' => static fn (Blueprint $t) => $t->integer('attempts')->default(0),
            'next_attempt_at' => static fn (Blueprint $t) => $t->bigInteger('next_attempt_at')->nullable()->index(),
            'last_error' => static fn (Blueprint $t) => $t->text('last_error')->nullable(),
            'last_error_kind' => static fn (Blueprint $t) => $t->string('last_error_kind', 32)->nullable(),
            'warnings' => static fn (Blueprint $t) => $t->text('warnings')->nullable(),
            'notes' => static fn (Blueprint $t) => $t->text('notes')->nullable(),
            'lease_owner' => static fn (Blueprint $t) => $t->string('lease_owner', 64)->nullable(),
            'lease_until' => static fn (Blueprint $t) => $t->bigInteger('lease_until')->nullable(),
        ];
        foreach ($ledgerColumns as $column => $add) {
            if (!$schema->hasColumn(self::LEDGER, $column)) {
                $schema->table(self::LEDGER, static function (Blueprint $t) use ($add): void {
                    $add($t);
                });
                $did[] = 'added ' . self::LEDGER . '.' . $column;
            }
        }

        if (!$schema->hasTable(self::DOCUMENTS)) {
            $schema->create(self::DOCUMENTS, static function (Blueprint $t): void {
                $t->increments('id');
                $t->unsignedInteger('invoiceid')->index();
                $t->string('kind', 8);                  // invoice | credit
                $t->string('reason', 16);               // created, paid, send, resend, rebook, cancel, refund
                // sending | uncertain | booked | concept | trashed | failed
                $t->string('state', 16);
                $t->string('token', 40)->nullable();
                $t->string('entryid', 20)->nullable();
                $t->string('invoicenumber', 32)->nullable();
                $t->string('conceptid', 20)->nullable();
                $t->string('contactid', 20)->nullable();
                $t->tinyInteger('paymentstatus')->nullable();
                $t->string('paymentdate', 10)->nullable();
                $t->string('accountnumber', 20)->nullable();
                $t->string('hash', 64)->nullable();     // content hash of the invoice booked
                $t->string('amount', 24)->nullable();   // gross amount booked or credited, invoice currency
                $t->unsignedInteger('of_document')->nullable(); // credit notes: the invoice document
                $t->tinyInteger('vattype')->nullable();
                $t->string('total', 24)->nullable();    // what Acumulus books, EUR
                $t->mediumText('document')->nullable(); // the document sent (JSON), for credit notes
                $t->text('warnings')->nullable();
                $t->bigInteger('attempt_started')->nullable();
                $t->string('ref', 40)->nullable();      // marker in invoicenotes, to find it after an unknown outcome
                $t->timestamps();
            });
            $did[] = 'created ' . self::DOCUMENTS;
        }

        if (!$schema->hasTable(self::EVENTS)) {
            $schema->create(self::EVENTS, static function (Blueprint $t): void {
                $t->bigIncrements('id');
                $t->unsignedInteger('invoiceid')->index();
                $t->string('trigger', 16);
                $t->string('payload', 64)->nullable();
                $t->bigInteger('created')->default(0);
            });
            $did[] = 'created ' . self::EVENTS;
        }

        if (!$schema->hasTable(self::CACHE)) {
            $schema->create(self::CACHE, static function (Blueprint $t): void {
                $t->string('name', 64)->primary();
                $t->mediumText('value')->nullable();
                $t->bigInteger('updated')->default(0);
            });
            $did[] = 'created ' . self::CACHE;
        }

        if (!$schema->hasTable(self::BATCHES)) {
            $schema->create(self::BATCHES, static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('nonce', 40)->unique();          // the preview form's key: a second post of it is the same batch
                $t->string('kind', 8)->default('send');     // send | retry
                $t->unsignedInteger('admin_id')->default(0);
                $t->text('filters')->nullable();            // JSON: what the admin asked for
                $t->string('state', 16)->default('running'); // running | done
                $t->unsignedInteger('total')->default(0);   // invoices to send
                $t->text('planned_skips')->nullable();      // JSON: reason => count, left out at the start
                $t->bigInteger('work_ms')->default(0);      // time spent sending, for the time left
                $t->bigInteger('runner_until')->nullable(); // one page runs a batch at a time
                $t->bigInteger('started_at')->default(0);
                $t->bigInteger('finished_at')->nullable();
                $t->timestamps();
            });
            $did[] = 'created ' . self::BATCHES;
        }
        if (!$schema->hasTable(self::BATCH_ITEMS)) {
            $schema->create(self::BATCH_ITEMS, static function (Blueprint $t): void {
                $t->unsignedInteger('batch_id');
                $t->unsignedInteger('invoiceid');
                $t->unsignedInteger('seq');
                // null: still to do; booked | concept | skipped | failed | retry | uncertain
                $t->string('outcome', 16)->nullable();
                $t->primary(['batch_id', 'invoiceid']);
                $t->index(['batch_id', 'outcome', 'seq']);
            });
            $did[] = 'created ' . self::BATCH_ITEMS;
        }
        return $did;
    }
}
