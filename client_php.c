/*
 * Acumulus\Client: the Acumulus XML API from PHP (see client_php.h,
 * docs/client.md). Requests are PHP array trees written by xml.c, sent by
 * http.c; answers are parsed by xml.c and become an Acumulus\Result or one
 * of the CallException subclasses, whose typed properties say whether the
 * call may be retried and whether its outcome is unknown.
 *
 * Credentials live only in the C part of the object: no declared property
 * holds them, var_dump()/print_r() show them masked, clone and serialize are
 * refused, the request kept for logs has them masked, and the password is
 * blanked out of answers and messages before they reach PHP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <unistd.h>

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/standard/php_string.h"
#include "zend_smart_str.h"

#include <curl/curl.h>

#include "php_acumulus.h"
#include "exceptions.h"
#include "xml.h"
#include "http.h"
#include "client_php.h"

zend_class_entry *acumulus_ce_CallException;
zend_class_entry *acumulus_ce_TransportException;
zend_class_entry *acumulus_ce_TlsException;
zend_class_entry *acumulus_ce_HttpException;
zend_class_entry *acumulus_ce_ResponseException;
zend_class_entry *acumulus_ce_AuthenticationException;
zend_class_entry *acumulus_ce_ApiException;
zend_class_entry *acumulus_ce_Result;
zend_class_entry *acumulus_ce_Client;

static zend_object_handlers acumulus_client_handlers;

/* The request document may not pass this (the API takes 16 MB posted, and
 * the form encoding can triple it). */
#define ACUMULUS_MAX_REQUEST (4 * 1024 * 1024)
#define ACUMULUS_MASK "***"
#define ACUMULUS_MAX_CONCURRENCY 64

/* {{{ endpoints */

typedef struct acumulus_endpoint {
	const char *name;        /* "invoices/invoice_add" */
	const char *main_key;    /* the main element; "" for fields at the top */
	const char *list_child;  /* a child of the main element that is always a list */
	bool idempotent;         /* sending it twice does no harm */
} acumulus_endpoint;

static const acumulus_endpoint acumulus_endpoints[] = {
	{ "general/general_about", "general", NULL, true },
	{ "general/my_acumulus", "mydata", NULL, true },
	{ "invoices/invoice_add", "invoice", NULL, false },
	{ "invoices/invoice_paymentstatus_get", "invoice", NULL, true },
	{ "invoices/invoice_paymentstatus_set", "invoice", NULL, true },
	{ "invoices/invoice_mail", "invoice", NULL, false },
	{ "invoices/invoice_concept_info", "concept", "entryid", true },
	{ "entry/entry_info", "entry", NULL, true },
	{ "entry/entry_deletestatus_set", "entry", NULL, false },
	{ "entry/entry_update", "entry", NULL, false },
	{ "lookups/lookup_vatinfo", "vatinfo", "vat", true },
	{ "reports/report_threshold_eu_ecommerce", "", NULL, true },
	{ "picklists/picklist_accounts", "accounts", "account", true },
	{ "picklists/picklist_accounttypes", "accounttypes", "accounttype", true },
	{ "picklists/picklist_companytypes", "companytypes", "companytype", true },
	{ "picklists/picklist_contacttypes", "contacttypes", "contacttype", true },
	{ "picklists/picklist_costcenters", "costcenters", "costcenter", true },
	{ "picklists/picklist_costtypes", "costtypes", "costtype", true },
	{ "picklists/picklist_discountprofiles", "discountprofiles", "discountprofile", true },
	{ "picklists/picklist_invoicetemplates", "invoicetemplates", "invoicetemplate", true },
	{ "picklists/picklist_products", "products", "product", true },
	{ "picklists/picklist_vattypes", "vattypes", "vattype", true },
};

static const acumulus_endpoint *acumulus_endpoint_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(acumulus_endpoints) / sizeof(acumulus_endpoints[0]); i++) {
		if (strlen(acumulus_endpoints[i].name) == len && memcmp(acumulus_endpoints[i].name, name, len) == 0) {
			return &acumulus_endpoints[i];
		}
	}
	return NULL;
}

/* "group/call": lower-case letters, digits and '_', each part starting with a letter. */
static bool acumulus_endpoint_ok(const zend_string *s)
{
	const char *p = ZSTR_VAL(s);
	size_t len = ZSTR_LEN(s), i, slash = 0, seg = 0;

	if (len == 0 || len > 100) {
		return false;
	}
	for (i = 0; i < len; i++) {
		char c = p[i];

		if (c == '/') {
			if (seg == 0 || ++slash > 1) {
				return false;
			}
			seg = 0;
		} else if ((c >= 'a' && c <= 'z') || (seg > 0 && ((c >= '0' && c <= '9') || c == '_'))) {
			seg++;
		} else {
			return false;
		}
	}
	return slash == 1 && seg > 0;
}

/* }}} */

/* {{{ the client object */

#define ACUMULUS_NAME_SLOTS 128

typedef struct acumulus_client {
	zend_string *contract_code;      /* private copies, wiped when freed */
	zend_string *username;
	zend_string *password;
	zend_string *password_xml;       /* the password as escaped in XML, for scrubbing */
	zend_string *password_xml2;      /* the same with bare backslashes, as others escape it */
	zend_string *username_xml;       /* the user name as escaped in XML, if that differs */
	zend_string *application;        /* "WHMCS 8.13.1" */
	zend_string *email_on_error;     /* NULL: not sent */
	zend_string *email_on_warning;
	zend_string *api_url;            /* NULL: INI acumulus.api_url */
	zend_string *ca_file;            /* NULL: INI acumulus.cafile */
	zend_string *user_agent;
	/* The request up to the body (declaration, <myxml>, the basic submit),
	 * written on first use: the settings it holds never change. */
	zend_string *prefix_masked;      /* credentials masked: for logs and requestXml() */
	zend_string *prefix_form;        /* as sent, form-encoded after "xmlstring=": holds the credentials */
	size_t prefix_len;               /* bytes of the prefix as sent, before encoding */
	size_t last_len;                 /* bytes of the last request written, to size the next one */
	/* Interned keys found good as element names: a direct-mapped table of
	 * pointers (a miss checks again). An interned string lives, unchanged,
	 * until the end of the request at least, and so does no Client. */
	const zend_string *names[ACUMULUS_NAME_SLOTS];
	zend_long connect_timeout;       /* seconds; 0: INI */
	zend_long timeout;
	bool test_mode;
	bool ready;
	char lang[3];
	zend_object std;
} acumulus_client;

static inline acumulus_client *acumulus_client_from_obj(zend_object *obj)
{
	return (acumulus_client *) ((char *) obj - XtOffsetOf(acumulus_client, std));
}

#define Z_ACUMULUS_CLIENT_P(zv) acumulus_client_from_obj(Z_OBJ_P(zv))

static zend_object *acumulus_client_create(zend_class_entry *ce)
{
	acumulus_client *c = zend_object_alloc(sizeof(acumulus_client), ce);

	memset(c, 0, XtOffsetOf(acumulus_client, std));
	memcpy(c->lang, "en", 3);
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &acumulus_client_handlers;
	return &c->std;
}

/* A copy of s that nothing else shares, so it can be wiped. */
static zend_string *acumulus_secret_copy(const zend_string *s)
{
	return zend_string_init(ZSTR_VAL(s), ZSTR_LEN(s), 0);
}

static void acumulus_secret_free(zend_string **s)
{
	if (*s) {
		ZEND_SECURE_ZERO(ZSTR_VAL(*s), ZSTR_LEN(*s));
		zend_string_release(*s);
		*s = NULL;
	}
}

static void acumulus_str_free(zend_string **s)
{
	if (*s) {
		zend_string_release(*s);
		*s = NULL;
	}
}

static void acumulus_client_free(zend_object *obj)
{
	acumulus_client *c = acumulus_client_from_obj(obj);

	acumulus_secret_free(&c->contract_code);
	acumulus_secret_free(&c->username);
	acumulus_secret_free(&c->password);
	acumulus_secret_free(&c->password_xml);
	acumulus_secret_free(&c->password_xml2);
	acumulus_secret_free(&c->username_xml);
	acumulus_secret_free(&c->prefix_form);
	acumulus_str_free(&c->prefix_masked);
	acumulus_str_free(&c->application);
	acumulus_str_free(&c->email_on_error);
	acumulus_str_free(&c->email_on_warning);
	acumulus_str_free(&c->api_url);
	acumulus_str_free(&c->ca_file);
	acumulus_str_free(&c->user_agent);
	zend_object_std_dtor(obj);
}

static const char *acumulus_client_base_url(const acumulus_client *c, size_t *len)
{
	const char *u;
	size_t n;

	if (c->api_url) {
		*len = ZSTR_LEN(c->api_url);
		return ZSTR_VAL(c->api_url);
	}
	u = ACUMULUS_G(api_url) ? ACUMULUS_G(api_url) : "";
	n = strlen(u);
	while (n > 0 && u[n - 1] == '/') {
		n--;
	}
	*len = n;
	return u;
}

static const char *acumulus_client_ca_file(const acumulus_client *c)
{
	if (c->ca_file) {
		return ZSTR_VAL(c->ca_file);
	}
	return ACUMULUS_G(cafile) ? ACUMULUS_G(cafile) : "";
}

static zend_long acumulus_client_connect_timeout(const acumulus_client *c)
{
	return c->connect_timeout ? c->connect_timeout : ACUMULUS_G(connect_timeout);
}

static zend_long acumulus_client_timeout(const acumulus_client *c)
{
	return c->timeout ? c->timeout : ACUMULUS_G(timeout);
}

/* What var_dump(), print_r() and debug_zval_dump() show: the settings, with
 * contract code, user name and password masked. */
static HashTable *acumulus_client_debug_info(zend_object *obj, int *is_temp)
{
	acumulus_client *c = acumulus_client_from_obj(obj);
	HashTable *ht;
	zval zv;
	size_t len;
	const char *url;

	*is_temp = 1;
	ht = zend_new_array(12);
	if (!c->ready) {
		return ht;
	}
	ZVAL_STRINGL(&zv, ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);
	zend_hash_str_add_new(ht, "contractCode", sizeof("contractCode") - 1, &zv);
	ZVAL_STRINGL(&zv, ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);
	zend_hash_str_add_new(ht, "username", sizeof("username") - 1, &zv);
	ZVAL_STRINGL(&zv, ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);
	zend_hash_str_add_new(ht, "password", sizeof("password") - 1, &zv);
	ZVAL_STR_COPY(&zv, c->application);
	zend_hash_str_add_new(ht, "application", sizeof("application") - 1, &zv);
	url = acumulus_client_base_url(c, &len);
	ZVAL_STRINGL(&zv, url, len);
	zend_hash_str_add_new(ht, "apiUrl", sizeof("apiUrl") - 1, &zv);
	ZVAL_STRING(&zv, acumulus_client_ca_file(c));
	zend_hash_str_add_new(ht, "caFile", sizeof("caFile") - 1, &zv);
	ZVAL_BOOL(&zv, c->test_mode);
	zend_hash_str_add_new(ht, "testMode", sizeof("testMode") - 1, &zv);
	ZVAL_STRING(&zv, c->lang);
	zend_hash_str_add_new(ht, "lang", sizeof("lang") - 1, &zv);
	if (c->email_on_error) {
		ZVAL_STR_COPY(&zv, c->email_on_error);
	} else {
		ZVAL_NULL(&zv);
	}
	zend_hash_str_add_new(ht, "emailOnError", sizeof("emailOnError") - 1, &zv);
	if (c->email_on_warning) {
		ZVAL_STR_COPY(&zv, c->email_on_warning);
	} else {
		ZVAL_NULL(&zv);
	}
	zend_hash_str_add_new(ht, "emailOnWarning", sizeof("emailOnWarning") - 1, &zv);
	ZVAL_LONG(&zv, acumulus_client_connect_timeout(c));
	zend_hash_str_add_new(ht, "connectTimeout", sizeof("connectTimeout") - 1, &zv);
	ZVAL_LONG(&zv, acumulus_client_timeout(c));
	zend_hash_str_add_new(ht, "timeout", sizeof("timeout") - 1, &zv);
	return ht;
}

/* Replaces every whole-word occurrence of w (not inside a run of letters,
 * digits or '_') in s with the mask; s is taken, the result returned. */
