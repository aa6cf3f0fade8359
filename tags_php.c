/*
 * The tag engine bound to WHMCS data (see tags_php.h, tags.h).
 *
 * Which tag reads which key (GetClientsDetails 'client' / GetInvoice):
 *   USERID        client.userid, else client.id, else invoice.userid
 *   FIRSTNAME ... client.firstname, lastname, companyname, address1,
 *                 address2, city, state, postcode, phonenumber
 *   FULLNAME      client.fullname, else "firstname lastname"
 *   COUNTRYCODE   client.countrycode, else client.country
 *   COUNTRY       client.countryname
 *   CLIENT_CUSTOMFIELDn      client.customfieldsn, else the n-th entry of
 *                            client.customfields
 *   CLIENT_CUSTOMFIELD:Name  the client.customfields entry whose id the
 *                            field-name map gives for Name (exact, then in
 *                            any ASCII case); a name not in the map stays as
 *                            written, so a typo shows on the invoice
 *   CLIENT_CURRENCY  client.currency_code
 *   INVOICEID     invoice.invoiceid, else invoice.id
 *   INVOICENUMBER invoice.invoicenum, else the invoice id
 *   INVOICEDATE / INVOICEDUE / INVOICENOTES / INVOICESTATUS
 *                 invoice.date / duedate / notes / status
 * A missing key or null is empty; ints are written in decimal, true as "1",
 * false as ""; floats as PHP writes them. Arrays and objects are an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"

#include "php_acumulus.h"
#include "exceptions.h"
#include "tags_php.h"

/* Every key a tag reads, interned once in MINIT with its hash, so a lookup
 * never hashes a key again. */
#define ACUMULUS_TAG_KEYS(X) \
	X(address1) X(address2) X(city) X(client_id) X(companyname) X(country) \
	X(countrycode) X(countryname) X(currency_code) X(customfield) X(customfields) \
	X(date) X(duedate) X(firstname) X(fullname) X(id) X(invoiceid) X(invoicenum) \
	X(lastname) X(notes) X(phonenumber) X(postcode) X(state) X(status) X(userid) X(value)

enum {
#define ACUMULUS_TAG_KEY_ENUM(name) ACUMULUS_TK_##name,
	ACUMULUS_TAG_KEYS(ACUMULUS_TAG_KEY_ENUM)
#undef ACUMULUS_TAG_KEY_ENUM
	ACUMULUS_TK_COUNT_
};

static const char *const acumulus_tag_key_names[ACUMULUS_TK_COUNT_] = {
#define ACUMULUS_TAG_KEY_NAME(name) #name,
	ACUMULUS_TAG_KEYS(ACUMULUS_TAG_KEY_NAME)
#undef ACUMULUS_TAG_KEY_NAME
};

static zend_string *acumulus_tag_keys[ACUMULUS_TK_COUNT_];

#define TK(name) (acumulus_tag_keys[ACUMULUS_TK_##name])

void acumulus_tags_minit(void)
{
	size_t i;

	for (i = 0; i < ACUMULUS_TK_COUNT_; i++) {
		acumulus_tag_keys[i] = zend_string_init_interned(acumulus_tag_key_names[i],
			strlen(acumulus_tag_key_names[i]), 1);
	}
}

typedef struct acumulus_tag_lookup {
	const acumulus_tag_source *src;
	zend_string *tmp;    /* owns a converted value until the next lookup */
	char num[MAX_LENGTH_OF_LONG + 1];
	zend_string *error;  /* set when the lookup fails */
} acumulus_tag_lookup;

static zval *acumulus_tag_find(HashTable *ht, zend_string *key)
{
	zval *zv;

	if (ht == NULL) {
		return NULL;
	}
	zv = zend_hash_find_known_hash(ht, key);
	if (zv == NULL) {
		return NULL;
	}
	ZVAL_DEREF(zv);
	return Z_TYPE_P(zv) == IS_NULL ? NULL : zv;
}

