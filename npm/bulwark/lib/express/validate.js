'use strict';
// Compiles `validate()` schemas once: every path is parsed and every rule name resolved to a
// Bulwark function with its arguments fixed when the middleware is created, so a typo or an
// unresolvable path fails at startup and a request only runs the compiled steps.
//
// A request is checked in three passes: (1) resolve each field's paths (wildcards expand
// over own keys), apply sanitizers and local checks in rule order and collect the string
// each core validator must see; (2) one `createValidator` batch call for all of them (more
// only when arrays or wildcards give a rule several values); (3) per field instance, the
// first failing rule in order, running `custom` validators (sync or async) only up to it.

const { BulwarkError } = require('../errors');
const { isDate } = require('../validators');
const { defineValue, readProp } = require('./props');

const LOCATIONS = ['body', 'query', 'params', 'headers', 'cookies'];
const DEFAULT_MESSAGE = 'Invalid value';
const WILDCARD = '*';

/** Rules that transform the value (validator.js sanitizers, plus `escape`). */
const SANITIZERS = {
  trim: 'trim',
  ltrim: 'ltrim',
  rtrim: 'rtrim',
  stripLow: 'stripLow',
  blacklist: 'blacklist',
  whitelist: 'whitelist',
  normalizeEmail: 'normalizeEmail',
  toInt: 'toInt',
  toFloat: 'toFloat',
  toBoolean: 'toBoolean',
  normalizeUnicode: 'normalizeUnicode',
  escape: 'escapeHtml',
  unescape: 'unescapeHtml',
  stripTags: 'stripTags',
};

const hasOwn = Object.hasOwn;
/** An own property, never one a polluted Object.prototype supplies. */
const own = (obj, key) => (hasOwn(obj, key) ? obj[key] : undefined);

function invalid(message) {
  return new BulwarkError('INVALID_OPTIONS', `validate: ${message}`);
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isMessage = (v) => typeof v === 'string' || typeof v === 'function';

/**
 * A rule's arguments after the value: `true` or `{}` -> none; an array -> positional
 * (`isIn: [['a', 'b']]`, `matches: ['^a', 'i']`); anything else -> one argument (options).
 */
function ruleArgs(value) {
  if (value === true || (isPlainObject(value) && Object.keys(value).length === 0)) return [];
  if (Array.isArray(value)) return [...value];
  return [value];
}

/**
 * A rule value in express-validator's schema form `{ options, errorMessage }` (only those
 * keys), or the options themselves.
 */
function splitRule(where, value) {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => k === 'options' || k === 'errorMessage')) {
      const message = own(value, 'errorMessage');
      if (message !== undefined && !isMessage(message)) {
        throw invalid(`${where}: errorMessage must be a string or a function`);
      }
      return { options: hasOwn(value, 'options') ? value.options : true, message };
    }
  }
  return { options: value, message: undefined };
}

/**
 * 'user.email' -> ['user', 'email']; 'items.*.name', 'items[*].name', 'items[0].name' and
 * 'tags.*' as express-validator writes them. Empty segments, unbalanced brackets and
 * `__proto__` cannot name request data: an error at startup.
 */
function parsePath(location, text) {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1000) {
    throw invalid(`${location}: "${text}" is not a field path`);
  }
  const segments = [];
  let i = 0;
  let current = '';
  let expectSegment = true;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (expectSegment && current === '') throw invalid(`${location}: "${text}" has an empty segment`);
      if (current !== '') segments.push(current);
      current = '';
      expectSegment = true;
      i += 1;
    } else if (ch === '[') {
      if (current !== '') segments.push(current);
      else if (segments.length === 0) throw invalid(`${location}: "${text}" starts with a bracket`);
      const close = text.indexOf(']', i);
      if (close === -1 || close === i + 1) throw invalid(`${location}: "${text}" has an unbalanced or empty bracket`);
      segments.push(text.slice(i + 1, close));
      current = '';
      expectSegment = false;
      i = close + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') {
        throw invalid(`${location}: "${text}" has text after a bracket`);
      }
    } else if (ch === ']') {
      throw invalid(`${location}: "${text}" has an unbalanced bracket`);
    } else {
      current += ch;
      expectSegment = false;
      i += 1;
    }
  }
  if (current !== '') segments.push(current);
  else if (expectSegment) throw invalid(`${location}: "${text}" ends with a dot`);
  if (segments.includes('__proto__')) throw invalid(`${location}: "${text}" names __proto__, which is never data`);
  // Header names are case-insensitive; Node gives them in lower case.
  return location === 'headers' ? segments.map((s) => s.toLowerCase()) : segments;
}