static zend_string *acumulus_mask_word(zend_string *s, const char *w, size_t wl)
{
	const char *p = ZSTR_VAL(s), *end = p + ZSTR_LEN(s), *hit, *from = p;
	smart_str out = {0};
	bool changed = false;

#define ACU_WORDCH(ch) (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z') || ((ch) >= '0' && (ch) <= '9') || (ch) == '_')
	if (wl == 0) {
		return s;
	}
	while ((hit = zend_memnstr(p, w, wl, end)) != NULL) {
		if ((hit == ZSTR_VAL(s) || !ACU_WORDCH(hit[-1])) && (hit + wl == end || !ACU_WORDCH(hit[wl]))) {
			smart_str_appendl(&out, from, (size_t) (hit - from));
			smart_str_appendl(&out, ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);
			from = hit + wl;
			changed = true;
		}
		p = hit + wl;
	}
#undef ACU_WORDCH
	if (!changed) {
		return s;
	}
	smart_str_appendl(&out, from, (size_t) (end - from));
	zend_string_release(s);
	return smart_str_extract(&out);
}

static zend_string *acumulus_mask_all(zend_string *s, const zend_string *w)
{
	if (w && ZSTR_LEN(w) <= ZSTR_LEN(s)
			&& zend_memnstr(ZSTR_VAL(s), ZSTR_VAL(w), ZSTR_LEN(w), ZSTR_VAL(s) + ZSTR_LEN(s))) {
		zend_string *t = php_str_to_str(ZSTR_VAL(s), ZSTR_LEN(s), ZSTR_VAL(w), ZSTR_LEN(w),
			ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);

		zend_string_release(s);
		return t;
	}
	return s;
}

/* Text for people and logs (raw answers, messages): the password is blanked
 * wherever it occurs, as typed and as escaped in XML (ours, or with bare
 * backslashes), and the contract code and user name where they stand as a
 * whole word. Credentials shorter than 4 bytes are not hunted (that would
 * garble the text). s is taken; the result is returned. */
static zend_string *acumulus_scrub(const acumulus_client *c, zend_string *s)
{
	if (c == NULL || c->password == NULL) {
		return s;
	}
	if (ZSTR_LEN(c->password) >= 4) {
		s = acumulus_mask_all(s, c->password);
		s = acumulus_mask_all(s, c->password_xml);
		s = acumulus_mask_all(s, c->password_xml2);
	}
	if (ZSTR_LEN(c->contract_code) >= 4) {
		s = acumulus_mask_word(s, ZSTR_VAL(c->contract_code), ZSTR_LEN(c->contract_code));
	}
	if (ZSTR_LEN(c->username) >= 4) {
		s = acumulus_mask_word(s, ZSTR_VAL(c->username), ZSTR_LEN(c->username));
		if (c->username_xml) {
			s = acumulus_mask_word(s, ZSTR_VAL(c->username_xml), ZSTR_LEN(c->username_xml));
		}
	}
	return s;
}

/* A parsed value, which callers use as data: masked when it is a credential,
 * and the password blanked inside it when the password has 8 bytes or more
 * (shorter ones could be part of real data such as an invoice number). */
static zend_string *acumulus_scrub_value(const acumulus_client *c, zend_string *s)
{
	if (c == NULL || c->password == NULL || ZSTR_LEN(s) == 0) {
		return s;
	}
	if (zend_string_equals(s, c->password) || zend_string_equals(s, c->contract_code)
			|| zend_string_equals(s, c->username)) {
		zend_string_release(s);
		return zend_string_init(ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1, 0);
	}
	if (ZSTR_LEN(c->password) >= 8) {
		s = acumulus_mask_all(s, c->password);
	}
	return s;
}

/* }}} */

/* {{{ cached property names */

enum {
	P_ENDPOINT, P_OUTCOME_UNKNOWN, P_RETRYABLE, P_REQUEST, P_RESPONSE,
	P_SENT, P_CURL_CODE, P_HTTP_STATUS, P_RETRY_AFTER, P_LOCATION,
	P_RESULT, P_ERRORS, P_WARNINGS, P_STATUS, P_NOT_FOUND,
	P_MAIN_KEY, P_MAIN, P_DATA, P_TEST_MODE, P_ELAPSED_US,
	P_COUNT_
};

static const char *const acumulus_prop_names[P_COUNT_] = {
	"endpoint", "outcomeUnknown", "retryable", "request", "response",
	"sent", "curlCode", "httpStatus", "retryAfter", "location",
	"result", "errors", "warnings", "status", "notFound",
	"mainKey", "main", "data", "testMode", "elapsedUs",
};

static zend_string *acumulus_prop_str[P_COUNT_];

/* Initialises a readonly property (scope: the class that declares it) and
 * releases v. */
static void acumulus_prop(zend_object *obj, zend_class_entry *scope, int prop, zval *v)
{
	zend_update_property_ex(scope, obj, acumulus_prop_str[prop], v);
	zval_ptr_dtor(v);
}

static void acumulus_prop_bool(zend_object *obj, zend_class_entry *scope, int prop, bool b)
{
	zval v;

	ZVAL_BOOL(&v, b);
	acumulus_prop(obj, scope, prop, &v);
}

static void acumulus_prop_long(zend_object *obj, zend_class_entry *scope, int prop, zend_long l)
{
	zval v;

	ZVAL_LONG(&v, l);
	acumulus_prop(obj, scope, prop, &v);
}

static void acumulus_prop_str_(zend_object *obj, zend_class_entry *scope, int prop, zend_string *s)
{
	zval v;

	ZVAL_STR_COPY(&v, s);
	acumulus_prop(obj, scope, prop, &v);
}

/* }}} */

/* {{{ the request */

static zend_string *acumulus_path_msg(const acu_xml_writer *w, const char *name, size_t len, long index,
		const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 5, 6) ZEND_COLD;

/* "Acumulus request: customer/invoice/line[2]/unitprice: <what>" for a
 * refusal of ours at element name (index: position in a list, or -1). */
static zend_string *acumulus_path_msg(const acu_xml_writer *w, const char *name, size_t len, long index,
		const char *fmt, ...)
{
	smart_str s = {0};
	va_list ap;
	const char *path = acu_xml_writer_path(w);
	size_t i;

	smart_str_appends(&s, "Acumulus request: ");
	/* the path without the root element */
	if (strncmp(path, "myxml/", 6) == 0) {
		smart_str_appends(&s, path + 6);
		smart_str_appendc(&s, '/');
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char) name[i];

		smart_str_appendc(&s, (c >= 0x20 && c < 0x7f) ? (char) c : '?');
	}
	if (index >= 0) {
		smart_str_append_printf(&s, "[%ld]", index + 1);
	}
	smart_str_appends(&s, ": ");
	va_start(ap, fmt);
	{
		zend_string *m = zend_vstrpprintf(0, fmt, ap);

		smart_str_append(&s, m);
		zend_string_release(m);
	}
	va_end(ap);
	return smart_str_extract(&s);
}

/* The message for a refusal of the writer itself. */
ZEND_COLD static zend_string *acumulus_writer_msg(const acu_xml_writer *w)
{
	smart_str s = {0};
	const char *path = acu_xml_writer_path(w);

	smart_str_appends(&s, "Acumulus request: ");
	smart_str_appends(&s, strncmp(path, "myxml/", 6) == 0 ? path + 6 : path);
	smart_str_appends(&s, ": ");
	smart_str_appends(&s, acu_xml_werr_text(w->err.code));
	switch (w->err.code) {
		case ACU_XML_W_UTF8:
			smart_str_append_printf(&s, " at byte %zu", w->err.offset);
			break;
		case ACU_XML_W_CONTROL:
		case ACU_XML_W_NONCHAR:
			smart_str_append_printf(&s, " (U+%04X) at byte %zu", (unsigned) w->err.codepoint, w->err.offset);
			break;
		default:
			break;
	}
	return smart_str_extract(&s);
}

typedef struct acumulus_wctx {
	acu_xml_writer *w;
	zend_string **msg;
	const zend_string **names;   /* the client's names[] */
} acumulus_wctx;

/* Whether a key is a good element name. Interned keys (the mapper's, and
 * literals in PHP code) are checked once per client: see names[]. */
static bool acumulus_name_checked(acumulus_wctx *x, const zend_string *k)
{
	/* two ways per set, the set by the hash an interned string has */
	const zend_string **set = x->names + (ZSTR_H(k) % (ACUMULUS_NAME_SLOTS / 2)) * 2;

	if (ZSTR_IS_INTERNED(k) && (set[0] == k || set[1] == k)) {
		return true;
	}
	if (!acu_xml_name_ok(ZSTR_VAL(k), ZSTR_LEN(k))) {
		return false;
	}
	if (ZSTR_IS_INTERNED(k)) {
		set[1] = set[0];
		set[0] = k;
	}
	return true;
}

static bool acumulus_write_map(acumulus_wctx *x, HashTable *ht, bool top);

/* name: the element name; ok: it passed acu_xml_name_ok (else the writer
 * checks it, and refuses it) */
static bool acumulus_write_value(acumulus_wctx *x, const char *name, size_t len, bool ok, long index, zval *v)
{
	acu_xml_writer *w = x->w;
	char num[MAX_LENGTH_OF_LONG + 1];
	const char *t;
	size_t tl;

	ZVAL_DEREF(v);
	switch (Z_TYPE_P(v)) {
		case IS_NULL:
			return true;   /* omitted */
		case IS_STRING:
			t = Z_STRVAL_P(v);
			tl = Z_STRLEN_P(v);
			break;
		case IS_LONG:
			/* digits and a minus: no locale can change this */
			t = zend_print_long_to_buf(num + sizeof(num) - 1, Z_LVAL_P(v));
			tl = (size_t) (num + sizeof(num) - 1 - t);
			break;
		case IS_TRUE:
			t = "1";
			tl = 1;
			break;
		case IS_FALSE:
			t = "0";
			tl = 1;
			break;
		case IS_DOUBLE:
			*x->msg = acumulus_path_msg(w, name, len, index,
				"a float; amounts, quantities and rates go as decimal strings with a point (\"12.1000\")");
			return false;
		case IS_ARRAY: {
			HashTable *ht = Z_ARRVAL_P(v);
			zval *item;
			long i = 0;

			if (zend_hash_num_elements(ht) == 0) {
				return true;   /* nothing to write */
			}
			if (zend_array_is_list(ht)) {
				if (index >= 0) {
					*x->msg = acumulus_path_msg(w, name, len, index, "a list inside a list; an item must be a value or an array of fields");
					return false;
				}
				ZEND_HASH_FOREACH_VAL(ht, item) {
					if (!acumulus_write_value(x, name, len, ok, i++, item)) {
						return false;
					}
				} ZEND_HASH_FOREACH_END();
				return true;
			}
			if (!(ok ? acu_xml_open_checked(w, name, len, index) : acu_xml_open(w, name, len, index))) {
				*x->msg = acumulus_writer_msg(w);
				return false;
			}
			return acumulus_write_map(x, ht, false)
				&& (acu_xml_close(w) || (*x->msg = acumulus_writer_msg(w), false));
		}
		case IS_OBJECT:
			*x->msg = acumulus_path_msg(w, name, len, index, "an object of class %s; expected a string, an int, a bool, null or an array",
				ZSTR_VAL(Z_OBJCE_P(v)->name));
			return false;
		default:
			*x->msg = acumulus_path_msg(w, name, len, index, "a %s; expected a string, an int, a bool, null or an array",
				zend_zval_type_name(v));
			return false;
	}
	if (!(ok ? acu_xml_leaf_checked(w, name, len, index, t, tl) : acu_xml_leaf(w, name, len, index, t, tl))) {
		*x->msg = acumulus_writer_msg(w);
		return false;
	}
	return true;
}

/* The basic submit that the client writes itself. */
static bool acumulus_reserved_key(const zend_string *k)
{
	return zend_string_equals_literal(k, "contract") || zend_string_equals_literal(k, "format")
		|| zend_string_equals_literal(k, "testmode") || zend_string_equals_literal(k, "lang")
		|| zend_string_equals_literal(k, "connector");
}

