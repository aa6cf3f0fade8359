/*
 * Acumulus\InvoiceMapper: the PHP side of the invoice mapper.
 *
 * Reads the localAPI arrays, the settings and the context into the core's
 * structs (invoice_map.h), with a clear error for every value it cannot use
 * (Acumulus\InvoiceDataException naming the invoice and the field), runs the
 * core, and writes the invoice_add document as a PHP array tree in the
 * element order of the reference module (docs/mapping.md). Every template
 * goes through the tag engine (tags_php.h) with the newline and tab rules of
 * its field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"

#include "php_acumulus.h"
#include "exceptions.h"
#include "tags_php.h"
#include "invoice_map.h"
#include "invoice_map_php.h"

zend_class_entry *acumulus_ce_InvoiceDataException;

/* {{{ keys: every array key the mapper reads or writes, interned once in
 * MINIT with its hash, so a lookup or an insert never hashes a key again */

#define ACU_KEYS(X) \
	X(accountnumber) \
	X(acumulusNumber) \
	X(address1) \
	X(address2) \
	X(allowed) \
	X(amount) \
	X(amountin) \
	X(bankaccountnumber) \
	X(booked_total) \
	X(charged) \
	X(city) \
	X(client) \
	X(client_id) \
	X(code) \
	X(companyname) \
	X(companyname1) \
	X(concept) \
	X(confirmreading) \
	X(contactstatus) \
	X(contactyourid) \
	X(correction) \
	X(correction_line) \
	X(costcenter) \
	X(country) \
	X(countryautoname) \
	X(countrycode) \
	X(countryname) \
	X(credit) \
	X(currency) \
	X(currency_code) \
	X(customer) \
	X(customfield) \
	X(customfields) \
	X(date) \
	X(datepaid) \
	X(description) \
	X(descriptiontext) \
	X(disableduplicates) \
	X(document) \
	X(email) \
	X(emailaspdf) \
	X(emailbcc) \
	X(emailfrom) \
	X(emailto) \
	X(firstname) \
	X(fullname) \
	X(gateway) \
	X(id) \
	X(invoice) \
	X(invoiceid) \
	X(invoicenotes) \
	X(invoicenum) \
	X(issuedate) \
	X(item) \
	X(items) \
	X(lastname) \
	X(left_out) \
	X(line) \
	X(lines_total) \
	X(mark) \
	X(message) \
	X(nature) \
	X(number) \
	X(overwriteifexists) \
	X(paymentdate) \
	X(paymentmethod) \
	X(paymentstatus) \
	X(phonenumber) \
	X(postalcode) \
	X(postcode) \
	X(product) \
	X(quantity) \
	X(rate) \
	X(reconciliation) \
	X(rule) \
	X(skip) \
	X(state) \
	X(status) \
	X(subject) \
	X(target) \
	X(tax) \
	X(tax2) \
	X(tax_id) \
	X(taxed) \
	X(taxexempt) \
	X(taxrate) \
	X(taxrate2) \
	X(telephone) \
	X(template) \
	X(tolerance) \
	X(total) \
	X(transaction) \
	X(transactions) \
	X(type) \
	X(unitprice) \
	X(userid) \
	X(value) \
	X(vat) \
	X(vatnumber) \
	X(vatrate) \
	X(vattype) \
	X(vattypeid) \
	X(warnings) \
	X(whmcs_total)

enum {
#define ACU_KEY_ENUM(name) ACU_K_##name,
	ACU_KEYS(ACU_KEY_ENUM)
#undef ACU_KEY_ENUM
	ACU_K_COUNT_
};

static const char *const acu_key_names[ACU_K_COUNT_] = {
#define ACU_KEY_NAME(name) #name,
	ACU_KEYS(ACU_KEY_NAME)
#undef ACU_KEY_NAME
};

static zend_string *acu_keys[ACU_K_COUNT_];

#define K(name) (acu_keys[ACU_K_##name])

/* }}} */

/* {{{ string views */

/* A view of text: p/n, and the zend_string it is all of (for a cheap
 * reference instead of a copy) when zs is set. */
typedef struct acu_sv {
	const char *p;
	size_t n;
	zend_string *zs;
} acu_sv;

#define ACU_SV_LIT(s) ((acu_sv) { (s), sizeof(s) - 1, NULL })
static const acu_sv acu_sv_empty = { "", 0, NULL };

static acu_sv acu_sv_str(zend_string *s)
{
	acu_sv v = { ZSTR_VAL(s), ZSTR_LEN(s), s };
	return v;
}

static acu_sv acu_sv_trim(acu_sv v)
{
	size_t n0 = v.n;
	const char *p0 = v.p;

	if (v.n == 0 || ((unsigned char) v.p[0] > ' ' && (unsigned char) v.p[v.n - 1] > ' ')) {
		return v;
	}

	while (v.n && (v.p[0] == ' ' || v.p[0] == '\t' || v.p[0] == '\r' || v.p[0] == '\n')) {
		v.p++;
		v.n--;
	}
	while (v.n && (v.p[v.n - 1] == ' ' || v.p[v.n - 1] == '\t'
			|| v.p[v.n - 1] == '\r' || v.p[v.n - 1] == '\n')) {
		v.n--;
	}
	if (v.p != p0 || v.n != n0) {
		v.zs = NULL;
	}
	return v;
}

static zend_always_inline bool acu_sv_ieq(acu_sv v, const char *lit)
{
	size_t n = strlen(lit);   /* a literal: folded */

	return v.n == n && zend_binary_strcasecmp(v.p, v.n, lit, n) == 0;
}

static zend_string *acu_sv_zstr(acu_sv v)
{
	if (v.zs && ZSTR_VAL(v.zs) == v.p && ZSTR_LEN(v.zs) == v.n) {
		return zend_string_copy(v.zs);
	}
	return zend_string_init(v.p, v.n, 0);
}

/* }}} */

/* {{{ errors */

/* A field path, formatted only when a message needs it:
 * "<a>[<i>].<b>" with the parts that are set: "total",
 * "items.item[2].amount", "settings.acumulus_customer_type". */
typedef struct acu_fld {
	const char *a;
	long i;          /* -1: no index */
	const char *b;   /* NULL: none */
} acu_fld;

#define FLD(a) ((acu_fld) { (a), -1, NULL })
#define FLD_K(a, b) ((acu_fld) { (a), -1, (b) })
#define FLD_I(a, i, b) ((acu_fld) { (a), (long) (i), (b) })

static void acu_fld_format(acu_fld f, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s", f.a);

	if (n >= 0 && (size_t) n < size && f.i >= 0) {
		n += snprintf(buf + n, size - (size_t) n, "[%ld]", f.i);
	}
	if (n >= 0 && (size_t) n < size && f.b != NULL) {
		snprintf(buf + n, size - (size_t) n, ".%s", f.b);
	}
}

typedef struct acu_bind {
	char id[48];          /* the invoice id for messages; "" unknown */
	HashTable *invoice;   /* for the tags */
	HashTable *client;
	HashTable *fields;    /* context customFields */
	acu_warnings *ws;
} acu_bind;

/* Throws Acumulus\InvoiceDataException: "invoice <id>: <field>: <message>". */
/* The refusals are cold: out of the way of the code that maps. */
ZEND_ATTRIBUTE_FORMAT(printf, 3, 4) ZEND_COLD
static bool acu_fail(const acu_bind *b, acu_fld fld, const char *fmt, ...)
{
	va_list ap;
	zend_string *msg, *full;
	zend_object *ex;
	char field[256];

	acu_fld_format(fld, field, sizeof(field));
	va_start(ap, fmt);
	msg = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	full = zend_strpprintf(0, "invoice %s: %s: %s", b->id[0] ? b->id : "(no id)", field, ZSTR_VAL(msg));
	ex = zend_throw_exception(acumulus_ce_InvoiceDataException, ZSTR_VAL(full), 0);
	zend_update_property_string(acumulus_ce_InvoiceDataException, ex,
		"invoiceId", sizeof("invoiceId") - 1, b->id);
	zend_update_property_string(acumulus_ce_InvoiceDataException, ex,
		"field", sizeof("field") - 1, field);
	zend_string_release(msg);
	zend_string_release(full);
	return false;
}

/* A value for a message: a quoted, shortened string with control bytes
 * escaped, or the type. */
ZEND_COLD static zend_string *acu_describe(const zval *zv)
{
	smart_str s = { 0 };
	size_t i, n;
	const char *p;

	if (zv == NULL) {
		return zend_string_init("missing", sizeof("missing") - 1, 0);
	}
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			p = Z_STRVAL_P(zv);
			n = Z_STRLEN_P(zv);
			smart_str_appendc(&s, '"');
			for (i = 0; i < n && i < 60; i++) {
				unsigned char c = (unsigned char) p[i];

				if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
					smart_str_append_printf(&s, "\\x%02x", c);
				} else {
					smart_str_appendc(&s, (char) c);
				}
			}
			if (n > 60) {
				smart_str_appends(&s, "...");
			}
			smart_str_appendc(&s, '"');
			break;
		case IS_DOUBLE:
			smart_str_appends(&s, "the float ");
			smart_str_append_double(&s, Z_DVAL_P(zv), 17, true);
			break;
		case IS_LONG:
			smart_str_append_long(&s, Z_LVAL_P(zv));
			break;
		default:
			smart_str_appends(&s, zend_zval_type_name(zv));
			break;
	}
	smart_str_0(&s);
	return s.s;
}

ZEND_ATTRIBUTE_FORMAT(printf, 4, 5) ZEND_COLD
static bool acu_fail_value(const acu_bind *b, acu_fld field, const zval *zv, const char *fmt, ...)
{
	va_list ap;
	zend_string *what = acu_describe(zv), *msg;
	bool r;

	va_start(ap, fmt);
	msg = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	r = acu_fail(b, field, "%s %s", ZSTR_VAL(what), ZSTR_VAL(msg));
	zend_string_release(what);
	zend_string_release(msg);
	return r;
}

/* }}} */

/* {{{ reading values */

/* v in decimal into buf (MAX_LENGTH_OF_LONG + 1 bytes at least),
 * NUL-terminated; its length. Digits and a minus, as ZEND_LONG_FMT writes
 * them, without the cost of a formatted print. */
static size_t acu_long_text(char *buf, zend_long v)
{
	char tmp[MAX_LENGTH_OF_LONG + 1];
	char *end = tmp + sizeof(tmp) - 1;
	char *p = zend_print_long_to_buf(end, v);
	size_t n = (size_t) (end - p);

	memcpy(buf, p, n + 1);
	return n;
}

static zval *acu_find(HashTable *ht, const char *key, size_t len)
{
	zval *zv;

	if (ht == NULL) {
		return NULL;
	}
	zv = zend_hash_str_find_deref(ht, key, len);
	return (zv == NULL || Z_TYPE_P(zv) == IS_NULL) ? NULL : zv;
}

/* A value by interned key; NULL for missing or null. */
/* Whether two strings of the same length n have the same bytes: the short
 * keys of these arrays without a call. */
static zend_always_inline bool acu_same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y, x2, y2;
	uint32_t u, v, u2, v2;

	if (n > 16) {
		return memcmp(a, b, n) == 0;
	}
	if (n >= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&x2, a + n - 8, 8);
		memcpy(&y2, b + n - 8, 8);
		return ((x ^ y) | (x2 ^ y2)) == 0;
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		memcpy(&u2, a + n - 4, 4);
		memcpy(&v2, b + n - 4, 4);
		return ((u ^ v) | (u2 ^ v2)) == 0;
	}
	return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/* zend_hash_find_known_hash, inline: the bucket chain of the key's hash
 * (an interned key: its hash is known), the same key or one with the same
 * hash and bytes. Packed and uninitialised arrays have empty chains. */
static zend_always_inline zval *acu_find_known(const HashTable *ht, const zend_string *key)
{
	Bucket *arData = ht->arData;
	uint32_t idx = HT_HASH_EX(arData, (uint32_t) ZSTR_H(key) | ht->nTableMask);

	while (idx != HT_INVALID_IDX) {
		Bucket *p = HT_HASH_TO_BUCKET_EX(arData, idx);

		if (p->key == key || (p->h == ZSTR_H(key) && p->key && ZSTR_LEN(p->key) == ZSTR_LEN(key)
				&& acu_same_bytes(ZSTR_VAL(p->key), ZSTR_VAL(key), ZSTR_LEN(key)))) {
			return &p->val;
		}
		idx = Z_NEXT(p->val);
	}
	return NULL;
}

static zend_always_inline zval *acu_get(HashTable *ht, zend_string *key)
{
	zval *zv;

	if (ht == NULL) {
		return NULL;
	}
	zv = acu_find_known(ht, key);
	if (zv == NULL) {
		return NULL;
	}
	ZVAL_DEREF(zv);
	return Z_TYPE_P(zv) == IS_NULL ? NULL : zv;
}

/* A text value: strings as they are, ints in decimal (into num), null and
 * false as empty; anything else is an error. */
static bool acu_text(const acu_bind *b, zval *zv, acu_fld field, acu_sv *out, char num[24])
{
	if (zv == NULL) {
		*out = acu_sv_empty;
		return true;
	}
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			*out = acu_sv_str(Z_STR_P(zv));
			return true;
		case IS_LONG:
			out->n = acu_long_text(num, Z_LVAL_P(zv));
			out->p = num;
			out->zs = NULL;
			return true;
		case IS_FALSE:
			*out = acu_sv_empty;
			return true;
		default:
			return acu_fail_value(b, field, zv, "is not text");
	}
}

/* A decimal at scale: a string like "12.10" or an int. Floats are refused:
 * money is never a float. noun names the kind in messages. */
static bool acu_decimal_as(const acu_bind *b, zval *zv, acu_fld field, unsigned scale,
		bool required, int64_t *out, const char *noun)
{
	*out = 0;
	if (zv == NULL) {
		return required ? acu_fail(b, field, "missing") : true;
	}
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			switch (acu_dec_parse(Z_STRVAL_P(zv), Z_STRLEN_P(zv), scale, out)) {
				case ACU_DEC_OK:
					return true;
				case ACU_DEC_E_SCALE:
					return acu_fail_value(b, field, zv, "has more than %u decimals", scale);
				case ACU_DEC_E_RANGE:
					return acu_fail_value(b, field, zv, "is out of range");
				case ACU_DEC_E_SYNTAX:
				default:
					return acu_fail_value(b, field, zv, "is not %s (digits, a point, no thousands separator)",
						noun);
			}
		case IS_LONG:
			if (Z_LVAL_P(zv) > ACU_DEC_MAX_UNITS / acu_pow10(scale)
					|| Z_LVAL_P(zv) < -ACU_DEC_MAX_UNITS / acu_pow10(scale)) {
				return acu_fail_value(b, field, zv, "is out of range");
			}
			*out = (int64_t) Z_LVAL_P(zv) * acu_pow10(scale);
			return true;
		case IS_DOUBLE:
			return acu_fail_value(b, field, zv,
				"is not accepted: money and rates must come as decimal strings, as WHMCS gives them");
		default:
			return acu_fail_value(b, field, zv, "is not %s", noun);
	}
}

