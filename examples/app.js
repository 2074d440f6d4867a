'use strict';
// The hardened demo app: Express 5 composed with the libraries users already trust (helmet,
// cors, express-rate-limit, pino) and Bulwark's guards. `createApp(options)` builds it
// without listening, for server.js and the tests.

const path = require('node:path');
const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const { rateLimit, ipKeyGenerator } = require('express-rate-limit');
const pino = require('pino');
const guard = require('bulwark/express');
const { createSessions } = require('./lib/session');
const { createSecurityEvents } = require('./lib/security-events');
const { sendError } = require('./lib/http');
const { DatabaseUnavailableError } = require('./db');

const MINUTE = 60 * 1000;

/**
 * Builds the app. Options:
 * - `db` (required): from `openDatabase()` in db.js.
 * - `logger`: a pino logger (default: pino to stdout).
 * - `production`: hide error details (default: NODE_ENV === 'production').
 * - `allowedOrigins`: origins allowed to call /api cross-origin with credentials (default none).
 * - `rateLimit`: `{ windowMs = 15 min, auth = 30, login = 5, preview = 10, api = 300, events = 900 }`
 *   requests per window: `auth` per IP across login and sign-up; `login` failed logins per
 *   IP and account (a password guessed at one account stops there, and the same IP can
 *   still sign in to its own); `preview` per IP for link previews; `events` per IP for the
 *   attack lab's event view (the page polls it); `api` per IP for the rest.
 * - `trustProxy`: Express's 'trust proxy' (default false: req.ip is the socket's address).
 * - `filesDir`: what /files serves (default examples/files).
 * - `securityContact`, `canonicalUrl`: for /.well-known/security.txt.
 * - `sessionTtlMs` (default 8 h); `passwordOptions`: bulwark.hashPassword options.
 * - `preview`: link-preview fetching, `{ allowedCategories = ['public'], lookup, maxRedirects,
 *   timeoutMs, maxBytes }`. Only tests widen `allowedCategories` (to reach their own
 *   loopback server) or pass a fake resolver as `lookup`.
 */