static bool acumulus_write_map(acumulus_wctx *x, HashTable *ht, bool top)
{
	zend_string *key;
	zend_ulong idx;
	zval *v;

	if (ht == NULL) {
		return true;
	}
	ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, v) {
		bool ok;

		if (key == NULL) {
			char num[32];
			int n = snprintf(num, sizeof(num), "%lu", (unsigned long) idx);

			*x->msg = acumulus_path_msg(x->w, num, (size_t) n, -1,
				"an integer key where an element name belongs; repeated elements are a list under one name");
			return false;
		}
		if (top && acumulus_reserved_key(key)) {
			*x->msg = acumulus_path_msg(x->w, ZSTR_VAL(key), ZSTR_LEN(key), -1,
				"set by the client itself (contract, format, testmode, lang, connector)");
			return false;
		}
		ok = acumulus_name_checked(x, key);
		ZVAL_DEREF(v);
		/* the common leaves here, the rest (and every refusal) in write_value */
		if (EXPECTED(ok && Z_TYPE_P(v) == IS_STRING)) {
			if (!acu_xml_leaf_plain(x->w, ZSTR_VAL(key), ZSTR_LEN(key), Z_STRVAL_P(v), Z_STRLEN_P(v))
					&& !acu_xml_leaf_checked(x->w, ZSTR_VAL(key), ZSTR_LEN(key), -1, Z_STRVAL_P(v), Z_STRLEN_P(v))) {
				*x->msg = acumulus_writer_msg(x->w);
				return false;
			}
		} else if (!acumulus_write_value(x, ZSTR_VAL(key), ZSTR_LEN(key), ok, -1, v)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

#define ACU_LEAF(w, name, s, len) acu_xml_leaf((w), name, sizeof(name) - 1, -1, (s), (len))
#define ACU_LEAF_STR(w, name, zs) ACU_LEAF(w, name, ZSTR_VAL(zs), ZSTR_LEN(zs))

static bool acumulus_write_contract(acu_xml_writer *w, const acumulus_client *c, bool masked)
{
	bool ok = acu_xml_open(w, "contract", sizeof("contract") - 1, -1);

	if (masked) {
		ok = ok && ACU_LEAF(w, "contractcode", ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1)
			&& ACU_LEAF(w, "username", ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1)
			&& ACU_LEAF(w, "password", ACUMULUS_MASK, sizeof(ACUMULUS_MASK) - 1);
	} else {
		ok = ok && ACU_LEAF_STR(w, "contractcode", c->contract_code)
			&& ACU_LEAF_STR(w, "username", c->username)
			&& ACU_LEAF_STR(w, "password", c->password);
	}
	if (c->email_on_error) {
		ok = ok && ACU_LEAF_STR(w, "emailonerror", c->email_on_error);
	}
	if (c->email_on_warning) {
		ok = ok && ACU_LEAF_STR(w, "emailonwarning", c->email_on_warning);
	}
	return ok && acu_xml_close(w);
}

/* The request up to the body, written once per client (see
 * acumulus_client): the declaration, <myxml> and the basic submit, as sent
 * (kept form-encoded, for the POST body) and with the contract masked (for
 * logs and requestXml()). Returns NULL, or the message of the writer's
 * refusal (then nothing is kept, and every request fails the same way). */
static zend_string *acumulus_prefix(acumulus_client *c)
{
	acu_xml_writer w, m;
	size_t cstart, cend;
	zend_string *msg = NULL, *masked;
	acu_buf form;
	bool ok;

	if (c->prefix_masked != NULL) {
		return NULL;
	}
	acu_xml_writer_init(&w, ACUMULUS_MAX_REQUEST);
	acu_xml_writer_init(&m, SIZE_MAX);
	acu_buf_init(&form, SIZE_MAX);

	ok = acu_xml_decl(&w) && acu_xml_open(&w, "myxml", 5, -1);
	cstart = w.out.len;
	ok = ok && acumulus_write_contract(&w, c, false);
	cend = w.out.len;
	ok = ok && ACU_LEAF(&w, "format", "xml", 3)
		&& ACU_LEAF(&w, "testmode", c->test_mode ? "1" : "0", 1)
		&& ACU_LEAF(&w, "lang", c->lang, 2)
		&& acu_xml_open(&w, "connector", sizeof("connector") - 1, -1)
		&& ACU_LEAF_STR(&w, "application", c->application)
		&& ACU_LEAF(&w, "webkoppel", "Acumulus for WHMCS " PHP_ACUMULUS_VERSION,
			sizeof("Acumulus for WHMCS " PHP_ACUMULUS_VERSION) - 1)
		&& ACU_LEAF(&w, "development", "Acumulus for WHMCS project", sizeof("Acumulus for WHMCS project") - 1)
		&& ACU_LEAF(&w, "remark", "PHP " PHP_VERSION, sizeof("PHP " PHP_VERSION) - 1)
		&& acu_xml_close(&w);
	if (!ok) {
		msg = acumulus_writer_msg(&w);
		goto cleanup;
	}
	if (!acumulus_write_contract(&m, c, true)) {
		msg = acumulus_writer_msg(&m);
		goto cleanup;
	}
	if (acu_buf_append(&form, "xmlstring=", sizeof("xmlstring=") - 1) != ACU_BUF_OK
			|| acu_http_form_encode(&form, w.out.data, w.out.len) != ACU_BUF_OK) {
		msg = zend_string_init("Acumulus request: out of memory", sizeof("Acumulus request: out of memory") - 1, 0);
		goto cleanup;
	}
	masked = zend_string_alloc(cstart + m.out.len + (w.out.len - cend), 0);
	memcpy(ZSTR_VAL(masked), w.out.data, cstart);
	memcpy(ZSTR_VAL(masked) + cstart, m.out.data, m.out.len);
	memcpy(ZSTR_VAL(masked) + cstart + m.out.len, w.out.data + cend, w.out.len - cend);
	ZSTR_VAL(masked)[ZSTR_LEN(masked)] = '\0';
	c->prefix_masked = masked;
	c->prefix_form = zend_string_init(form.data, form.len, 0);
	c->prefix_len = w.out.len;

cleanup:
	/* these held the password */
	if (w.out.data) {
		ZEND_SECURE_ZERO(w.out.data, w.out.cap);
	}
	if (form.data) {
		ZEND_SECURE_ZERO(form.data, form.cap);
	}
	acu_buf_free(&form);
	acu_xml_writer_free(&w);
	acu_xml_writer_free(&m);
	return msg;
}

/* Writes the request for body: the prefix of the client, the body, </myxml>.
 * On success *masked is the document with the contract masked (for logs and
 * requestXml()) and, when form is not NULL, *form the POST body: "xmlstring="
 * and the document as sent, form-encoded. On failure returns a message (for
 * an Acumulus\InvalidArgumentException) and sets neither.
 *
 * The body is written once, behind the masked prefix; the size limit is
 * that of the document as sent, whose prefix has the real credentials. The
 * buffer never holds a credential. */
static zend_string *acumulus_build(acumulus_client *c, HashTable *body, zend_string **masked, zend_string **form)
{
	acu_xml_writer w;
	acumulus_wctx x;
	size_t pm;
	zend_string *msg;
	acu_buf f;

	*masked = NULL;
	if (form) {
		*form = NULL;
	}
	if ((msg = acumulus_prefix(c)) != NULL) {
		return msg;
	}
	pm = ZSTR_LEN(c->prefix_masked);
	acu_xml_writer_init(&w, ACUMULUS_MAX_REQUEST - c->prefix_len + pm);
	acu_xml_writer_reserve(&w, (c->last_len > pm ? c->last_len : pm + 1024) + 256);
	if (!acu_xml_raw(&w, ZSTR_VAL(c->prefix_masked), pm) || !acu_xml_enter(&w, "myxml", 5)) {
		msg = acumulus_writer_msg(&w);
		goto cleanup;
	}
	x.w = &w;
	x.msg = &msg;
	x.names = c->names;
	if (!acumulus_write_map(&x, body, true)) {
		goto cleanup;
	}
	if (!acu_xml_close(&w)) {
		msg = acumulus_writer_msg(&w);
		goto cleanup;
	}
	c->last_len = w.out.len;
	*masked = zend_string_init(w.out.data, w.out.len, 0);
	if (form) {
		acu_buf_init(&f, SIZE_MAX);
		if (acu_buf_append(&f, ZSTR_VAL(c->prefix_form), ZSTR_LEN(c->prefix_form)) != ACU_BUF_OK
				|| acu_http_form_encode(&f, w.out.data + pm, w.out.len - pm) != ACU_BUF_OK) {
			msg = zend_string_init("Acumulus request: out of memory", sizeof("Acumulus request: out of memory") - 1, 0);
			zend_string_release(*masked);
			*masked = NULL;
		} else {
			*form = zend_string_init(f.data, f.len, 0);
		}
		/* it held the password */
		if (f.data) {
			ZEND_SECURE_ZERO(f.data, f.cap);
		}
		acu_buf_free(&f);
	}

cleanup:
	acu_xml_writer_free(&w);
	return msg;
}

/* }}} */

/* {{{ the answer */

/* Adds v (taken) under name to ht: a name seen again turns into a list;
 * names in *lists are lists from the first one. */
static void acumulus_group_add(HashTable *ht, HashTable **lists, const char *name, size_t len, zval *v)
{
	zval *ex = zend_hash_str_find(ht, name, len);
	zval arr;

	if (ex == NULL) {
		if (*lists && zend_hash_str_exists(*lists, name, len)) {
			array_init(&arr);
			add_next_index_zval(&arr, v);
			zend_hash_str_add_new(ht, name, len, &arr);
		} else {
			zend_hash_str_add_new(ht, name, len, v);
		}
		return;
	}
	if (*lists == NULL || !zend_hash_str_exists(*lists, name, len)) {
		zval tmp;

		array_init(&arr);
		ZVAL_COPY_VALUE(&tmp, ex);
		add_next_index_zval(&arr, &tmp);
		ZVAL_COPY_VALUE(ex, &arr);
		if (*lists == NULL) {
			ALLOC_HASHTABLE(*lists);
			zend_hash_init(*lists, 4, NULL, NULL, 0);
		}
		zend_hash_str_add_empty_element(*lists, name, len);
	}
	add_next_index_zval(ex, v);
}

static void acumulus_lists_free(HashTable *lists)
{
	if (lists) {
		zend_hash_destroy(lists);
		FREE_HASHTABLE(lists);
	}
}

/* An element as PHP: a leaf is its text; an element with children an array
 * keyed by child name, a repeated name a list. force_list names a child
 * that is a list even once or not at all. */
static void acumulus_node_zval(const acumulus_client *cl, const acu_xml_node *n, zval *out, const char *force_list)
{
	const acu_xml_node *c;
	HashTable *lists = NULL;

	if (n->first == NULL && force_list == NULL) {
		ZVAL_STR(out, acumulus_scrub_value(cl, zend_string_init(n->text, n->text_len, 0)));
		return;
	}
	array_init_size(out, (uint32_t) n->nchildren);
	if (force_list) {
		ALLOC_HASHTABLE(lists);
		zend_hash_init(lists, 4, NULL, NULL, 0);
		zend_hash_str_add_empty_element(lists, force_list, strlen(force_list));
	}
	for (c = n->first; c; c = c->next) {
		zval v;

		if (force_list && c->first == NULL && c->text_len == 0 && strcmp(c->name, force_list) == 0) {
			continue;   /* <entryid/>: an empty element is no item (ref. §2.2) */
		}
		acumulus_node_zval(cl, c, &v, NULL);
		acumulus_group_add(Z_ARRVAL_P(out), &lists, c->name, c->name_len, &v);
	}
	if (force_list && !zend_hash_str_exists(Z_ARRVAL_P(out), force_list, strlen(force_list))) {
		zval empty;

		array_init(&empty);
		zend_hash_str_add_new(Z_ARRVAL_P(out), force_list, strlen(force_list), &empty);
	}
	acumulus_lists_free(lists);
}

/* The <error>s of <errors> (or <warning>s of <warnings>) as a list of
 * ['code' => ..., 'codetag' => ..., 'message' => ...]: always a list. */
static void acumulus_message_field(const acumulus_client *cl, zval *m, const char *key, const char *t, size_t len)
{
	add_assoc_str_ex(m, key, strlen(key), acumulus_scrub(cl, zend_string_init(t, len, 0)));
}

static void acumulus_messages(const acumulus_client *cl, const acu_xml_node *box, const char *item, zval *out)
{
	const acu_xml_node *c;
	size_t item_len = strlen(item);

	array_init(out);
	if (box == NULL) {
		return;
	}
	for (c = box->first; c; c = c->next) {
		zval m;
		const char *t;
		size_t len;

		if (c->name_len != item_len || memcmp(c->name, item, item_len) != 0) {
			continue;
		}
		array_init_size(&m, 3);
		t = acu_xml_child_text(c, "code", &len);
		acumulus_message_field(cl, &m, "code", t, len);
		t = acu_xml_child_text(c, "codetag", &len);
		acumulus_message_field(cl, &m, "codetag", t, len);
		if (c->first == NULL) {
			/* a bare <error>text</error> */
			acumulus_message_field(cl, &m, "message", c->text, c->text_len);
		} else {
			t = acu_xml_child_text(c, "message", &len);
			acumulus_message_field(cl, &m, "message", t, len);
		}
		add_next_index_zval(out, &m);
	}
}

/* Codetags that mean "the thing asked for does not exist" (ref. §2.3, §2.4). */
static bool acumulus_not_found_tag(const char *t, size_t len)
{
	static const char *const tags[] = {
		"BK07TG65N", "7CFBA8K", "AAB6C3AA", "FGY040XX", "XGYBSN000", "XGYTTNF04",
		"FGYBSN040", "P2XFELO12", "TNFE4035G", "AA69CBAA", NULL
	};
	const char *const *p;

	for (p = tags; *p; p++) {
		if (strlen(*p) == len && memcmp(*p, t, len) == 0) {
			return true;
		}
	}
	return false;
}

/* }}} */

/* {{{ one call */

typedef struct acumulus_call {
	acumulus_client *client;         /* NULL for parseResponse() */
	zend_string *endpoint;
	const acumulus_endpoint *ep;     /* NULL: not in the table */
	zend_string *url;
	zend_string *masked;             /* the request for logs; "" if none */
	zend_string *form;               /* the POST body */
	bool test_mode;
	acu_http_xfer x;
	zval outcome;                    /* Result or exception object; UNDEF before */
} acumulus_call;

static void acumulus_call_init(acumulus_call *call, acumulus_client *c, zend_string *endpoint)
{
	memset(call, 0, sizeof(*call));
	call->client = c;
	call->endpoint = zend_string_copy(endpoint);
	call->ep = acumulus_endpoint_find(ZSTR_VAL(endpoint), ZSTR_LEN(endpoint));
	call->masked = ZSTR_EMPTY_ALLOC();
	call->test_mode = c ? c->test_mode : false;
	acu_http_init(&call->x, NULL, NULL, 0, false, 0);
	ZVAL_UNDEF(&call->outcome);
}

static void acumulus_call_free(acumulus_call *call)
{
	acumulus_str_free(&call->endpoint);
	acumulus_str_free(&call->url);
	acumulus_str_free(&call->masked);
	if (call->form) {
		ZEND_SECURE_ZERO(ZSTR_VAL(call->form), ZSTR_LEN(call->form));
		acumulus_str_free(&call->form);
	}
	acu_http_free(&call->x);
	zval_ptr_dtor(&call->outcome);
	ZVAL_UNDEF(&call->outcome);
}

/* Builds the request and the transfer. Returns NULL or a message. */
static zend_string *acumulus_call_prepare(acumulus_call *call, HashTable *body)
{
	acumulus_client *c = call->client;
	zend_string *masked = NULL, *form = NULL, *msg;
	const char *base;
	size_t base_len;

	msg = acumulus_build(c, body, &masked, &form);
	if (msg) {
		return msg;
	}
	zend_string_release(call->masked);
	call->masked = masked;
	call->form = form;

	base = acumulus_client_base_url(c, &base_len);
	call->url = zend_strpprintf(0, "%.*s/%s.php", (int) base_len, base, ZSTR_VAL(call->endpoint));
	acu_http_init(&call->x, ZSTR_VAL(call->url), ZSTR_VAL(call->form), ZSTR_LEN(call->form),
		call->ep ? call->ep->idempotent : false, (size_t) ACUMULUS_G(max_response_size));
	return NULL;
}

/* A CallException subclass object in out, with the common properties set.
 * msg and raw are taken (raw may be NULL: no answer). */
static zend_object *acumulus_exc_new(zval *out, zend_class_entry *ce, zend_long code, zend_string *msg,
		const acumulus_call *call, zend_string *raw, bool outcome_unknown, bool retryable)
{
	zend_object *obj;
	zval v;

	object_init_ex(out, ce);
	obj = Z_OBJ_P(out);
	msg = acumulus_scrub(call->client, msg);
	ZVAL_STR(&v, msg);
	zend_update_property_ex(zend_ce_exception, obj, ZSTR_KNOWN(ZEND_STR_MESSAGE), &v);
	zval_ptr_dtor(&v);
	ZVAL_LONG(&v, code);
	zend_update_property_ex(zend_ce_exception, obj, ZSTR_KNOWN(ZEND_STR_CODE), &v);

	acumulus_prop_str_(obj, acumulus_ce_CallException, P_ENDPOINT, call->endpoint);
	acumulus_prop_bool(obj, acumulus_ce_CallException, P_OUTCOME_UNKNOWN, outcome_unknown);
	acumulus_prop_bool(obj, acumulus_ce_CallException, P_RETRYABLE, retryable);
	acumulus_prop_str_(obj, acumulus_ce_CallException, P_REQUEST, call->masked);
	if (raw) {
		ZVAL_STR(&v, raw);
	} else {
		ZVAL_EMPTY_STRING(&v);
	}
	acumulus_prop(obj, acumulus_ce_CallException, P_RESPONSE, &v);
	return obj;
}

/* "[403 Forbidden AF1001MCS] message; [...] ..." for a message list. */
static void acumulus_append_messages(smart_str *s, zval *list)
{
	zval *m;
	bool first = true;

	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), m) {
		zval *code = zend_hash_str_find(Z_ARRVAL_P(m), "code", 4);
		zval *tag = zend_hash_str_find(Z_ARRVAL_P(m), "codetag", 7);
		zval *text = zend_hash_str_find(Z_ARRVAL_P(m), "message", 7);

		smart_str_appends(s, first ? ": [" : "; [");
		first = false;
		smart_str_append(s, Z_STR_P(code));
		if (Z_STRLEN_P(code) && Z_STRLEN_P(tag)) {
			smart_str_appendc(s, ' ');
		}
		smart_str_append(s, Z_STR_P(tag));
		smart_str_appends(s, "] ");
		smart_str_append(s, Z_STR_P(text));
	} ZEND_HASH_FOREACH_END();
}

