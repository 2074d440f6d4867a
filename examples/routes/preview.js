'use strict';
// Link previews (`POST /api/preview { url }`): the server fetches a user-supplied URL, the
// classic server-side request forgery target. Three checks, each needed:
// 1. bulwark.checkUrl on the URL and on every redirect target: scheme, credentials, and
//    hosts that are non-public IP literals in any notation (0x7f.1, 2130706433, [::ffff:7f00:1]);
// 2. a safe lookup on the HTTP agent: every address a host name resolves to is classified
//    at connect time, so a name that resolves (or re-resolves: DNS rebinding) to an internal
//    address is refused before a connection is made;
// 3. limits: a few redirects, a timeout, a byte cap, HTML only.
// Only public addresses are allowed; the tests add `loopback` for their own local server.

const http = require('node:http');
const https = require('node:https');
const express = require('express');
const bulwark = require('bulwark');
const guard = require('bulwark/express');
const { sendError } = require('../lib/http');

const URL_ERRORS = new Set([
  'URL_INVALID',
  'URL_SCHEME',
  'URL_CREDENTIALS',
  'URL_HOST_NOT_ALLOWED',
  'SSRF_BLOCKED',
  'INVALID_UNICODE',
]);

class UpstreamError extends Error {}

/** The page's <title> as plain text (tags removed, entities decoded), or null. */
function titleOf(html) {
  const lower = html.toLowerCase();
  const open = lower.indexOf('<title');
  const start = open === -1 ? -1 : lower.indexOf('>', open);
  const end = start === -1 ? -1 : lower.indexOf('</title', start);
  if (end === -1) return null;
  // Text for the client to insert as text; stripTags also decodes entities.
  const title = bulwark
    .stripTags(html.slice(start + 1, end))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return title || null;
}

/** One GET through `agent`; resolves to the response (body not yet read). */
function get(target, agent, timeoutMs) {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const req = client.get(
      target.href,
      {
        agent,
        timeout: timeoutMs,
        headers: { 'user-agent': 'bulwark-demo-link-preview', accept: 'text/html' },
      },
      resolve,
    );
    req.on('timeout', () => req.destroy(new UpstreamError('timed out')));
    req.on('error', reject);
  });
}

/** Reads at most `maxBytes` of the body, then stops the download. */
function readCapped(res, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    res.on('data', (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) {
        res.destroy();
        resolve(Buffer.concat(chunks).subarray(0, maxBytes));
      }
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

module.exports = function previewRoutes({ sessions, security, onViolation, previewLimiter, preview }) {
  const {
    allowedCategories = ['public'],
    lookup, // the resolver to wrap (default dns.lookup); tests pass a fake DNS here
    maxRedirects = 3,
    timeoutMs = 5000,
    maxBytes = 256 * 1024,
  } = preview;
  const checkOptions = { allowedSchemes: ['http', 'https'], allowedCategories };
  const safeLookup = bulwark.createSafeLookup({ allowedCategories, ...(lookup ? { lookup } : {}) });
  const agents = {
    'http:': new http.Agent({ lookup: safeLookup, keepAlive: false }),
    'https:': new https.Agent({ lookup: safeLookup, keepAlive: false }),
  };

  async function fetchTitle(url) {
    let target = bulwark.checkUrl(url, checkOptions);
    for (let hop = 0; ; hop++) {
      const res = await get(target, agents[target.protocol], timeoutMs);
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        res.resume();
        if (hop >= maxRedirects) throw new UpstreamError('too many redirects');
        // A redirect is a new, untrusted URL: check it again.
        target = bulwark.checkUrl(new URL(res.headers.location, target.href).href, checkOptions);
        continue;
      }
      if (res.statusCode !== 200) {
        res.resume();
        throw new UpstreamError(`status ${res.statusCode}`);
      }
      if (!/^text\/html\b/i.test(res.headers['content-type'] ?? '')) {
        res.resume();
        return { url: target.href, title: null };
      }
      return { url: target.href, title: titleOf((await readCapped(res, maxBytes)).toString('utf8')) };
    }
  }

  const router = express.Router();
  router.post(
    '/',
    previewLimiter,
    sessions.required(),
    guard.validate(
      { body: { url: { isLength: { options: { max: 2048 }, errorMessage: 'must be at most 2048 characters' } } } },
      { onViolation },
    ),
    async (req, res) => {
      try {
        res.json(await fetchTitle(req.valid.body.url));
      } catch (err) {
        if (err instanceof bulwark.BulwarkError && URL_ERRORS.has(err.code)) {
          security(req, { type: 'ssrf', location: 'body', path: 'url', detail: err.code });
          sendError(
            res,
            400,
            err.code,
            err.code === 'SSRF_BLOCKED'
              ? 'this URL leads to an address the server may not reach'
              : 'this URL is not allowed',
          );
          return;
        }
        if (err instanceof UpstreamError || (err && typeof err.code === 'string' && /^E[A-Z_]+$/.test(err.code))) {
          sendError(res, 502, 'UPSTREAM_FAILED', 'the page could not be fetched');
          return;
        }
        throw err;
      }
    },
  );
  return router;
};
