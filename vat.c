/*
 * VAT facts and the VAT decision. See vat.h and docs/vat.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "vat.h"

/* {{{ rate sets and warnings */

bool acu_rate_set_has(const acu_rate_set *s, int64_t rate)
{
	unsigned i;

	for (i = 0; i < s->n; i++) {
		if (s->r[i] == rate) {
			return true;
		}
	}
	return false;
}

void acu_rate_set_add(acu_rate_set *s, int64_t rate)
{
	if (!acu_rate_set_has(s, rate) && s->n < ACU_RATE_SET_MAX) {
		s->r[s->n++] = rate;
	}
}

void acu_warn(acu_warnings *ws, const char *code, bool concept, const char *fmt, ...)
{
	va_list ap;
	acu_warning *w;

	if (ws->n >= ACU_WARN_MAX) {
		ws->dropped++;
		/* a concept reason must never get lost: mark the last one */
		if (concept) {
			ws->w[ACU_WARN_MAX - 1].concept = true;
		}
		return;
	}
	w = &ws->w[ws->n++];
	w->code = code;
	w->concept = concept;
	va_start(ap, fmt);
	vsnprintf(w->msg, sizeof(w->msg), fmt, ap);
	va_end(ap);
}

bool acu_warnings_concept(const acu_warnings *ws)
{
	unsigned i;

	for (i = 0; i < ws->n; i++) {
		if (ws->w[i].concept) {
			return true;
		}
	}
	return false;
}

/* }}} */

/* {{{ the rate table
 *
 * Standard, reduced, super-reduced and parking rates of the EU member states
 * from 2015-01-01 (NL from 2001), with the changes that applied to all
 * supplies at a rate (DE 16/5 in 2020 H2, IE 21 from 2020-09 to 2021-02,
 * LU 16/13/7 in 2023, AT 5 from 2020-07 to 2021, ...). Compiled from the
 * European Commission's published rate lists as general knowledge; the addon
 * may pass Acumulus lookup_vatinfo answers in the context instead
 * (docs/mapping.md "context.vat_rates"), which then win.
 *
 * The periods of a country are next to each other, oldest first; the order
 * of the countries does not matter (lookups scan for the first period).
 * A period runs until the next period of the same country. `zero` says the
 * country has a real 0 % rate of its own (before 2021 Acumulus only knew 0 %
 * for those).
 */

#define P(x) ((int64_t) ((x) * 10000))   /* whole percentages */
#define PD(i, d) ((int64_t) (i) * 10000 + (int64_t) (d) * 1000) /* i.d % */

typedef struct acu_vat_period {
	char cc[3];
	int32_t from;
	int64_t rates[8];  /* terminated by 0 */
	bool zero;
} acu_vat_period;

