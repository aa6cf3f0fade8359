/*
 * libFuzzer harness for the response parser (xml.c: acu_response_parse and
 * the tree it builds), with the limits the extension uses but small, so the
 * limit paths are reached too.
 *
 * Input: byte 0 selects the limits (low bits: depth 4..35, bit 5: a node cap
 * of 64, bit 6: a byte cap of 512), the rest is the body.
 *
 * Checked on every input, beyond "no crash, no leak, no UB":
 * - the verdict is one of the kinds, and OK means root <response> with a
 *   status child whose trimmed text is one digit 0..3;
 * - the tree is consistent: parent links, child counts, depth within the
 *   limit, number of nodes as counted, names non-empty and NUL-terminated,
 *   text NUL-terminated with no NUL inside (XML has none), and only leaves
 *   carry text;
 * - a body refused as empty or HTML never reached libxml2, and an empty one
 *   is really only white space;
 * - the errors/warnings pointers are children of the root.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

static size_t fz_walk(const acu_xml_node *n, unsigned depth, unsigned max_depth)
{
	const acu_xml_node *c;
	size_t count = 1, kids = 0;

	CHECK(depth <= max_depth);
	CHECK(n->name != NULL && n->name_len > 0 && strlen(n->name) == n->name_len);
	CHECK(n->text != NULL && strlen(n->text) == n->text_len);
	if (n->first) {
		CHECK(n->text_len == 0);
	}
	for (c = n->first; c; c = c->next) {
		CHECK(c->parent == n);
		if (c->next == NULL) {
			CHECK(n->last == c);
		}
		kids++;
		count += fz_walk(c, depth + 1, max_depth);
	}
	CHECK(kids == n->nchildren);
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	acu_xml_limits lim = acu_xml_default_limits;
	acu_response r;
	acu_resp_kind kind;
	char *body;
	size_t len, i;

	if (size < 1) {
		return 0;
	}
	lim.max_depth = 4 + (data[0] & 0x1f);
	if (data[0] & 0x20) {
		lim.max_nodes = 64;
	}
	if (data[0] & 0x40) {
		lim.max_bytes = 512;
	}
	len = size - 1;
	/* an exact-size copy, so an over-read is seen */
	body = malloc(len ? len : 1);
	CHECK(body != NULL);
	memcpy(body, data + 1, len);

	kind = acu_response_parse(body, len, &lim, &r);
	switch (kind) {
		case ACU_RESP_OK:
			CHECK(r.perr == ACU_XML_P_OK);
			CHECK(r.doc.root != NULL && strcmp(r.doc.root->name, "response") == 0);
			CHECK(r.status >= 0 && r.status <= 3);
			{
				const acu_xml_node *st = acu_xml_child(r.doc.root, "status");
				size_t a = 0, b;

				CHECK(st != NULL && st->first == NULL);
				while (a < st->text_len && strchr(" \t\r\n", st->text[a])) {
					a++;
				}
				b = a + 1;
				CHECK(b <= st->text_len && st->text[a] == '0' + r.status);
			}
			CHECK(r.errors == NULL || r.errors->parent == r.doc.root);
			CHECK(r.warnings == NULL || r.warnings->parent == r.doc.root);
			break;
		case ACU_RESP_EMPTY:
			CHECK(r.perr == ACU_XML_P_EMPTY && r.doc.root == NULL && r.doc.arena == NULL);
			i = (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) ? 3 : 0;
			for (; i < len; i++) {
				CHECK(strchr(" \t\r\n", body[i]) != NULL && body[i] != '\0');
			}
			break;
		case ACU_RESP_HTML:
			CHECK(r.status == -1);
			CHECK(r.perr == ACU_XML_P_OK || (r.perr == ACU_XML_P_HTML && r.doc.arena == NULL));
			break;
		case ACU_RESP_NOT_XML:
			CHECK(r.perr != ACU_XML_P_OK && r.doc.root == NULL && r.doc.message[0] != '\0');
			CHECK(strlen(r.doc.message) < sizeof(r.doc.message));
			if (r.perr == ACU_XML_P_SIZE) {
				CHECK(len > lim.max_bytes);
			}
			break;
		case ACU_RESP_NOT_RESPONSE:
		case ACU_RESP_BAD_STATUS:
			CHECK(r.perr == ACU_XML_P_OK && r.status == -1);
			break;
		default:
			CHECK(!"unknown kind");
	}
	if (r.doc.root) {
		CHECK(r.perr == ACU_XML_P_OK);
		CHECK(r.doc.root->parent == NULL);
		CHECK(fz_walk(r.doc.root, 1, lim.max_depth) == r.doc.nodes);
		CHECK(r.doc.nodes <= lim.max_nodes);
	}
	CHECK(strlen(acu_resp_kind_text(kind)) > 0);
	acu_response_free(&r);
	free(body);
	return 0;
}
