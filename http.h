/*
 * HTTPS transport for the Acumulus API on libcurl. No PHP types: the binding
 * (client_php.c) hands in a URL and a body and gets back bytes, a status and
 * a verdict on whether the request can have reached the server.
 *
 * Policy, set in one place (acu_http_setup): HTTPS only (also for redirects,
 * which are not followed), peer and host verification always on (a CA file
 * replaces the system store, nothing turns verification off), TLS 1.2 or
 * newer, HTTP/1.1, connect and total timeouts, no signals, a cap on the
 * response size, and a process-wide share handle (DNS, TLS sessions,
 * connections; never cookies or credentials) so calls reuse connections.
 *
 * "Sent" rule (see docs/client.md): a failed transfer counts as sent when
 * libcurl had handed the whole request (headers and body) to the connection,
 * and, for a request that is not idempotent, whenever its first attempt went
 * out on a reused connection (libcurl may have retried in between).
 * Before that (DNS, connect, TLS handshake and verification, a body cut
 * short) the server cannot have acted on it: safe to retry. After it (a
 * timeout waiting for the answer, a reset, an empty or cut-off answer) the
 * outcome is unknown. libcurl silently resends a request when a reused
 * connection turns out dead; for a request that is not idempotent that
 * second attempt is refused and the transfer ends as "sent, unknown".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_HTTP_H
#define ACUMULUS_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <curl/curl.h>

#include "buf.h"

typedef struct acu_http_settings {
	const char *cafile;           /* NULL or "": the system store */
	long connect_timeout_ms;
	long timeout_ms;
	size_t max_response;          /* bytes of body */
	const char *user_agent;
} acu_http_settings;

typedef enum acu_http_outcome {
	ACU_HTTP_RESPONSE = 0,        /* a complete HTTP response (any status) */
	ACU_HTTP_NOT_SENT,            /* failed before the whole request was sent */
	ACU_HTTP_SENT_UNKNOWN,        /* failed after: the outcome is unknown */
	ACU_HTTP_TOO_LARGE            /* the body passed max_response (the request was sent) */
} acu_http_outcome;

typedef struct acu_http_xfer {
	/* in */
	const char *url;
	const char *body;             /* POST body (application/x-www-form-urlencoded) */
	size_t body_len;
	bool idempotent;              /* may libcurl resend it on a dead reused connection? */

	/* out, after acu_http_finish() */
	acu_http_outcome outcome;
	CURLcode code;
	bool tls;                     /* the failure is a TLS handshake or certificate one */
	long status;                  /* HTTP status, 0 if none */
	acu_buf resp;                 /* the body (NUL-terminated) */
	char content_type[128];
	long retry_after;             /* Retry-After in seconds, -1 if absent or a date */
	char location[256];           /* Location of a redirect, "" if none */
	char error[CURL_ERROR_SIZE];  /* libcurl's words for a failure */
	long connects;                /* new connections this transfer opened */
	long elapsed_us;

	/* private */
	CURL *easy;
	struct curl_slist *headers;
	unsigned attempts;            /* requests libcurl started (prereq calls) */
	bool first_reused;            /* the first went out on a kept-alive connection */
	bool resend_refused;
	bool too_large;
	size_t max_response;
	size_t index;                 /* position in acu_http_run_many() */
} acu_http_xfer;

/* Prepares x (no allocation). url and body must outlive the transfer. */
void acu_http_init(acu_http_xfer *x, const char *url, const char *body, size_t body_len,
		bool idempotent, size_t max_response);

/* Creates the easy handle with the policy above. share may be NULL.
 * Returns false (x->error says why) when libcurl refuses an option. */
bool acu_http_setup(acu_http_xfer *x, CURLSH *share, const acu_http_settings *s);

/* Reads the verdict of a finished transfer (code: what curl_easy_perform or
 * the multi message said) into x, then releases the easy handle. */
void acu_http_finish(acu_http_xfer *x, CURLcode code);

/* setup + perform + finish; the result is in x. */
void acu_http_perform(acu_http_xfer *x, CURLSH *share, const acu_http_settings *s);

/* Frees what x holds (the body buffer, an easy handle left over). */
void acu_http_free(acu_http_xfer *x);

/* A share handle for DNS, TLS sessions and connections; NULL on failure. */
CURLSH *acu_http_share_new(void);

/* Appends s, form-URL-encoded (RFC 3986 unreserved bytes as they are, every
 * other byte as %XX), to out. */
acu_buf_status acu_http_form_encode(acu_buf *out, const char *s, size_t len);

/* The batch engine: at most concurrency transfers at once on one multi
 * handle, asking for the next one only when a slot is free, so the caller's
 * work to make a request overlaps the transfers in flight.
 *
 * next(ctx) is called whenever fewer than concurrency transfers run (and
 * neither next nor done has said stop): it returns a transfer made with
 * acu_http_init (to start now), or NULL for "nothing more" (it is not
 * called again). Right after a transfer is started, libcurl is given a turn
 * (connect, write the request) before next is asked again. done(ctx, x) is
 * called once for each transfer next gave (finished as acu_http_finish says;
 * also one whose setup failed), outside any libcurl callback: as soon as it
 * ended, or, with refill_first, once the slots it and the others that ended
 * with it freed were filled again (so done's work, too, overlaps the
 * transfers in flight; a transfer may then start before done said stop).
 * When done returns false, next is not called again; the transfers running
 * still complete and are reported. Both callbacks may run code that itself
 * makes transfers on the same share (they run between libcurl calls).
 *
 * Returns false when the multi handle fails: at once, without calling next,
 * when it cannot be made; later, after every running transfer was ended
 * (x->error says why) and reported. Zend-free: the caller's callbacks do
 * whatever PHP needs. */
typedef acu_http_xfer *(*acu_http_next_fn)(void *ctx);
typedef bool (*acu_http_done_fn)(void *ctx, acu_http_xfer *x);

bool acu_http_run_pull(size_t concurrency, CURLSH *share, const acu_http_settings *s,
		acu_http_next_fn next, acu_http_done_fn done, void *ctx, bool eager);

/* The engine over an array: xfers in order, x->index their position; after
 * each end, done(ctx, index) is called outside any libcurl callback. When
 * done returns false, no further transfer is started (those already running
 * complete); the ones never started keep attempts == 0 and outcome NOT_SENT
 * with code CURLE_ABORTED_BY_CALLBACK. Returns false when the multi handle
 * itself fails (x->error of the unstarted ones says so when it could not be
 * made). */
bool acu_http_run_many(acu_http_xfer **xfers, size_t n, size_t concurrency, CURLSH *share,
		const acu_http_settings *s, bool (*done)(void *ctx, size_t index), void *ctx);

#endif