static bool acu_decimal(const acu_bind *b, zval *zv, acu_fld field, unsigned scale,
		bool required, int64_t *out)
{
	return acu_decimal_as(b, zv, field, scale, required, out, "a decimal amount");
}

static bool acu_decimal_rate(const acu_bind *b, zval *zv, acu_fld field, bool required, int64_t *out)
{
	return acu_decimal_as(b, zv, field, ACU_RATE_SCALE, required, out, "a decimal rate");
}

/* An amount in cents within ACU_MAX_AMOUNT. */
static bool acu_amount(const acu_bind *b, zval *zv, acu_fld field, bool required, int64_t *out)
{
	if (!acu_decimal(b, zv, field, 2, required, out)) {
		return false;
	}
	if (*out > ACU_MAX_AMOUNT || *out < -ACU_MAX_AMOUNT) {
		return acu_fail_value(b, field, zv, "is out of range (more than a billion)");
	}
	return true;
}

static bool acu_rate(const acu_bind *b, zval *zv, acu_fld field, int64_t *out)
{
	if (!acu_decimal_rate(b, zv, field, false, out)) {
		return false;
	}
	if (*out < 0 || *out > 100 * 10000) {
		return acu_fail_value(b, field, zv, "is not a tax rate from 0 to 100");
	}
	return true;
}

static bool acu_date(const acu_bind *b, zval *zv, acu_fld field, bool required,
		bool allow_time, int32_t *out)
{
	bool zero = false;

	*out = 0;
	if (zv == NULL || (Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) == 0)) {
		return required ? acu_fail(b, field, "missing") : true;
	}
	if (Z_TYPE_P(zv) != IS_STRING) {
		return acu_fail_value(b, field, zv, "is not a date (YYYY-MM-DD)");
	}
	*out = acu_date_parse(Z_STRVAL_P(zv), Z_STRLEN_P(zv), allow_time, &zero);
	if (*out == 0 && !(zero && !required)) {
		return acu_fail_value(b, field, zv, zero ? "is the zero date" : "is not a date (YYYY-MM-DD)");
	}
	return true;
}

/* yes/no: WHMCS stores "on" or ""; bools, 0/1 and yes/no/true/false too. */
static bool acu_flag(const acu_bind *b, zval *zv, acu_fld field, bool def, bool *out)
{
	*out = def;
	if (zv == NULL) {
		return true;
	}
	switch (Z_TYPE_P(zv)) {
		case IS_TRUE:
			*out = true;
			return true;
		case IS_FALSE:
			*out = false;
			return true;
		case IS_LONG:
			if (Z_LVAL_P(zv) == 0 || Z_LVAL_P(zv) == 1) {
				*out = Z_LVAL_P(zv) == 1;
				return true;
			}
			break;
		case IS_STRING: {
			acu_sv v = acu_sv_str(Z_STR_P(zv));

			/* what WHMCS stores, first */
			if (v.n == 0) {
				*out = false;
				return true;
			}
			if (v.n == 2 && v.p[0] == 'o' && v.p[1] == 'n') {
				*out = true;
				return true;
			}
			if (acu_sv_ieq(v, "on") || acu_sv_ieq(v, "yes") || acu_sv_ieq(v, "1") || acu_sv_ieq(v, "true")) {
				*out = true;
				return true;
			}
			if (v.n == 0 || acu_sv_ieq(v, "off") || acu_sv_ieq(v, "no") || acu_sv_ieq(v, "0")
					|| acu_sv_ieq(v, "false")) {
				*out = false;
				return true;
			}
			break;
		}
		default:
			break;
	}
	return acu_fail_value(b, field, zv, "is not a yes/no value (\"on\" or \"\")");
}

/* -1 unknown (missing or null), 0, 1 */
static bool acu_tristate(const acu_bind *b, zval *zv, acu_fld field, int *out)
{
	bool v;

	*out = -1;
	if (zv == NULL) {
		return true;
	}
	if (!acu_flag(b, zv, field, false, &v)) {
		return false;
	}
	*out = v ? 1 : 0;
	return true;
}

/* A list in WHMCS' XML-inherited shape: {singular: [..]} or {singular: {..}}
 * (one entry), a plain list, or "" / missing for none. Returns the entries
 * as a HashTable (a single entry wrapped in tmp). */
static bool acu_list(const acu_bind *b, zval *zv, zend_string *singular, acu_fld field,
		HashTable **out, zval *tmp)
{
	zval *inner;

	*out = NULL;
	ZVAL_UNDEF(tmp);
	if (zv == NULL || (Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) == 0)) {
		return true;
	}
	if (Z_TYPE_P(zv) != IS_ARRAY) {
		return acu_fail_value(b, field, zv, "is not a list");
	}
	inner = acu_get(Z_ARRVAL_P(zv), singular);
	if (inner == NULL) {
		*out = Z_ARRVAL_P(zv);
		return true;
	}
	if (Z_TYPE_P(inner) == IS_STRING && Z_STRLEN_P(inner) == 0) {
		return true;
	}
	if (Z_TYPE_P(inner) != IS_ARRAY) {
		return acu_fail_value(b, field, inner, "is not a list");
	}
	if (zend_array_is_list(Z_ARRVAL_P(inner))) {
		*out = Z_ARRVAL_P(inner);
		return true;
	}
	/* one entry, not wrapped in a list */
	array_init_size(tmp, 1);
	Z_ADDREF_P(inner);
	add_next_index_zval(tmp, inner);
	*out = Z_ARRVAL_P(tmp);
	return true;
}

/* }}} */

/* {{{ settings */

/* Every setting the mapper reads, with the default a missing row takes: the
 * reference module's keys and stored values (typos included), then ours. */
#define ACU_SETTINGS(X) \
	X(EMAILASPDF, "acumulus_emailaspdf", "") \
	X(CUSTOMER_IMPORT, "acumulus_customer_import_enabled", "on") \
	X(CUSTOMER_TYPE, "acumulus_customer_type", "Debtor/Creditor (neutral)") \
	X(COUNTRYAUTONAME, "acumulus_customer_countryautoname", "Use the same country as the customer in WHMCS") \
	X(OVERWRITE, "acumulus_customer_overwriteifexists", "on") \
	X(DISABLEDUPLICATES, "acumulus_customer_disableduplicates", "") \
	X(VATFIELD, "acumulus_whmcs_vatfield", "[VAT Number]") \
	X(IBANFIELD, "acumulus_whmcs_ibanfield", "") \
	X(MARK, "acumulus_cusromer_mark", "WHMCS Klantnr: {USERID}") \
	X(COSTCENTER, "acumulus_invoice_default_costcenter", "") \
	X(NATURE, "acumulus_invoice_default_nature", "Service") \
	X(ACUMULUS_NUMBERING, "acumulus_use_acumulus_invoice_numbering", "on") \
	X(TITLE, "acumulus_invoice_description", "WHMCS Factuur: {INVOICENUMBER}") \
	X(CREDIT_TITLE, "acumulus_creditinvoice_description", "Credit Factuur:  WHMCS: {INVOICENUMBER}") \
	X(DESCRIPTIONTEXT, "acumulus_invoice_descriptiontext", "{INVOICENOTES}") \
	X(INVOICENOTES, "acumulus_invoice_invoicenotes", "") \
	X(TEMPLATE, "acumulus_invoice_template", "") \
	X(SUMMARIZE, "acumulus_summarize_invoice", "") \
	X(CORRECTION, "acumulus_invoice_correction", "") \
	X(CORRECTION_TEXT, "acumulus_invoice_correction_text", "WHMCS correction") \
	X(SUMMARY_TAXED, "acumulus_summarization_text_taxed", "Totaal WHMCS Factuur belast met BTW") \
	X(SUMMARY_UNTAXED, "acumulus_summarization_text_untaxed", "Totaal WHMCS Factuur zonder BTW") \
	X(LAST_PAYMENTMETHOD, "acumulus_invoice_use_last_paymentmethod", "on") \
	X(EMAILBCC, "acumulus_emailaspdf_emailbcc", "") \
	X(EMAILFROM, "acumulus_emailaspdf_emailfrom", "") \
	X(SUBJECT, "acumulus_emailaspdf_subject", "") \
	X(MESSAGE, "acumulus_emailaspdf_message", "") \
	X(CONFIRMREADING, "acumulus_emailaspdf_confirmreading", "") \
	/* new in this module */ \
	X(BOOK_ADDFUNDS, "acumulus_book_addfunds", "") \
	X(BOOK_ZERO_TOTAL, "acumulus_book_zero_total", "on") \
	X(CREDIT_DESCRIPTIONTEXT, "acumulus_creditinvoice_descriptiontext", "Creditnota voor factuur {ACUMULUS_INVOICENUMBER}") \
	X(REFUND_TEXT, "acumulus_refund_line_text", "Terugbetaling")

enum {
#define ACU_SETTING_ENUM(id, key, def) ACU_S_##id,
	ACU_SETTINGS(ACU_SETTING_ENUM)
#undef ACU_SETTING_ENUM
	ACU_S_COUNT_
};

static const struct {
	const char *key;
	size_t key_len;
	const char *def;
	size_t def_len;
} acu_settings_table[ACU_S_COUNT_] = {
#define ACU_SETTING_ROW(id, key, def) { key, sizeof(key) - 1, def, sizeof(def) - 1 },
	ACU_SETTINGS(ACU_SETTING_ROW)
#undef ACU_SETTING_ROW
};

static zend_string *acu_setting_keys[ACU_S_COUNT_];

#define ACU_GATEWAY_PREFIX "acumulus_AccountNumber_"

typedef struct acu_settings {
	HashTable *ht;
	bool emailaspdf, customer_import, overwrite, disableduplicates, acumulus_numbering;
	bool summarize, correction, last_paymentmethod, confirmreading;
	bool book_addfunds, book_zero_total;
	int customer_type;      /* 1 debtor, 2 creditor, 3 neutral */
	int countryautoname;    /* 0, 1, 2 */
	acu_nature nature;
	acu_sv vatfield, ibanfield, mark, costcenter, template_;
	acu_sv title, credit_title, descriptiontext, invoicenotes;
	acu_sv correction_text, summary_taxed, summary_untaxed;
	acu_sv emailbcc, emailfrom, subject, message;
	acu_sv credit_descriptiontext, refund_text;
} acu_settings;

static acu_sv acu_default(int id)
{
	acu_sv v = { acu_settings_table[id].def, acu_settings_table[id].def_len, NULL };
	return v;
}

#define ACU_SET_FLD(id) FLD_K("settings", acu_settings_table[id].key)

static bool acu_set_text(const acu_bind *b, HashTable *ht, int id, acu_sv *out)
{
	zval *zv = acu_get(ht, acu_setting_keys[id]);

	if (zv == NULL) {
		*out = acu_default(id);
		return true;
	}
	if (Z_TYPE_P(zv) != IS_STRING) {
		return acu_fail_value(b, ACU_SET_FLD(id), zv, "is not text");
	}
	*out = acu_sv_str(Z_STR_P(zv));
	return true;
}

static bool acu_set_flag(const acu_bind *b, HashTable *ht, int id, bool *out)
{
	/* the default of a yes/no setting is "on" or "" */
	return acu_flag(b, acu_get(ht, acu_setting_keys[id]), ACU_SET_FLD(id),
		acu_settings_table[id].def_len == 2, out);
}

/* A dropdown stored as its option text: index of the option, or the
 * default's (def_index: options[def_index] is the default) for "" or a
 * missing row. */
static bool acu_set_choice(const acu_bind *b, HashTable *ht, int id,
		const char *const *options, int def_index, int *out)
{
	acu_sv v;
	int i;

	if (!acu_set_text(b, ht, id, &v)) {
		return false;
	}
	v = acu_sv_trim(v);
	if (v.n == 0 || v.p == acu_settings_table[id].def) {
		*out = def_index;
		return true;
	}
	for (i = 0; options[i]; i++) {
		if (acu_sv_ieq(v, options[i])) {
			*out = i;
			return true;
		}
	}
	{
		zval tmp;
		bool r;

		ZVAL_STRINGL(&tmp, v.p, v.n);
		r = acu_fail_value(b, ACU_SET_FLD(id), &tmp, "is not one of the options of this setting");
		zval_ptr_dtor(&tmp);
		return r;
	}
}

/* "ID Name" dropdown values (cost center, template, account): the leading
 * integer. Returns false when a non-empty value has none. */
static bool acu_leading_id(acu_sv v, acu_sv *id)
{
	size_t i = 0;

	v = acu_sv_trim(v);
	*id = acu_sv_empty;
	if (v.n == 0) {
		return true;
	}
	if (v.p[0] == '-') {
		i++;
	}
	if (i >= v.n || v.p[i] < '0' || v.p[i] > '9') {
		return false;
	}
	while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') {
		i++;
	}
	if (i < v.n && v.p[i] != ' ') {
		return false;
	}
	id->p = v.p;
	id->n = i;
	id->zs = (i == v.n) ? v.zs : NULL;
	return true;
}

