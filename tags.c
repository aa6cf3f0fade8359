/*
 * The {TAG} template engine. See tags.h for the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdbool.h>
#include <string.h>

#include "tags.h"

static const struct {
	const char *name;
	size_t len;
	acu_tag_id id;
} acu_plain_tags[] = {
#define ACU_T(n) { #n, sizeof(#n) - 1, ACU_TAG_##n }
	ACU_T(USERID),
	ACU_T(FIRSTNAME),
	ACU_T(LASTNAME),
	ACU_T(FULLNAME),
	ACU_T(COMPANYNAME),
	ACU_T(ADDRESS1),
	ACU_T(ADDRESS2),
	ACU_T(CITY),
	ACU_T(STATE),
	ACU_T(POSTCODE),
	ACU_T(COUNTRYCODE),
	ACU_T(COUNTRY),
	ACU_T(PHONENUMBER),
	ACU_T(CLIENT_CURRENCY),
	ACU_T(INVOICEID),
	ACU_T(INVOICENUMBER),
	ACU_T(INVOICEDATE),
	ACU_T(INVOICEDUE),
	ACU_T(INVOICENOTES),
	ACU_T(INVOICESTATUS),
	ACU_T(TAB),
#undef ACU_T
};

#define ACU_CF_PREFIX "CLIENT_CUSTOMFIELD"
#define ACU_CF_PREFIX_LEN (sizeof(ACU_CF_PREFIX) - 1)

const char *acu_tag_name(acu_tag_id id)
{
	size_t i;

	if (id == ACU_TAG_CLIENT_CUSTOMFIELD || id == ACU_TAG_CLIENT_CUSTOMFIELD_NAMED) {
		return ACU_CF_PREFIX;
	}
	for (i = 0; i < sizeof(acu_plain_tags) / sizeof(acu_plain_tags[0]); i++) {
		if (acu_plain_tags[i].id == id) {
			return acu_plain_tags[i].name;
		}
	}
	return NULL;
}

/* Compares n bytes of s, in any ASCII case, with the upper-case word. */
static bool acu_ascii_ieq(const char *s, const char *upper, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];

		if (c >= 'a' && c <= 'z') {
			c = (unsigned char) (c - 'a' + 'A');
		}
		if (c != (unsigned char) upper[i]) {
			return false;
		}
	}
	return true;
}

/* Is s[0..n) the name of a known tag? Fills *tag when it is. */
static bool acu_tag_identify(const char *s, size_t n, uint32_t flags, acu_tag *tag)
{
	size_t i;

	for (i = 0; i < sizeof(acu_plain_tags) / sizeof(acu_plain_tags[0]); i++) {
		if (acu_plain_tags[i].len == n && acu_ascii_ieq(s, acu_plain_tags[i].name, n)) {
			if (acu_plain_tags[i].id == ACU_TAG_TAB && !(flags & ACU_TAGS_TABS_ESCAPED)) {
				return false;
			}
			tag->id = acu_plain_tags[i].id;
			tag->index = 0;
			tag->name = NULL;
			tag->name_len = 0;
			return true;
		}
	}

	if (n <= ACU_CF_PREFIX_LEN || !acu_ascii_ieq(s, ACU_CF_PREFIX, ACU_CF_PREFIX_LEN)) {
		return false;
	}
	s += ACU_CF_PREFIX_LEN;
	n -= ACU_CF_PREFIX_LEN;

	if (s[0] == ':') {
		const char *name = s + 1;
		size_t len = n - 1;

		while (len && name[0] == ' ') {
			name++;
			len--;
		}
		while (len && name[len - 1] == ' ') {
			len--;
		}
		if (len == 0 || len > ACU_TAG_MAX_FIELD_NAME) {
			return false;
		}
		for (i = 0; i < len; i++) {
			if (name[i] == '\0' || name[i] == '\r' || name[i] == '\n') {
				return false;
			}
		}
		tag->id = ACU_TAG_CLIENT_CUSTOMFIELD_NAMED;
		tag->index = 0;
		tag->name = name;
		tag->name_len = len;
		return true;
	}

	/* CLIENT_CUSTOMFIELDn: n in 1..ACU_TAG_MAX_CUSTOMFIELD_INDEX, no leading 0 */
	if (n > 6 || s[0] < '1' || s[0] > '9') {
		return false;
	}
	{
		uint32_t index = 0;

		for (i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9') {
				return false;
			}
			index = index * 10u + (uint32_t) (s[i] - '0');
		}
		tag->id = ACU_TAG_CLIENT_CUSTOMFIELD;
		tag->index = index;
		tag->name = NULL;
		tag->name_len = 0;
	}
	return true;
}

/* Finds the next "{...}" group at or after from: tpl[*open] == '{',
 * tpl[*close] == '}', no brace in between, at most ACU_TAG_MAX_LEN bytes
 * between them. */
static bool acu_next_group(const char *tpl, size_t len, size_t from, size_t *open, size_t *close)
{
	size_t i = from;

	while (i < len) {
		const char *p = memchr(tpl + i, '{', len - i);
		size_t o, j, end;

		if (p == NULL) {
			return false;
		}
		o = (size_t) (p - tpl);
		end = len - o - 1 > ACU_TAG_MAX_LEN ? o + 1 + ACU_TAG_MAX_LEN : len - 1;
		for (j = o + 1; j <= end; j++) {
			if (tpl[j] == '}') {
				*open = o;
				*close = j;
				return true;
			}
			if (tpl[j] == '{') {
				break;
			}
		}
		/* Not closed in time: this '{' is text. Go on at the next '{' (a
		 * "{{TAG}" is a literal brace and a tag) or after this one. */
		i = (j <= end && tpl[j] == '{') ? j : o + 1;
	}
	return false;
}