/* An answer (HTTP status, content type, body) as the outcome of call. raw is taken. */
static void acumulus_answer(acumulus_call *call, long http, const char *content_type, long retry_after,
		const char *location, zend_string *raw)
{
	acu_xml_limits lim = acu_xml_default_limits;
	acu_response r;
	acu_resp_kind kind;
	const char *ep = ZSTR_VAL(call->endpoint);
	zval *out = &call->outcome;
	smart_str s = {0};

	lim.max_bytes = (size_t) ACUMULUS_G(max_response_size);
	kind = acu_response_parse(ZSTR_VAL(raw), ZSTR_LEN(raw), &lim, &r);

	if (kind == ACU_RESP_OK) {
		zval result, errors, warnings, data, main, v;
		zend_object *obj;
		const acu_xml_node *c;
		const char *main_key = call->ep ? call->ep->main_key : NULL;
		const char *list_child = call->ep ? call->ep->list_child : NULL;
		HashTable *lists = NULL;
		bool auth = (http == 403), not_found = (http == 404);
		zval *m;

		raw = acumulus_scrub(call->client, raw);
		acumulus_messages(call->client, r.errors, "error", &errors);
		acumulus_messages(call->client, r.warnings, "warning", &warnings);
		array_init(&data);
		for (c = r.doc.root->first; c; c = c->next) {
			bool is_main = main_key && main_key[0] && strcmp(c->name, main_key) == 0;

			if (strcmp(c->name, "status") == 0 || strcmp(c->name, "errors") == 0 || strcmp(c->name, "warnings") == 0) {
				continue;
			}
			acumulus_node_zval(call->client, c, &v, is_main ? list_child : NULL);
			acumulus_group_add(Z_ARRVAL(data), &lists, c->name, c->name_len, &v);
		}
		acumulus_lists_free(lists);
		if (main_key == NULL) {
			array_init(&main);
		} else if (main_key[0] == '\0') {
			ZVAL_COPY(&main, &data);
		} else {
			zval *mz = zend_hash_str_find(Z_ARRVAL(data), main_key, strlen(main_key));

			if (mz && Z_TYPE_P(mz) == IS_ARRAY) {
				ZVAL_COPY(&main, mz);
			} else {
				array_init(&main);
				if (list_child) {
					zval empty;

					array_init(&empty);
					add_assoc_zval(&main, list_child, &empty);
				}
			}
		}

		object_init_ex(&result, acumulus_ce_Result);
		obj = Z_OBJ(result);
		acumulus_prop_str_(obj, acumulus_ce_Result, P_ENDPOINT, call->endpoint);
		acumulus_prop_long(obj, acumulus_ce_Result, P_STATUS, r.status);
		acumulus_prop_long(obj, acumulus_ce_Result, P_HTTP_STATUS, http);
		ZVAL_COPY(&v, &errors);
		acumulus_prop(obj, acumulus_ce_Result, P_ERRORS, &v);
		ZVAL_COPY(&v, &warnings);
		acumulus_prop(obj, acumulus_ce_Result, P_WARNINGS, &v);
		if (main_key) {
			ZVAL_STRING(&v, main_key);
		} else {
			ZVAL_NULL(&v);
		}
		acumulus_prop(obj, acumulus_ce_Result, P_MAIN_KEY, &v);
		acumulus_prop(obj, acumulus_ce_Result, P_MAIN, &main);
		acumulus_prop(obj, acumulus_ce_Result, P_DATA, &data);
		acumulus_prop_bool(obj, acumulus_ce_Result, P_TEST_MODE, call->test_mode);
		acumulus_prop_str_(obj, acumulus_ce_Result, P_REQUEST, call->masked);
		acumulus_prop_str_(obj, acumulus_ce_Result, P_RESPONSE, raw);
		acumulus_prop_long(obj, acumulus_ce_Result, P_ELAPSED_US, call->x.elapsed_us);

		if (r.status == 0 || r.status == 2) {
			ZVAL_COPY_VALUE(out, &result);
			zval_ptr_dtor(&errors);
			zval_ptr_dtor(&warnings);
			zend_string_release(raw);
			goto done;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(errors), m) {
			zval *code = zend_hash_str_find(Z_ARRVAL_P(m), "code", 4);
			zval *tag = zend_hash_str_find(Z_ARRVAL_P(m), "codetag", 7);

			if (r.status == 1 && Z_STRLEN_P(code) >= 3 && memcmp(Z_STRVAL_P(code), "403", 3) == 0
					&& (Z_STRLEN_P(code) == 3 || Z_STRVAL_P(code)[3] == ' ')) {
				auth = true;
			}
			if ((Z_STRLEN_P(code) >= 3 && memcmp(Z_STRVAL_P(code), "404", 3) == 0)
					|| acumulus_not_found_tag(Z_STRVAL_P(tag), Z_STRLEN_P(tag))) {
				not_found = true;
			}
		} ZEND_HASH_FOREACH_END();

		if (r.status == 1 && auth) {
			smart_str_append_printf(&s, "Acumulus %s: the credentials or their role were refused (HTTP %ld)", ep, http);
			acumulus_append_messages(&s, &errors);
			obj = acumulus_exc_new(out, acumulus_ce_AuthenticationException, 403, smart_str_extract(&s), call, raw, false, false);
			acumulus_prop_long(obj, acumulus_ce_AuthenticationException, P_HTTP_STATUS, http);
			acumulus_prop(obj, acumulus_ce_AuthenticationException, P_RESULT, &result);
			acumulus_prop(obj, acumulus_ce_AuthenticationException, P_ERRORS, &errors);
			zval_ptr_dtor(&warnings);
		} else {
			if (r.status == 1) {
				smart_str_append_printf(&s, "Acumulus %s: refused (status 1, HTTP %ld)", ep, http);
				acumulus_append_messages(&s, &errors);
			} else {
				smart_str_append_printf(&s, "Acumulus %s: exception at Acumulus (status 3, HTTP %ld)", ep, http);
				acumulus_append_messages(&s, &errors);
				smart_str_appends(&s, "; the outcome is unknown");
			}
			obj = acumulus_exc_new(out, acumulus_ce_ApiException, r.status, smart_str_extract(&s), call, raw,
				r.status == 3, r.status == 3);
			acumulus_prop(obj, acumulus_ce_ApiException, P_RESULT, &result);
			acumulus_prop_long(obj, acumulus_ce_ApiException, P_STATUS, r.status);
			acumulus_prop(obj, acumulus_ce_ApiException, P_ERRORS, &errors);
			acumulus_prop(obj, acumulus_ce_ApiException, P_WARNINGS, &warnings);
			acumulus_prop_bool(obj, acumulus_ce_ApiException, P_NOT_FOUND, r.status == 1 && not_found);
		}
		goto done;
	}

	/* no API response in the body */
	{
		zend_long rkind;
		const char *what;
		zend_object *obj;

		if (r.perr == ACU_XML_P_SIZE) {
			rkind = ACU_RESPONSE_TOO_LARGE;
		} else if (kind == ACU_RESP_HTML || ((kind == ACU_RESP_NOT_XML || kind == ACU_RESP_NOT_RESPONSE)
				&& strncasecmp(content_type, "text/html", 9) == 0)) {
			kind = ACU_RESP_HTML;
			rkind = ACU_RESPONSE_HTML_PAGE;
		} else {
			switch (kind) {
				case ACU_RESP_EMPTY: rkind = ACU_RESPONSE_EMPTY_BODY; break;
				case ACU_RESP_NOT_RESPONSE: rkind = ACU_RESPONSE_NOT_A_RESPONSE; break;
				case ACU_RESP_BAD_STATUS: rkind = ACU_RESPONSE_BAD_STATUS; break;
				default: rkind = ACU_RESPONSE_NOT_XML; break;
			}
		}
		if (rkind == ACU_RESPONSE_TOO_LARGE) {
			what = "a body longer than acumulus.max_response_size";
		} else if (rkind == ACU_RESPONSE_NOT_XML && r.perr != ACU_XML_P_SYNTAX) {
			what = "XML the parser refuses";
		} else {
			what = acu_resp_kind_text(kind);
		}
		raw = acumulus_scrub(call->client, raw);

		if (http == 403) {
			smart_str_append_printf(&s, "Acumulus %s: access refused (HTTP 403, %s)", ep, what);
			obj = acumulus_exc_new(out, acumulus_ce_AuthenticationException, 403, smart_str_extract(&s), call, raw, false, false);
			acumulus_prop_long(obj, acumulus_ce_AuthenticationException, P_HTTP_STATUS, http);
			{
				zval v;

				ZVAL_NULL(&v);
				acumulus_prop(obj, acumulus_ce_AuthenticationException, P_RESULT, &v);
				array_init(&v);
				acumulus_prop(obj, acumulus_ce_AuthenticationException, P_ERRORS, &v);
			}
		} else if (http >= 200 && http < 300) {
			smart_str_append_printf(&s, "Acumulus %s: HTTP %ld with %s", ep, http, what);
			if (rkind == ACU_RESPONSE_NOT_XML && r.doc.message[0]) {
				smart_str_append_printf(&s, " (%s)", r.doc.message);
			}
			smart_str_appends(&s, "; the outcome is unknown");
			obj = acumulus_exc_new(out, acumulus_ce_ResponseException, rkind, smart_str_extract(&s), call, raw,
				true, rkind != ACU_RESPONSE_TOO_LARGE);
			acumulus_prop_long(obj, acumulus_ce_ResponseException, P_HTTP_STATUS, http);
		} else {
			bool later = (http == 429 || http >= 500);
			bool unknown = later && http != 429 && http != 503;
			zval v;

			smart_str_append_printf(&s, "Acumulus %s: HTTP %ld with %s", ep, http, what);
			if (http >= 300 && http < 400) {
				smart_str_appends(&s, location && location[0]
					? "; redirects are not followed: check acumulus.api_url" : "; redirects are not followed");
			} else if (unknown) {
				smart_str_appends(&s, "; the outcome is unknown, retry later");
			} else if (later) {
				smart_str_appends(&s, "; retry later");
			}
			obj = acumulus_exc_new(out, acumulus_ce_HttpException, http, smart_str_extract(&s), call, raw, unknown, later);
			acumulus_prop_long(obj, acumulus_ce_HttpException, P_HTTP_STATUS, http);
			if (retry_after >= 0) {
				ZVAL_LONG(&v, retry_after);
			} else {
				ZVAL_NULL(&v);
			}
			acumulus_prop(obj, acumulus_ce_HttpException, P_RETRY_AFTER, &v);
			ZVAL_STRING(&v, location ? location : "");
			acumulus_prop(obj, acumulus_ce_HttpException, P_LOCATION, &v);
		}
	}

done:
	acu_response_free(&r);
}

