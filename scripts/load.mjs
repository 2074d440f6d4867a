#!/usr/bin/env node
// `npm run load`: the demo app (examples/app.js, in-memory PGlite) on an ephemeral loopback
// port under autocannon, in three scenarios: cheap routes, body routes with a signed-in
// session (cookie + CSRF token), and a hostile mix (prototype pollution and operator keys
// in bodies and queries, oversize and deep bodies, a gzip bomb, path traversal, SSRF
// previews to loopback and 169.254.169.254). Prints req/s, p50/p99 latency, the status
// classes, 5xx count and RSS per scenario; fails on any 5xx, connection error or timeout.
//
// No request leaves the machine: the server listens on 127.0.0.1, the app's link
// previews get a fake resolver that answers a loopback address (refused by the app), and
// every preview URL in the mix is an address the app refuses before connecting.
//
//   npm run load                       # 10 s per scenario
//   npm run load -- --seconds 3 --connections 20 --only hostile
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'examples', 'app.js'));
const autocannon = require('autocannon');
const pino = require('pino');
const { createApp } = require('./app');
const { openDatabase } = require('./db');

const { values: o } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const seconds = Number(o.seconds);
const connections = Number(o.connections);
if (!(seconds > 0) || !(connections > 0)) throw new Error('--seconds and --connections must be positive numbers');

// 5xx are logged by the app's errorHandler at level error: keep them to show on failure.
const serverErrors = [];
const logger = pino(
  { level: 'error' },
  {
    write(line) {
      if (serverErrors.length < 5) serverErrors.push(line.trim());
    },
  },
);
const db = await openDatabase({ url: null, dataDir: null });
const app = createApp({
  db,
  logger,
  production: true,
  // The limits are what the scenarios measure past: 429s would hide the routes' own cost.
  rateLimit: { auth: 1e9, login: 1e9, preview: 1e9, api: 1e9, events: 1e9 },
  preview: { lookup: (hostname, options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) },
});
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
const base = `http://127.0.0.1:${server.address().port}`;

// A signed-in session for the body routes (one argon2 hash and one verification).
const email = `load-${Date.now()}@example.com`;
const password = 'correct horse battery staple';
const json = { 'content-type': 'application/json' };
const signup = await fetch(`${base}/api/signup`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ email, password }),
});
if (signup.status !== 202) throw new Error(`sign-up answered ${signup.status}: ${await signup.text()}`);
const login = await fetch(`${base}/api/login`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ email, password }),
});
if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = await login.json();
const session = { ...json, cookie, 'x-csrf-token': csrfToken };

const body = (value) => JSON.stringify(value);
const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
const gzipBomb = zlib.gzipSync(Buffer.from(body({ a: 'x'.repeat(8 * 1024 * 1024) })));

