'use strict';
// The demo page in real Chromium (Debian's, driven by playwright-core; nothing is downloaded):
// sign up through the form, click every attack-lab button, and check the HTTP status and the
// security event each one shows, the per-type counts, that the stored XSS did not run, that
// the brute force left the user's own sign-in working, and that the page loads with no
// console error, CSP violation or 404 (favicon included). Screenshot: /tmp/bulwark-demo-lab.png.
// Chromium: CHROMIUM_PATH, or Debian's, installed when missing as root on Debian
// (scripts/ensure-chromium.mjs, which npm test also runs as a step of its own).
/* global window, document, getComputedStyle -- page.evaluate callbacks run in the browser */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { makeApp, uniqueEmail } = require('./helpers');

const SCREENSHOT = path.join(os.tmpdir(), 'bulwark-demo-lab.png');

// Attack id -> the status it must get and the events (types) it must produce.
const EXPECTED = {
  xss: [201, ['html']],
  traversal: [400, ['path']],
  ssrf: [400, ['ssrf']],
  prototype: [400, ['prototype']],
  operator: [400, ['operator']],
  hpp: [200, ['parameterPollution']],
  oversize: [413, ['limit']],
  bruteforce: [429, ['login', 'login', 'login', 'login', 'login', 'rateLimit']],
};

test('the attack lab in Chromium: each attack shows its status and event; no console errors', async (t) => {
  // CHROMIUM_PATH or Debian's chromium (installed when missing, as root on Debian); throws otherwise.
  const { ensureChromium, CHROMIUM_FLAGS } = await import('../../scripts/ensure-chromium.mjs');
  const browser = ensureChromium();
  // The real login limiter (5 failures per account and IP); the rest generous for the test.
  // Cheap argon2 parameters: this test is about the page (auth.test.js checks the real ones).
  const { app } = await makeApp({
    rateLimit: { auth: 1000, preview: 1000, api: 10000 },
    passwordOptions: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  });
  const server = http.createServer(app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const origin = `http://127.0.0.1:${server.address().port}`;

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browser,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1100, height: 900 },
  });
  // node:test runs after-hooks in the order they were added: the browser must be closed
  // before its profile directory is removed (it writes there until it exits).
  t.after(async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
  });
  // Generous: on a loaded machine the brute force's argon2 verifications alone can take
  // longer than playwright's default 30 s; a passing run never waits for this.
  context.setDefaultTimeout(120000);
  const page = await context.newPage();

  const problems = [];
  const attackUrls = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === origin && /^\/(api\/(login|comments|preview)|files\/)/.test(url.pathname))
      attackUrls.push(url.pathname);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    // The attacks are refused on purpose: Chromium reports each refused fetch.
    const expectedRefusal =
      /^Failed to load resource: the server responded with a status of (400|401|413|429)/.test(msg.text()) &&
      /\/(api\/(login|comments|preview)|files\/)/.test(msg.location().url ?? '');
    if (!expectedRefusal) problems.push(`console ${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened (script ran): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('response', (res) => {
    if (res.status() === 404) problems.push(`404: ${res.url()}`);
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await page.goto(`${origin}/`);
  await page.waitForSelector('#lab-attacks button[data-attack="bruteforce"]');
  assert.equal(await page.locator('#lab-attacks button').count(), Object.keys(EXPECTED).length);
  const icon = await page.evaluate(() => fetch('/favicon.svg').then((r) => [r.status, r.headers.get('content-type')]));
  assert.deepEqual(icon, [200, 'image/svg+xml']);

  // Sign up through the form: success is shown as success.
  const email = uniqueEmail('browser');
  const password = 'correct horse battery staple';
  await page.fill('#auth-form input[name=email]', email);
  await page.fill('#auth-form input[name=password]', password);
  await page.click('#auth-form button[value=signup]');
  await page.waitForSelector('#status.status-ok');
  assert.equal(await page.textContent('#status'), 'Account created; you are signed in.');
  assert.equal(await page.textContent('#whoami'), `Signed in as ${email}`);
  const colors = await page.$eval('#status', (el) => getComputedStyle(el).color);
  assert.equal(colors, 'rgb(20, 83, 45)', 'green, not the error red');

  for (const [id, [status, types]] of Object.entries(EXPECTED)) {
    const row = page.locator(`#attack-${id}`);
    await page.click(`#lab-attacks button[data-attack="${id}"]`);
    await page.waitForFunction((rowId) => document.getElementById(rowId).dataset.status, `attack-${id}`);
    assert.equal(await row.getAttribute('data-status'), String(status), `${id}: ${await row.textContent()}`);
    assert.deepEqual((await row.getAttribute('data-events')).split(' '), types, id);
    assert.match(await row.locator('.lab-status').textContent(), new RegExp(`^${status}\\b`));
    assert.match(await row.locator('.lab-event').textContent(), new RegExp(`^${types[0]} \\(`));
  }

  // The live view: counts per type, from this browser's requests.
  const counts = Object.fromEntries(
    await page.$$eval('#event-counts li', (items) =>
      items.map((li) => [li.dataset.type, Number(li.querySelector('.event-count').textContent)]),
    ),
  );
  assert.deepEqual(counts, {
    html: 1,
    limit: 1,
    login: 5,
    operator: 1,
    parameterPollution: 1,
    path: 1,
    prototype: 1,
    rateLimit: 1,
    ssrf: 1,
  });

  // The stored comment kept its bold text and lost the image and the script.
  await page.waitForSelector('#comment-list b');
  const stored = await page.$eval('#comment-list li div', (el) => el.innerHTML);
  assert.equal(stored, '<b>lab</b>');

  // The brute force did not lock this browser out: sign out, sign in again.
  await page.click('#logout');
  await page.waitForSelector('#auth-form:not([hidden])');
  await page.fill('#auth-form input[name=email]', email);
  await page.fill('#auth-form input[name=password]', password);
  await page.click('#auth-form button[value=login]');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Signed in.');

  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violation');
  assert.deepEqual(problems, []);
  assert.ok(attackUrls.includes('/files/..%2f..%2fpackage.json'), 'the traversal was sent encoded, as written');
});