/* The outcome of a finished transfer. */
static void acumulus_call_outcome(acumulus_call *call)
{
	acu_http_xfer *x = &call->x;
	const char *ep = ZSTR_VAL(call->endpoint);
	zend_object *obj;
	zval v;

	switch (x->outcome) {
		case ACU_HTTP_RESPONSE:
			acumulus_answer(call, x->status, x->content_type, x->retry_after, x->location,
				zend_string_init(x->resp.data ? x->resp.data : "", x->resp.len, 0));
			return;
		case ACU_HTTP_TOO_LARGE:
			obj = acumulus_exc_new(&call->outcome, acumulus_ce_ResponseException, ACU_RESPONSE_TOO_LARGE,
				zend_strpprintf(0, "Acumulus %s: HTTP %ld with an answer longer than acumulus.max_response_size (%zu bytes); the outcome is unknown",
					ep, x->status, x->max_response),
				call, NULL, true, false);
			acumulus_prop_long(obj, acumulus_ce_ResponseException, P_HTTP_STATUS, x->status);
			return;
		case ACU_HTTP_NOT_SENT:
			if (x->tls) {
				obj = acumulus_exc_new(&call->outcome, acumulus_ce_TlsException, x->code,
					zend_strpprintf(0, "Acumulus %s: TLS failed, nothing was sent: %s (the CA file is %s)", ep, x->error,
						call->client && acumulus_client_ca_file(call->client)[0] ? acumulus_client_ca_file(call->client) : "the system store"),
					call, NULL, false, x->code == CURLE_SSL_CONNECT_ERROR);
			} else {
				obj = acumulus_exc_new(&call->outcome, acumulus_ce_TransportException, x->code,
					zend_strpprintf(0, "Acumulus %s: not sent: %s; safe to retry", ep, x->error[0] ? x->error : curl_easy_strerror(x->code)),
					call, NULL, false, true);
			}
			ZVAL_FALSE(&v);
			break;
		case ACU_HTTP_SENT_UNKNOWN:
		default:
			obj = acumulus_exc_new(&call->outcome, acumulus_ce_TransportException, x->code,
				zend_strpprintf(0, "Acumulus %s: sent, but no answer came: %s; the outcome is unknown", ep, x->error),
				call, NULL, true, true);
			ZVAL_TRUE(&v);
			break;
	}
	acumulus_prop(obj, acumulus_ce_TransportException, P_SENT, &v);
	acumulus_prop_long(obj, acumulus_ce_TransportException, P_CURL_CODE, x->code);
}

static CURLSH *acumulus_share(void)
{
	long pid = (long) getpid();

	if (ACUMULUS_G(curl_share) && ACUMULUS_G(curl_share_pid) != pid) {
		/* made before a fork: its connections belong to the parent; leave
		 * them alone (closing them here would end the parent's TLS) */
		ACUMULUS_G(curl_share) = NULL;
	}
	if (ACUMULUS_G(curl_share) == NULL) {
		ACUMULUS_G(curl_share) = acu_http_share_new();
		ACUMULUS_G(curl_share_pid) = pid;
	}
	return ACUMULUS_G(curl_share);
}

void acumulus_client_release_share(zend_acumulus_globals *g)
{
	if (g->curl_share && g->curl_share_pid == (long) getpid()) {
		curl_share_cleanup((CURLSH *) g->curl_share);
	}
	g->curl_share = NULL;
}

static void acumulus_settings(const acumulus_client *c, acu_http_settings *s)
{
	s->cafile = acumulus_client_ca_file(c);
	s->connect_timeout_ms = (long) acumulus_client_connect_timeout(c) * 1000;
	s->timeout_ms = (long) acumulus_client_timeout(c) * 1000;
	s->max_response = (size_t) ACUMULUS_G(max_response_size);
	s->user_agent = ZSTR_VAL(c->user_agent);
}

/* call() and the helpers: one call, returned or thrown. */
static void acumulus_client_run(acumulus_client *c, zend_string *endpoint, HashTable *body, zval *return_value)
{
	acumulus_call call;
	acu_http_settings s;
	zend_string *msg;

	acumulus_call_init(&call, c, endpoint);
	msg = acumulus_call_prepare(&call, body);
	if (msg) {
		zend_throw_exception(acumulus_ce_InvalidArgumentException, ZSTR_VAL(msg), 0);
		zend_string_release(msg);
		goto cleanup;
	}
	acumulus_settings(c, &s);
	acu_http_perform(&call.x, acumulus_share(), &s);
	acumulus_call_outcome(&call);
	if (Z_OBJCE(call.outcome) == acumulus_ce_Result) {
		ZVAL_COPY(return_value, &call.outcome);
	} else {
		Z_ADDREF(call.outcome);
		zend_throw_exception_object(&call.outcome);
	}

cleanup:
	acumulus_call_free(&call);
}

static acumulus_client *acumulus_this(zval *this_zv)
{
	acumulus_client *c = Z_ACUMULUS_CLIENT_P(this_zv);

	if (!c->ready) {
		zend_throw_error(NULL, "Acumulus\\Client has not been constructed");
		return NULL;
	}
	return c;
}

/* }}} */

/* {{{ Acumulus\Result */

ZEND_METHOD(Acumulus_Result, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

/* }}} */

/* {{{ Acumulus\Client::__construct */

/* Checks a string argument for what the XML writer refuses. */
static bool acumulus_arg_text(uint32_t arg, const zend_string *s, const char *what, bool required)
{
	acu_xml_werror e;

	if (required && ZSTR_LEN(s) == 0) {
		zend_argument_value_error(arg, "must not be empty");
		return false;
	}
	if (acu_xml_check_text(ZSTR_VAL(s), ZSTR_LEN(s), &e) != ACU_XML_W_OK) {
		if (e.code == ACU_XML_W_UTF8) {
			zend_argument_value_error(arg, "%s contains invalid UTF-8 at byte %zu", what, e.offset);
		} else {
			zend_argument_value_error(arg, "%s contains %s (U+%04X) at byte %zu", what,
				acu_xml_werr_text(e.code), (unsigned) e.codepoint, e.offset);
		}
		return false;
	}
	return true;
}

/* An https URL with a host, printable ASCII, no query or fragment. */
static bool acumulus_https_url_ok(const zend_string *u)
{
	const char *p = ZSTR_VAL(u);
	size_t len = ZSTR_LEN(u), i, pre = sizeof("https://") - 1;

	if (len <= pre || strncasecmp(p, "https://", pre) != 0 || p[pre] == '/') {
		return false;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char) p[i];

		if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#') {
			return false;
		}
	}
	return true;
}

typedef struct acumulus_options {
	zend_string *email_on_error, *email_on_warning, *api_url, *ca_file;
	zend_long connect_timeout, timeout;
	bool test_mode;
	char lang[3];
} acumulus_options;

static void acumulus_options_free(acumulus_options *o)
{
	acumulus_str_free(&o->email_on_error);
	acumulus_str_free(&o->email_on_warning);
	acumulus_str_free(&o->api_url);
	acumulus_str_free(&o->ca_file);
}

#define ACU_OPT_TYPE_ERROR(name, type) do { \
		zend_argument_type_error(5, "option \"%s\" must be of type %s, %s given", name, type, zend_zval_type_name(v)); \
		return false; \
	} while (0)

