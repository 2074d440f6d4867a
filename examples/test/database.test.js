'use strict';
// PostgreSQL that stops answering (DATABASE_URL through `pg`): startup fails with a clear
// message within seconds, and a request whose query is stuck gets a 503 within seconds.
// The "servers" here are loopback TCP listeners started by the test: one accepts and never
// says a word, the other completes the startup handshake and then ignores every query.
const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const request = require('supertest');
const { openDatabase, openPostgres, DatabaseUnavailableError, isUnavailable } = require('../db');
const { makeApp } = require('./helpers');

/**
 * A loopback TCP server; `onConnection(socket)` decides what it says. Closed (with every
 * socket it accepted) after the calling test.
 */
async function tcpServer(t, onConnection) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return `postgres://demo:secret-password@127.0.0.1:${server.address().port}/demo`;
}

/** Accepts the connection, never answers. */
const silent = () => {};

/** Answers the startup message with AuthenticationOk and ReadyForQuery, then ignores all. */
function handshakeThenSilent(socket) {
  let answered = false;
  socket.on('data', () => {
    if (answered) return;
    answered = true;
    const authOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]); // 'R', length 8, AuthenticationOk
    const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z', length 5, idle
    socket.write(Buffer.concat([authOk, ready]));
  });
}

test('openDatabase: a server that accepts and never answers fails within the connect timeout', async (t) => {
  const url = await tcpServer(t, silent);
  const start = performance.now();
  await assert.rejects(openDatabase({ url, connectTimeoutMs: 500 }), (err) => {
    assert.ok(err instanceof DatabaseUnavailableError);
    assert.equal(err.code, 'DB_UNAVAILABLE');
    assert.match(err.message, /^the database at postgres:\/\/127\.0\.0\.1:\d+\/demo did not answer \(/);
    assert.doesNotMatch(err.message, /secret-password/);
    return true;
  });
  assert.ok(performance.now() - start < 5000, 'gave up within seconds');
});

test('npm start with a silent DATABASE_URL exits with a clear message instead of hanging', async (t) => {
  const url = await tcpServer(t, silent);
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'server.js')], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '1000', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ?? c)));
  clearTimeout(killer);
  assert.equal(code, 1, `exit code (stderr: ${stderr})`);
  assert.match(
    stderr,
    /^cannot start: the database at postgres:\/\/127\.0\.0\.1:\d+\/demo did not answer \(.+\); check DATABASE_URL/,
  );
  assert.doesNotMatch(stderr, /secret-password|\n\s+at /, 'no password, no stack trace');
  assert.doesNotMatch(stdout, /listening/);
});

for (const [name, behaviour] of [
  ['accepts and never answers', silent],
  ['answers the handshake, then never answers a query', handshakeThenSilent],
]) {
  test(`a request whose database ${name} gets a 503 within seconds`, async (t) => {
    const url = await tcpServer(t, behaviour);
    const db = openPostgres(url, { connectTimeoutMs: 500, statementTimeoutMs: 500 });
    t.after(() => db.close());
    const { app, logs } = await makeApp({ db });
    const start = performance.now();
    const res = await request(app).get('/api/comments').timeout(10000);
    assert.ok(performance.now() - start < 5000, 'answered within seconds');
    assert.equal(res.status, 503);
    assert.equal(res.headers['retry-after'], '5');
    assert.deepEqual(res.body, {
      error: { code: 'DB_UNAVAILABLE', message: 'the database is not answering; try again in a few seconds' },
    });
    assert.doesNotMatch(res.text, /127\.0\.0\.1|secret/);
    assert.ok(logs.some((l) => l.msg === 'database unavailable'));
  });
}

test('what counts as unavailable: socket errors, timeouts, cancelled statements; not SQL errors that mention them', () => {
  const sqlError = (code, message) => Object.assign(new Error(message), { code });
  for (const err of [
    sqlError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    sqlError('EPIPE', 'write EPIPE'),
    new Error('Connection terminated due to connection timeout'),
    new Error('Query read timeout'),
    sqlError('57014', 'canceling statement due to statement timeout'),
    sqlError('57P01', 'terminating connection due to administrator command'),
    sqlError('08006', 'connection failure'),
    sqlError('53300', 'sorry, too many clients already'),
  ])
    assert.equal(isUnavailable(err), true, err.message);
  for (const err of [
    sqlError('42703', 'column "timeout" does not exist'),
    sqlError('23505', 'duplicate key value violates unique constraint "users_email_key"'),
    new Error('boom'),
    null,
    'timeout',
  ])
    assert.equal(isUnavailable(err), false, String(err && err.message));
});