static bool acu_read_settings(acu_bind *b, HashTable *ht, acu_settings *s)
{
	static const char *const types[] = { "Debtor", "Creditor", "Debtor/Creditor (neutral)", NULL };
	static const char *const autoname[] = {
		"Use the same country as the customer in WHMCS",
		"Automatic prefill based on country code",
		"Automatic prefill based on country code including Nederland",
		NULL
	};
	static const char *const natures[] = { "Service", "Product", NULL };
	int nature;

	memset(s, 0, sizeof(*s));
	s->ht = ht;
	if (!acu_set_flag(b, ht, ACU_S_EMAILASPDF, &s->emailaspdf)
			|| !acu_set_flag(b, ht, ACU_S_CUSTOMER_IMPORT, &s->customer_import)
			|| !acu_set_flag(b, ht, ACU_S_OVERWRITE, &s->overwrite)
			|| !acu_set_flag(b, ht, ACU_S_DISABLEDUPLICATES, &s->disableduplicates)
			|| !acu_set_flag(b, ht, ACU_S_ACUMULUS_NUMBERING, &s->acumulus_numbering)
			|| !acu_set_flag(b, ht, ACU_S_SUMMARIZE, &s->summarize)
			|| !acu_set_flag(b, ht, ACU_S_CORRECTION, &s->correction)
			|| !acu_set_flag(b, ht, ACU_S_LAST_PAYMENTMETHOD, &s->last_paymentmethod)
			|| !acu_set_flag(b, ht, ACU_S_CONFIRMREADING, &s->confirmreading)
			|| !acu_set_flag(b, ht, ACU_S_BOOK_ADDFUNDS, &s->book_addfunds)
			|| !acu_set_flag(b, ht, ACU_S_BOOK_ZERO_TOTAL, &s->book_zero_total)
			|| !acu_set_choice(b, ht, ACU_S_CUSTOMER_TYPE, types, 2, &s->customer_type)
			|| !acu_set_choice(b, ht, ACU_S_COUNTRYAUTONAME, autoname, 0, &s->countryautoname)
			|| !acu_set_choice(b, ht, ACU_S_NATURE, natures, 0, &nature)
			|| !acu_set_text(b, ht, ACU_S_VATFIELD, &s->vatfield)
			|| !acu_set_text(b, ht, ACU_S_IBANFIELD, &s->ibanfield)
			|| !acu_set_text(b, ht, ACU_S_MARK, &s->mark)
			|| !acu_set_text(b, ht, ACU_S_COSTCENTER, &s->costcenter)
			|| !acu_set_text(b, ht, ACU_S_TEMPLATE, &s->template_)
			|| !acu_set_text(b, ht, ACU_S_TITLE, &s->title)
			|| !acu_set_text(b, ht, ACU_S_CREDIT_TITLE, &s->credit_title)
			|| !acu_set_text(b, ht, ACU_S_DESCRIPTIONTEXT, &s->descriptiontext)
			|| !acu_set_text(b, ht, ACU_S_INVOICENOTES, &s->invoicenotes)
			|| !acu_set_text(b, ht, ACU_S_CORRECTION_TEXT, &s->correction_text)
			|| !acu_set_text(b, ht, ACU_S_SUMMARY_TAXED, &s->summary_taxed)
			|| !acu_set_text(b, ht, ACU_S_SUMMARY_UNTAXED, &s->summary_untaxed)
			|| !acu_set_text(b, ht, ACU_S_EMAILBCC, &s->emailbcc)
			|| !acu_set_text(b, ht, ACU_S_EMAILFROM, &s->emailfrom)
			|| !acu_set_text(b, ht, ACU_S_SUBJECT, &s->subject)
			|| !acu_set_text(b, ht, ACU_S_MESSAGE, &s->message)
			|| !acu_set_text(b, ht, ACU_S_CREDIT_DESCRIPTIONTEXT, &s->credit_descriptiontext)
			|| !acu_set_text(b, ht, ACU_S_REFUND_TEXT, &s->refund_text)) {
		return false;
	}
	s->customer_type += 1;
	s->nature = nature == 1 ? ACU_NATURE_PRODUCT : ACU_NATURE_SERVICE;
	return true;
}

/* The id part of an "ID Name" setting; a warning when it has none. */
static acu_sv acu_setting_id(const acu_bind *b, acu_sv v, const char *key)
{
	acu_sv id;

	if (!acu_leading_id(v, &id)) {
		acu_warn(b->ws, "settings.no_id", false,
			"setting %s (\"%.*s\") does not start with a numeric Acumulus id; re-save the settings: "
			"left out, so Acumulus uses its default", key, (int) (v.n > 60 ? 60 : v.n), v.p);
	}
	return id;
}

/* }}} */

/* {{{ context */

typedef struct acu_context {
	bool inclusive, compound, tax_enabled;
	int per_line;
	HashTable *currencies;
	HashTable *fields;
	int32_t today;
	int oss;
	int vat_valid;
	bool has_vat_rates;
	acu_rate_set vat_rates;
	char invoice_country[3];
	bool batch, book_cancelled;
	zval currencies_tmp;     /* a single currency row wrapped in a list */
} acu_context;