static bool acumulus_tag_blank(const zval *zv)
{
	return zv == NULL || Z_TYPE_P(zv) == IS_FALSE
		|| (Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) == 0);
}

/* The value of the first of keys (ACUMULUS_TK_ ids, up to -1) that is not
 * blank, or NULL. */
static zval *acumulus_tag_first(HashTable *ht, const int *keys)
{
	for (; *keys >= 0; keys++) {
		zval *zv = acumulus_tag_find(ht, acumulus_tag_keys[*keys]);

		if (!acumulus_tag_blank(zv)) {
			return zv;
		}
	}
	return NULL;
}

static acu_tag_result acumulus_tag_fail(acumulus_tag_lookup *lk, const acu_tag *tag,
		const char *side, const char *key, const zval *zv)
{
	lk->error = zend_strpprintf(0,
		"tag {%s%s%.*s}: %s field \"%s\" is %s; expected a string or a number",
		acu_tag_name(tag->id),
		tag->id == ACU_TAG_CLIENT_CUSTOMFIELD_NAMED ? ":" : "",
		(int) tag->name_len, tag->name ? tag->name : "",
		side, key, zend_zval_type_name(zv));
	return ACU_TAG_FAIL;
}

/* Turns a scalar into text; side/key name it in an error. */
static acu_tag_result acumulus_tag_text(acumulus_tag_lookup *lk, const acu_tag *tag,
		const char *side, const char *key, zval *zv, const char **val, size_t *len)
{
	if (zv == NULL) {
		*val = "";
		*len = 0;
		return ACU_TAG_VALUE;
	}
	switch (Z_TYPE_P(zv)) {
		case IS_STRING:
			*val = Z_STRVAL_P(zv);
			*len = Z_STRLEN_P(zv);
			return ACU_TAG_VALUE;
		case IS_LONG:
			/* digits and a minus, as ZEND_LONG_FMT writes them */
			*val = zend_print_long_to_buf(lk->num + sizeof(lk->num) - 1, Z_LVAL_P(zv));
			*len = (size_t) (lk->num + sizeof(lk->num) - 1 - *val);
			return ACU_TAG_VALUE;
		case IS_NULL:
		case IS_FALSE:
			*val = "";
			*len = 0;
			return ACU_TAG_VALUE;
		case IS_TRUE:
			*val = "1";
			*len = 1;
			return ACU_TAG_VALUE;
		case IS_DOUBLE:
			lk->tmp = zval_get_string_func(zv);
			*val = ZSTR_VAL(lk->tmp);
			*len = ZSTR_LEN(lk->tmp);
			return ACU_TAG_VALUE;
		default:
			return acumulus_tag_fail(lk, tag, side, key, zv);
	}
}

/* The id of a custom field entry or map key as a number; -1 if not one. */
static zend_long acumulus_tag_field_id(const zval *zv)
{
	zend_long l;

	if (zv == NULL) {
		return -1;
	}
	if (Z_TYPE_P(zv) == IS_LONG) {
		return Z_LVAL_P(zv);
	}
	if (Z_TYPE_P(zv) == IS_STRING
			&& is_numeric_string(Z_STRVAL_P(zv), Z_STRLEN_P(zv), &l, NULL, false) == IS_LONG) {
		return l;
	}
	return -1;
}

/* client.customfields as a list of {id, value}; also accepts the XML-style
 * {customfield: [...]} wrapping. */
static HashTable *acumulus_tag_custom_fields(HashTable *client)
{
	zval *list = acumulus_tag_find(client, TK(customfields));
	zval *inner;

	if (list == NULL || Z_TYPE_P(list) != IS_ARRAY) {
		return NULL;
	}
	inner = acumulus_tag_find(Z_ARRVAL_P(list), TK(customfield));
	if (inner && Z_TYPE_P(inner) == IS_ARRAY) {
		return Z_ARRVAL_P(inner);
	}
	return Z_ARRVAL_P(list);
}

