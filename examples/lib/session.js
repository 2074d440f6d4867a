'use strict';
// Sessions for the demo: split tokens in a Secure, HttpOnly, SameSite=Strict cookie, and a
// per-session CSRF token checked on every state-changing request.
//
// The cookie holds `selector.verifier`. The database keeps the selector (looked up by index)
// and only a SHA-256 of the verifier, compared with bulwark.timingSafeEqual: a stolen
// database cannot be replayed as cookies, and the comparison time says nothing about how
// much of a guessed verifier was right.

const crypto = require('node:crypto');
const bulwark = require('bulwark');
const { sendError } = require('./http');

const COOKIE = '__Host-sid';
const COOKIE_FORMAT = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The value of one cookie from the Cookie header, or undefined (first occurrence wins). */
function readCookie(req, name) {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function cookieOptions(ttlMs) {
  // __Host- cookies must be Secure, Path=/ and carry no Domain: browsers enforce all three.
  return { httpOnly: true, secure: true, sameSite: 'strict', path: '/', ...(ttlMs ? { maxAge: ttlMs } : {}) };
}

function createSessions({ db, security, ttlMs }) {
  /** Starts a new session for `userId` (a fresh id on every login: no fixation). */
  async function start(res, userId) {
    const selector = crypto.randomBytes(16).toString('hex');
    const verifier = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(32).toString('base64url');
    await db.query('DELETE FROM sessions WHERE expires_at < now()', []);
    await db.query(
      'INSERT INTO sessions (selector, verifier_hash, csrf_token, user_id, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [selector, sha256(verifier), csrfToken, userId, new Date(Date.now() + ttlMs)],
    );
    res.cookie(COOKIE, `${selector}.${verifier}`, cookieOptions(ttlMs));
    return { csrfToken };
  }

  /** Loads the session named by the cookie into req.session, or leaves it undefined. */
  async function load(req) {
    const match = COOKIE_FORMAT.exec(readCookie(req, COOKIE) ?? '');
    if (!match) return undefined;
    const [, selector, verifier] = match;
    const row = await db.one(
      `SELECT s.selector, s.verifier_hash, s.csrf_token, u.id AS user_id, u.email, u.profile
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.selector = $1 AND s.expires_at > now()`,
      [selector],
    );
    if (!row) return undefined;
    if (!bulwark.timingSafeEqual(sha256(verifier), row.verifier_hash)) {
      security(req, { type: 'session', location: 'cookie', path: COOKIE, detail: 'verifier mismatch' });
      return undefined;
    }
    return {
      selector: row.selector,
      csrfToken: row.csrf_token,
      user: { id: row.user_id, email: row.email, profile: row.profile },
    };
  }

  /** Requires a session, and for unsafe methods an `X-CSRF-Token` header matching it. */
  function required() {
    // Express 5 passes a rejected promise from an async middleware to next(err).
    return async function requireSession(req, res, next) {
      const session = await load(req);
      if (!session) {
        sendError(res, 401, 'UNAUTHENTICATED', 'sign in first');
        return;
      }
      if (UNSAFE_METHODS.has(req.method)) {
        const sent = req.get('x-csrf-token');
        if (!bulwark.timingSafeEqual(typeof sent === 'string' ? sent : '', session.csrfToken)) {
          security(req, {
            type: 'csrf',
            location: 'headers',
            path: 'x-csrf-token',
            detail: sent ? 'token mismatch' : 'token missing',
          });
          sendError(res, 403, 'CSRF', 'missing or wrong CSRF token');
          return;
        }
      }
      req.session = session;
      next();
    };
  }

  /** Ends the session loaded by `required()` and clears the cookie. */
  async function end(req, res) {
    await db.query('DELETE FROM sessions WHERE selector = $1', [req.session.selector]);
    res.clearCookie(COOKIE, cookieOptions());
  }

  return { start, load, required, end };
}

module.exports = { createSessions, readCookie, COOKIE };
