/*
 * The request writer and the response parser (see xml.h). No Zend types:
 * memory comes from mem.h, so this file builds into the extension and into
 * the fuzz harnesses unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "xml.h"

/* ==================================================================== text */

/* What the writer does with each byte: plain text, an entity (& < > " '
 * and the backslash), a refused control character, CR (a reference), or
 * the start of a UTF-8 sequence to decode. */
enum { T_PLAIN = 0, T_ENTITY, T_CONTROL, T_CR, T_HIGH };

#define T_X4(t) t, t, t, t
#define T_X16(t) T_X4(t), T_X4(t), T_X4(t), T_X4(t)

const unsigned char acu_xml_class[256] = {
	/* 0x00 - 0x1f: control characters, but TAB and LF pass and CR is a reference */
	T_CONTROL, T_CONTROL, T_CONTROL, T_CONTROL, T_CONTROL, T_CONTROL, T_CONTROL, T_CONTROL,
	T_CONTROL, T_PLAIN,   T_PLAIN,   T_CONTROL, T_CONTROL, T_CR,      T_CONTROL, T_CONTROL,
	T_X16(T_CONTROL),
	/* 0x20 - 0x3f: " & ' < > */
	0, 0, T_ENTITY, 0, 0, 0, T_ENTITY, T_ENTITY, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, T_ENTITY, 0, T_ENTITY, 0,
	/* 0x40 - 0x5f: backslash */
	T_X16(T_PLAIN),
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, T_ENTITY, 0, 0, 0,
	/* 0x60 - 0x7f: DEL is a control character */
	T_X16(T_PLAIN),
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, T_CONTROL,
	/* 0x80 - 0xff: UTF-8 */
	T_X16(T_HIGH), T_X16(T_HIGH), T_X16(T_HIGH), T_X16(T_HIGH),
	T_X16(T_HIGH), T_X16(T_HIGH), T_X16(T_HIGH), T_X16(T_HIGH),
};

#undef T_X16
#undef T_X4

/* Decodes one UTF-8 sequence at s[0..len) (len >= 1, s[0] >= 0x80):
 * returns its length and the code point, or 0 for an invalid sequence
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation). */
static size_t acu_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;
	uint32_t v;

	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
		if (c == 0xe0) {
			lo = 0xa0;
		} else if (c == 0xed) {
			hi = 0x9f;   /* no surrogates */
		}
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xf0) {
			lo = 0x90;
		} else if (c == 0xf4) {
			hi = 0x8f;   /* not above U+10FFFF */
		}
	} else {
		return 0;
	}
	if (len < n) {
		return 0;
	}
	for (i = 1; i < n; i++) {
		unsigned char b = s[i];

		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf)) {
			return 0;
		}
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return n;
}

/* The end of the run of plain bytes (written as they are) from i on. */
static inline size_t acu_xml_plain_run(const unsigned char *p, size_t i, size_t len)
{
	while (len - i >= 4 && (acu_xml_class[p[i]] | acu_xml_class[p[i + 1]]
			| acu_xml_class[p[i + 2]] | acu_xml_class[p[i + 3]]) == T_PLAIN) {
		i += 4;
	}
	while (i < len && acu_xml_class[p[i]] == T_PLAIN) {
		i++;
	}
	return i;
}

/* The one place that decides what text may go into the XML. Scans s and,
 * when out is not NULL, writes it escaped: runs of plain text (ASCII and
 * valid UTF-8) are copied whole when an entity or the end is reached. */
static acu_xml_werr acu_xml_text(acu_buf *out, const char *s, size_t len, acu_xml_werror *err)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t i = 0, plain = 0;   /* plain: start of the run not yet copied */
	size_t start_len = out ? out->len : 0;

#define ACU_FLUSH() do { \
		if (out && i > plain && acu_buf_append(out, s + plain, i - plain) != ACU_BUF_OK) goto limit; \
	} while (0)
