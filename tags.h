/*
 * The {TAG} template engine: scanner and one-pass substitution.
 *
 * Zend-free: plain bytes in, an acu_buf out, values supplied by a callback.
 * The extension binds the callback to the GetInvoice/GetClientsDetails arrays
 * (tags_zend.c); the fuzz harness binds it to fixed strings (fuzz/fuzz_tags.c).
 *
 * Rules (see README "Tags"):
 * - A tag is "{", a name, "}". Names are ASCII case-insensitive.
 * - Known names are listed in acu_tag_id, plus CLIENT_CUSTOMFIELDn (n >= 1)
 *   and CLIENT_CUSTOMFIELD:<field name>; TAB only with ACU_TAGS_TABS_ESCAPED.
 * - Substitution is one pass: a value is copied to the output and never
 *   scanned for tags again.
 * - Anything that is not a known tag (unknown names, an unclosed "{", a "{"
 *   inside a tag, a name longer than ACU_TAG_MAX_LEN, a NUL byte in a name)
 *   is copied as written, byte for byte. Invalid UTF-8 passes through.
 * - Values are raw text: escaping for XML belongs to the XML writer.
 * - The per-field newline and tab rules of the Acumulus API are flags and
 *   apply to the whole output, template text and values alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_TAGS_H
#define ACUMULUS_TAGS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef enum acu_tag_id {
	ACU_TAG_USERID,
	ACU_TAG_FIRSTNAME,
	ACU_TAG_LASTNAME,
	ACU_TAG_FULLNAME,
	ACU_TAG_COMPANYNAME,
	ACU_TAG_ADDRESS1,
	ACU_TAG_ADDRESS2,
	ACU_TAG_CITY,
	ACU_TAG_STATE,
	ACU_TAG_POSTCODE,
	ACU_TAG_COUNTRYCODE,
	ACU_TAG_COUNTRY,
	ACU_TAG_PHONENUMBER,
	ACU_TAG_CLIENT_CUSTOMFIELD,       /* {CLIENT_CUSTOMFIELDn}: index = n */
	ACU_TAG_CLIENT_CUSTOMFIELD_NAMED, /* {CLIENT_CUSTOMFIELD:Name}: name */
	ACU_TAG_CLIENT_CURRENCY,
	ACU_TAG_INVOICEID,
	ACU_TAG_INVOICENUMBER,
	ACU_TAG_INVOICEDATE,
	ACU_TAG_INVOICEDUE,
	ACU_TAG_INVOICENOTES,
	ACU_TAG_INVOICESTATUS,
	ACU_TAG_TAB,                      /* only with ACU_TAGS_TABS_ESCAPED */
	ACU_TAG_COUNT_
} acu_tag_id;

/* Longest text between the braces that can still be a tag:
 * "CLIENT_CUSTOMFIELD:" plus a field name of up to ACU_TAG_MAX_FIELD_NAME. */
#define ACU_TAG_MAX_FIELD_NAME 255
#define ACU_TAG_MAX_LEN (19 + ACU_TAG_MAX_FIELD_NAME)

/* Largest n of {CLIENT_CUSTOMFIELDn}. */
#define ACU_TAG_MAX_CUSTOMFIELD_INDEX 999999u

typedef struct acu_tag {
	acu_tag_id id;
	uint32_t index;        /* ACU_TAG_CLIENT_CUSTOMFIELD: 1-based position */
	const char *name;      /* ACU_TAG_CLIENT_CUSTOMFIELD_NAMED: points into */
	size_t name_len;       /* the template; trimmed of spaces, never empty */
} acu_tag;

/* Flags. NEWLINES_ESCAPED and NEWLINES_TO_SPACE exclude each other. */
#define ACU_TAGS_NEWLINES_ESCAPED  (1u << 0) /* CR, LF, CRLF -> the 2 chars \n */
#define ACU_TAGS_NEWLINES_TO_SPACE (1u << 1) /* CR, LF, CRLF -> one space */
#define ACU_TAGS_TABS_ESCAPED      (1u << 2) /* TAB and {TAB} -> the 2 chars \t */
#define ACU_TAGS_TABS_TO_SPACE     (1u << 3) /* TAB -> one space */
#define ACU_TAGS_ALL_FLAGS         0x0fu

typedef enum acu_tag_result {
	ACU_TAG_VALUE,   /* the value is in *val, *len (may be empty) */
	ACU_TAG_KEEP,    /* not resolvable here: copy the tag as written */
	ACU_TAG_FAIL     /* stop rendering; the callback kept its own error */
} acu_tag_result;

/* Resolves one tag. The value must stay valid until the next call. */
typedef acu_tag_result (*acu_tag_lookup_fn)(void *ctx, const acu_tag *tag,
		const char **val, size_t *len);

typedef enum acu_tags_status {
	ACU_TAGS_OK = 0,
	ACU_TAGS_E_FLAGS,     /* unknown or conflicting flags */
	ACU_TAGS_E_TOO_LONG,  /* the output would pass out->limit */
	ACU_TAGS_E_LOOKUP,    /* the callback returned ACU_TAG_FAIL */
	ACU_TAGS_E_NOMEM
} acu_tags_status;

/* Renders tpl into out (appending). On error out holds a partial result the
 * caller must discard (acu_buf_free). */
acu_tags_status acu_tags_render(const char *tpl, size_t len, uint32_t flags,
		acu_tag_lookup_fn lookup, void *ctx, acu_buf *out);

/* Reports every "{...}" group of tpl that the renderer would look at: known
 * tags with their acu_tag, unknown ones with tag == NULL. */
typedef void (*acu_tag_visit_fn)(void *ctx, size_t offset, size_t len,
		const acu_tag *tag);
acu_tags_status acu_tags_scan(const char *tpl, size_t len, uint32_t flags,
		acu_tag_visit_fn visit, void *ctx);

/* Canonical upper-case name of a tag id ("CLIENT_CUSTOMFIELD" for both
 * custom field forms), or NULL for an id out of range. */
const char *acu_tag_name(acu_tag_id id);

#endif
