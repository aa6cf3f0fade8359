/*
 * libFuzzer harness for the fixed-point decimals (money.c).
 *
 * Input: byte 0 = scale (mod 13) and which checks run, the rest = the text
 * (for the arithmetic checks: the bytes as numbers).
 *
 * Checked on every input, beyond "no crash, no UB":
 * - a parsed value formats back to text that parses to the same value, with
 *   all decimals and with trailing zeros dropped; the formatted text has no
 *   "-0", no leading zeros, a point only with digits after it;
 * - the parsed value is the text's value: the text without sign, leading
 *   zeros and trailing zeros of the fraction reads the same as the format;
 * - rounding is half away from zero and symmetric: |n - q*d| <= |d|/2, and
 *   round(-n/d) = -round(n/d);
 * - rescaling up and back down is the identity;
 * - a parsed date formats back to its first 10 characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

/* The text's value as a canonical string: "-" when negative and non-zero,
 * the integer digits without leading zeros (at least "0"), and the fraction
 * without trailing zeros (no point when empty). */
static size_t canonical(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0, int_start, int_end, frac_start = 0, frac_end = 0;
	bool neg = false, nonzero = false;

	if (i < n && (s[i] == '-' || s[i] == '+')) {
		neg = s[i] == '-';
		i++;
	}
	int_start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
	}
	int_end = i;
	if (i < n && s[i] == '.') {
		frac_start = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		frac_end = i;
		while (frac_end > frac_start && s[frac_end - 1] == '0') {
			frac_end--;
		}
	}
	while (int_start < int_end - 1 && s[int_start] == '0') {
		int_start++;
	}
	for (i = int_start; i < int_end; i++) {
		nonzero |= s[i] != '0';
	}
	nonzero |= frac_end > frac_start;
	if (neg && nonzero) {
		out[o++] = '-';
	}
	for (i = int_start; i < int_end; i++) {
		out[o++] = s[i];
	}
	if (frac_end > frac_start) {
		out[o++] = '.';
		for (i = frac_start; i < frac_end; i++) {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return o;
}

static void check_text(const char *s, size_t n, unsigned scale)
{
	int64_t v = 0, w = 0;
	char buf[ACU_DEC_BUFSIZE], canon[256];
	size_t len, i;

	if (acu_dec_parse(s, n, scale, &v) != ACU_DEC_OK) {
		return;
	}
	CHECK(acu_dec_in_range(v));

	/* full decimals */
	len = acu_dec_format(v, scale, scale, buf);
	CHECK(len == strlen(buf));
	CHECK(acu_dec_parse(buf, len, scale, &w) == ACU_DEC_OK && w == v);
	CHECK(!(buf[0] == '-' && v == 0));
	CHECK(buf[0] != '.' && buf[len - 1] != '.');
	if (buf[0] == '-') {
		CHECK(!(buf[1] == '0' && len > 2 && buf[2] != '.'));
	} else {
		CHECK(!(buf[0] == '0' && len > 1 && buf[1] != '.'));
	}

	/* trailing zeros dropped: the canonical form of the input */
	len = acu_dec_format(v, scale, 0, buf);
	CHECK(acu_dec_parse(buf, len, scale, &w) == ACU_DEC_OK && w == v);
	if (n < sizeof(canon) - 2) {
		canonical(s, n, canon);
		CHECK(strcmp(canon, buf) == 0);
	}
	for (i = 0; i < len; i++) {
		CHECK(buf[i] == '-' || buf[i] == '.' || (buf[i] >= '0' && buf[i] <= '9'));
	}

	/* rescaling up (where it fits) and back is the identity */
	if (scale <= 8 && v < ACU_DEC_MAX_UNITS / 10000 && v > -ACU_DEC_MAX_UNITS / 10000) {
		CHECK(acu_rescale(acu_rescale(v, scale, scale + 4), scale + 4, scale) == v);
	}
}

static int64_t read_i64(const uint8_t *d, size_t n, size_t at)
{
	uint64_t u = 0;
	size_t i;

	for (i = 0; i < 8; i++) {
		u = (u << 8) | (at + i < n ? d[at + i] : 0);
	}
	return (int64_t) u;
}

static void check_rounding(const uint8_t *d, size_t n)
{
	/* magnitudes as the mapper uses them: |num| < 2^100, 0 < |den| < 2^62 */
	acu_i128 num = (acu_i128) (read_i64(d, n, 0) / (1LL << 28)) * ((acu_i128) 1 << 64)
		+ (acu_i128) (uint64_t) read_i64(d, n, 8);
	int64_t den = read_i64(d, n, 16) >> 2;
	acu_i128 q, r, q2, ad;

	if (den == 0) {
		den = 1;
	}
	q = acu_div_round(num, den);
	r = num - q * den;
	ad = den < 0 ? -(acu_i128) den : (acu_i128) den;
	CHECK((r < 0 ? -r : r) * 2 <= ad);
	/* exactly half rounds away from zero: the remainder then has the
	 * opposite sign of num (5/2 = 3 rest -1, -5/2 = -3 rest 1) */
	if (r != 0 && (r < 0 ? -r : r) * 2 == ad) {
		CHECK((r > 0) != (num > 0));
	}
	q2 = acu_div_round(-num, den);
	CHECK(q2 == -q);
}

static void check_date(const char *s, size_t n)
{
	bool zero = false;
	int32_t date = acu_date_parse(s, n, true, &zero);
	char buf[11];

	if (date == 0) {
		return;
	}
	CHECK(!zero);
	acu_date_format(date, buf);
	CHECK(memcmp(buf, s, 10) == 0);
	CHECK(acu_date_parse(buf, 10, false, NULL) == date);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned scale;
	char *text;

	if (size < 1) {
		return 0;
	}
	scale = (unsigned) (data[0] % 13);
	/* exact-size copy, so ASan sees any over-read */
	text = malloc(size - 1 ? size - 1 : 1);
	if (text == NULL) {
		return 0;
	}
	memcpy(text, data + 1, size - 1);
	check_text(text, size - 1, scale);
	check_date(text, size - 1);
	free(text);
	check_rounding(data + 1, size - 1);
	return 0;
}