static bool acu_read_vat_rates(const acu_bind *b, zval *zv, acu_context *c)
{
	zval *e;
	zend_ulong i = 0;

	if (Z_TYPE_P(zv) != IS_ARRAY) {
		return acu_fail_value(b, FLD("context.vatRates"), zv, "is not a list of rates");
	}
	c->has_vat_rates = true;
	c->vat_rates.n = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(zv), e) {
		acu_fld field = FLD_I("context.vatRates", i, NULL);
		int64_t r;
		zval *v = e;

		i++;
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_ARRAY) {
			/* a lookup_vatinfo entry: {vattype, vatrate, countryregion} */
			v = acu_get(Z_ARRVAL_P(v), K(vatrate));
		}
		if (!acu_decimal_rate(b, v, field, true, &r)) {
			return false;
		}
		if (r > 0) {
			acu_rate_set_add(&c->vat_rates, r);
		} else if (r == 0) {
			/* remembered for "the country has a 0 % rate" */
			acu_rate_set_add(&c->vat_rates, 0);
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* strcmp(ZSTR_VAL(key), lit) == 0 (the key up to a NUL byte is lit),
 * without a call when the lengths already tell. */
#define ACU_CSTR_IS(key, lit) (ZSTR_LEN(key) >= sizeof(lit) - 1 && memcmp(ZSTR_VAL(key), lit, sizeof(lit)) == 0)

static bool acu_read_context(const acu_bind *b, HashTable *ht, acu_context *c)
{
	zend_string *key;
	zend_ulong idx;
	zval *zv;

	memset(c, 0, sizeof(*c));
	ZVAL_UNDEF(&c->currencies_tmp);
	c->tax_enabled = true;
	c->per_line = -1;
	c->oss = -1;
	c->vat_valid = -1;
	if (ht == NULL) {
		return true;
	}
	ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, zv) {
		acu_fld field;
		const char *k;

		ZVAL_DEREF(zv);
		if (key == NULL) {
			return acu_fail(b, FLD_I("context", (long) idx, NULL), "unknown key");
		}
		k = ZSTR_VAL(key);
		field = FLD_K("context", k);
		if (Z_TYPE_P(zv) == IS_NULL) {
			continue;
		}
		if (ACU_CSTR_IS(key, "taxType")) {
			acu_sv v;

			if (Z_TYPE_P(zv) != IS_STRING) {
				return acu_fail_value(b, field, zv, "is not \"Exclusive\" or \"Inclusive\"");
			}
			v = acu_sv_str(Z_STR_P(zv));
			if (acu_sv_ieq(v, "Inclusive")) {
				c->inclusive = true;
			} else if (!acu_sv_ieq(v, "Exclusive") && v.n != 0) {
				return acu_fail_value(b, field, zv, "is not \"Exclusive\" or \"Inclusive\"");
			}
		} else if (ACU_CSTR_IS(key, "taxL2Compound")) {
			if (!acu_flag(b, zv, field, false, &c->compound)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "taxEnabled")) {
			if (!acu_flag(b, zv, field, true, &c->tax_enabled)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "taxPerLineItem")) {
			if (!acu_tristate(b, zv, field, &c->per_line)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "currencies")) {
			if (!acu_list(b, zv, K(currency), field, &c->currencies, &c->currencies_tmp)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "customFields")) {
			if (Z_TYPE_P(zv) != IS_ARRAY) {
				return acu_fail_value(b, field, zv, "is not an array of field id => name");
			}
			c->fields = Z_ARRVAL_P(zv);
		} else if (ACU_CSTR_IS(key, "today")) {
			if (!acu_date(b, zv, field, true, false, &c->today)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "ossThresholdReached")) {
			if (!acu_tristate(b, zv, field, &c->oss)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "vatNumberValid")) {
			if (!acu_tristate(b, zv, field, &c->vat_valid)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "vatRates")) {
			if (!acu_read_vat_rates(b, zv, c)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "invoiceCountry")) {
			if (Z_TYPE_P(zv) != IS_STRING || (Z_STRLEN_P(zv) != 0
					&& !acu_country_normalise(Z_STRVAL_P(zv), Z_STRLEN_P(zv), c->invoice_country))) {
				return acu_fail_value(b, field, zv, "is not a two-letter country code");
			}
		} else if (ACU_CSTR_IS(key, "batch")) {
			if (!acu_flag(b, zv, field, false, &c->batch)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "bookCancelled")) {
			if (!acu_flag(b, zv, field, false, &c->book_cancelled)) {
				return false;
			}
		} else if (ACU_CSTR_IS(key, "whmcsVersion")) {
			if (Z_TYPE_P(zv) != IS_STRING) {
				return acu_fail_value(b, field, zv, "is not text");
			}
		} else {
			return acu_fail(b, field, "unknown key (see docs/mapping.md \"Context\")");
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* The rate (scale 8) of a currency code in context.currencies. */
static bool acu_currency_rate(const acu_bind *b, const acu_context *c, acu_sv code, int64_t *rate)
{
	zval *row;
	zend_ulong i = 0;

	if (c->currencies != NULL) {
		ZEND_HASH_FOREACH_VAL(c->currencies, row) {
			zval *zc, *zr;
			acu_fld field = FLD_I("context.currencies", i, NULL);

			i++;
			ZVAL_DEREF(row);
			if (Z_TYPE_P(row) != IS_ARRAY) {
				return acu_fail_value(b, field, row, "is not a currency row {code, rate}");
			}
			zc = acu_get(Z_ARRVAL_P(row), K(code));
			if (zc == NULL || Z_TYPE_P(zc) != IS_STRING || !acu_sv_ieq(code, Z_STRVAL_P(zc))) {
				continue;
			}
			zr = acu_get(Z_ARRVAL_P(row), K(rate));
			field.b = "rate";
			if (!acu_decimal(b, zr, field, ACU_FX_SCALE, true, rate)) {
				return false;
			}
			if (*rate <= 0) {
				return acu_fail_value(b, field, zr, "is not a positive exchange rate");
			}
			return true;
		} ZEND_HASH_FOREACH_END();
	}
	return acu_fail(b, FLD("context.currencies"), "no rate for %.*s, the client's currency%s",
		(int) code.n, code.p, code.n == 3 && memcmp(code.p, "EUR", 3) == 0 ? "" : " (or for EUR)");
}

/* }}} */

/* {{{ the client */

typedef struct acu_client {
	acu_sv userid, status, company, first, last, address1, address2, postcode, city, state;
	acu_sv countryname, email, phone, tax_id, currency;
	char cc[3];                 /* normalised country code, "" none */
	char userid_num[24];
	char nums[20][24];          /* ints given for text fields, as text */
	int n_nums;
	bool exempt;
	HashTable *customfields;    /* [{id, value}, ...] */
	zval customfields_tmp;
} acu_client;

#define ACU_CLIENT_TEXT(key, dst) \
	do { \
		if (!acu_text(b, acu_get(ht, K(key)), FLD_K("client", #key), &(dst), cl->nums[cl->n_nums++])) { \
			return false; \
		} \
		(dst) = acu_sv_trim(dst); \
	} while (0)

static bool acu_read_client(const acu_bind *b, HashTable *ht, HashTable *invoice, acu_client *cl)
{
	zval *zv;
	acu_sv cc;

	memset(cl, 0, sizeof(*cl));
	ZVAL_UNDEF(&cl->customfields_tmp);

	zv = acu_get(ht, K(userid));
	if (zv == NULL) {
		zv = acu_get(ht, K(id));
	}
	if (zv == NULL) {
		zv = acu_get(ht, K(client_id));
	}
	if (zv == NULL) {
		zv = acu_get(invoice, K(userid));
	}
	if (!acu_text(b, zv, FLD("client.userid"), &cl->userid, cl->userid_num)) {
		return false;
	}
	ACU_CLIENT_TEXT(status, cl->status);
	ACU_CLIENT_TEXT(companyname, cl->company);
	ACU_CLIENT_TEXT(firstname, cl->first);
	ACU_CLIENT_TEXT(lastname, cl->last);
	ACU_CLIENT_TEXT(address1, cl->address1);
	ACU_CLIENT_TEXT(address2, cl->address2);
	ACU_CLIENT_TEXT(postcode, cl->postcode);
	ACU_CLIENT_TEXT(city, cl->city);
	ACU_CLIENT_TEXT(state, cl->state);
	ACU_CLIENT_TEXT(countryname, cl->countryname);
	ACU_CLIENT_TEXT(email, cl->email);
	ACU_CLIENT_TEXT(phonenumber, cl->phone);
	ACU_CLIENT_TEXT(tax_id, cl->tax_id);
	ACU_CLIENT_TEXT(currency_code, cl->currency);
	ACU_CLIENT_TEXT(countrycode, cc);
	if (cc.n == 0) {
		ACU_CLIENT_TEXT(country, cc);
	}
	if (cc.n && !acu_country_normalise(cc.p, cc.n, cl->cc)) {
		zval tmp;
		bool r;

		ZVAL_STRINGL(&tmp, cc.p, cc.n);
		r = acu_fail_value(b, FLD("client.countrycode"), &tmp, "is not a two-letter country code");
		zval_ptr_dtor(&tmp);
		return r;
	}
	if (!acu_flag(b, acu_get(ht, K(taxexempt)), FLD("client.taxexempt"), false, &cl->exempt)) {
		return false;
	}
	if (!acu_list(b, acu_get(ht, K(customfields)), K(customfield), FLD("client.customfields"),
			&cl->customfields, &cl->customfields_tmp)) {
		return false;
	}
	return true;
}

#undef ACU_CLIENT_TEXT

static void acu_client_free(acu_client *cl)
{
	zval_ptr_dtor(&cl->customfields_tmp);
	ZVAL_UNDEF(&cl->customfields_tmp);
}

/* A custom field's value by field name: name -> id through
 * context.customFields (exact, then in any ASCII case), then the client's
 * {id, value} entry. Empty when there is none. */
static acu_sv acu_custom_field(const acu_bind *b, const acu_client *cl, acu_sv name, const char *setting)
{
	zend_string *key;
	zend_ulong idx;
	zval *zv, *entry;
	zend_long id = -1, loose = -1;

	if (name.n == 0) {
		return acu_sv_empty;
	}
	if (b->fields != NULL) {
		ZEND_HASH_FOREACH_KEY_VAL(b->fields, idx, key, zv) {
			zend_long this_id;
			zend_ulong u;

			ZVAL_DEREF(zv);
			if (Z_TYPE_P(zv) != IS_STRING) {
				continue;
			}
			if (key == NULL) {
				this_id = (zend_long) idx;
			} else if (ZEND_HANDLE_NUMERIC_STR(ZSTR_VAL(key), ZSTR_LEN(key), u)) {
				this_id = (zend_long) u;
			} else {
				continue;
			}
			if (Z_STRLEN_P(zv) == name.n && memcmp(Z_STRVAL_P(zv), name.p, name.n) == 0) {
				id = this_id;
				break;
			}
			if (loose < 0 && zend_binary_strcasecmp(Z_STRVAL_P(zv), Z_STRLEN_P(zv), name.p, name.n) == 0) {
				loose = this_id;
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (id < 0) {
		id = loose;
	}
	if (id < 0) {
		acu_warn(b->ws, "settings.unknown_custom_field", false,
			"setting %s names the client custom field \"%.*s\", which context.customFields does not "
			"list: left out", setting, (int) (name.n > 60 ? 60 : name.n), name.p);
		return acu_sv_empty;
	}
	if (cl->customfields != NULL) {
		ZEND_HASH_FOREACH_VAL(cl->customfields, entry) {
			zval *zid, *zval_;
			zend_long eid;
			zend_ulong u;

			ZVAL_DEREF(entry);
			if (Z_TYPE_P(entry) != IS_ARRAY) {
				continue;
			}
			zid = acu_get(Z_ARRVAL_P(entry), K(id));
			if (zid == NULL) {
				continue;
			}
			if (Z_TYPE_P(zid) == IS_LONG) {
				eid = Z_LVAL_P(zid);
			} else if (Z_TYPE_P(zid) == IS_STRING
					&& ZEND_HANDLE_NUMERIC_STR(Z_STRVAL_P(zid), Z_STRLEN_P(zid), u)) {
				eid = (zend_long) u;
			} else {
				continue;
			}
			if (eid != id) {
				continue;
			}
			zval_ = acu_get(Z_ARRVAL_P(entry), K(value));
			if (zval_ && Z_TYPE_P(zval_) == IS_STRING) {
				return acu_sv_trim(acu_sv_str(Z_STR_P(zval_)));
			}
			return acu_sv_empty;
		} ZEND_HASH_FOREACH_END();
	}
	return acu_sv_empty;
}

/* VAT numbers and IBANs: spaces, dots and dashes out, upper case. */
static zend_string *acu_compact_upper(acu_sv v)
{
	zend_string *s = zend_string_alloc(v.n, 0);
	size_t i, n = 0;

	for (i = 0; i < v.n; i++) {
		char c = v.p[i];

		if (c == ' ' || c == '.' || c == '-' || c == '\t') {
			continue;
		}
		if (c >= 'a' && c <= 'z') {
			c = (char) (c - 'a' + 'A');
		}
		ZSTR_VAL(s)[n++] = c;
	}
	ZSTR_VAL(s)[n] = '\0';
	ZSTR_LEN(s) = n;
	return s;
}

/* }}} */

/* {{{ document helpers */

/* Inserts into a new array under an interned key (no hashing, no check
 * for an existing key: every key is written once). The arrays are made
 * with room for their keys (array_init_size), so an insert is an append;
 * a full one grows as usual. */
static zend_always_inline void acu_hash_put(HashTable *ht, zend_string *key, zval *v)
{
	if (UNEXPECTED(HT_FLAGS(ht) & HASH_FLAG_UNINITIALIZED)) {
		zend_hash_real_init_mixed(ht);
	}
	if (EXPECTED(ht->nNumUsed < ht->nTableSize && !HT_IS_PACKED(ht) && ZSTR_IS_INTERNED(key))) {
		_zend_hash_append_ex(ht, key, v, 1);
	} else {
		zend_hash_add_new(ht, key, v);
	}
}

/* A new list with room for n (packed from the start), and appends to it:
 * in place while there is room, else as usual. */
static void acu_list_init(zval *list, uint32_t n)
{
	array_init_size(list, n);
	zend_hash_real_init_packed(Z_ARRVAL_P(list));
}

static zend_always_inline void acu_list_add(zval *list, zval *v)
{
	HashTable *ht = Z_ARRVAL_P(list);

	if (EXPECTED(HT_IS_PACKED(ht) && ht->nNumUsed < ht->nTableSize && ht->nNumUsed == ht->nNumOfElements
			&& (zend_long) ht->nNumUsed == ht->nNextFreeElement)) {
		ZVAL_COPY_VALUE(ht->arPacked + ht->nNumUsed, v);
		ht->nNumUsed++;
		ht->nNumOfElements++;
		ht->nNextFreeElement++;
	} else {
		zend_hash_next_index_insert_new(ht, v);
	}
}

static zend_always_inline void acu_add_zval(zval *arr, zend_string *key, zval *v)
{
	acu_hash_put(Z_ARRVAL_P(arr), key, v);
}

static zend_always_inline void acu_add_str(zval *arr, zend_string *key, zend_string *s)
{
	zval v;

	ZVAL_STR(&v, s);
	acu_hash_put(Z_ARRVAL_P(arr), key, &v);
}

static void acu_add_stringl(zval *arr, zend_string *key, const char *p, size_t n)
{
	acu_add_str(arr, key, zend_string_init(p, n, 0));
}

static void acu_add_string(zval *arr, zend_string *key, const char *p)
{
	acu_add_str(arr, key, zend_string_init(p, strlen(p), 0));
}

static zend_always_inline void acu_add_long(zval *arr, zend_string *key, zend_long l)
{
	zval v;

	ZVAL_LONG(&v, l);
	acu_hash_put(Z_ARRVAL_P(arr), key, &v);
}

static void acu_add_bool(zval *arr, zend_string *key, bool b)
{
	zval v;

	ZVAL_BOOL(&v, b);
	acu_hash_put(Z_ARRVAL_P(arr), key, &v);
}

static void acu_add_null(zval *arr, zend_string *key)
{
	zval v;

	ZVAL_NULL(&v);
	acu_hash_put(Z_ARRVAL_P(arr), key, &v);
}

/* s when not empty (released when empty); nothing for NULL */
static void acu_put_str(zval *arr, zend_string *key, zend_string *s)
{
	if (s == NULL) {
		return;
	}
	if (ZSTR_LEN(s) == 0) {
		zend_string_release(s);
		return;
	}
	acu_add_str(arr, key, s);
}

static void acu_put_sv(zval *arr, zend_string *key, acu_sv v)
{
	if (v.n) {
		acu_add_str(arr, key, acu_sv_zstr(v));
	}
}

#define ACU_PUT_SV(arr, key, v) acu_put_sv((arr), (key), (v))
#define ACU_PUT_STR(arr, key, s) acu_put_str((arr), (key), (s))
#define ACU_PUT_LONG(arr, key, l) acu_add_long((arr), (key), (l))

/* Formatted decimals, shared within one call: the same rate or amount is
 * written once and referenced wherever it appears (lines, the allowed rates,
 * the reconciliation), and the most common ones are interned constants. A
 * direct-mapped table: a value whose slot is taken is just written again. */
#define ACU_FMT_SLOTS 16

typedef struct acu_fmt_cache {
	struct {
		int64_t v;
		unsigned fmt;        /* scale << 8 | min_decimals */
		zend_string *s;      /* NULL: empty slot */
	} e[ACU_FMT_SLOTS];
} acu_fmt_cache;

static void acu_fmt_cache_init(acu_fmt_cache *c)
{
	unsigned i;

	for (i = 0; i < ACU_FMT_SLOTS; i++) {
		c->e[i].s = NULL;
	}
}

enum { ACU_C_ONE, ACU_C_MINUS_ONE, ACU_C_ZERO, ACU_C_ZERO_AMOUNT, ACU_C_FX_ONE, ACU_C_SERVICE, ACU_C_PRODUCT,
	ACU_C_EUR, ACU_C_COUNT_ };
static const char *const acu_const_text[ACU_C_COUNT_] = {
	"1", "-1", "0", "0.00", "1.00000", "Service", "Product", "EUR"
};
static zend_string *acu_consts[ACU_C_COUNT_];

static void acu_fmt_cache_free(acu_fmt_cache *c)
{
	unsigned i;

	for (i = 0; i < ACU_FMT_SLOTS; i++) {
		if (c->e[i].s) {
			zend_string_release(c->e[i].s);
			c->e[i].s = NULL;
		}
	}
}

static zend_string *acu_dec_zstr(acu_fmt_cache *c, int64_t v, unsigned scale, unsigned min_decimals)
{
	char buf[ACU_DEC_BUFSIZE];
	zend_string *s;
	unsigned fmt = scale << 8 | min_decimals, slot = 0;

	if (v == 0 && (min_decimals == 0 || min_decimals == 2)) {
		return acu_consts[min_decimals == 2 ? ACU_C_ZERO_AMOUNT : ACU_C_ZERO];
	}
	if (min_decimals == 0 && (v == acu_pow10(scale) || v == -acu_pow10(scale))) {
		return acu_consts[v > 0 ? ACU_C_ONE : ACU_C_MINUS_ONE];
	}
	if (c != NULL) {
		slot = (unsigned) (((uint64_t) v * 0x9E3779B97F4A7C15u) >> 60) ^ (scale & (ACU_FMT_SLOTS - 1));
		if (c->e[slot].s != NULL && c->e[slot].v == v && c->e[slot].fmt == fmt) {
			return zend_string_copy(c->e[slot].s);
		}
	}
	s = zend_string_init(buf, acu_dec_format(v, scale, min_decimals, buf), 0);
	if (c != NULL) {
		if (c->e[slot].s != NULL) {
			zend_string_release(c->e[slot].s);
		}
		c->e[slot].v = v;
		c->e[slot].fmt = fmt;
		c->e[slot].s = zend_string_copy(s);
	}
	return s;
}

/* Whether p[0..n) has a CR, LF or TAB: eight bytes a round (a word with
 * no byte below 14 has none), the rest one by one. */
static bool acu_has_nl_tab(const char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;

	for (; n - i >= 8; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		if (((w - ones * 14) & ~w & highs) != 0) {
			break;
		}
	}
	for (; i < n; i++) {
		if (p[i] == '\n' || p[i] == '\r' || p[i] == '\t') {
			return true;
		}
	}
	return false;
}

/* Renders a template with the tags of the invoice and client. NULL with an
 * exception thrown on failure. */
static zend_string *acu_render(const acu_bind *b, const char *what, acu_sv tpl, uint32_t flags)
{
	acumulus_tag_source src = { b->invoice, b->client, b->fields };
	size_t max_len = (size_t) ACUMULUS_G(tags_max_length);

	if (tpl.n == 0) {
		return ZSTR_EMPTY_ALLOC();
	}
	/* no tag, nothing for the newline and tab rules, within the limit: the
	 * result is the text as it is (what the tag engine would make of it) */
	if (tpl.n <= max_len && memchr(tpl.p, '{', tpl.n) == NULL && !acu_has_nl_tab(tpl.p, tpl.n)) {
		return acu_sv_zstr(tpl);
	}
	return acumulus_tags_render(what, tpl.p, tpl.n, &src, flags, max_len);
}

#define ACU_ONE_LINE (ACU_TAGS_NEWLINES_TO_SPACE | ACU_TAGS_TABS_TO_SPACE)
#define ACU_MULTI_LINE (ACU_TAGS_NEWLINES_ESCAPED | ACU_TAGS_TABS_TO_SPACE)
#define ACU_NOTES (ACU_TAGS_NEWLINES_ESCAPED | ACU_TAGS_TABS_ESCAPED)

/* An item description as a one-line product text. */
static zend_string *acu_one_line(acu_sv v)
{
	zend_string *s;
	size_t i, n = 0;

	v = acu_sv_trim(v);
	if (!acu_has_nl_tab(v.p, v.n)) {
		return acu_sv_zstr(v);
	}
	s = zend_string_alloc(v.n, 0);
	for (i = 0; i < v.n; i++) {
		char c = v.p[i];

		if (c == '\r' && i + 1 < v.n && v.p[i + 1] == '\n') {
			continue; /* the LF of this CRLF writes the space */
		}
		ZSTR_VAL(s)[n++] = (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
	}
	ZSTR_VAL(s)[n] = '\0';
	ZSTR_LEN(s) = n;
	return s;
}

/* s, the literal "\n" and a text, for a multi-line field; releases s. */
static zend_string *acu_append_line_free(zend_string *s, const char *text)
{
	size_t tl = strlen(text);
	zend_string *r;

	if (s == NULL || ZSTR_LEN(s) == 0) {
		r = zend_string_init(text, tl, 0);
	} else {
		r = zend_string_concat3(ZSTR_VAL(s), ZSTR_LEN(s), "\\n", 2, text, tl);
	}
	if (s) {
		zend_string_release(s);
	}
	return r;
}

/* The warnings, the vat summary and the reconciliation of a result. */
static void acu_put_warnings(zval *rv, const acu_warnings *ws)
{
	zval list;
	unsigned i;

	array_init_size(&list, ws->n);
	for (i = 0; i < ws->n; i++) {
		zval w;

		array_init_size(&w, 3);
		acu_add_string(&w, K(code), ws->w[i].code);
		acu_add_string(&w, K(message), ws->w[i].msg);
		acu_add_bool(&w, K(concept), ws->w[i].concept);
		add_next_index_zval(&list, &w);
	}
	if (ws->dropped) {
		zval w;
		char msg[96];

		snprintf(msg, sizeof(msg), "%u more warning(s) left out", ws->dropped);
		array_init_size(&w, 3);
		acu_add_string(&w, K(code), "warnings.truncated");
		acu_add_string(&w, K(message), msg);
		acu_add_bool(&w, K(concept), false);
		add_next_index_zval(&list, &w);
	}
	acu_add_zval(rv, K(warnings), &list);
}

static void acu_put_vat(zval *rv, acu_fmt_cache *fc, const acu_vat_decision *d, int64_t charged, bool has_charged)
{
	zval vat, rates;
	unsigned i;

	array_init_size(&vat, 5);
	acu_add_long(&vat, K(type), d->vattype);
	acu_add_string(&vat, K(rule), d->rule ? d->rule : "");
	acu_add_stringl(&vat, K(country), d->dest_country, strlen(d->dest_country));
	if (has_charged) {
		acu_add_str(&vat, K(charged), acu_dec_zstr(fc, charged, ACU_RATE_SCALE, 0));
	} else {
		acu_add_null(&vat, K(charged));
	}
	acu_list_init(&rates, d->allowed.n);
	for (i = 0; i < d->allowed.n; i++) {
		zval r;

		ZVAL_STR(&r, d->allowed.r[i] == ACU_VATFREE ? acu_consts[ACU_C_MINUS_ONE]
			: acu_dec_zstr(fc, d->allowed.r[i], ACU_RATE_SCALE, 0));
		acu_list_add(&rates, &r);
	}
	acu_add_zval(&vat, K(allowed), &rates);
	acu_add_zval(rv, K(vat), &vat);
}

static void acu_put_reconciliation(zval *rv, acu_fmt_cache *fc, const acu_invoice_out *o, acu_sv currency,
		int64_t fx_num, int64_t fx_den)
{
	zval r;

	array_init_size(&r, 10);
	if (currency.n == 3 && memcmp(currency.p, "EUR", 3) == 0) {
		acu_add_str(&r, K(currency), acu_consts[ACU_C_EUR]);
	} else {
		acu_add_stringl(&r, K(currency), currency.p, currency.n);
	}
	/* 1 EUR in the invoice currency */
	acu_add_str(&r, K(rate),
		fx_den == fx_num ? acu_consts[ACU_C_FX_ONE]
		: acu_dec_zstr(fc, (int64_t) acu_div_round((acu_i128) fx_den * 100000, fx_num), 5, 5));
	acu_add_str(&r, K(whmcs_total), acu_dec_zstr(fc, o->whmcs_total, 2, 2));
	acu_add_str(&r, K(left_out), acu_dec_zstr(fc, o->dropped_total, 2, 2));
	acu_add_str(&r, K(target), acu_dec_zstr(fc, o->target, 2, 2));
	acu_add_str(&r, K(lines_total), acu_dec_zstr(fc, o->lines_total, 2, 2));
	acu_add_str(&r, K(correction), acu_dec_zstr(fc, o->correction, 2, 2));
	acu_add_bool(&r, K(correction_line), o->correction_line);
	acu_add_str(&r, K(booked_total), acu_dec_zstr(fc, o->booked_total, 2, 2));
	acu_add_str(&r, K(tolerance), acu_dec_zstr(fc, o->tolerance, 2, 2));
	acu_add_zval(rv, K(reconciliation), &r);
}

static void acu_result_skip(zval *rv, const char *reason, const acu_warnings *ws)
{
	array_init_size(rv, 6);
	acu_add_null(rv, K(document));
	acu_add_string(rv, K(skip), reason);
	acu_add_bool(rv, K(concept), false);
	acu_put_warnings(rv, ws);
	acu_add_null(rv, K(vat));
	acu_add_null(rv, K(reconciliation));
}

/* emailaspdf block; NULL-free: adds nothing when there is no address. */
static bool acu_put_email(const acu_bind *b, zval *invoice, const acu_settings *s, acu_sv to)
{
	zval e;
	zend_string *subject, *message;
	const char *sep;

	to = acu_sv_trim(to);
	/* one address: Acumulus mails the customer; WHMCS has one primary address */
	sep = to.n ? memchr(to.p, ',', to.n) : NULL;
	if (sep == NULL && to.n) {
		sep = memchr(to.p, ';', to.n);
	}
	if (sep) {
		to.n = (size_t) (sep - to.p);
		to.zs = NULL;
		to = acu_sv_trim(to);
	}
	if (to.n == 0) {
		acu_warn(b->ws, "email.no_address", false,
			"\"Let Acumulus send invoice\" is on, but the client has no e-mail address: not mailed");
		return true;
	}
	subject = acu_render(b, "e-mail subject", s->subject, ACU_ONE_LINE);
	if (subject == NULL) {
		return false;
	}
	message = acu_render(b, "e-mail message", s->message, ACU_MULTI_LINE);
	if (message == NULL) {
		zend_string_release(subject);
		return false;
	}
	array_init_size(&e, 6);
	ACU_PUT_SV(&e, K(emailto), to);
	ACU_PUT_SV(&e, K(emailbcc), acu_sv_trim(s->emailbcc));
	ACU_PUT_SV(&e, K(emailfrom), acu_sv_trim(s->emailfrom));
	ACU_PUT_STR(&e, K(subject), subject);
	ACU_PUT_STR(&e, K(message), message);
	ACU_PUT_LONG(&e, K(confirmreading), s->confirmreading ? 1 : 0);
	acu_add_zval(invoice, K(emailaspdf), &e);
	return true;
}

static zend_string *acu_nature_zstr(acu_nature n)
{
	return acu_consts[n == ACU_NATURE_PRODUCT ? ACU_C_PRODUCT : ACU_C_SERVICE];
}

static void acu_put_line(zval *lines, acu_fmt_cache *fc, zend_string *product, zend_string *nature, const acu_line *l)
{
	zval line;

	array_init_size(&line, 5);
	ACU_PUT_STR(&line, K(product), product);
	ACU_PUT_STR(&line, K(nature), nature);
	acu_add_str(&line, K(unitprice), acu_dec_zstr(fc, l->unitprice, ACU_PRICE_SCALE, 4));
	acu_add_str(&line, K(vatrate),
		l->rate == ACU_VATFREE ? acu_consts[ACU_C_MINUS_ONE] : acu_dec_zstr(fc, l->rate, ACU_RATE_SCALE, 0));
	acu_add_str(&line, K(quantity), acu_dec_zstr(fc, l->qty, ACU_QTY_SCALE, 0));
	acu_list_add(lines, &line);
}

/* Concept reasons into the internal notes, so the bookkeeper sees them in
 * Acumulus too. */
static zend_string *acu_notes_with_reasons(zend_string *notes, const acu_warnings *ws)
{
	unsigned i;

	for (i = 0; i < ws->n; i++) {
		if (ws->w[i].concept) {
			char line[ACU_WARN_MSG + 16];

			snprintf(line, sizeof(line), "Concept: %s", ws->w[i].msg);
			notes = acu_append_line_free(notes, line);
		}
	}
	return notes;
}

/* }}} */

/* {{{ Acumulus\InvoiceMapper::map() */

#define ACU_STACK_ITEMS 16

typedef struct acu_map_call {
	acu_bind b;
	acu_settings s;
	acu_context c;
	acu_client cl;
	acu_item stack_items[ACU_STACK_ITEMS];
	acu_item *items;
	zend_string **texts;          /* item descriptions, one line each */
	zend_string *stack_texts[ACU_STACK_ITEMS];
	size_t n_items;
	acu_invoice_in in;
	acu_invoice_out out;
	zval items_tmp, tx_tmp;
	char gw_num[24];
} acu_map_call;

static void acu_map_call_free(acu_map_call *m)
{
	size_t i;

	if (m->texts) {
		for (i = 0; i < m->n_items; i++) {
			if (m->texts[i]) {
				zend_string_release(m->texts[i]);
			}
		}
		if (m->texts != m->stack_texts) {
			efree(m->texts);
		}
	}
	if (m->items && m->items != m->stack_items) {
		efree(m->items);
	}
	acu_client_free(&m->cl);
	zval_ptr_dtor(&m->c.currencies_tmp);
	zval_ptr_dtor(&m->items_tmp);
	zval_ptr_dtor(&m->tx_tmp);
	acu_invoice_out_free(&m->out);
}

static bool acu_read_items(acu_map_call *m, HashTable *inv)
{
	const acu_bind *b = &m->b;
	HashTable *list;
	zval *zv;
	size_t i = 0, n;

	if (!acu_list(b, acu_get(inv, K(items)), K(item), FLD("items"), &list, &m->items_tmp)) {
		return false;
	}
	n = list ? zend_hash_num_elements(list) : 0;
	if (n > ACU_MAX_ITEMS) {
		return acu_fail(b, FLD("items"), "more than %d items", ACU_MAX_ITEMS);
	}
	if (n <= ACU_STACK_ITEMS) {
		m->items = m->stack_items;
		m->texts = m->stack_texts;
	} else {
		m->items = safe_emalloc(n, sizeof(acu_item), 0);
		m->texts = safe_emalloc(n, sizeof(zend_string *), 0);
	}
	memset(m->texts, 0, (n ? n : 1) * sizeof(zend_string *));
	m->n_items = n;
	if (n == 0) {
		return true;
	}
	ZEND_HASH_FOREACH_VAL(list, zv) {
		char num[24];
		acu_item *it = &m->items[i];
		HashTable *row;
		acu_sv type, desc;

		ZVAL_DEREF(zv);
		if (Z_TYPE_P(zv) != IS_ARRAY) {
			return acu_fail_value(b, FLD_I("items.item", i, NULL), zv, "is not an item");
		}
		row = Z_ARRVAL_P(zv);
		if (!acu_amount(b, acu_get(row, K(amount)), FLD_I("items.item", i, "amount"), true, &it->amount)) {
			return false;
		}
		if (!acu_flag(b, acu_get(row, K(taxed)), FLD_I("items.item", i, "taxed"), false, &it->taxed)) {
			return false;
		}
		if (!acu_text(b, acu_get(row, K(type)), FLD_I("items.item", i, "type"), &type, num)) {
			return false;
		}
		it->kind = acu_sv_ieq(type, "Invoice") ? ACU_ITEM_MASSPAY
			: acu_sv_ieq(type, "AddFunds") ? ACU_ITEM_ADDFUNDS : ACU_ITEM_NORMAL;
		if (!acu_text(b, acu_get(row, K(description)), FLD_I("items.item", i, "description"), &desc, num)) {
			return false;
		}
		m->texts[i] = acu_one_line(desc);
		i++;
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* The gateway whose account books the payment: the invoice's, or with "use
 * last payment method" the gateway of the last payment. */
static bool acu_gateway(acu_map_call *m, HashTable *inv, acu_sv *gw)
{
	const acu_bind *b = &m->b;
	HashTable *tx;
	zval *row;
	size_t i = 0;

	if (!acu_text(b, acu_get(inv, K(paymentmethod)), FLD("paymentmethod"), gw, m->gw_num)) {
		return false;
	}
	*gw = acu_sv_trim(*gw);
	if (!m->s.last_paymentmethod) {
		return true;
	}
	if (!acu_list(b, acu_get(inv, K(transactions)), K(transaction), FLD("transactions"), &tx, &m->tx_tmp)) {
		return false;
	}
	if (tx == NULL) {
		return true;
	}
	ZEND_HASH_FOREACH_VAL(tx, row) {
		int64_t in;
		zval *g;

		ZVAL_DEREF(row);
		if (Z_TYPE_P(row) != IS_ARRAY) {
			return acu_fail_value(b, FLD_I("transactions.transaction", i, NULL), row, "is not a transaction");
		}
		if (!acu_amount(b, acu_get(Z_ARRVAL_P(row), K(amountin)), FLD_I("transactions.transaction", i, "amountin"),
				false, &in)) {
			return false;
		}
		g = acu_get(Z_ARRVAL_P(row), K(gateway));
		if (in > 0 && g && Z_TYPE_P(g) == IS_STRING && Z_STRLEN_P(g) > 0) {
			*gw = acu_sv_trim(acu_sv_str(Z_STR_P(g)));
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* The Acumulus account id configured for a gateway. */
static acu_sv acu_account(const acu_bind *b, const acu_settings *s, acu_sv gw)
{
	char key[160];
	zval *zv;
	acu_sv v;

	if (gw.n == 0) {
		return acu_sv_empty;
	}
	if (gw.n > 120) {
		gw.n = 120;
	}
	memcpy(key, ACU_GATEWAY_PREFIX, sizeof(ACU_GATEWAY_PREFIX) - 1);
	memcpy(key + sizeof(ACU_GATEWAY_PREFIX) - 1, gw.p, gw.n);
	key[sizeof(ACU_GATEWAY_PREFIX) - 1 + gw.n] = '\0';
	zv = acu_find(s->ht, key, sizeof(ACU_GATEWAY_PREFIX) - 1 + gw.n);
	if (zv == NULL || Z_TYPE_P(zv) != IS_STRING || Z_STRLEN_P(zv) == 0) {
		acu_warn(b->ws, "account.unmapped", false,
			"no Acumulus account is set for the payment gateway \"%.*s\" (setting %s): Acumulus "
			"books the payment on its default account", (int) gw.n, gw.p, key);
		return acu_sv_empty;
	}
	v = acu_sv_str(Z_STR_P(zv));
	return acu_setting_id(b, v, key);
}

/* The WHMCS invoice number as an Acumulus number: digits, no leading zero. */
static bool acu_numeric_number(acu_sv v)
{
	size_t i;

	if (v.n == 0 || v.n > 18 || v.p[0] == '0') {
		return false;
	}
	for (i = 0; i < v.n; i++) {
		if (v.p[i] < '0' || v.p[i] > '9') {
			return false;
		}
	}
	return true;
}

/* postalcode: NL "3511 AB" -> "3511AB"; elsewhere spaces collapsed. */
static zend_string *acu_postcode(acu_sv v, const char *cc)
{
	zend_string *s = zend_string_alloc(v.n, 0);
	bool nl = cc[0] == 'N' && cc[1] == 'L';
	size_t i, n = 0;

	for (i = 0; i < v.n; i++) {
		char c = v.p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			if (!nl && n > 0 && ZSTR_VAL(s)[n - 1] != ' ') {
				ZSTR_VAL(s)[n++] = ' ';
			}
			continue;
		}
		if (nl && c >= 'a' && c <= 'z') {
			c = (char) (c - 'a' + 'A');
		}
		ZSTR_VAL(s)[n++] = c;
	}
	while (n > 0 && ZSTR_VAL(s)[n - 1] == ' ') {
		n--;
	}
	ZSTR_VAL(s)[n] = '\0';
	ZSTR_LEN(s) = n;
	return s;
}

/* customer vattypeid: 2 for a business; but 1 for a business elsewhere in
 * the EU whose invoice is neither reverse charged nor entirely VAT-free
 * (it is then treated like a consumer there). */
static int acu_vattypeid(const acu_map_call *m, const char *vat_cc, bool company)
{
	bool all_free = true;
	size_t i;

	if (!company) {
		return 1;
	}
	if (vat_cc[0] == '\0' || (vat_cc[0] == 'N' && vat_cc[1] == 'L') || m->out.vat.vattype == 3
			|| !acu_vat_is_eu(vat_cc, m->in.vat.date)) {
		return 2;
	}
	for (i = 0; i < m->out.n_lines; i++) {
		if (m->out.lines[i].rate != ACU_VATFREE) {
			all_free = false;
		}
	}
	return all_free ? 2 : 1;
}

static bool acu_build_customer(acu_map_call *m, zval *customer, const char *vat_cc,
		zend_string *vatnumber, bool company)
{
	const acu_bind *b = &m->b;
	const acu_settings *s = &m->s;
	const acu_client *cl = &m->cl;
	zend_string *mark;
	acu_sv iban;

	if (!s->customer_import) {
		array_init_size(customer, 3);
		if (vat_cc[0]) {
			acu_add_stringl(customer, K(countrycode), vat_cc, 2);
		}
		if (vatnumber) {
			ACU_PUT_STR(customer, K(vatnumber), zend_string_copy(vatnumber));
		}
		return true;
	}
	mark = acu_render(b, "client mark", s->mark, ACU_ONE_LINE);
	if (mark == NULL) {
		return false;
	}
	array_init_size(customer, 24);
	ACU_PUT_LONG(customer, K(type), s->customer_type);
	ACU_PUT_LONG(customer, K(vattypeid), acu_vattypeid(m, vat_cc, company));
	ACU_PUT_SV(customer, K(contactyourid), cl->userid);
	/* "Inactive" in WHMCS means no active services, not a closed customer */
	ACU_PUT_LONG(customer, K(contactstatus), acu_sv_ieq(cl->status, "Closed") ? 0 : 1);
	ACU_PUT_SV(customer, K(companyname1), cl->company);
	if (cl->first.n && cl->last.n) {
		acu_add_str(customer, K(fullname),
			zend_string_concat3(cl->first.p, cl->first.n, " ", 1, cl->last.p, cl->last.n));
	} else {
		ACU_PUT_SV(customer, K(fullname), cl->first.n ? cl->first : cl->last);
	}
	ACU_PUT_SV(customer, K(address1), cl->address1);
	ACU_PUT_SV(customer, K(address2), cl->address2);
	ACU_PUT_STR(customer, K(postalcode), acu_postcode(cl->postcode, vat_cc));
	if (cl->state.n && cl->city.n && !(vat_cc[0] == 'N' && vat_cc[1] == 'L')
			&& zend_binary_strcasecmp(cl->state.p, cl->state.n, cl->city.p, cl->city.n) != 0) {
		acu_add_str(customer, K(city),
			zend_string_concat3(cl->city.p, cl->city.n, ", ", 2, cl->state.p, cl->state.n));
	} else {
		ACU_PUT_SV(customer, K(city), cl->city.n ? cl->city : cl->state);
	}
	/* the name of the client's country; not when VAT follows another country */
	if (memcmp(vat_cc, cl->cc, 2) == 0) {
		ACU_PUT_SV(customer, K(country), cl->countryname);
	}
	if (vat_cc[0]) {
		acu_add_stringl(customer, K(countrycode), vat_cc, 2);
	}
	ACU_PUT_LONG(customer, K(countryautoname), s->countryautoname);
	if (vatnumber) {
		ACU_PUT_STR(customer, K(vatnumber), zend_string_copy(vatnumber));
	}
	ACU_PUT_SV(customer, K(telephone), cl->phone);
	{
		acu_sv email = cl->email;
		const char *sep = email.n ? memchr(email.p, ',', email.n) : NULL;

		if (sep == NULL && email.n) {
			sep = memchr(email.p, ';', email.n);
		}
		if (sep) {
			email.n = (size_t) (sep - email.p);
			email.zs = NULL;
			email = acu_sv_trim(email);
		}
		ACU_PUT_SV(customer, K(email), email);
	}
	ACU_PUT_LONG(customer, K(overwriteifexists), s->overwrite ? 1 : 0);
	iban = acu_custom_field(b, cl, acu_sv_trim(s->ibanfield), "acumulus_whmcs_ibanfield");
	if (iban.n) {
		ACU_PUT_STR(customer, K(bankaccountnumber), acu_compact_upper(iban));
	}
	ACU_PUT_STR(customer, K(mark), mark);
	ACU_PUT_LONG(customer, K(disableduplicates), s->disableduplicates ? 1 : 0);
	return true;
}

static bool acu_do_map(HashTable *inv, HashTable *client, HashTable *settings, HashTable *context,
		zval *rv)
{
	acu_map_call m;
	acu_fmt_cache fc;
	acu_bind *b = &m.b;
	zval *zv, document, customer, invoice, lines;
	zend_string *vatnumber = NULL, *title = NULL, *dtext = NULL, *notes = NULL;
	zend_string *nature = NULL, *txt_taxed = NULL, *txt_untaxed = NULL, *txt_corr = NULL;
	acu_sv status, invnum, gw, costcenter, template_, account;
	int32_t date, datepaid = 0;
	char num[24], vat_cc[3];
	bool ok = false, paid, concept, company;
	size_t i;
	acu_map_status st;

	/* not memset: the stack buffers and the warnings need no clearing */
	acu_fmt_cache_init(&fc);
	memset(&m.b, 0, sizeof(m.b));
	memset(&m.in, 0, sizeof(m.in));
	m.items = NULL;
	m.texts = NULL;
	m.n_items = 0;
	ZVAL_UNDEF(&m.items_tmp);
	ZVAL_UNDEF(&m.tx_tmp);
	ZVAL_UNDEF(&m.cl.customfields_tmp);
	ZVAL_UNDEF(&m.c.currencies_tmp);
	acu_invoice_out_init(&m.out);
	b->invoice = inv;
	b->client = client;
	b->ws = &m.out.warnings;

	/* the invoice id names the invoice in every message */
	zv = acu_get(inv, K(invoiceid));
	if (zv == NULL) {
		zv = acu_get(inv, K(id));
	}
	if (zv && Z_TYPE_P(zv) == IS_LONG && Z_LVAL_P(zv) > 0) {
		acu_long_text(b->id, Z_LVAL_P(zv));
	} else if (zv && Z_TYPE_P(zv) == IS_STRING && acu_numeric_number(acu_sv_str(Z_STR_P(zv)))) {
		/* at most 18 digits */
		memcpy(b->id, Z_STRVAL_P(zv), Z_STRLEN_P(zv) + 1);
	} else {
		acu_fail_value(b, FLD("invoiceid"), zv, "is not an invoice id");
		goto done;
	}

	if (!acu_read_context(b, context, &m.c) || !acu_read_settings(b, settings, &m.s)) {
		goto done;
	}
	b->fields = m.c.fields;

	/* status: drafts are not invoices yet; cancelled ones were never owed */
	if (!acu_text(b, acu_get(inv, K(status)), FLD("status"), &status, num)) {
		goto done;
	}
	status = acu_sv_trim(status);
	if (acu_sv_ieq(status, "Draft")) {
		acu_result_skip(rv, "draft", &m.out.warnings);
		ok = true;
		goto done;
	}
	if (acu_sv_ieq(status, "Cancelled") && !m.c.book_cancelled) {
		acu_result_skip(rv, "cancelled", &m.out.warnings);
		ok = true;
		goto done;
	}
	paid = acu_sv_ieq(status, "Paid") || acu_sv_ieq(status, "Refunded");

	if (!acu_date(b, acu_get(inv, K(date)), FLD("date"), true, false, &date)
			|| !acu_date(b, acu_get(inv, K(datepaid)), FLD("datepaid"), false, true, &datepaid)
			|| !acu_amount(b, acu_get(inv, K(total)), FLD("total"), true, &m.in.total)
			|| !acu_amount(b, acu_get(inv, K(credit)), FLD("credit"), false, &m.in.credit)
			|| !acu_amount(b, acu_get(inv, K(tax)), FLD("tax"), false, &m.in.tax1)
			|| !acu_amount(b, acu_get(inv, K(tax2)), FLD("tax2"), false, &m.in.tax2)
			|| !acu_rate(b, acu_get(inv, K(taxrate)), FLD("taxrate"), &m.in.rate1)
			|| !acu_rate(b, acu_get(inv, K(taxrate2)), FLD("taxrate2"), &m.in.rate2)
			|| !acu_read_items(&m, inv)
			|| !acu_read_client(b, client, inv, &m.cl)) {
		goto done;
	}

	/* the currency: amounts in EUR, at WHMCS' rates */
	m.in.fx_num = m.in.fx_den = 1;
	if (m.cl.currency.n && !acu_sv_ieq(m.cl.currency, "EUR")) {
		int64_t client_rate, eur_rate;

		if (!acu_currency_rate(b, &m.c, m.cl.currency, &client_rate)
				|| !acu_currency_rate(b, &m.c, ACU_SV_LIT("EUR"), &eur_rate)) {
			goto done;
		}
		m.in.fx_num = eur_rate;
		m.in.fx_den = client_rate;
	}

	/* the VAT facts */
	memcpy(vat_cc, m.c.invoice_country[0] ? m.c.invoice_country : m.cl.cc, 3);
	{
		acu_sv vn = m.cl.tax_id;
		acu_sv field = acu_sv_trim(m.s.vatfield);

		if (vn.n == 0 && field.n && !acu_sv_ieq(field, "[VAT Number]")) {
			vn = acu_custom_field(b, &m.cl, field, "acumulus_whmcs_vatfield");
		}
		if (vn.n) {
			vatnumber = acu_compact_upper(vn);
			if (ZSTR_LEN(vatnumber) == 0) {
				zend_string_release(vatnumber);
				vatnumber = NULL;
			}
		}
	}
	company = m.cl.company.n > 0 || vatnumber != NULL;
	memcpy(m.in.vat.country, vat_cc, 3);
	m.in.vat.bt_postcode = m.cl.postcode.n >= 2
		&& (m.cl.postcode.p[0] == 'B' || m.cl.postcode.p[0] == 'b')
		&& (m.cl.postcode.p[1] == 'T' || m.cl.postcode.p[1] == 't');
	m.in.vat.vat_number = vatnumber != NULL;
	m.in.vat.vat_number_valid = m.c.vat_valid;
	m.in.vat.exempt = m.cl.exempt;
	m.in.vat.date = date;
	m.in.vat.nature = m.s.nature;
	m.in.vat.oss = m.c.oss;
	m.in.vat.country_rates = m.c.has_vat_rates ? &m.c.vat_rates : NULL;
	if (m.c.invoice_country[0] && m.cl.cc[0] && memcmp(m.c.invoice_country, m.cl.cc, 2) != 0) {
		acu_warn(b->ws, "client.country_changed", false,
			"the client's country is now %s, but was %s when the invoice was made: VAT follows %s",
			m.cl.cc, m.c.invoice_country, m.c.invoice_country);
	}

	/* the core */
	m.in.items = m.items;
	m.in.n_items = m.n_items;
	{
		acu_map_opts o;

		o.inclusive = m.c.inclusive;
		o.compound = m.c.compound;
		o.tax_enabled = m.c.tax_enabled;
		o.per_line = m.c.per_line;
		o.summarize = m.s.summarize;
		o.correction = m.s.correction;
		o.book_addfunds = m.s.book_addfunds;
		o.book_zero_total = m.s.book_zero_total;
		st = acu_map_invoice(&m.in, &o, &m.out);
	}
	switch (st) {
		case ACU_MAP_OK:
			break;
		case ACU_MAP_SKIP:
			acu_result_skip(rv, m.out.skip, &m.out.warnings);
			ok = true;
			goto done;
		case ACU_MAP_E_NO_ITEMS:
			{
				char t[ACU_DEC_BUFSIZE];

				acu_dec_format(m.out.whmcs_total, 2, 2, t);
				acu_fail(b, FLD("items"), "no items, but the invoice totals %s", t);
			}
			goto done;
		case ACU_MAP_E_RANGE:
			acu_fail(b, FLD("total"), "an amount is out of range after conversion to EUR");
			goto done;
		case ACU_MAP_E_NOMEM:
		default:
			zend_throw_error(NULL, "invoice %s: out of memory", b->id);
			goto done;
	}

	/* Northern Ireland in the EU VAT area (goods): Acumulus knows it as XI */
	if (m.out.vat.dest_country[0] == 'X' && m.out.vat.dest_country[1] == 'I'
			&& (m.out.vat.vattype == 3 || m.out.vat.vattype == 6)) {
		memcpy(vat_cc, "XI", 3);
	}

	/* {{{ the document */
	array_init_size(rv, 6);
	array_init_size(&document, 1);
	if (!acu_build_customer(&m, &customer, vat_cc, vatnumber, company)) {
		zval_ptr_dtor(&document);
		zval_ptr_dtor(rv);
		ZVAL_NULL(rv);
		goto done;
	}
	concept = acu_warnings_concept(&m.out.warnings);
	array_init_size(&invoice, 16);
	if (concept) {
		ACU_PUT_LONG(&invoice, K(concept), 1);
	}

	/* number: Acumulus numbering, or the WHMCS number when it is one */
	if (!m.s.acumulus_numbering) {
		if (!acu_text(b, acu_get(inv, K(invoicenum)), FLD("invoicenum"), &invnum, num)) {
			goto fail_doc;
		}
		invnum = acu_sv_trim(invnum);
		if (invnum.n == 0) {
			ACU_PUT_SV(&invoice, K(number), acu_sv_trim((acu_sv) { b->id, strlen(b->id), NULL }));
		} else if (acu_numeric_number(invnum)) {
			ACU_PUT_SV(&invoice, K(number), invnum);
		} else {
			acu_warn(b->ws, "number.not_numeric", false,
				"the WHMCS invoice number \"%.*s\" is not a plain number, which is all Acumulus "
				"takes: Acumulus numbers this invoice (the WHMCS number is in the title via "
				"{INVOICENUMBER})", (int) (invnum.n > 40 ? 40 : invnum.n), invnum.p);
		}
	}
	ACU_PUT_LONG(&invoice, K(vattype), m.out.vat.vattype);
	{
		char d[11];

		acu_date_format(date, d);
		acu_add_stringl(&invoice, K(issuedate), d, 10);
	}
	costcenter = acu_setting_id(b, m.s.costcenter, "acumulus_invoice_default_costcenter");
	ACU_PUT_SV(&invoice, K(costcenter), costcenter);
	if (!acu_gateway(&m, inv, &gw)) {
		goto fail_doc;
	}
	account = acu_account(b, &m.s, gw);
	ACU_PUT_SV(&invoice, K(accountnumber), account);
	if (paid) {
		char d[11];
		int32_t pd = datepaid;

		if (pd == 0) {
			pd = m.c.today ? m.c.today : date;
			acu_warn(b->ws, "payment.no_date", false,
				"the invoice is paid but has no payment date: booked as paid on %s",
				m.c.today ? "today" : "its invoice date");
		}
		acu_date_format(pd, d);
		acu_add_stringl(&invoice, K(paymentdate), d, 10);
		ACU_PUT_LONG(&invoice, K(paymentstatus), 2);
	} else {
		ACU_PUT_LONG(&invoice, K(paymentstatus), 1);
	}
	title = acu_render(b, "invoice title", m.s.title, ACU_ONE_LINE);
	if (title == NULL) {
		goto fail_doc;
	}
	ACU_PUT_STR(&invoice, K(description), title);
	title = NULL;
	dtext = acu_render(b, "invoice extended description", m.s.descriptiontext, ACU_MULTI_LINE);
	if (dtext == NULL) {
		goto fail_doc;
	}
	if (m.in.fx_num != m.in.fx_den) {
		char line[160], amount[ACU_DEC_BUFSIZE], rate[ACU_DEC_BUFSIZE];

		acu_dec_format(m.out.whmcs_total, 2, 2, amount);
		acu_dec_format((int64_t) acu_div_round((acu_i128) m.in.fx_den * 100000, m.in.fx_num), 5, 5, rate);
		snprintf(line, sizeof(line), "Amount in %.*s: %s (1 EUR = %s %.*s)",
			(int) m.cl.currency.n, m.cl.currency.p, amount, rate, (int) m.cl.currency.n, m.cl.currency.p);
		dtext = acu_append_line_free(dtext, line);
	}
	ACU_PUT_STR(&invoice, K(descriptiontext), dtext);
	dtext = NULL;
	template_ = acu_setting_id(b, m.s.template_, "acumulus_invoice_template");
	ACU_PUT_SV(&invoice, K(template), template_);
	notes = acu_render(b, "invoice additional remarks", m.s.invoicenotes, ACU_NOTES);
	if (notes == NULL) {
		goto fail_doc;
	}

	/* lines */
	nature = acu_nature_zstr(m.s.nature);
	acu_list_init(&lines, (uint32_t) m.out.n_lines);
	for (i = 0; i < m.out.n_lines; i++) {
		const acu_line *l = &m.out.lines[i];
		zend_string *product = NULL;

		switch (l->source) {
			case ACU_LINE_ITEM:
				product = zend_string_copy(m.texts[l->index]);
				break;
			case ACU_LINE_SUMMARY:
				if (l->rate > 0) {
					if (!txt_taxed && !(txt_taxed = acu_render(b, "summary text (taxed)", m.s.summary_taxed, ACU_ONE_LINE))) {
						goto fail_lines;
					}
					product = zend_string_copy(txt_taxed);
				} else {
					if (!txt_untaxed && !(txt_untaxed = acu_render(b, "summary text (untaxed)", m.s.summary_untaxed, ACU_ONE_LINE))) {
						goto fail_lines;
					}
					product = zend_string_copy(txt_untaxed);
				}
				break;
			case ACU_LINE_CORRECTION:
			default:
				if (!txt_corr && !(txt_corr = acu_render(b, "correction text", m.s.correction_text, ACU_ONE_LINE))) {
					goto fail_lines;
				}
				product = zend_string_copy(txt_corr);
				break;
		}
		acu_put_line(&lines, &fc, product, zend_string_copy(nature), l);
	}

	/* the warnings are complete now: concept reasons go into the notes */
	concept = acu_warnings_concept(&m.out.warnings);
	if (concept && !zend_hash_exists(Z_ARRVAL(invoice), K(concept))) {
		/* a warning raised while writing (none today) still makes a concept */
		zval c1;

		ZVAL_LONG(&c1, 1);
		zend_hash_add(Z_ARRVAL(invoice), K(concept), &c1);
	}
	notes = acu_notes_with_reasons(notes, &m.out.warnings);
	ACU_PUT_STR(&invoice, K(invoicenotes), notes);
	notes = NULL;
	acu_add_zval(&invoice, K(line), &lines);
	if (m.s.emailaspdf && !m.c.batch) {
		if (!acu_put_email(b, &invoice, &m.s, m.cl.email)) {
			goto fail_doc;
		}
	}
	acu_add_zval(&customer, K(invoice), &invoice);
	acu_add_zval(&document, K(customer), &customer);
	acu_add_zval(rv, K(document), &document);
	acu_add_null(rv, K(skip));
	acu_add_bool(rv, K(concept), concept);
	acu_put_warnings(rv, &m.out.warnings);
	acu_put_vat(rv, &fc, &m.out.vat, m.in.vat.rate, m.in.vat.charge == ACU_CHARGE_RATE);
	acu_put_reconciliation(rv, &fc, &m.out, m.cl.currency.n ? m.cl.currency : ACU_SV_LIT("EUR"),
		m.in.fx_num, m.in.fx_den);
	ok = true;
	goto done;
	/* }}} */

fail_lines:
	zval_ptr_dtor(&lines);
fail_doc:
	zval_ptr_dtor(&invoice);
	zval_ptr_dtor(&customer);
	zval_ptr_dtor(&document);
	zval_ptr_dtor(rv);
	ZVAL_NULL(rv);
done:
	if (vatnumber) {
		zend_string_release(vatnumber);
	}
	if (title) {
		zend_string_release(title);
	}
	if (dtext) {
		zend_string_release(dtext);
	}
	if (notes) {
		zend_string_release(notes);
	}
	if (nature) {
		zend_string_release(nature);
	}
	if (txt_taxed) {
		zend_string_release(txt_taxed);
	}
	if (txt_untaxed) {
		zend_string_release(txt_untaxed);
	}
	if (txt_corr) {
		zend_string_release(txt_corr);
	}
	acu_map_call_free(&m);
	acu_fmt_cache_free(&fc);
	return ok;
}

ZEND_METHOD(Acumulus_InvoiceMapper, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Acumulus_InvoiceMapper, map)
{
	HashTable *invoice, *client, *settings = NULL, *context = NULL;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ARRAY_HT(invoice)
		Z_PARAM_ARRAY_HT(client)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(settings)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	if (!acu_do_map(invoice, client, settings, context, return_value)) {
		RETURN_THROWS();
	}
}

/* }}} */

/* {{{ Acumulus\InvoiceMapper::creditNote() */

typedef struct acu_credit_call {
	acu_bind b;
	acu_settings s;
	acu_context c;
	acu_line *orig;
	size_t n_orig;
	HashTable *orig_rows;     /* the original's line arrays, for texts */
	zval lines_tmp;
	acu_invoice_out out;
} acu_credit_call;

/* A line field of the original as text (product, nature). */
static zend_string *acu_orig_text(HashTable *row, zend_string *key)
{
	zval *zv = acu_get(row, key);

	if (zv && Z_TYPE_P(zv) == IS_STRING) {
		return zend_string_copy(Z_STR_P(zv));
	}
	if (zv && Z_TYPE_P(zv) == IS_LONG) {
		return zend_long_to_str(Z_LVAL_P(zv));
	}
	return ZSTR_EMPTY_ALLOC();
}

/* The original's line rows, in order. */
static HashTable *acu_orig_row(const acu_credit_call *k, size_t i)
{
	zval *zv = zend_hash_index_find_deref(k->orig_rows, (zend_ulong) i);

	if (zv == NULL) {
		/* not a list: walk */
		size_t j = 0;

		ZEND_HASH_FOREACH_VAL(k->orig_rows, zv) {
			if (j++ == i) {
				ZVAL_DEREF(zv);
				return Z_ARRVAL_P(zv);
			}
		} ZEND_HASH_FOREACH_END();
		return NULL;
	}
	return Z_ARRVAL_P(zv);
}

static bool acu_read_original(acu_credit_call *k, HashTable *orig, HashTable **customer,
		HashTable **invoice, int *vattype, int32_t *issued, char cc[3], bool *concept)
{
	const acu_bind *b = &k->b;
	zval *zv, *row;
	HashTable *list;
	size_t i = 0;
	int64_t vt;

	zv = acu_get(orig, K(customer));
	if (zv == NULL || Z_TYPE_P(zv) != IS_ARRAY) {
		return acu_fail_value(b, FLD("original.customer"), zv, "is not the customer block of a document");
	}
	*customer = Z_ARRVAL_P(zv);
	zv = acu_get(*customer, K(invoice));
	if (zv == NULL || Z_TYPE_P(zv) != IS_ARRAY) {
		return acu_fail_value(b, FLD("original.customer.invoice"), zv, "is not the invoice block of a document");
	}
	*invoice = Z_ARRVAL_P(zv);
	if (!acu_decimal_as(b, acu_get(*invoice, K(vattype)), FLD("original.customer.invoice.vattype"), 0, true, &vt,
			"a vattype")) {
		return false;
	}
	if (vt < 1 || vt > 7) {
		return acu_fail_value(b, FLD("original.customer.invoice.vattype"), acu_get(*invoice, K(vattype)),
			"is not a vattype from 1 to 7");
	}
	*vattype = (int) vt;
	if (!acu_date(b, acu_get(*invoice, K(issuedate)), FLD("original.customer.invoice.issuedate"), true, false, issued)) {
		return false;
	}
	if (!acu_flag(b, acu_get(*invoice, K(concept)), FLD("original.customer.invoice.concept"), false, concept)) {
		return false;
	}
	cc[0] = '\0';
	zv = acu_get(*customer, K(countrycode));
	if (zv && Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv)
			&& !acu_country_normalise(Z_STRVAL_P(zv), Z_STRLEN_P(zv), cc)) {
		return acu_fail_value(b, FLD("original.customer.countrycode"), zv, "is not a two-letter country code");
	}
	if (!acu_list(b, acu_get(*invoice, K(line)), K(line), FLD("original.customer.invoice.line"), &list, &k->lines_tmp)) {
		return false;
	}
	if (list == NULL || zend_hash_num_elements(list) == 0) {
		return acu_fail(b, FLD("original.customer.invoice.line"), "the original has no lines");
	}
	if (zend_hash_num_elements(list) > ACU_MAX_ITEMS) {
		return acu_fail(b, FLD("original.customer.invoice.line"), "more than %d lines", ACU_MAX_ITEMS);
	}
	k->orig_rows = list;
	k->orig = safe_emalloc(zend_hash_num_elements(list), sizeof(acu_line), 0);
	ZEND_HASH_FOREACH_VAL(list, row) {
		acu_fld field = FLD_I("original.customer.invoice.line", i, NULL);
		acu_line *l = &k->orig[i];
		HashTable *r;

		ZVAL_DEREF(row);
		if (Z_TYPE_P(row) != IS_ARRAY) {
			return acu_fail_value(b, field, row, "is not a line");
		}
		r = Z_ARRVAL_P(row);
		l->source = ACU_LINE_ORIGINAL;
		l->index = i;
		field.b = "unitprice";
		if (!acu_decimal(b, acu_get(r, K(unitprice)), field, ACU_PRICE_SCALE, true, &l->unitprice)) {
			return false;
		}
		field.b = "vatrate";
		if (!acu_decimal_rate(b, acu_get(r, K(vatrate)), field, true, &l->rate)) {
			return false;
		}
		if (l->rate < 0 && l->rate != ACU_VATFREE) {
			return acu_fail_value(b, field, acu_get(r, K(vatrate)), "is not a VAT rate (or -1)");
		}
		field.b = "quantity";
		zv = acu_get(r, K(quantity));
		if (zv == NULL) {
			l->qty = ACU_QTY_ONE;
		} else if (!acu_decimal(b, zv, field, ACU_QTY_SCALE, true, &l->qty)) {
			return false;
		}
		if (l->unitprice > ACU_MAX_AMOUNT * 100 || l->unitprice < -ACU_MAX_AMOUNT * 100
				|| l->qty > 1000000 || l->qty < -1000000) {
			field.b = NULL;
			return acu_fail(b, field, "unit price or quantity out of range");
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	k->n_orig = i;
	return true;
}

/* The template with {ACUMULUS_INVOICENUMBER} (any case) replaced by the
 * number, before the other tags: the number is digits, so it brings no tag
 * of its own. */
static zend_string *acu_with_number(acu_sv tpl, acu_sv number)
{
	static const char tag[] = "{ACUMULUS_INVOICENUMBER}";
	const size_t tl = sizeof(tag) - 1;
	smart_str s = { 0 };
	size_t i = 0;

	while (i < tpl.n) {
		if (i + tl <= tpl.n && zend_binary_strcasecmp(tpl.p + i, tl, tag, tl) == 0) {
			smart_str_appendl(&s, number.p, number.n);
			i += tl;
		} else {
			smart_str_appendc(&s, tpl.p[i]);
			i++;
		}
	}
	smart_str_0(&s);
	return s.s ? s.s : ZSTR_EMPTY_ALLOC();
}

static bool acu_do_credit(HashTable *orig, HashTable *credit, HashTable *settings, HashTable *context,
		zval *rv)
{
	acu_credit_call k;
	acu_fmt_cache fc;
	acu_bind *b = &k.b;
	HashTable *customer = NULL, *oinv = NULL, *tag_invoice = NULL, *tag_client = NULL;
	zval *zv, document, cust, invoice, lines;
	zend_string *title = NULL, *dtext = NULL, *notes = NULL, *refund_txt = NULL, *corr_txt = NULL;
	zend_string *tpl = NULL, *fallback_nature = NULL;
	acu_sv acnum = acu_sv_empty, number = acu_sv_empty, currency = ACU_SV_LIT("EUR");
	char num[24], num2[24], cc[3], d[11];
	int vattype = 0;
	int32_t issued = 0, date = 0;
	int64_t refund = -1, fx_num = 1, fx_den = 1;
	bool ok = false, orig_concept, concept;
	acu_rate_set allowed;
	acu_map_status st;
	size_t i;
	zend_string *key;

	acu_fmt_cache_init(&fc);
	memset(&k.b, 0, sizeof(k.b));
	k.orig = NULL;
	k.n_orig = 0;
	k.orig_rows = NULL;
	ZVAL_UNDEF(&k.lines_tmp);
	ZVAL_UNDEF(&k.c.currencies_tmp);
	acu_invoice_out_init(&k.out);
	b->ws = &k.out.warnings;

	/* the invoice, for the id in messages and the tags */
	zv = acu_get(credit, K(invoice));
	if (zv && Z_TYPE_P(zv) == IS_ARRAY) {
		tag_invoice = Z_ARRVAL_P(zv);
		zv = acu_get(tag_invoice, K(invoiceid));
		if (zv == NULL) {
			zv = acu_get(tag_invoice, K(id));
		}
		if (zv && Z_TYPE_P(zv) == IS_LONG) {
			acu_long_text(b->id, Z_LVAL_P(zv));
		} else if (zv && Z_TYPE_P(zv) == IS_STRING && acu_numeric_number(acu_sv_str(Z_STR_P(zv)))) {
			/* at most 18 digits */
			memcpy(b->id, Z_STRVAL_P(zv), Z_STRLEN_P(zv) + 1);
		}
	} else if (zv) {
		acu_fail_value(b, FLD("credit.invoice"), zv, "is not a GetInvoice array");
		goto done;
	}
	zv = acu_get(credit, K(client));
	if (zv && Z_TYPE_P(zv) == IS_ARRAY) {
		tag_client = Z_ARRVAL_P(zv);
	} else if (zv) {
		acu_fail_value(b, FLD("credit.client"), zv, "is not a GetClientsDetails client array");
		goto done;
	}
	b->invoice = tag_invoice;
	b->client = tag_client;

	if (!acu_read_context(b, context, &k.c) || !acu_read_settings(b, settings, &k.s)) {
		goto done;
	}
	b->fields = k.c.fields;

	/* the facts of the credit */
	ZEND_HASH_FOREACH_STR_KEY(credit, key) {
		if (key == NULL || !(zend_string_equals_literal(key, "date") || zend_string_equals_literal(key, "amount")
				|| zend_string_equals_literal(key, "acumulusNumber") || zend_string_equals_literal(key, "number")
				|| zend_string_equals_literal(key, "currency") || zend_string_equals_literal(key, "invoice")
				|| zend_string_equals_literal(key, "client"))) {
			/* the key names itself in the message */

			acu_fail(b, FLD_K("credit", key ? ZSTR_VAL(key) : "[int]"), "unknown key (see docs/mapping.md \"Credit notes\")");
			goto done;
		}
	} ZEND_HASH_FOREACH_END();
	if (!acu_date(b, acu_get(credit, K(date)), FLD("credit.date"), true, false, &date)) {
		goto done;
	}
	zv = acu_get(credit, K(amount));
	if (zv) {
		if (!acu_amount(b, zv, FLD("credit.amount"), true, &refund)) {
			goto done;
		}
		if (refund <= 0) {
			acu_fail_value(b, FLD("credit.amount"), zv, "is not a positive amount");
			goto done;
		}
	}
	if (!acu_text(b, acu_get(credit, K(acumulusNumber)), FLD("credit.acumulusNumber"), &acnum, num)
			|| !acu_text(b, acu_get(credit, K(number)), FLD("credit.number"), &number, num2)) {
		goto done;
	}
	acnum = acu_sv_trim(acnum);
	number = acu_sv_trim(number);
	zv = acu_get(credit, K(currency));
	if (zv) {
		if (Z_TYPE_P(zv) != IS_STRING || Z_STRLEN_P(zv) != 3) {
			acu_fail_value(b, FLD("credit.currency"), zv, "is not a currency code");
			goto done;
		}
		currency = acu_sv_str(Z_STR_P(zv));
	} else if (tag_client && (zv = acu_get(tag_client, K(currency_code))) && Z_TYPE_P(zv) == IS_STRING
			&& Z_STRLEN_P(zv) == 3) {
		currency = acu_sv_str(Z_STR_P(zv));
	}

	if (!acu_read_original(&k, orig, &customer, &oinv, &vattype, &issued, cc, &orig_concept)) {
		goto done;
	}
	if (acnum.n == 0) {
		zv = acu_get(oinv, K(number));
		if (zv && !acu_text(b, zv, FLD("original.customer.invoice.number"), &acnum, num)) {
			goto done;
		}
	}
	if (!acu_numeric_number(acnum)) {
		zval tmp;

		ZVAL_STRINGL(&tmp, acnum.p, acnum.n);
		acu_fail_value(b, FLD("credit.acumulusNumber"), &tmp,
			"is not the Acumulus number of the original (digits), which the credit note refers to");
		zval_ptr_dtor(&tmp);
		goto done;
	}

	/* a refund in another currency: to EUR at today's rates */
	if (refund > 0 && !acu_sv_ieq(currency, "EUR")) {
		int64_t client_rate, eur_rate;
		acu_i128 big;

		if (!acu_currency_rate(b, &k.c, currency, &client_rate)
				|| !acu_currency_rate(b, &k.c, ACU_SV_LIT("EUR"), &eur_rate)) {
			goto done;
		}
		fx_num = eur_rate;
		fx_den = client_rate;
		big = acu_div_round((acu_i128) refund * fx_num, fx_den);
		if (big <= 0 || big > ACU_MAX_AMOUNT) {
			acu_fail(b, FLD("credit.amount"), "out of range after conversion to EUR");
			goto done;
		}
		refund = (int64_t) big;
	}

	acu_vat_allowed(vattype, cc, issued, k.c.has_vat_rates ? &k.c.vat_rates : NULL, &allowed);
	st = acu_credit_lines(k.orig, k.n_orig, refund, vattype, &allowed, k.s.correction, &k.out);
	if (st == ACU_MAP_E_REFUND) {
		char r[ACU_DEC_BUFSIZE], t[ACU_DEC_BUFSIZE];
		int64_t total = 0;

		for (i = 0; i < k.n_orig; i++) {
			total += acu_line_total(&k.orig[i]);
		}
		acu_dec_format(refund, 2, 2, r);
		acu_dec_format(total, 2, 2, t);
		acu_fail(b, FLD("credit.amount"), "a refund of %s EUR does not fit the original booking of %s EUR", r, t);
		goto done;
	}
	if (st != ACU_MAP_OK) {
		zend_throw_error(NULL, "invoice %s: out of memory", b->id);
		goto done;
	}
	k.out.vat.vattype = vattype;
	k.out.vat.rule = "CREDIT";
	memcpy(k.out.vat.dest_country, cc, 3);
	k.out.vat.allowed = allowed;
	if (orig_concept) {
		acu_warn(b->ws, "credit.original_concept", true,
			"the original was sent as a concept: check that it was made final before booking this credit note");
	}

	/* {{{ the document */
	array_init_size(rv, 6);
	array_init_size(&document, 1);
	array_init_size(&cust, zend_hash_num_elements(customer));
	ZEND_HASH_FOREACH_STR_KEY_VAL(customer, key, zv) {
		zval copy;

		if (key == NULL || zend_string_equals_literal(key, "invoice")) {
			continue;
		}
		if (zend_string_equals_literal(key, "overwriteifexists")) {
			/* the original's customer data must not overwrite newer data */
			ZVAL_LONG(&copy, 0);
		} else {
			ZVAL_COPY_DEREF(&copy, zv);
		}
		zend_hash_add_new(Z_ARRVAL(cust), key, &copy);
	} ZEND_HASH_FOREACH_END();

	concept = acu_warnings_concept(&k.out.warnings);
	array_init_size(&invoice, 16);
	if (concept) {
		ACU_PUT_LONG(&invoice, K(concept), 1);
	}
	if (!k.s.acumulus_numbering) {
		if (acu_numeric_number(number)) {
			ACU_PUT_SV(&invoice, K(number), number);
		} else {
			acu_warn(b->ws, "number.credit_note", false,
				"WHMCS numbering is on, but the credit note has no number of its own (credit.number): "
				"Acumulus numbers it");
		}
	}
	ACU_PUT_LONG(&invoice, K(vattype), vattype);
	acu_date_format(date, d);
	acu_add_stringl(&invoice, K(issuedate), d, 10);
	for (i = 0; i < 2; i++) {
		static const char *const keys[] = { "costcenter", "accountnumber" };

		zv = acu_find(oinv, keys[i], strlen(keys[i]));
		if (zv && (Z_TYPE_P(zv) == IS_STRING || Z_TYPE_P(zv) == IS_LONG)) {
			Z_TRY_ADDREF_P(zv);
			add_assoc_zval_ex(&invoice, keys[i], strlen(keys[i]), zv);
		}
	}
	acu_add_stringl(&invoice, K(paymentdate), d, 10);
	ACU_PUT_LONG(&invoice, K(paymentstatus), 2);
	title = acu_render(b, "credit invoice title", k.s.credit_title, ACU_ONE_LINE);
	if (title == NULL) {
		goto fail_doc;
	}
	ACU_PUT_STR(&invoice, K(description), title);
	title = NULL;
	tpl = acu_with_number(k.s.credit_descriptiontext, acnum);
	dtext = acu_render(b, "credit invoice extended description", acu_sv_str(tpl), ACU_MULTI_LINE);
	if (dtext == NULL) {
		goto fail_doc;
	}
	if (fx_num != fx_den) {
		char line[160], amount[ACU_DEC_BUFSIZE], rate[ACU_DEC_BUFSIZE];

		acu_dec_format(k.out.whmcs_total == refund ? (int64_t) acu_div_round((acu_i128) refund * fx_den, fx_num)
			: k.out.whmcs_total, 2, 2, amount);
		acu_dec_format((int64_t) acu_div_round((acu_i128) fx_den * 100000, fx_num), 5, 5, rate);
		snprintf(line, sizeof(line), "Refund in %.*s: %s (1 EUR = %s %.*s)",
			(int) currency.n, currency.p, amount, rate, (int) currency.n, currency.p);
		dtext = acu_append_line_free(dtext, line);
	}
	ACU_PUT_STR(&invoice, K(descriptiontext), dtext);
	dtext = NULL;
	zv = acu_get(oinv, K(template));
	if (zv && (Z_TYPE_P(zv) == IS_STRING || Z_TYPE_P(zv) == IS_LONG)) {
		Z_TRY_ADDREF_P(zv);
		acu_add_zval(&invoice, K(template), zv);
	}
	notes = acu_render(b, "invoice additional remarks", k.s.invoicenotes, ACU_NOTES);
	if (notes == NULL) {
		goto fail_doc;
	}

	/* lines */
	fallback_nature = acu_nature_zstr(k.s.nature);
	acu_list_init(&lines, (uint32_t) k.out.n_lines);
	for (i = 0; i < k.out.n_lines; i++) {
		const acu_line *l = &k.out.lines[i];
		zend_string *product, *nature;
		HashTable *row;
		size_t j;

		switch (l->source) {
			case ACU_LINE_ORIGINAL:
				row = acu_orig_row(&k, l->index);
				product = row ? acu_orig_text(row, K(product)) : ZSTR_EMPTY_ALLOC();
				nature = row ? acu_orig_text(row, K(nature)) : zend_string_copy(fallback_nature);
				break;
			case ACU_LINE_REFUND:
				if (!refund_txt && !(refund_txt = acu_render(b, "refund line text", k.s.refund_text, ACU_ONE_LINE))) {
					goto fail_lines;
				}
				product = zend_string_copy(refund_txt);
				nature = NULL;
				/* the nature of the first original line at this rate */
				for (j = 0; j < k.n_orig && nature == NULL; j++) {
					if (k.orig[j].rate == l->rate && (row = acu_orig_row(&k, j)) != NULL) {
						nature = acu_orig_text(row, K(nature));
					}
				}
				if (nature == NULL) {
					nature = zend_string_copy(fallback_nature);
				}
				break;
			case ACU_LINE_CORRECTION:
			default:
				if (!corr_txt && !(corr_txt = acu_render(b, "correction text", k.s.correction_text, ACU_ONE_LINE))) {
					goto fail_lines;
				}
				product = zend_string_copy(corr_txt);
				nature = zend_string_copy(fallback_nature);
				break;
		}
		acu_put_line(&lines, &fc, product, nature, l);
	}
	concept = acu_warnings_concept(&k.out.warnings);
	if (concept && !zend_hash_exists(Z_ARRVAL(invoice), K(concept))) {
		zval c1;

		ZVAL_LONG(&c1, 1);
		zend_hash_add(Z_ARRVAL(invoice), K(concept), &c1);
	}
	notes = acu_notes_with_reasons(notes, &k.out.warnings);
	ACU_PUT_STR(&invoice, K(invoicenotes), notes);
	notes = NULL;
	acu_add_zval(&invoice, K(line), &lines);
	if (k.s.emailaspdf && !k.c.batch) {
		acu_sv to = acu_sv_empty;

		zv = acu_get(customer, K(email));
		if (zv && Z_TYPE_P(zv) == IS_STRING) {
			to = acu_sv_str(Z_STR_P(zv));
		}
		if (!acu_put_email(b, &invoice, &k.s, to)) {
			goto fail_doc;
		}
	}
	acu_add_zval(&cust, K(invoice), &invoice);
	acu_add_zval(&document, K(customer), &cust);
	acu_add_zval(rv, K(document), &document);
	acu_add_null(rv, K(skip));
	acu_add_bool(rv, K(concept), concept);
	acu_put_warnings(rv, &k.out.warnings);
	acu_put_vat(rv, &fc, &k.out.vat, 0, false);
	if (refund < 0) {
		k.out.whmcs_total = -k.out.target;
	} else if (fx_num != fx_den) {
		k.out.whmcs_total = (int64_t) acu_div_round((acu_i128) refund * fx_den, fx_num);
	}
	acu_put_reconciliation(rv, &fc, &k.out, refund < 0 ? ACU_SV_LIT("EUR") : currency, fx_num, fx_den);
	ok = true;
	goto done;
	/* }}} */

fail_lines:
	zval_ptr_dtor(&lines);
fail_doc:
	zval_ptr_dtor(&invoice);
	zval_ptr_dtor(&cust);
	zval_ptr_dtor(&document);
	zval_ptr_dtor(rv);
	ZVAL_NULL(rv);
done:
	if (title) {
		zend_string_release(title);
	}
	if (dtext) {
		zend_string_release(dtext);
	}
	if (notes) {
		zend_string_release(notes);
	}
	if (tpl) {
		zend_string_release(tpl);
	}
	if (refund_txt) {
		zend_string_release(refund_txt);
	}
	if (corr_txt) {
		zend_string_release(corr_txt);
	}
	if (fallback_nature) {
		zend_string_release(fallback_nature);
	}
	if (k.orig) {
		efree(k.orig);
	}
	zval_ptr_dtor(&k.lines_tmp);
	zval_ptr_dtor(&k.c.currencies_tmp);
	acu_invoice_out_free(&k.out);
	acu_fmt_cache_free(&fc);
	return ok;
}

ZEND_METHOD(Acumulus_InvoiceMapper, creditNote)
{
	HashTable *original, *credit, *settings = NULL, *context = NULL;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ARRAY_HT(original)
		Z_PARAM_ARRAY_HT(credit)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(settings)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	if (!acu_do_credit(original, credit, settings, context, return_value)) {
		RETURN_THROWS();
	}
}

/* }}} */

/* {{{ MINIT: the keys, interned once for the life of the process */

void acumulus_invoice_map_minit(void)
{
	size_t i;

	for (i = 0; i < ACU_K_COUNT_; i++) {
		acu_keys[i] = zend_string_init_interned(acu_key_names[i], strlen(acu_key_names[i]), 1);
	}
	for (i = 0; i < ACU_S_COUNT_; i++) {
		acu_setting_keys[i] = zend_string_init_interned(acu_settings_table[i].key,
			acu_settings_table[i].key_len, 1);
	}
	for (i = 0; i < ACU_C_COUNT_; i++) {
		acu_consts[i] = zend_string_init_interned(acu_const_text[i], strlen(acu_const_text[i]), 1);
	}
}

/* }}} */

/* {{{ the tables, for the addon and the tests */

ZEND_METHOD(Acumulus_InvoiceMapper, defaultSettings)
{
	size_t i;

	ZEND_PARSE_PARAMETERS_NONE();
	array_init_size(return_value, ACU_S_COUNT_);
	for (i = 0; i < ACU_S_COUNT_; i++) {
		add_assoc_stringl_ex(return_value, acu_settings_table[i].key, acu_settings_table[i].key_len,
			acu_settings_table[i].def, acu_settings_table[i].def_len);
	}
}

ZEND_METHOD(Acumulus_InvoiceMapper, vatRates)
{
	zend_string *country, *date_s;
	zend_long vattype = 0;
	char cc[3];
	int32_t date;
	acu_rate_set set;
	unsigned i;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(country)
		Z_PARAM_STR(date_s)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(vattype)
	ZEND_PARSE_PARAMETERS_END();

	if (!acu_country_normalise(ZSTR_VAL(country), ZSTR_LEN(country), cc)) {
		zend_argument_value_error(1, "must be a two-letter country code");
		RETURN_THROWS();
	}
	date = acu_date_parse(ZSTR_VAL(date_s), ZSTR_LEN(date_s), false, NULL);
	if (date == 0) {
		zend_argument_value_error(2, "must be a date (YYYY-MM-DD)");
		RETURN_THROWS();
	}
	if (vattype < 0 || vattype > 7) {
		zend_argument_value_error(3, "must be 0 (the country's rates) or a vattype from 1 to 7");
		RETURN_THROWS();
	}
	if (vattype == 0) {
		acu_vat_country_rates(cc, date, &set);
	} else {
		acu_vat_allowed((int) vattype, cc, date, NULL, &set);
	}
	array_init_size(return_value, set.n);
	for (i = 0; i < set.n; i++) {
		add_next_index_str(return_value, set.r[i] == ACU_VATFREE ? acu_consts[ACU_C_MINUS_ONE]
			: acu_dec_zstr(NULL, set.r[i], ACU_RATE_SCALE, 0));
	}
}

ZEND_METHOD(Acumulus_InvoiceMapper, vatRules)
{
	size_t i;

	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	for (i = 0; acu_vat_rules[i]; i++) {
		add_next_index_string(return_value, acu_vat_rules[i]);
	}
}

/* }}} */
