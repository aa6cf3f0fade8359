// Browser tests of Addons ▸ Acumulus: Debian's Chromium (headless) driven by
// playwright-core against the WHMCS sandbox served over `php -S`, with the
// acumulus extension sending to the local Acumulus simulator (fixture.php).
// Screenshots of every page go to out/screenshots/ for a person to look at.
//
//   ACU_EXT_SO=/path/acumulus.so node --test admin.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const so = process.env.ACU_EXT_SO || path.join(root, 'out/ext/modules/acumulus.so');
const shots = process.env.ACU_SCREENSHOTS || path.join(root, 'out/screenshots');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let fixture;
let info;
let lines;
let context;
let page;
let userDir;
const dialogs = [];
const pageErrors = [];
const leaks = [];

/** One command to fixture.php, its JSON answer. */
async function fx(cmd) {
    fixture.stdin.write(JSON.stringify(cmd) + '\n');
    const { value } = await lines.next();
    const answer = JSON.parse(value);
    if (answer && answer.error) {
        throw new Error('fixture: ' + answer.error);
    }
    return answer;
}

async function shot(name) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

/** The addon page with parameters. */
function url(params = {}) {
    const u = new URL(info.url);
    for (const [k, v] of Object.entries(params)) {
        u.searchParams.set(k, String(v));
    }
    return u.toString();
}

async function num(selector) {
    return Number((await page.locator(selector).first().textContent()).replace(/[^0-9-]/g, ''));
}

