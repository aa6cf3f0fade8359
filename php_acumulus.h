/*
 * acumulus: the core of "Acumulus for WHMCS", a PHP extension.
 * Public header: module entry, version, globals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef PHP_ACUMULUS_H
#define PHP_ACUMULUS_H

extern zend_module_entry acumulus_module_entry;
#define phpext_acumulus_ptr &acumulus_module_entry

#define PHP_ACUMULUS_VERSION "4.0.0-dev"

#if defined(ZTS) && defined(COMPILE_DL_ACUMULUS)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

ZEND_BEGIN_MODULE_GLOBALS(acumulus)
	/* acumulus.api_url: base URL of the API, up to and including the version
	 * segment ("https://api.sielsystems.nl/acumulus/stable"). https only. */
	char *api_url;
	/* acumulus.cafile: CA bundle to verify the API's certificate with; empty
	 * for the system store. Never turns verification off. */
	char *cafile;
	/* acumulus.connect_timeout, acumulus.timeout: seconds. */
	zend_long connect_timeout;
	zend_long timeout;
	/* acumulus.max_response_size: bytes; a longer answer is an error. */
	zend_long max_response_size;
	/* acumulus.tags_max_length: bytes; the default output limit of a template. */
	zend_long tags_max_length;
	/* The API client's libcurl share handle (DNS, TLS sessions, connections;
	 * never cookies or credentials), made on first use, freed at shutdown;
	 * and the pid that made it (a forked child makes its own). */
	void *curl_share;
	long curl_share_pid;
ZEND_END_MODULE_GLOBALS(acumulus)

ZEND_EXTERN_MODULE_GLOBALS(acumulus)
#define ACUMULUS_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(acumulus, v)

#endif
