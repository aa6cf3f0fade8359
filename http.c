/*
 * HTTPS transport on libcurl (see http.h for the policy and the "sent" rule).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "mem.h"

void acu_http_init(acu_http_xfer *x, const char *url, const char *body, size_t body_len,
		bool idempotent, size_t max_response)
{
	memset(x, 0, sizeof(*x));
	x->url = url;
	x->body = body;
	x->body_len = body_len;
	x->idempotent = idempotent;
	x->max_response = max_response;
	x->outcome = ACU_HTTP_NOT_SENT;
	x->retry_after = -1;
	acu_buf_init(&x->resp, SIZE_MAX);
}

static size_t acu_http_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	acu_http_xfer *x = userdata;
	size_t n = size * nmemb;

	if (n > x->max_response - x->resp.len || x->resp.len > x->max_response) {
		x->too_large = true;
		return 0;   /* CURLE_WRITE_ERROR */
	}
	if (acu_buf_append(&x->resp, ptr, n) != ACU_BUF_OK) {
		return 0;
	}
	return n;
}

/* Called by libcurl right before it writes a request on a connection, once
 * per attempt. A second attempt is libcurl resending after a reused
 * connection died without an answer: fine for an idempotent request, refused
 * for one that may already have taken effect. */
static int acu_http_prereq(void *clientp, char *conn_primary_ip, char *conn_local_ip,
		int conn_primary_port, int conn_local_port)
{
	acu_http_xfer *x = clientp;

	(void) conn_primary_ip; (void) conn_local_ip; (void) conn_primary_port; (void) conn_local_port;
	x->attempts++;
	if (x->attempts == 1) {
		long made = 0;

		/* no new connection yet: this first attempt goes out on a reused one */
		curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &made);
		x->first_reused = (made == 0);
	}
	if (x->attempts > 1 && !x->idempotent) {
		x->resend_refused = true;
		return CURL_PREREQFUNC_ABORT;
	}
	return CURL_PREREQFUNC_OK;
}

CURLSH *acu_http_share_new(void)
{
	CURLSH *sh = curl_share_init();

	if (sh == NULL) {
		return NULL;
	}
	if (curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS) != CURLSHE_OK
			|| curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK
			|| curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK) {
		curl_share_cleanup(sh);
		return NULL;
	}
	return sh;
}

#define ACU_SET(opt, val) do { \
		if ((rc = curl_easy_setopt(x->easy, opt, val)) != CURLE_OK) { \
			snprintf(x->error, sizeof(x->error), "libcurl refused option %s: %s", #opt, curl_easy_strerror(rc)); \
			goto fail; \
		} \
	} while (0)

bool acu_http_setup(acu_http_xfer *x, CURLSH *share, const acu_http_settings *s)
{
	CURLcode rc;
	struct curl_slist *h;

	x->easy = curl_easy_init();
	if (x->easy == NULL) {
		snprintf(x->error, sizeof(x->error), "libcurl could not make a handle");
		return false;
	}
	ACU_SET(CURLOPT_ERRORBUFFER, x->error);
	ACU_SET(CURLOPT_NOSIGNAL, 1L);
	ACU_SET(CURLOPT_URL, x->url);
	/* HTTPS only, redirects not followed (and https only if that ever changes) */
	ACU_SET(CURLOPT_PROTOCOLS_STR, "https");
	ACU_SET(CURLOPT_REDIR_PROTOCOLS_STR, "https");
	ACU_SET(CURLOPT_FOLLOWLOCATION, 0L);
	/* TLS: verification is always on; a CA file replaces the system store */
	ACU_SET(CURLOPT_SSL_VERIFYPEER, 1L);
	ACU_SET(CURLOPT_SSL_VERIFYHOST, 2L);
	ACU_SET(CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2);
	if (s->cafile && s->cafile[0]) {
		ACU_SET(CURLOPT_CAINFO, s->cafile);
	}
	ACU_SET(CURLOPT_HTTP_VERSION, (long) CURL_HTTP_VERSION_1_1);
	ACU_SET(CURLOPT_CONNECTTIMEOUT_MS, s->connect_timeout_ms);
	ACU_SET(CURLOPT_TIMEOUT_MS, s->timeout_ms);
	if (s->user_agent) {
		ACU_SET(CURLOPT_USERAGENT, s->user_agent);
	}
	if (share) {
		ACU_SET(CURLOPT_SHARE, share);
	}
	/* the request: a form POST; no "Expect: 100-continue" round trip */
	h = curl_slist_append(NULL, "Expect:");
	if (h == NULL) {
		snprintf(x->error, sizeof(x->error), "out of memory");
		goto fail;
	}
	x->headers = h;
	h = curl_slist_append(x->headers, "Accept: text/xml, application/xml");
	if (h == NULL) {
		snprintf(x->error, sizeof(x->error), "out of memory");
		goto fail;
	}
	x->headers = h;
	ACU_SET(CURLOPT_HTTPHEADER, x->headers);
	ACU_SET(CURLOPT_POST, 1L);
	ACU_SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) x->body_len);
	ACU_SET(CURLOPT_POSTFIELDS, x->body ? x->body : "");
	/* the answer: into our buffer, capped */
	ACU_SET(CURLOPT_WRITEFUNCTION, acu_http_write);
	ACU_SET(CURLOPT_WRITEDATA, x);
	ACU_SET(CURLOPT_PREREQFUNCTION, acu_http_prereq);
	ACU_SET(CURLOPT_PREREQDATA, x);
	return true;