static const acu_vat_period acu_vat_table[] = {
	/* the Netherlands first: looked up for every invoice */
	{ "NL", 20010101, { P(19), P(6) }, true },
	{ "NL", 20121001, { P(21), P(6) }, true },
	{ "NL", 20190101, { P(21), P(9) }, true },
	/* the other member states */
	{ "AT", 20150101, { P(20), P(10), P(12) }, false },
	{ "AT", 20160101, { P(20), P(10), P(13) }, false },
	{ "AT", 20200701, { P(20), P(10), P(13), P(5) }, false },
	{ "AT", 20220101, { P(20), P(10), P(13) }, false },
	{ "BE", 20150101, { P(21), P(12), P(6) }, true },
	{ "BG", 20150101, { P(20), P(9) }, false },
	{ "CY", 20150101, { P(19), P(9), P(5) }, false },
	{ "CZ", 20150101, { P(21), P(15), P(10) }, false },
	{ "CZ", 20240101, { P(21), P(12) }, false },
	{ "DE", 20150101, { P(19), P(7) }, false },
	{ "DE", 20200701, { P(16), P(5) }, false },
	{ "DE", 20210101, { P(19), P(7) }, false },
	{ "DK", 20150101, { P(25) }, true },
	{ "EE", 20150101, { P(20), P(9) }, false },
	{ "EE", 20240101, { P(22), P(9) }, false },
	{ "EE", 20250101, { P(22), P(13), P(9) }, false },
	{ "EE", 20250701, { P(24), P(13), P(9) }, false },
	{ "ES", 20150101, { P(21), P(10), P(4) }, false },
	{ "FI", 20150101, { P(24), P(14), P(10) }, true },
	{ "FI", 20240901, { PD(25, 5), P(14), P(10) }, true },
	{ "FR", 20150101, { P(20), P(10), PD(5, 5), PD(2, 1) }, false },
	{ "GR", 20150101, { P(23), P(13), PD(6, 5) }, false },
	{ "GR", 20160601, { P(24), P(13), P(6) }, false },
	{ "HR", 20150101, { P(25), P(13), P(5) }, false },
	{ "HU", 20150101, { P(27), P(18), P(5) }, false },
	{ "IE", 20150101, { P(23), PD(13, 5), P(9), PD(4, 8) }, true },
	{ "IE", 20200901, { P(21), PD(13, 5), P(9), PD(4, 8) }, true },
	{ "IE", 20210301, { P(23), PD(13, 5), P(9), PD(4, 8) }, true },
	{ "IT", 20150101, { P(22), P(10), P(4) }, false },
	{ "IT", 20160101, { P(22), P(10), P(5), P(4) }, false },
	{ "LT", 20150101, { P(21), P(9), P(5) }, false },
	{ "LU", 20150101, { P(17), P(14), P(8), P(3) }, false },
	{ "LU", 20230101, { P(16), P(13), P(7), P(3) }, false },
	{ "LU", 20240101, { P(17), P(14), P(8), P(3) }, false },
	{ "LV", 20150101, { P(21), P(12) }, false },
	{ "LV", 20180101, { P(21), P(12), P(5) }, false },
	{ "MT", 20150101, { P(18), P(7), P(5) }, true },
	{ "PL", 20150101, { P(23), P(8), P(5) }, false },
	{ "PT", 20150101, { P(23), P(13), P(6) }, false },
	{ "RO", 20150101, { P(24), P(9), P(5) }, false },
	{ "RO", 20160101, { P(20), P(9), P(5) }, false },
	{ "RO", 20170101, { P(19), P(9), P(5) }, false },
	{ "RO", 20250801, { P(21), P(11) }, false },
	{ "SE", 20150101, { P(25), P(12), P(6) }, true },
	{ "SI", 20150101, { P(22), PD(9, 5) }, false },
	{ "SI", 20200101, { P(22), PD(9, 5), P(5) }, false },
	{ "SK", 20150101, { P(20), P(10) }, false },
	{ "SK", 20250101, { P(23), P(19), P(5) }, false },
	/* the United Kingdom: an EU member until 2020; XI (Northern Ireland)
	 * from 2021, at UK rates */
	{ "GB", 20150101, { P(20), P(5) }, true },
	{ "XI", 20210101, { P(20), P(5) }, true },
};

#undef P
#undef PD

static const acu_vat_period *acu_vat_period_of(const char *cc, int32_t date)
{
	const acu_vat_period *found = NULL;
	const size_t n = sizeof(acu_vat_table) / sizeof(acu_vat_table[0]);
	size_t i = 0;

	/* the periods of a country are next to each other, oldest first: skip
	 * to the first, then take the last that has begun */
	while (i < n && !(acu_vat_table[i].cc[0] == cc[0] && acu_vat_table[i].cc[1] == cc[1])) {
		i++;
	}
	for (; i < n && acu_vat_table[i].cc[0] == cc[0] && acu_vat_table[i].cc[1] == cc[1]; i++) {
		if (acu_vat_table[i].from <= date) {
			found = &acu_vat_table[i];
		}
	}
	return found;
}

bool acu_country_normalise(const char *code, size_t len, char out[3])
{
	size_t i;

	out[0] = out[1] = out[2] = '\0';
	if (len != 2) {
		return false;
	}
	for (i = 0; i < 2; i++) {
		char c = code[i];

		if (c >= 'a' && c <= 'z') {
			c = (char) (c - 'a' + 'A');
		}
		if (c < 'A' || c > 'Z') {
			out[0] = out[1] = '\0';
			return false;
		}
		out[i] = c;
	}
	if (out[0] == 'E' && out[1] == 'L') {
		out[0] = 'G';
		out[1] = 'R';
	}
	return true;
}

bool acu_vat_is_eu(const char *cc, int32_t date)
{
	if (cc[0] == 'G' && cc[1] == 'B') {
		return date < ACU_DATE_BREXIT;
	}
	if (cc[0] == 'X' && cc[1] == 'I') {
		return false;
	}
	if (cc[0] == 'N' && cc[1] == 'L') {
		return true;
	}
	/* every other country of the table is a member state */
	{
		size_t i;

		for (i = 0; i < sizeof(acu_vat_table) / sizeof(acu_vat_table[0]); i++) {
			if (acu_vat_table[i].cc[0] == cc[0] && acu_vat_table[i].cc[1] == cc[1]) {
				return true;
			}
		}
	}
	return false;
}