typedef struct acu_tag_writer {
	acu_buf *out;
	uint32_t flags;
	bool after_cr; /* the last byte written was a CR we replaced */
} acu_tag_writer;

static acu_tags_status acu_status(acu_buf_status st)
{
	switch (st) {
		case ACU_BUF_OK:
			return ACU_TAGS_OK;
		case ACU_BUF_LIMIT:
			return ACU_TAGS_E_TOO_LONG;
		case ACU_BUF_NOMEM:
		default:
			return ACU_TAGS_E_NOMEM;
	}
}

/* Appends bytes as they are, outside the newline/tab rules. */
static acu_tags_status acu_put_raw(acu_tag_writer *w, const char *s, size_t n)
{
	w->after_cr = false;
	return acu_status(acu_buf_append(w->out, s, n));
}

/* Appends text under the newline/tab rules of the flags. A CRLF split over
 * two pieces (template text, then a value) still counts as one newline. */
static acu_tags_status acu_put_text(acu_tag_writer *w, const char *s, size_t n)
{
	const uint32_t nl = w->flags & (ACU_TAGS_NEWLINES_ESCAPED | ACU_TAGS_NEWLINES_TO_SPACE);
	const uint32_t tab = w->flags & (ACU_TAGS_TABS_ESCAPED | ACU_TAGS_TABS_TO_SPACE);
	size_t i, start = 0;
	acu_buf_status st;

	if (!nl && !tab) {
		return acu_status(acu_buf_append(w->out, s, n));
	}
	for (i = 0; i < n; i++) {
		const char c = s[i];
		const char *rep;
		size_t rep_len;

		if (nl && c == '\n' && w->after_cr) {
			/* the LF of a CRLF whose CR was already replaced */
			st = acu_buf_append(w->out, s + start, i - start);
			if (st != ACU_BUF_OK) {
				return acu_status(st);
			}
			start = i + 1;
			w->after_cr = false;
			continue;
		}
		w->after_cr = false;
		if (nl && (c == '\r' || c == '\n')) {
			rep = (nl & ACU_TAGS_NEWLINES_ESCAPED) ? "\\n" : " ";
			w->after_cr = c == '\r';
		} else if (tab && c == '\t') {
			rep = (tab & ACU_TAGS_TABS_ESCAPED) ? "\\t" : " ";
		} else {
			continue;
		}
		rep_len = strlen(rep);
		st = acu_buf_append(w->out, s + start, i - start);
		if (st == ACU_BUF_OK) {
			st = acu_buf_append(w->out, rep, rep_len);
		}
		if (st != ACU_BUF_OK) {
			return acu_status(st);
		}
		start = i + 1;
	}
	return acu_status(acu_buf_append(w->out, s + start, n - start));
}

static bool acu_flags_valid(uint32_t flags)
{
	if (flags & ~ACU_TAGS_ALL_FLAGS) {
		return false;
	}
	if ((flags & ACU_TAGS_NEWLINES_ESCAPED) && (flags & ACU_TAGS_NEWLINES_TO_SPACE)) {
		return false;
	}
	if ((flags & ACU_TAGS_TABS_ESCAPED) && (flags & ACU_TAGS_TABS_TO_SPACE)) {
		return false;
	}
	return true;
}

acu_tags_status acu_tags_render(const char *tpl, size_t len, uint32_t flags,
		acu_tag_lookup_fn lookup, void *ctx, acu_buf *out)
{
	acu_tag_writer w = { out, flags, false };
	acu_tags_status st = ACU_TAGS_OK;
	size_t pos = 0, open, close;

	if (!acu_flags_valid(flags)) {
		return ACU_TAGS_E_FLAGS;
	}
	/* An empty result is still a string: make sure out->data exists. */
	st = acu_status(acu_buf_reserve(out, 0));

	while (st == ACU_TAGS_OK && acu_next_group(tpl, len, pos, &open, &close)) {
		acu_tag tag;
		const char *val = NULL;
		size_t val_len = 0;

		if (!acu_tag_identify(tpl + open + 1, close - open - 1, flags, &tag)) {
			st = acu_put_text(&w, tpl + pos, close + 1 - pos);
			pos = close + 1;
			continue;
		}
		st = acu_put_text(&w, tpl + pos, open - pos);
		if (st != ACU_TAGS_OK) {
			break;
		}
		if (tag.id == ACU_TAG_TAB) {
			st = acu_put_raw(&w, "\\t", 2);
		} else {
			switch (lookup(ctx, &tag, &val, &val_len)) {
				case ACU_TAG_VALUE:
					st = acu_put_text(&w, val, val_len);
					break;
				case ACU_TAG_KEEP:
					st = acu_put_text(&w, tpl + open, close + 1 - open);
					break;
				case ACU_TAG_FAIL:
				default:
					st = ACU_TAGS_E_LOOKUP;
					break;
			}
		}
		pos = close + 1;
	}
	if (st == ACU_TAGS_OK) {
		st = acu_put_text(&w, tpl + pos, len - pos);
	}
	return st;
}

acu_tags_status acu_tags_scan(const char *tpl, size_t len, uint32_t flags,
		acu_tag_visit_fn visit, void *ctx)
{
	size_t pos = 0, open, close;

	if (!acu_flags_valid(flags)) {
		return ACU_TAGS_E_FLAGS;
	}
	while (acu_next_group(tpl, len, pos, &open, &close)) {
		acu_tag tag;

		if (acu_tag_identify(tpl + open + 1, close - open - 1, flags, &tag)) {
			visit(ctx, open, close + 1 - open, &tag);
		} else {
			visit(ctx, open, close + 1 - open, NULL);
		}
		pos = close + 1;
	}
	return ACU_TAGS_OK;
}