fail:
	curl_easy_cleanup(x->easy);
	x->easy = NULL;
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	return false;
}

#undef ACU_SET

static bool acu_http_tls_code(CURLcode code)
{
	switch (code) {
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CERTPROBLEM:
		case CURLE_SSL_CIPHER:
		case CURLE_SSL_CACERT_BADFILE:
		case CURLE_SSL_ISSUER_ERROR:
		case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		case CURLE_SSL_INVALIDCERTSTATUS:
		case CURLE_SSL_ENGINE_NOTFOUND:
		case CURLE_SSL_ENGINE_SETFAILED:
		case CURLE_SSL_ENGINE_INITFAILED:
		case CURLE_SSL_CRL_BADFILE:
		case CURLE_SSL_SHUTDOWN_FAILED:
			return true;
		default:
			return false;
	}
}

void acu_http_finish(acu_http_xfer *x, CURLcode code)
{
	curl_off_t uploaded = 0, total_time = 0;
	long request_size = 0;
	char *ct = NULL;
	struct curl_header *hdr = NULL;

	x->code = code;
	if (x->easy == NULL) {
		x->outcome = ACU_HTTP_NOT_SENT;
		return;
	}
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &x->status);
	curl_easy_getinfo(x->easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
	curl_easy_getinfo(x->easy, CURLINFO_REQUEST_SIZE, &request_size);
	curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &x->connects);
	curl_easy_getinfo(x->easy, CURLINFO_TOTAL_TIME_T, &total_time);
	x->elapsed_us = (long) total_time;
	if (curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) {
		snprintf(x->content_type, sizeof(x->content_type), "%s", ct);
	}
	if (x->status > 0 && curl_easy_header(x->easy, "Retry-After", 0, CURLH_HEADER, -1, &hdr) == CURLHE_OK) {
		char *end = NULL;
		long v = strtol(hdr->value, &end, 10);

		if (end != hdr->value && *end == '\0' && v >= 0) {
			x->retry_after = v;
		}
	}
	hdr = NULL;
	if (x->status >= 300 && x->status < 400
			&& curl_easy_header(x->easy, "Location", 0, CURLH_HEADER, -1, &hdr) == CURLHE_OK) {
		snprintf(x->location, sizeof(x->location), "%s", hdr->value);
	}

	if (code == CURLE_OK) {
		x->outcome = ACU_HTTP_RESPONSE;
	} else if (x->too_large) {
		x->outcome = ACU_HTTP_TOO_LARGE;
		snprintf(x->error, sizeof(x->error), "the answer is longer than the limit of %zu bytes (acumulus.max_response_size)",
			x->max_response);
	} else if (x->resend_refused) {
		/* what happened on the wire: the reused connection gave nothing */
		code = CURLE_GOT_NOTHING;
		x->code = code;
		x->outcome = ACU_HTTP_SENT_UNKNOWN;
		snprintf(x->error, sizeof(x->error),
			"the connection closed after the request was sent and before an answer came");
	} else if (x->attempts == 0) {
		/* no connection was ready: nothing was written */
		x->outcome = ACU_HTTP_NOT_SENT;
	} else if (!x->idempotent && x->first_reused) {
		/* a reused connection may have died after taking the whole request,
		 * and libcurl's counters may then describe its retry instead */
		x->outcome = ACU_HTTP_SENT_UNKNOWN;
	} else if (request_size <= 0 || (x->body_len > 0 && uploaded < (curl_off_t) x->body_len)) {
		/* the request was not written whole: the server cannot act on it */
		x->outcome = ACU_HTTP_NOT_SENT;
	} else {
		x->outcome = ACU_HTTP_SENT_UNKNOWN;
	}
	if (code != CURLE_OK) {
		x->tls = acu_http_tls_code(code);
		if (x->error[0] == '\0') {
			snprintf(x->error, sizeof(x->error), "%s", curl_easy_strerror(code));
		}
	}
	curl_easy_cleanup(x->easy);
	x->easy = NULL;
	curl_slist_free_all(x->headers);
	x->headers = NULL;
}

