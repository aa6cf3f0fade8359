/*
 * The planner (see hooks.h and docs/flows.md).
 *
 * Triggers (what happened in WHMCS; the addon records one per hook and the
 * admin page adds its own), each satisfied by a state, not by an execution:
 *   created    InvoiceCreated / InvoiceCreationPreEmail: book it (create hook)
 *   paid       InvoicePaid: paid in Acumulus, or book it as paid (paid hook)
 *   unpaid     InvoiceUnpaid: due again in Acumulus (paid hook)
 *   gateway    InvoiceChangeGateway: the account of the gateway (gateway hook)
 *   cancelled  InvoiceCancelled: a credit note for what is left (cancel hook)
 *   refunded   a refund transaction / InvoiceRefunded: credit notes for the
 *              refunded amount not yet credited (refund hook)
 *   edited     UpdateInvoiceTotal / AddInvoiceLateFee: rebook when what the
 *              invoice books changed (edit hook)
 *   payment    AddInvoicePayment (partial): nothing to book; kept for the log
 *   send       manual or batch send: book it if it is not booked
 *   resend     manual resend of the document with the given entry id: that
 *              entry to the waste bin, a new booking
 *
 * Steps, in the order they must run:
 *   reconcile  find out whether an uncertain send was stored (always first)
 *   concept    ask whether a concept was made final
 *   trash      move an entry to the waste bin (entry_deletestatus_set)
 *   book       map the invoice and invoice_add it
 *   credit     a credit note (cancel, refund, rebook) for an amount
 *   account    entry_update: the account of a gateway
 *   gateway    WHMCS UpdateInvoice paymentmethod (use last payment method)
 *   payment    invoice_paymentstatus_set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <openssl/evp.h>

#include "php.h"
#include "zend_exceptions.h"
#include "ext/standard/php_string.h"

#include "exceptions.h"
#include "hooks.h"

/* {{{ facts from the arrays */

typedef struct acu_plan_ctx {
	HashTable *invoice, *ledger, *settings, *context;
	zend_string *invoice_label; /* "invoice 1042" for messages */
	bool failed;                 /* an exception was thrown */
	zval keep;                   /* owns texts made from numbers */
} acu_plan_ctx;

static zval *acu_find(HashTable *ht, const char *key)
{
	zval *zv;

	if (ht == NULL) {
		return NULL;
	}
	zv = zend_hash_str_find_deref(ht, key, strlen(key));
	if (zv == NULL || Z_TYPE_P(zv) == IS_NULL) {
		return NULL;
	}
	return zv;
}

/* A scalar as text: "" for missing/null/false; NULL (with an exception) for
 * arrays and objects. */
static const char *acu_text(acu_plan_ctx *pc, HashTable *ht, const char *side, const char *key, size_t *len)
{
	zval *zv = acu_find(ht, key);
	zend_string *num;
	size_t dummy;

	if (len == NULL) {
		len = &dummy;
	}
	if (zv == NULL || Z_TYPE_P(zv) == IS_FALSE) {
		*len = 0;
		return "";
	}
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			*len = Z_STRLEN_P(zv);
			return Z_STRVAL_P(zv);
		case IS_LONG:
			num = zend_long_to_str(Z_LVAL_P(zv));
			if (Z_TYPE(pc->keep) != IS_ARRAY) {
				array_init(&pc->keep);
			}
			add_next_index_str(&pc->keep, num);
			*len = ZSTR_LEN(num);
			return ZSTR_VAL(num);
		case IS_TRUE:
			*len = 1;
			return "1";
		default:
			if (!pc->failed) {
				acumulus_throw(acumulus_ce_InvalidArgumentException, 0,
					"%s: %s field \"%s\" is %s; expected a string",
					ZSTR_VAL(pc->invoice_label), side, key, zend_zval_type_name(zv));
				pc->failed = true;
			}
			return NULL;
	}
}

static bool acu_text_is(acu_plan_ctx *pc, HashTable *ht, const char *side, const char *key, const char *want)
{
	const char *v = acu_text(pc, ht, side, key, NULL);

	return v != NULL && strcmp(v, want) == 0;
}

/* Parses a WHMCS money value ("12.10", "-3", "0.5", an int) into cents.
 * Anything else, floats included (money is never a float), is an error. */
static bool acu_cents(acu_plan_ctx *pc, zval *zv, const char *what, int64_t *out)
{
	const char *s, *p;
	size_t len;
	int64_t units = 0, cents = 0;
	int decimals = 0;
	bool neg = false, digits = false;

	*out = 0;
	if (zv == NULL) {
		return true;
	}
	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(zv) == IS_LONG) {
		if (Z_LVAL_P(zv) > INT64_MAX / 100 || Z_LVAL_P(zv) < -(INT64_MAX / 100)) {
			goto bad;
		}
		*out = (int64_t) Z_LVAL_P(zv) * 100;
		return true;
	}
	if (Z_TYPE_P(zv) != IS_STRING) {
		goto bad;
	}
	s = Z_STRVAL_P(zv);
	len = Z_STRLEN_P(zv);
	p = s;
	if (p < s + len && (*p == '-' || *p == '+')) {
		neg = *p == '-';
		p++;
	}
	for (; p < s + len && *p >= '0' && *p <= '9'; p++) {
		if (units > (INT64_MAX / 100 - 9) / 10) {
			goto bad;
		}
		units = units * 10 + (*p - '0');
		digits = true;
	}
	if (p < s + len && *p == '.') {
		for (p++; p < s + len && *p >= '0' && *p <= '9'; p++) {
			if (++decimals > 2) {
				if (*p != '0') {
					goto bad; /* WHMCS money has 2 decimals; more is not money */
				}
				continue;
			}
			cents = cents * 10 + (*p - '0');
			digits = true;
		}
		if (decimals == 1) {
			cents *= 10;
		}
	}
	if (!digits || p != s + len) {
		goto bad;
	}
	*out = (units * 100 + cents) * (neg ? -1 : 1);
	return true;