#define ACU_PUT(lit) do { \
		if (out && acu_buf_append(out, lit, sizeof(lit) - 1) != ACU_BUF_OK) goto limit; \
	} while (0)

	for (;;) {
		unsigned char c;

		i = acu_xml_plain_run(p, i, len);
		if (i == len) {
			break;
		}
		c = p[i];
		switch (acu_xml_class[c]) {
			case T_HIGH: {
				uint32_t cp = 0;
				size_t n = acu_utf8_decode(p + i, len - i, &cp);

				if (n == 0) {
					err->code = ACU_XML_W_UTF8;
					err->offset = i;
					err->codepoint = 0;
					goto refuse;
				}
				if (cp >= 0x80 && cp <= 0x9f) {
					err->code = ACU_XML_W_CONTROL;
					err->offset = i;
					err->codepoint = cp;
					goto refuse;
				}
				if (cp == 0xfffe || cp == 0xffff) {
					err->code = ACU_XML_W_NONCHAR;
					err->offset = i;
					err->codepoint = cp;
					goto refuse;
				}
				i += n;
				continue;   /* part of the plain run */
			}
			case T_CONTROL:
				err->code = ACU_XML_W_CONTROL;
				err->offset = i;
				err->codepoint = c;
				goto refuse;
			case T_CR:
				ACU_FLUSH();
				ACU_PUT("&#13;");
				break;
			default:
				ACU_FLUSH();
				switch (c) {
					case '&': ACU_PUT("&amp;"); break;
					case '<': ACU_PUT("&lt;"); break;
					case '>': ACU_PUT("&gt;"); break;
					case '"': ACU_PUT("&quot;"); break;
					case '\'': ACU_PUT("&apos;"); break;
					default: ACU_PUT("&#92;"); break;   /* backslash */
				}
				break;
		}
		i++;
		plain = i;
	}
	ACU_FLUSH();
	err->code = ACU_XML_W_OK;
	return ACU_XML_W_OK;

limit:
	err->code = ACU_XML_W_LIMIT;
	err->offset = 0;
	err->codepoint = 0;
refuse:
	if (out && out->data) {
		out->len = start_len;
		out->data[start_len] = '\0';
	}
	return err->code;
#undef ACU_FLUSH
#undef ACU_PUT
}

acu_xml_werr acu_xml_check_text(const char *s, size_t len, acu_xml_werror *err)
{
	return acu_xml_text(NULL, s, len, err);
}

acu_xml_werr acu_xml_escape(acu_buf *out, const char *s, size_t len, acu_xml_werror *err)
{
	return acu_xml_text(out, s, len, err);
}