void acu_http_perform(acu_http_xfer *x, CURLSH *share, const acu_http_settings *s)
{
	if (!acu_http_setup(x, share, s)) {
		x->code = CURLE_FAILED_INIT;
		x->outcome = ACU_HTTP_NOT_SENT;
		return;
	}
	acu_http_finish(x, curl_easy_perform(x->easy));
}

void acu_http_free(acu_http_xfer *x)
{
	if (x->easy) {
		curl_easy_cleanup(x->easy);
		x->easy = NULL;
	}
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	acu_buf_free(&x->resp);
}

acu_buf_status acu_http_form_encode(acu_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	acu_buf_status st;
	size_t i;

	/* worst case: every byte becomes three */
	if (len > (SIZE_MAX - 1) / 3) {
		return ACU_BUF_LIMIT;
	}
	if ((st = acu_buf_reserve(out, len * 3)) != ACU_BUF_OK) {
		return st;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char) s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
				|| c == '-' || c == '.' || c == '_' || c == '~') {
			out->data[out->len++] = (char) c;
		} else {
			out->data[out->len++] = '%';
			out->data[out->len++] = hex[c >> 4];
			out->data[out->len++] = hex[c & 15];
		}
	}
	out->data[out->len] = '\0';
	return ACU_BUF_OK;
}

/* A list of transfers: those a batch has running (to end them all when the
 * multi handle fails; at most concurrency), and those that ended and are
 * not reported yet (fewer than 2 × concurrency: see the start loop). */
typedef struct acu_http_list {
	acu_http_xfer **x;
	size_t n;
} acu_http_list;

static void acu_http_list_drop(acu_http_list *l, const acu_http_xfer *x)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->x[i] == x) {
			l->x[i] = l->x[--l->n];
			return;
		}
	}
}

/* Takes every transfer that ended off the multi handle, finished, into ended. */
static void acu_http_collect(CURLM *multi, acu_http_list *running, acu_http_list *ended)
{
	CURLMsg *msg;
	int left = 0;

	while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
		acu_http_xfer *x = NULL;
		CURL *easy;
		CURLcode code;

		if (msg->msg != CURLMSG_DONE) {
			continue;
		}
		easy = msg->easy_handle;
		code = msg->data.result;
		curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **) &x);
		/* msg points into the multi handle: read before anything else is done with it */
		curl_multi_remove_handle(multi, easy);
		acu_http_list_drop(running, x);
		acu_http_finish(x, code);
		ended->x[ended->n++] = x;
	}
}

/* Reports the transfers that ended, in the order they ended. */
static void acu_http_report(acu_http_list *ended, acu_http_done_fn done, void *ctx, bool *go_on)
{
	size_t i;

	for (i = 0; i < ended->n; i++) {
		if (!done(ctx, ended->x[i])) {
			*go_on = false;
		}
	}
	ended->n = 0;
}

/* A transfer pulled but never started (the batch stopped or failed first):
 * not sent, reported as such. */
static void acu_http_never_started(acu_http_xfer *x, const char *why)
{
	snprintf(x->error, sizeof(x->error), "%s", why);
	x->code = CURLE_ABORTED_BY_CALLBACK;
	x->outcome = ACU_HTTP_NOT_SENT;
}