static bool acumulus_options_parse(HashTable *opts, acumulus_options *o)
{
	zend_string *key;
	zval *v;

	memset(o, 0, sizeof(*o));
	memcpy(o->lang, "en", 3);
	if (opts == NULL) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(opts, key, v) {
		ZVAL_DEREF(v);
		if (key == NULL) {
			zend_argument_value_error(5, "must be an array of option name => value");
			return false;
		}
		if (zend_string_equals_literal(key, "emailOnError") || zend_string_equals_literal(key, "emailOnWarning")) {
			zend_string **dst = ZSTR_VAL(key)[7] == 'E' ? &o->email_on_error : &o->email_on_warning;

			if (Z_TYPE_P(v) == IS_NULL) {
				continue;
			}
			if (Z_TYPE_P(v) != IS_STRING) {
				ACU_OPT_TYPE_ERROR(ZSTR_VAL(key), "?string");
			}
			if (!acumulus_arg_text(5, Z_STR_P(v), ZSTR_VAL(key), false)) {
				return false;
			}
			acumulus_str_free(dst);
			if (Z_STRLEN_P(v)) {
				*dst = zend_string_copy(Z_STR_P(v));
			}
		} else if (zend_string_equals_literal(key, "testMode")) {
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				ACU_OPT_TYPE_ERROR("testMode", "bool");
			}
			o->test_mode = Z_TYPE_P(v) == IS_TRUE;
		} else if (zend_string_equals_literal(key, "lang")) {
			if (Z_TYPE_P(v) != IS_STRING) {
				ACU_OPT_TYPE_ERROR("lang", "string");
			}
			if (!zend_string_equals_literal(Z_STR_P(v), "en") && !zend_string_equals_literal(Z_STR_P(v), "nl")) {
				zend_argument_value_error(5, "option \"lang\" must be \"en\" or \"nl\"");
				return false;
			}
			memcpy(o->lang, Z_STRVAL_P(v), 3);
		} else if (zend_string_equals_literal(key, "apiUrl")) {
			size_t len;

			if (Z_TYPE_P(v) != IS_STRING) {
				ACU_OPT_TYPE_ERROR("apiUrl", "string");
			}
			if (!acumulus_https_url_ok(Z_STR_P(v))) {
				zend_argument_value_error(5, "option \"apiUrl\" must be an https:// URL with a host and no query");
				return false;
			}
			len = Z_STRLEN_P(v);
			while (len > 0 && Z_STRVAL_P(v)[len - 1] == '/') {
				len--;
			}
			acumulus_str_free(&o->api_url);
			o->api_url = zend_string_init(Z_STRVAL_P(v), len, 0);
		} else if (zend_string_equals_literal(key, "caFile")) {
			if (Z_TYPE_P(v) != IS_STRING) {
				ACU_OPT_TYPE_ERROR("caFile", "string");
			}
			if ((Z_STRLEN_P(v) && Z_STRVAL_P(v)[0] != '/') || zend_str_has_nul_byte(Z_STR_P(v))) {
				zend_argument_value_error(5, "option \"caFile\" must be empty or an absolute path");
				return false;
			}
			acumulus_str_free(&o->ca_file);
			o->ca_file = zend_string_copy(Z_STR_P(v));
		} else if (zend_string_equals_literal(key, "connectTimeout") || zend_string_equals_literal(key, "timeout")) {
			bool connect = ZSTR_VAL(key)[0] == 'c';
			zend_long max = connect ? 120 : 600;

			if (Z_TYPE_P(v) != IS_LONG) {
				ACU_OPT_TYPE_ERROR(ZSTR_VAL(key), "int");
			}
			if (Z_LVAL_P(v) < 1 || Z_LVAL_P(v) > max) {
				zend_argument_value_error(5, "option \"%s\" must be from 1 to " ZEND_LONG_FMT " seconds", ZSTR_VAL(key), max);
				return false;
			}
			if (connect) {
				o->connect_timeout = Z_LVAL_P(v);
			} else {
				o->timeout = Z_LVAL_P(v);
			}
		} else {
			zend_argument_value_error(5, "has an unknown option \"%s\"", ZSTR_VAL(key));
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

ZEND_METHOD(Acumulus_Client, __construct)
{
	zend_string *code, *user, *pass, *app;
	HashTable *opts = NULL;
	acumulus_client *c;
	acumulus_options o;
	acu_buf esc;
	acu_xml_werror e;
	smart_str ua = {0};
	size_t i;

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_STR(code)
		Z_PARAM_STR(user)
		Z_PARAM_STR(pass)
		Z_PARAM_STR(app)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(opts)
	ZEND_PARSE_PARAMETERS_END();

	c = Z_ACUMULUS_CLIENT_P(ZEND_THIS);
	if (c->ready) {
		zend_throw_error(NULL, "Acumulus\\Client is already constructed");
		RETURN_THROWS();
	}
	if (!acumulus_arg_text(1, code, "the contract code", true)
			|| !acumulus_arg_text(2, user, "the user name", true)
			|| !acumulus_arg_text(3, pass, "the password", true)
			|| !acumulus_arg_text(4, app, "the application", true)) {
		RETURN_THROWS();
	}
	if (!acumulus_options_parse(opts, &o)) {
		acumulus_options_free(&o);
		RETURN_THROWS();
	}

	c->contract_code = acumulus_secret_copy(code);
	c->username = acumulus_secret_copy(user);
	c->password = acumulus_secret_copy(pass);
	acu_buf_init(&esc, SIZE_MAX);
	if (acu_xml_escape(&esc, ZSTR_VAL(pass), ZSTR_LEN(pass), &e) == ACU_XML_W_OK && esc.len != ZSTR_LEN(pass)) {
		c->password_xml = zend_string_init(esc.data, esc.len, 0);
		if (memchr(ZSTR_VAL(pass), '\\', ZSTR_LEN(pass))) {
			c->password_xml2 = php_str_to_str(esc.data, esc.len, "&#92;", 5, "\\", 1);
		}
	}
	if (esc.data) {
		ZEND_SECURE_ZERO(esc.data, esc.cap);
	}
	esc.len = 0;
	if (acu_xml_escape(&esc, ZSTR_VAL(user), ZSTR_LEN(user), &e) == ACU_XML_W_OK && esc.len != ZSTR_LEN(user)) {
		c->username_xml = zend_string_init(esc.data, esc.len, 0);
	}
	if (esc.data) {
		ZEND_SECURE_ZERO(esc.data, esc.cap);
	}
	acu_buf_free(&esc);
	c->application = zend_string_copy(app);
	c->email_on_error = o.email_on_error;
	c->email_on_warning = o.email_on_warning;
	c->api_url = o.api_url;
	c->ca_file = o.ca_file;
	c->connect_timeout = o.connect_timeout;
	c->timeout = o.timeout;
	c->test_mode = o.test_mode;
	memcpy(c->lang, o.lang, 3);

	/* User-Agent: our name, the application (control characters made
	 * spaces: a header must stay one line), PHP */
	smart_str_appends(&ua, "AcumulusForWHMCS/" PHP_ACUMULUS_VERSION " (");
	for (i = 0; i < ZSTR_LEN(app) && i < 100; i++) {
		unsigned char ch = (unsigned char) ZSTR_VAL(app)[i];

		smart_str_appendc(&ua, (ch < 0x20 || ch == 0x7f) ? ' ' : (char) ch);
	}
	smart_str_appends(&ua, ") PHP/" PHP_VERSION);
	c->user_agent = smart_str_extract(&ua);
	c->ready = true;
}

/* }}} */

/* {{{ call, requestXml, parseResponse */

static bool acumulus_endpoint_arg(uint32_t arg, const zend_string *endpoint)
{
	if (!acumulus_endpoint_ok(endpoint)) {
		zend_argument_value_error(arg, "must be \"group/call\" in lower case, like \"invoices/invoice_add\"");
		return false;
	}
	return true;
}

ZEND_METHOD(Acumulus_Client, call)
{
	zend_string *endpoint;
	HashTable *body = NULL;
	acumulus_client *c;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(endpoint)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(body)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL || !acumulus_endpoint_arg(1, endpoint)) {
		RETURN_THROWS();
	}
	acumulus_client_run(c, endpoint, body, return_value);
}

ZEND_METHOD(Acumulus_Client, requestXml)
{
	HashTable *body = NULL;
	acumulus_client *c;
	zend_string *masked, *msg;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(body)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	msg = acumulus_build(c, body, &masked, NULL);
	if (msg) {
		zend_throw_exception(acumulus_ce_InvalidArgumentException, ZSTR_VAL(msg), 0);
		zend_string_release(msg);
		RETURN_THROWS();
	}
	RETURN_STR(masked);
}

ZEND_METHOD(Acumulus_Client, parseResponse)
{
	zend_string *endpoint, *body;
	zend_long http = 200;
	acumulus_call call;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(endpoint)
		Z_PARAM_STR(body)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(http)
	ZEND_PARSE_PARAMETERS_END();

	if (!acumulus_endpoint_arg(1, endpoint)) {
		RETURN_THROWS();
	}
	if (http < 100 || http > 599) {
		zend_argument_value_error(3, "must be an HTTP status from 100 to 599");
		RETURN_THROWS();
	}
	acumulus_call_init(&call, NULL, endpoint);
	acumulus_answer(&call, (long) http, "", -1, "", zend_string_copy(body));
	if (Z_OBJCE(call.outcome) == acumulus_ce_Result) {
		ZVAL_COPY(return_value, &call.outcome);
	} else {
		Z_ADDREF(call.outcome);
		zend_throw_exception_object(&call.outcome);
	}
	acumulus_call_free(&call);
}

/* }}} */

/* {{{ callMany */

typedef struct acumulus_batch {
	acumulus_call *calls;
	zval *keys;
	size_t *map;                 /* transfer index -> call index */
	size_t total, done;
	zend_fcall_info *fci;
	zend_fcall_info_cache *fcc;
	bool has_progress;
	bool stop;
	bool bailout;                /* a fatal error in the callback: bail out once the calls end */
} acumulus_batch;

/* Reports call i to the progress callback; false: start nothing more. */
static bool acumulus_batch_progress(acumulus_batch *b, size_t i)
{
	zval params[4], retval;
	bool go_on;

	b->done++;
	if (!b->has_progress || b->stop || EG(exception)) {
		return !b->stop && !EG(exception);
	}
	ZVAL_COPY(&params[0], &b->keys[i]);
	ZVAL_COPY(&params[1], &b->calls[i].outcome);
	ZVAL_LONG(&params[2], (zend_long) b->done);
	ZVAL_LONG(&params[3], (zend_long) b->total);
	ZVAL_UNDEF(&retval);
	b->fci->retval = &retval;
	b->fci->params = params;
	b->fci->param_count = 4;
	zend_try {
		if (zend_call_function(b->fci, b->fcc) != SUCCESS || EG(exception)) {
			b->stop = true;
		} else if (Z_TYPE(retval) == IS_FALSE) {
			b->stop = true;
		}
	} zend_catch {
		/* a fatal error: the transfers running are ended first (bailed out after) */
		b->stop = true;
		b->bailout = true;
	} zend_end_try();
	go_on = !b->stop;
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&params[0]);
	zval_ptr_dtor(&params[1]);
	return go_on;
}

static bool acumulus_batch_done(void *ctx, size_t index)
{
	acumulus_batch *b = ctx;
	size_t i = b->map[index];

	acumulus_call_outcome(&b->calls[i]);
	return acumulus_batch_progress(b, i);
}

/* {{{ callMany over a Traversable: each request is pulled when a slot is free */

/* A call pulled from the iterator, from its start to its report. */
typedef struct acumulus_pulled {
	acumulus_call call;
	zval key;                    /* as the iterator gave it */
} acumulus_pulled;

typedef struct acumulus_pull {
	acumulus_client *client;
	zend_object_iterator *it;
	HashTable *results;          /* key => outcome, in the order pulled */
	zend_fcall_info *fci;
	zend_fcall_info_cache *fcc;
	bool has_progress;
	bool started;                /* the iterator was rewound */
	bool ended;                  /* it has nothing more */
	bool stop;                   /* the callback returned false */
	bool exiting;                /* exit() in PHP code: no more PHP code runs */
	bool bailout;                /* a fatal error: no more PHP code; bail out at the end */
	zend_object *pending;        /* thrown by the iterator or the callback; rethrown at the end */
	zend_long pulled, done;
} acumulus_pull;

/* PHP code may run (the iterator, the callback). */
static inline bool acumulus_pull_php(const acumulus_pull *p)
{
	return !p->exiting && !p->bailout;
}

/* More may be pulled. */
static inline bool acumulus_pull_more(const acumulus_pull *p)
{
	return !p->stop && !p->ended && p->pending == NULL && acumulus_pull_php(p);
}

/* After PHP code ran: an exception it threw is kept aside (the calls in
 * flight are still ended and reported, with no exception pending) and
 * thrown at the end; one thrown later gets the earlier as its previous, as
 * with finally. exit() stays thrown: no PHP code runs after it. */
static void acumulus_pull_caught(acumulus_pull *p)
{
	zend_object *ex = EG(exception);

	if (ex == NULL || p->exiting) {
		return;
	}
	if (zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex)) {
		p->exiting = true;
		if (p->pending) {
			OBJ_RELEASE(p->pending);
			p->pending = NULL;
		}
		return;
	}
	EG(exception) = NULL;
	if (p->pending) {
		zend_exception_set_previous(ex, p->pending);
	}
	p->pending = ex;
}

/* Advances the iterator (rewinds it the first time) and copies its current
 * item and key. False: it has nothing more, it threw, or a fatal error. */
static bool acumulus_pull_item(acumulus_pull *p, zval *item, zval *key)
{
	zend_object_iterator *it = p->it;
	volatile bool got = false;

	zend_try {
		if (!p->started) {
			p->started = true;
			it->index = 0;
			if (it->funcs->rewind) {
				it->funcs->rewind(it);
			}
		} else {
			it->funcs->move_forward(it);
			it->index++;
		}
		if (!EG(exception) && it->funcs->valid(it) == SUCCESS && !EG(exception)) {
			zval *v = it->funcs->get_current_data(it);

			if (v && !EG(exception)) {
				ZVAL_COPY_DEREF(item, v);
				if (it->funcs->get_current_key) {
					it->funcs->get_current_key(it, key);
				} else {
					ZVAL_LONG(key, (zend_long) it->index);
				}
				got = !EG(exception);
			}
		}
	} zend_catch {
		p->bailout = true;
		got = false;
	} zend_end_try();
	if (!got) {
		zval_ptr_dtor(item);
		zval_ptr_dtor(key);
		ZVAL_UNDEF(item);
		ZVAL_UNDEF(key);
	}
	return got;
}

/* The outcome in its place in the result (taken). */
static void acumulus_pull_store(acumulus_pull *p, const zval *key, zval *outcome)
{
	if (Z_TYPE_P(key) == IS_STRING) {
		zend_symtable_update(p->results, Z_STR_P(key), outcome);
	} else {
		zend_hash_index_update(p->results, (zend_ulong) Z_LVAL_P(key), outcome);
	}
	ZVAL_UNDEF(outcome);
}