bool acu_vat_country_rates(const char *cc, int32_t date, acu_rate_set *out)
{
	const acu_vat_period *p;
	unsigned i;

	out->n = 0;
	if (!(cc[0] == 'N' && cc[1] == 'L') && date < ACU_DATE_MOSS) {
		return false;
	}
	p = acu_vat_period_of(cc, date);
	if (p == NULL) {
		return false;
	}
	for (i = 0; i < 8 && p->rates[i] != 0; i++) {
		acu_rate_set_add(out, p->rates[i]);
	}
	return out->n > 0;
}

bool acu_vat_country_has_zero(const char *cc, int32_t date)
{
	const acu_vat_period *p = acu_vat_period_of(cc, date);

	return p != NULL && p->zero;
}

static void acu_rate_set_merge(acu_rate_set *to, const acu_rate_set *from)
{
	unsigned i;

	for (i = 0; i < from->n; i++) {
		acu_rate_set_add(to, from->r[i]);
	}
}

void acu_vat_allowed(int vattype, const char *cc, int32_t date,
		const acu_rate_set *country_rates, acu_rate_set *out)
{
	acu_rate_set tmp;

	out->n = 0;
	switch (vattype) {
		case 1:
		case 5:
			if (acu_vat_country_rates("NL", date, &tmp)) {
				acu_rate_set_merge(out, &tmp);
			}
			acu_rate_set_add(out, 0);
			acu_rate_set_add(out, ACU_VATFREE);
			break;
		case 2:
		case 3:
		case 4:
			acu_rate_set_add(out, 0);
			break;
		case 6:
		case 7:
			if (country_rates != NULL) {
				acu_rate_set_merge(out, country_rates);
			} else if (acu_vat_country_rates(cc, date, &tmp)) {
				acu_rate_set_merge(out, &tmp);
			}
			if (vattype == 7 || date >= ACU_DATE_BREXIT || acu_vat_country_has_zero(cc, date)
					|| (country_rates != NULL && acu_rate_set_has(country_rates, 0))) {
				acu_rate_set_add(out, 0);
			}
			break;
		default:
			break;
	}
}

/* }}} */

/* {{{ the decision */

const char *const acu_vat_rules[] = {
	"NL-RATE", "NL-RATE-OTHER", "NL-UNTAXED", "NL-NOT-CHARGED",
	"EU-B2B-REVERSE", "EU-B2B-CHARGED",
	"EU-B2C-PRE2015", "EU-B2C-PRE2015-OTHER",
	"EU-B2C-OSS", "EU-B2C-OSS-GOODS-PRE2021",
	"EU-B2C-NL", "EU-B2C-NL-MOSS", "EU-B2C-NL-THRESHOLD",
	"EU-B2C-SAME-RATE", "EU-B2C-SAME-RATE-UNKNOWN",
	"EU-B2C-OTHER", "EU-B2C-UNTAXED", "EU-B2C-NOT-CHARGED",
	"UK-FOREIGN-VAT",
	"WORLD-SERVICE", "WORLD-GOODS", "WORLD-NL", "WORLD-FOREIGN-VAT", "WORLD-OTHER",
	"NO-COUNTRY", "UNKNOWN-COUNTRY",
	NULL
};

/* The ISO 3166-1 alpha-2 codes in use (249), plus XI (Northern Ireland, for
 * VAT) and XK (Kosovo, user-assigned but common), as a bitmap over AA..ZZ. */
static const unsigned char acu_iso3166[85] = {
	0x78, 0x59, 0xdf, 0xee, 0xef, 0xbd, 0xdd, 0xde, 0x27, 0x3f, 0x84, 0x15,
	0x80, 0xd4, 0x00, 0x0e, 0x00, 0x5c, 0x09, 0xb0, 0x9f, 0xfb, 0x15, 0x00,
	0x8d, 0x06, 0x18, 0x78, 0x0f, 0x40, 0x40, 0x03, 0x00, 0x1d, 0x2b, 0xf4,
	0x41, 0x81, 0x4f, 0xfd, 0xfc, 0xff, 0xd7, 0x25, 0x4b, 0x08, 0x00, 0x01,
	0x40, 0x3c, 0x8f, 0x53, 0x01, 0x00, 0x00, 0x40, 0x00, 0x51, 0xf1, 0xfd,
	0xe7, 0x3a, 0xbb, 0x9f, 0x9a, 0x41, 0x10, 0x04, 0x57, 0x85, 0x40, 0x00,
	0x02, 0x40, 0x00, 0x40, 0x01, 0x00, 0x10, 0x00, 0x08, 0x04, 0x40, 0x00,
	0x01,
};

