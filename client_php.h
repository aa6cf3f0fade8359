/*
 * The Acumulus API client bound to PHP: Acumulus\Client, Acumulus\Result and
 * the CallException family (declared in acumulus.stub.php, registered in
 * acumulus.c, which fills in the class entries below and then calls
 * acumulus_client_minit()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_CLIENT_PHP_H
#define ACUMULUS_CLIENT_PHP_H

#include "php.h"
#include "php_acumulus.h"

/* Acumulus\ResponseException kinds (its exception codes and constants) */
#define ACU_RESPONSE_EMPTY_BODY     1
#define ACU_RESPONSE_HTML_PAGE      2
#define ACU_RESPONSE_NOT_XML        3
#define ACU_RESPONSE_NOT_A_RESPONSE 4
#define ACU_RESPONSE_BAD_STATUS     5
#define ACU_RESPONSE_TOO_LARGE      6

extern zend_class_entry *acumulus_ce_CallException;
extern zend_class_entry *acumulus_ce_TransportException;
extern zend_class_entry *acumulus_ce_TlsException;
extern zend_class_entry *acumulus_ce_HttpException;
extern zend_class_entry *acumulus_ce_ResponseException;
extern zend_class_entry *acumulus_ce_AuthenticationException;
extern zend_class_entry *acumulus_ce_ApiException;
extern zend_class_entry *acumulus_ce_Result;
extern zend_class_entry *acumulus_ce_Client;

/* Object handlers and cached names; after the classes are registered. */
void acumulus_client_minit(void);

/* Releases the process's libcurl share handle kept in g (GSHUTDOWN, and
 * MSHUTDOWN before curl_global_cleanup). */
void acumulus_client_release_share(zend_acumulus_globals *g);

ZEND_METHOD(Acumulus_Result, __construct);
ZEND_METHOD(Acumulus_Client, __construct);
ZEND_METHOD(Acumulus_Client, call);
ZEND_METHOD(Acumulus_Client, callMany);
ZEND_METHOD(Acumulus_Client, requestXml);
ZEND_METHOD(Acumulus_Client, parseResponse);
ZEND_METHOD(Acumulus_Client, about);
ZEND_METHOD(Acumulus_Client, invoiceAdd);
ZEND_METHOD(Acumulus_Client, paymentStatusGet);
ZEND_METHOD(Acumulus_Client, paymentStatusSet);
ZEND_METHOD(Acumulus_Client, entryInfo);
ZEND_METHOD(Acumulus_Client, entryDeleteStatusSet);
ZEND_METHOD(Acumulus_Client, entryUpdate);
ZEND_METHOD(Acumulus_Client, invoiceMail);
ZEND_METHOD(Acumulus_Client, conceptInfo);
ZEND_METHOD(Acumulus_Client, picklist);
ZEND_METHOD(Acumulus_Client, vatInfo);
ZEND_METHOD(Acumulus_Client, thresholdReport);
ZEND_METHOD(Acumulus_Client, invoicePdfUrl);

#endif
