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

/* ASCII upper case of each byte. */
static const unsigned char acu_upper[256] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
	0x60, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
	0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
	0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
	0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
	0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
	0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
	0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
	0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
	0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

/* The longest plain tag name (CLIENT_CURRENCY). */
#define ACU_PLAIN_MAX 15

/* The plain tag called up[0..n) (upper case), or ACU_TAG_COUNT_: by
 * length first, then whole-name compares of fixed size. Must know every
 * name of acu_plain_tags (fuzz/fuzz_tags.c checks that it does). */
static acu_tag_id acu_plain_tag(const char *up, size_t n)
{
#define ACU_IS(lit, id) do { if (memcmp(up, lit, sizeof(lit) - 1) == 0) return id; } while (0)
	switch (n) {
		case 3:
			ACU_IS("TAB", ACU_TAG_TAB);
			break;
		case 4:
			ACU_IS("CITY", ACU_TAG_CITY);
			break;
		case 5:
			ACU_IS("STATE", ACU_TAG_STATE);
			break;
		case 6:
			ACU_IS("USERID", ACU_TAG_USERID);
			break;
		case 7:
			ACU_IS("COUNTRY", ACU_TAG_COUNTRY);
			break;
		case 8:
			ACU_IS("LASTNAME", ACU_TAG_LASTNAME);
			ACU_IS("FULLNAME", ACU_TAG_FULLNAME);
			ACU_IS("ADDRESS1", ACU_TAG_ADDRESS1);
			ACU_IS("ADDRESS2", ACU_TAG_ADDRESS2);
			ACU_IS("POSTCODE", ACU_TAG_POSTCODE);
			break;
		case 9:
			ACU_IS("FIRSTNAME", ACU_TAG_FIRSTNAME);
			ACU_IS("INVOICEID", ACU_TAG_INVOICEID);
			break;
		case 10:
			ACU_IS("INVOICEDUE", ACU_TAG_INVOICEDUE);
			break;
		case 11:
			ACU_IS("COMPANYNAME", ACU_TAG_COMPANYNAME);
			ACU_IS("COUNTRYCODE", ACU_TAG_COUNTRYCODE);
			ACU_IS("PHONENUMBER", ACU_TAG_PHONENUMBER);
			ACU_IS("INVOICEDATE", ACU_TAG_INVOICEDATE);
			break;
		case 12:
			ACU_IS("INVOICENOTES", ACU_TAG_INVOICENOTES);
			break;
		case 13:
			ACU_IS("INVOICENUMBER", ACU_TAG_INVOICENUMBER);
			ACU_IS("INVOICESTATUS", ACU_TAG_INVOICESTATUS);
			break;
		case 15:
			ACU_IS("CLIENT_CURRENCY", ACU_TAG_CLIENT_CURRENCY);
			break;
		default:
			break;
	}
#undef ACU_IS
	return ACU_TAG_COUNT_;
}

/* Is s[0..n) the name of a known tag? Fills *tag when it is. */
static bool acu_tag_identify(const char *s, size_t n, uint32_t flags, acu_tag *tag)
{
	size_t i;

	if (n <= ACU_PLAIN_MAX) {
		char up[ACU_PLAIN_MAX];
		acu_tag_id id;

		for (i = 0; i < n; i++) {
			up[i] = (char) acu_upper[(unsigned char) s[i]];
		}
		id = acu_plain_tag(up, n);
		if (id != ACU_TAG_COUNT_) {
			if (id == ACU_TAG_TAB && !(flags & ACU_TAGS_TABS_ESCAPED)) {
				return false;
			}
			tag->id = id;
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
		/* eight bytes a round while a word has no brace (and fits) */
		for (j = o + 1; end >= 7 && j <= end - 7; j += 8) {
			const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
			uint64_t v, a, c;

			memcpy(&v, tpl + j, 8);
			a = v ^ (ones * '{');
			c = v ^ (ones * '}');
			if ((((a - ones) & ~a) | ((c - ones) & ~c)) & highs) {
				break;
			}
		}
		for (; j <= end; j++) {
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

/* CR, LF, TAB: the bytes the newline/tab rules look at. */
#define ACU_NL_TAB(c) ((unsigned char) (c) <= '\r' && ((0x2600u >> (unsigned char) (c)) & 1u))

/* Whether the 8 bytes at s have one below 14 (as CR, LF and TAB are). */
static inline bool acu_word_low(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t v;

	memcpy(&v, s, 8);
	return ((v - ones * 14) & ~v & highs) != 0;
}

/* The first CR, LF or TAB in s[i..n), or n. Eight bytes a round: a word
 * without a byte below 14 has none of them; a rest shorter than a word is
 * looked at through the last word of s (which may overlap bytes before i:
 * then they are looked at one by one). */
static size_t acu_next_nl_tab(const char *s, size_t i, size_t n)
{
	while (n - i >= 8 && !acu_word_low(s + i)) {
		i += 8;
	}
	if (i < n && n >= 8 && n - i < 8 && !acu_word_low(s + n - 8)) {
		return n;
	}
	while (i < n && !ACU_NL_TAB(s[i])) {
		i++;
	}
	return i;
}

/* Appends text under the newline/tab rules of the flags. A CRLF split over
 * two pieces (template text, then a value) still counts as one newline. */
static acu_tags_status acu_put_text(acu_tag_writer *w, const char *s, size_t n)
{
	const uint32_t nl = w->flags & (ACU_TAGS_NEWLINES_ESCAPED | ACU_TAGS_NEWLINES_TO_SPACE);
	const uint32_t tab = w->flags & (ACU_TAGS_TABS_ESCAPED | ACU_TAGS_TABS_TO_SPACE);
	const char *nl_rep = (nl & ACU_TAGS_NEWLINES_ESCAPED) ? "\\n" : " ";
	const char *tab_rep = (tab & ACU_TAGS_TABS_ESCAPED) ? "\\t" : " ";
	size_t i = 0, start = 0;
	bool after_cr = w->after_cr;   /* the last byte written was a CR we replaced */
	acu_buf_status st;

	if (n == 0) {
		return ACU_TAGS_OK;   /* nothing written, CRLF state kept */
	}
	if (!nl && !tab) {
		return acu_status(acu_buf_append(w->out, s, n));
	}
	while (i < n) {
		size_t from = i;
		char c;
		const char *rep;

		i = acu_next_nl_tab(s, i, n);
		if (i > from) {
			after_cr = false;
		}
		if (i == n) {
			break;
		}
		c = s[i];
		if (nl && c == '\n' && after_cr) {
			/* the LF of a CRLF whose CR was already replaced */
			rep = "";
			after_cr = false;
		} else if (nl && (c == '\r' || c == '\n')) {
			rep = nl_rep;
			after_cr = c == '\r';
		} else if (tab && c == '\t') {
			rep = tab_rep;
			after_cr = false;
		} else {
			/* a byte these flags leave alone */
			after_cr = false;
			i++;
			continue;
		}
		st = acu_buf_append(w->out, s + start, i - start);
		if (st == ACU_BUF_OK) {
			st = acu_buf_append(w->out, rep, strlen(rep));
		}
		if (st != ACU_BUF_OK) {
			w->after_cr = after_cr;
			return acu_status(st);
		}
		i++;
		start = i;
	}
	w->after_cr = after_cr;
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