function createApp(options = {}) {
  const {
    db,
    logger = pino(),
    production = process.env.NODE_ENV === 'production',
    allowedOrigins = [],
    rateLimit: limits = {},
    trustProxy = false,
    filesDir = path.join(__dirname, 'files'),
    securityContact = 'mailto:security@example.com',
    canonicalUrl,
    sessionTtlMs = 8 * 60 * MINUTE,
    passwordOptions,
    preview = {},
  } = options;
  if (!db || typeof db.query !== 'function') throw new TypeError('createApp: options.db is required (see db.js)');
  const windowMs = limits.windowMs ?? 15 * MINUTE;

  // Security events: every Bulwark middleware reports here through onViolation, and the app
  // adds its own (failed logins, CSRF, rate limits). Events carry key names and reasons,
  // never request values; the URL is logged without its query string.
  // bulwark/express sends at most one event per request, location and type, with `count`
  // and the first `paths`; the app's own events name one path.
  const labEvents = createSecurityEvents();
  const onViolation = (e) => {
    const url = typeof e.url === 'string' ? e.url.split('?')[0] : undefined;
    logger.warn(
      {
        security: {
          type: e.type,
          location: e.location,
          path: e.path,
          ...(Number.isSafeInteger(e.count) ? { count: e.count } : {}),
          ...(Array.isArray(e.paths) ? { paths: e.paths.slice(0, 5) } : {}),
          detail: e.detail,
          ip: e.ip,
          method: e.method,
          url,
        },
      },
      `blocked: ${e.type}`,
    );
    labEvents.record(e);
  };
  const security = (req, e) => onViolation({ ...e, ip: req.ip, method: req.method, url: req.originalUrl });

  const limiter = (name, limit, more = {}) =>
    rateLimit({
      windowMs,
      limit,
      identifier: name,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      ...more,
      handler(req, res) {
        limitedBy.set(req, name);
        security(req, {
          type: 'rateLimit',
          location: 'ip',
          path: name,
          detail: `over ${limit} requests per ${windowMs / 1000}s`,
        });
        sendError(res, 429, 'RATE_LIMITED', 'too many requests; try again later');
      },
    });
  // Which limiter refused a request (for the auth limiter's refund below).
  const limitedBy = new WeakMap();
  // A login the per-account limiter refused verified no password: it gives its try back to
  // the IP's budget, so hammering one locked account (the attack lab's brute force, the
  // printed curl loop) never locks that IP out of its own sign-in.
  const authLimiter = limiter('auth', limits.auth ?? 30, {
    skipFailedRequests: true,
    requestWasSuccessful: (req) => limitedBy.get(req) !== 'login',
  });
  // After validation: keyed by the normalized address, so spelling it differently
  // (case, Gmail dots) does not buy more guesses. Successful logins give their try back.
  const loginLimiter = limiter('login', limits.login ?? 5, {
    skipSuccessfulRequests: true,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')} ${req.valid.body.email}`,
  });
  const previewLimiter = limiter('preview', limits.preview ?? 10);
  const apiLimiter = limiter('api', limits.api ?? 300);
  const eventsLimiter = limiter('events', limits.events ?? 900);

  const sessions = createSessions({ db, security, ttlMs: sessionTtlMs });
  const ctx = {
    db,
    logger,
    sessions,
    security,
    onViolation,
    authLimiter,
    loginLimiter,
    previewLimiter,
    passwordOptions,
    filesDir,
    securityContact,
    canonicalUrl,
    preview,
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  // req.query without prototype keys, operator keys or repeated-key arrays (HTTP parameter
  // pollution), on Express 5 where req.query is re-parsed on every access.
  app.set('query parser', guard.queryParser());

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          method: req.method,
          url: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  // Attributes security events to the browser that caused them (the attack lab's view).
  app.use(labEvents.attribute);

  app.use(
    helmet({
      // A strict policy: scripts and styles only from this origin (no inline code, no eval),
      // nothing embeds this app, no plugins, no <base> hijacking, forms post only here.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );

  app.use(express.static(path.join(__dirname, 'public'), { index: 'index.html', dotfiles: 'ignore' }));
  // Pages without a <link rel="icon"> (security.txt, downloads) make browsers ask for this one.
  app.get('/favicon.ico', (req, res) => res.redirect(301, '/favicon.svg'));
  app.use('/.well-known', require('./routes/wellknown')(ctx));

  // This browser's own security events, for the attack lab (polled: its own budget).
  app.get('/api/security-events', eventsLimiter, labEvents.route);

  // Everything below reads requests: rate-limited, then parsed and checked by Bulwark.
  app.use(apiLimiter);
  app.use(
    guard.json({ limit: '32kb', onViolation }),
    guard.urlencoded({ limit: '8kb', onViolation }),
    guard.guard({ onViolation }),
  );

  const api = express.Router();
  api.use(
    cors({
      origin: (origin, callback) => callback(null, typeof origin === 'string' && allowedOrigins.includes(origin)),
      credentials: true,
      methods: ['GET', 'POST', 'PATCH'],
      allowedHeaders: ['Content-Type', 'X-CSRF-Token'],
      maxAge: 600,
    }),
  );
  api.use((req, res, next) => {
    // Answers depend on the Origin (CORS) and the session: never cache them, anywhere.
    res.vary('Origin');
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use('/', require('./routes/auth')(ctx));
  api.use('/comments', require('./routes/comments')(ctx));
  api.use('/profile', require('./routes/profile')(ctx));
  api.use('/preview', require('./routes/preview')(ctx));
  app.use('/api', api);
  app.use('/files', require('./routes/files')(ctx));

  app.use((req, res) => sendError(res, 404, 'NOT_FOUND', 'no such route'));
  // A database that does not answer in time: 503 with Retry-After, not a hung request or a 500.
  app.use((err, req, res, next) => {
    if (!(err instanceof DatabaseUnavailableError) || res.headersSent) {
      next(err);
      return;
    }
    logger.error({ err, method: req.method, url: req.originalUrl.split('?')[0] }, 'database unavailable');
    res.set('Retry-After', '5');
    sendError(res, 503, 'DB_UNAVAILABLE', 'the database is not answering; try again in a few seconds');
  });
  app.use(
    guard.errorHandler({
      expose: !production,
      // 5xx only, with the request id the reply carries (the user can quote it); 4xx are
      // the client's mistakes, and the security ones are already logged through onViolation.
      log(err, req, { requestId, status }) {
        if (status >= 500)
          logger.error({ err, requestId, method: req.method, url: req.originalUrl.split('?')[0] }, 'unhandled error');
      },
    }),
  );
  return app;
}

module.exports = { createApp };