static acu_tag_result acumulus_tag_custom_by_index(acumulus_tag_lookup *lk,
		const acu_tag *tag, const char **val, size_t *len)
{
	HashTable *client = lk->src->client;
	char key[32];
	zval *zv, *entry;
	HashTable *fields;
	uint32_t n = 0;

	snprintf(key, sizeof(key), "customfields%u", tag->index);
	zv = client ? zend_hash_str_find_deref(client, key, strlen(key)) : NULL;
	if (zv != NULL && Z_TYPE_P(zv) != IS_NULL) {
		return acumulus_tag_text(lk, tag, "client", key, zv, val, len);
	}
	fields = acumulus_tag_custom_fields(client);
	if (fields != NULL) {
		ZEND_HASH_FOREACH_VAL(fields, entry) {
			if (++n == tag->index) {
				ZVAL_DEREF(entry);
				if (Z_TYPE_P(entry) == IS_ARRAY) {
					zv = acumulus_tag_find(Z_ARRVAL_P(entry), TK(value));
					return acumulus_tag_text(lk, tag, "client", "customfields[].value", zv, val, len);
				}
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	return acumulus_tag_text(lk, tag, "client", key, NULL, val, len);
}

static acu_tag_result acumulus_tag_custom_by_name(acumulus_tag_lookup *lk,
		const acu_tag *tag, const char **val, size_t *len)
{
	HashTable *names = lk->src->field_names;
	HashTable *fields;
	zend_long id = -1, loose_id = -1;
	zend_ulong num_key;
	zend_string *str_key;
	zval *name, *entry;

	if (names == NULL) {
		return ACU_TAG_KEEP;
	}
	ZEND_HASH_FOREACH_KEY_VAL(names, num_key, str_key, name) {
		zval key_zv;

		ZVAL_DEREF(name);
		if (Z_TYPE_P(name) != IS_STRING) {
			if (str_key) {
				lk->error = zend_strpprintf(0,
					"custom field names: the name of field \"%s\" must be a string, %s given",
					ZSTR_VAL(str_key), zend_zval_type_name(name));
			} else {
				lk->error = zend_strpprintf(0,
					"custom field names: the name of field " ZEND_ULONG_FMT " must be a string, %s given",
					num_key, zend_zval_type_name(name));
			}
			return ACU_TAG_FAIL;
		}
		if (str_key) {
			ZVAL_STR(&key_zv, str_key);
		} else {
			ZVAL_LONG(&key_zv, (zend_long) num_key);
		}
		if (Z_STRLEN_P(name) == tag->name_len
				&& memcmp(Z_STRVAL_P(name), tag->name, tag->name_len) == 0) {
			id = acumulus_tag_field_id(&key_zv);
			break;
		}
		if (loose_id < 0 && Z_STRLEN_P(name) == tag->name_len
				&& zend_binary_strcasecmp(Z_STRVAL_P(name), Z_STRLEN_P(name), tag->name, tag->name_len) == 0) {
			loose_id = acumulus_tag_field_id(&key_zv);
		}
	} ZEND_HASH_FOREACH_END();
	if (id < 0) {
		id = loose_id;
	}
	if (id < 0) {
		return ACU_TAG_KEEP;
	}

	fields = acumulus_tag_custom_fields(lk->src->client);
	if (fields != NULL) {
		ZEND_HASH_FOREACH_VAL(fields, entry) {
			ZVAL_DEREF(entry);
			if (Z_TYPE_P(entry) == IS_ARRAY
					&& acumulus_tag_field_id(acumulus_tag_find(Z_ARRVAL_P(entry), TK(id))) == id) {
				return acumulus_tag_text(lk, tag, "client", "customfields[].value",
					acumulus_tag_find(Z_ARRVAL_P(entry), TK(value)), val, len);
			}
		} ZEND_HASH_FOREACH_END();
	}
	return acumulus_tag_text(lk, tag, "client", "customfields", NULL, val, len);
}

static acu_tag_result acumulus_tag_lookup_cb(void *ctx, const acu_tag *tag,
		const char **val, size_t *len)
{
	static const int userid[] = { ACUMULUS_TK_userid, ACUMULUS_TK_id, ACUMULUS_TK_client_id, -1 };
	static const int countrycode[] = { ACUMULUS_TK_countrycode, ACUMULUS_TK_country, -1 };
	static const int invoiceid[] = { ACUMULUS_TK_invoiceid, ACUMULUS_TK_id, -1 };
	static const int invoicenum[] = { ACUMULUS_TK_invoicenum, ACUMULUS_TK_invoiceid, ACUMULUS_TK_id, -1 };
	acumulus_tag_lookup *lk = ctx;
	HashTable *client = lk->src->client, *invoice = lk->src->invoice;
	zend_string *key = NULL;
	zval *zv;

	if (lk->tmp) {
		zend_string_release(lk->tmp);
		lk->tmp = NULL;
	}

	switch (tag->id) {
		case ACU_TAG_USERID:
			zv = acumulus_tag_first(client, userid);
			if (zv != NULL) {
				return acumulus_tag_text(lk, tag, "client", "userid", zv, val, len);
			}
			return acumulus_tag_text(lk, tag, "invoice", "userid",
				acumulus_tag_find(invoice, TK(userid)), val, len);
		case ACU_TAG_FIRSTNAME:   key = TK(firstname); break;
		case ACU_TAG_LASTNAME:    key = TK(lastname); break;
		case ACU_TAG_COMPANYNAME: key = TK(companyname); break;
		case ACU_TAG_ADDRESS1:    key = TK(address1); break;
		case ACU_TAG_ADDRESS2:    key = TK(address2); break;
		case ACU_TAG_CITY:        key = TK(city); break;
		case ACU_TAG_STATE:       key = TK(state); break;
		case ACU_TAG_POSTCODE:    key = TK(postcode); break;
		case ACU_TAG_COUNTRY:     key = TK(countryname); break;
		case ACU_TAG_PHONENUMBER: key = TK(phonenumber); break;
		case ACU_TAG_CLIENT_CURRENCY: key = TK(currency_code); break;
		case ACU_TAG_COUNTRYCODE:
			return acumulus_tag_text(lk, tag, "client", "countrycode",
				acumulus_tag_first(client, countrycode), val, len);
		case ACU_TAG_FULLNAME:
			zv = acumulus_tag_find(client, TK(fullname));
			if (zv == NULL) {
				zval *first = acumulus_tag_find(client, TK(firstname));
				zval *last = acumulus_tag_find(client, TK(lastname));
				zend_string *f, *l;

				if ((first && Z_TYPE_P(first) > IS_STRING) || (last && Z_TYPE_P(last) > IS_STRING)) {
					return acumulus_tag_fail(lk, tag, "client",
						first && Z_TYPE_P(first) > IS_STRING ? "firstname" : "lastname",
						first && Z_TYPE_P(first) > IS_STRING ? first : last);
				}
				f = first ? zval_get_string_func(first) : ZSTR_EMPTY_ALLOC();
				l = last ? zval_get_string_func(last) : ZSTR_EMPTY_ALLOC();
				if (ZSTR_LEN(f) && ZSTR_LEN(l)) {
					lk->tmp = zend_string_concat3(ZSTR_VAL(f), ZSTR_LEN(f), " ", 1, ZSTR_VAL(l), ZSTR_LEN(l));
				} else {
					lk->tmp = zend_string_concat2(ZSTR_VAL(f), ZSTR_LEN(f), ZSTR_VAL(l), ZSTR_LEN(l));
				}
				zend_string_release(f);
				zend_string_release(l);
				*val = ZSTR_VAL(lk->tmp);
				*len = ZSTR_LEN(lk->tmp);
				return ACU_TAG_VALUE;
			}
			return acumulus_tag_text(lk, tag, "client", "fullname", zv, val, len);
		case ACU_TAG_CLIENT_CUSTOMFIELD:
			return acumulus_tag_custom_by_index(lk, tag, val, len);
		case ACU_TAG_CLIENT_CUSTOMFIELD_NAMED:
			return acumulus_tag_custom_by_name(lk, tag, val, len);
		case ACU_TAG_INVOICEID:
			return acumulus_tag_text(lk, tag, "invoice", "invoiceid",
				acumulus_tag_first(invoice, invoiceid), val, len);
		case ACU_TAG_INVOICENUMBER:
			return acumulus_tag_text(lk, tag, "invoice", "invoicenum",
				acumulus_tag_first(invoice, invoicenum), val, len);
		case ACU_TAG_INVOICEDATE:
			return acumulus_tag_text(lk, tag, "invoice", "date",
				acumulus_tag_find(invoice, TK(date)), val, len);
		case ACU_TAG_INVOICEDUE:
			return acumulus_tag_text(lk, tag, "invoice", "duedate",
				acumulus_tag_find(invoice, TK(duedate)), val, len);
		case ACU_TAG_INVOICENOTES:
			return acumulus_tag_text(lk, tag, "invoice", "notes",
				acumulus_tag_find(invoice, TK(notes)), val, len);
		case ACU_TAG_INVOICESTATUS:
			return acumulus_tag_text(lk, tag, "invoice", "status",
				acumulus_tag_find(invoice, TK(status)), val, len);
		case ACU_TAG_TAB:
		case ACU_TAG_COUNT_:
		default:
			return ACU_TAG_KEEP;
	}
	return acumulus_tag_text(lk, tag, "client", ZSTR_VAL(key), acumulus_tag_find(client, key), val, len);
}

/* "invoice 123, " when the invoice array names its id, for messages. */
static zend_string *acumulus_tag_invoice_prefix(HashTable *invoice)
{
	static const int ids[] = { ACUMULUS_TK_invoiceid, ACUMULUS_TK_id, -1 };
	zval *zv = acumulus_tag_first(invoice, ids);

	if (zv && Z_TYPE_P(zv) == IS_LONG) {
		return zend_strpprintf(0, "invoice " ZEND_LONG_FMT ", ", Z_LVAL_P(zv));
	}
	if (zv && Z_TYPE_P(zv) == IS_STRING) {
		return zend_strpprintf(0, "invoice %s, ", Z_STRVAL_P(zv));
	}
	return ZSTR_EMPTY_ALLOC();
}

zend_string *acumulus_tags_render(const char *what, const char *tpl, size_t len,
		const acumulus_tag_source *src, uint32_t flags, size_t max_len)
{
	acumulus_tag_lookup lk = { src, NULL, { 0 }, NULL };
	zend_string *result = NULL, *prefix;
	char storage[256];   /* most results fit: no allocation but the result */
	acu_buf out;
	acu_tags_status st;

	if (what == NULL) {
		what = "template";
	}
	acu_buf_init_lent(&out, storage, sizeof(storage), max_len);
	st = acu_tags_render(tpl, len, flags, acumulus_tag_lookup_cb, &lk, &out);
	if (lk.tmp) {
		zend_string_release(lk.tmp);
	}

	switch (st) {
		case ACU_TAGS_OK:
			result = zend_string_init(out.data, out.len, 0);
			break;
		case ACU_TAGS_E_LOOKUP:
			prefix = acumulus_tag_invoice_prefix(src->invoice);
			acumulus_throw(acumulus_ce_InvalidArgumentException, 0, "%s%s: %s",
				ZSTR_VAL(prefix), what, ZSTR_VAL(lk.error));
			zend_string_release(prefix);
			break;
		case ACU_TAGS_E_TOO_LONG:
			prefix = acumulus_tag_invoice_prefix(src->invoice);
			acumulus_throw(acumulus_ce_LengthException, 0,
				"%s%s: the text with its tags filled in is longer than the limit of %zu bytes",
				ZSTR_VAL(prefix), what, max_len);
			zend_string_release(prefix);
			break;
		case ACU_TAGS_E_FLAGS:
			zend_value_error("%s: unknown or conflicting tag flags", what);
			break;
		case ACU_TAGS_E_NOMEM:
		default:
			zend_throw_error(NULL, "%s: out of memory", what);
			break;
	}
	if (lk.error) {
		zend_string_release(lk.error);
	}
	acu_buf_free(&out);
	return result;
}

/* {{{ Acumulus\Tags: the PHP methods */

ZEND_METHOD(Acumulus_Tags, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

static bool acumulus_tags_check_flags(zend_long flags, uint32_t arg_num)
{
	if (flags < 0 || (flags & ~(zend_long) ACU_TAGS_ALL_FLAGS)) {
		zend_argument_value_error(arg_num, "must be a combination of the Acumulus\\Tags constants");
		return false;
	}
	if ((flags & ACU_TAGS_NEWLINES_ESCAPED) && (flags & ACU_TAGS_NEWLINES_TO_SPACE)) {
		zend_argument_value_error(arg_num, "cannot have both NEWLINES_ESCAPED and NEWLINES_TO_SPACE");
		return false;
	}
	if ((flags & ACU_TAGS_TABS_ESCAPED) && (flags & ACU_TAGS_TABS_TO_SPACE)) {
		zend_argument_value_error(arg_num, "cannot have both TABS_ESCAPED and TABS_TO_SPACE");
		return false;
	}
	return true;
}

ZEND_METHOD(Acumulus_Tags, render)
{
	zend_string *tpl, *result;
	HashTable *invoice = NULL, *client = NULL, *names = NULL;
	zend_long flags = 0, max_len = 0;
	bool max_len_null = true;
	acumulus_tag_source src;

	ZEND_PARSE_PARAMETERS_START(1, 6)
		Z_PARAM_STR(tpl)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(invoice)
		Z_PARAM_ARRAY_HT(client)
		Z_PARAM_LONG(flags)
		Z_PARAM_ARRAY_HT(names)
		Z_PARAM_LONG_OR_NULL(max_len, max_len_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!acumulus_tags_check_flags(flags, 4)) {
		RETURN_THROWS();
	}
	if (!max_len_null && max_len < 0) {
		zend_argument_value_error(6, "must be null or greater than or equal to 0");
		RETURN_THROWS();
	}

	src.invoice = invoice;
	src.client = client;
	src.field_names = names;
	result = acumulus_tags_render("template", ZSTR_VAL(tpl), ZSTR_LEN(tpl), &src, (uint32_t) flags,
		(size_t) (max_len_null ? ACUMULUS_G(tags_max_length) : max_len));
	if (result == NULL) {
		RETURN_THROWS();
	}
	RETURN_STR(result);
}

typedef struct acumulus_parse_ctx {
	zval *list;
	const char *tpl;
} acumulus_parse_ctx;

static void acumulus_tags_parse_visit(void *ctx, size_t offset, size_t len, const acu_tag *tag)
{
	acumulus_parse_ctx *pc = ctx;
	zval item;

	array_init_size(&item, 3);
	add_assoc_stringl_ex(&item, "tag", sizeof("tag") - 1, pc->tpl + offset, len);
	add_assoc_long_ex(&item, "offset", sizeof("offset") - 1, (zend_long) offset);
	add_assoc_bool_ex(&item, "known", sizeof("known") - 1, tag != NULL);
	add_next_index_zval(pc->list, &item);
}

ZEND_METHOD(Acumulus_Tags, parse)
{
	zend_string *tpl;
	zend_long flags = 0;
	acumulus_parse_ctx pc;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(tpl)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(flags)
	ZEND_PARSE_PARAMETERS_END();

	if (!acumulus_tags_check_flags(flags, 2)) {
		RETURN_THROWS();
	}
	array_init(return_value);
	pc.list = return_value;
	pc.tpl = ZSTR_VAL(tpl);
	acu_tags_scan(ZSTR_VAL(tpl), ZSTR_LEN(tpl), (uint32_t) flags, acumulus_tags_parse_visit, &pc);
}

/* }}} */
