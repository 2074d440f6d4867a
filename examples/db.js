'use strict';
// The demo's database: PGlite (PostgreSQL compiled to WASM, installed from npm alone) by
// default, or a PostgreSQL server through `pg` when DATABASE_URL is set. Both sit behind the
// same two calls, and every query that carries data is parameterized: `query(text, params)`
// refuses to run without a params array, so a value can never be spliced into SQL text.

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
 * Opens the database and creates the schema.
 *
 * - `url` (default `process.env.DATABASE_URL`): a `postgres://` URL switches to PostgreSQL
 *   through `pg`.
 * - `dataDir`: where PGlite keeps its files; omit it (or pass `null`) for an in-memory
 *   database, as the tests do.
 */
async function openDatabase({ url = process.env.DATABASE_URL, dataDir = null } = {}) {
  let db;
  if (url) {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: url, max: 10 });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    db = wrap(
      'postgres',
      (text, params) => pool.query(text, params),
      (sql) => pool.query(sql),
      () => pool.end(),
    );
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

module.exports = { openDatabase };
