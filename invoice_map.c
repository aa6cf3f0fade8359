/*
 * The invoice mapper's core. See invoice_map.h, docs/mapping.md and
 * docs/vat.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mem.h"
#include "invoice_map.h"

void acu_invoice_out_init(acu_invoice_out *out)
{
	/* field by field: the warnings' message buffers need no clearing */
	out->skip = NULL;
	memset(&out->vat, 0, sizeof(out->vat));
	out->lines = NULL;
	out->n_lines = 0;
	out->n_dropped = 0;
	out->whmcs_total = out->dropped_total = out->target = 0;
	out->lines_total = out->correction = out->booked_total = out->tolerance = 0;
	out->correction_line = false;
	out->warnings.n = 0;
	out->warnings.dropped = 0;
}

void acu_invoice_out_free(acu_invoice_out *out)
{
	acu_mem_free(out->lines);
	out->lines = NULL;
	out->n_lines = 0;
}

int64_t acu_combined_rate(int64_t r1, int64_t r2, bool compound)
{
	int64_t r = r1 + r2;

	if (compound) {
		r += (int64_t) acu_div_round((acu_i128) r1 * r2, ACU_RATE_ONE);
	}
	return r;
}

static int64_t acu_line_ex(const acu_line *l)
{
	/* scale 4 x scale 2 = scale 6; to cents */
	return (int64_t) acu_div_round((acu_i128) l->unitprice * l->qty, 10000);
}

static int64_t acu_vat_of(int64_t ex, int64_t rate)
{
	if (rate <= 0) {
		return 0;
	}
	return (int64_t) acu_div_round((acu_i128) ex * rate, ACU_RATE_ONE);
}

int64_t acu_line_vat(const acu_line *l)
{
	return acu_vat_of(acu_line_ex(l), l->rate);
}

int64_t acu_line_total(const acu_line *l)
{
	int64_t ex = acu_line_ex(l);

	return ex + acu_vat_of(ex, l->rate);
}

static int64_t acu_abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static const char *acu_money(int64_t cents, char *buf)
{
	acu_dec_format(cents, 2, 2, buf);
	return buf;
}

static bool acu_lines_reserve(acu_invoice_out *out, size_t n)
{
	acu_line *p;

	if (n > ACU_MAX_ITEMS + 16) {
		return false;
	}
	p = acu_mem_realloc(out->lines, n * sizeof(acu_line));
	if (p == NULL) {
		return false;
	}
	out->lines = p;
	return true;
}

/* The rate of a correction line: VAT-free where the vattype allows it, else
 * 0 %; a correction is a rounding difference, not a supply. */
static int64_t acu_correction_rate(const acu_rate_set *allowed, acu_warnings *ws)
{
	if (acu_rate_set_has(allowed, ACU_VATFREE)) {
		return ACU_VATFREE;
	}
	if (!acu_rate_set_has(allowed, 0)) {
		acu_warn(ws, "correction.rate", true,
			"the vattype allows neither VAT-free nor 0 %% here, so the correction line at 0 %% "
			"needs checking");
	}
	return 0;
}

/* Closes the booking: compares the lines with the target, adds the
 * correction line or says why not. Lines must have room for one more. */
static void acu_reconcile(acu_invoice_out *out, bool correction, const acu_rate_set *allowed)
{
	char a[ACU_DEC_BUFSIZE], b[ACU_DEC_BUFSIZE], c[ACU_DEC_BUFSIZE], t[ACU_DEC_BUFSIZE];
	size_t i;
	int64_t sum = 0;

	for (i = 0; i < out->n_lines; i++) {
		sum += acu_line_total(&out->lines[i]);
	}
	out->lines_total = sum;
	out->correction = out->target - sum;
	out->booked_total = sum;
	out->correction_line = false;
	if (out->correction == 0) {
		return;
	}
	if (correction) {
		acu_line *l = &out->lines[out->n_lines++];

		l->source = ACU_LINE_CORRECTION;
		l->index = 0;
		l->unitprice = out->correction * 100;
		l->qty = ACU_QTY_ONE;
		l->rate = acu_correction_rate(allowed, &out->warnings);
		out->booked_total = sum + acu_line_total(l);
		out->correction_line = true;
	} else {
		acu_warn(&out->warnings, "totals.correction_disabled", true,
			"Acumulus would total %s but the invoice totals %s (a difference of %s from rounding "
			"per line); \"Invoice Correction\" (acumulus_invoice_correction) is off, so no "
			"correction line was added",
			acu_money(sum, a), acu_money(out->target, b), acu_money(out->correction, c));
	}
	if (acu_abs64(out->correction) > out->tolerance) {
		acu_warn(&out->warnings, "totals.mismatch", true,
			"the lines total %s but the invoice totals %s: a difference of %s is more than "
			"rounding explains (at most %s here)",
			acu_money(sum, a), acu_money(out->target, b), acu_money(out->correction, c),
			acu_money(out->tolerance, t));
	}
}