bool acu_http_run_pull(size_t concurrency, CURLSH *share, const acu_http_settings *s,
		acu_http_next_fn next, acu_http_done_fn done, void *ctx, bool eager)
{
	CURLM *multi;
	acu_http_list r, f;
	acu_http_xfer *ready = NULL;  /* eager: made while the slots were full */
	bool go_on = true, more = true, ok = true;
	size_t i;

	if (concurrency == 0) {
		return true;
	}
	multi = curl_multi_init();
	if (multi == NULL) {
		return false;
	}
	r.n = f.n = 0;
	r.x = acu_mem_realloc(NULL, 3 * concurrency * sizeof(*r.x));
	if (r.x == NULL) {
		curl_multi_cleanup(multi);
		return false;
	}
	f.x = r.x + concurrency;
	/* the connections go back to the share's pool; keep enough of them */
	curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, (long) concurrency);

	for (;;) {
		int still = 0, numfds = 0;

		/* start transfers while a slot is free; each one gets going (connect,
		 * the request written) before the caller makes the next. Eager, the
		 * transfers that ended meanwhile are reported only after the free
		 * slots were filled again, so the work done does overlaps the
		 * transfers in flight. f.n <= concurrency before a collect keeps f
		 * within its 2 × concurrency (a collect adds at most r.n; so does the
		 * failure path below, reached with f.n <= concurrency) */
		while (go_on && (more || ready) && r.n < concurrency && f.n <= concurrency) {
			acu_http_xfer *x = ready;

			ready = NULL;
			if (x == NULL && (x = next(ctx)) == NULL) {
				more = false;
				break;
			}
			if (!acu_http_setup(x, share, s)) {
				x->code = CURLE_FAILED_INIT;
				x->outcome = ACU_HTTP_NOT_SENT;
				go_on = done(ctx, x) && go_on;
				continue;
			}
			curl_easy_setopt(x->easy, CURLOPT_PRIVATE, (void *) x);
			if (curl_multi_add_handle(multi, x->easy) != CURLM_OK) {
				snprintf(x->error, sizeof(x->error), "libcurl could not start the transfer");
				acu_http_finish(x, CURLE_FAILED_INIT);
				go_on = done(ctx, x) && go_on;
				continue;
			}
			r.x[r.n++] = x;
			if (curl_multi_perform(multi, &still) != CURLM_OK) {
				ok = false;
				goto failed;
			}
			acu_http_collect(multi, &r, &f);
			if (!eager) {
				acu_http_report(&f, done, ctx, &go_on);
			}
		}
		acu_http_report(&f, done, ctx, &go_on);
		/* eager: the next one is made now, while every slot is busy, to start
		 * the moment one is free */
		if (eager && go_on && more && ready == NULL && r.n >= concurrency) {
			if ((ready = next(ctx)) == NULL) {
				more = false;
			}
		}
		if (!go_on && ready) {
			/* done said stop after the next one was made */
			acu_http_never_started(ready, "the batch was stopped before this call");
			go_on = done(ctx, ready) && go_on;
			ready = NULL;
		}
		if (r.n == 0) {
			if (ready == NULL && !(go_on && more)) {
				break; /* nothing runs, nothing more to start */
			}
			/* every slot is free: the one made, or more (the fill loop can stop
			 * at f.n > concurrency with all its transfers ended already) */
			continue;
		}
		if (curl_multi_perform(multi, &still) != CURLM_OK) {
			ok = false;
			break;
		}
		acu_http_collect(multi, &r, &f);
		if (f.n > 0) {
			if (!eager) {
				acu_http_report(&f, done, ctx, &go_on);
			}
			continue; /* slots are free: fill them (then report) */
		}
		/* wait only when nothing can be started */
		if (!go_on || !(more || ready) || r.n >= concurrency) {
			if (curl_multi_poll(multi, NULL, 0, 1000, &numfds) != CURLM_OK) {
				ok = false;
				break;
			}
		}
	}

failed:
	if (!ok) {
		/* the multi handle failed: what ended is reported, then what runs is
		 * ended, as sent if it may have been, and the one made is not sent */
		for (i = 0; i < r.n; i++) {
			acu_http_xfer *x = r.x[i];

			curl_multi_remove_handle(multi, x->easy);
			snprintf(x->error, sizeof(x->error), "libcurl's multi handle failed");
			acu_http_finish(x, CURLE_FAILED_INIT);
			f.x[f.n++] = x;
		}
		r.n = 0;
		acu_http_report(&f, done, ctx, &go_on);
		if (ready) {
			acu_http_never_started(ready, "libcurl's multi handle failed before this call started");
			done(ctx, ready);
		}
	}
	acu_mem_free(r.x);
	curl_multi_cleanup(multi);
	return ok;
}

/* acu_http_run_many: the engine over an array */
typedef struct acu_http_many {
	acu_http_xfer **xfers;
	size_t n, next;
	bool (*done)(void *ctx, size_t index);
	void *ctx;
} acu_http_many;

static acu_http_xfer *acu_http_many_next(void *ctx)
{
	acu_http_many *m = ctx;
	acu_http_xfer *x;

	if (m->next >= m->n) {
		return NULL;
	}
	x = m->xfers[m->next];
	x->index = m->next++;
	return x;
}

static bool acu_http_many_done(void *ctx, acu_http_xfer *x)
{
	acu_http_many *m = ctx;

	return m->done(m->ctx, x->index);
}

bool acu_http_run_many(acu_http_xfer **xfers, size_t n, size_t concurrency, CURLSH *share,
		const acu_http_settings *s, bool (*done)(void *ctx, size_t index), void *ctx)
{
	acu_http_many m;
	bool ok;
	size_t i;

	m.xfers = xfers;
	m.n = n;
	m.next = 0;
	m.done = done;
	m.ctx = ctx;
	ok = acu_http_run_pull(concurrency, share, s, acu_http_many_next, acu_http_many_done, &m, false);
	for (i = m.next; i < n; i++) {
		if (!ok && m.next == 0) {
			snprintf(xfers[i]->error, sizeof(xfers[i]->error), "libcurl could not make a multi handle");
			xfers[i]->code = CURLE_FAILED_INIT;
		} else {
			xfers[i]->code = CURLE_ABORTED_BY_CALLBACK;
		}
		xfers[i]->outcome = ACU_HTTP_NOT_SENT;
	}
	return ok;
}
