'use strict';
// Violation events for `onViolation`: findings are tallied per type while a request is
// checked, then reported as one event per request, location and type with a count and the
// first few paths. A flood of 1,000 bad keys costs one event, never 1,000 log lines.

const { readProp } = require('./props');

/** Paths kept per event, and the longest path kept (the rest is cut). */
const MAX_PATHS = 5;
const MAX_PATH_LENGTH = 200;

/** What this request already reported, per callback: `location\0type` strings. */
const SENT = Symbol('bulwark.express.sent');

function capPath(path) {
  const text = typeof path === 'string' ? path : String(path);
  return text.length > MAX_PATH_LENGTH ? text.slice(0, MAX_PATH_LENGTH) : text;
}

/**
 * Counts findings by type, keeping the first MAX_PATHS distinct paths of each. `path` may
 * be a function: it is called only while paths are still being kept, so a large input does
 * not build a path string per finding. O(1) per finding.
 */
class Tally {
  // Fields, not assignments in a constructor: a field is defined, so an accessor of the same
  // name on a polluted Object.prototype never intercepts it.
  groups = [];
  byType = new Map();

  add(type, path, extra) {
    let group = this.byType.get(type);
    if (group === undefined) {
      // Null prototype: a field no finding set (removable, detail) reads as undefined.
      group = { __proto__: null, type, count: 0, paths: [], ...extra };
      this.byType.set(type, group);
      this.groups.push(group);
    }
    group.count += 1;
    if (group.paths.length < MAX_PATHS) {
      const text = capPath(typeof path === 'function' ? path() : path);
      if (!group.paths.includes(text)) group.paths.push(text);
    }
    return group;
  }

  get size() {
    return this.groups.length;
  }
}

/** The request's path, without the query string (it can carry tokens and other secrets). */
function requestPath(req) {
  const url = readProp(req, 'originalUrl') || readProp(req, 'url') || '';
  return typeof url === 'string' ? url.split('?', 1)[0] : '';
}

/**
 * Calls `onViolation` once for this request, location and type. The event never carries
 * request values; `detail` is a short machine-readable reason.
 */
function report(onViolation, req, event) {
  if (typeof onViolation !== 'function') return;
  // Own fields only: a field the caller left out is its default, never Object.prototype's.
  const field = (key, fallback) => (Object.hasOwn(event, key) && event[key] !== undefined ? event[key] : fallback);
  const type = field('type');
  const location = field('location');
  const count = field('count', 1);
  const paths = field('paths', []);
  const detail = field('detail');
  try {
    let sent = req[SENT];
    if (sent === undefined) {
      sent = new Map();
      Object.defineProperty(req, SENT, { __proto__: null, value: sent, configurable: true });
    }
    let keys = sent.get(onViolation);
    if (keys === undefined) {
      keys = new Set();
      sent.set(onViolation, keys);
    }
    const key = `${location}\0${type}`;
    if (keys.has(key)) return;
    keys.add(key);
    const kept = paths.slice(0, MAX_PATHS).map(capPath);
    onViolation({
      type,
      location,
      count,
      paths: kept,
      path: kept.length > 0 ? kept[0] : '',
      detail,
      ip: readProp(req, 'ip'),
      method: readProp(req, 'method'),
      url: requestPath(req),
    });
  } catch {
    // A logging callback must never turn a rejected request into a crash.
  }
}

/** Reports every group of a tally at `location`; `detail(group)` names the reason. */
function reportTally(onViolation, req, location, tally, detail) {
  for (const group of tally.groups) {
    report(onViolation, req, {
      type: group.type,
      location,
      count: group.count,
      paths: group.paths,
      detail: detail(group),
    });
  }
}

module.exports = { Tally, report, reportTally, capPath, MAX_PATHS, MAX_PATH_LENGTH };