/* Every line rate must be one the vattype allows; one warning per rate. */
static void acu_check_rates(acu_invoice_out *out, int vattype, const acu_rate_set *allowed)
{
	acu_rate_set reported = { 0, { 0 } };
	char r[ACU_DEC_BUFSIZE];
	size_t i;

	for (i = 0; i < out->n_lines; i++) {
		int64_t rate = out->lines[i].rate;

		if (!acu_rate_set_has(allowed, rate) && !acu_rate_set_has(&reported, rate)) {
			acu_rate_set_add(&reported, rate);
			acu_dec_format(rate, ACU_RATE_SCALE, 0, r);
			acu_warn(&out->warnings, "vat.rate_not_allowed", true,
				"vattype %d does not allow the VAT rate %s", vattype, r);
		}
	}
}

/* Summarize mode: one line per rate, in the order the rates first appear;
 * groups that add up to zero are left out unless nothing would be left. */
static void acu_summarize(acu_invoice_out *out)
{
	size_t i, j, n_groups = 0, kept = 0;

	/* groups are built in place at the front: group k collects its lines */
	for (i = 0; i < out->n_lines; i++) {
		acu_line l = out->lines[i];
		int64_t value = (int64_t) acu_div_round((acu_i128) l.unitprice * l.qty, ACU_QTY_ONE);

		for (j = 0; j < n_groups; j++) {
			if (out->lines[j].rate == l.rate) {
				out->lines[j].unitprice += value;
				break;
			}
		}
		if (j == n_groups) {
			acu_line *g = &out->lines[n_groups++];

			g->source = ACU_LINE_SUMMARY;
			g->index = n_groups - 1;
			g->rate = l.rate;
			g->qty = ACU_QTY_ONE;
			g->unitprice = value;
		}
	}
	for (i = 0; i < n_groups; i++) {
		if (out->lines[i].unitprice != 0) {
			out->lines[kept] = out->lines[i];
			out->lines[kept].index = kept;
			kept++;
		}
	}
	if (kept == 0 && n_groups > 0) {
		kept = 1; /* Acumulus needs a line; lines[0] is the first (zero) group */
	}
	out->n_lines = kept;
}