bool acu_country_known(const char *cc)
{
	unsigned i;

	if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' || cc[2] != '\0') {
		return false;
	}
	i = (unsigned) (cc[0] - 'A') * 26u + (unsigned) (cc[1] - 'A');
	return (acu_iso3166[i >> 3] >> (i & 7)) & 1u;
}

typedef struct acu_vat_ctx {
	const acu_vat_facts *f;
	acu_vat_decision *d;
	acu_warnings *ws;
	char rate[ACU_DEC_BUFSIZE];  /* the charged rate, for messages */
	char date[11];
} acu_vat_ctx;

/* The rate of untaxed lines in a vattype: VAT-free where allowed, else 0. */
static int64_t acu_untaxed_rate(int vattype)
{
	return (vattype == 1 || vattype == 5) ? ACU_VATFREE : 0;
}

static void acu_decide(acu_vat_ctx *c, int vattype, int64_t taxed, const char *rule)
{
	c->d->vattype = vattype;
	c->d->taxed_rate = taxed;
	c->d->untaxed_rate = acu_untaxed_rate(vattype);
	c->d->rule = rule;
}

/* Everything (taxed or not) at the untaxed rate of the vattype. */
static void acu_decide_untaxed(acu_vat_ctx *c, int vattype, const char *rule)
{
	acu_decide(c, vattype, acu_untaxed_rate(vattype), rule);
}

static bool acu_in_nl(const acu_vat_ctx *c)
{
	acu_rate_set nl;

	return acu_vat_country_rates("NL", c->f->date, &nl) && acu_rate_set_has(&nl, c->f->rate);
}

static bool acu_in_country(const acu_vat_ctx *c, const char *cc)
{
	acu_rate_set s;

	if (c->f->country_rates != NULL) {
		return acu_rate_set_has(c->f->country_rates, c->f->rate);
	}
	return acu_vat_country_rates(cc, c->f->date, &s) && acu_rate_set_has(&s, c->f->rate);
}

static void acu_decide_nl(acu_vat_ctx *c)
{
	const acu_vat_facts *f = c->f;

	switch (f->charge) {
		case ACU_CHARGE_RATE:
			if (acu_in_nl(c)) {
				acu_decide(c, 1, f->rate, "NL-RATE");
			} else {
				acu_decide(c, 1, f->rate, "NL-RATE-OTHER");
				acu_warn(c->ws, "vat.rate_not_dutch", true,
					"WHMCS charged %s %% VAT, which is not a Dutch VAT rate on %s",
					c->rate, c->date);
			}
			break;
		case ACU_CHARGE_NONE:
			acu_decide_untaxed(c, 1, "NL-UNTAXED");
			break;
		case ACU_CHARGE_ZERO:
		default:
			acu_decide_untaxed(c, 1, "NL-NOT-CHARGED");
			if (f->exempt) {
				acu_warn(c->ws, "vat.dutch_client_exempt", true,
					"the client is tax-exempt in WHMCS, but a Dutch customer pays Dutch VAT unless "
					"national reverse charge applies: booked VAT-free as a concept, choose by hand");
			} else {
				acu_warn(c->ws, "vat.not_charged", true,
					"the invoice has taxed items but WHMCS charged no VAT on them (no tax rule for NL?): "
					"booked VAT-free as a concept");
			}
			break;
	}
}

static void acu_decide_eu_b2b(acu_vat_ctx *c, const char *cc)
{
	const acu_vat_facts *f = c->f;

	if (f->charge != ACU_CHARGE_RATE) {
		acu_decide_untaxed(c, 3, "EU-B2B-REVERSE");
		return;
	}
	/* Charged although reverse charge applies: book what was charged, as a
	 * concept, with the type that fits the rate. */
	if (acu_in_nl(c)) {
		acu_decide(c, 1, f->rate, "EU-B2B-CHARGED");
	} else if (f->date >= ACU_DATE_MOSS && acu_in_country(c, cc)) {
		acu_decide(c, 6, f->rate, "EU-B2B-CHARGED");
	} else {
		acu_decide(c, 1, f->rate, "EU-B2B-CHARGED");
	}
	acu_warn(c->ws, "vat.reverse_charge_expected", true,
		"the client has a VAT number in %s, so EU reverse charge (vattype 3) was expected, "
		"but WHMCS charged %s %% VAT", cc, c->rate);
}

