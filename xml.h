/*
 * The XML of the Acumulus API, without Zend types (so the same object code
 * runs in the extension and in the fuzz harnesses):
 *
 *  - the request writer: element names are checked, and every text value goes
 *    through one escaping function (acu_xml_escape) that rejects invalid
 *    UTF-8, control characters and non-characters, and writes & < > " ' as
 *    entities, CR as &#13; (so it survives a parser's line-end handling) and
 *    the backslash as &#92; (the API loses bare backslashes);
 *
 *  - the response parser: libxml2's SAX2 parser with per-document options
 *    only (no network, no DTD: a document with a DOCTYPE is refused, so no
 *    entity is ever declared or substituted), building a small tree in an
 *    arena, with limits on size, depth and number of elements; then the
 *    basic response (status, errors, warnings) is picked out of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_XML_H
#define ACUMULUS_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* ---------------------------------------------------------------- writer */

#define ACU_XML_MAX_DEPTH 32      /* nesting of a request or a response */
#define ACU_XML_MAX_NAME 64       /* bytes in an element name we write */

typedef enum acu_xml_werr {
	ACU_XML_W_OK = 0,
	ACU_XML_W_NAME,      /* element name not [a-z][a-z0-9_-]*, or too long */
	ACU_XML_W_UTF8,      /* invalid UTF-8 (offset = first byte of the bad sequence) */
	ACU_XML_W_CONTROL,   /* a control character (codepoint, offset) */
	ACU_XML_W_NONCHAR,   /* U+FFFE or U+FFFF: not allowed in XML (codepoint, offset) */
	ACU_XML_W_DEPTH,     /* nested deeper than ACU_XML_MAX_DEPTH */
	ACU_XML_W_LIMIT,     /* the document would pass the writer's size limit */
	ACU_XML_W_STATE      /* close without open, or text outside the root */
} acu_xml_werr;

typedef struct acu_xml_werror {
	acu_xml_werr code;
	size_t offset;       /* byte offset in the value, for UTF8/CONTROL/NONCHAR */
	uint32_t codepoint;  /* for CONTROL/NONCHAR */
} acu_xml_werror;

/* Checks text for what the writer refuses, without writing. */
acu_xml_werr acu_xml_check_text(const char *s, size_t len, acu_xml_werror *err);

/* Appends s escaped to out; on a refusal appends nothing and fills err. */
acu_xml_werr acu_xml_escape(acu_buf *out, const char *s, size_t len, acu_xml_werror *err);

/* True when name is a valid element name for the writer. */
bool acu_xml_name_ok(const char *name, size_t len);

typedef struct acu_xml_writer {
	acu_buf out;                 /* the document */
	acu_buf path;                /* "customer/invoice/line[2]": the open elements */
	struct {
		size_t path_len;         /* path length before this element */
		size_t name_at, name_len;/* the element name inside path */
	} open[ACU_XML_MAX_DEPTH];
	int depth;
	acu_xml_werror err;          /* the first refusal; writing stops there */
	char path_storage[128];      /* where path starts (acu_buf_init_lent) */
} acu_xml_writer;

void acu_xml_writer_init(acu_xml_writer *w, size_t limit);
void acu_xml_writer_free(acu_xml_writer *w);
/* Allocates room for a document of about n bytes at once (a hint; the
 * limit stays what it is). */
void acu_xml_writer_reserve(acu_xml_writer *w, size_t n);

/* The XML declaration. */
bool acu_xml_decl(acu_xml_writer *w);
/* <name>; index >= 0 names the element "name[index+1]" in the path (for
 * messages only: repeated elements of a list). */
bool acu_xml_open(acu_xml_writer *w, const char *name, size_t len, long index);
/* Goes inside name as acu_xml_open would, without writing its start tag
 * (written already, e.g. as part of a prefix put with acu_xml_raw). */
bool acu_xml_enter(acu_xml_writer *w, const char *name, size_t len);
/* </name> of the innermost open element */
bool acu_xml_close(acu_xml_writer *w);
/* <name>text</name>, or <name/> for empty text */
bool acu_xml_leaf(acu_xml_writer *w, const char *name, size_t len, long index,
		const char *text, size_t text_len);
/* The same for a name the caller has already found good with
 * acu_xml_name_ok (a binding that meets the same key many times in one
 * document checks it once). */
bool acu_xml_open_checked(acu_xml_writer *w, const char *name, size_t len, long index);
bool acu_xml_leaf_checked(acu_xml_writer *w, const char *name, size_t len, long index,
		const char *text, size_t text_len);
/* What the writer does with each byte (xml.c decides, and escapes): 0 for
 * a byte written as it is. */
extern const unsigned char acu_xml_class[256];

/* The common case of acu_xml_leaf_checked, inline for callers with many
 * leaves: a text with nothing to escape (every byte of class 0), written
 * with its element in one go when that fits. Returns false, having written
 * nothing, for anything else (the writer failed, no room, an empty text, a
 * byte to escape or to refuse): acu_xml_leaf_checked does that. */