acu_map_status acu_map_invoice(acu_invoice_in *in, const acu_map_opts *o, acu_invoice_out *out)
{
	const int64_t rate = acu_combined_rate(in->rate1, in->rate2, o->compound);
	const int levels = in->rate2 != 0 ? 2 : 1;
	const bool converted = !(in->fx_num == in->fx_den);
	size_t i, n_kept = 0, n_masspay = 0, n_addfunds = 0, n_taxed = 0;
	int64_t dropped = 0, dropped_tax = 0, base = 0, tax, target_inv, half = 0;
	acu_i128 big;
	char a[ACU_DEC_BUFSIZE], b[ACU_DEC_BUFSIZE], c[ACU_DEC_BUFSIZE], d[ACU_DEC_BUFSIZE];

	out->whmcs_total = in->total + in->credit;

	/* 1. items that are not revenue */
	for (i = 0; i < in->n_items; i++) {
		const acu_item *it = &in->items[i];

		if (it->kind == ACU_ITEM_NORMAL || (it->kind == ACU_ITEM_ADDFUNDS && o->book_addfunds)) {
			n_kept++;
			if (it->taxed) {
				n_taxed++;
				base += it->amount;
			}
			continue;
		}
		if (it->kind == ACU_ITEM_MASSPAY) {
			n_masspay++;
		} else {
			n_addfunds++;
		}
		if (it->taxed && rate > 0) {
			int64_t t = o->inclusive
				? (int64_t) acu_div_round((acu_i128) it->amount * rate, ACU_RATE_ONE + rate)
				: acu_vat_of(it->amount, rate);

			dropped_tax += t;
			dropped += o->inclusive ? it->amount : it->amount + t;
		} else {
			dropped += it->amount;
		}
	}
	out->n_dropped = n_masspay + n_addfunds;
	out->dropped_total = dropped;
	if (n_kept == 0) {
		if (n_masspay) {
			out->skip = "mass-payment";
			return ACU_MAP_SKIP;
		}
		if (n_addfunds) {
			out->skip = "add-funds";
			return ACU_MAP_SKIP;
		}
		if (out->whmcs_total == 0) {
			out->skip = "empty";
			return ACU_MAP_SKIP;
		}
		return ACU_MAP_E_NO_ITEMS;
	}
	target_inv = out->whmcs_total - dropped;
	if (target_inv == 0 && !o->book_zero_total) {
		out->skip = "zero-total";
		return ACU_MAP_SKIP;
	}
	if (out->n_dropped) {
		acu_warn(&out->warnings, "items.not_revenue", false,
			"%zu item(s) left out (%s in total): %s", out->n_dropped, acu_money(dropped, a),
			n_masspay ? "invoices paid by this mass payment are booked on their own"
				: "added funds are a prepayment, not revenue");
	}

	/* 2. what WHMCS charged. The taxed base at the invoice's rate gives
	 * the tax WHMCS should have charged, up to its rounding (slack): a tax
	 * of 0 on a base whose tax rounds to 0 (0.04 at 7 %) is still that rate. */
	tax = in->tax1 + in->tax2 - dropped_tax;
	in->vat.rate = 0;
	{
		int64_t expected = 0, slack;

		if (rate > 0) {
			expected = (int64_t) (o->inclusive
				? acu_div_round((acu_i128) base * rate, ACU_RATE_ONE + rate)
				: acu_div_round((acu_i128) base * rate, ACU_RATE_ONE));
		}
		slack = o->per_line == 0 ? levels : ((int64_t) n_taxed * levels + 1) / 2 + 1;

		if (n_taxed == 0) {
			in->vat.charge = ACU_CHARGE_NONE;
			if (tax != 0) {
				acu_warn(&out->warnings, "tax.without_taxed_items", true,
					"WHMCS charged %s tax on an invoice without taxed items", acu_money(tax, a));
			}
		} else if (!o->tax_enabled && tax == 0) {
			in->vat.charge = ACU_CHARGE_NONE;
		} else if (rate <= 0) {
			in->vat.charge = ACU_CHARGE_ZERO;
			if (tax != 0) {
				acu_warn(&out->warnings, "tax.without_rate", true,
					"WHMCS charged %s tax at a rate of 0 %%", acu_money(tax, a));
			}
		} else if (tax == 0 && acu_abs64(expected) > slack) {
			/* a rate on the invoice, but nothing charged (exempt client) */
			in->vat.charge = ACU_CHARGE_ZERO;
		} else {
			in->vat.charge = ACU_CHARGE_RATE;
			in->vat.rate = rate;
			if (acu_abs64(tax - expected) > slack) {
				acu_dec_format(rate, ACU_RATE_SCALE, 0, c);
				acu_warn(&out->warnings, "tax.mismatch", true,
					"WHMCS charged %s tax, but %s %% of the taxed items (%s) is %s",
					acu_money(tax, a), c, acu_money(base, b), acu_money(expected, d));
			}
		}
	}

	/* 3. the VAT type and rates */
	acu_vat_decide(&in->vat, &out->vat, &out->warnings);

	/* 4. one line per item */
	if (!acu_lines_reserve(out, n_kept + 2)) {
		return ACU_MAP_E_NOMEM;
	}
	out->n_lines = 0;
	for (i = 0; i < in->n_items; i++) {
		const acu_item *it = &in->items[i];
		bool taxed = it->taxed && in->vat.charge == ACU_CHARGE_RATE;
		acu_i128 num, den;
		acu_line *l;

		if (!(it->kind == ACU_ITEM_NORMAL || (it->kind == ACU_ITEM_ADDFUNDS && o->book_addfunds))) {
			continue;
		}
		l = &out->lines[out->n_lines++];
		l->source = ACU_LINE_ITEM;
		l->index = i;
		l->qty = ACU_QTY_ONE;
		l->rate = taxed ? out->vat.taxed_rate : out->vat.untaxed_rate;
		num = (acu_i128) it->amount * 100 * in->fx_num;
		den = in->fx_den;
		if (o->inclusive && taxed) {
			num *= ACU_RATE_ONE;
			den *= ACU_RATE_ONE + in->vat.rate;
		}
		big = acu_div_round(num, den);
		if (!acu_dec_in_range(big) || big > (acu_i128) ACU_MAX_AMOUNT * 100 || big < -(acu_i128) ACU_MAX_AMOUNT * 100) {
			return ACU_MAP_E_RANGE;
		}
		l->unitprice = (int64_t) big;

		/* the rounding this line can cause, in half cents */
		if (l->rate > 0) {
			half += 1 + (o->per_line != 0 ? levels : 0);
		}
		if (l->unitprice % 100 != 0) {
			half += l->rate > 0 ? 2 : 1;
		}
	}
	if (in->vat.charge == ACU_CHARGE_RATE && o->per_line == 0) {
		half += levels;
	}
	half += converted ? 2 : 1;

	/* 5. summarize */
	if (o->summarize) {
		acu_summarize(out);
		half += (int64_t) out->n_lines * 2;
	}
	out->tolerance = (half + 1) / 2;

	/* 6. the booking equals what the customer paid */
	big = acu_div_round((acu_i128) target_inv * in->fx_num, in->fx_den);
	if (big > (acu_i128) ACU_MAX_AMOUNT * ACU_MAX_ITEMS || big < -(acu_i128) ACU_MAX_AMOUNT * ACU_MAX_ITEMS) {
		return ACU_MAP_E_RANGE;
	}
	out->target = (int64_t) big;
	acu_reconcile(out, o->correction, &out->vat.allowed);

	/* 7. every rate is one the vattype allows */
	acu_check_rates(out, out->vat.vattype, &out->vat.allowed);
	return ACU_MAP_OK;
}