/** Which missing values an `optional` field skips. */
function readOptional(where, value) {
  if (value === false) return null;
  // `optional: true`: absent, null or '' (Bulwark's meaning since the first release).
  if (value === true) return { undefined: true, null: true, falsy: false, empty: true };
  if (!isPlainObject(value)) throw invalid(`${where}: optional must be a boolean or { nullable, checkFalsy, values }`);
  for (const key of Object.keys(value)) {
    if (!['nullable', 'checkFalsy', 'values'].includes(key))
      throw invalid(`${where}: unknown optional option "${key}"`);
  }
  const values =
    own(value, 'values') ?? (own(value, 'checkFalsy') ? 'falsy' : own(value, 'nullable') ? 'null' : 'undefined');
  if (!['undefined', 'null', 'falsy'].includes(values)) {
    throw invalid(`${where}: optional.values must be 'undefined', 'null' or 'falsy'`);
  }
  // express-validator's meanings: undefined only; null too; every falsy value.
  return { undefined: true, null: values !== 'undefined', falsy: values === 'falsy', empty: values === 'falsy' };
}

function skipsOptional(optional, value) {
  if (optional === null) return false;
  if (value === undefined) return optional.undefined;
  if (value === null) return optional.null;
  if (value === '') return optional.empty;
  return optional.falsy && !value;
}

/**
 * The string a validator sees, as express-validator's toString: numbers and booleans as
 * text, null and undefined as '', a Date as ISO text, any other object as '[object Object]'.
 */
function toStr(value) {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : '';
  return '[object Object]';
}

/** An array's elements, a hole as undefined (never read through a polluted Array.prototype). */
function elements(array) {
  const out = new Array(array.length);
  for (let i = 0; i < array.length; i += 1) out[i] = hasOwn(array, i) ? array[i] : undefined;
  return out;
}