/* Bytes of an element name: 1 for a-z, 2 for 0-9 _ - (not first). */
static const unsigned char acu_xml_name_class[256] = {
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
	['8'] = 2, ['9'] = 2, ['_'] = 2, ['-'] = 2,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

bool acu_xml_name_ok(const char *name, size_t len)
{
	const unsigned char *p = (const unsigned char *) name;
	size_t i;

	if (len == 0 || len > ACU_XML_MAX_NAME || acu_xml_name_class[p[0]] != 1) {
		return false;
	}
	for (i = 1; i < len; i++) {
		if (acu_xml_name_class[p[i]] == 0) {
			return false;
		}
	}
	/* names starting with "xml" are reserved by XML itself */
	return !(len >= 3 && p[0] == 'x' && p[1] == 'm' && p[2] == 'l');
}

/* ================================================================== writer */

void acu_xml_writer_init(acu_xml_writer *w, size_t limit)
{
	acu_buf_init(&w->out, limit);
	acu_buf_init_lent(&w->path, w->path_storage, sizeof(w->path_storage), SIZE_MAX);
	w->depth = 0;
	w->err.code = ACU_XML_W_OK;
	w->err.offset = 0;
	w->err.codepoint = 0;
}

void acu_xml_writer_free(acu_xml_writer *w)
{
	acu_buf_free(&w->out);
	acu_buf_free(&w->path);
	w->depth = 0;
}

void acu_xml_writer_reserve(acu_xml_writer *w, size_t n)
{
	if (n > w->out.limit) {
		n = w->out.limit;
	}
	/* only capacity: a failure here changes nothing */
	(void) acu_buf_reserve(&w->out, n);
}

static bool acu_xml_fail(acu_xml_writer *w, acu_xml_werr code)
{
	if (w->err.code == ACU_XML_W_OK) {
		w->err.code = code;
		w->err.offset = 0;
		w->err.codepoint = 0;
	}
	return false;
}

/* Makes room for n more bytes (and the terminator) within the limit and
 * returns where they go; the caller writes them and then calls
 * acu_xml_wrote(). NULL (and the writer failed) past the limit. */
static inline char *acu_xml_room(acu_xml_writer *w, size_t n)
{
	acu_buf *b = &w->out;

	if (!(n < b->cap - b->len && n <= b->limit - b->len) && acu_buf_reserve(b, n) != ACU_BUF_OK) {
		acu_xml_fail(w, ACU_XML_W_LIMIT);
		return NULL;
	}
	return b->data + b->len;
}

static inline void acu_xml_wrote(acu_xml_writer *w, size_t n)
{
	w->out.len += n;
	w->out.data[w->out.len] = '\0';
}

static bool acu_xml_put(acu_xml_writer *w, const char *s, size_t len)
{
	char *p = acu_xml_room(w, len);

	if (p == NULL) {
		return false;
	}
	if (len) {
		memcpy(p, s, len);
	}
	acu_xml_wrote(w, len);
	return true;
}

/* "<name>" (close 0), "</name>" (close 1) */
static bool acu_xml_tag(acu_xml_writer *w, const char *name, size_t len, int close)
{
	size_t n = len + 2 + (size_t) close;
	char *p = acu_xml_room(w, n);

	if (p == NULL) {
		return false;
	}
	*p++ = '<';
	if (close) {
		*p++ = '/';
	}
	acu_copy(p, name, len);
	p[len] = '>';
	acu_xml_wrote(w, n);
	return true;
}

bool acu_xml_decl(acu_xml_writer *w)
{
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

	if (w->err.code != ACU_XML_W_OK) {
		return false;
	}
	return acu_xml_put(w, decl, sizeof(decl) - 1);
}

/* Pushes name onto the path (so a refusal can name it), without writing;
 * valid: it passed acu_xml_name_ok. */
static bool acu_xml_push(acu_xml_writer *w, const char *name, size_t len, long index, bool valid)
{
	char num[24], *d;
	size_t at, i, n;
	unsigned long v;

	if (w->depth >= ACU_XML_MAX_DEPTH) {
		return acu_xml_fail(w, ACU_XML_W_DEPTH);
	}
	w->open[w->depth].path_len = w->path.len;
	if (w->path.len && acu_buf_putc(&w->path, '/') != ACU_BUF_OK) {
		return acu_xml_fail(w, ACU_XML_W_LIMIT);
	}
	at = w->path.len;
	if (acu_buf_reserve(&w->path, len) != ACU_BUF_OK) {
		return acu_xml_fail(w, ACU_XML_W_LIMIT);
	}
	/* A refused name is shown in messages: printable ASCII only. A valid
	 * name is copied unchanged, and the closing tag is written from here. */
	if (valid) {
		acu_copy(w->path.data + w->path.len, name, len);
		w->path.len += len;
	} else {
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char) name[i];

			w->path.data[w->path.len++] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
		}
	}
	w->path.data[w->path.len] = '\0';
	if (index >= 0) {
		/* "[index+1]", digits written from the right */
		d = num + sizeof(num);
		*--d = ']';
		v = (unsigned long) index + 1;
		do {
			*--d = (char) ('0' + v % 10);
			v /= 10;
		} while (v);
		*--d = '[';
		n = (size_t) (num + sizeof(num) - d);
		if (acu_buf_append(&w->path, d, n) != ACU_BUF_OK) {
			return acu_xml_fail(w, ACU_XML_W_LIMIT);
		}
	}
	w->open[w->depth].name_at = at;
	w->open[w->depth].name_len = len;
	w->depth++;
	return true;
}

