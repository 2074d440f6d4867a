'use strict';
// Comments (sanitized HTML, checked with a real HTML parser), profile updates (JSON Merge
// Patch through bulwark.mergePatch, with an allowlist of fields) and downloads confined to
// one directory by bulwark.resolveWithinReal (traversal in every spelling, absolute paths,
// NUL, backslashes, symlinks pointing outside).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const request = require('supertest');
const { JSDOM } = require('jsdom');
const { makeApp, signIn } = require('./helpers');

function post(app, session, url, body) {
  return request(app).post(url).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).send(body);
}

function patch(app, session, body, type = 'application/merge-patch+json') {
  const req = request(app)
    .patch('/api/profile')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .set('Content-Type', type);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Everything in `html` that could run script once a browser parses it. */
function scriptVectors(html) {
  const doc = new JSDOM(`<!doctype html><body>${html}`).window.document;
  const found = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'style',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'img',
        'form',
        'base',
        'meta',
        'link',
        'template',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${tag}[${attr.name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name)) {
        // What a browser on this app's origin would follow (relative URLs stay on the origin).
        let protocol;
        try {
          protocol = new URL(attr.value, 'https://demo.test/').protocol;
        } catch {
          protocol = 'invalid';
        }
        if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

const XSS = [
  '<script>alert(1)</script>hello',
  '<img src=x onerror=alert(1)>hello',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jav&#x61;script:alert(1)">click</a>',
  '<a href=" &#14; javascript:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="//evil.test/x">protocol-relative</a>',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">text</p>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<svg><iframe><a title="</iframe><img src onerror=alert(1)>">x</a></iframe></svg>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>text',
  '<b><!--<script>alert(1)</script>-->bold</b>',
  '<<script>script>alert(1)<</script>/script>',
  '<base href="https://evil.test/"><a href="/x">relative</a>',
];

test('comments: anonymous readers can list; posting needs a session and the CSRF token', async () => {
  const { app } = await makeApp();
  const session = await signIn(app);
  assert.equal((await request(app).get('/api/comments')).status, 200);
  assert.equal((await request(app).post('/api/comments').send({ body: 'hi' })).status, 401);
  const noToken = await request(app).post('/api/comments').set('Cookie', session.cookie).send({ body: 'hi' });
  assert.equal(noToken.status, 403);
  const ok = await post(app, session, '/api/comments', { body: 'hi <b>there</b>' });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.html, 'hi <b>there</b>');
});

test('comments: stored HTML keeps the allowed markup and nothing that can run script', async () => {
  const { app, db } = await makeApp();
  const session = await signIn(app);
  const kept = await post(app, session, '/api/comments', {
    body: '<p>Read <a href="https://example.com/a?b=1" target="_blank">this</a> <em>now</em></p><ul><li><code>x &lt; y</code></li></ul>',
  });
  assert.equal(kept.status, 201);
  assert.equal(
    kept.body.html,
    '<p>Read <a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer ugc">this</a> <em>now</em></p><ul><li><code>x &lt; y</code></li></ul>',
  );

  for (const payload of XSS) {
    const res = await post(app, session, '/api/comments', { body: payload });
    if (res.status === 400) {
      assert.equal(res.body.error.code, 'EMPTY_COMMENT', payload);
      continue;
    }
    assert.equal(res.status, 201, payload);
    const [row] = await db.query('SELECT body_html FROM comments WHERE id = $1', [res.body.id]);
    assert.equal(row.body_html, res.body.html);
    assert.deepEqual(scriptVectors(row.body_html), [], `${payload} -> ${row.body_html}`);
    assert.doesNotMatch(row.body_html, /<script|onerror|javascript:|<base/i, payload);
  }
  const alert = await post(app, session, '/api/comments', { body: '<script>alert(1)</script>hello' });
  assert.equal(alert.body.html, 'hello');
  const onlyScript = await post(app, session, '/api/comments', { body: '<img src=x onerror=alert(1)>' });
  assert.equal(onlyScript.status, 400);
  assert.equal(onlyScript.body.error.code, 'EMPTY_COMMENT');
});

test('comments: SQL in a comment is stored as text; size, nesting and type limits hold', async () => {
  const { app, db } = await makeApp();
  const session = await signIn(app);
  const sql = "Robert'); DROP TABLE comments;-- ' OR '1'='1";
  const res = await post(app, session, '/api/comments', { body: sql });
  assert.equal(res.status, 201);
  assert.equal(res.body.html, sql);
  assert.equal((await db.query('SELECT body_html FROM comments WHERE id = $1', [res.body.id]))[0].body_html, sql);

  const long = await post(app, session, '/api/comments', { body: 'x'.repeat(5001) });
  assert.equal(long.status, 400);
  assert.deepEqual(long.body.error.errors, [
    { type: 'field', location: 'body', path: 'body', msg: 'must be 1 to 5000 characters' },
  ]);
  const deep = await post(app, session, '/api/comments', { body: `${'<b>'.repeat(200)}deep` });
  assert.equal(deep.status, 400);
  assert.equal(deep.body.error.code, 'INPUT_TOO_DEEP');
  const notText = await post(app, session, '/api/comments', { body: { html: '<b>x</b>' } });
  assert.equal(notText.status, 400);
  assert.deepEqual(notText.body.error.errors, [
    { type: 'field', location: 'body', path: 'body', msg: 'Invalid value' },
  ]);
});

test('comments list: limit validated; repeated keys collapse to the last value (HPP); operator and prototype keys are dropped', async () => {
  const { app, securityEvents } = await makeApp();
  const session = await signIn(app);
  await patch(app, session, { displayName: '<img src=x onerror=alert(1)>Eve' });
  for (let i = 0; i < 4; i++)
    assert.equal((await post(app, session, '/api/comments', { body: `comment ${i}` })).status, 201);

  const two = await request(app).get('/api/comments?limit=2');
  assert.equal(two.body.comments.length, 2);
  assert.equal(two.body.comments[0].html, 'comment 3');
  // The author's display name is returned as data, for the client to insert as text.
  assert.equal(two.body.comments[0].author, '<img src=x onerror=alert(1)>Eve');

  const polluted = await request(app).get('/api/comments?limit=1&limit=3');
  assert.equal(polluted.status, 200);
  assert.equal(polluted.body.comments.length, 3);
  assert.ok(
    securityEvents().some((e) => e.type === 'parameterPollution' && e.location === 'query' && e.path === 'limit'),
  );

  for (const query of ['limit[$gt]=0', '__proto__[limit]=1', 'constructor[prototype][limit]=1']) {
    const res = await request(app).get(`/api/comments?${query}`);
    assert.equal(res.status, 200, query);
    assert.ok(res.body.comments.length >= 4, query);
  }
  assert.equal({}.limit, undefined);

  for (const limit of ['0', '51', 'abc', '1e3', '2 OR 1=1']) {
    const res = await request(app).get(`/api/comments?limit=${encodeURIComponent(limit)}`);
    assert.equal(res.status, 400, limit);
    assert.deepEqual(res.body.error.errors, [
      { type: 'field', location: 'query', path: 'limit', msg: 'must be an integer from 1 to 50' },
    ]);
  }
});

test('profile: JSON Merge Patch sets, merges nested objects and deletes with null', async () => {
  const { app } = await makeApp();
  const session = await signIn(app);
  let res = await patch(app, session, {
    displayName: '  Ada  ',
    website: 'https://ada.example',
    preferences: { theme: 'dark', emailNotifications: true },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.profile, {
    displayName: 'Ada',
    website: 'https://ada.example',
    preferences: { theme: 'dark', emailNotifications: true },
  });
  res = await patch(app, session, { website: null, preferences: { theme: 'light' } });
  assert.deepEqual(res.body.profile, { displayName: 'Ada', preferences: { theme: 'light', emailNotifications: true } });
  res = await patch(app, session, { preferences: { emailNotifications: null } }, 'application/json');
  assert.deepEqual(res.body.profile, { displayName: 'Ada', preferences: { theme: 'light' } });
  const me = await request(app).get('/api/me').set('Cookie', session.cookie);
  assert.deepEqual(me.body.profile, { displayName: 'Ada', preferences: { theme: 'light' } });
});

test('profile: mass assignment, prototype keys, bad values and non-object patches are refused; nothing changes', async () => {
  const { app } = await makeApp();
  const session = await signIn(app);
  await patch(app, session, { displayName: 'Ada' });
  const refused = [
    [{ role: 'admin' }, 'VALIDATION_FAILED'],
    [{ displayName: 'Eve', isAdmin: true }, 'VALIDATION_FAILED'],
    [{ preferences: { theme: 'neon' } }, 'VALIDATION_FAILED'],
    [{ preferences: { plan: 'enterprise' } }, 'VALIDATION_FAILED'],
    [{ preferences: 'dark' }, 'VALIDATION_FAILED'],
    [{ website: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
    [{ website: 'ftp://example.com/' }, 'VALIDATION_FAILED'],
    [{ displayName: '' }, 'VALIDATION_FAILED'],
    [{ displayName: 'x'.repeat(51) }, 'VALIDATION_FAILED'],
    [{ displayName: { $ne: null } }, 'OPERATOR_KEY'],
    ['{"__proto__": {"isAdmin": true}}', 'PROTOTYPE_POLLUTION'],
    ['{"preferences": {"__proto__": {"isAdmin": true}}}', 'PROTOTYPE_POLLUTION'],
    ['{"constructor": {"prototype": {"isAdmin": true}}}', 'PROTOTYPE_POLLUTION'],
    [['displayName', 'Eve'], 'INVALID_PATCH'],
    ['"Eve"', 'INVALID_PATCH'],
  ];
  for (const [body, code] of refused) {
    const res = await patch(app, session, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, code, JSON.stringify(body));
    assert.ok(
      !res.text.includes('isAdmin') && !res.text.includes('enterprise') && !res.text.includes('javascript'),
      'rejected values are not echoed',
    );
  }
  const unknown = await patch(app, session, { role: 'admin' });
  assert.deepEqual(unknown.body.error.errors, [{ type: 'field', location: 'body', path: null, msg: 'unknown field' }]);
  const badTheme = await patch(app, session, { preferences: { theme: 'enterprise' } });
  assert.deepEqual(badTheme.body.error.errors, [
    { type: 'field', location: 'body', path: 'preferences.theme', msg: 'must be one of light, dark, system or null' },
  ]);
  const unknownPreference = await patch(app, session, { preferences: { isAdmin: true } });
  assert.deepEqual(unknownPreference.body.error.errors, [
    { type: 'field', location: 'body', path: 'preferences', msg: 'unknown member' },
  ]);
  const badUrl = await patch(app, session, { website: 'javascript:alert(1)' });
  assert.deepEqual(badUrl.body.error.errors, [
    { type: 'field', location: 'body', path: 'website', msg: 'must be an http or https URL' },
  ]);

  const me = await request(app).get('/api/me').set('Cookie', session.cookie);
  assert.deepEqual(me.body.profile, { displayName: 'Ada' });
  assert.equal({}.isAdmin, undefined);
  assert.equal(
    (await request(app).patch('/api/profile').set('Cookie', session.cookie).send({ displayName: 'Eve' })).status,
    403,
    'CSRF token required',
  );
});

const FILES = path.join(__dirname, '..', 'files');

/** GET whose body is read as text (downloads are application/octet-stream or text/plain). */
function getText(app, url) {
  return request(app)
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => callback(null, text));
    });
}

/** GET with the path exactly as written (supertest's URL parsing would resolve `..`). */
function rawGet(app, rawPath) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app).listen(0, '127.0.0.1', () => {
      const req = http.get({ host: '127.0.0.1', port: server.address().port, path: rawPath }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => {
          server.close();
          resolve({
            status: res.statusCode,
            text,
            body: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : null,
          });
        });
      });
      req.on('error', (err) => {
        server.close();
        reject(err);
      });
    });
  });
}