/* {{{ credit notes */

/* gross = ex + VAT of ex at rate */
static int64_t acu_gross(int64_t ex, int64_t rate)
{
	return ex + acu_vat_of(ex, rate);
}

/* The net amount whose gross at rate is exactly gross, if there is one;
 * else the nearest. */
static bool acu_reach(int64_t gross, int64_t rate, int64_t *ex)
{
	static const int64_t steps[] = { 0, 1, -1, 2, -2 };
	int64_t ex0, best;
	size_t k;

	if (rate <= 0) {
		*ex = gross;
		return true;
	}
	ex0 = (int64_t) acu_div_round((acu_i128) gross * ACU_RATE_ONE, ACU_RATE_ONE + rate);
	best = ex0;
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		int64_t e = ex0 + steps[k];

		if (acu_gross(e, rate) == gross) {
			*ex = e;
			return true;
		}
		if (acu_abs64(acu_gross(e, rate) - gross) < acu_abs64(acu_gross(best, rate) - gross)) {
			best = e;
		}
	}
	*ex = best;
	return false;
}

/* floor(a / b) for b > 0 */
static acu_i128 acu_floor_div(acu_i128 a, acu_i128 b)
{
	acu_i128 q = a / b;

	if ((a % b != 0) && (a < 0)) {
		q--;
	}
	return q;
}