static void acu_decide_eu_b2c(acu_vat_ctx *c, const char *cc)
{
	const acu_vat_facts *f = c->f;
	bool in_nl, in_cc, service = f->nature == ACU_NATURE_SERVICE;

	if (f->charge == ACU_CHARGE_NONE) {
		acu_decide_untaxed(c, 1, "EU-B2C-UNTAXED");
		return;
	}
	if (f->charge == ACU_CHARGE_ZERO) {
		acu_decide_untaxed(c, 1, "EU-B2C-NOT-CHARGED");
		if (f->exempt) {
			acu_warn(c->ws, "vat.exempt_without_vat_number", true,
				"the client in %s is tax-exempt in WHMCS but has no VAT number: reverse charge "
				"needs the customer's VAT number; booked VAT-free as a concept", cc);
		} else {
			acu_warn(c->ws, "vat.not_charged", true,
				"the invoice has taxed items but WHMCS charged no VAT to a consumer in %s: "
				"booked VAT-free as a concept", cc);
		}
		return;
	}

	in_nl = acu_in_nl(c);
	in_cc = acu_in_country(c, cc);

	if (f->date < ACU_DATE_MOSS) {
		if (in_nl) {
			acu_decide(c, 1, f->rate, "EU-B2C-PRE2015");
		} else {
			acu_decide(c, 1, f->rate, "EU-B2C-PRE2015-OTHER");
			acu_warn(c->ws, "vat.rate_not_dutch", true,
				"before 2015 a consumer in %s paid Dutch VAT, but WHMCS charged %s %%", cc, c->rate);
		}
		return;
	}

	if (in_cc && !in_nl) {
		if (!service && f->date < ACU_DATE_OSS) {
			acu_decide(c, 6, f->rate, "EU-B2C-OSS-GOODS-PRE2021");
			acu_warn(c->ws, "vat.foreign_vat_goods_before_oss", true,
				"WHMCS charged the %s rate of %s %% on goods before 2021-07-01, when the "
				"one-stop shop covered electronic services only", cc, c->rate);
		} else {
			acu_decide(c, 6, f->rate, "EU-B2C-OSS");
		}
		return;
	}

	if (in_nl && !in_cc) {
		if (service && f->date < ACU_DATE_MOSS_LIMIT) {
			acu_decide(c, 1, f->rate, "EU-B2C-NL-MOSS");
			acu_warn(c->ws, "vat.moss_expected", true,
				"from 2015 to 2018 electronic services to a consumer in %s were taxed at the %s rate "
				"from the first euro, but WHMCS charged the Dutch %s %%", cc, cc, c->rate);
		} else if (f->oss == 1 && (service || f->date >= ACU_DATE_OSS)) {
			acu_decide(c, 1, f->rate, "EU-B2C-NL-THRESHOLD");
			acu_warn(c->ws, "vat.oss_threshold_reached", true,
				"the EU threshold for distance sales is reached, so a consumer in %s pays %s VAT, "
				"but WHMCS charged the Dutch %s %%", cc, cc, c->rate);
		} else {
			acu_decide(c, 1, f->rate, "EU-B2C-NL");
		}
		return;
	}

	if (in_nl && in_cc) {
		/* the same rate in both countries: the threshold decides */
		if (service && f->date < ACU_DATE_MOSS_LIMIT) {
			acu_decide(c, 6, f->rate, "EU-B2C-SAME-RATE");
		} else if (!service && f->date < ACU_DATE_OSS) {
			acu_decide(c, 1, f->rate, "EU-B2C-SAME-RATE");
		} else if (f->oss == 1) {
			acu_decide(c, 6, f->rate, "EU-B2C-SAME-RATE");
		} else if (f->oss == 0) {
			acu_decide(c, 1, f->rate, "EU-B2C-SAME-RATE");
		} else {
			acu_decide(c, 1, f->rate, "EU-B2C-SAME-RATE-UNKNOWN");
			acu_warn(c->ws, "vat.oss_unknown", true,
				"%s %% is both the Dutch and the %s VAT rate and the state of the EU threshold is "
				"not known: Dutch VAT (vattype 1) or foreign VAT (vattype 6)? Choose by hand",
				c->rate, cc);
		}
		return;
	}

	acu_decide(c, 6, f->rate, "EU-B2C-OTHER");
	acu_warn(c->ws, "vat.rate_unknown", true,
		"WHMCS charged %s %% VAT, which is neither a Dutch nor a %s VAT rate on %s",
		c->rate, cc, c->date);
}

