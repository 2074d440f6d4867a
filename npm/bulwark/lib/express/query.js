'use strict';
// A URL-encoded parser for query strings and form bodies that is safe by construction:
// `a[b][c]=1` nesting up to `maxDepth`, `a[]=1` arrays, at most `parameterLimit` pairs,
// prototype poisoning dropped, operator keys stripped or refused, and HTTP parameter
// pollution handled as hpp does: a repeated key becomes its last value unless allowlisted.
// Results are null-prototype objects, like Node's querystring (Express 5's default).
// Linear in the text: what was dropped or collapsed is tallied (a count and a few keys).

const { isOperatorKey } = require('./keys');
const { Tally } = require('./events');

/** Where the parser records what it collapsed or dropped, for `guard`'s onViolation. */
const REPORT = Symbol.for('bulwark.express.report');

function decode(text) {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // as querystring does with malformed escapes: keep the text
  }
}

/** `a[b][]` -> ['a', 'b', '']; null when brackets are malformed. */
function splitKey(key) {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.length > 0) {
    if (rest[0] !== '[') return null;
    const close = rest.indexOf(']');
    if (close === -1) return null;
    segments.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  return segments;
}

/**
 * The key segments that poison a prototype, as secure-json-parse defines it: `__proto__`
 * anywhere, or `constructor` followed by `prototype`. `constructor` and `prototype` alone
 * are data (the result objects have no prototype to reach).
 */
function isPoisoning(segments) {
  for (let i = 0; i < segments.length; i += 1) {
    if (segments[i] === '__proto__') return true;
    // Bounded: an index past the end would be read from a polluted Array.prototype.
    if (segments[i] === 'constructor' && i + 1 < segments.length && segments[i + 1] === 'prototype') return true;
  }
  return false;
}

/**
 * Parses `text` (without a leading `?`). Options: maxDepth (default 5), parameterLimit (1000),
 * allowArrays (keys whose repeats become arrays), operators ('strip' | 'reject' | 'allow').
 * Returns { value, report } with report = { tally, truncated }: the tally counts what was
 * dropped ('malformed', 'depth', 'prototype', 'operator') or collapsed ('parameterPollution').
 */
function parseUrlEncoded(text, options) {
  // Own options only: one left out is its default, never a polluted Object.prototype's.
  const option = (key, fallback) =>
    options !== undefined && Object.hasOwn(options, key) && options[key] !== undefined ? options[key] : fallback;
  const maxDepth = option('maxDepth', 5);
  const parameterLimit = option('parameterLimit', 1000);
  const operators = option('operators', 'strip');
  const value = Object.create(null);
  const report = { tally: new Tally(), truncated: false };
  if (typeof text !== 'string' || text.length === 0) return { value, report };
  const allowed = new Set();
  const allowArrays = option('allowArrays', []);
  for (let i = 0; i < allowArrays.length; i += 1) if (Object.hasOwn(allowArrays, i)) allowed.add(allowArrays[i]);
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    const pair = text.slice(start, end);
    start = end + 1;
    if (pair.length === 0) continue;
    if (count >= parameterLimit) {
      report.truncated = true;
      break;
    }
    count += 1;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const val = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const segments = splitKey(key);
    // `[]` may only end a key (`a[]`, `a[b][]`); `a[][b]` is refused rather than guessed at.
    if (segments === null || segments.slice(0, -1).includes('') || segments[0] === '') {
      report.tally.add('malformed', key);
      continue;
    }
    if (segments.length - 1 > maxDepth) {
      report.tally.add('depth', key);
      continue;
    }
    if (isPoisoning(segments)) {
      report.tally.add('prototype', key);
      continue;
    }
    if (operators !== 'allow' && segments.some(isOperatorKey)) {
      report.tally.add('operator', key);
      continue;
    }
    assign(value, segments, val, allowed.has(segments[0]), report, key);
  }
  return { value, report };
}

function assign(root, segments, val, arraysAllowed, report, key) {
  let target = root;
  for (let i = 0; i < segments.length - 1; i += 1) {
    const segment = segments[i];
    const next = segments[i + 1];
    let child = target[segment];
    if (next === '') {
      // `a[]=x`: an explicit array, only where arrays are allowed.
      if (!arraysAllowed) {
        if (typeof target[segment] !== 'undefined') report.tally.add('parameterPollution', key);
        target[segment] = val;
        return;
      }
      if (!Array.isArray(child)) {
        child = child === undefined ? [] : [child];
        target[segment] = child;
      }
      child.push(val);
      return;
    }
    if (child === null || typeof child !== 'object' || Array.isArray(child)) {
      if (child !== undefined) report.tally.add('parameterPollution', key);
      child = Object.create(null);
      target[segment] = child;
    }
    target = child;
  }
  const last = segments[segments.length - 1];
  const existing = target[last];
  if (existing === undefined) {
    target[last] = val;
  } else if (arraysAllowed && segments.length === 1) {
    // Pushing (never copying) keeps 1,000 repeats linear.
    if (Array.isArray(existing)) existing.push(val);
    else target[last] = [existing, val];
  } else {
    report.tally.add('parameterPollution', key);
    target[last] = val; // hpp: the last value wins
  }
}

module.exports = { parseUrlEncoded, REPORT };