static void acu_xml_pop(acu_xml_writer *w)
{
	w->depth--;
	w->path.len = w->open[w->depth].path_len;
	if (w->path.data) {
		w->path.data[w->path.len] = '\0';
	}
}

static inline bool acu_xml_open_(acu_xml_writer *w, const char *name, size_t len, long index, bool check)
{
	if (w->err.code != ACU_XML_W_OK || !acu_xml_push(w, name, len, index, !check)) {
		return false;
	}
	if (check && !acu_xml_name_ok(name, len)) {
		return acu_xml_fail(w, ACU_XML_W_NAME);
	}
	return acu_xml_tag(w, name, len, 0);
}

bool acu_xml_open(acu_xml_writer *w, const char *name, size_t len, long index)
{
	return acu_xml_open_(w, name, len, index, true);
}

bool acu_xml_open_checked(acu_xml_writer *w, const char *name, size_t len, long index)
{
	return acu_xml_open_(w, name, len, index, false);
}

bool acu_xml_enter(acu_xml_writer *w, const char *name, size_t len)
{
	if (w->err.code != ACU_XML_W_OK || !acu_xml_push(w, name, len, -1, false)) {
		return false;
	}
	if (!acu_xml_name_ok(name, len)) {
		return acu_xml_fail(w, ACU_XML_W_NAME);
	}
	return true;
}

bool acu_xml_close(acu_xml_writer *w)
{
	if (w->err.code != ACU_XML_W_OK) {
		return false;
	}
	if (w->depth == 0) {
		return acu_xml_fail(w, ACU_XML_W_STATE);
	}
	if (!acu_xml_tag(w, w->path.data + w->open[w->depth - 1].name_at, w->open[w->depth - 1].name_len, 1)) {
		return false;
	}
	acu_xml_pop(w);
	return true;
}

/* A leaf that goes wrong: the leaf on the path, so the message names it. */
static bool acu_xml_leaf_fail(acu_xml_writer *w, const char *name, size_t len, long index,
		const acu_xml_werror *err)
{
	acu_xml_werror e = *err;

	if (!acu_xml_push(w, name, len, index, false)) {
		return false;
	}
	w->err = e;
	return false;
}

static inline bool acu_xml_leaf_(acu_xml_writer *w, const char *name, size_t len, long index,
		const char *text, size_t text_len, bool check)
{
	acu_xml_werror err;
	char *p;

	if (w->err.code != ACU_XML_W_OK) {
		return false;
	}
	if (w->depth == 0 || w->depth >= ACU_XML_MAX_DEPTH || (check && !acu_xml_name_ok(name, len))) {
		/* the refusals in their order: depth, name, no root around */
		if (!acu_xml_push(w, name, len, index, false)) {
			return false;
		}
		return acu_xml_fail(w, check && !acu_xml_name_ok(name, len) ? ACU_XML_W_NAME : ACU_XML_W_STATE);
	}
	/* The leaf goes on the path only when it fails (for the message): a
	 * leaf that is written leaves the path as it was. Text without anything
	 * to escape, the common case: when the whole element fits, it is
	 * written in one go. */
	if (acu_xml_leaf_plain(w, name, len, text, text_len)) {
		return true;
	}
	if (text_len == 0) {
		if ((p = acu_xml_room(w, len + 3)) == NULL) {
			goto fail;
		}
		*p++ = '<';
		acu_copy(p, name, len);
		p[len] = '/';
		p[len + 1] = '>';
		acu_xml_wrote(w, len + 3);
		return true;
	}
	if (!acu_xml_tag(w, name, len, 0)) {
		goto fail;
	}
	if (acu_xml_text(&w->out, text, text_len, &err) != ACU_XML_W_OK) {
		w->err = err;
		goto fail;
	}
	if (!acu_xml_tag(w, name, len, 1)) {
		goto fail;
	}
	return true;

fail:
	/* w->err holds the refusal; push clears nothing */
	err = w->err;
	w->err.code = ACU_XML_W_OK;
	return acu_xml_leaf_fail(w, name, len, index, &err);
}

