/*
 * Exception classes: a marker interface Acumulus\Exception, implemented by
 * subclasses of the SPL exceptions, so callers can catch everything of ours
 * with one type or a precise kind with the SPL type they already know.
 * The classes are declared in acumulus.stub.php and registered in MINIT
 * (acumulus.c), which fills in the class entries below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <stdarg.h>

#include "php.h"
#include "zend_exceptions.h"

#include "exceptions.h"

zend_class_entry *acumulus_ce_Exception;
zend_class_entry *acumulus_ce_InvalidArgumentException;
zend_class_entry *acumulus_ce_LengthException;
zend_class_entry *acumulus_ce_RuntimeException;
zend_class_entry *acumulus_ce_UnexpectedValueException;

void acumulus_throw(zend_class_entry *ce, zend_long code, const char *fmt, ...)
{
	va_list ap;
	zend_string *msg;

	va_start(ap, fmt);
	msg = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zend_throw_exception(ce, ZSTR_VAL(msg), code);
	zend_string_release(msg);
}
