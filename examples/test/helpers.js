'use strict';
// Shared by the demo's suites: one in-memory PGlite per test file, apps whose pino logs are
// captured, and a signed-in user.

const crypto = require('node:crypto');
const { after } = require('node:test');
const assert = require('node:assert/strict');
const pino = require('pino');
const request = require('supertest');
const { openDatabase } = require('../db');
const { createApp } = require('../app');

let dbPromise;
// Registered when a test file loads this module, so it runs after all of that file's tests.
after(async () => {
  if (dbPromise) await (await dbPromise).close();
});

/**
 * The test file's database, closed after the file's tests: in-memory PGlite (no data dir),
 * or the PostgreSQL server named by DEMO_TEST_DATABASE_URL to run the suites through `pg`.
 */
function database() {
  dbPromise ??= openDatabase({ url: process.env.DEMO_TEST_DATABASE_URL || null, dataDir: null });
  return dbPromise;
}

/** A pino logger whose records land in `logs` (parsed); DEMO_DEBUG=1 also prints errors. */
function captureLogger() {
  const logs = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(line) {
        const record = JSON.parse(line);
        logs.push(record);
        if (process.env.DEMO_DEBUG && record.level >= 50) process.stderr.write(line);
      },
    },
  );
  return { logger, logs };
}

/** An app over the test database; `options` override createApp's. */
async function makeApp(options = {}) {
  const db = options.db ?? (await database());
  const { logger, logs } = captureLogger();
  const app = createApp({ db, logger, rateLimit: { auth: 1000, login: 1000, preview: 1000, api: 10000 }, ...options });
  const securityEvents = () => logs.filter((l) => l.security).map((l) => l.security);
  return { app, db, logs, securityEvents };
}

/** A unique email address for this run. */
const uniqueEmail = (prefix = 'user') => `${prefix}-${crypto.randomBytes(6).toString('hex')}@example.com`;

/** The `name=value` part of the session cookie set by `res`. */
function sessionCookie(res) {
  const cookies = res.headers['set-cookie'] ?? [];
  const sid = cookies.find((c) => c.startsWith('__Host-sid='));
  assert.ok(sid, 'a session cookie was set');
  return sid.split(';')[0];
}

/** Signs up and logs in; returns what authenticated requests need. */
async function signIn(app, { email = uniqueEmail(), password = 'correct horse battery staple' } = {}) {
  const signup = await request(app).post('/api/signup').send({ email, password });
  assert.equal(signup.status, 202);
  const login = await request(app).post('/api/login').send({ email, password });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return { email, password, cookie: sessionCookie(login), csrfToken: login.body.csrfToken };
}

module.exports = { database, captureLogger, makeApp, uniqueEmail, sessionCookie, signIn };
