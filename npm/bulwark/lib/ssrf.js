'use strict';
// SSRF guards: parseIp, classifyIp, checkUrl, and safeLookup / createSafeLookup for
// http.Agent and undici.
//
// checkUrl compiles its options once into a backend UrlChecker and keeps the last few
// compiled policies keyed by their normalized options (as sanitizeHtml does).
//
// safeLookup wraps dns.lookup: it always asks for every address (`all: true`), classifies
// them in one call into the core, and fails the lookup with SSRF_BLOCKED when any address
// is outside the allowed categories (fail closed: one private address in an answer is
// enough, since the connection may use any of them). It runs when the socket connects, so
// a host name that resolves to a public address at check time and to a private one at
// connect time (DNS rebinding) is still refused.
//
// Node's net.connect (and so http.Agent and undici) does not call `lookup` for a host that
// is already an IP literal: check the URL with checkUrl (which refuses non-public literals in
// every notation) before requesting it, and again for every redirect.

const dns = require('node:dns');
const backend = require('./backend');
const { BulwarkError, callBackend: call } = require('./errors');
const { stringArg, assertWellFormed, readOptions, isListOf, copyList, jsonText } = require('./args');

/** Every category classifyIp returns (the core's IpCategory names). */
const IP_CATEGORIES = Object.freeze([
  'public',
  'private',
  'loopback',
  'linkLocal',
  'unspecified',
  'multicast',
  'cgnat',
  'documentation',
  'benchmarking',
  'reserved',
  'broadcast',
]);
const CATEGORY_SET = new Set(IP_CATEGORIES);

/** The most entries of allowedSchemes / allowedHosts (a longer list is INVALID_OPTIONS). */
const MAX_HOSTS = 10000;
/** The most addresses a lookup answer may hold; a longer answer is refused (INPUT_TOO_LARGE). */
const MAX_ANSWER_ADDRESSES = 1000;

const isString = (s) => typeof s === 'string';
const isStringArray = (v) => isListOf(v, isString, MAX_HOSTS);
const isCategoryList = (v) =>
  isListOf(v, (c) => typeof c === 'string' && CATEGORY_SET.has(c), IP_CATEGORIES.length * 4);
const CATEGORY_OPTION = [isCategoryList, `an array of IP categories (${IP_CATEGORIES.join(', ')})`, copyList];

/** An own property of an object the backend or a resolver returned (undefined if not own). */
const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

const URL_OPTIONS = {
  allowedSchemes: [isStringArray, `an array of at most ${MAX_HOSTS} URL schemes`, copyList],
  allowedHosts: [
    isStringArray,
    `an array of at most ${MAX_HOSTS} host names, IP literals or *.domain patterns`,
    copyList,
  ],
  allowCredentials: [(v) => typeof v === 'boolean', 'a boolean'],
  allowedCategories: CATEGORY_OPTION,
};
const LOOKUP_OPTIONS = {
  allowedCategories: CATEGORY_OPTION,
  lookup: [(v) => typeof v === 'function', 'a dns.lookup-compatible function'],
};

/**
 * `{ address, family, zone }` for an IP address in any notation the OS resolver accepts
 * (canonical `address`, `family` 4 or 6, IPv6 `zone` or null); `null` for anything else.
 */
function parseIp(input) {
  const str = stringArg(input, 'parseIp: input');
  if (!str.isWellFormed()) return null;
  const parsed = backend.binding.parseIp(str);
  if (parsed === null || parsed === undefined) return null;
  return { address: own(parsed, 'address'), family: own(parsed, 'family'), zone: own(parsed, 'zone') ?? null };
}

/** The category of an IP address in any notation; IP_INVALID when it is not one. */
function classifyIp(input) {
  const str = stringArg(input, 'classifyIp: input');
  if (!str.isWellFormed()) throw new BulwarkError('IP_INVALID', 'not an IP address');
  return call(() => backend.binding.classifyIp(str));
}

/** Compiled policies by normalized options; small, and evicted oldest first. */
const cache = new Map();
const CACHE_SIZE = 32;
let defaultChecker = null;

function checkerFor(options) {
  if (options === undefined) {
    defaultChecker ??= call(() => new backend.binding.UrlChecker(Object.create(null)));
    return defaultChecker;
  }
  // Validating first means the key is built from checked, own properties only.
  const policy = readOptions(options, URL_OPTIONS, 'checkUrl');
  const key = jsonText(
    Object.keys(policy)
      .sort()
      .map((k) => [k, policy[k]]),
  );
  let checker = cache.get(key);
  if (checker === undefined) {
    checker = call(() => new backend.binding.UrlChecker(policy));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
    cache.set(key, checker);
  }
  return checker;
}

