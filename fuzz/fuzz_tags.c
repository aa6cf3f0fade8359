/*
 * libFuzzer harness for the tag engine (tags.c).
 *
 * Input: byte 0 = flags (low 4 bits; invalid combinations must be refused),
 * byte 1 = output limit selector, the rest = the template.
 *
 * Checked on every input, beyond "no crash, no leak, no UB":
 * - identity: with flags 0 and a lookup that keeps every tag, the output is
 *   the template, byte for byte;
 * - scan and render agree, and substitution is one pass: render asks the
 *   lookup exactly once for every known tag scan reports (except {TAB},
 *   which needs no lookup), although the values look like tags ("{USERID}");
 * - the limit holds: an OK result is never longer than the limit, and a
 *   result refused for length really would have been longer;
 * - once: every plain tag acu_tag_name() knows is recognised by that name,
 *   in upper and in lower case, as itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tags.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

typedef struct {
	int mode;        /* 0 keep all, 1 values, 2 values and one failure */
	size_t calls;
	size_t known;    /* scan: known tags other than TAB */
	size_t tabs;
} fz_ctx;

#define FZ_V(s) { s, sizeof(s) - 1 }
static const struct { const char *s; size_t len; } fz_values[] = {
	FZ_V(""),
	FZ_V("604"),
	FZ_V("{USERID}"),             /* must not be expanded again */
	FZ_V("line1\r\nline2\rline3\nend\r"),
	FZ_V("tab\there"),
	FZ_V("{CLIENT_CUSTOMFIELD:{x}}"),
	FZ_V("\xff\xfe invalid utf-8 \xc3"),
	FZ_V("nul\0{USERID}"),
	FZ_V("{"),
	FZ_V("{TAB}"),
};

static acu_tag_result fz_lookup(void *vctx, const acu_tag *tag, const char **val, size_t *len)
{
	fz_ctx *ctx = vctx;
	size_t pick;

	ctx->calls++;
	CHECK(tag->id < ACU_TAG_COUNT_ && tag->id != ACU_TAG_TAB);
	if (tag->id == ACU_TAG_CLIENT_CUSTOMFIELD_NAMED) {
		CHECK(tag->name != NULL && tag->name_len > 0 && tag->name_len <= ACU_TAG_MAX_FIELD_NAME);
		CHECK(tag->name[0] != ' ' && tag->name[tag->name_len - 1] != ' ');
	}
	if (tag->id == ACU_TAG_CLIENT_CUSTOMFIELD) {
		CHECK(tag->index >= 1 && tag->index <= ACU_TAG_MAX_CUSTOMFIELD_INDEX);
	}
	if (ctx->mode == 0) {
		return ACU_TAG_KEEP;
	}
	if (ctx->mode == 2 && ctx->calls == 3) {
		return ACU_TAG_FAIL;
	}
	pick = ((size_t) tag->id + tag->index + tag->name_len) % (sizeof(fz_values) / sizeof(fz_values[0]));
	*val = fz_values[pick].s;
	*len = fz_values[pick].len;
	return ACU_TAG_VALUE;
}

static void fz_visit(void *vctx, size_t offset, size_t len, const acu_tag *tag)
{
	fz_ctx *ctx = vctx;

	(void) offset;
	(void) len;
	if (tag == NULL) {
		return;
	}
	if (tag->id == ACU_TAG_TAB) {
		ctx->tabs++;
	} else {
		ctx->known++;
	}
}

typedef struct {
	size_t seen;
	acu_tag_id id;
} fz_one;

static void fz_visit_one(void *vctx, size_t offset, size_t len, const acu_tag *tag)
{
	fz_one *one = vctx;

	(void) offset;
	(void) len;
	CHECK(tag != NULL && tag->id == one->id);
	one->seen++;
}

/* Each plain tag by its name, in both cases (the lookup by name must know
 * every name the table has). */