static void acu_decide_world(acu_vat_ctx *c, const char *cc, bool uk)
{
	const acu_vat_facts *f = c->f;

	if (f->charge != ACU_CHARGE_RATE) {
		if (f->nature == ACU_NATURE_PRODUCT) {
			acu_decide_untaxed(c, 4, "WORLD-GOODS");
		} else {
			acu_decide_untaxed(c, 1, "WORLD-SERVICE");
		}
		return;
	}
	if (acu_in_nl(c)) {
		acu_decide(c, 1, f->rate, "WORLD-NL");
		acu_warn(c->ws, "vat.dutch_vat_outside_eu", false,
			"WHMCS charged Dutch VAT (%s %%) to a customer in %s, outside the EU", c->rate, cc);
		return;
	}
	if ((uk || f->country_rates != NULL) && acu_in_country(c, uk ? "GB" : cc)) {
		acu_decide(c, 7, f->rate, uk ? "UK-FOREIGN-VAT" : "WORLD-FOREIGN-VAT");
		return;
	}
	acu_decide(c, f->date >= ACU_DATE_BREXIT ? 7 : 1, f->rate, "WORLD-OTHER");
	acu_warn(c->ws, "vat.rate_unknown", true,
		"WHMCS charged %s %% VAT to a customer in %s, outside the EU, and that is not a known "
		"VAT rate of %s on %s", c->rate, cc, cc, c->date);
}

void acu_vat_decide(const acu_vat_facts *f, acu_vat_decision *d, acu_warnings *ws)
{
	acu_vat_ctx c = { f, d, ws, { 0 }, { 0 } };
	char cc[3];

	memset(d, 0, sizeof(*d));
	acu_dec_format(f->rate, ACU_RATE_SCALE, 0, c.rate);
	acu_date_format(f->date, c.date);

	memcpy(cc, f->country, 3);
	if (cc[0] == 'G' && cc[1] == 'B' && f->bt_postcode) {
		cc[0] = 'X';
		cc[1] = 'I';
	}
	if (cc[0] == 'X' && cc[1] == 'I' && (f->date < ACU_DATE_BREXIT)) {
		cc[0] = 'G';
		cc[1] = 'B';
	}
	memcpy(d->dest_country, cc, 3);

	if (cc[0] == '\0') {
		/* Acumulus takes a missing country as NL; so do we, as a concept */
		memcpy(cc, "NL", 3);
		acu_decide_nl(&c);
		d->rule = "NO-COUNTRY";
		acu_warn(ws, "client.no_country", true,
			"the client has no country: VAT decided as for a Dutch customer");
	} else if (!acu_country_known(cc)) {
		/* Acumulus takes a country code it does not know for NL; a code
		 * that is no country is a mistake somewhere: a concept, named */
		acu_decide_nl(&c);
		d->rule = "UNKNOWN-COUNTRY";
		acu_warn(ws, "client.unknown_country", true,
			"the client's country code \"%s\" is not a country (ISO 3166): VAT decided as for a Dutch customer", cc);
	} else if (cc[0] == 'N' && cc[1] == 'L') {
		acu_decide_nl(&c);
	} else if (acu_vat_is_eu(cc, f->date)
			|| (cc[0] == 'X' && cc[1] == 'I' && f->nature == ACU_NATURE_PRODUCT)) {
		/* Northern Ireland: in the EU VAT area for goods */
		bool b2b = f->vat_number && f->vat_number_valid != 0;

		if (f->vat_number && f->vat_number_valid == 0) {
			acu_warn(ws, "vat.vat_number_invalid", false,
				"the VAT number of the client failed validation: treated as a consumer");
		}
		if (b2b) {
			acu_decide_eu_b2b(&c, cc);
		} else {
			acu_decide_eu_b2c(&c, cc);
		}
	} else {
		bool uk = (cc[0] == 'G' && cc[1] == 'B') || (cc[0] == 'X' && cc[1] == 'I');

		acu_decide_world(&c, cc, uk);
	}

	acu_vat_allowed(d->vattype,
		(d->vattype == 7 && cc[0] == 'X' && cc[1] == 'I') ? "GB" : cc,
		f->date, f->country_rates, &d->allowed);
}

/* }}} */