const scenarios = {
  cheap: [
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/api/session' },
    { method: 'GET', path: '/.well-known/security.txt' },
    { method: 'GET', path: '/files/welcome.txt' },
    { method: 'GET', path: '/api/comments?limit=5' },
    { method: 'GET', path: '/nope' },
  ],
  session: [
    { method: 'GET', path: '/api/me', headers: session },
    {
      method: 'POST',
      path: '/api/comments',
      headers: session,
      body: body({ body: '<b>hi</b> <a href="https://example.com/x">link</a><img src=x onerror=alert(1)>' }),
    },
    {
      method: 'PATCH',
      path: '/api/profile',
      headers: { ...session, 'content-type': 'application/merge-patch+json' },
      body: body({ displayName: 'Load <b>tester</b>', preferences: { theme: null } }),
    },
    { method: 'GET', path: '/api/comments?limit=20', headers: session },
  ],
  hostile: [
    { method: 'POST', path: '/api/login', headers: json, body: '{"__proto__": {"admin": true}}' },
    { method: 'POST', path: '/api/login', headers: json, body: '{"constructor": {"prototype": {"admin": true}}}' },
    { method: 'POST', path: '/api/login', headers: json, body: body({ email: { $ne: null }, password: { $gt: '' } }) },
    { method: 'POST', path: '/api/login', headers: json, body: `{"email": "${'a'.repeat(40 * 1024)}"}` },
    { method: 'POST', path: '/api/login', headers: json, body: deep(5000) },
    { method: 'POST', path: '/api/login', headers: json, body: '{"email": "a@b.c", "password": "\\ud800"' },
    { method: 'POST', path: '/api/login', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipBomb },
    { method: 'POST', path: '/api/login', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' },
    {
      method: 'POST',
      path: '/api/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '__proto__[admin]=1&email[$ne]=x&constructor[prototype][x]=1',
    },
    { method: 'GET', path: '/api/comments?__proto__[admin]=1&limit[$gt]=0&limit=1&limit=2' },
    { method: 'GET', path: '/files/..%2f..%2fpackage.json' },
    { method: 'GET', path: '/files/%2e%2e/%2e%2e/etc/passwd' },
    { method: 'GET', path: '/files/docs/%252e%252e%252fwelcome.txt' },
    { method: 'GET', path: '/files/%00' },
    { method: 'POST', path: '/api/comments', headers: json, body: body({ body: 'no session' }) },
    {
      method: 'POST',
      path: '/api/comments',
      headers: { ...session, 'x-csrf-token': 'wrong' },
      body: body({ body: 'x' }),
    },
    { method: 'POST', path: '/api/comments', headers: session, body: body({ body: '<div>'.repeat(3000) }) },
    ...[
      'http://169.254.169.254/latest/meta-data/',
      `http://127.0.0.1:${server.address().port}/api/session`,
      'http://[::1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://localhost/',
      'http://[::ffff:169.254.169.254]/',
      'http://10.0.0.1/',
      'http://user:pass@169.254.169.254/',
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'http://metadata.google.internal/',
    ].map((url) => ({ method: 'POST', path: '/api/preview', headers: session, body: body({ url }) })),
  ],
};

/** Sends each request once and prints its status: what the mix exercises, in the log. */
async function probe(requests) {
  for (const r of requests) {
    const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
    const text = await res.text();
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
    const shown =
      r.body === undefined
        ? ''
        : ` ${String(r.body)
            .slice(0, 60)
            .replace(/[^\x20-\x7e]/g, '.')}`;
    console.log(`  ${res.status} ${code.padEnd(22)} ${r.method} ${r.path.slice(0, 60)}${shown}`);
  }
}

function run(name, requests) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration: seconds, requests, timeout: 10 }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  }).then((r) => {
    const rssMiB = process.memoryUsage().rss / 1048576;
    return { name, r, rssMiB };
  });
}

const failures = [];
if (!o.only || o.only.split(',').includes('hostile')) {
  console.log('hostile requests, once each:');
  await probe(scenarios.hostile);
}
console.log(`load: ${base}, ${connections} connections, ${seconds} s per scenario`);
console.log('scenario   req/s    p50 ms  p99 ms   2xx      3xx   4xx      5xx  errors  timeouts  RSS MiB');
for (const [name, requests] of Object.entries(scenarios)) {
  if (o.only && !o.only.split(',').includes(name)) continue;
  const { r, rssMiB } = await run(name, requests);
  console.log(
    `${name.padEnd(9)} ${r.requests.average.toFixed(0).padStart(6)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(7)} ` +
      `${String(r['2xx']).padStart(6)} ${String(r['3xx']).padStart(6)} ${String(r['4xx']).padStart(6)} ${String(r['5xx']).padStart(6)} ` +
      `${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(9)} ${rssMiB.toFixed(0).padStart(8)}`,
  );
  if (r['5xx'] > 0) failures.push(`${name}: ${r['5xx']} responses were 5xx`);
  if (r.errors > 0 || r.timeouts > 0) failures.push(`${name}: ${r.errors} connection errors, ${r.timeouts} timeouts`);
  if (r['2xx'] + r['3xx'] + r['4xx'] === 0) failures.push(`${name}: no request was answered`);
}
server.closeAllConnections?.();
server.close();
await db.close();
if (failures.length > 0) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  if (serverErrors.length > 0)
    console.error(`server errors (first ${serverErrors.length}):\n  ${serverErrors.join('\n  ')}`);
  process.exit(1);
}
console.log('load: no 5xx, no connection errors');
