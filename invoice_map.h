/*
 * The invoice mapper's core: WHMCS amounts and facts in, Acumulus lines, VAT
 * decision and reconciliation out. Pure (no I/O, no clock) and Zend-free;
 * the PHP binding (invoice_map_php.c) turns the localAPI arrays into these
 * structs and the result into the invoice_add document.
 *
 * Units: amounts in cents (scale 2) of the invoice currency on the way in,
 * of EUR on the way out; unit prices and rates at scale 4; quantities at
 * scale 2. See docs/mapping.md "Money" for every rounding step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_INVOICE_MAP_H
#define ACUMULUS_INVOICE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "vat.h"

#define ACU_PRICE_SCALE 4
#define ACU_QTY_SCALE 2
#define ACU_QTY_ONE 100
#define ACU_FX_SCALE 8

/* Bounds that keep every intermediate value inside int64 (docs/mapping.md). */
#define ACU_MAX_ITEMS 10000
#define ACU_MAX_AMOUNT 100000000000LL   /* 10^11 cents: one billion per amount */

typedef enum acu_item_kind {
	ACU_ITEM_NORMAL = 0,
	ACU_ITEM_MASSPAY,      /* type "Invoice": a paid invoice inside a mass payment */
	ACU_ITEM_ADDFUNDS      /* type "AddFunds": prepaid credit */
} acu_item_kind;

typedef struct acu_item {
	int64_t amount;        /* cents, invoice currency */
	bool taxed;
	acu_item_kind kind;
} acu_item;

typedef enum acu_line_source {
	ACU_LINE_ITEM = 0,     /* index: the WHMCS item */
	ACU_LINE_SUMMARY,      /* summarize mode: one line per rate */
	ACU_LINE_CORRECTION,   /* the difference to the WHMCS total */
	ACU_LINE_ORIGINAL,     /* credit note: index: the line of the original */
	ACU_LINE_REFUND        /* partial refund: one line per rate of the original */
} acu_line_source;

typedef struct acu_line {
	acu_line_source source;
	size_t index;
	int64_t unitprice;     /* scale 4, EUR, excluding VAT */
	int64_t rate;          /* scale 4; ACU_VATFREE for -1 */
	int64_t qty;           /* scale 2 */
} acu_line;

typedef struct acu_map_opts {
	bool inclusive;        /* TaxType Inclusive: item amounts include tax */
	bool compound;         /* TaxL2Compound: level 2 on amount + level 1 tax */
	bool tax_enabled;      /* TaxEnabled */
	int per_line;          /* TaxPerLineItem: -1 unknown, 0, 1 */
	bool summarize;        /* acumulus_summarize_invoice */
	bool correction;       /* acumulus_invoice_correction */
	bool book_addfunds;    /* acumulus_book_addfunds */
	bool book_zero_total;  /* acumulus_book_zero_total */
} acu_map_opts;

typedef struct acu_invoice_in {
	const acu_item *items;
	size_t n_items;
	int64_t rate1, rate2;          /* scale 4 */
	int64_t tax1, tax2;            /* cents */
	int64_t total, credit;         /* cents */
	int64_t fx_num, fx_den;        /* EUR = amount * fx_num / fx_den (1, 1 for EUR) */
	acu_vat_facts vat;             /* charge and rate are filled in by the core */
} acu_invoice_in;

typedef enum acu_map_status {
	ACU_MAP_OK = 0,
	ACU_MAP_SKIP,          /* out.skip says why */
	ACU_MAP_E_NO_ITEMS,    /* no items, but a non-zero total */
	ACU_MAP_E_RANGE,       /* an amount out of range after conversion */
	ACU_MAP_E_REFUND,      /* credit: refund larger than the booking, or <= 0 */
	ACU_MAP_E_NOMEM
} acu_map_status;

typedef struct acu_invoice_out {
	const char *skip;              /* ACU_MAP_SKIP: "mass-payment", ... */
	acu_vat_decision vat;
	acu_line *lines;               /* acu_mem_realloc'ed; acu_invoice_out_free */
	size_t n_lines;
	size_t n_dropped;              /* items left out (mass payment, add funds) */
	int64_t whmcs_total;           /* total + credit, cents, invoice currency */
	int64_t dropped_total;         /* gross of the items left out, invoice currency */
	int64_t target;                /* what the booking must total, EUR cents */
	int64_t lines_total;           /* Acumulus total of the lines without correction */
	int64_t correction;            /* target - lines_total */
	bool correction_line;          /* a correction line was added */
	int64_t booked_total;          /* Acumulus total of all lines */
	int64_t tolerance;             /* largest difference rounding explains, cents */
	acu_warnings warnings;
} acu_invoice_out;

void acu_invoice_out_init(acu_invoice_out *out);
void acu_invoice_out_free(acu_invoice_out *out);

/* Combined rate of the two WHMCS tax levels (scale 4): r1 + r2, or
 * r1 + r2 + r1 * r2 / 100 when compound. */
int64_t acu_combined_rate(int64_t r1, int64_t r2, bool compound);

/* Acumulus' total of one line (acumulus-api.md §4.4, the model this project
 * assumes): ex = round(unitprice * quantity, 2); vat = round(ex * rate, 2)
 * (0 for rates <= 0); total = ex + vat. Cents. */
int64_t acu_line_total(const acu_line *l);
int64_t acu_line_vat(const acu_line *l);

/* Maps an invoice (docs/mapping.md, docs/vat.md). */
acu_map_status acu_map_invoice(acu_invoice_in *in, const acu_map_opts *o, acu_invoice_out *out);

/* A credit note for the lines of an original booking: refund < 0 mirrors
 * every line (quantity negated); otherwise refund (EUR cents, > 0) is split
 * over the original's rates in proportion to what each rate booked, exact
 * to the cent. vattype, country and date are the original's, for the
 * allowed rates of a correction line. */
acu_map_status acu_credit_lines(const acu_line *orig, size_t n_orig, int64_t refund,
		int vattype, const acu_rate_set *allowed, bool correction, acu_invoice_out *out);

#endif