bad:
	if (!pc->failed) {
		if (Z_TYPE_P(zv) == IS_STRING) {
			acumulus_throw(acumulus_ce_InvalidArgumentException, 0,
				"%s: %s: \"%s\" is not an amount of money (digits, a point, at most 2 decimals)",
				ZSTR_VAL(pc->invoice_label), what, Z_STRVAL_P(zv));
		} else {
			acumulus_throw(acumulus_ce_InvalidArgumentException, 0,
				"%s: %s is %s; expected an amount as a decimal string",
				ZSTR_VAL(pc->invoice_label), what, zend_zval_type_name(zv));
		}
		pc->failed = true;
	}
	return false;
}

static zend_string *acu_cents_str(int64_t c)
{
	uint64_t a = c < 0 ? (uint64_t) (-(c + 1)) + 1 : (uint64_t) c;

	return zend_strpprintf(0, "%s%" PRIu64 ".%02" PRIu64, c < 0 ? "-" : "", a / 100, a % 100);
}

/* A yesno setting: 'on' is on, any other stored value is off, a missing row
 * takes the default (WHMCS does not always store defaults). */
static bool acu_setting_on(HashTable *settings, const char *key, bool dflt)
{
	zval *zv = acu_find(settings, key);

	if (zv == NULL) {
		return dflt;
	}
	return Z_TYPE_P(zv) == IS_STRING && zend_string_equals_literal_ci(Z_STR_P(zv), "on");
}

/* The list under a WHMCS plural key: items => item => [...]; "" or missing is
 * empty. A single item not wrapped in a list is accepted as a list of one. */
static HashTable *acu_list(HashTable *ht, const char *plural, const char *singular, zval *one)
{
	zval *outer = acu_find(ht, plural), *inner;

	if (outer == NULL || Z_TYPE_P(outer) != IS_ARRAY) {
		return NULL;
	}
	inner = acu_find(Z_ARRVAL_P(outer), singular);
	if (inner == NULL || Z_TYPE_P(inner) != IS_ARRAY) {
		return NULL;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(inner)) > 0 && !zend_array_is_list(Z_ARRVAL_P(inner))) {
		/* one item, not wrapped */
		array_init(one);
		Z_ADDREF_P(inner);
		add_next_index_zval(one, inner);
		return Z_ARRVAL_P(one);
	}
	return Z_ARRVAL_P(inner);
}

/* }}} */

/* {{{ content hash */

static bool acu_hash_field(acu_plan_ctx *pc, EVP_MD_CTX *md, const char *name, const char *v, size_t len)
{
	if (v == NULL) {
		return false;
	}
	EVP_DigestUpdate(md, name, strlen(name) + 1);
	EVP_DigestUpdate(md, v, len);
	EVP_DigestUpdate(md, "", 1);
	return true;
}

static bool acu_hash_money(acu_plan_ctx *pc, EVP_MD_CTX *md, HashTable *ht, const char *key, const char *what)
{
	int64_t c;
	char buf[32];
	int n;

	if (!acu_cents(pc, acu_find(ht, key), what, &c)) {
		return false;
	}
	n = snprintf(buf, sizeof(buf), "%" PRId64, c);
	return acu_hash_field(pc, md, key, buf, (size_t) n);
}

/* Tax rates as WHMCS writes them ("21.000", "21.00", "21"): compared as
 * thousandths so the spelling does not count. */
static bool acu_hash_rate(acu_plan_ctx *pc, EVP_MD_CTX *md, HashTable *ht, const char *key)
{
	size_t len;
	const char *v = acu_text(pc, ht, "invoice", key, &len);
	char buf[64];
	int64_t whole = 0, frac = 0;
	int d = 0;
	size_t i = 0;
	int n;

	if (v == NULL) {
		return false;
	}
	for (; i < len && v[i] >= '0' && v[i] <= '9' && whole < 1000000; i++) {
		whole = whole * 10 + (v[i] - '0');
	}
	if (i < len && v[i] == '.') {
		for (i++; i < len && v[i] >= '0' && v[i] <= '9'; i++) {
			if (d < 3) {
				frac = frac * 10 + (v[i] - '0');
				d++;
			}
		}
	}
	for (; d < 3; d++) {
		frac *= 10;
	}
	if (i != len) {
		/* not a plain rate: hash the text as it is, still stable */
		return acu_hash_field(pc, md, key, v, len);
	}
	n = snprintf(buf, sizeof(buf), "%" PRId64, whole * 1000 + frac);
	return acu_hash_field(pc, md, key, buf, (size_t) n);
}