bool acu_xml_leaf(acu_xml_writer *w, const char *name, size_t len, long index,
		const char *text, size_t text_len)
{
	return acu_xml_leaf_(w, name, len, index, text, text_len, true);
}

bool acu_xml_leaf_checked(acu_xml_writer *w, const char *name, size_t len, long index,
		const char *text, size_t text_len)
{
	return acu_xml_leaf_(w, name, len, index, text, text_len, false);
}

bool acu_xml_raw(acu_xml_writer *w, const char *s, size_t len)
{
	if (w->err.code != ACU_XML_W_OK) {
		return false;
	}
	return acu_xml_put(w, s, len);
}

const char *acu_xml_writer_path(const acu_xml_writer *w)
{
	return w->path.data ? w->path.data : "";
}

const char *acu_xml_werr_text(acu_xml_werr code)
{
	switch (code) {
		case ACU_XML_W_OK: return "no error";
		case ACU_XML_W_NAME: return "not a valid element name (lower-case a-z, digits, '_' and '-', starting with a letter, at most 64 bytes)";
		case ACU_XML_W_UTF8: return "invalid UTF-8";
		case ACU_XML_W_CONTROL: return "a control character";
		case ACU_XML_W_NONCHAR: return "a character XML does not allow";
		case ACU_XML_W_DEPTH: return "nested too deeply";
		case ACU_XML_W_LIMIT: return "the request would be too large";
		case ACU_XML_W_STATE: return "misplaced element";
	}
	return "unknown error";
}

/* ================================================================== arena */

struct acu_xml_arena_block {
	acu_xml_arena_block *next;
	size_t used, cap;
};

#define ACU_ARENA_ALIGN 16
#define ACU_ARENA_HDR ((sizeof(acu_xml_arena_block) + ACU_ARENA_ALIGN - 1) & ~(size_t) (ACU_ARENA_ALIGN - 1))
#define ACU_ARENA_BLOCK 8192

static void *acu_arena_alloc(acu_xml_doc *doc, size_t size)
{
	acu_xml_arena_block *b = doc->arena;
	size_t need = (size + ACU_ARENA_ALIGN - 1) & ~(size_t) (ACU_ARENA_ALIGN - 1);
	char *p;

	if (need < size) {
		return NULL;
	}
	if (b == NULL || b->cap - b->used < need) {
		size_t cap = need > ACU_ARENA_BLOCK - ACU_ARENA_HDR ? need : ACU_ARENA_BLOCK - ACU_ARENA_HDR;

		if (cap > SIZE_MAX - ACU_ARENA_HDR) {
			return NULL;
		}
		b = acu_mem_realloc(NULL, ACU_ARENA_HDR + cap);
		if (b == NULL) {
			return NULL;
		}
		b->next = doc->arena;
		b->used = 0;
		b->cap = cap;
		doc->arena = b;
	}
	p = (char *) b + ACU_ARENA_HDR + b->used;
	b->used += need;
	return p;
}

static char *acu_arena_strdup(acu_xml_doc *doc, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX || (p = acu_arena_alloc(doc, len + 1)) == NULL) {
		return NULL;
	}
	if (len) {
		memcpy(p, s, len);
	}
	p[len] = '\0';
	return p;
}

/* ================================================================== parser */

const acu_xml_limits acu_xml_default_limits = {
	64 * 1024 * 1024,   /* max_bytes */
	ACU_XML_MAX_DEPTH,  /* max_depth */
	1000000             /* max_nodes */
};

typedef struct acu_sax {
	xmlParserCtxtPtr ctxt;
	acu_xml_doc *doc;
	const acu_xml_limits *lim;
	acu_xml_node *cur;       /* innermost open element */
	unsigned depth;
	acu_buf text;            /* text of cur so far (while it has no children) */
	acu_xml_perr err;        /* set by a callback to stop */
} acu_sax;

