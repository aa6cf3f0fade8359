/*
 * A growable byte buffer with an optional hard cap, for the Zend-free cores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_BUF_H
#define ACUMULUS_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"

typedef struct acu_buf {
	char *data;    /* NUL-terminated when non-NULL; may contain NUL bytes */
	size_t len;    /* bytes used, without the terminator */
	size_t cap;    /* bytes allocated */
	size_t limit;  /* maximum len; SIZE_MAX for none */
	bool lent;     /* data is the caller's storage (acu_buf_init_lent): never
	                  reallocated or freed here; growing moves to the heap */
} acu_buf;

typedef enum acu_buf_status {
	ACU_BUF_OK = 0,
	ACU_BUF_LIMIT,   /* the append would pass limit; nothing was appended */
	ACU_BUF_NOMEM    /* allocation failed (harness only) */
} acu_buf_status;

static inline void acu_buf_init(acu_buf *b, size_t limit)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->limit = limit;
	b->lent = false;
}

/* A buffer that starts in the caller's storage (size >= 1 bytes, e.g. on
 * the stack), so short results need no allocation. */
static inline void acu_buf_init_lent(acu_buf *b, char *storage, size_t size, size_t limit)
{
	b->data = storage;
	b->data[0] = '\0';
	b->len = 0;
	b->cap = size;
	b->limit = limit;
	b->lent = true;
}

static inline void acu_buf_free(acu_buf *b)
{
	if (!b->lent) {
		acu_mem_free(b->data);
	}
	b->data = NULL;
	b->len = b->cap = 0;
	b->lent = false;
}

/* memcpy for the short pieces documents are made of (names, values): up to
 * 16 bytes with fixed-size moves instead of a call; longer ones by memcpy. */
static inline void acu_copy(char *d, const char *s, size_t n)
{
	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/* Makes room for n more bytes plus the terminator. */
static inline acu_buf_status acu_buf_reserve(acu_buf *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (n > b->limit - b->len || n > SIZE_MAX - b->len - 1) {
		return ACU_BUF_LIMIT;
	}
	need = b->len + n + 1;
	if (need <= b->cap) {
		return ACU_BUF_OK;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	if (b->lent) {
		/* out of the caller's storage, onto the heap */
		p = acu_mem_realloc(NULL, cap);
		if (p == NULL) {
			return ACU_BUF_NOMEM;
		}
		memcpy(p, b->data, b->len + 1);
		b->lent = false;
	} else {
		p = acu_mem_realloc(b->data, cap);
		if (p == NULL) {
			return ACU_BUF_NOMEM;
		}
	}
	b->data = p;
	b->cap = cap;
	return ACU_BUF_OK;
}

static inline acu_buf_status acu_buf_append(acu_buf *b, const char *s, size_t n)
{
	acu_buf_status st;

	/* the common case: room for n bytes and the terminator, within limit
	 * (cap - len is 0 for a buffer not allocated yet) */
	if (n < b->cap - b->len && n <= b->limit - b->len) {
		acu_copy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return ACU_BUF_OK;
	}
	st = acu_buf_reserve(b, n);

	if (st != ACU_BUF_OK) {
		return st;
	}
	if (n) {
		memcpy(b->data + b->len, s, n);
	}
	b->len += n;
	b->data[b->len] = '\0';
	return ACU_BUF_OK;
}

static inline acu_buf_status acu_buf_putc(acu_buf *b, char c)
{
	return acu_buf_append(b, &c, 1);
}

#endif
