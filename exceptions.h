/*
 * The exception classes of the extension (declared in acumulus.stub.php) and
 * a helper to throw them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_EXCEPTIONS_H
#define ACUMULUS_EXCEPTIONS_H

#include "php.h"

extern zend_class_entry *acumulus_ce_Exception;                /* interface */
extern zend_class_entry *acumulus_ce_InvalidArgumentException; /* bad input data */
extern zend_class_entry *acumulus_ce_LengthException;          /* output too long */
extern zend_class_entry *acumulus_ce_RuntimeException;         /* runtime failure */
extern zend_class_entry *acumulus_ce_UnexpectedValueException; /* bad answer */

/* Throws ce with a printf-style message; code is the exception code. */
ZEND_ATTRIBUTE_FORMAT(printf, 3, 4)
void acumulus_throw(zend_class_entry *ce, zend_long code, const char *fmt, ...);

#endif