static void acu_sax_stop(acu_sax *st, acu_xml_perr err)
{
	if (st->err == ACU_XML_P_OK) {
		st->err = err;
	}
	xmlStopParser(st->ctxt);
}

static void acu_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
		int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	acu_sax *st = ctx;
	acu_xml_node *n;
	size_t len;

	(void) prefix; (void) uri; (void) nb_namespaces; (void) namespaces;
	(void) nb_attributes; (void) nb_defaulted; (void) attributes;

	if (st->err != ACU_XML_P_OK) {
		return;
	}
	if (st->depth >= st->lim->max_depth) {
		acu_sax_stop(st, ACU_XML_P_DEPTH);
		return;
	}
	if (st->doc->nodes >= st->lim->max_nodes) {
		acu_sax_stop(st, ACU_XML_P_NODES);
		return;
	}
	len = strlen((const char *) localname);
	n = acu_arena_alloc(st->doc, sizeof(*n));
	if (n == NULL || (n->name = acu_arena_strdup(st->doc, (const char *) localname, len)) == NULL) {
		acu_sax_stop(st, ACU_XML_P_NOMEM);
		return;
	}
	n->name_len = len;
	n->text = "";
	n->text_len = 0;
	n->first = n->last = n->next = NULL;
	n->nchildren = 0;
	n->parent = st->cur;
	if (st->cur) {
		if (st->cur->last) {
			st->cur->last->next = n;
		} else {
			st->cur->first = n;
		}
		st->cur->last = n;
		st->cur->nchildren++;
	} else {
		st->doc->root = n;
	}
	st->doc->nodes++;
	st->cur = n;
	st->depth++;
	/* a parent's own text is dropped once it has children (no mixed content) */
	st->text.len = 0;
}

static void acu_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	acu_sax *st = ctx;
	acu_xml_node *n = st->cur;

	(void) localname; (void) prefix; (void) uri;

	if (st->err != ACU_XML_P_OK || n == NULL) {
		return;
	}
	if (n->first == NULL && st->text.len) {
		char *t = acu_arena_strdup(st->doc, st->text.data, st->text.len);

		if (t == NULL) {
			acu_sax_stop(st, ACU_XML_P_NOMEM);
			return;
		}
		n->text = t;
		n->text_len = st->text.len;
	}
	st->text.len = 0;
	st->cur = n->parent;
	st->depth--;
}

static void acu_sax_chars(void *ctx, const xmlChar *ch, int len)
{
	acu_sax *st = ctx;

	if (st->err != ACU_XML_P_OK || st->cur == NULL || st->cur->first != NULL || len <= 0) {
		return;
	}
	if (acu_buf_append(&st->text, (const char *) ch, (size_t) len) != ACU_BUF_OK) {
		acu_sax_stop(st, ACU_XML_P_NOMEM);
	}
}

static void acu_sax_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	(void) name; (void) external_id; (void) system_id;
	acu_sax_stop(ctx, ACU_XML_P_DTD);
}

static void acu_sax_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
		const xmlChar *system_id, xmlChar *content)
{
	(void) name; (void) type; (void) public_id; (void) system_id; (void) content;
	acu_sax_stop(ctx, ACU_XML_P_DTD);
}

static void acu_sax_error(void *ctx, xmlErrorPtr e)
{
	acu_sax *st = ctx;
	acu_xml_doc *doc = st->doc;
	size_t i, n = 0;

	if (e == NULL || e->level < XML_ERR_ERROR || doc->message[0] != '\0') {
		return;
	}
	doc->line = e->line;
	/* libxml2's text, on one line, without control characters */
	if (e->message) {
		for (i = 0; e->message[i] && n < sizeof(doc->message) - 1; i++) {
			unsigned char c = (unsigned char) e->message[i];

			doc->message[n++] = (c < 0x20 || c == 0x7f) ? ' ' : (char) c;
		}
		while (n && doc->message[n - 1] == ' ') {
			n--;
		}
	}
	if (n == 0) {
		n = (size_t) snprintf(doc->message, sizeof(doc->message), "libxml2 error %d", e->code);
		if (n >= sizeof(doc->message)) {
			n = sizeof(doc->message) - 1;
		}
	}
	doc->message[n] = '\0';
}

