/*
 * Acumulus for WHMCS, Addons ▸ Acumulus: the live progress of a batch.
 * The page asks the server to work on the batch for a few seconds at a time
 * (POST acumulus_action=batch_step with the CSRF token) and shows the
 * progress it answers, until the batch is done; then it loads the summary.
 * Everything shown comes from the server and is put in as text, never as HTML.
 */
(function () {
    'use strict';

    var root = document.getElementById('acu-batch');
    if (!root || !window.fetch) {
        return;
    }
    var cfg = JSON.parse(root.getAttribute('data-config'));
    var errors = 0;
    var stopped = false;

    // The page may be the answer to the POST that started the batch: a reload
    // must show the batch, not post the form again.
    if (window.history && history.replaceState) {
        history.replaceState(null, '', cfg.pageUrl);
    }

    function byId(id) {
        return document.getElementById(id);
    }

    function setText(id, text) {
        var el = byId(id);
        if (el) {
            el.textContent = String(text);
        }
    }

    function fill(template, values) {
        var i = 0;
        return template.replace(/%s/g, function () {
            return String(values[i++]);
        });
    }

    function duration(s) {
        var d = cfg.text.duration;
        if (s < 60) {
            return fill(d.s, [s]);
        }
        if (s < 3600) {
            return fill(d.min_s, [Math.floor(s / 60), s % 60]);
        }
        if (s < 86400) {
            return fill(d.h_min, [Math.floor(s / 3600), Math.floor((s % 3600) / 60)]);
        }
        return fill(d.d_h, [Math.floor(s / 86400), Math.floor((s % 86400) / 3600)]);
    }

    function status(text, level) {
        var el = byId('acu-batch-status');
        if (el) {
            el.textContent = text;
            el.className = 'acu-batch-status' + (level ? ' text-' + level : '');
        }
    }

    function problems(list) {
        var box = byId('acu-batch-problems');
        var body = byId('acu-problem-rows');
        if (!box || !body) {
            return;
        }
        while (body.firstChild) {
            body.removeChild(body.firstChild);
        }
        list.forEach(function (p) {
            var tr = document.createElement('tr');
            var td1 = document.createElement('td');
            var a = document.createElement('a');
            a.href = cfg.invoiceUrl + '&id=' + encodeURIComponent(p.invoiceid);
            a.textContent = '#' + p.invoiceid;
            td1.appendChild(a);
            var td2 = document.createElement('td');
            var label = document.createElement('span');
            label.className = 'label ' + (p.outcome === 'failed' ? 'label-danger' : (p.outcome === 'retry' ? 'label-info' : 'label-warning'));
            label.setAttribute('data-state', p.outcome);
            label.textContent = cfg.labels[p.outcome] || p.outcome;
            td2.appendChild(label);
            var td3 = document.createElement('td');
            td3.textContent = p.reason;
            tr.appendChild(td1);
            tr.appendChild(td2);
            tr.appendChild(td3);
            body.appendChild(tr);
        });
        box.style.display = list.length ? '' : 'none';
    }

    function update(p) {
        var bar = byId('acu-bar');
        if (bar) {
            bar.style.width = p.percent + '%';
            bar.setAttribute('aria-valuenow', String(p.percent));
        }
        setText('acu-bar-text', p.percent + ' %');
        setText('acu-done', p.done);
        setText('acu-total', p.total);
        setText('acu-booked', p.counts.booked + p.counts.concept);
        setText('acu-skipped', p.counts.skipped);
        setText('acu-failed', p.counts.failed);
        setText('acu-later', p.counts.retry + p.counts.uncertain);
        setText('acu-eta', p.eta === null ? '…' : duration(p.eta));
        root.setAttribute('data-done', String(p.done));
        root.setAttribute('data-state', p.state);
        problems(p.problems || []);
    }

    function finished() {
        stopped = true;
        status(cfg.text.finished, 'success');
        var bar = byId('acu-bar');
        if (bar) {
            bar.className = 'progress-bar progress-bar-success';
        }
        // the summary is the server's: load the batch's page once more
        window.setTimeout(function () {
            window.location.replace(cfg.pageUrl);
        }, 600);
    }

    function failed(text) {
        errors += 1;
        if (errors > 6) {
            stopped = true;
            status(cfg.text.expired, 'danger');
            return;
        }
        status(text, 'warning');
        window.setTimeout(step, 1500 * errors);
    }

    function step() {
        if (stopped) {
            return;
        }
        var body = 'token=' + encodeURIComponent(cfg.token) + '&acumulus_action=batch_step&batch=' + encodeURIComponent(cfg.batch);
        window.fetch(cfg.stepUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
            body: body
        }).then(function (r) {
            var type = r.headers.get('Content-Type') || '';
            if (type.indexOf('application/json') !== 0) {
                // WHMCS answered with a page: the session or the token is no longer valid
                stopped = true;
                status(cfg.text.expired, 'danger');
                return null;
            }
            return r.json();
        }).then(function (p) {
            if (p === null || stopped) {
                return;
            }
            if (p.error) {
                failed(cfg.text.error);
                return;
            }
            errors = 0;
            update(p);
            if (p.state !== 'running') {
                finished();
            } else if (p.blocked) {
                stopped = true;
                status(cfg.text.nosend, 'danger');
            } else if (!p.worked) {
                status(cfg.text.waiting, 'info');
                window.setTimeout(step, 1000);
            } else {
                status(cfg.text.working, '');
                window.setTimeout(step, 0);
            }
        }).catch(function () {
            failed(cfg.text.error);
        });
    }

    if (cfg.state === 'running') {
        step();
    }
}());
