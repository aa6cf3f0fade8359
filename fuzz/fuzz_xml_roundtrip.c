/*
 * libFuzzer harness for the request writer (xml.c), checked through the
 * response parser: any text the writer accepts comes back from the parser
 * byte for byte; any text it refuses really contains what it says.
 *
 * Input: byte 0 selects the element name (from a list, or the next bytes up
 * to a NUL when bit 7 is set), the rest is the text.
 *
 * Checked on every input:
 * - round trip: write <response><status>0</status><NAME>TEXT</NAME></response>;
 *   when the writer accepts, the document parses as an API response with
 *   status 0 and the NAME element's text equals TEXT exactly;
 * - the written value contains no raw '&' outside an entity, no '<', '>',
 *   '"', '\'', '\\' or CR at all;
 * - a refusal is explained independently: UTF8 at an offset where a simple
 *   decoder also fails, CONTROL/NONCHAR at a character that is one;
 * - acu_xml_check_text agrees with acu_xml_escape;
 * - a refused name is refused because it breaks the name rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

static const char *const fz_names[] = {
	"v", "password", "product", "descriptiontext", "meta-warning", "line_2", "a0",
	"Upper", "xmlfoo", "9lives", "",
};

/* A second, deliberately naive UTF-8 reader: length of the valid sequence
 * at s, or 0. */
static size_t fz_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t v;
	size_t k, i;

	if (s[0] < 0x80) { *cp = s[0]; return 1; }
	if ((s[0] & 0xe0) == 0xc0) { k = 2; v = s[0] & 0x1f; }
	else if ((s[0] & 0xf0) == 0xe0) { k = 3; v = s[0] & 0x0f; }
	else if ((s[0] & 0xf8) == 0xf0) { k = 4; v = s[0] & 0x07; }
	else return 0;
	if (n < k) return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80) return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((k == 2 && v < 0x80) || (k == 3 && v < 0x800) || (k == 4 && v < 0x10000)) return 0;
	if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return 0;
	*cp = v;
	return k;
}

static int fz_is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f);
}

static void fz_check_refusal(const unsigned char *t, size_t len, const acu_xml_werror *e)
{
	size_t i = 0;
	uint32_t cp = 0;

	/* everything before the offset is fine */
	while (i < e->offset) {
		size_t k = fz_utf8(t + i, len - i, &cp);

		CHECK(k > 0 && !fz_is_control(cp) && cp != 0xfffe && cp != 0xffff);
		i += k;
	}
	CHECK(i == e->offset && i < len);
	switch (e->code) {
		case ACU_XML_W_UTF8:
			CHECK(fz_utf8(t + i, len - i, &cp) == 0);
			break;
		case ACU_XML_W_CONTROL:
			CHECK(fz_utf8(t + i, len - i, &cp) > 0 && fz_is_control(cp) && cp == e->codepoint);
			break;
		case ACU_XML_W_NONCHAR:
			CHECK(fz_utf8(t + i, len - i, &cp) > 0 && (cp == 0xfffe || cp == 0xffff) && cp == e->codepoint);
			break;
		default:
			CHECK(!"unexpected refusal");
	}
}