static bool acu_xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skips a UTF-8 BOM and white space. */
static size_t acu_xml_skip_lead(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		i = 3;
	}
	while (i < len && acu_xml_space((unsigned char) data[i])) {
		i++;
	}
	return i;
}

static bool acu_prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t i, n = strlen(prefix);

	if (len < n) {
		return false;
	}
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		if (c != prefix[i]) {
			return false;
		}
	}
	return true;
}

bool acu_xml_sniff_html(const char *data, size_t len)
{
	static const char *const starts[] = { "<!doctype html", "<html", "<head", "<body", NULL };
	size_t i = acu_xml_skip_lead(data, len);
	const char *const *p;

	for (p = starts; *p; p++) {
		size_t n = strlen(*p);

		/* "<html" must not be "<htmlfoo": a delimiter follows */
		if (acu_prefix_ci(data + i, len - i, *p)
				&& (len - i == n || (*p)[1] == '!' || data[i + n] == '>' || acu_xml_space((unsigned char) data[i + n]))) {
			return true;
		}
	}
	return false;
}

acu_xml_perr acu_xml_parse(const char *data, size_t len, const acu_xml_limits *lim, acu_xml_doc *doc)
{
	xmlParserCtxtPtr ctxt = NULL;
	acu_sax st;
	acu_xml_perr ret;

	memset(doc, 0, sizeof(*doc));
	if (lim == NULL) {
		lim = &acu_xml_default_limits;
	}
	if (len > lim->max_bytes || len > INT_MAX) {
		snprintf(doc->message, sizeof(doc->message), "longer than the limit of %zu bytes",
			lim->max_bytes < (size_t) INT_MAX ? lim->max_bytes : (size_t) INT_MAX);
		return ACU_XML_P_SIZE;
	}
	if (acu_xml_skip_lead(data, len) == len) {
		return ACU_XML_P_EMPTY;
	}
	if (acu_xml_sniff_html(data, len)) {
		return ACU_XML_P_HTML;
	}

	memset(&st, 0, sizeof(st));
	st.doc = doc;
	st.lim = lim;
	acu_buf_init(&st.text, SIZE_MAX);

	ctxt = xmlCreateMemoryParserCtxt(data, (int) len);
	if (ctxt == NULL || ctxt->sax == NULL) {
		ret = ACU_XML_P_NOMEM;
		goto cleanup;
	}
	st.ctxt = ctxt;
	/* Options first (they reset some handlers), then our handlers. No
	 * XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: nothing is substituted or
	 * loaded, and libxml2's own size limits stay in force. */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ctxt->replaceEntities = 0;
	ctxt->loadsubset = 0;
	ctxt->validate = 0;
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	ctxt->sax->startElementNs = acu_sax_start;
	ctxt->sax->endElementNs = acu_sax_end;
	ctxt->sax->characters = acu_sax_chars;
	ctxt->sax->ignorableWhitespace = acu_sax_chars;
	ctxt->sax->cdataBlock = acu_sax_chars;
	ctxt->sax->internalSubset = acu_sax_doctype;
	ctxt->sax->entityDecl = acu_sax_entity_decl;
	ctxt->sax->serror = acu_sax_error;
	ctxt->userData = &st;

	xmlParseDocument(ctxt);

	if (st.err != ACU_XML_P_OK) {
		ret = st.err;
		switch (ret) {
			case ACU_XML_P_DTD:
				snprintf(doc->message, sizeof(doc->message), "a DOCTYPE: no DTD is processed");
				break;
			case ACU_XML_P_DEPTH:
				snprintf(doc->message, sizeof(doc->message), "nested deeper than %u elements", lim->max_depth);
				break;
			case ACU_XML_P_NODES:
				snprintf(doc->message, sizeof(doc->message), "more than %zu elements", lim->max_nodes);
				break;
			default:
				snprintf(doc->message, sizeof(doc->message), "out of memory");
				break;
		}
		doc->root = NULL;
	} else if (!ctxt->wellFormed || doc->root == NULL) {
		ret = ACU_XML_P_SYNTAX;
		if (doc->message[0] == '\0') {
			snprintf(doc->message, sizeof(doc->message), "not well-formed");
		}
		doc->root = NULL;
	} else {
		ret = ACU_XML_P_OK;
	}

cleanup:
	if (ctxt) {
		xmlFreeParserCtxt(ctxt);
	}
	acu_buf_free(&st.text);
	return ret;
}

