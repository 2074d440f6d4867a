'use strict';
// Downloads confined to one directory by bulwark.resolveWithinReal: traversal in every
// spelling, absolute paths, NUL, backslashes, and symlinks pointing outside.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const request = require('supertest');
const { makeApp } = require('./helpers');

const FILES = path.join(__dirname, '..', 'files');

/** GET whose body is read as text (downloads are application/octet-stream or text/plain). */
function getText(app, url) {
  return request(app).get(url).buffer(true).parse((res, callback) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c) => { text += c; });
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
        res.on('data', (c) => { text += c; });
        res.on('end', () => {
          server.close();
          resolve({ status: res.statusCode, text, body: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : null });
        });
      });
      req.on('error', (err) => { server.close(); reject(err); });
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