static zend_string *acu_content_hash(acu_plan_ctx *pc)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0;
	zend_string *hex = NULL;
	zval one, *item;
	HashTable *items;
	size_t len;
	const char *v;
	uint32_t i = 0;

	ZVAL_UNDEF(&one);
	if (md == NULL || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
		zend_throw_error(NULL, "%s: SHA-256 is not available", ZSTR_VAL(pc->invoice_label));
		pc->failed = true;
		goto cleanup;
	}
	EVP_DigestUpdate(md, "acumulus-content-v1", sizeof("acumulus-content-v1"));
	v = acu_text(pc, pc->invoice, "invoice", "date", &len);
	if (!acu_hash_field(pc, md, "date", v, len)
			|| !acu_hash_rate(pc, md, pc->invoice, "taxrate")
			|| !acu_hash_rate(pc, md, pc->invoice, "taxrate2")
			|| !acu_hash_money(pc, md, pc->invoice, "subtotal", "subtotal")
			|| !acu_hash_money(pc, md, pc->invoice, "tax", "tax")
			|| !acu_hash_money(pc, md, pc->invoice, "tax2", "tax2")) {
		goto cleanup;
	}
	items = acu_list(pc->invoice, "items", "item", &one);
	if (items) {
		ZEND_HASH_FOREACH_VAL(items, item) {
			char what[64];

			ZVAL_DEREF(item);
			snprintf(what, sizeof(what), "items.item[%u].amount", i);
			if (Z_TYPE_P(item) != IS_ARRAY) {
				acumulus_throw(acumulus_ce_InvalidArgumentException, 0,
					"%s: items.item[%u] is %s; expected an array",
					ZSTR_VAL(pc->invoice_label), i, zend_zval_type_name(item));
				pc->failed = true;
				goto cleanup;
			}
			EVP_DigestUpdate(md, "item", sizeof("item"));
			v = acu_text(pc, Z_ARRVAL_P(item), "items.item[]", "type", &len);
			if (!acu_hash_field(pc, md, "type", v, len)) {
				goto cleanup;
			}
			v = acu_text(pc, Z_ARRVAL_P(item), "items.item[]", "relid", &len);
			if (!acu_hash_field(pc, md, "relid", v, len)) {
				goto cleanup;
			}
			v = acu_text(pc, Z_ARRVAL_P(item), "items.item[]", "description", &len);
			if (!acu_hash_field(pc, md, "description", v, len)
					|| !acu_hash_money(pc, md, Z_ARRVAL_P(item), "amount", what)) {
				goto cleanup;
			}
			v = acu_text(pc, Z_ARRVAL_P(item), "items.item[]", "taxed", &len);
			if (v == NULL) {
				goto cleanup;
			}
			EVP_DigestUpdate(md, (len == 0 || (len == 1 && v[0] == '0')) ? "0" : "1", 1);
			i++;
		} ZEND_HASH_FOREACH_END();
	}
	if (EVP_DigestFinal_ex(md, digest, &dlen) != 1) {
		goto cleanup;
	}
	hex = zend_string_alloc(dlen * 2, 0);
	for (i = 0; i < dlen; i++) {
		static const char hexd[] = "0123456789abcdef";

		ZSTR_VAL(hex)[2 * i] = hexd[digest[i] >> 4];
		ZSTR_VAL(hex)[2 * i + 1] = hexd[digest[i] & 15];
	}
	ZSTR_VAL(hex)[dlen * 2] = '\0';

cleanup:
	zval_ptr_dtor(&one);
	EVP_MD_CTX_free(md);
	return hex;
}

/* }}} */

/* {{{ the plan */

typedef enum acu_trigger {
	ACU_TR_CREATED, ACU_TR_PAID, ACU_TR_UNPAID, ACU_TR_GATEWAY, ACU_TR_CANCELLED,
	ACU_TR_REFUNDED, ACU_TR_EDITED, ACU_TR_PAYMENT, ACU_TR_SEND, ACU_TR_RESEND,
	ACU_TR_COUNT
} acu_trigger;

static const char *const acu_trigger_names[ACU_TR_COUNT] = {
	"created", "paid", "unpaid", "gateway", "cancelled",
	"refunded", "edited", "payment", "send", "resend",
};

typedef struct acu_plan {
	zval steps;                /* list */
	zval triggers;             /* name => "done" | "dropped" | "pending" */
	zval notes;                /* list of strings */
	bool have[ACU_TR_COUNT];
	zval *payload[ACU_TR_COUNT];
} acu_plan;

static void acu_note(acu_plan *p, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
static void acu_note(acu_plan *p, const char *fmt, ...)
{
	va_list ap;
	zend_string *s;

	va_start(ap, fmt);
	s = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	add_next_index_str(&p->notes, s);
}

static void acu_trigger_state(acu_plan *p, acu_trigger t, const char *state)
{
	if (p->have[t]) {
		add_assoc_string(&p->triggers, acu_trigger_names[t], state);
	}
}

static zval *acu_step(acu_plan *p, const char *action)
{
	zval step;

	array_init(&step);
	add_assoc_string(&step, "action", action);
	return zend_hash_next_index_insert(Z_ARRVAL(p->steps), &step);
}

/* What the ledger knows about a document (one row of ledger.documents). */
typedef struct acu_doc {
	HashTable *ht;
	zend_long id;
	bool is_credit;
	const char *state, *reason, *token, *entryid, *invoicenumber, *account, *hash;
	zend_long of;           /* credit notes: the id of the invoice document */
	int paymentstatus;      /* 0 unknown, 1 due, 2 paid */
	int64_t amount;         /* gross amount booked or credited, cents */
	bool has_amount;        /* false for rows of the previous module */
} acu_doc;

static bool acu_doc_read(acu_plan_ctx *pc, zval *zv, uint32_t index, acu_doc *d)
{
	char what[64];
	const char *ps;

	memset(d, 0, sizeof(*d));
	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) != IS_ARRAY) {
		acumulus_throw(acumulus_ce_InvalidArgumentException, 0,
			"%s: ledger.documents[%u] is %s; expected an array",
			ZSTR_VAL(pc->invoice_label), index, zend_zval_type_name(zv));
		pc->failed = true;
		return false;
	}
	d->ht = Z_ARRVAL_P(zv);
	{
		zval *id = acu_find(d->ht, "id");

		d->id = id && Z_TYPE_P(id) == IS_LONG ? Z_LVAL_P(id)
			: (id && Z_TYPE_P(id) == IS_STRING ? ZEND_STRTOL(Z_STRVAL_P(id), NULL, 10) : 0);
	}
	{
		zval *of = acu_find(d->ht, "of");

		d->of = of && Z_TYPE_P(of) == IS_LONG ? Z_LVAL_P(of)
			: (of && Z_TYPE_P(of) == IS_STRING ? ZEND_STRTOL(Z_STRVAL_P(of), NULL, 10) : 0);
	}
	d->is_credit = acu_text_is(pc, d->ht, "ledger.documents[]", "kind", "credit");
	d->state = acu_text(pc, d->ht, "ledger.documents[]", "state", NULL);
	d->reason = acu_text(pc, d->ht, "ledger.documents[]", "reason", NULL);
	d->token = acu_text(pc, d->ht, "ledger.documents[]", "token", NULL);
	d->entryid = acu_text(pc, d->ht, "ledger.documents[]", "entryid", NULL);
	d->invoicenumber = acu_text(pc, d->ht, "ledger.documents[]", "invoicenumber", NULL);
	d->account = acu_text(pc, d->ht, "ledger.documents[]", "accountnumber", NULL);
	d->hash = acu_text(pc, d->ht, "ledger.documents[]", "hash", NULL);
	ps = acu_text(pc, d->ht, "ledger.documents[]", "paymentstatus", NULL);
	if (pc->failed) {
		return false;
	}
	d->paymentstatus = ps[0] == '2' ? 2 : (ps[0] == '1' ? 1 : 0);
	snprintf(what, sizeof(what), "ledger.documents[%u].amount", index);
	d->has_amount = acu_find(d->ht, "amount") != NULL;
	return acu_cents(pc, acu_find(d->ht, "amount"), what, &d->amount);
}