/**
 * Parses `url` with WHATWG rules and checks it: allowed scheme (default http/https), no
 * credentials, host on the allowlist (if any), and a host that is not a non-public IP
 * literal (any notation) or localhost. Returns `{ href, protocol, hostname, port, address,
 * category }`; throws URL_INVALID, URL_SCHEME, URL_CREDENTIALS, URL_HOST_NOT_ALLOWED,
 * SSRF_BLOCKED, INVALID_UNICODE.
 */
function checkUrl(url, options) {
  const str = stringArg(url, 'checkUrl: url');
  const checker = checkerFor(options);
  assertWellFormed(str, 'checkUrl: url');
  const r = call(() => checker.check(str));
  return {
    href: own(r, 'href'),
    protocol: own(r, 'protocol'),
    hostname: own(r, 'hostname'),
    port: own(r, 'port') ?? null,
    address: own(r, 'address') ?? null,
    category: own(r, 'category') ?? null,
  };
}

function blocked(hostname, address, category) {
  const err = new BulwarkError('SSRF_BLOCKED', `${hostname} resolves to ${address}, a ${category} address`);
  // Defined, not assigned: an accessor of that name on Object.prototype would intercept.
  const field = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(err, 'hostname', field(hostname));
  Object.defineProperty(err, 'address', field(address));
  return err;
}

/** The first refused address of a lookup answer as an error, else null. */
function verdict(hostname, entries, allowed) {
  if (entries.length === 0) {
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  }
  const categories = call(() => backend.binding.classifyIps(entries.map((e) => e.address)));
  // (entries come from entriesOf: own `address` strings, no holes, at most MAX_ANSWER_ADDRESSES.)
  for (let i = 0; i < entries.length; i += 1) {
    if (!allowed.has(categories[i])) return blocked(hostname, entries[i].address, categories[i]);
  }
  return null;
}

/**
 * A lookup answer as `[{ address, family }]` (fresh objects of own values), whichever way
 * the resolver called back; null when unreadable (a hole, an entry without an own string
 * `address`).
 */
function entriesOf(addresses, family) {
  if (typeof addresses === 'string') return [{ address: addresses, family }];
  if (!Array.isArray(addresses)) return null;
  const isEntry = (e) => e !== null && typeof e === 'object' && typeof own(e, 'address') === 'string';
  if (!isListOf(addresses, isEntry, Infinity)) return null;
  return addresses.map((e) => ({ address: own(e, 'address'), family: own(e, 'family') }));
}

/**
 * A `dns.lookup`-compatible function (for `http.Agent({ lookup })`, `https.Agent` and
 * undici's `connect: { lookup }`) that fails with SSRF_BLOCKED when any resolved address
 * is outside `allowedCategories` (default `['public']`). `lookup` replaces dns.lookup.
 */
function createSafeLookup(options) {
  const opts = readOptions(options, LOOKUP_OPTIONS, 'createSafeLookup');
  const allowed = new Set(opts.allowedCategories ?? ['public']);
  const resolve = opts.lookup ?? dns.lookup;
  return function safeLookup(hostname, lookupOptions, callback) {
    let cb = callback;
    let given = lookupOptions;
    if (typeof given === 'function') {
      cb = given;
      given = undefined;
    }
    if (typeof cb !== 'function') throw new TypeError('safeLookup: callback must be a function');
    const host = stringArg(hostname, 'safeLookup: hostname');
    const isObject = given !== null && typeof given === 'object';
    const wantAll = isObject && own(given, 'all') === true;
    // Null prototype: the resolver (dns.lookup) reads `family`, `hints`, `verbatim`, ...
    // from it, and must not find them on a polluted Object.prototype.
    const forwarded = Object.create(null);
    if (typeof given === 'number') forwarded.family = given;
    else if (isObject) Object.assign(forwarded, given);
    forwarded.all = true;
    resolve(host, forwarded, (err, addresses, family) => {
      if (err) {
        cb(err);
        return;
      }
      if (Array.isArray(addresses) && addresses.length > MAX_ANSWER_ADDRESSES) {
        cb(
          new BulwarkError(
            'INPUT_TOO_LARGE',
            `the resolver answered more than ${MAX_ANSWER_ADDRESSES} addresses for ${host}`,
          ),
        );
        return;
      }
      const entries = entriesOf(addresses, family);
      let refusal;
      try {
        refusal =
          entries === null
            ? new BulwarkError('SSRF_BLOCKED', `the resolver gave an unreadable answer for ${host}`)
            : verdict(host, entries, allowed);
      } catch (e) {
        refusal = e;
      }
      if (refusal !== null) cb(refusal);
      else if (wantAll)
        cb(
          null,
          entries.map((e) => ({ address: e.address, family: e.family })),
        );
      else cb(null, entries[0].address, entries[0].family);
    });
  };
}

/** createSafeLookup() with the defaults: only public addresses. */
const safeLookup = createSafeLookup();

module.exports = { parseIp, classifyIp, checkUrl, safeLookup, createSafeLookup, IP_CATEGORIES };
