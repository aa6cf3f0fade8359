/*
 * libFuzzer harness for the invoice mapper's core (invoice_map.c, vat.c):
 * invoices built from the input bytes, with WHMCS' totals computed here the
 * way tests/invoice_map.inc does (docs/mapping.md "WHMCS totals").
 *
 * Input: 6 bytes of facts and settings, then 5 bytes per item (amount,
 * taxed, kind).
 *
 * Checked on every input, beyond "no crash, no leak, no UB":
 * - the booked total is the sum of the lines' Acumulus totals;
 * - with Invoice Correction on, the booking equals the target to the cent;
 *   without, it equals it or the invoice is a concept;
 * - a booking that is not a concept uses only rates its vattype allows;
 * - the mirror credit note books exactly minus the booking, and a partial
 *   refund (with correction on) exactly minus the refund.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invoice_map.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "check failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

static const char *const countries[] = { "NL", "DE", "BE", "FR", "GB", "GR", "US", "CH", "", "XI", "SE", "AT" };
static const int32_t dates[] = { 20100601, 20140601, 20160301, 20190601, 20200801, 20210301, 20210901, 20261130 };
static const int64_t rates[] = { 0, 210000, 90000, 190000, 200000, 60000, 70000, 160000, 55000, 81000, 255000, 100000 };
/* fx_num, fx_den: EUR = amount * num / den */
static const int64_t fx[][2] = { { 1, 1 }, { 100000000, 108123000 }, { 100000000, 16050000000 }, { 92000000, 80000000 } };

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* WHMCS' tax of one taxable amount, both levels */
static void whmcs_tax(int64_t a, int64_t r1, int64_t r2, bool inclusive, bool compound, int64_t *t1, int64_t *t2)
{
	const int64_t one = ACU_RATE_ONE;

	if (!inclusive) {
		*t1 = (int64_t) acu_div_round((acu_i128) a * r1, one);
		*t2 = (int64_t) acu_div_round((acu_i128) (compound ? a + *t1 : a) * r2, one);
	} else if (compound) {
		*t2 = (int64_t) acu_div_round((acu_i128) a * r2, one + r2);
		*t1 = (int64_t) acu_div_round((acu_i128) a * r1 * one, (acu_i128) (one + r1) * (one + r2));
	} else {
		*t1 = (int64_t) acu_div_round((acu_i128) a * r1, one + r1 + r2);
		*t2 = (int64_t) acu_div_round((acu_i128) a * r2, one + r1 + r2);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	acu_item items[64];
	acu_invoice_in in;
	acu_map_opts o;
	acu_invoice_out out, cr;
	size_t n = 0, i;
	int64_t sum = 0, taxable = 0, t1 = 0, t2 = 0, x1, x2, check;
	acu_map_status st;

	if (size < 6) {
		return 0;
	}
	memset(&in, 0, sizeof(in));
	memset(&o, 0, sizeof(o));
	o.inclusive = data[0] & 1;
	o.compound = (data[0] >> 1) & 1;
	o.per_line = (int) ((data[0] >> 2) % 3) - 1;
	o.summarize = (data[0] >> 4) & 1;
	o.correction = (data[0] >> 5) & 1;
	o.book_addfunds = (data[0] >> 6) & 1;
	o.book_zero_total = true;
	o.tax_enabled = !((data[0] >> 7) & 1);
	memcpy(in.vat.country, countries[data[1] % N(countries)], strlen(countries[data[1] % N(countries)]) + 1);
	in.vat.bt_postcode = (data[1] >> 4) & 1;
	in.vat.date = dates[data[2] % N(dates)];
	in.vat.nature = ((data[2] >> 3) & 1) ? ACU_NATURE_PRODUCT : ACU_NATURE_SERVICE;
	in.vat.vat_number = (data[2] >> 4) & 1;
	in.vat.exempt = (data[2] >> 5) & 1;
	in.vat.oss = (int) ((data[2] >> 6) % 3) - 1;
	in.vat.vat_number_valid = -1;
	in.rate1 = rates[data[3] % N(rates)];
	in.rate2 = (data[3] >> 4) & 1 ? rates[(data[3] >> 5) % N(rates)] : 0;
	in.fx_num = fx[data[4] % N(fx)][0];
	in.fx_den = fx[data[4] % N(fx)][1];
	in.credit = data[5] % 4 == 0 ? (int64_t) data[5] * 7 : 0;

	for (i = 6; i + 5 <= size && n < N(items); i += 5) {
		uint32_t u = (uint32_t) data[i] | (uint32_t) data[i + 1] << 8 | (uint32_t) data[i + 2] << 16
			| (uint32_t) data[i + 3] << 24;
		acu_item *it = &items[n++];

		/* mostly small amounts, some large, some negative */
		it->amount = (int64_t) (u % 4000000u) - ((data[i + 4] & 0x80) ? 2000000 : 0);
		if (data[i + 4] & 0x40) {
			it->amount = (int64_t) (u % 2000u);
		}
		it->taxed = data[i + 4] & 1;
		it->kind = (data[i + 4] >> 1) % 7 == 0 ? ACU_ITEM_MASSPAY
			: (data[i + 4] >> 1) % 7 == 1 ? ACU_ITEM_ADDFUNDS : ACU_ITEM_NORMAL;
	}
	/* WHMCS' totals (every item, the left-out ones too) */
	for (i = 0; i < n; i++) {
		sum += items[i].amount;
		if (items[i].taxed) {
			if (o.per_line == 1) {
				whmcs_tax(items[i].amount, in.rate1, in.rate2, o.inclusive, o.compound, &x1, &x2);
				t1 += x1;
				t2 += x2;
			}
			taxable += items[i].amount;
		}
	}
	if (o.per_line != 1) {
		whmcs_tax(taxable, in.rate1, in.rate2, o.inclusive, o.compound, &t1, &t2);
	}
	in.tax1 = t1;
	in.tax2 = t2;
	in.total = (o.inclusive ? sum : sum + t1 + t2) - in.credit;
	in.items = items;
	in.n_items = n;

	acu_invoice_out_init(&out);
	st = acu_map_invoice(&in, &o, &out);
	CHECK(st == ACU_MAP_OK || st == ACU_MAP_SKIP || st == ACU_MAP_E_RANGE);
	if (st != ACU_MAP_OK) {
		acu_invoice_out_free(&out);
		return 0;
	}
	CHECK(out.n_lines >= 1);
	check = 0;
	for (i = 0; i < out.n_lines; i++) {
		check += acu_line_total(&out.lines[i]);
		if (!acu_warnings_concept(&out.warnings)) {
			CHECK(acu_rate_set_has(&out.vat.allowed, out.lines[i].rate));
		}
	}
	CHECK(check == out.booked_total);
	if (o.correction) {
		CHECK(out.booked_total == out.target);
	} else {
		CHECK(out.booked_total == out.target || acu_warnings_concept(&out.warnings));
	}

	/* credit notes of this booking */
	acu_invoice_out_init(&cr);
	st = acu_credit_lines(out.lines, out.n_lines, -1, out.vat.vattype, &out.vat.allowed, o.correction, &cr);
	CHECK(st == ACU_MAP_OK);
	CHECK(cr.booked_total == -out.booked_total);
	acu_invoice_out_free(&cr);
	if (out.booked_total > 1 && o.correction) {
		int64_t refund = 1 + (int64_t) ((uint64_t) (sum < 0 ? -sum : sum) % (uint64_t) out.booked_total);

		acu_invoice_out_init(&cr);
		st = acu_credit_lines(out.lines, out.n_lines, refund, out.vat.vattype, &out.vat.allowed, true, &cr);
		CHECK(st == ACU_MAP_OK);
		CHECK(cr.booked_total == -refund);
		acu_invoice_out_free(&cr);
	}
	acu_invoice_out_free(&out);
	return 0;
}