/* The date part of a WHMCS date or datetime, or "" for the zero date. */
static void acu_date10(const char *v, char out[11])
{
	out[0] = '\0';
	if (v && strlen(v) >= 10 && strncmp(v, "0000-00-00", 10) != 0) {
		memcpy(out, v, 10);
		out[10] = '\0';
	}
}

static bool acu_account_of(HashTable *settings, const char *gateway, const char **account)
{
	char key[200];
	zval *zv;

	*account = "";
	if (gateway == NULL || gateway[0] == '\0') {
		return false;
	}
	snprintf(key, sizeof(key), "acumulus_AccountNumber_%s", gateway);
	zv = acu_find(settings, key);
	if (zv == NULL || Z_TYPE_P(zv) != IS_STRING || Z_STRLEN_P(zv) == 0) {
		return false;
	}
	/* the reference stores "accountid accountnumber (description)": the id
	 * is the first word */
	*account = Z_STRVAL_P(zv);
	return true;
}

/* The first word of a stored "id rest" dropdown value, as a new string. */
static zend_string *acu_first_word(const char *v)
{
	const char *sp = strchr(v, ' ');

	return zend_string_init(v, sp ? (size_t) (sp - v) : strlen(v), 0);
}

void acumulus_plan(HashTable *triggers, HashTable *invoice, HashTable *ledger,
		HashTable *settings, HashTable *context, zval *return_value)
{
	acu_plan_ctx pc;
	acu_plan p;
	zend_string *key, *hash = NULL;
	zval *val, *docs_zv, *zv, one_tx;
	HashTable *docs = NULL, *txs;
	acu_doc cur, d;
	bool have_cur = false, uncertain = false, concept = false;
	int64_t credited = 0, credited_refund = 0, gross = 0, sub = 0, tax = 0, tax2 = 0;
	int64_t refunded = 0, booked = 0;
	const char *status, *skipped, *today, *paymentmethod, *last_gateway = NULL;
	char datepaid[11];
	uint32_t n = 0;
	bool proforma, create_on, paid_on, cancel_on, refund_on, gateway_on, edit_on, use_last;
	int i;

	memset(&pc, 0, sizeof(pc));
	pc.invoice = invoice;
	pc.ledger = ledger;
	pc.settings = settings;
	pc.context = context;
	ZVAL_UNDEF(&pc.keep);
	ZVAL_UNDEF(&one_tx);
	memset(&p, 0, sizeof(p));
	memset(&cur, 0, sizeof(cur));
	array_init(&p.steps);
	array_init(&p.triggers);
	array_init(&p.notes);

	{
		zval *id = acu_find(invoice, "invoiceid");

		if (id == NULL) {
			id = acu_find(invoice, "id");
		}
		if (id && Z_TYPE_P(id) == IS_LONG) {
			pc.invoice_label = zend_strpprintf(0, "invoice " ZEND_LONG_FMT, Z_LVAL_P(id));
		} else if (id && Z_TYPE_P(id) == IS_STRING) {
			pc.invoice_label = zend_strpprintf(0, "invoice %s", Z_STRVAL_P(id));
		} else {
			pc.invoice_label = zend_string_init("invoice (no id)", sizeof("invoice (no id)") - 1, 0);
		}
	}

	/* triggers: name => payload */
	ZEND_HASH_FOREACH_STR_KEY_VAL(triggers, key, val) {
		bool known = false;

		if (key == NULL) {
			zend_argument_value_error(1, "must map trigger names to payloads, e.g. ['created' => null]");
			goto error;
		}
		for (i = 0; i < ACU_TR_COUNT; i++) {
			if (zend_string_equals_cstr(key, acu_trigger_names[i], strlen(acu_trigger_names[i]))) {
				p.have[i] = true;
				p.payload[i] = val;
				known = true;
			}
		}
		if (!known) {
			zend_argument_value_error(1, "has an unknown trigger \"%s\"", ZSTR_VAL(key));
			goto error;
		}
	} ZEND_HASH_FOREACH_END();

	/* the facts */
	status = acu_text(&pc, invoice, "invoice", "status", NULL);
	paymentmethod = acu_text(&pc, invoice, "invoice", "paymentmethod", NULL);
	skipped = acu_text(&pc, ledger, "ledger", "skipped", NULL);
	today = acu_text(&pc, context, "context", "today", NULL);
	if (pc.failed) {
		goto error;
	}
	acu_date10(acu_text(&pc, invoice, "invoice", "datepaid", NULL), datepaid);
	if (strlen(today) != 10) {
		zend_argument_value_error(5, "must have 'today' as YYYY-MM-DD");
		goto error;
	}
	if (!acu_cents(&pc, acu_find(invoice, "subtotal"), "subtotal", &sub)
			|| !acu_cents(&pc, acu_find(invoice, "tax"), "tax", &tax)
			|| !acu_cents(&pc, acu_find(invoice, "tax2"), "tax2", &tax2)) {
		goto error;
	}
	gross = sub + tax + tax2;

	proforma = acu_setting_on(context, "proforma", false);
	create_on = acu_setting_on(settings, "acumulus_hook_invoice_create_enabled", true);
	paid_on = acu_setting_on(settings, "acumulus_hook_invoice_paid_enabled", true);
	cancel_on = acu_setting_on(settings, "acumulus_hook_invoice_canceled_enabled", true);
	refund_on = acu_setting_on(settings, "acumulus_hook_invoice_refunded_enabled", true);
	gateway_on = acu_setting_on(settings, "acumulus_hook_invoice_gateway_enabled", true);
	edit_on = acu_setting_on(settings, "acumulus_hook_invoice_edited_enabled", true);
	use_last = acu_setting_on(settings, "acumulus_invoice_use_last_paymentmethod", true);

	/* transactions: refunds (amountout) and the gateway of the last payment */
	txs = acu_list(invoice, "transactions", "transaction", &one_tx);
	if (txs) {
		zval *tx;
		uint32_t ti = 0;

		ZEND_HASH_FOREACH_VAL(txs, tx) {
			int64_t in = 0, out = 0;
			char what[64];

			ZVAL_DEREF(tx);
			if (Z_TYPE_P(tx) != IS_ARRAY) {
				continue;
			}
			snprintf(what, sizeof(what), "transactions.transaction[%u].amountout", ti);
			if (!acu_cents(&pc, acu_find(Z_ARRVAL_P(tx), "amountout"), what, &out)) {
				goto error;
			}
			snprintf(what, sizeof(what), "transactions.transaction[%u].amountin", ti);
			if (!acu_cents(&pc, acu_find(Z_ARRVAL_P(tx), "amountin"), what, &in)) {
				goto error;
			}
			refunded += out;
			if (in > 0) {
				last_gateway = acu_text(&pc, Z_ARRVAL_P(tx), "transactions.transaction[]", "gateway", NULL);
				if (last_gateway == NULL) {
					goto error;
				}
			}
			ti++;
		} ZEND_HASH_FOREACH_END();
	}

	/* what was sent: the current invoice document and the credit notes */
	docs_zv = acu_find(ledger, "documents");
	if (docs_zv && Z_TYPE_P(docs_zv) == IS_ARRAY) {
		docs = Z_ARRVAL_P(docs_zv);
	}
	if (docs) {
		/* first the uncertain ones and the current invoice document (the
		 * latest booked: older ones were replaced) ... */
		ZEND_HASH_FOREACH_VAL(docs, zv) {
			if (!acu_doc_read(&pc, zv, n++, &d)) {
				goto error;
			}
			if (strcmp(d.state, "uncertain") == 0 || strcmp(d.state, "sending") == 0) {
				zval *step = acu_step(&p, "reconcile");

				add_assoc_long(step, "document", d.id);
				add_assoc_string(step, "kind", d.is_credit ? "credit" : "invoice");
				uncertain = true;
			} else if (!d.is_credit && (strcmp(d.state, "booked") == 0 || strcmp(d.state, "concept") == 0)) {
				cur = d;
				have_cur = true;
				concept = strcmp(d.state, "concept") == 0;
			}
		} ZEND_HASH_FOREACH_END();
		/* ... then what was credited against the current one */
		n = 0;
		ZEND_HASH_FOREACH_VAL(docs, zv) {
			if (!acu_doc_read(&pc, zv, n++, &d)) {
				goto error;
			}
			if (have_cur && d.is_credit && d.of == cur.id
					&& (strcmp(d.state, "booked") == 0 || strcmp(d.state, "concept") == 0)) {
				credited += d.amount;
				if (strcmp(d.reason, "refund") == 0) {
					credited_refund += d.amount;
				}
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (uncertain) {
		for (i = 0; i < ACU_TR_COUNT; i++) {
			acu_trigger_state(&p, (acu_trigger) i, "pending");
		}
		acu_note(&p, "an earlier send has an unknown outcome: it is looked up in Acumulus before anything else");
		goto done;
	}
	if (have_cur && concept && (p.have[ACU_TR_PAID] || p.have[ACU_TR_UNPAID] || p.have[ACU_TR_GATEWAY]
			|| p.have[ACU_TR_CANCELLED] || p.have[ACU_TR_REFUNDED] || p.have[ACU_TR_EDITED] || p.have[ACU_TR_RESEND])) {
		zval *step = acu_step(&p, "concept");

		add_assoc_long(step, "document", cur.id);
		for (i = 0; i < ACU_TR_COUNT; i++) {
			acu_trigger_state(&p, (acu_trigger) i, i == ACU_TR_CREATED || i == ACU_TR_SEND || i == ACU_TR_PAYMENT ? "done" : "pending");
		}
		acu_note(&p, "the invoice is a concept in Acumulus: it must be made final there before it can be updated");
		goto done;
	}

	hash = acu_content_hash(&pc);
	if (hash == NULL) {
		goto error;
	}
	/* credit notes are measured against what was booked (the invoice may
	 * have changed since); a row of the previous module has no amount */
	booked = have_cur && cur.has_amount ? cur.amount : gross;

	/* {{{ booking */
	{
		const bool is_draft = strcmp(status, "Draft") == 0;
		const bool is_paid = strcmp(status, "Paid") == 0;
		const bool is_closed = strcmp(status, "Cancelled") == 0 || strcmp(status, "Refunded") == 0;
		const bool manual = p.have[ACU_TR_SEND] || p.have[ACU_TR_RESEND];
		bool book = false, rebook = false;
		const char *book_reason = "created";

		if (p.have[ACU_TR_PAYMENT]) {
			acu_trigger_state(&p, ACU_TR_PAYMENT, "done");
		}

		if (have_cur && p.have[ACU_TR_RESEND]) {
			const char *of = "";
			size_t of_len = 0;

			if (p.payload[ACU_TR_RESEND] && Z_TYPE_P(p.payload[ACU_TR_RESEND]) == IS_STRING) {
				of = Z_STRVAL_P(p.payload[ACU_TR_RESEND]);
				of_len = Z_STRLEN_P(p.payload[ACU_TR_RESEND]);
			}
			if (of_len == 0) {
				/* a resend of an invoice that was not booked at the time:
				 * the booking there is now is its result */
				acu_trigger_state(&p, ACU_TR_RESEND, "done");
			} else if (strcmp(of, cur.entryid) != 0) {
				acu_trigger_state(&p, ACU_TR_RESEND, "done");
				acu_note(&p, "resend: entry %s was already replaced by entry %s", of, cur.entryid);
			} else if (credited > 0) {
				acu_trigger_state(&p, ACU_TR_RESEND, "dropped");
				acu_note(&p, "resend refused: credit notes refer to Acumulus invoice %s; book a correction instead",
					cur.invoicenumber);
			} else if (is_draft) {
				acu_trigger_state(&p, ACU_TR_RESEND, "dropped");
				acu_note(&p, "resend refused: the invoice is a draft in WHMCS");
			} else {
				rebook = true;
				book_reason = "resend";
			}
		}

		if (!have_cur) {
			if (skipped[0] && !manual) {
				for (i = 0; i < ACU_TR_COUNT; i++) {
					acu_trigger_state(&p, (acu_trigger) i, "dropped");
				}
				acu_note(&p, "not booked: %s", skipped);
				goto done;
			}
			if (is_draft) {
				acu_note(&p, "not booked: the invoice is a draft");
			} else if (is_closed && refunded >= gross) {
				acu_note(&p, "not booked: the invoice was %s before it was booked, so there is nothing to book",
					strcmp(status, "Cancelled") == 0 ? "cancelled" : "refunded in full");
			} else if (manual) {
				book = true;
				book_reason = p.have[ACU_TR_RESEND] ? "resend" : "send";
			} else if (strcmp(status, "Cancelled") == 0) {
				acu_note(&p, "not booked: the invoice was cancelled before it was booked");
			} else if (p.have[ACU_TR_CREATED] && create_on && (is_paid || !proforma)) {
				book = true;
				book_reason = "created";
			} else if (is_paid && (p.have[ACU_TR_PAID] || p.have[ACU_TR_CREATED]) && (paid_on || (proforma && create_on))) {
				book = true;
				book_reason = "paid";
			} else if (p.have[ACU_TR_CREATED] && create_on && proforma) {
				acu_note(&p, "not booked yet: with proforma invoicing an invoice is booked when it is paid");
			} else if (p.have[ACU_TR_CREATED] && !create_on) {
				acu_note(&p, "not booked: the create hook is off");
			} else if (p.have[ACU_TR_PAID] && !paid_on) {
				acu_note(&p, "not booked: the paid hook is off");
			} else if (p.have[ACU_TR_REFUNDED] && is_paid && refund_on && paid_on) {
				book = true;
				book_reason = "paid";
			} else {
				acu_note(&p, "not booked, and nothing asks for it: no update to make");
			}
		} else if (p.have[ACU_TR_SEND] && !rebook) {
			acu_trigger_state(&p, ACU_TR_SEND, "done");
			acu_note(&p, "already booked as Acumulus invoice %s (entry %s); use resend to replace it",
				cur.invoicenumber, cur.entryid);
		}

		if (have_cur && !rebook && p.have[ACU_TR_EDITED]) {
			if (!edit_on) {
				acu_trigger_state(&p, ACU_TR_EDITED, "dropped");
				acu_note(&p, "edited: the edit hook is off");
			} else if (cur.hash[0] == '\0') {
				acu_trigger_state(&p, ACU_TR_EDITED, "dropped");
				acu_note(&p, "edited: this invoice was booked by the previous module, which kept no record of its content");
			} else if (strcmp(cur.hash, ZSTR_VAL(hash)) == 0) {
				acu_trigger_state(&p, ACU_TR_EDITED, "done");
			} else if (credited > 0) {
				acu_trigger_state(&p, ACU_TR_EDITED, "dropped");
				acu_note(&p, "edited after credit notes were made: not rebooked automatically; check Acumulus invoice %s",
					cur.invoicenumber);
			} else {
				rebook = true;
				book_reason = "rebook";
			}
		}

		if (rebook) {
			if (cur.paymentstatus == 2) {
				/* a paid booking is not thrown away: credit it in full */
				zval *step = acu_step(&p, "credit");
				zend_string *amount = acu_cents_str(booked > 0 ? booked : 0);

				add_assoc_string(step, "kind", "rebook");
				add_assoc_str(step, "amount", zend_string_copy(amount));
				add_assoc_string(step, "date", today);
				add_assoc_long(step, "of", cur.id);
				zend_string_release(amount);
			} else {
				zval *step = acu_step(&p, "trash");

				add_assoc_long(step, "document", cur.id);
				add_assoc_string(step, "entryid", cur.entryid);
				add_assoc_string(step, "reason", book_reason);
			}
			book = true;
			have_cur = false; /* what follows is about the new booking */
		}

		if (book) {
			zval *step = acu_step(&p, "book");
			const char *gw = paymentmethod;
			const char *acct;

			if (is_paid && use_last && last_gateway && last_gateway[0]) {
				gw = last_gateway;
			}
			add_assoc_string(step, "reason", book_reason);
			add_assoc_bool(step, "paid", is_paid);
			add_assoc_string(step, "paymentdate", is_paid ? datepaid : "");
			add_assoc_string(step, "gateway", gw);
			if (acu_account_of(settings, gw, &acct)) {
				add_assoc_str(step, "accountnumber", acu_first_word(acct));
			} else {
				add_assoc_string(step, "accountnumber", "");
			}
			add_assoc_bool(step, "email", !manual && strcmp(book_reason, "rebook") != 0);
			add_assoc_str(step, "hash", zend_string_copy(hash));
			add_assoc_str(step, "amount", acu_cents_str(gross));
			for (i = 0; i < ACU_TR_COUNT; i++) {
				acu_trigger_state(&p, (acu_trigger) i, "pending");
			}
			/* the new booking carries the payment state; credit notes for
			 * what was cancelled or refunded follow in the next plan */
			goto done;
		}
		if (!have_cur) {
			for (i = 0; i < ACU_TR_COUNT; i++) {
				acu_trigger_state(&p, (acu_trigger) i, "dropped");
			}
			goto done;
		}
		acu_trigger_state(&p, ACU_TR_CREATED, "done");
		acu_trigger_state(&p, ACU_TR_SEND, "done");
		acu_trigger_state(&p, ACU_TR_RESEND, "done");
		acu_trigger_state(&p, ACU_TR_EDITED, "done");
	}
	/* }}} */

	/* {{{ a booked invoice: credit notes, account, payment status */
	{
		const bool want_cancel = p.have[ACU_TR_CANCELLED] && strcmp(status, "Cancelled") == 0;
		/* a Refunded invoice was paid first: the payment is booked, the
		 * refund is a credit note of its own */
		const bool was_paid = strcmp(status, "Paid") == 0 || strcmp(status, "Refunded") == 0;
		int64_t open = booked - credited;
		bool credit_step = false;

		if (p.have[ACU_TR_CANCELLED]) {
			if (!want_cancel) {
				acu_trigger_state(&p, ACU_TR_CANCELLED, "dropped");
				acu_note(&p, "cancelled: the invoice is %s in WHMCS now, not Cancelled", status);
			} else if (!cancel_on) {
				acu_trigger_state(&p, ACU_TR_CANCELLED, "dropped");
				acu_note(&p, "cancelled: the cancel hook is off");
			} else if (open > 0) {
				zval *step = acu_step(&p, "credit");

				add_assoc_string(step, "kind", "cancel");
				add_assoc_str(step, "amount", acu_cents_str(open));
				add_assoc_string(step, "date", today);
				add_assoc_long(step, "of", cur.id);
				acu_trigger_state(&p, ACU_TR_CANCELLED, "pending");
				credit_step = true;
			} else {
				acu_trigger_state(&p, ACU_TR_CANCELLED, "done");
			}
		}

		if (p.have[ACU_TR_REFUNDED] && !credit_step) {
			int64_t due = refunded - credited_refund;

			if (due > open) {
				due = open;
			}
			if (!refund_on) {
				acu_trigger_state(&p, ACU_TR_REFUNDED, "dropped");
				acu_note(&p, "refunded: the refund hook is off");
			} else if (due > 0) {
				zval *step = acu_step(&p, "credit");

				add_assoc_string(step, "kind", "refund");
				add_assoc_str(step, "amount", acu_cents_str(due));
				add_assoc_string(step, "date", today);
				add_assoc_long(step, "of", cur.id);
				acu_trigger_state(&p, ACU_TR_REFUNDED, "pending");
				credit_step = true;
			} else {
				acu_trigger_state(&p, ACU_TR_REFUNDED, "done");
			}
		} else if (p.have[ACU_TR_REFUNDED]) {
			acu_trigger_state(&p, ACU_TR_REFUNDED, "pending");
		}

		/* the account: on payment that of the gateway paid with (the last
		 * payment, with "use last payment method") or else of the invoice's
		 * gateway; on a gateway change that of the new gateway */
		{
			const char *gw = NULL, *acct;
			acu_trigger t = ACU_TR_COUNT;

			if (p.have[ACU_TR_PAID] && paid_on && was_paid) {
				gw = (use_last && last_gateway && last_gateway[0]) ? last_gateway : paymentmethod;
				t = ACU_TR_PAID;
			} else if (p.have[ACU_TR_GATEWAY]) {
				if (!gateway_on) {
					acu_trigger_state(&p, ACU_TR_GATEWAY, "dropped");
					acu_note(&p, "gateway: the gateway hook is off");
				} else {
					gw = paymentmethod;
					t = ACU_TR_GATEWAY;
				}
			}
			if (gw != NULL && gw[0] != '\0') {
				if (!acu_account_of(settings, gw, &acct)) {
					if (t == ACU_TR_GATEWAY) {
						acu_trigger_state(&p, ACU_TR_GATEWAY, "dropped");
					}
					acu_note(&p, "no Acumulus account is set for gateway \"%s\": the account is left as it is", gw);
				} else {
					zend_string *id = acu_first_word(acct);

					if (strcmp(cur.account, ZSTR_VAL(id)) == 0) {
						if (t == ACU_TR_GATEWAY) {
							acu_trigger_state(&p, ACU_TR_GATEWAY, "done");
						}
						zend_string_release(id);
					} else {
						zval *step = acu_step(&p, "account");

						add_assoc_long(step, "document", cur.id);
						add_assoc_string(step, "entryid", cur.entryid);
						add_assoc_string(step, "gateway", gw);
						add_assoc_str(step, "accountnumber", id);
						if (t == ACU_TR_GATEWAY) {
							acu_trigger_state(&p, ACU_TR_GATEWAY, "pending");
						}
					}
				}
			} else if (p.have[ACU_TR_GATEWAY] && gateway_on) {
				acu_trigger_state(&p, ACU_TR_GATEWAY, "done");
			}
			/* as the previous module did: with "use last payment method" the
			 * WHMCS invoice takes the gateway it was paid with */
			if (t == ACU_TR_PAID && use_last && last_gateway && last_gateway[0]
					&& strcmp(last_gateway, paymentmethod) != 0) {
				zval *step = acu_step(&p, "gateway");

				add_assoc_string(step, "gateway", last_gateway);
			}
		}

		/* payment status: paid when WHMCS says Paid, or when the invoice was
		 * settled by a credit note (cancelled); due when marked unpaid */
		{
			int want = 0;
			const char *date = "";
			acu_trigger t = ACU_TR_COUNT;

			if (want_cancel && cancel_on && cur.paymentstatus != 2) {
				want = 2;
				date = today;
				t = ACU_TR_CANCELLED;
			} else if (p.have[ACU_TR_PAID] && was_paid) {
				if (!paid_on) {
					acu_trigger_state(&p, ACU_TR_PAID, "dropped");
					acu_note(&p, "paid: the paid hook is off");
				} else {
					want = 2;
					date = datepaid[0] ? datepaid : today;
					t = ACU_TR_PAID;
				}
			} else if (p.have[ACU_TR_UNPAID] && strcmp(status, "Unpaid") == 0) {
				if (!paid_on) {
					acu_trigger_state(&p, ACU_TR_UNPAID, "dropped");
					acu_note(&p, "unpaid: the paid hook is off");
				} else {
					want = 1;
					t = ACU_TR_UNPAID;
				}
			} else {
				if (p.have[ACU_TR_PAID]) {
					acu_trigger_state(&p, ACU_TR_PAID, "dropped");
					acu_note(&p, "paid: the invoice is %s in WHMCS now, not Paid", status);
				}
				if (p.have[ACU_TR_UNPAID]) {
					acu_trigger_state(&p, ACU_TR_UNPAID, "dropped");
					acu_note(&p, "unpaid: the invoice is %s in WHMCS now, not Unpaid", status);
				}
			}
			if (want != 0 && cur.paymentstatus != want) {
				zval *step = acu_step(&p, "payment");

				add_assoc_long(step, "document", cur.id);
				add_assoc_string(step, "token", cur.token);
				add_assoc_long(step, "paymentstatus", want);
				add_assoc_string(step, "paymentdate", date);
				if (t != ACU_TR_CANCELLED) {
					acu_trigger_state(&p, t, "pending");
				}
			} else if (want != 0 && t != ACU_TR_CANCELLED) {
				acu_trigger_state(&p, t, "done");
			}
		}
	}
	/* }}} */

done:
	array_init(return_value);
	add_assoc_zval(return_value, "steps", &p.steps);
	add_assoc_zval(return_value, "triggers", &p.triggers);
	add_assoc_zval(return_value, "notes", &p.notes);
	if (hash) {
		add_assoc_str(return_value, "hash", hash);
	} else {
		add_assoc_null(return_value, "hash");
	}
	zend_string_release(pc.invoice_label);
	zval_ptr_dtor(&one_tx);
	zval_ptr_dtor(&pc.keep);
	return;

error:
	zval_ptr_dtor(&p.steps);
	zval_ptr_dtor(&p.triggers);
	zval_ptr_dtor(&p.notes);
	if (hash) {
		zend_string_release(hash);
	}
	zend_string_release(pc.invoice_label);
	zval_ptr_dtor(&one_tx);
	zval_ptr_dtor(&pc.keep);
}

zend_string *acumulus_invoice_content_hash(HashTable *invoice)
{
	acu_plan_ctx pc;
	zend_string *h;
	zval *id = acu_find(invoice, "invoiceid");

	memset(&pc, 0, sizeof(pc));
	pc.invoice = invoice;
	ZVAL_UNDEF(&pc.keep);
	if (id && Z_TYPE_P(id) == IS_LONG) {
		pc.invoice_label = zend_strpprintf(0, "invoice " ZEND_LONG_FMT, Z_LVAL_P(id));
	} else {
		pc.invoice_label = zend_string_init("invoice", sizeof("invoice") - 1, 0);
	}
	h = acu_content_hash(&pc);
	zend_string_release(pc.invoice_label);
	zval_ptr_dtor(&pc.keep);
	return h;
}

/* }}} */

/* {{{ Acumulus\Planner */

ZEND_METHOD(Acumulus_Planner, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Acumulus_Planner, plan)
{
	HashTable *triggers, *invoice, *ledger, *settings, *context;

	ZEND_PARSE_PARAMETERS_START(5, 5)
		Z_PARAM_ARRAY_HT(triggers)
		Z_PARAM_ARRAY_HT(invoice)
		Z_PARAM_ARRAY_HT(ledger)
		Z_PARAM_ARRAY_HT(settings)
		Z_PARAM_ARRAY_HT(context)
	ZEND_PARSE_PARAMETERS_END();

	acumulus_plan(triggers, invoice, ledger, settings, context, return_value);
	if (EG(exception)) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(Acumulus_Planner, contentHash)
{
	HashTable *invoice;
	zend_string *h;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(invoice)
	ZEND_PARSE_PARAMETERS_END();

	h = acumulus_invoice_content_hash(invoice);
	if (h == NULL) {
		RETURN_THROWS();
	}
	RETURN_STR(h);
}

/* }}} */