void acu_xml_doc_free(acu_xml_doc *doc)
{
	acu_xml_arena_block *b = doc->arena;

	while (b) {
		acu_xml_arena_block *next = b->next;

		acu_mem_free(b);
		b = next;
	}
	doc->arena = NULL;
	doc->root = NULL;
	doc->nodes = 0;
}

const acu_xml_node *acu_xml_child(const acu_xml_node *n, const char *name)
{
	const acu_xml_node *c;
	size_t len = strlen(name);

	if (n == NULL) {
		return NULL;
	}
	for (c = n->first; c; c = c->next) {
		if (c->name_len == len && memcmp(c->name, name, len) == 0) {
			return c;
		}
	}
	return NULL;
}

const char *acu_xml_child_text(const acu_xml_node *n, const char *name, size_t *len)
{
	const acu_xml_node *c = acu_xml_child(n, name);

	if (c == NULL) {
		*len = 0;
		return "";
	}
	*len = c->text_len;
	return c->text;
}

/* ========================================================== basic response */

acu_resp_kind acu_response_parse(const char *data, size_t len, const acu_xml_limits *lim, acu_response *r)
{
	const acu_xml_node *root, *st;
	size_t i, j;

	r->status = -1;
	r->errors = r->warnings = NULL;
	r->perr = acu_xml_parse(data, len, lim, &r->doc);
	switch (r->perr) {
		case ACU_XML_P_OK:
			break;
		case ACU_XML_P_EMPTY:
			return ACU_RESP_EMPTY;
		case ACU_XML_P_HTML:
			return ACU_RESP_HTML;
		default:
			return ACU_RESP_NOT_XML;
	}
	root = r->doc.root;
	if (root->name_len != sizeof("response") - 1 || memcmp(root->name, "response", root->name_len) != 0) {
		if (root->name_len == 4 && memcmp(root->name, "html", 4) == 0) {
			return ACU_RESP_HTML;
		}
		return ACU_RESP_NOT_RESPONSE;
	}
	st = acu_xml_child(root, "status");
	if (st == NULL || st->first != NULL) {
		return ACU_RESP_BAD_STATUS;
	}
	/* exactly one digit 0..3, white space around it allowed */
	for (i = 0; i < st->text_len && acu_xml_space((unsigned char) st->text[i]); i++) {
	}
	for (j = st->text_len; j > i && acu_xml_space((unsigned char) st->text[j - 1]); j--) {
	}
	if (j - i != 1 || st->text[i] < '0' || st->text[i] > '3') {
		return ACU_RESP_BAD_STATUS;
	}
	r->status = st->text[i] - '0';
	r->errors = acu_xml_child(root, "errors");
	r->warnings = acu_xml_child(root, "warnings");
	return ACU_RESP_OK;
}

void acu_response_free(acu_response *r)
{
	acu_xml_doc_free(&r->doc);
	r->errors = r->warnings = NULL;
}

const char *acu_resp_kind_text(acu_resp_kind kind)
{
	switch (kind) {
		case ACU_RESP_OK: return "an API response";
		case ACU_RESP_EMPTY: return "an empty body";
		case ACU_RESP_HTML: return "an HTML page";
		case ACU_RESP_NOT_XML: return "a body that is not well-formed XML";
		case ACU_RESP_NOT_RESPONSE: return "XML that is not an API response";
		case ACU_RESP_BAD_STATUS: return "an API response without a valid status";
	}
	return "an unknown body";
}
