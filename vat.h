/*
 * VAT facts and the VAT decision of an invoice (DESIGN.md decision 6,
 * docs/vat.md).
 *
 * Zend-free and allocation-free. Rates are at scale 4 (money.h): 21 % is
 * 210000, VAT-free (Acumulus -1) is ACU_VATFREE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_VAT_H
#define ACUMULUS_VAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACU_RATE_SCALE 4
#define ACU_RATE_ONE 1000000          /* 100 % at scale 4 */
#define ACU_VATFREE (-10000)          /* Acumulus vatrate -1 */

/* Dates are YYYYMMDD integers (money.h acu_date_parse). */
#define ACU_DATE_MOSS       20150101  /* EU consumer VAT in the customer's country (e-services) */
#define ACU_DATE_MOSS_LIMIT 20190101  /* the EUR 10,000 threshold for e-services */
#define ACU_DATE_BREXIT     20210101  /* GB leaves the EU VAT area; XI starts */
#define ACU_DATE_OSS        20210701  /* OSS for all B2C distance sales and services */

#define ACU_RATE_SET_MAX 16

typedef struct acu_rate_set {
	unsigned n;
	int64_t r[ACU_RATE_SET_MAX];
} acu_rate_set;

bool acu_rate_set_has(const acu_rate_set *s, int64_t rate);
void acu_rate_set_add(acu_rate_set *s, int64_t rate);

/* {{{ warnings: what the mapper tells the addon, with a stable code */

#define ACU_WARN_MAX 16
#define ACU_WARN_MSG 320

typedef struct acu_warning {
	const char *code;      /* static, e.g. "vat.reverse_charge_expected" */
	bool concept;          /* this fact makes the invoice a concept */
	char msg[ACU_WARN_MSG];
} acu_warning;

typedef struct acu_warnings {
	unsigned n;
	unsigned dropped;      /* warnings that did not fit */
	acu_warning w[ACU_WARN_MAX];
} acu_warnings;

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void acu_warn(acu_warnings *ws, const char *code, bool concept, const char *fmt, ...);
bool acu_warnings_concept(const acu_warnings *ws);

/* }}} */

/* {{{ countries and rates (facts, see docs/vat.md "Rate table") */

/* Normalises a WHMCS country code: upper case, EL -> GR. out: 3 bytes.
 * Returns false when code is not two ASCII letters. */
bool acu_country_normalise(const char *code, size_t len, char out[3]);

/* Member state of the EU VAT area on date (NL included; GB before 2021). */
bool acu_vat_is_eu(const char *cc, int32_t date);

/* Is cc (two upper-case letters and a NUL) an ISO 3166-1 alpha-2 code (or
 * XI, XK)? */
bool acu_country_known(const char *cc);

/* The standard, reduced, super-reduced and parking rates of an EU country
 * (or GB, or XI from 2021) on date, without 0 and -1. false when the table
 * has none for that country and date (outside the EU, or before 2015 for a
 * country other than NL). */
bool acu_vat_country_rates(const char *cc, int32_t date, acu_rate_set *out);

/* Whether a country has a real 0 % rate of its own on date. */
bool acu_vat_country_has_zero(const char *cc, int32_t date);

/* The line rates Acumulus accepts for an invoice vattype, for a customer in
 * cc on date (acumulus-api.md §4.1): 1 and 5: the Dutch rates, 0 and -1;
 * 2, 3, 4: 0; 6: the country's rates, plus 0 when the country has one or
 * from 2021 on; 7: the country's rates and 0. country_rates (may be NULL)
 * replaces the table's rates of cc. */
void acu_vat_allowed(int vattype, const char *cc, int32_t date,
		const acu_rate_set *country_rates, acu_rate_set *out);

/* }}} */

/* {{{ the decision */

typedef enum acu_nature {
	ACU_NATURE_SERVICE = 0,
	ACU_NATURE_PRODUCT = 1
} acu_nature;

typedef enum acu_charge {
	ACU_CHARGE_NONE = 0,   /* no taxed line, or tax is off in WHMCS */
	ACU_CHARGE_ZERO,       /* taxed lines, but WHMCS charged no tax on them */
	ACU_CHARGE_RATE        /* taxed lines charged at a (combined) rate */
} acu_charge;

typedef struct acu_vat_facts {
	char country[3];       /* normalised; "" when the client has none */
	bool bt_postcode;      /* a GB postcode starting "BT" (Northern Ireland) */
	bool vat_number;       /* the client has a VAT number */
	int vat_number_valid;  /* -1 not checked, 0 invalid, 1 valid (context) */
	bool exempt;           /* WHMCS taxexempt */
	int32_t date;          /* invoice date */
	acu_nature nature;
	int oss;               /* OSS threshold reached: -1 unknown, 0 no, 1 yes */
	acu_charge charge;
	int64_t rate;          /* the combined rate charged (ACU_CHARGE_RATE) */
	const acu_rate_set *country_rates; /* context override of the table, or NULL */
} acu_vat_facts;

typedef struct acu_vat_decision {
	int vattype;
	int64_t taxed_rate;    /* the rate of taxed lines */
	int64_t untaxed_rate;  /* the rate of untaxed lines: -1 or 0 */
	const char *rule;      /* row of docs/vat.md, e.g. "EU-B2C-OSS" */
	char dest_country[3];  /* the country whose rules applied (XI for BT) */
	acu_rate_set allowed;  /* the rates allowed for vattype */
} acu_vat_decision;

/* Decides the vattype and the line rates from the facts; adds warnings (and
 * concept reasons) to ws. Never fails: a conflict gives a concept. */
void acu_vat_decide(const acu_vat_facts *f, acu_vat_decision *d, acu_warnings *ws);

/* The rule ids acu_vat_decide can return, NULL-terminated (for the docs
 * check). */
extern const char *const acu_vat_rules[];

/* }}} */

#endif
