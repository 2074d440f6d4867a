'use strict';
// bulwark/web in real Chromium (Debian's, driven by playwright-core; nothing is downloaded):
// npm/bulwark is served over loopback HTTP, web.mjs is imported in a page and in a module
// Web Worker, and every case below must give the same result there as in this process
// (whichever backend BULWARK_BACKEND picked): one sanitizer, server and client.
// Needs Chromium: installed here when missing as root on Debian (scripts/ensure-chromium.mjs);
// elsewhere the test is skipped with the reason, except under CI, where it fails.
/* global window, Worker -- page.evaluate callbacks run in the browser */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');
const bulwark = require('../npm/bulwark');

const root = path.join(__dirname, '..');
const pkgDir = path.join(root, 'npm', 'bulwark');
const MIME = new Map([
  ['.mjs', 'text/javascript'],
  ['.js', 'text/javascript'],
  ['.wasm', 'application/wasm'],
  ['.json', 'application/json'],
  ['.html', 'text/html; charset=utf-8'],
]);
const WEB_FILES = ['web.mjs', 'web/lib.mjs', 'web/bulwark_wasm.js', 'web/bulwark_wasm_bg.wasm'];

const HOSTILE_HTML = [
  '<script>alert(1)</script><b>bold</b>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="JaVaScRiPt:alert(1)">case</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<a href="https://example.com/?a=1&b=2" target=_blank class="x y">ok</a>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">s</a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<div style="background:url(javascript:alert(1))" onclick="x()">d</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea><script>alert(1)</script></textarea>',
  '<style>*{}</style><p>after style</p>',
  '<!-- <img src=x onerror=alert(1)> --><i>comment</i>',
  '<table><tr><td>cell<form><input onfocus=alert(1) autofocus></form></td></tr></table>',
  '<p>unclosed <b>bold <i>italic',
  '<<script>script>alert(1)<</script>/script>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<object data="javascript:alert(1)"></object><embed src="x.swf">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="http://example.com" rel="opener">r</a><img src="https://example.com/a.png" alt="é ☃ 𝒳">',
  '<template><img src=x onerror=alert(1)></template>',
  '<select><option><style></option></select><img src=x onerror=alert(1)></style>',
  'plain & text < with > entities &amp; &lt;script&gt; &#0; &#x110000;',
  `<div>${'<b>'.repeat(300)}deep${'</b>'.repeat(300)}</div>`,
];

const POLICIES = [
  undefined,
  { allowedTags: ['b', 'i', 'a', 'p'], allowedAttributes: { a: ['href', 'target'] } },
  {
    allowedTags: ['a', 'img', 'div', 'span'],
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
    allowedSchemes: ['https'],
    allowProtocolRelative: false,
    linkRel: 'noopener noreferrer',
    allowedClasses: { a: ['x'] },
  },
  { allowedTags: [], stripComments: true, maxDepth: 16 },
  { allowedTags: ['b', 'script'] },
];

