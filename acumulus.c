/*
 * acumulus: module entry, INI, MINFO, and the PHP-visible classes
 * (thin wrappers: parse the arguments, call the core, return or throw).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include <curl/curl.h>
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <openssl/opensslv.h>
#include <openssl/crypto.h>

#include "php_acumulus.h"
#include "exceptions.h"
#include "tags.h"
#include "tags_php.h"
#include "hooks.h"
#include "client_php.h"
#include "zend_attributes.h"
#include "invoice_map_php.h"
#include "acumulus_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(acumulus)

/* {{{ INI */

/* acumulus.api_url: an https URL with a host. */
static ZEND_INI_MH(OnUpdateAcumulusApiUrl)
{
	const char *v = ZSTR_VAL(new_value);

	if (ZSTR_LEN(new_value) <= sizeof("https://") - 1
			|| strncasecmp(v, "https://", sizeof("https://") - 1) != 0
			|| v[sizeof("https://") - 1] == '/') {
		php_error_docref(NULL, E_WARNING,
			"acumulus.api_url must be an https:// URL with a host, \"%s\" given", v);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* acumulus.cafile: empty, or an absolute path. */
static ZEND_INI_MH(OnUpdateAcumulusCafile)
{
	if (ZSTR_LEN(new_value) != 0 && ZSTR_VAL(new_value)[0] != '/') {
		php_error_docref(NULL, E_WARNING,
			"acumulus.cafile must be empty or an absolute path, \"%s\" given", ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* A whole number of seconds in 1..mh_arg3 (the upper bound, as a string). */
static ZEND_INI_MH(OnUpdateAcumulusSeconds)
{
	zend_long max = ZEND_STRTOL((const char *) mh_arg3, NULL, 10);
	zend_long l;

	if (is_numeric_string(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &l, NULL, false) != IS_LONG
			|| l < 1 || l > max) {
		php_error_docref(NULL, E_WARNING,
			"%s must be a whole number of seconds from 1 to " ZEND_LONG_FMT ", \"%s\" given",
			ZSTR_VAL(entry->name), max, ZSTR_VAL(new_value));
		return FAILURE;
	}
	*(zend_long *) ZEND_INI_GET_ADDR() = l;
	return SUCCESS;
}

/* A byte quantity ("64K", "16M") in 1K..mh_arg3 (upper bound, as a string). */
static ZEND_INI_MH(OnUpdateAcumulusBytes)
{
	zend_string *max_str = zend_string_init((const char *) mh_arg3, strlen((const char *) mh_arg3), 0);
	zend_string *errstr = NULL;
	zend_long max = zend_ini_parse_quantity(max_str, &errstr);
	zend_long l;

	zend_string_release(max_str);
	if (errstr) {
		zend_string_release(errstr);
		errstr = NULL;
	}
	l = zend_ini_parse_quantity(new_value, &errstr);
	if (errstr || l < 1024 || l > max) {
		php_error_docref(NULL, E_WARNING,
			"%s must be a size from 1K to %s, \"%s\" given",
			ZSTR_VAL(entry->name), (const char *) mh_arg3, ZSTR_VAL(new_value));
		if (errstr) {
			zend_string_release(errstr);
		}
		return FAILURE;
	}
	*(zend_long *) ZEND_INI_GET_ADDR() = l;
	return SUCCESS;
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("acumulus.api_url", "https://api.sielsystems.nl/acumulus/stable",
		PHP_INI_SYSTEM, OnUpdateAcumulusApiUrl, api_url, zend_acumulus_globals, acumulus_globals)
	STD_PHP_INI_ENTRY("acumulus.cafile", "",
		PHP_INI_SYSTEM, OnUpdateAcumulusCafile, cafile, zend_acumulus_globals, acumulus_globals)
	ZEND_INI_ENTRY3("acumulus.connect_timeout", "10", PHP_INI_ALL, OnUpdateAcumulusSeconds,
		(void *) XtOffsetOf(zend_acumulus_globals, connect_timeout), (void *) &acumulus_globals, (void *) "120")
	ZEND_INI_ENTRY3("acumulus.timeout", "30", PHP_INI_ALL, OnUpdateAcumulusSeconds,
		(void *) XtOffsetOf(zend_acumulus_globals, timeout), (void *) &acumulus_globals, (void *) "600")
	ZEND_INI_ENTRY3("acumulus.max_response_size", "4M", PHP_INI_ALL, OnUpdateAcumulusBytes,
		(void *) XtOffsetOf(zend_acumulus_globals, max_response_size), (void *) &acumulus_globals, (void *) "1G")
	ZEND_INI_ENTRY3("acumulus.tags_max_length", "4M", PHP_INI_ALL, OnUpdateAcumulusBytes,
		(void *) XtOffsetOf(zend_acumulus_globals, tags_max_length), (void *) &acumulus_globals, (void *) "256M")
PHP_INI_END()

/* }}} */

/* {{{ module */

static PHP_GINIT_FUNCTION(acumulus)
{
#if defined(COMPILE_DL_ACUMULUS) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(acumulus_globals, 0, sizeof(*acumulus_globals));
}

static PHP_MINIT_FUNCTION(acumulus)
{
	REGISTER_INI_ENTRIES();

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}

	acumulus_ce_Exception = register_class_Acumulus_Exception(zend_ce_throwable);
	acumulus_ce_InvalidArgumentException = register_class_Acumulus_InvalidArgumentException(
		spl_ce_InvalidArgumentException, acumulus_ce_Exception);
	acumulus_ce_LengthException = register_class_Acumulus_LengthException(
		spl_ce_LengthException, acumulus_ce_Exception);
	acumulus_ce_RuntimeException = register_class_Acumulus_RuntimeException(
		spl_ce_RuntimeException, acumulus_ce_Exception);
	acumulus_ce_UnexpectedValueException = register_class_Acumulus_UnexpectedValueException(
		spl_ce_UnexpectedValueException, acumulus_ce_Exception);
	register_class_Acumulus_Tags();
	acumulus_tags_minit();
	register_class_Acumulus_Planner();

	/* the API client (client_php.c) */
	acumulus_ce_CallException = register_class_Acumulus_CallException(acumulus_ce_RuntimeException);
	acumulus_ce_TransportException = register_class_Acumulus_TransportException(acumulus_ce_CallException);
	acumulus_ce_TlsException = register_class_Acumulus_TlsException(acumulus_ce_TransportException);
	acumulus_ce_HttpException = register_class_Acumulus_HttpException(acumulus_ce_CallException);
	acumulus_ce_ResponseException = register_class_Acumulus_ResponseException(acumulus_ce_CallException);
	acumulus_ce_AuthenticationException = register_class_Acumulus_AuthenticationException(acumulus_ce_CallException);
	acumulus_ce_ApiException = register_class_Acumulus_ApiException(acumulus_ce_CallException);
	acumulus_ce_Result = register_class_Acumulus_Result();
	acumulus_ce_Client = register_class_Acumulus_Client();
	acumulus_client_minit();

	/* invoice mapper (invoice_map_php.c) */
	acumulus_ce_InvoiceDataException = register_class_Acumulus_InvoiceDataException(
		acumulus_ce_InvalidArgumentException);
	register_class_Acumulus_InvoiceMapper();
	acumulus_invoice_map_minit();

	return SUCCESS;
}

static PHP_GSHUTDOWN_FUNCTION(acumulus)
{
	acumulus_client_release_share(acumulus_globals);
}

static PHP_MSHUTDOWN_FUNCTION(acumulus)
{
	/* GSHUTDOWN comes after this; libcurl must still be up to close connections */
	acumulus_client_release_share(ZEND_MODULE_GLOBALS_BULK(acumulus));
	curl_global_cleanup();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

/* "20914" (xmlParserVersion) -> "2.9.14" */
static void acumulus_libxml_dotted(char *out, size_t size, const char *v)
{
	long n = strtol(v, NULL, 10);

	snprintf(out, size, "%ld.%ld.%ld", n / 10000, (n / 100) % 100, n % 100);
}

static PHP_MINFO_FUNCTION(acumulus)
{
	const curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);
	char xml_linked[32];

	acumulus_libxml_dotted(xml_linked, sizeof(xml_linked), xmlParserVersion);

	php_info_print_table_start();
	php_info_print_table_row(2, "Acumulus support", "enabled");
	php_info_print_table_row(2, "Version", PHP_ACUMULUS_VERSION);
	php_info_print_table_end();

	php_info_print_table_start();
	php_info_print_table_header(3, "Library", "Compiled", "Linked");
	php_info_print_table_row(3, "libcurl", LIBCURL_VERSION, cv->version);
	php_info_print_table_row(3, "libcurl TLS backend", "-", cv->ssl_version ? cv->ssl_version : "none");
	php_info_print_table_row(3, "libxml2", LIBXML_DOTTED_VERSION, xml_linked);
	php_info_print_table_row(3, "OpenSSL", OPENSSL_VERSION_TEXT, OpenSSL_version(OPENSSL_VERSION));
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep acumulus_deps[] = {
	ZEND_MOD_REQUIRED("libxml")
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_END
};

zend_module_entry acumulus_module_entry = {
	STANDARD_MODULE_HEADER_EX, NULL,
	acumulus_deps,
	"acumulus",
	NULL,                       /* functions: all API is on classes */
	PHP_MINIT(acumulus),
	PHP_MSHUTDOWN(acumulus),
	NULL,                       /* RINIT */
	NULL,                       /* RSHUTDOWN */
	PHP_MINFO(acumulus),
	PHP_ACUMULUS_VERSION,
	PHP_MODULE_GLOBALS(acumulus),
	PHP_GINIT(acumulus),
	PHP_GSHUTDOWN(acumulus),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_ACUMULUS
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_DLEXPORT zend_module_entry *get_module(void);
ZEND_GET_MODULE(acumulus)
#endif

/* }}} */
