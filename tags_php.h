/*
 * The tag engine bound to WHMCS data: tag values come from the arrays that
 * localAPI GetInvoice and GetClientsDetails return. Also the methods of
 * Acumulus\Tags.
 *
 * Convention for every binding file (<concern>_php.c): the ZEND_METHODs of
 * its classes live there and are declared in its header, because the
 * generated acumulus_arginfo.h (static tables) is included by acumulus.c
 * alone, which registers the classes in MINIT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_TAGS_PHP_H
#define ACUMULUS_TAGS_PHP_H

#include "php.h"
#include "tags.h"

typedef struct acumulus_tag_source {
	HashTable *invoice;      /* GetInvoice answer (may be NULL) */
	HashTable *client;       /* GetClientsDetails 'client' (may be NULL) */
	HashTable *field_names;  /* tblcustomfields id => fieldname (may be NULL) */
} acumulus_tag_source;

/* Interns the keys the tags read (MINIT). */
void acumulus_tags_minit(void);

/* Renders a template. Returns a new string, or NULL with an exception thrown:
 * Acumulus\InvalidArgumentException for data a tag cannot use (named by tag,
 * field and invoice), Acumulus\LengthException when the output would pass
 * max_len bytes. what names the template in messages ("invoice title"). */
zend_string *acumulus_tags_render(const char *what, const char *tpl, size_t len,
		const acumulus_tag_source *src, uint32_t flags, size_t max_len);

/* Acumulus\Tags (declared in acumulus.stub.php, registered in acumulus.c) */
ZEND_METHOD(Acumulus_Tags, __construct);
ZEND_METHOD(Acumulus_Tags, render);
ZEND_METHOD(Acumulus_Tags, parse);

#endif