static void fz_check_names(void)
{
	int id, lower;

	for (id = 0; id < ACU_TAG_COUNT_; id++) {
		const char *name = acu_tag_name((acu_tag_id) id);
		char tpl[64];
		size_t n, i;

		if (id == ACU_TAG_CLIENT_CUSTOMFIELD || id == ACU_TAG_CLIENT_CUSTOMFIELD_NAMED) {
			continue;
		}
		CHECK(name != NULL);
		n = strlen(name);
		CHECK(n + 2 < sizeof(tpl));
		for (lower = 0; lower < 2; lower++) {
			fz_one one = { 0, (acu_tag_id) id };

			tpl[0] = '{';
			for (i = 0; i < n; i++) {
				tpl[i + 1] = (char) (lower && name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
			}
			tpl[n + 1] = '}';
			CHECK(acu_tags_scan(tpl, n + 2, ACU_TAGS_TABS_ESCAPED, fz_visit_one, &one) == ACU_TAGS_OK);
			CHECK(one.seen == 1);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int names_checked;

	static const size_t limits[] = { 0, 1, 2, 16, 64, 4096, SIZE_MAX };
	uint32_t flags;
	size_t limit, n;
	char *tpl;
	acu_buf out;
	acu_tags_status st;
	fz_ctx ctx;
	int mode;

	if (!names_checked) {
		fz_check_names();
		names_checked = 1;
	}
	if (size < 2) {
		return 0;
	}
	flags = data[0] & 0x0f;
	limit = limits[data[1] % (sizeof(limits) / sizeof(limits[0]))];
	n = size - 2;
	tpl = malloc(n ? n : 1); /* exact size: over-reads show */
	if (tpl == NULL) {
		return 0;
	}
	memcpy(tpl, data + 2, n);

	/* identity with flags 0 and every tag kept */
	memset(&ctx, 0, sizeof(ctx));
	acu_buf_init(&out, SIZE_MAX);
	st = acu_tags_render(tpl, n, 0, fz_lookup, &ctx, &out);
	CHECK(st == ACU_TAGS_OK);
	CHECK(out.len == n && (n == 0 || memcmp(out.data, tpl, n) == 0));
	acu_buf_free(&out);

	/* scan, then render with the fuzzed flags and limit, in three modes */
	memset(&ctx, 0, sizeof(ctx));
	st = acu_tags_scan(tpl, n, flags, fz_visit, &ctx);
	if (st == ACU_TAGS_E_FLAGS) {
		acu_buf_init(&out, limit);
		CHECK(acu_tags_render(tpl, n, flags, fz_lookup, &ctx, &out) == ACU_TAGS_E_FLAGS);
		acu_buf_free(&out);
		free(tpl);
		return 0;
	}
	for (mode = 0; mode < 3; mode++) {
		size_t known = ctx.known;
		size_t full_len = 0;

		/* unlimited first, to know the full length; starting in a small
		 * lent buffer (acu_buf_init_lent), so longer results move to the heap */
		fz_ctx c2 = { mode, 0, 0, 0 };
		char small[16];

		acu_buf_init_lent(&out, small, sizeof(small), SIZE_MAX);
		st = acu_tags_render(tpl, n, flags, fz_lookup, &c2, &out);
		if (mode == 2 && known >= 3) {
			CHECK(st == ACU_TAGS_E_LOOKUP);
		} else {
			CHECK(st == ACU_TAGS_OK);
			CHECK(c2.calls == known);
			full_len = out.len;
			CHECK(out.data != NULL && out.data[out.len] == '\0');
		}
		acu_buf_free(&out);
		if (st != ACU_TAGS_OK) {
			continue;
		}

		c2.calls = 0;
		acu_buf_init(&out, limit);
		st = acu_tags_render(tpl, n, flags, fz_lookup, &c2, &out);
		if (full_len <= limit) {
			CHECK(st == ACU_TAGS_OK && out.len == full_len);
		} else {
			CHECK(st == ACU_TAGS_E_TOO_LONG);
		}
		acu_buf_free(&out);
	}
	free(tpl);
	return 0;
}