static inline bool acu_xml_leaf_plain(acu_xml_writer *w, const char *name, size_t len,
		const char *text, size_t text_len)
{
	const unsigned char *t = (const unsigned char *) text;
	acu_buf *b = &w->out;
	size_t i = 0, n = 2 * len + 5 + text_len;
	char *p;

	if (w->err.code != ACU_XML_W_OK || w->depth == 0 || w->depth >= ACU_XML_MAX_DEPTH || text_len == 0
			|| !(n < b->cap - b->len && n <= b->limit - b->len)) {
		return false;
	}
	while (text_len - i >= 4 && (acu_xml_class[t[i]] | acu_xml_class[t[i + 1]]
			| acu_xml_class[t[i + 2]] | acu_xml_class[t[i + 3]]) == 0) {
		i += 4;
	}
	while (i < text_len && acu_xml_class[t[i]] == 0) {
		i++;
	}
	if (i != text_len) {
		return false;
	}
	p = b->data + b->len;
	*p++ = '<';
	acu_copy(p, name, len);
	p += len;
	*p++ = '>';
	acu_copy(p, text, text_len);
	p += text_len;
	*p++ = '<';
	*p++ = '/';
	acu_copy(p, name, len);
	p[len] = '>';
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

/* Writes bytes as they are (for text already escaped, such as a mask). */
bool acu_xml_raw(acu_xml_writer *w, const char *s, size_t len);

/* After a failed call: the path of the element being written (NUL-terminated,
 * valid until the next call) and a short description of the error. */
const char *acu_xml_writer_path(const acu_xml_writer *w);
const char *acu_xml_werr_text(acu_xml_werr code);

/* ---------------------------------------------------------------- parser */

typedef struct acu_xml_node acu_xml_node;
struct acu_xml_node {
	const char *name;            /* local name, NUL-terminated */
	size_t name_len;
	const char *text;            /* leaf text, NUL-terminated; "" for an element with children */
	size_t text_len;
	acu_xml_node *parent, *first, *last, *next;
	size_t nchildren;
};

typedef struct acu_xml_limits {
	size_t max_bytes;            /* a longer document is refused */
	unsigned max_depth;          /* nesting, the root is depth 1 */
	size_t max_nodes;            /* elements */
} acu_xml_limits;

/* The defaults: 64 MB, depth 32, 1,000,000 elements. */
extern const acu_xml_limits acu_xml_default_limits;

typedef enum acu_xml_perr {
	ACU_XML_P_OK = 0,
	ACU_XML_P_EMPTY,     /* nothing but white space */
	ACU_XML_P_HTML,      /* an HTML page */
	ACU_XML_P_SYNTAX,    /* not well-formed XML (libxml2's message in doc->message) */
	ACU_XML_P_DTD,       /* a DOCTYPE: refused, never processed */
	ACU_XML_P_SIZE,      /* longer than max_bytes */
	ACU_XML_P_DEPTH,     /* nested deeper than max_depth */
	ACU_XML_P_NODES,     /* more than max_nodes elements */
	ACU_XML_P_NOMEM      /* allocation failed (harness only) */
} acu_xml_perr;

typedef struct acu_xml_arena_block acu_xml_arena_block;

typedef struct acu_xml_doc {
	acu_xml_node *root;
	size_t nodes;
	char message[160];           /* why parsing failed, for a log; never echoes input */
	int line;                    /* line of a syntax error, 0 if unknown */
	acu_xml_arena_block *arena;
} acu_xml_doc;

/* Parses data into doc (which needs no initialisation). Whatever the result,
 * acu_xml_doc_free() releases what was taken. */
acu_xml_perr acu_xml_parse(const char *data, size_t len, const acu_xml_limits *lim,
		acu_xml_doc *doc);
void acu_xml_doc_free(acu_xml_doc *doc);

/* The first child element called name, or NULL. */
const acu_xml_node *acu_xml_child(const acu_xml_node *n, const char *name);
/* Its text, or "" when there is no such child. */
const char *acu_xml_child_text(const acu_xml_node *n, const char *name, size_t *len);

/* ------------------------------------------------------- basic response */

typedef enum acu_resp_kind {
	ACU_RESP_OK = 0,         /* <response> with a status of 0, 1, 2 or 3 */
	ACU_RESP_EMPTY,          /* empty body */
	ACU_RESP_HTML,           /* an HTML page */
	ACU_RESP_NOT_XML,        /* not well-formed XML (truncated, JSON, garbage) or refused (DTD, limits) */
	ACU_RESP_NOT_RESPONSE,   /* XML, but the root is not <response> */
	ACU_RESP_BAD_STATUS      /* <response> without a status of 0..3 */
} acu_resp_kind;

typedef struct acu_response {
	acu_xml_doc doc;
	acu_xml_perr perr;           /* the parser's verdict */
	int status;                  /* 0..3 when kind is OK, else -1 */
	const acu_xml_node *errors;  /* <errors>, or NULL */
	const acu_xml_node *warnings;/* <warnings>, or NULL */
} acu_response;

/* Reads a response body. r needs no initialisation; acu_response_free()
 * afterwards whatever the result. */
acu_resp_kind acu_response_parse(const char *data, size_t len, const acu_xml_limits *lim,
		acu_response *r);
void acu_response_free(acu_response *r);

/* A short English description of a kind ("an empty body"). */
const char *acu_resp_kind_text(acu_resp_kind kind);

/* Whether the body looks like an HTML page (after white space and a BOM). */
bool acu_xml_sniff_html(const char *data, size_t len);

#endif
