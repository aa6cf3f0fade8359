/*
 * The planner: what must happen in Acumulus for one WHMCS invoice.
 *
 * Pure: it reads the facts it is given (the pending triggers, the invoice as
 * GetInvoice returns it, what the ledger knows was sent, the settings and a
 * little context) and returns a plan; it does no I/O and keeps no state. The
 * addon executes the plan's steps in order, records each outcome in the
 * ledger, and asks again until nothing is left to do. Because a plan is
 * derived from the state and not from the history of events, asking twice
 * gives the same answer, and a trigger that arrives twice does nothing more
 * than once (docs/flows.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_HOOKS_H
#define ACUMULUS_HOOKS_H

#include "php.h"

/* Plans the work for one invoice; fills return_value with the plan array, or
 * throws (Acumulus\InvalidArgumentException naming the invoice and field, or
 * ValueError for an unknown trigger) and leaves return_value untouched. */
void acumulus_plan(HashTable *triggers, HashTable *invoice, HashTable *ledger,
		HashTable *settings, HashTable *context, zval *return_value);

/* The hash of what an invoice books (date, tax rates, amounts, items), used
 * to notice an edit after booking; NULL with an exception on bad input. */
zend_string *acumulus_invoice_content_hash(HashTable *invoice);

ZEND_METHOD(Acumulus_Planner, __construct);
ZEND_METHOD(Acumulus_Planner, plan);
ZEND_METHOD(Acumulus_Planner, contentHash);

#endif