/* One call is over: its outcome goes in its place, and to the callback
 * (whatever the callback said before: every call pulled is reported). */
static void acumulus_pull_report(acumulus_pull *p, const zval *key, zval *outcome)
{
	p->done++;
	if (p->has_progress && acumulus_pull_php(p)) {
		zval params[4], retval;

		ZVAL_COPY(&params[0], key);
		ZVAL_COPY(&params[1], outcome);
		ZVAL_LONG(&params[2], p->done);
		ZVAL_NULL(&params[3]);
		ZVAL_UNDEF(&retval);
		p->fci->retval = &retval;
		p->fci->params = params;
		p->fci->param_count = 4;
		zend_try {
			if (zend_call_function(p->fci, p->fcc) == SUCCESS && !EG(exception) && Z_TYPE(retval) == IS_FALSE) {
				p->stop = true;
			}
		} zend_catch {
			p->bailout = true;
		} zend_end_try();
		zval_ptr_dtor(&retval);
		zval_ptr_dtor(&params[0]);
		zval_ptr_dtor(&params[1]);
		acumulus_pull_caught(p);
	}
	acumulus_pull_store(p, key, outcome);
}

/* An item that cannot be sent: an Acumulus\InvalidArgumentException in its
 * place (msg taken). */
static void acumulus_pull_refuse(acumulus_pull *p, const zval *key, zend_string *msg)
{
	zval outcome, v;

	object_init_ex(&outcome, acumulus_ce_InvalidArgumentException);
	ZVAL_STR(&v, msg);
	zend_update_property_ex(zend_ce_exception, Z_OBJ(outcome), ZSTR_KNOWN(ZEND_STR_MESSAGE), &v);
	zval_ptr_dtor(&v);
	acumulus_pull_report(p, key, &outcome);
	zval_ptr_dtor(&outcome);
}

/* Takes the key's place in the result (null until the call is over).
 * False, with an Error thrown, for a key an array cannot have or one that
 * came before. */
static bool acumulus_pull_place(acumulus_pull *p, const zval *key)
{
	zval null;

	ZVAL_NULL(&null);
	if (Z_TYPE_P(key) == IS_STRING) {
		if (!zend_symtable_exists(p->results, Z_STR_P(key))) {
			zend_symtable_add_new(p->results, Z_STR_P(key), &null);
			return true;
		}
		zend_argument_value_error(1, "must not yield the key \"%s\" twice", ZSTR_VAL(Z_STR_P(key)));
	} else if (Z_TYPE_P(key) == IS_LONG) {
		if (!zend_hash_index_exists(p->results, (zend_ulong) Z_LVAL_P(key))) {
			zend_hash_index_add_new(p->results, (zend_ulong) Z_LVAL_P(key), &null);
			return true;
		}
		zend_argument_value_error(1, "must not yield the key " ZEND_LONG_FMT " twice", Z_LVAL_P(key));
	} else {
		zend_argument_type_error(1, "must yield keys of type int or string, %s given (item " ZEND_LONG_FMT ")",
			zend_zval_type_name(key), p->pulled);
	}
	return false;
}

#define ACUMULUS_PULLED_OF(xp) ((acumulus_pulled *) (void *) ((char *) (xp) - offsetof(acumulus_pulled, call.x)))

/* acu_http_run_pull's next: the next item that can be sent, or NULL. Items
 * that cannot are reported in place on the way. */
static acu_http_xfer *acumulus_pull_next(void *ctx)
{
	acumulus_pull *p = ctx;
	acu_http_xfer *x = NULL;

	while (x == NULL && acumulus_pull_more(p)) {
		zval item, key, *ep = NULL, *body = NULL;

		ZVAL_UNDEF(&item);
		ZVAL_UNDEF(&key);
		if (!acumulus_pull_item(p, &item, &key)) {
			acumulus_pull_caught(p);
			if (p->pending == NULL && acumulus_pull_php(p)) {
				p->ended = true;
			}
			break;
		}
		p->pulled++;
		if (!acumulus_pull_place(p, &key)) {
			acumulus_pull_caught(p);
		} else {
			if (Z_TYPE(item) == IS_ARRAY) {
				ep = zend_hash_str_find_deref(Z_ARRVAL(item), "endpoint", sizeof("endpoint") - 1);
				body = zend_hash_str_find_deref(Z_ARRVAL(item), "body", sizeof("body") - 1);
			}
			if (ep == NULL || Z_TYPE_P(ep) != IS_STRING || !acumulus_endpoint_ok(Z_STR_P(ep))
					|| (body && Z_TYPE_P(body) != IS_ARRAY && Z_TYPE_P(body) != IS_NULL)) {
				acumulus_pull_refuse(p, &key, Z_TYPE(key) == IS_STRING
					? zend_strpprintf(0, "Acumulus request: item \"%s\" must be ['endpoint' => \"group/call\", 'body' => array]",
						ZSTR_VAL(Z_STR(key)))
					: zend_strpprintf(0, "Acumulus request: item " ZEND_LONG_FMT " must be ['endpoint' => \"group/call\", 'body' => array]",
						Z_LVAL(key)));
			} else {
				acumulus_pulled *q = emalloc(sizeof(*q));
				zend_string *msg;

				acumulus_call_init(&q->call, p->client, Z_STR_P(ep));
				ZVAL_COPY(&q->key, &key);
				msg = acumulus_call_prepare(&q->call, body && Z_TYPE_P(body) == IS_ARRAY ? Z_ARRVAL_P(body) : NULL);
				if (msg) {
					/* a body that cannot be written: refused in its place, not sent */
					acumulus_pull_refuse(p, &key, msg);
					zval_ptr_dtor(&q->key);
					acumulus_call_free(&q->call);
					efree(q);
				} else {
					x = &q->call.x;
				}
			}
		}
		zval_ptr_dtor(&item);
		zval_ptr_dtor(&key);
	}
	return x;
}

/* acu_http_run_pull's done: the call's outcome, reported. */
static bool acumulus_pull_done(void *ctx, acu_http_xfer *x)
{
	acumulus_pull *p = ctx;
	acumulus_pulled *q = ACUMULUS_PULLED_OF(x);

	acumulus_call_outcome(&q->call);
	acumulus_pull_report(p, &q->key, &q->call.outcome);
	zval_ptr_dtor(&q->key);
	acumulus_call_free(&q->call);
	efree(q);
	return acumulus_pull_more(p);
}

static void acumulus_call_many_pull(acumulus_client *c, zval *requests, zend_long concurrency,
		zend_fcall_info *fci, zend_fcall_info_cache *fcc, zval *return_value)
{
	zend_class_entry *ce = Z_OBJCE_P(requests);
	acumulus_pull p;
	acu_http_settings s;
	bool ok;

	memset(&p, 0, sizeof(p));
	p.client = c;
	p.fci = fci;
	p.fcc = fcc;
	p.has_progress = ZEND_FCI_INITIALIZED(*fci);
	p.it = ce->get_iterator(ce, requests, 0);
	if (p.it == NULL || EG(exception)) {
		/* e.g. a generator already closed; nothing was pulled */
		if (p.it) {
			zend_iterator_dtor(p.it);
		}
		return;
	}
	ALLOC_HASHTABLE(p.results);
	zend_hash_init(p.results, 8, NULL, ZVAL_PTR_DTOR, 0);
	acumulus_settings(c, &s);
	ok = acu_http_run_pull((size_t) concurrency, acumulus_share(), &s, acumulus_pull_next, acumulus_pull_done, &p, true);
	if (!ok && acumulus_pull_php(&p)) {
		zend_throw_exception(acumulus_ce_RuntimeException,
			"Acumulus: libcurl's multi handle failed; the calls already made were reported", 0);
		acumulus_pull_caught(&p);
	}
	/* letting go of the iterator can run PHP code (a generator's finally, a destructor) */
	if (acumulus_pull_php(&p)) {
		zend_try {
			zend_iterator_dtor(p.it);
		} zend_catch {
			p.bailout = true;
		} zend_end_try();
		acumulus_pull_caught(&p);
	} else {
		zend_iterator_dtor(p.it);
	}
	if (p.bailout || p.exiting || p.pending) {
		zend_array_destroy(p.results);
		if (p.bailout) {
			if (p.pending) {
				OBJ_RELEASE(p.pending);
			}
			zend_bailout();
		}
		if (p.pending) {
			zend_throw_exception_internal(p.pending);
		}
		return;
	}
	RETVAL_ARR(p.results);
}

/* }}} */

ZEND_METHOD(Acumulus_Client, callMany)
{
	zval *iterable;
	HashTable *requests;
	zend_long concurrency = 4;
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	acumulus_client *c;
	acumulus_batch b;
	acu_http_xfer **xfers = NULL;
	acu_http_settings s;
	zend_string *key;
	zend_ulong idx;
	zval *item;
	size_t n, i, m = 0;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ITERABLE(iterable)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(concurrency)
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (concurrency < 1 || concurrency > ACUMULUS_MAX_CONCURRENCY) {
		zend_argument_value_error(2, "must be from 1 to %d", ACUMULUS_MAX_CONCURRENCY);
		RETURN_THROWS();
	}
	if (Z_TYPE_P(iterable) == IS_OBJECT) {
		acumulus_call_many_pull(c, iterable, concurrency, &fci, &fcc, return_value);
		return;
	}
	requests = Z_ARRVAL_P(iterable);
	/* the shape of every item first: nothing is sent if one is wrong */
	ZEND_HASH_FOREACH_KEY_VAL(requests, idx, key, item) {
		zval *ep, *body;

		ZVAL_DEREF(item);
		ep = Z_TYPE_P(item) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(item), "endpoint", sizeof("endpoint") - 1) : NULL;
		body = Z_TYPE_P(item) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(item), "body", sizeof("body") - 1) : NULL;
		if (ep == NULL || Z_TYPE_P(ep) != IS_STRING || !acumulus_endpoint_ok(Z_STR_P(ep))
				|| (body && Z_TYPE_P(body) != IS_ARRAY && Z_TYPE_P(body) != IS_NULL)) {
			if (key) {
				zend_argument_value_error(1, "item \"%s\" must be ['endpoint' => \"group/call\", 'body' => array]", ZSTR_VAL(key));
			} else {
				zend_argument_value_error(1, "item " ZEND_ULONG_FMT " must be ['endpoint' => \"group/call\", 'body' => array]", idx);
			}
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();

	n = zend_hash_num_elements(requests);
	memset(&b, 0, sizeof(b));
	b.total = n;
	b.fci = &fci;
	b.fcc = &fcc;
	b.has_progress = ZEND_FCI_INITIALIZED(fci);
	b.calls = safe_emalloc(n ? n : 1, sizeof(acumulus_call), 0);
	b.keys = safe_emalloc(n ? n : 1, sizeof(zval), 0);
	b.map = safe_emalloc(n ? n : 1, sizeof(size_t), 0);
	xfers = safe_emalloc(n ? n : 1, sizeof(acu_http_xfer *), 0);

	i = 0;
	ZEND_HASH_FOREACH_KEY_VAL(requests, idx, key, item) {
		zval *ep, *body;
		zend_string *msg;

		ZVAL_DEREF(item);
		ep = zend_hash_str_find_deref(Z_ARRVAL_P(item), "endpoint", sizeof("endpoint") - 1);
		body = zend_hash_str_find_deref(Z_ARRVAL_P(item), "body", sizeof("body") - 1);
		if (key) {
			ZVAL_STR_COPY(&b.keys[i], key);
		} else {
			ZVAL_LONG(&b.keys[i], (zend_long) idx);
		}
		acumulus_call_init(&b.calls[i], c, Z_STR_P(ep));
		msg = acumulus_call_prepare(&b.calls[i], body && Z_TYPE_P(body) == IS_ARRAY ? Z_ARRVAL_P(body) : NULL);
		if (msg) {
			/* this one cannot be sent: its outcome is the refusal */
			object_init_ex(&b.calls[i].outcome, acumulus_ce_InvalidArgumentException);
			{
				zval v;

				ZVAL_STR(&v, msg);
				zend_update_property_ex(zend_ce_exception, Z_OBJ(b.calls[i].outcome), ZSTR_KNOWN(ZEND_STR_MESSAGE), &v);
				zval_ptr_dtor(&v);
			}
		} else {
			b.map[m] = i;
			xfers[m++] = &b.calls[i].x;
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	/* refusals count as done first */
	for (i = 0; i < n && !b.stop; i++) {
		if (Z_TYPE(b.calls[i].outcome) != IS_UNDEF) {
			acumulus_batch_progress(&b, i);
		}
	}
	acumulus_settings(c, &s);
	if (m > 0 && !b.stop) {
		acu_http_run_many(xfers, m, b.stop ? 0 : (size_t) concurrency, acumulus_share(), &s, acumulus_batch_done, &b);
	}
	/* those never started */
	for (i = 0; i < n; i++) {
		acumulus_call *call = &b.calls[i];

		if (Z_TYPE(call->outcome) == IS_UNDEF) {
			zend_object *obj = acumulus_exc_new(&call->outcome, acumulus_ce_TransportException, CURLE_ABORTED_BY_CALLBACK,
				zend_strpprintf(0, "Acumulus %s: not sent: the batch was stopped before this call; safe to retry",
					ZSTR_VAL(call->endpoint)),
				call, NULL, false, true);
			zval v;

			ZVAL_FALSE(&v);
			acumulus_prop(obj, acumulus_ce_TransportException, P_SENT, &v);
			acumulus_prop_long(obj, acumulus_ce_TransportException, P_CURL_CODE, CURLE_ABORTED_BY_CALLBACK);
		}
	}

	if (!EG(exception) && !b.bailout) {
		array_init_size(return_value, (uint32_t) n);
		for (i = 0; i < n; i++) {
			if (Z_TYPE(b.keys[i]) == IS_STRING) {
				zend_hash_update(Z_ARRVAL_P(return_value), Z_STR(b.keys[i]), &b.calls[i].outcome);
			} else {
				zend_hash_index_update(Z_ARRVAL_P(return_value), (zend_ulong) Z_LVAL(b.keys[i]), &b.calls[i].outcome);
			}
			ZVAL_UNDEF(&b.calls[i].outcome);
		}
	}
	for (i = 0; i < n; i++) {
		acumulus_call_free(&b.calls[i]);
		zval_ptr_dtor(&b.keys[i]);
	}
	efree(b.calls);
	efree(b.keys);
	efree(b.map);
	efree(xfers);
	if (b.bailout) {
		zend_bailout();
	}
}

/* }}} */

/* {{{ typed helpers */

static void acumulus_run_literal(acumulus_client *c, const char *endpoint, zval *body, zval *return_value)
{
	zend_string *ep = zend_string_init(endpoint, strlen(endpoint), 0);

	acumulus_client_run(c, ep, body ? Z_ARRVAL_P(body) : NULL, return_value);
	zend_string_release(ep);
}

/* A 32-character token of letters and digits. */
static bool acumulus_token_arg(uint32_t arg, const zend_string *t)
{
	size_t i;

	if (ZSTR_LEN(t) != 32) {
		goto bad;
	}
	for (i = 0; i < 32; i++) {
		char ch = ZSTR_VAL(t)[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			goto bad;
		}
	}
	return true;
bad:
	zend_argument_value_error(arg, "must be an Acumulus token: 32 letters and digits");
	return false;
}

/* yyyy-mm-dd with a month 01..12 and a day 01..31 */
static bool acumulus_date_arg(uint32_t arg, const zend_string *d)
{
	const char *p = ZSTR_VAL(d);
	int i, month, day;

	if (ZSTR_LEN(d) != 10 || p[4] != '-' || p[7] != '-') {
		goto bad;
	}
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9')) {
			goto bad;
		}
	}
	month = (p[5] - '0') * 10 + (p[6] - '0');
	day = (p[8] - '0') * 10 + (p[9] - '0');
	if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
		return true;
	}
