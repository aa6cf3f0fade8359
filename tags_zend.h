/*
 * The tag engine bound to WHMCS data: tag values come from the arrays that
 * localAPI GetInvoice and GetClientsDetails return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_TAGS_ZEND_H
#define ACUMULUS_TAGS_ZEND_H

#include "php.h"
#include "tags.h"

typedef struct acumulus_tag_source {
	HashTable *invoice;      /* GetInvoice answer (may be NULL) */
	HashTable *client;       /* GetClientsDetails 'client' (may be NULL) */
	HashTable *field_names;  /* tblcustomfields id => fieldname (may be NULL) */
} acumulus_tag_source;

/* Renders a template. Returns a new string, or NULL with an exception thrown:
 * Acumulus\InvalidArgumentException for data a tag cannot use (named by tag,
 * field and invoice), Acumulus\LengthException when the output would pass
 * max_len bytes. what names the template in messages ("invoice title"). */
zend_string *acumulus_tags_render(const char *what, const char *tpl, size_t len,
		const acumulus_tag_source *src, uint32_t flags, size_t max_len);

#endif