/** [function name, arguments]: run on the server and in the browser, results compared. */
const CASES = [];
for (const html of HOSTILE_HTML) {
  for (const policy of POLICIES) CASES.push(['sanitizeHtml', policy === undefined ? [html] : [html, policy]]);
  CASES.push(['stripTags', [html]], ['escapeHtml', [html]]);
}
CASES.push(
  ['unescapeHtml', ['&lt;b&gt; &amp;amp; &#39; &quot; &#x1F600; &nope;']],
  ['escapeHtml', ['\u0000 \ud800 "\'`=']],
  ['escapeHtml', [42]],
);
const VALIDATOR_INPUTS = {
  isEmail: ['a@b.co', 'a@b', 'üser@exämple.de', '"quoted"@x.org', 'a..b@x.org', `${'a'.repeat(70)}@x.org`],
  isURL: ['https://example.com/a?b#c', 'javascript:alert(1)', 'http://[::1]:80/', 'ftp://x', 'http://a_b.example'],
  isIP: ['127.0.0.1', '::ffff:10.0.0.1', '256.1.1.1', '1.2.3.04', 'fe80::1%eth0'],
  isUUID: ['123e4567-e89b-12d3-a456-426614174000', 'not-a-uuid'],
  isInt: ['42', '-0', '1e3', '0x10', ' 1'],
  isFQDN: ['example.com', 'localhost', 'xn--bcher-kva.example', '-x.com'],
  isStrongPassword: ['Password1!', 'weak'],
  isJWT: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'a.b'],
  isMongoId: ['507f1f77bcf86cd799439011', '507f1f77bcf86cd79943901z'],
  isISO8601: ['2024-02-29T12:00:00Z', '2023-02-29'],
};
for (const [name, inputs] of Object.entries(VALIDATOR_INPUTS)) {
  for (const input of inputs) CASES.push([name, [input]]);
}
CASES.push(
  ['isEmail', ['a@localhost', { require_tld: false }]],
  ['isInt', ['42', { min: 50 }]],
  ['isURL', ['http://x.example', { protocols: ['https'] }]],
  ['isEmail', ['a@b.co', { no_such_option: 1 }]],
  ['isEmail', [null]],
  ['normalizeEmail', ['Foo.Bar+tag@GoogleMail.com']],
  ['toInt', ['  12abc']],
  ['toFloat', ['1.5e3x']],
  ['toFloat', ['nope']],
  ['trim', ['  x  ']],
  ['stripLow', ['a\u0000b\nc', true]],
);
const JSON_TEXTS = [
  '{"a":[1,2,{"b":null}],"c":"é"}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":1,}',
  '{"a":',
  '\ufeff{"bom":true}',
  '[1,2',
  `${'['.repeat(200)}${']'.repeat(200)}`,
  '"\\ud800"',
];
for (const text of JSON_TEXTS) CASES.push(['parseJson', [text]]);
CASES.push(
  ['parseJson', ['{"__proto__":{"x":1},"y":2}', { protoAction: 'remove' }]],
  ['parseJson', ['{"a":[[[1]]]}', { maxDepth: 2 }]],
  ['parseJson', ['{"a":"long"}', { maxBytes: 4 }]],
  ['parseJson', ['{}', { protoAction: 'bogus' }]],
);
const URLS = [
  'https://example.com/a',
  'http://127.0.0.1/',
  'http://0x7f.1/',
  'http://[::1]/',
  'http://[::ffff:169.254.169.254]/latest',
  'http://169.254.169.254/',
  'file:///etc/passwd',
  'gopher://x/',
  'http://user:pass@example.com/',
  'http://10.0.0.1:8080/',
  'not a url',
  'http://ex ample.com/',
];
for (const url of URLS) CASES.push(['checkUrl', [url]]);
CASES.push(
  ['checkUrl', ['http://10.1.2.3/', { allowedCategories: ['public', 'private'] }]],
  ['checkUrl', ['https://api.example.com/', { allowedHosts: ['example.com'] }]],
  ['parseIp', ['::ffff:192.168.0.1']],
  ['parseIp', ['017700000001']],
  ['classifyIp', ['100.64.0.1']],
  ['classifyIp', ['2001:db8::1']],
  ['timingSafeEqual', ['secret', 'secret']],
  ['timingSafeEqual', ['secret', 'secreT']],
  ['timingSafeEqual', ['a', 'ab']],
  ['resolveWithin', ['/srv/uploads', 'a/../b.txt']],
  ['resolveWithin', ['/srv/uploads', '../etc/passwd']],
  ['resolveWithin', ['/srv/uploads', 'C:\\x']],
  ['decodePathSegment', ['%2e%2e%2fx']],
  ['sanitizeFilename', ['../../etc/passwd\u0000.png']],
  ['sanitizeFilename', ['CON.txt']],
  [
    'merge',
    [
      { a: { b: 1 }, list: [1] },
      { a: { c: 2 }, list: [2] },
    ],
  ],
  [
    'mergePatch',
    [
      { a: 1, b: { c: 2 } },
      { a: null, b: { d: 3 } },
    ],
  ],
  ['sanitizeKeys', [{ $where: 1, 'a.b': 2, ok: { $gt: 1 } }]],
);

/**
 * Runs each case against `api` and encodes its result as text (undefined, NaN and -0
 * survive), or the error's name and code. Serialized into the page: self-contained.
 */