before(async () => {
    assert.ok(fs.existsSync(so), `the acumulus extension is not built: ${so}`);
    fixture = spawn('php', [path.join(here, 'fixture.php'), so], { stdio: ['pipe', 'pipe', 'inherit'] });
    lines = createInterface({ input: fixture.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    assert.ok(!first.done, 'fixture.php ended before it was ready');
    info = JSON.parse(first.value);
    assert.equal(info.ready, true);

    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acu-chromium-'));
    context = await chromium.launchPersistentContext(userDir, {
        executablePath: chromiumPath,
        headless: true,
        viewport: { width: 1360, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // WHMCS' admin theme is Bootstrap 3: the tests bring it (from npm) and a stand-in for the chrome.
    const assets = {
        '/__test/css/bootstrap.min.css': [path.join(here, 'node_modules/bootstrap/dist/css/bootstrap.min.css'), 'text/css'],
        '/__test/css/whmcs-admin.css': [path.join(here, 'whmcs-admin.css'), 'text/css'],
    };
    await context.route('**/*', async (route) => {
        const req = route.request();
        const u = new URL(req.url());
        if (!u.href.startsWith(info.base)) {
            return route.abort(); // nothing leaves the machine
        }
        if (assets[u.pathname]) {
            const [file, type] = assets[u.pathname];
            return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
        }
        if (u.pathname.startsWith('/__test/fonts/')) {
            const file = path.join(here, 'node_modules/bootstrap/dist/fonts', path.basename(u.pathname));
            return fs.existsSync(file) ? route.fulfill({ status: 200, body: fs.readFileSync(file) }) : route.fulfill({ status: 404 });
        }
        const response = await route.fetch();
        const type = response.headers()['content-type'] || '';
        const body = await response.text();
        if (body.includes(info.password)) {
            leaks.push(`${req.method()} ${u.pathname}${u.search}`);
        }
        if (req.resourceType() !== 'document' || !type.startsWith('text/html')) {
            return route.fulfill({ response, body });
        }
        const head = '<link rel="stylesheet" href="/__test/css/bootstrap.min.css"><link rel="stylesheet" href="/__test/css/whmcs-admin.css">';
        return route.fulfill({ response, body: body.replace('</title>', '</title>' + head) });
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
    if (context) {
        await context.close().catch(() => {});
    }
    if (userDir) {
        fs.rmSync(userDir, { recursive: true, force: true });
    }
    if (fixture) {
        fixture.stdin.end();
        await new Promise((resolve) => {
            const t = setTimeout(() => { fixture.kill('SIGTERM'); resolve(); }, 15000);
            fixture.on('exit', () => { clearTimeout(t); resolve(); });
        });
    }
});

test('the dashboard shows the counts, a search box and the way to a batch', async () => {
    const r = await page.goto(url());
    assert.equal(r.status(), 200);
    for (const key of ['booked', 'queued', 'failed', 'uncertain', 'skipped']) {
        assert.equal(await num(`[data-count="${key}"] .acu-tile-n`), 0, key);
    }
    assert.match(await page.locator('#acu-problems').textContent(), /Nothing needs your attention/);
    assert.equal(await page.locator('.nav-tabs li.active a').getAttribute('data-tab'), 'dashboard');
    await shot('01-dashboard.png');
});

test('the batch preview counts what it will send, leaves out what it must and says why', async () => {
    await page.goto(url({ action: 'batch' }));
    await page.fill('#acu-from', info.batch.from);
    await page.fill('#acu-to', info.batch.to);
    await page.click('#acu-preview');
    await page.waitForSelector('#acu-preview-send');
    assert.equal(await num('#acu-preview-send span'), info.batch.send);
    assert.equal(await num('#acu-preview-found span'), info.batch.send + 12);
    assert.equal(await num('#acu-preview-skip span'), 12);
    assert.equal(await num('#acu-preview-skips li[data-reason="add_funds"] .badge'), 6);
    assert.equal(await num('#acu-preview-skips li[data-reason="cancelled"] .badge'), 6);
    assert.match(await page.locator('#acu-preview-total').textContent(), /EUR [0-9,]+\.[0-9]{2}/);
    assert.match(await page.locator('#acu-start').textContent(), new RegExp(`send ${info.batch.send} invoices`));
    await shot('02-batch-preview.png');
});

test('a batch of 500 runs with a live progress bar to 100 %, survives a reload, and sums up', { timeout: 180000 }, async () => {
    // latency spreads the batch over several of the page's steps (2.5 s of work each: 500 calls
    // of 40 ms, 4 at a time, take about 5 s), so the bar is seen part-way; two sends meet a busy
    // Acumulus (retried later)
    await fx({ cmd: 'latency', ms: 40 });
    await fx({ cmd: 'fault', endpoint: 'invoices/invoice_add', mode: '503', count: 2, options: { after: 40 } });
    await page.click('#acu-start');
    await page.waitForSelector('#acu-batch');
    const batchUrl = page.url();
    assert.match(batchUrl, /action=batch&id=\d+/, 'the page replaced the POST with the batch\'s own URL');
    assert.equal(await num('#acu-total'), info.batch.send);

    // watch the bar until it is part-way, then reload in the middle of the run
    const seen = [];
    let before = 0;
    for (let i = 0; i < 600; i++) {
        const v = Number(await page.locator('#acu-bar').getAttribute('aria-valuenow'));
        seen.push(v);
        if (v > 0 && v < 100) {
            before = v;
            break;
        }
        await page.waitForTimeout(100);
    }
    assert.ok(before > 0 && before < 100, `the bar showed progress part-way (seen: ${seen.slice(-5).join(', ')})`);
    await shot('03-batch-running.png');
    await page.reload();
    await page.waitForSelector('#acu-batch');
    const after = Number(await page.locator('#acu-bar').getAttribute('aria-valuenow'));
    assert.ok(after >= before, `after the reload the bar kept its place (${before} → ${after})`);

    await page.waitForSelector('#acu-summary', { timeout: 150000 });
    assert.equal(await page.locator('#acu-bar').getAttribute('aria-valuenow'), '100');
    assert.equal(await num('#acu-done'), info.batch.send);
    const booked = await num('#acu-booked');
    const skipped = await num('#acu-skipped');
    const failed = await num('#acu-failed');
    const later = await num('#acu-later');
    assert.equal(booked + skipped + failed + later, info.batch.send, 'every invoice has an outcome');
    assert.equal(later, 2, 'the two sends that met HTTP 503 wait for a retry');
    assert.equal(await page.locator('#acu-problem-rows tr').count(), 2 + failed);
    assert.match(await page.locator('#acu-problem-rows').textContent(), /busy or not available.*503/s);

    const c = await fx({ cmd: 'counts' });
    assert.equal(c.entries, c.documents, 'every booking in Acumulus is in the ledger, once');
    assert.equal(c.concepts, c.conceptDocuments, 'every concept in Acumulus is in the ledger, once');
    assert.equal(c.entries + c.concepts, booked, 'the summary counts what Acumulus holds');
    await fx({ cmd: 'latency', ms: 0 });
    await shot('04-batch-summary.png');
});

test('a failure is retried from the dashboard, one and then all', { timeout: 120000 }, async () => {
    await page.goto(url());
    const rows = page.locator('#acu-problems tbody tr');
    const n = await rows.count();
    assert.ok(n >= 2, 'the failures are listed');
    assert.equal(await num('[data-count="queued"] .acu-tile-n'), 2);
    assert.match(await rows.first().locator('.acu-reason').textContent(), /Acumulus was busy or not available\..*503/s);
    await shot('05-dashboard-failures.png');

    const id = await rows.first().getAttribute('data-invoice');
    await rows.first().locator('button.acu-retry').click();
    await page.waitForSelector('.acu-message');
    assert.match(await page.locator('.acu-message').first().textContent(), new RegExp(`Invoice ${id} is booked in Acumulus as invoice \\d+`));
    assert.equal(await page.locator(`#acu-problems tbody tr[data-invoice="${id}"]`).count(), 0, 'the row is gone');
    const row = await fx({ cmd: 'invoice', id: Number(id) });
    assert.ok(['booked', 'paid'].includes(row.state), `ledger state ${row.state}`);

    await page.click('#acu-retry-all');
    await page.waitForSelector('#acu-summary', { timeout: 60000 });
    await page.goto(url());
    assert.match(await page.locator('#acu-problems').textContent(), /Nothing needs your attention/);
    assert.equal(await num('[data-count="queued"] .acu-tile-n'), 0);
    await shot('06-dashboard-after-retry.png');
});

test('a dry run shows the exact XML with the credentials masked and Acumulus\' test-mode answer', async () => {
    const before = (await fx({ cmd: 'counts' })).entries;
    const id = info.xss.invoices[info.xss.invoices.length - 1];
    await page.goto(url({ action: 'invoice', id }));
    await page.click('#acu-dryrun-link');
    await page.waitForSelector('#acu-dryrun-xml');
    const xml = await page.locator('#acu-dryrun-xml').textContent();
    assert.match(xml, /<myxml>|<contract>/);
    assert.match(xml, /<invoice>[\s\S]*<line>/);
    assert.ok(!xml.includes(info.password), 'the password is not in the XML');
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co'), 'the client name is escaped in the XML');
    assert.match(await page.locator('#acu-dryrun-answer').textContent(), /Acumulus accepts it/);
    assert.equal((await fx({ cmd: 'counts' })).entries, before, 'test mode stored nothing');
    await shot('07-dry-run.png');
});

test('a client named <script>alert(1)</script> & Co is shown as text everywhere', async () => {
    const id = info.xss.invoices[0];
    for (const target of [url({ action: 'invoice', id }), url({ action: 'client', id: info.xss.client }),
        url({ action: 'batch', preview: 1, from: info.xss.date, to: info.xss.date })]) {
        await page.goto(target);
        const cell = page.getByText(info.xss.company, { exact: false }).first();
        assert.ok(await cell.isVisible(), `the name is visible as text on ${target}`);
        assert.equal(await page.locator('img[src="x"]').count(), 0, 'no injected element');
        const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent).join('\n'));
        assert.ok(!inline.includes('alert('), 'no injected script');
    }
    await page.goto(url({ action: 'invoice', id }));
    await shot('08-invoice.png');
    assert.deepEqual(dialogs, [], 'no script ran: no dialog opened');
});

test('the WHMCS invoice page shows the Acumulus state and sends; the client summary shows the contact', async () => {
    const id = info.xss.invoices[info.xss.invoices.length - 1];
    const invoicePage = new URL(`/admin/invoices.php?action=edit&id=${id}`, info.base).toString();
    await page.goto(invoicePage);
    const panel = page.locator('#acumulus-invoice-panel');
    assert.ok(await panel.isVisible(), 'the panel of AdminInvoicesControlsOutput');
    assert.match(await panel.textContent(), /Not sent yet/);
    await shot('10-invoice-page-unsent.png');

    await page.click('#acu-panel-send');
    await page.waitForSelector('.acu-message');
    const message = await page.locator('.acu-message').first().textContent();
    const number = (message.match(new RegExp(`Invoice ${id} is booked in Acumulus as invoice (\\d+)`)) || [])[1];
    assert.ok(number, `booked from the invoice page: ${message}`);

    await page.goto(invoicePage);
    assert.match(await panel.textContent(), new RegExp(`Acumulus no\\.\\s*${number}`));
    const pdf = await panel.locator('a.acu-pdf').getAttribute('href');
    assert.match(pdf, /^https:\/\/127\.0\.0\.1:\d+\/acumulus\/stable\/invoices\/invoice_get_pdf\.php\?token=\w+/);
    assert.ok(!pdf.includes(info.password));
    assert.equal(await panel.locator('#acu-panel-send').count(), 0, 'booked: no send button');
    assert.match(await panel.locator('#acu-panel-resend').getAttribute('href'), /action=invoice&id=\d+#acu-resend-form/);
    await shot('11-invoice-page-booked.png');

    await page.goto(new URL(`/admin/clientssummary.php?userid=${info.xss.client}`, info.base).toString());
    const link = page.locator('a.acumulus-client-link');
    assert.match(await link.textContent(), /Acumulus contact \d+ \(2 invoices booked\)/);
    assert.ok(await page.getByText(info.xss.company).first().isVisible(), 'the company name as text');
    await shot('12-client-summary.png');
    await link.click();
    await page.waitForSelector('.acumulus-admin');
    assert.match(await page.locator('.acumulus-admin').textContent(), /Acumulus contact: \d+/);
});

test('the health page shows the extension, its libraries, the credentials, picklists and cron', async () => {
    await page.goto(url({ action: 'health' }));
    assert.equal(await page.locator('tr[data-check="extension"]').getAttribute('data-status'), 'ok');
    assert.ok(await page.locator('#acu-libs').isVisible(), 'the libraries table');
    assert.match(await page.locator('#acu-libs').textContent(), /libcurl[\s\S]*libxml2[\s\S]*OpenSSL/);
    await page.click('#acu-recheck');
    await page.waitForSelector('.acu-message');
    assert.equal(await page.locator('tr[data-check="credentials"]').getAttribute('data-status'), 'ok');
    assert.equal(await page.locator('tr[data-check="picklists"]').getAttribute('data-status'), 'ok');
    assert.equal(await page.locator('tr[data-check="cron"]').getAttribute('data-status'), 'ok');
    const html = await page.content();
    assert.ok(!html.includes(info.password), 'no password in the page');
    await shot('09-health.png');
});

test('a state-changing POST without the session\'s token is refused', async () => {
    await page.goto(url());
    const status = await page.evaluate(async (u) => {
        const r = await fetch(u, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: 'acumulus_action=retry_all&nonce=' + 'a'.repeat(32) });
        return r.status;
    }, url());
    assert.equal(status, 403);
    assert.deepEqual(leaks, [], 'no response carried the password');
    assert.deepEqual(pageErrors, [], 'no script error on any page');
});

test('in Dutch for an admin whose language is Dutch', async () => {
    await fx({ cmd: 'language', language: 'dutch' });
    try {
        await page.goto(url());
        assert.equal(await page.locator('.nav-tabs li.active a').textContent(), 'Overzicht');
        assert.match(await page.locator('[data-count="booked"] .acu-tile-label').textContent(), /Geboekt/);
        assert.match(await page.locator('#acumulus-admin').textContent(), /Batch versturen/);
        await shot('13-dashboard-dutch.png');
        await page.goto(url({ action: 'batch', id: 1 }));
        assert.match(await page.locator('#acu-summary').textContent(), /geboekt in Acumulus/);
        await shot('14-batch-summary-dutch.png');
    } finally {
        await fx({ cmd: 'language', language: 'english' });
    }
});
