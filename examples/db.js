'use strict';
// The demo's database: PGlite (PostgreSQL compiled to WASM, installed from npm alone) by
// default, or a PostgreSQL server through `pg` when DATABASE_URL is set. Both sit behind the
// same two calls, and every query that carries data is parameterized: `query(text, params)`
// refuses to run without a params array, so a value can never be spliced into SQL text.
//
// A PostgreSQL server that stops answering must not hang the app: connecting has a timeout,
// every statement has a server-side statement_timeout and a client-side read timeout a
// little longer (for a server too stuck to cancel anything), and such failures become a
// DatabaseUnavailableError (HTTP 503) instead of a request that never gets a reply.

const path = require('node:path');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id            serial PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  profile       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS sessions (
  selector      text PRIMARY KEY,
  verifier_hash text NOT NULL,
  csrf_token    text NOT NULL,
  user_id       integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at    timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
  id         serial PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body_html  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS comments_created_at ON comments (created_at DESC, id DESC);
`;

/** The database did not answer in time or the connection failed: HTTP 503, try again later. */
class DatabaseUnavailableError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = 'DatabaseUnavailableError';
    this.code = 'DB_UNAVAILABLE';
    this.status = 503;
  }
}

// Socket errors, and PostgreSQL's query_canceled (statement_timeout), operator intervention
// (57P..), too many connections and connection exceptions (class 08).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const UNAVAILABLE_SQLSTATE = /^(57014|57P0[1-4]|53300|08...)$/;
// pg's own messages for its connect and read timeouts and for a dropped connection.
const PG_TIMEOUT_MESSAGE = /timeout|Connection terminated/i;

function isUnavailable(err) {
  if (!err || typeof err !== 'object') return false;
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code)) return true;
  // A server's error (SQLSTATE) is judged by its code alone: its message may name anything.
  if (/^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_SQLSTATE.test(code);
  return PG_TIMEOUT_MESSAGE.test(String(err.message));
}

/** `postgres://host:port/db` without credentials or parameters, for messages. */
function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (unparsable)';
  }
}

/**
 * Wraps a driver's `query` so that every call is parameterized. `params` is required (use
 * `[]` for a query without values); the text must be a plain string literal of SQL.
 */
function wrap(kind, runQuery, runSchema, close) {
  return {
    kind,
    /** Runs one parameterized statement; resolves to its rows. */
    async query(text, params) {
      if (typeof text !== 'string') throw new TypeError('db.query: the SQL text must be a string');
      if (!Array.isArray(params)) throw new TypeError('db.query: pass the values as a params array ($1, $2, ...)');
      const result = await runQuery(text, params);
      return result.rows;
    },
    /** The first row, or undefined. */
    async one(text, params) {
      const rows = await this.query(text, params);
      return rows[0];
    },
    migrate: () => runSchema(SCHEMA),
    close,
  };
}

/**
 * A `pg` pool behind `wrap`, without creating the schema (openDatabase does that).
 * `connectTimeoutMs` bounds connecting and waiting for a free pooled connection;
 * `statementTimeoutMs` is PostgreSQL's statement_timeout, and the client stops waiting for a
 * reply one second after it. Either failure rejects with DatabaseUnavailableError.
 */
function openPostgres(url, { connectTimeoutMs = 5000, statementTimeoutMs = 5000 } = {}) {
  const { Pool } = require('pg');
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    idle_in_transaction_session_timeout: statementTimeoutMs,
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const where = describeUrl(url);
  const guarded = (run) =>
    run().catch((err) => {
      if (!isUnavailable(err)) throw err;
      throw new DatabaseUnavailableError(`the database at ${where} did not answer (${err.message})`, err);
    });
  return wrap(
    'postgres',
    (text, params) => guarded(() => pool.query(text, params)),
    (sql) => guarded(() => pool.query(sql)),
    () => pool.end(),
  );
}

/**
 * Opens the database and creates the schema.
 *
 * - `url` (default `process.env.DATABASE_URL`): a `postgres://` URL switches to PostgreSQL
 *   through `pg`.
 * - `dataDir`: where PGlite keeps its files; omit it (or pass `null`) for an in-memory
 *   database, as the tests do.
 * - `connectTimeoutMs` (5000), `statementTimeoutMs` (5000): PostgreSQL only, see openPostgres.
 *
 * A PostgreSQL server that does not answer makes it reject with DatabaseUnavailableError
 * within about `connectTimeoutMs`.
 */
async function openDatabase({
  url = process.env.DATABASE_URL,
  dataDir = null,
  connectTimeoutMs,
  statementTimeoutMs,
} = {}) {
  let db;
  if (url) {
    db = openPostgres(url, { connectTimeoutMs, statementTimeoutMs });
  } else {
    const { PGlite } = require('@electric-sql/pglite');
    const pg = dataDir ? new PGlite(path.resolve(dataDir)) : new PGlite();
    await pg.waitReady;
    db = wrap(
      'pglite',
      (text, params) => pg.query(text, params),
      (sql) => pg.exec(sql),
      () => pg.close(),
    );
  }
  try {
    await db.migrate();
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

module.exports = { openDatabase, openPostgres, DatabaseUnavailableError, isUnavailable };
