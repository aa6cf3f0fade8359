/*
 * The invoice mapper bound to PHP: Acumulus\InvoiceMapper turns the arrays
 * of localAPI GetInvoice / GetClientsDetails, the addon settings and a
 * context into the invoice_add document (invoice_map.h holds the core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_INVOICE_MAP_PHP_H
#define ACUMULUS_INVOICE_MAP_PHP_H

#include "php.h"

/* Acumulus\InvoiceDataException (a subclass of our InvalidArgumentException
 * with the properties invoiceId and field); registered in acumulus.c. */
extern zend_class_entry *acumulus_ce_InvoiceDataException;

/* Interns the array keys the mapper uses; called once from MINIT. */
void acumulus_invoice_map_minit(void);

/* Acumulus\InvoiceMapper (declared in acumulus.stub.php) */
ZEND_METHOD(Acumulus_InvoiceMapper, __construct);
ZEND_METHOD(Acumulus_InvoiceMapper, map);
ZEND_METHOD(Acumulus_InvoiceMapper, creditNote);
ZEND_METHOD(Acumulus_InvoiceMapper, defaultSettings);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRates);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRules);

#endif