bad:
	zend_argument_value_error(arg, "must be a date as yyyy-mm-dd");
	return false;
}

ZEND_METHOD(Acumulus_Client, about)
{
	acumulus_client *c;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	acumulus_run_literal(c, "general/general_about", NULL, return_value);
}

ZEND_METHOD(Acumulus_Client, invoiceAdd)
{
	zval *invoice, *customer;
	acumulus_client *c;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(invoice)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	customer = zend_hash_str_find_deref(Z_ARRVAL_P(invoice), "customer", sizeof("customer") - 1);
	if (customer == NULL || Z_TYPE_P(customer) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(customer)) == 0) {
		zend_argument_value_error(1, "must be ['customer' => [..., 'invoice' => [...]]]");
		RETURN_THROWS();
	}
	acumulus_run_literal(c, "invoices/invoice_add", invoice, return_value);
}

ZEND_METHOD(Acumulus_Client, paymentStatusGet)
{
	zend_string *token;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(token)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL || !acumulus_token_arg(1, token)) {
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_str(&body, "token", zend_string_copy(token));
	acumulus_run_literal(c, "invoices/invoice_paymentstatus_get", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, paymentStatusSet)
{
	zend_string *token, *date = NULL;
	zend_long status;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(token)
		Z_PARAM_LONG(status)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(date)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL || !acumulus_token_arg(1, token)) {
		RETURN_THROWS();
	}
	if (status != 1 && status != 2) {
		zend_argument_value_error(2, "must be 1 (due) or 2 (paid)");
		RETURN_THROWS();
	}
	if (date == NULL && status == 2) {
		zend_argument_value_error(3, "is required when the status is 2 (paid)");
		RETURN_THROWS();
	}
	if (date && !acumulus_date_arg(3, date)) {
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_str(&body, "token", zend_string_copy(token));
	add_assoc_long(&body, "paymentstatus", status);
	if (date) {
		add_assoc_str(&body, "paymentdate", zend_string_copy(date));
	} else {
		add_assoc_str(&body, "paymentdate", ZSTR_EMPTY_ALLOC());
	}
	acumulus_run_literal(c, "invoices/invoice_paymentstatus_set", &body, return_value);
	zval_ptr_dtor(&body);
}

static void acumulus_id_call(INTERNAL_FUNCTION_PARAMETERS, const char *endpoint, const char *field)
{
	zend_long id;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(id)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (id < 1) {
		zend_argument_value_error(1, "must be greater than 0");
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_long(&body, field, id);
	acumulus_run_literal(c, endpoint, &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, entryInfo)
{
	acumulus_id_call(INTERNAL_FUNCTION_PARAM_PASSTHRU, "entry/entry_info", "entryid");
}

ZEND_METHOD(Acumulus_Client, conceptInfo)
{
	acumulus_id_call(INTERNAL_FUNCTION_PARAM_PASSTHRU, "invoices/invoice_concept_info", "conceptid");
}

ZEND_METHOD(Acumulus_Client, entryDeleteStatusSet)
{
	zend_long id, st;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(id)
		Z_PARAM_LONG(st)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (id < 1) {
		zend_argument_value_error(1, "must be greater than 0");
		RETURN_THROWS();
	}
	if (st != 0 && st != 1) {
		zend_argument_value_error(2, "must be 1 (to the waste bin) or 0 (restore)");
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_long(&body, "entryid", id);
	add_assoc_long(&body, "entrydeletestatus", st);
	acumulus_run_literal(c, "entry/entry_deletestatus_set", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, entryUpdate)
{
	zend_long id;
	HashTable *fields;
	acumulus_client *c;
	zend_string *key;
	zval body, *v;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(id)
		Z_PARAM_ARRAY_HT(fields)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (id < 1) {
		zend_argument_value_error(1, "must be greater than 0");
		RETURN_THROWS();
	}
	if (zend_hash_str_exists(fields, "entryid", sizeof("entryid") - 1)) {
		zend_argument_value_error(2, "must not contain entryid (it is argument #1)");
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_long(&body, "entryid", id);
	ZEND_HASH_FOREACH_STR_KEY_VAL(fields, key, v) {
		if (key == NULL) {
			zval_ptr_dtor(&body);
			zend_argument_value_error(2, "must be an array of field name => value");
			RETURN_THROWS();
		}
		Z_TRY_ADDREF_P(v);
		zend_hash_update(Z_ARRVAL(body), key, v);
	} ZEND_HASH_FOREACH_END();
	acumulus_run_literal(c, "entry/entry_update", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, invoiceMail)
{
	zend_string *token, *notes = NULL;
	zval *email;
	zend_long type = 0;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(token)
		Z_PARAM_ARRAY(email)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(type)
		Z_PARAM_STR_OR_NULL(notes)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL || !acumulus_token_arg(1, token)) {
		RETURN_THROWS();
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(email)) == 0 || zend_array_is_list(Z_ARRVAL_P(email))) {
		zend_argument_value_error(2, "must be the emailaspdf fields, e.g. ['emailto' => ...]");
		RETURN_THROWS();
	}
	if (type != 0 && type != 1) {
		zend_argument_value_error(3, "must be 0 (invoice) or 1 (reminder)");
		RETURN_THROWS();
	}
	array_init(&body);
	add_assoc_str(&body, "token", zend_string_copy(token));
	add_assoc_long(&body, "invoicetype", type);
	if (notes) {
		add_assoc_str(&body, "invoicenotes", zend_string_copy(notes));
	}
	Z_ADDREF_P(email);
	add_assoc_zval(&body, "emailaspdf", email);
	acumulus_run_literal(c, "invoices/invoice_mail", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, picklist)
{
	zend_string *name, *ep;
	HashTable *filters = NULL;
	acumulus_client *c;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(filters)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	ep = zend_strpprintf(0, "picklists/picklist_%s", ZSTR_VAL(name));
	if (zend_str_has_nul_byte(name) || acumulus_endpoint_find(ZSTR_VAL(ep), ZSTR_LEN(ep)) == NULL
			|| strncmp(ZSTR_VAL(ep), "picklists/", 10) != 0) {
		zend_string_release(ep);
		zend_argument_value_error(1, "must be a picklist: accounts, accounttypes, companytypes, contacttypes, "
			"costcenters, costtypes, discountprofiles, invoicetemplates, products or vattypes");
		RETURN_THROWS();
	}
	acumulus_client_run(c, ep, filters, return_value);
	zend_string_release(ep);
}

static bool acumulus_ascii_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

ZEND_METHOD(Acumulus_Client, vatInfo)
{
	zend_string *country, *date = NULL;
	acumulus_client *c;
	zval body;
	char cc[3];

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(country)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(date)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (ZSTR_LEN(country) != 2 || !acumulus_ascii_alpha(ZSTR_VAL(country)[0])
			|| !acumulus_ascii_alpha(ZSTR_VAL(country)[1])) {
		zend_argument_value_error(1, "must be a two-letter country code");
		RETURN_THROWS();
	}
	if (date && !acumulus_date_arg(2, date)) {
		RETURN_THROWS();
	}
	cc[0] = (char) zend_tolower_ascii(ZSTR_VAL(country)[0]);
	cc[1] = (char) zend_tolower_ascii(ZSTR_VAL(country)[1]);
	cc[2] = '\0';
	array_init(&body);
	add_assoc_stringl(&body, "vatcountry", cc, 2);
	if (date) {
		add_assoc_str(&body, "vatdate", zend_string_copy(date));
	}
	acumulus_run_literal(c, "lookups/lookup_vatinfo", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, thresholdReport)
{
	zend_long year = 0;
	bool year_null = true;
	acumulus_client *c;
	zval body;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(year, year_null)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL) {
		RETURN_THROWS();
	}
	if (!year_null && (year < 2000 || year > 2099)) {
		zend_argument_value_error(1, "must be a year from 2000 to 2099");
		RETURN_THROWS();
	}
	array_init(&body);
	if (!year_null) {
		add_assoc_long(&body, "year", year);
	}
	acumulus_run_literal(c, "reports/report_threshold_eu_ecommerce", &body, return_value);
	zval_ptr_dtor(&body);
}

ZEND_METHOD(Acumulus_Client, invoicePdfUrl)
{
	zend_string *token;
	bool reminder = false, graphics = true;
	acumulus_client *c;
	const char *base;
	size_t len;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(token)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(reminder)
		Z_PARAM_BOOL(graphics)
	ZEND_PARSE_PARAMETERS_END();

	if ((c = acumulus_this(ZEND_THIS)) == NULL || !acumulus_token_arg(1, token)) {
		RETURN_THROWS();
	}
	base = acumulus_client_base_url(c, &len);
	RETURN_STR(zend_strpprintf(0, "%.*s/invoices/invoice_get_pdf.php?token=%s%s%s", (int) len, base,
		ZSTR_VAL(token), reminder ? "&invoicetype=1" : "", graphics ? "" : "&gfx=0"));
}

/* }}} */

/* {{{ MINIT */

void acumulus_client_minit(void)
{
	int i;

	for (i = 0; i < P_COUNT_; i++) {
		acumulus_prop_str[i] = zend_string_init_interned(acumulus_prop_names[i], strlen(acumulus_prop_names[i]), 1);
	}

	acumulus_ce_Client->create_object = acumulus_client_create;
	memcpy(&acumulus_client_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	acumulus_client_handlers.offset = XtOffsetOf(acumulus_client, std);
	acumulus_client_handlers.free_obj = acumulus_client_free;
	acumulus_client_handlers.get_debug_info = acumulus_client_debug_info;
	acumulus_client_handlers.clone_obj = NULL;
	acumulus_client_handlers.compare = zend_objects_not_comparable;
}

/* }}} */
