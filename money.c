/*
 * Fixed-point decimals. See money.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "money.h"

const int64_t acu_pow10_table[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};


/* The common shape ("12.10", "-4.99", "21"): digits, and at most scale
 * decimals, few enough that no range check is needed. Returns false,
 * having set nothing, for everything else (acu_dec_parse then decides). */
static bool acu_dec_parse_plain(const char *s, size_t len, unsigned scale, int64_t *out)
{
	size_t i = 0, int_digits;
	unsigned frac = 0;
	uint64_t v = 0;
	bool neg = false;

	if (len == 0 || len > 18) {
		return false;
	}
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i = 1;
	}
	int_digits = i;
	while (i < len && (unsigned) (s[i] - '0') < 10) {
		v = v * 10 + (unsigned) (s[i] - '0');
		i++;
	}
	int_digits = i - int_digits;
	/* below 10^17 = ACU_DEC_MAX_UNITS whatever the decimals are */
	if (int_digits == 0 || int_digits + scale > 17) {
		return false;
	}
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && frac < scale && (unsigned) (s[i] - '0') < 10) {
			v = v * 10 + (unsigned) (s[i] - '0');
			frac++;
			i++;
		}
		if (frac == 0) {
			return false;
		}
	}
	if (i != len) {
		return false;
	}
	v *= (uint64_t) acu_pow10(scale - frac);
	*out = neg ? -(int64_t) v : (int64_t) v;
	return true;
}

acu_dec_status acu_dec_parse(const char *s, size_t len, unsigned scale, int64_t *out)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;
	bool neg = false, excess = false;
	int64_t v = 0;

	*out = 0;
	if (scale > ACU_DEC_MAX_SCALE) {
		return ACU_DEC_E_SCALE;
	}
	if (acu_dec_parse_plain(s, len, scale, out)) {
		return ACU_DEC_OK;
	}
	if (i < len && (s[i] == '-' || s[i] == '+')) {
		neg = s[i] == '-';
		i++;
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		int_digits++;
		if (v > ACU_DEC_MAX_UNITS / 10) {
			return ACU_DEC_E_RANGE;
		}
		v = v * 10 + (s[i] - '0');
	}
	if (int_digits == 0) {
		return ACU_DEC_E_SYNTAX;
	}
	if (i < len && s[i] == '.') {
		size_t start = ++i;

		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (frac_digits < scale) {
				frac_digits++;
				if (v > ACU_DEC_MAX_UNITS / 10) {
					return ACU_DEC_E_RANGE;
				}
				v = v * 10 + (s[i] - '0');
			} else if (s[i] != '0') {
				/* go on scanning: a syntax error later wins over the scale */
				excess = true;
			}
		}
		if (i == start) {
			return ACU_DEC_E_SYNTAX;
		}
	}
	if (i != len) {
		return ACU_DEC_E_SYNTAX;
	}
	if (excess) {
		return ACU_DEC_E_SCALE;
	}
	for (; frac_digits < scale; frac_digits++) {
		if (v > ACU_DEC_MAX_UNITS / 10) {
			return ACU_DEC_E_RANGE;
		}
		v *= 10;
	}
	if (v > ACU_DEC_MAX_UNITS) {
		return ACU_DEC_E_RANGE;
	}
	*out = neg ? -v : v;
	return ACU_DEC_OK;
}

/* "00" .. "99" */
static const char acu_digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

size_t acu_dec_format(int64_t v, unsigned scale, unsigned min_decimals, char *buf)
{
	char tmp[ACU_DEC_BUFSIZE];
	char *const end = tmp + sizeof(tmp);
	char *p = end;
	uint64_t mag = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
	unsigned d;
	size_t n;

	if (scale > ACU_DEC_MAX_SCALE) {
		scale = ACU_DEC_MAX_SCALE;
	}
	if (min_decimals > scale) {
		min_decimals = scale;
	}
	/* trailing zero decimals beyond min_decimals are dropped; d decimals stay */
	d = scale;
	while (d > min_decimals && mag % 10 == 0) {
		mag /= 10;
		d--;
	}
	/* right to left, two digits a round */
	if (d > 0) {
		unsigned k = d;

		for (; k >= 2; k -= 2) {
			p -= 2;
			memcpy(p, acu_digit_pairs + 2 * (mag % 100), 2);
			mag /= 100;
		}
		if (k) {
			*--p = (char) ('0' + (unsigned) (mag % 10));
			mag /= 10;
		}
		*--p = '.';
	}
	while (mag >= 100) {
		p -= 2;
		memcpy(p, acu_digit_pairs + 2 * (mag % 100), 2);
		mag /= 100;
	}
	if (mag >= 10) {
		p -= 2;
		memcpy(p, acu_digit_pairs + 2 * mag, 2);
	} else {
		*--p = (char) ('0' + (unsigned) mag);
	}
	/* no "-0": a negative value keeps a non-zero digit (only zeros are dropped) */
	if (v < 0) {
		*--p = '-';
	}
	n = (size_t) (end - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

acu_i128 acu_div_round_wide(acu_i128 num, acu_i128 den)
{
	acu_i128 q, r;
	bool neg = (num < 0) != (den < 0);

	if (num < 0) {
		num = -num;
	}
	if (den < 0) {
		den = -den;
	}
	q = num / den;
	r = num - q * den;
	if (r * 2 >= den) {
		q++;
	}
	return neg ? -q : q;
}

int64_t acu_rescale(int64_t v, unsigned from, unsigned to)
{
	if (to >= from) {
		return v * acu_pow10(to - from);
	}
	return (int64_t) acu_div_round(v, acu_pow10(from - to));
}

static bool acu_digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

int32_t acu_date_parse(const char *s, size_t len, bool allow_time, bool *zero)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, hh, mm, ss, dim;

	if (zero) {
		*zero = false;
	}
	if (len != 10 && !(allow_time && len == 19)) {
		return 0;
	}
	if (s[4] != '-' || s[7] != '-'
			|| !acu_digits(s, 4, &y) || !acu_digits(s + 5, 2, &m) || !acu_digits(s + 8, 2, &d)) {
		return 0;
	}
	if (len == 19) {
		if (s[10] != ' ' || s[13] != ':' || s[16] != ':'
				|| !acu_digits(s + 11, 2, &hh) || !acu_digits(s + 14, 2, &mm)
				|| !acu_digits(s + 17, 2, &ss) || hh > 23 || mm > 59 || ss > 59) {
			return 0;
		}
	}
	if (y == 0 && m == 0 && d == 0) {
		if (zero) {
			*zero = true;
		}
		return 0;
	}
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) {
		return 0;
	}
	dim = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
		dim = 29;
	}
	if (d > dim) {
		return 0;
	}
	return (int32_t) (y * 10000 + m * 100 + d);
}

void acu_date_format(int32_t date, char *buf)
{
	int y = date / 10000, m = (date / 100) % 100, d = date % 100;

	buf[0] = (char) ('0' + y / 1000 % 10);
	buf[1] = (char) ('0' + y / 100 % 10);
	buf[2] = (char) ('0' + y / 10 % 10);
	buf[3] = (char) ('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char) ('0' + m / 10);
	buf[6] = (char) ('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char) ('0' + d / 10);
	buf[9] = (char) ('0' + d % 10);
	buf[10] = '\0';
}