const isScalar = (v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Checks that run in JS, each `(options, where) => (value) => boolean`. */
const LOCAL = {
  exists(options, where) {
    const o = options === true ? {} : options;
    if (!isPlainObject(o)) throw invalid(`${where}: exists takes true or { checkNull, checkFalsy, values }`);
    const values = own(o, 'values') ?? (own(o, 'checkFalsy') ? 'falsy' : own(o, 'checkNull') ? 'null' : 'undefined');
    return (v) => v !== undefined && (values === 'undefined' || v !== null) && (values !== 'falsy' || Boolean(v));
  },
  notEmpty(options, where) {
    if (options !== true && !(isPlainObject(options) && Object.keys(options).length === 0))
      throw invalid(`${where}: notEmpty takes true`);
    return (v) => (Array.isArray(v) ? v.length > 0 : toStr(v) !== '');
  },
  equals(options, where) {
    const comparison = Array.isArray(options) && options.length === 1 ? options[0] : options;
    if (typeof comparison !== 'string') throw invalid(`${where}: equals takes the comparison string`);
    return (v) =>
      Array.isArray(v) ? v.length > 0 && v.every((e) => toStr(e) === comparison) : toStr(v) === comparison;
  },
  isString(options, where) {
    if (options !== true && !(isPlainObject(options) && Object.keys(options).length === 0))
      throw invalid(`${where}: isString takes true`);
    return (v) => typeof v === 'string';
  },
  isArray(options, where) {
    const o = options === true ? {} : options;
    if (!isPlainObject(o) || Object.keys(o).some((k) => k !== 'min' && k !== 'max'))
      throw invalid(`${where}: isArray takes true or { min, max }`);
    const min = own(o, 'min') ?? 0;
    const max = own(o, 'max') ?? Infinity;
    if (!Number.isInteger(min) || min < 0 || !(Number.isInteger(max) || max === Infinity) || max < min)
      throw invalid(`${where}: isArray's min and max must be integers, min <= max`);
    return (v) => Array.isArray(v) && v.length >= min && v.length <= max;
  },
  isObject(options, where) {
    const o = options === true ? {} : options;
    if (!isPlainObject(o) || Object.keys(o).some((k) => k !== 'strict'))
      throw invalid(`${where}: isObject takes true or { strict }`);
    const strict = own(o, 'strict') !== false;
    return (v) => v !== null && typeof v === 'object' && (!strict || !Array.isArray(v));
  },
  isDate(options, where) {
    const o = options === true ? undefined : options;
    if (o !== undefined && typeof o !== 'string' && !isPlainObject(o))
      throw invalid(`${where}: isDate takes true, a format or { format, delimiters, strictMode }`);
    // A format or delimiters that can never match fail now, at startup.
    try {
      isDate('', o);
    } catch (err) {
      throw invalid(`${where}: ${err.message}`);
    }
    return (v) =>
      Array.isArray(v)
        ? v.length > 0 && v.every((e) => isDate(toStr(e), o))
        : isDate(v instanceof Date ? v : toStr(v), o);
  },
};

function compileField(location, pathText, rules, api, batchRules) {
  const where = `${location}.${pathText}`;
  if (!isPlainObject(rules)) throw invalid(`rules for ${where} must be an object`);
  const field = {
    location,
    pathText,
    segments: parsePath(location, pathText),
    optional: null,
    message: undefined,
    steps: [],
    allowsArray: false,
    allowsObject: false,
  };
  for (const name of Object.keys(rules)) {
    const value = rules[name];
    if (name === 'optional') {
      field.optional = readOptional(where, value);
      continue;
    }
    if (name === 'errorMessage') {
      if (!isMessage(value)) throw invalid(`${where}: errorMessage must be a string or a function`);
      field.message = value;
      continue;
    }
    if (name === 'custom') {
      const fn = typeof value === 'function' ? value : isPlainObject(value) ? own(value, 'options') : undefined;
      const message = isPlainObject(value) ? own(value, 'errorMessage') : undefined;
      if (typeof fn !== 'function') throw invalid(`${where}: custom takes a function or { options: function }`);
      if (message !== undefined && !isMessage(message))
        throw invalid(`${where}: errorMessage must be a string or a function`);
      field.steps.push({ kind: 'custom', name, fn, message });
      continue;
    }
    const { options, message } = splitRule(`${where}.${name}`, value);
    if (hasOwn(LOCAL, name)) {
      field.steps.push({ kind: 'local', name, check: LOCAL[name](options, `${where}.${name}`), message });
      if (name === 'isArray') field.allowsArray = true;
      if (name === 'isObject') field.allowsObject = true;
    } else if (name === 'toArray') {
      field.steps.push({ kind: 'toArray', name, message });
      field.allowsArray = true;
    } else if (hasOwn(SANITIZERS, name)) {
      const fn = hasOwn(api, SANITIZERS[name]) ? api[SANITIZERS[name]] : undefined;
      if (typeof fn !== 'function') throw invalid(`${where}: unknown rule "${name}"`);
      field.steps.push({ kind: 'sanitize', name, fn, args: ruleArgs(options), message });
    } else if (/^is[A-Z]/.test(name) || name === 'matches') {
      // Validators run in the core, all of a request's in one batch call (createValidator).
      field.steps.push({ kind: 'batch', name, index: batchRules.length, message });
      batchRules.push({ validator: name, args: ruleArgs(options) });
    } else {
      throw invalid(`${where}: unknown rule "${name}"`);
    }
  }
  return field;
}

/** `items[0].name` as express-validator names a concrete path. */
function formatPath(keys) {
  let out = '';
  for (const { key, inArray } of keys) out += inArray ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/**
 * The instances of a field in `root`: [{ keys: [{ key, inArray }], value }]. A wildcard
 * expands over own keys (array indexes or object keys); when nothing matches, the field
 * is one missing instance under its written path, so a required field still fails.
 */
function resolve(root, segments) {
  let frontier = [{ keys: [], value: root }];
  // Index loops where a loop exits early: leaving a for...of early closes its iterator,
  // which reads `return` through a polluted Object.prototype.
  for (let s = 0; s < segments.length; s += 1) {
    const segment = segments[s];
    const next = [];
    for (const node of frontier) {
      const container = node.value !== null && typeof node.value === 'object' ? node.value : null;
      const inArray = Array.isArray(container);
      if (segment === WILDCARD) {
        if (container === null) continue;
        for (const key of Object.keys(container)) {
          next.push({ keys: [...node.keys, { key, inArray }], value: container[key] });
        }
      } else {
        const value = container !== null && hasOwn(container, segment) ? container[segment] : undefined;
        next.push({ keys: [...node.keys, { key: segment, inArray: inArray && /^\d+$/.test(segment) }], value });
      }
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  if (frontier.length === 0) {
    return [{ keys: segments.map((key) => ({ key, inArray: false })), value: undefined }];
  }
  return frontier;
}

/** Writes `value` at `keys` under `target`, as own data properties, never into request objects. */
function store(target, keys, value, created) {
  let node = target;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const { key } = keys[i];
    let child = hasOwn(node, key) ? node[key] : undefined;
    if (child === null || typeof child !== 'object' || !created.has(child)) {
      // A container from the request (stored whole by another field) is copied, not edited.
      const copy = keys[i + 1].inArray ? [] : {};
      if (child !== null && typeof child === 'object') {
        for (const k of Object.keys(child)) defineValue(copy, k, child[k]);
      }
      child = copy;
      created.add(child);
      defineValue(node, key, child);
    }
    node = child;
  }
  defineValue(node, keys[keys.length - 1].key, value);
}

/** A custom validator's promise: `then` of its own or of its class, never Object.prototype's. */
function isThenable(v) {
  return typeof readProp(v, 'then') === 'function';
}

/**
 * Compiles a `{ body, query, params, headers, cookies }` schema against the Bulwark API
 * object. Returns { run(req) } where run answers { valid, errors } (errors: the internal
 * { location, path, rule, msg } list), or a promise of it when a `custom` rule is async.
 */
function compileRules(schema, api) {
  if (!isPlainObject(schema)) throw invalid('the schema must be an object { body, query, params, headers, cookies }');
  const fields = [];
  const batchRules = [];
  for (const location of Object.keys(schema)) {
    if (!LOCATIONS.includes(location)) {
      throw invalid(`unknown location "${location}" (body, query, params, headers or cookies)`);
    }
    const spec = schema[location];
    if (!isPlainObject(spec)) throw invalid(`${location} must be an object of fields`);
    for (const path of Object.keys(spec)) fields.push(compileField(location, path, spec[path], api, batchRules));
  }
  let batch = null;
  if (batchRules.length > 0) {
    try {
      batch = api.createValidator(batchRules);
    } catch (err) {
      if (err instanceof BulwarkError) throw invalid(err.message);
      throw err;
    }
  }
  const used = [...new Set(fields.map((f) => f.location))];

  /** Pass 1 for one instance: sanitize, run local checks, queue validator inputs. */
  function prepare(field, instance, slots) {
    const path = formatPath(instance.keys);
    // Null prototypes here and in the checks and failures below: a field that is not set
    // (failure, failed, ...) reads as undefined, never as a polluted Object.prototype's.
    const entry = {
      __proto__: null,
      field,
      keys: instance.keys,
      path,
      original: instance.value,
      value: instance.value,
      checks: [],
      failure: undefined,
    };
    let value = instance.value;
    if (skipsOptional(field.optional, value)) return null;
    if (value === undefined || value === null || value === '') {
      entry.failure = { __proto__: null, rule: 'required', message: undefined };
      return entry;
    }
    if ((Array.isArray(value) && !field.allowsArray) || (isPlainObject(value) && !field.allowsObject)) {
      entry.failure = { __proto__: null, rule: 'type', message: undefined };
      return entry;
    }
    for (let s = 0; s < field.steps.length; s += 1) {
      const step = field.steps[s];
      if (step.kind === 'local') {
        if (!step.check(value)) {
          entry.checks.push({ __proto__: null, step, failed: true });
          break;
        }
      } else if (step.kind === 'toArray') {
        if (!Array.isArray(value)) value = [value];
      } else if (step.kind === 'sanitize') {
        const converted = sanitize(step, value);
        if (converted === FAILED) {
          entry.checks.push({ __proto__: null, step, failed: true });
          break;
        }
        value = converted;
      } else if (step.kind === 'batch') {
        const inputs = Array.isArray(value) ? (value.length === 0 ? [''] : elements(value).map(toStr)) : [toStr(value)];
        const list = slots[step.index];
        entry.checks.push({ __proto__: null, step, start: list.length, count: inputs.length });
        for (const s of inputs) list.push(s);
      } else {
        entry.checks.push({ __proto__: null, step, value });
      }
    }
    entry.value = value;
    return entry;
  }

  // Values past the first of a rule (array elements, wildcard instances) are checked with the
  // single call, whose answer equals the batch's: one core call per request whatever the
  // lists hold, and no padding work for the rules without more values.
  const singles = batchRules.map(({ validator, args }) => {
    const fn = hasOwn(api, validator) ? api[validator] : undefined;
    if (typeof fn !== 'function') throw invalid(`unknown rule "${validator}"`);
    return (s) => fn(s, ...args);
  });

  /** Pass 2: the first value of every rule in one batch call, the rest one by one. */
  function runBatch(slots) {
    const failed = slots.map(() => null);
    if (batch === null) return failed;
    const fail = (index, position) => {
      failed[index] ??= new Set();
      failed[index].add(position);
    };
    const firsts = slots.map((s) => (s.length > 0 ? s[0] : ''));
    for (const index of batch.check(firsts)) if (slots[index].length > 0) fail(index, 0);
    slots.forEach((list, index) => {
      for (let position = 1; position < list.length; position += 1) {
        if (!singles[index](list[position])) fail(index, position);
      }
    });
    return failed;
  }

  function batchFailed(check, failed) {
    const set = failed[check.step.index];
    if (set === null) return false;
    for (let i = check.start; i < check.start + check.count; i += 1) if (set.has(i)) return true;
    return false;
  }

  /** Pass 3 for one instance from check `from`: the first failure, or null; maybe a promise. */
  function decide(entry, failed, req, from) {
    for (let i = from; i < entry.checks.length; i += 1) {
      const check = entry.checks[i];
      const { step } = check;
      if (check.failed) return { __proto__: null, rule: step.name, message: step.message };
      if (step.kind === 'batch') {
        if (batchFailed(check, failed)) return { __proto__: null, rule: step.name, message: step.message };
        continue;
      }
      // custom: sync truthy passes; a promise passes when it resolves (express-validator).
      const meta = { req, location: entry.field.location, path: entry.path };
      let result;
      try {
        result = step.fn(check.value, meta);
      } catch (err) {
        return customFailure(step, err);
      }
      if (isThenable(result)) {
        return Promise.resolve(result).then(
          () => decide(entry, failed, req, i + 1),
          (err) => customFailure(step, err),
        );
      }
      if (!result) return { __proto__: null, rule: step.name, message: step.message };
    }
    return null;
  }

  return {
    hasCustom: fields.some((f) => f.steps.some((s) => s.kind === 'custom')),
    run(req) {
      const slots = batchRules.map(() => []);
      const entries = [];
      for (const location of used) {
        const root = readProp(req, location);
        for (const field of fields) {
          if (field.location !== location) continue;
          for (const instance of resolve(root, field.segments)) {
            const entry = prepare(field, instance, slots);
            if (entry !== null) entries.push(entry);
          }
        }
      }
      const failed = runBatch(slots);
      const outcomes = entries.map((e) => (e.failure !== undefined ? e.failure : decide(e, failed, req, 0)));
      const finish = (results) => collect(req, entries, results, used);
      if (outcomes.some((o) => o instanceof Promise)) return Promise.all(outcomes).then(finish);
      return finish(outcomes);
    },
  };
}

function customFailure(step, err) {
  // A message the app's custom validator threw is the app's text (express-validator shows it).
  const thrown =
    err instanceof Error && typeof err.message === 'string' && err.message !== '' ? err.message : undefined;
  return { __proto__: null, rule: step.name, message: step.message ?? thrown };
}

const FAILED = Symbol('failed');

/** A sanitizer on a scalar, or on each scalar of an array; FAILED when it cannot apply. */
function sanitize(step, value) {
  const one = (v) => {
    if (!isScalar(v)) return FAILED;
    const out = step.fn(typeof v === 'string' ? v : String(v), ...step.args);
    // normalizeEmail answers false for what is not an address, toInt/toFloat NaN for what
    // is not a number: a failed conversion fails the field, never becomes data.
    if ((out === false && step.name === 'normalizeEmail') || Number.isNaN(out)) return FAILED;
    return out;
  };
  if (!Array.isArray(value)) return one(value);
  const out = [];
  for (let i = 0; i < value.length; i += 1) {
    const converted = one(hasOwn(value, i) ? value[i] : undefined);
    if (converted === FAILED) return FAILED;
    out.push(converted);
  }
  return out;
}

function messageFor(req, entry, message) {
  const chosen = message ?? entry.field.message;
  if (chosen === undefined) return DEFAULT_MESSAGE;
  if (typeof chosen === 'string') return chosen;
  try {
    const out = chosen(entry.original, { req, location: entry.field.location, path: entry.path });
    return out === undefined ? DEFAULT_MESSAGE : out;
  } catch {
    return DEFAULT_MESSAGE;
  }
}

function collect(req, entries, results, used) {
  const valid = {};
  for (const location of used) defineValue(valid, location, {});
  const created = new WeakSet(Object.values(valid));
  const errors = [];
  entries.forEach((entry, i) => {
    const failure = results[i];
    if (failure === null) {
      store(valid[entry.field.location], entry.keys, entry.value, created);
    } else {
      errors.push({
        location: entry.field.location,
        path: entry.path,
        rule: failure.rule,
        msg: messageFor(req, entry, failure.message),
      });
    }
  });
  return { __proto__: null, valid, errors };
}

module.exports = { compileRules, parsePath, LOCATIONS };