static int fz_name_rule(const char *n, size_t len)
{
	size_t i;

	if (len == 0 || len > ACU_XML_MAX_NAME || !(n[0] >= 'a' && n[0] <= 'z')) return 0;
	if (len >= 3 && memcmp(n, "xml", 3) == 0) return 0;
	for (i = 0; i < len; i++) {
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') || n[i] == '-' || n[i] == '_')) return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	acu_xml_writer w;
	acu_xml_werror e1, e2;
	const char *name;
	char name_buf[256];
	size_t name_len, len, i;
	unsigned char *text;
	bool ok;

	if (size < 1) {
		return 0;
	}
	if (data[0] & 0x80) {
		const uint8_t *nul = memchr(data + 1, 0, size - 1);

		name_len = nul ? (size_t) (nul - (data + 1)) : size - 1;
		if (name_len >= sizeof(name_buf)) {
			return 0;
		}
		/* NUL-terminated: acu_xml_child and strstr below take C strings */
		memcpy(name_buf, data + 1, name_len);
		name_buf[name_len] = '\0';
		name = name_buf;
		data += 1 + name_len + (nul ? 1 : 0);
		size -= 1 + name_len + (nul ? 1 : 0);
	} else {
		name = fz_names[data[0] % (sizeof(fz_names) / sizeof(fz_names[0]))];
		name_len = strlen(name);
		data++;
		size--;
	}
	len = size;
	text = malloc(len ? len : 1);
	CHECK(text != NULL);
	memcpy(text, data, len);

	CHECK(acu_xml_name_ok(name, name_len) == (fz_name_rule(name, name_len) == 1));

	acu_xml_writer_init(&w, 1 << 20);
	ok = acu_xml_decl(&w)
		&& acu_xml_open(&w, "response", 8, -1)
		&& acu_xml_leaf(&w, "status", 6, -1, "0", 1);
	CHECK(ok);
	ok = acu_xml_leaf(&w, name, name_len, -1, (const char *) text, len) && acu_xml_close(&w);

	acu_xml_check_text((const char *) text, len, &e1);
	if (!acu_xml_name_ok(name, name_len)) {
		CHECK(!ok && w.err.code == ACU_XML_W_NAME);
	} else if (!ok) {
		CHECK(w.err.code == e1.code && w.err.offset == e1.offset);
		fz_check_refusal(text, len, &w.err);
		CHECK(strstr(acu_xml_writer_path(&w), name) != NULL);
	} else {
		acu_response r;
		const acu_xml_node *v;
		const char *val, *end;

		CHECK(e1.code == ACU_XML_W_OK);
		CHECK(w.depth == 0);
		/* the value as written: between <name> and </name>, unless empty */
		val = strstr(w.out.data, "<status>0</status>") + strlen("<status>0</status>") + 1 + name_len;
		end = w.out.data + w.out.len - strlen("</response>");
		if (len == 0) {
			CHECK(memcmp(val, "/>", 2) == 0);
		} else {
			CHECK(*val == '>');
			val++;
			end -= name_len + 3;
			for (const char *q = val; q < end; q++) {
				CHECK(*q != '<' && *q != '>' && *q != '"' && *q != '\'' && *q != '\\' && *q != '\r');
				if (*q == '&') {
					CHECK(!strncmp(q, "&amp;", 5) || !strncmp(q, "&lt;", 4) || !strncmp(q, "&gt;", 4)
						|| !strncmp(q, "&quot;", 6) || !strncmp(q, "&apos;", 6)
						|| !strncmp(q, "&#92;", 5) || !strncmp(q, "&#13;", 5));
				}
			}
		}
		CHECK(acu_response_parse(w.out.data, w.out.len, NULL, &r) == ACU_RESP_OK);
		CHECK(r.status == 0);
		v = acu_xml_child(r.doc.root, name);
		if (strcmp(name, "status") == 0) {
			v = v->next;
		}
		CHECK(v != NULL && v->first == NULL);
		CHECK(v->text_len == len && memcmp(v->text, text, len) == 0);
		acu_response_free(&r);
	}
	/* escaping into a separate buffer agrees with the check */
	{
		acu_buf b;

		acu_buf_init(&b, SIZE_MAX);
		CHECK(acu_xml_escape(&b, (const char *) text, len, &e2) == e1.code);
		CHECK(e2.offset == e1.offset || e1.code == ACU_XML_W_OK);
		if (e1.code != ACU_XML_W_OK) {
			CHECK(b.len == 0);
		} else {
			for (i = 0; i < b.len; i++) {
				CHECK(b.data[i] != '\\' && b.data[i] != '<');
			}
		}
		acu_buf_free(&b);
	}
	acu_xml_writer_free(&w);
	free(text);
	return 0;
}