acu_map_status acu_credit_lines(const acu_line *orig, size_t n_orig, int64_t refund,
		int vattype, const acu_rate_set *allowed, bool correction, acu_invoice_out *out)
{
	int64_t orig_total = 0, group_total[ACU_RATE_SET_MAX], share[ACU_RATE_SET_MAX];
	acu_i128 rem[ACU_RATE_SET_MAX];
	int64_t rates[ACU_RATE_SET_MAX], ex[ACU_RATE_SET_MAX];
	bool exact[ACU_RATE_SET_MAX];
	size_t i, j, n_groups = 0;
	int64_t left;

	for (i = 0; i < n_orig; i++) {
		orig_total += acu_line_total(&orig[i]);
	}
	out->whmcs_total = refund < 0 ? orig_total : refund;
	if (!acu_lines_reserve(out, n_orig + 2)) {
		return ACU_MAP_E_NOMEM;
	}
	out->n_lines = 0;
	out->tolerance = 0;

	if (refund < 0 || refund == orig_total) {
		/* the mirror: the same lines with the quantity negated */
		for (i = 0; i < n_orig; i++) {
			out->lines[i] = orig[i];
			out->lines[i].source = ACU_LINE_ORIGINAL;
			out->lines[i].index = i;
			out->lines[i].qty = -orig[i].qty;
		}
		out->n_lines = n_orig;
		out->target = -orig_total;
		acu_reconcile(out, correction, allowed);
		acu_check_rates(out, vattype, allowed);
		return ACU_MAP_OK;
	}
	if (refund == 0 || orig_total <= 0 || refund > orig_total) {
		return ACU_MAP_E_REFUND;
	}

	/* what each rate booked */
	for (i = 0; i < n_orig; i++) {
		for (j = 0; j < n_groups && rates[j] != orig[i].rate; j++) {
		}
		if (j == n_groups) {
			if (n_groups == ACU_RATE_SET_MAX) {
				return ACU_MAP_E_REFUND;
			}
			rates[n_groups] = orig[i].rate;
			group_total[n_groups] = 0;
			n_groups++;
		}
		group_total[j] += acu_line_total(&orig[i]);
	}

	/* the refund in proportion: floors, then the cents left to the largest
	 * remainders (the first of equal ones) */
	left = refund;
	for (j = 0; j < n_groups; j++) {
		acu_i128 p = (acu_i128) refund * group_total[j];

		share[j] = (int64_t) acu_floor_div(p, orig_total);
		rem[j] = p - (acu_i128) share[j] * orig_total;
		left -= share[j];
	}
	while (left > 0) {
		size_t best = 0;

		for (j = 1; j < n_groups; j++) {
			if (rem[j] > rem[best]) {
				best = j;
			}
		}
		share[best]++;
		rem[best] = -1;
		left--;
	}

	/* a net amount per rate that Acumulus turns into exactly that share; a
	 * share no net amount reaches trades a cent with another rate */
	for (j = 0; j < n_groups; j++) {
		exact[j] = share[j] == 0 || acu_reach(share[j], rates[j], &ex[j]);
		if (share[j] == 0) {
			ex[j] = 0;
		}
	}
	for (j = 0; j < n_groups; j++) {
		static const int64_t deltas[] = { 1, -1 };
		size_t k, y;

		for (k = 0; !exact[j] && k < 2; k++) {
			int64_t d = deltas[k], ex_j, ex_y;

			if (!acu_reach(share[j] + d, rates[j], &ex_j)) {
				continue;
			}
			for (y = 0; y < n_groups; y++) {
				if (y == j || share[y] == 0 || !exact[y] || !acu_reach(share[y] - d, rates[y], &ex_y)) {
					continue;
				}
				share[j] += d;
				share[y] -= d;
				ex[j] = ex_j;
				ex[y] = ex_y;
				exact[j] = true;
				break;
			}
		}
	}
	for (j = 0; j < n_groups; j++) {
		acu_line *l;

		if (share[j] == 0) {
			continue;
		}
		l = &out->lines[out->n_lines++];
		l->source = ACU_LINE_REFUND;
		l->index = j;
		l->rate = rates[j];
		l->unitprice = ex[j] * 100;
		l->qty = -ACU_QTY_ONE;
		if (!exact[j]) {
			out->tolerance += 1;
		}
	}
	out->target = -refund;
	acu_reconcile(out, correction, allowed);
	acu_check_rates(out, vattype, allowed);
	return ACU_MAP_OK;
}

/* }}} */
