'use strict';
// Starts the demo app (`npm start`): opens the database (PGlite in examples/.data, or
// PostgreSQL when DATABASE_URL is set), listens, and prints a few curl lines that show
// attacks being stopped.
//
// Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL, DATABASE_CONNECT_TIMEOUT_MS (5000),
// DATABASE_STATEMENT_TIMEOUT_MS (5000), PGLITE_DIR, NODE_ENV,
// CORS_ORIGINS (comma-separated origins allowed to call /api from other sites),
// TRUST_PROXY (Express's 'trust proxy' setting, e.g. 1 behind one reverse proxy).

const http = require('node:http');
const path = require('node:path');
const pino = require('pino');
const bulwark = require('bulwark');
const { openDatabase, DatabaseUnavailableError } = require('./db');
const { createApp } = require('./app');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

function trustProxySetting(value) {
  if (value === undefined || value === '') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** A positive integer from the environment, or undefined (the default) when unset. */
function positiveInt(name) {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d{0,7}$/.test(value)) throw new Error(`${name} must be a positive integer (milliseconds)`);
  return Number(value);
}

function curlLines(url) {
  const json = "-H 'Content-Type: application/json'";
  const account = `'{"email": "demo@example.com", "password": "correct horse battery staple"}'`;
  return [
    '# strict headers: CSP without inline script, no X-Powered-By',
    `curl -sI ${url}/ | grep -iE 'content-security-policy|x-powered-by|x-content-type-options'`,
    '# prototype pollution in a JSON body: 400 PROTOTYPE_POLLUTION',
    `curl -s -w '\\n' ${url}/api/login ${json} -d '{"__proto__": {"admin": true}}'`,
    '# NoSQL operator injection: 400 OPERATOR_KEY',
    `curl -s -w '\\n' ${url}/api/login ${json} -d '{"email": {"$ne": null}, "password": "x"}'`,
    '# path traversal out of examples/files: 400 PATH_ESCAPE',
    `curl -s -w '\\n' ${url}/files/..%2f..%2fpackage.json`,
    '# sign up and sign in (a Secure, HttpOnly, SameSite=Strict cookie; the reply holds the CSRF token)',
    `curl -s -w '\\n' ${url}/api/signup ${json} -d ${account}`,
    `TOKEN=$(curl -s -c /tmp/bulwark-demo.jar ${url}/api/login ${json} -d ${account} | sed -E 's/.*"csrfToken":"([^"]*)".*/\\1/')`,
    '# a comment with script in it is stored without the script',
    `curl -s -w '\\n' -b /tmp/bulwark-demo.jar ${url}/api/comments ${json} -H "X-CSRF-Token: $TOKEN" -d '{"body": "<b>hi</b><img src=x onerror=alert(1)><script>alert(1)</script>"}'`,
    '# a link preview of the cloud metadata address: 400 SSRF_BLOCKED, no request made',
    `curl -s -w '\\n' -b /tmp/bulwark-demo.jar ${url}/api/preview ${json} -H "X-CSRF-Token: $TOKEN" -d '{"url": "http://169.254.169.254/latest/meta-data/"}'`,
    '# unknown account or wrong password: the same reply; 5 failed logins per account and IP per 15 minutes, then 429',
    '# (that budget is per account: these tries leave the page its own sign-up and sign-in)',
    `for i in 1 2 3 4 5 6; do curl -s ${url}/api/login ${json} -d '{"email": "nobody@example.com", "password": "guess-'$i'"}'; echo; done`,
  ];
}

async function main() {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const db = await openDatabase({
    dataDir: process.env.PGLITE_DIR ?? path.join(__dirname, '.data'),
    connectTimeoutMs: positiveInt('DATABASE_CONNECT_TIMEOUT_MS'),
    statementTimeoutMs: positiveInt('DATABASE_STATEMENT_TIMEOUT_MS'),
  });
  const app = createApp({
    db,
    logger,
    allowedOrigins: (process.env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  });
  const server = http.createServer(app);
  server.once('error', (err) => {
    console.error(`cannot listen on ${host}:${port}: ${err.message}`);
    db.close().finally(() => process.exit(1));
  });
  server.listen(port, host, () => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`;
    console.log(`\nBulwark demo (backend: ${bulwark.backend}, database: ${db.kind}) listening on ${url}\n`);
    console.log(`Open ${url}/ in a browser (its attack lab sends each attack from the page), or try some:\n`);
    console.log(`${curlLines(url).join('\n')}\n`);
  });

  const stop = () => {
    server.close(() => db.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

module.exports = { curlLines };

// Started as a program (npm start), not required by a test.
if (require.main === module) {
  main().catch((err) => {
    if (err instanceof DatabaseUnavailableError) {
      // The expected failure needs no stack trace: say what to check.
      console.error(`cannot start: ${err.message}; check DATABASE_URL and that PostgreSQL is running`);
    } else {
      console.error(err);
    }
    process.exit(1);
  });
}