function runCases(api, cases) {
  const encode = (_key, value) => {
    if (value === undefined) return '<undefined>';
    if (typeof value === 'number' && !Number.isFinite(value)) return `<${value}>`;
    if (Object.is(value, -0)) return '<-0>';
    return value;
  };
  return cases.map(([name, args]) => {
    try {
      return `ok ${JSON.stringify(api[name](...args), encode)}`;
    } catch (err) {
      return `error ${err && err.name} ${err && err.code}`;
    }
  });
}

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': MIME.get('.html') });
      res.end('<!doctype html><link rel="icon" href="data:,"><title>bulwark/web</title>');
      return;
    }
    const file = path.join(pkgDir, decodeURIComponent(url.pathname));
    const type = MIME.get(path.extname(file));
    if (!file.startsWith(pkgDir + path.sep) || type === undefined || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Chromium's path, or the reason there is none (then the test skips, except under CI). */
async function findChromium() {
  const { ensureChromium, CHROMIUM_FLAGS } = await import('../scripts/ensure-chromium.mjs');
  try {
    return { browser: ensureChromium(), flags: [...CHROMIUM_FLAGS] };
  } catch (err) {
    if (process.env.CI) throw err;
    return { skip: `no Chromium and it cannot be installed here: ${err.message}` };
  }
}

test('bulwark/web in Chromium: same results as on the server, in a page and in a Web Worker', async (t) => {
  const { browser, flags, skip } = await findChromium();
  if (skip) {
    t.skip(skip);
    return;
  }
  // web/lib.mjs follows lib/*.js: regenerate it (cheap, written only when changed).
  const { writeWebLib } = await import('../scripts/build-web.mjs');
  writeWebLib();
  for (const file of WEB_FILES) {
    assert.ok(fs.existsSync(path.join(pkgDir, file)), `${file} is missing: run node scripts/build.mjs wasm`);
  }
  let raw = 0;
  let gzipped = 0;
  for (const file of WEB_FILES) {
    const bytes = fs.readFileSync(path.join(pkgDir, file));
    raw += bytes.length;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  t.diagnostic(`bulwark/web: ${Math.round(raw / 1024)} KiB, ${Math.round(gzipped / 1024)} KiB gzipped (this build)`);

  const expected = runCases(bulwark, CASES);
  // The table holds refusals and results both (errors alone would prove little).
  assert.ok(expected.some((r) => r.startsWith('error BulwarkError')) && expected.some((r) => r.startsWith('ok ')));

  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-web-chromium-'));
  let context = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: browser,
      headless: true,
      args: flags,
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning')
        problems.push(`console ${msg.type()}: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.goto(`${origin}/`);

    const inPage = await page.evaluate(
      async ([src, cases]) => {
        const api = await import('/web.mjs');
        let before;
        try {
          api.escapeHtml('<');
          before = 'no error';
        } catch (err) {
          before = err.code;
        }
        await api.init();
        const run = (0, eval)(`(${src})`);
        const hash = api.hashPasswordSync('correct horse', { memoryCost: 1024, timeCost: 1 });
        const asyncHash = await api.hashPassword('battery staple', { memoryCost: 1024, timeCost: 1 });
        return {
          before,
          backend: api.backend,
          results: run(api, cases),
          hash,
          asyncHash,
          asyncVerify: await api.verifyPassword(asyncHash, 'battery staple'),
          asyncWrong: await api.verifyPassword(asyncHash, 'battery stapler'),
        };
      },
      [runCases.toString(), CASES],
    );
    assert.equal(inPage.before, 'BACKEND_UNAVAILABLE', 'calls before init() are refused with BACKEND_UNAVAILABLE');
    assert.equal(inPage.backend, 'wasm');
    assert.equal(inPage.results.length, expected.length);
    for (let i = 0; i < CASES.length; i++) {
      assert.equal(inPage.results[i], expected[i], `page: ${JSON.stringify(CASES[i]).slice(0, 200)}`);
    }
    // argon2 both ways: the page's hashes verify here, and a wrong password does not.
    assert.equal(bulwark.verifyPasswordSync(inPage.hash, 'correct horse'), true);
    assert.equal(bulwark.verifyPasswordSync(inPage.asyncHash, 'battery staple'), true);
    assert.equal(inPage.asyncVerify, true);
    assert.equal(inPage.asyncWrong, false);

    // The same cases in a module Web Worker, plus a hash made here verified there.
    const serverHash = bulwark.hashPasswordSync('from the server', { memoryCost: 1024, timeCost: 1 });
    const inWorker = await page.evaluate(
      ([src, cases, hash]) =>
        new Promise((resolve, reject) => {
          const code = `
            import * as api from '${window.location.origin}/web.mjs';
            await api.init();
            const run = (${src});
            self.onmessage = ({ data }) => {
              self.postMessage({
                results: run(api, data.cases),
                verified: api.verifyPasswordSync(data.hash, 'from the server'),
                wrong: api.verifyPasswordSync(data.hash, 'from the client'),
              });
            };
            self.postMessage('ready');`;
          const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
          const worker = new Worker(url, { type: 'module' });
          worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
          worker.onmessage = ({ data }) => {
            if (data === 'ready') worker.postMessage({ cases, hash });
            else resolve(data);
          };
        }),
      [runCases.toString(), CASES, serverHash],
    );
    for (let i = 0; i < CASES.length; i++) {
      assert.equal(inWorker.results[i], expected[i], `worker: ${JSON.stringify(CASES[i]).slice(0, 200)}`);
    }
    assert.equal(inWorker.verified, true);
    assert.equal(inWorker.wrong, false);
    assert.deepEqual(problems, []);
  } finally {
    // The browser first: its keep-alive connections would hold the server open.
    if (context !== null) await context.close();
    server.closeAllConnections();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});
