'use strict';
// The attack lab's live view: the security events each browser caused, and only those.
//
// A browser gets a random lab id in a `__Host-lab` cookie (Secure, HttpOnly,
// SameSite=Strict) the first time it asks GET /api/security-events. Each request carrying a
// known id runs inside an AsyncLocalStorage context, so `record()` (called from the app's
// onViolation) knows whose request produced an event, although onViolation is never handed
// the request. Requests without an id (curl, other clients) are logged as before and stored
// nowhere. Stored events hold what the log holds minus the IP: type, location, key paths,
// a machine-readable detail, method and path; never request values.
//
// bulwark/express reports at most one event per request, location and type, with `count`
// and `paths`; older versions reported one event per offending key. Events of one request
// with the same type and location are merged here, so the view is the same with either.

const crypto = require('node:crypto');
const { AsyncLocalStorage } = require('node:async_hooks');
const { readCookie } = require('./session');

const COOKIE = '__Host-lab';
const ID_FORMAT = /^[A-Za-z0-9_-]{22}$/;
const MAX_PATHS = 5;

const text = (value, max) => (typeof value === 'string' ? value.slice(0, max) : undefined);

/**
 * `maxClients` (1000) browsers are remembered, least recently seen dropped first; each keeps
 * its last `maxEvents` (50) events and its counts per type.
 */
function createSecurityEvents({ maxClients = 1000, maxEvents = 50 } = {}) {
  const clients = new Map(); // lab id -> { events, counts: Map(type -> n), seq }
  const context = new AsyncLocalStorage();

  function touch(id) {
    const client = clients.get(id);
    if (!client) return undefined;
    clients.delete(id); // re-inserted last: Map order is the eviction order
    clients.set(id, client);
    return client;
  }

  function newClient() {
    const id = crypto.randomBytes(16).toString('base64url');
    clients.set(id, { events: [], counts: new Map(), seq: 0 });
    while (clients.size > maxClients) clients.delete(clients.keys().next().value);
    return id;
  }

  /** Middleware: runs the rest of the request in its browser's context (when it has one). */
  function attribute(req, res, next) {
    const id = readCookie(req, COOKIE);
    const client = typeof id === 'string' && ID_FORMAT.test(id) ? touch(id) : undefined;
    if (!client) {
      next();
      return;
    }
    context.run({ client, merged: new Map() }, next);
  }

  /** Stores an onViolation event (old or new shape) for the browser whose request caused it. */
  function record(e) {
    const store = context.getStore();
    if (!store || !e || typeof e !== 'object') return;
    const type = text(e.type, 40) ?? 'unknown';
    const location = text(e.location, 40) ?? '';
    const count = Number.isSafeInteger(e.count) && e.count > 0 ? e.count : 1;
    const paths = (Array.isArray(e.paths) ? e.paths : [e.path])
      .filter((p) => typeof p === 'string')
      .slice(0, MAX_PATHS)
      .map((p) => p.slice(0, 100));
    const key = `${type}\u0000${location}`;
    const earlier = store.merged.get(key);
    if (earlier) {
      earlier.count += count;
      for (const p of paths) if (earlier.paths.length < MAX_PATHS && !earlier.paths.includes(p)) earlier.paths.push(p);
      return;
    }
    const { client } = store;
    const event = {
      seq: ++client.seq,
      at: new Date().toISOString(),
      type,
      location,
      count,
      paths,
      detail: text(e.detail, 200) ?? '',
      method: text(e.method, 10) ?? '',
      url: (text(e.url, 200) ?? '').split('?', 1)[0],
    };
    store.merged.set(key, event);
    client.events.push(event);
    if (client.events.length > maxEvents) client.events.shift();
    client.counts.set(type, (client.counts.get(type) ?? 0) + 1);
  }

  /**
   * GET /api/security-events[?after=<seq>]: `{ events, counts }` for this browser (events
   * after `seq` when given). A browser without a lab id gets one, and empty lists.
   */
  function route(req, res) {
    res.set('Cache-Control', 'no-store');
    const id = readCookie(req, COOKIE);
    let client = typeof id === 'string' && ID_FORMAT.test(id) ? touch(id) : undefined;
    if (!client) {
      const fresh = newClient();
      client = clients.get(fresh);
      res.cookie(COOKIE, fresh, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
    }
    const after =
      typeof req.query.after === 'string' && /^\d{1,9}$/.test(req.query.after) ? Number(req.query.after) : 0;
    res.json({
      events: client.events.filter((e) => e.seq > after),
      counts: Object.fromEntries(client.counts),
      latest: client.seq,
    });
  }

  return { attribute, record, route };
}

module.exports = { createSecurityEvents, LAB_COOKIE: COOKIE };
