/*
 * Fixed-point decimals for money, prices, quantities and rates.
 *
 * Zend-free and allocation-free: the invoice mapper and the fuzz harness
 * (fuzz/fuzz_money.c) use the same code.
 *
 * A value is an int64_t counting units of 10^-scale: 12.10 at scale 2 is
 * 1210, 21 % at scale 4 is 210000. Scales used by the mapper:
 *   2  amounts (cents), quantities
 *   4  unit prices, VAT rates
 *   8  currency rates (tblcurrencies.rate is DECIMAL(10,5))
 *
 * Rounding is half away from zero everywhere (1.005 -> 1.01, -1.005 ->
 * -1.01), so rounding a negated value gives the negated result: a credit note
 * that mirrors an invoice rounds to exactly minus the invoice.
 *
 * No floating point on any path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_MONEY_H
#define ACUMULUS_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Intermediate products (price x quantity x rate x exchange rate) need more
 * than 64 bits; gcc and clang have a 128-bit integer on every 64-bit target. */
__extension__ typedef __int128 acu_i128;

/* Largest magnitude a parsed value may have, in units of its scale. Leaves
 * room for sums of many lines and for rescaling by 10^4 without overflow. */
#define ACU_DEC_MAX_UNITS 100000000000000000LL /* 10^17 */

/* Largest scale acu_dec_parse and acu_dec_format accept. */
#define ACU_DEC_MAX_SCALE 12

/* Longest text acu_dec_format writes, with the terminating NUL:
 * sign, 19 digits, point, and room for ACU_DEC_MAX_SCALE decimals. */
#define ACU_DEC_BUFSIZE 40

typedef enum acu_dec_status {
	ACU_DEC_OK = 0,
	ACU_DEC_E_SYNTAX,   /* not [+-]digits[.digits] */
	ACU_DEC_E_SCALE,    /* more non-zero decimals than the scale holds */
	ACU_DEC_E_RANGE     /* magnitude above ACU_DEC_MAX_UNITS */
} acu_dec_status;

/* Parses a decimal written with a point and no thousands separator:
 * optional sign, at least one digit, optionally a point followed by at least
 * one digit. No spaces, no exponent, no comma. Decimals beyond the scale are
 * accepted only when they are zeros ("21.000" at scale 2). "-0" is 0. */
acu_dec_status acu_dec_parse(const char *s, size_t len, unsigned scale, int64_t *out);

/* Writes v (units of 10^-scale) as a decimal with a point: at least
 * min_decimals decimals, trailing zeros beyond that dropped, no "-0".
 * Returns the length written (without the NUL) into buf, which must hold
 * ACU_DEC_BUFSIZE bytes. min_decimals > scale is treated as scale. */
size_t acu_dec_format(int64_t v, unsigned scale, unsigned min_decimals, char *buf);

/* num / den rounded half away from zero. den must not be 0. */
acu_i128 acu_div_round_wide(acu_i128 num, acu_i128 den);

static inline acu_i128 acu_div_round(acu_i128 num, acu_i128 den)
{
	/* most operands fit 63 bits: the same rounding in 64-bit division */
	if (num > -INT64_MAX && num < INT64_MAX && den > -INT64_MAX && den < INT64_MAX) {
		bool neg = (num < 0) != (den < 0);
		uint64_t n = (uint64_t) (num < 0 ? -num : num), d = (uint64_t) (den < 0 ? -den : den);
		uint64_t q = n / d, r = n % d;

		if (r >= d - r) {
			q++;
		}
		return neg ? -(acu_i128) q : (acu_i128) q;
	}
	return acu_div_round_wide(num, den);
}

/* 10^n for n in 0..18. */
extern const int64_t acu_pow10_table[19];

static inline int64_t acu_pow10(unsigned n)
{
	return n < 19 ? acu_pow10_table[n] : 0;
}

/* Converts v from scale `from` to scale `to`, rounding half away from zero
 * when decimals are dropped. The caller keeps the result within range. */
int64_t acu_rescale(int64_t v, unsigned from, unsigned to);

/* Is the magnitude of v within ACU_DEC_MAX_UNITS? */
static inline bool acu_dec_in_range(acu_i128 v)
{
	return v <= ACU_DEC_MAX_UNITS && v >= -ACU_DEC_MAX_UNITS;
}

/* Parses "YYYY-MM-DD" (a real calendar date, years 1900..2199) into
 * YYYYMMDD. With allow_time, a " HH:MM:SS" suffix is accepted and ignored.
 * Returns 0 for anything else, and also for the WHMCS zero date
 * "0000-00-00"; *zero tells the two apart when not NULL. */
int32_t acu_date_parse(const char *s, size_t len, bool allow_time, bool *zero);

/* Writes a YYYYMMDD date as "YYYY-MM-DD" into buf (11 bytes). */
void acu_date_format(int32_t date, char *buf);

#endif