test('files inside examples/files download as attachments', async () => {
  const { app } = await makeApp();
  for (const name of ['welcome.txt', 'docs/checklist.txt']) {
    const res = await getText(app, `/files/${name}`);
    assert.equal(res.status, 200, name);
    assert.equal(res.body, fs.readFileSync(path.join(FILES, name), 'utf8'));
    assert.equal(res.headers['content-disposition'], `attachment; filename=${path.basename(name)}`);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  }
  const missing = await request(app).get('/files/nope.txt');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: { code: 'NOT_FOUND', message: 'no such file' } });
  assert.equal((await request(app).get('/files/docs')).status, 404, 'a directory is not a download');
});

test('traversal, absolute paths, NUL and Windows forms are refused before the file system is touched', async () => {
  const { app, securityEvents } = await makeApp();
  const attacks = [
    ['/files/../server.js', 'PATH_ESCAPE'],
    ['/files/docs/../../db.js', 'PATH_ESCAPE'],
    ['/files/..%2f..%2fpackage.json', 'PATH_ESCAPE'],
    ['/files/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd', 'PATH_ESCAPE'],
    ['/files/%2e%2e%2fserver.js', 'PATH_ESCAPE'],
    ['/files/..%2ffiles-secret%2fx.txt', 'PATH_ESCAPE'],
    ['/files/%2fetc%2fpasswd', 'PATH_ABSOLUTE'],
    ['/files/welcome.txt%00.png', 'PATH_NUL'],
    ['/files/..%5c..%5capp.js', 'PATH_INVALID'],
    ['/files/C:%5cWindows%5cwin.ini', 'PATH_ABSOLUTE'],
    ['/files/CON', 'PATH_INVALID'],
    ['/files/welcome.txt::$DATA', 'PATH_INVALID'],
  ];
  for (const [url, code] of attacks) {
    const res = await rawGet(app, url);
    assert.equal(res.status, 400, url);
    assert.deepEqual(res.body, { error: { code, message: 'this path is not allowed' } }, url);
    assert.doesNotMatch(res.text, /require\(|root:|\/work\//, url);
  }
  assert.ok(securityEvents().filter((e) => e.type === 'path').length >= attacks.length);
  // express.static (mounted first) normalizes `..` inside public/: this is the page's script,
  // never examples/app.js.
  const normalized = await rawGet(app, '/files/../app.js');
  assert.equal(normalized.status, 200);
  assert.equal(normalized.text, fs.readFileSync(path.join(__dirname, '..', 'public', 'app.js'), 'utf8'));
  // Overlong UTF-8 dots do not decode (Express refuses the parameter); fullwidth dots and
  // slashes are ordinary characters to the file system: no such file.
  assert.equal((await rawGet(app, '/files/%c0%ae%c0%ae%2fapp.js')).status, 400);
  assert.equal((await rawGet(app, '/files/%EF%BC%8E%EF%BC%8E%EF%BC%8Fapp.js')).status, 404);
});

test('symlinks that lead outside the directory are refused; hidden files are not served', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-demo-files-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const filesDir = path.join(root, 'files');
  fs.mkdirSync(path.join(filesDir, 'sub'), { recursive: true });
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), 'TOP SECRET');
  fs.writeFileSync(path.join(filesDir, 'sub', 'ok.txt'), 'fine');
  fs.writeFileSync(path.join(filesDir, '.env'), 'API_KEY=TOP SECRET');
  fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(filesDir, 'escape.txt'));
  fs.symlinkSync(path.join(root, 'outside'), path.join(filesDir, 'outlink'));
  fs.symlinkSync(path.join(filesDir, 'sub', 'ok.txt'), path.join(filesDir, 'inner.txt'));

  const { app } = await makeApp({ filesDir });
  for (const url of ['/files/escape.txt', '/files/outlink/secret.txt']) {
    const res = await request(app).get(url);
    assert.equal(res.status, 400, url);
    assert.equal(res.body.error.code, 'PATH_ESCAPE', url);
    assert.ok(!res.text.includes('TOP SECRET'));
  }
  const hidden = await request(app).get('/files/.env');
  assert.equal(hidden.status, 404);
  assert.ok(!hidden.text.includes('TOP SECRET'));
  // A symlink that stays inside is fine.
  const inner = await getText(app, '/files/inner.txt');
  assert.equal(inner.status, 200);
  assert.equal(inner.body, 'fine');
});
