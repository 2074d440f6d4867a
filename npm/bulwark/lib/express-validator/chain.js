'use strict';
// Validation chains: check(), body(), query(), param(), header(), cookie().
//
// A chain is an Express middleware with express-validator's methods. Each method appends an
// item; the first run compiles the items once (again only if a method is called after
// that): consecutive standard validators become one batch, checked with one
// createValidator call per value (one core call per chain and request for a single field
// without sanitizers in between). A run is synchronous until an item returns a promise (a
// custom validator, sanitizer or condition), so a chain without async work calls next()
// without a detour through the microtask queue.
//
// The semantics follow express-validator 7: items run in order over the selected field
// instances; optional() is re-applied before each item (a sanitizer can make a value
// optional); a standard validator reads the string form of each array element; a
// sanitizer's result is written back to the request when it differs; bail() stops an
// instance once the chain has an error; errors come item by item, instance by instance.

const bulwark = require('../../index');
const { BulwarkError } = require('../errors');
const fields = require('./fields');
const { toString } = require('./to-string');
const { Context, contextsOf, addContext } = require('./context');
const { Result } = require('./result');
const ops = require('./operations');

const STATE = Symbol('bulwark.express-validator.chain');

const isThenable = (v) =>
  v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';

/** The chain state behind a middleware function. */
function stateOf(chain) {
  const state = chain !== null && typeof chain === 'function' ? chain[STATE] : undefined;
  if (state === undefined) throw new TypeError('express-validator: not a validation chain');
  return state;
}

// ---------------------------------------------------------------------------------------
// Compilation

/** Merges consecutive validator items into batches with one createValidator set each. */
function compile(items) {
  const out = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item.kind !== 'validator') {
      out.push(item);
      continue;
    }
    let j = i;
    while (j < items.length && items[j].kind === 'validator') j += 1;
    const validators = items.slice(i, j);
    const rules = [];
    const coreIndex = validators.map((v) => (v.test.rule ? rules.push(v.test.rule) - 1 : -1));
    const sets = new Map();
    if (rules.length > 0) sets.set(1, bulwark.createValidator(rules));
    out.push({ kind: 'batch', validators, coreIndex, rules, sets });
    i = j - 1;
  }
  return out;
}

function compiledItems(state) {
  if (state.compiled === null) state.compiled = compile(state.items);
  return state.compiled;
}

// ---------------------------------------------------------------------------------------
// Running

/** Writes an instance's value back to the request when it changed (not on a dry run). */
function writeBack(req, instance, dryRun) {
  if (dryRun) return;
  const root = req[instance.location];
  const current = instance.path === '' ? root : fields.getIn(root, instance.segments);
  if (current === instance.value) return;
  if (instance.path !== '') {
    fields.setIn(root, instance.segments, instance.value);
    return;
  }
  try {
    req[instance.location] = instance.value;
  } catch {
    // A getter-only location (Express 5's req.query): express-validator's write is lost too.
  }
}

/** The most values (array elements, wildcard matches) one core call checks. */
const MAX_COPIES = 32;

/**
 * The rule set with the batch's rules repeated `copies` times (1, 2, 4, ... MAX_COPIES),
 * compiled on first use: several values are checked in one core call.
 */
function setFor(item, copies) {
  let set = item.sets.get(copies);
  if (set === undefined) {
    const rules = [];
    for (let c = 0; c < copies; c += 1) rules.push(...item.rules);
    set = bulwark.createValidator(rules);
    item.sets.set(copies, set);
  }
  return set;
}

/** Which core rules failed on each string: failed[k] is a Set of rule indexes (or null). */
function coreFailures(item, strs) {
  const size = item.rules.length;
  const failed = new Array(strs.length).fill(null);
  if (size === 0) return failed;
  for (let start = 0; start < strs.length; start += MAX_COPIES) {
    const count = Math.min(MAX_COPIES, strs.length - start);
    let copies = 1;
    while (copies < count) copies *= 2;
    const values = new Array(copies * size).fill('');
    for (let k = 0; k < count; k += 1) values.fill(strs[start + k], k * size, (k + 1) * size);
    for (const index of setFor(item, copies).check(values)) {
      const k = Math.floor(index / size);
      if (k >= count) continue; // padding
      if (failed[start + k] === null) failed[start + k] = new Set();
      failed[start + k].add(index % size);
    }
  }
  return failed;
}

function runBatch(item, context, req, instances, halted) {
  const { validators, coreIndex } = item;
  // Every value checked, in order: the array elements of each instance (standard
  // validators check arrays element by element).
  const elements = [];
  for (const instance of instances) {
    if (halted.has(instance.key)) continue;
    const { value } = instance;
    if (Array.isArray(value)) {
      // forEach's walk: holes are skipped (and never read through Array.prototype).
      for (let k = 0; k < value.length; k += 1)
        if (Object.hasOwn(value, k)) elements.push({ instance, value: value[k] });
    } else elements.push({ instance, value });
  }
  const strs = elements.map((e) => toString(e.value));
  const failed = coreFailures(item, strs);
  // Errors validator by validator, then value by value (express-validator's order).
  for (let v = 0; v < validators.length; v += 1) {
    const { negated, message, test } = validators[v];
    const c = coreIndex[v];
    for (let k = 0; k < elements.length; k += 1) {
      const passed = c >= 0 ? failed[k] === null || !failed[k].has(c) : test.js(strs[k]);
      if (passed === negated) context.addFieldError(message, elements[k].value, elements[k].instance, req);
    }
  }
}

function customOutcome(item, context, req, instance, failed, err) {
  if (!failed) return;
  let message = item.message;
  if (err !== undefined && !message) message = err instanceof Error ? err.message : err;
  context.addFieldError(message, instance.value, instance, req);
}

/** A custom validator on one instance: undefined, or a promise when it returned one. */
function runCustom(item, context, req, instance, meta) {
  let result;
  try {
    result = item.fn(instance.value, meta);
  } catch (err) {
    customOutcome(item, context, req, instance, !item.negated, err);
    return undefined;
  }
  if (!isThenable(result)) {
    customOutcome(item, context, req, instance, item.negated ? Boolean(result) : !result);
    return undefined;
  }
  // A promise passes when it resolves (whatever its value) and fails when it rejects.
  return Promise.resolve(result).then(
    () => customOutcome(item, context, req, instance, item.negated),
    (err) => customOutcome(item, context, req, instance, !item.negated, err),
  );
}

function runCondition(item, req, instance, meta, halted) {
  const halt = () => halted.add(instance.key);
  if (item.chain !== undefined) {
    if (typeof item.chain === 'function' && item.chain[STATE] !== undefined) {
      const out = runChain(item.chain[STATE], req, true);
      const check = (ctx) => {
        if (ctx.errors.length > 0) halt();
      };
      return isThenable(out) ? out.then(check) : check(out);
    }
    // Any other runnable (oneOf(), checkSchema(), a chain of another module): its result.
    return Promise.resolve(item.chain.run(req, { dryRun: true })).then((result) => {
      if (!result.isEmpty()) halt();
    });
  }
  let result;
  try {
    result = item.fn(instance.value, meta);
  } catch {
    halt();
    return undefined;
  }
  if (!result) {
    // A falsy result halts, even a falsy thenable; a promise is awaited for rejection.
    if (isThenable(result)) return Promise.resolve(result).then(halt, halt);
    halt();
    return undefined;
  }
  return isThenable(result) ? Promise.resolve(result).then(undefined, halt) : undefined;
}

/** Runs one item over the required instances; returns a promise if any part is async. */
function runItem(item, context, req, dryRun, halted) {
  const instances = context.getData(true);
  if (item.kind === 'batch') {
    runBatch(item, context, req, instances, halted);
    for (const instance of instances) if (!halted.has(instance.key)) writeBack(req, instance, dryRun);
    return undefined;
  }
  let pending = null;
  for (const instance of instances) {
    if (halted.has(instance.key)) continue;
    const meta = { req, location: instance.location, path: instance.path, pathValues: instance.pathValues };
    let out;
    switch (item.kind) {
      case 'sanitizer': {
        const { value } = instance;
        instance.value = Array.isArray(value) ? value.map((v) => item.fn(toString(v))) : item.fn(toString(value));
        break;
      }
      case 'customSanitizer': {
        const result = item.fn(instance.value, meta);
        if (isThenable(result)) {
          out = Promise.resolve(result).then((v) => {
            instance.value = v;
          });
        } else {
          instance.value = result;
        }
        break;
      }
      case 'custom':
        out = runCustom(item, context, req, instance, meta);
        break;
      case 'bail':
        if (context.errors.length > 0) halted.add(instance.key);
        break;
      case 'if':
        out = runCondition(item, req, instance, meta, halted);
        break;
      default:
        throw new Error(`express-validator: unknown chain item ${item.kind}`);
    }
    if (out === undefined) {
      if (!halted.has(instance.key)) writeBack(req, instance, dryRun);
    } else {
      if (pending === null) pending = [];
      pending.push(
        out.then(() => {
          if (!halted.has(instance.key)) writeBack(req, instance, dryRun);
        }),
      );
    }
  }
  return pending === null ? undefined : Promise.all(pending);
}

function runItems(items, from, context, req, dryRun, halted) {
  for (let i = from; i < items.length; i += 1) {
    const pending = runItem(items[i], context, req, dryRun, halted);
    if (pending !== undefined) return pending.then(() => runItems(items, i + 1, context, req, dryRun, halted));
  }
  return context;
}

/**
 * Runs the chain on `req`: its Context, or a promise of it when an item was async. A dry
 * run neither writes sanitized values back nor records the context on the request.
 */
function runChain(state, req, dryRun) {
  const context = new Context(state);
  if (contextsOf(req).some((c) => c.bail && c.errors.length > 0)) return context;
  context.addFieldInstances(fields.selectFields(req, state.fields, state.locations));
  const done = (ctx) => {
    if (!dryRun) addContext(req, ctx);
    return ctx;
  };
  const out = runItems(compiledItems(state), 0, context, req, dryRun, new Set());
  return isThenable(out) ? out.then(done) : done(out);
}

// ---------------------------------------------------------------------------------------
// The chain API

function addItem(chain, item) {
  const state = stateOf(chain);
  state.items.push(item);
  state.compiled = null;
  if (item.kind === 'validator' || item.kind === 'custom') {
    state.lastValidator = item;
    state.negateNext = false;
  }
  return chain;
}

function addValidator(chain, name, args) {
  const state = stateOf(chain);
  return addItem(chain, {
    kind: 'validator',
    name,
    test: ops.standardValidator(name, args),
    negated: state.negateNext,
  });
}

function addCustom(chain, fn) {
  if (typeof fn !== 'function') throw new TypeError('express-validator: custom() needs a function');
  return addItem(chain, { kind: 'custom', fn, negated: stateOf(chain).negateNext });
}

function addCustomSanitizer(chain, fn) {
  if (typeof fn !== 'function') throw new TypeError('express-validator: customSanitizer() needs a function');
  return addItem(chain, { kind: 'customSanitizer', fn });
}

const SAME_VALUE_ZERO_INCLUDES = (list, value) => list.includes(value);

const methods = {
  // Running
  run(req, options) {
    const dryRun = Boolean(options !== null && typeof options === 'object' && options.dryRun);
    return Promise.resolve()
      .then(() => runChain(stateOf(this), req, dryRun))
      .then((context) => new Result((e) => e, context.errors, context));
  },

  // Validation manipulation
  not() {
    stateOf(this).negateNext = true;
    return this;
  },
  withMessage(message) {
    const state = stateOf(this);
    if (state.lastValidator === null) {
      throw new TypeError('express-validator: withMessage() must follow a validator');
    }
    state.lastValidator.message = message;
    return this;
  },

  // Custom and type validators
  custom(fn) {
    return addCustom(this, fn);
  },
  exists(options) {
    const checkFalsy = options && (options.checkFalsy || options.values === 'falsy');
    const checkNull = options && (options.checkNull || options.values === 'null');
    if (checkFalsy) return addCustom(this, (value) => !!value);
    if (checkNull) return addCustom(this, (value) => value !== null && value !== undefined);
    return addCustom(this, (value) => value !== undefined);
  },
  isArray(options) {
    const min = options ? options.min : undefined;
    const max = options ? options.max : undefined;
    return addCustom(
      this,
      (value) =>
        Array.isArray(value) &&
        (min === undefined || value.length >= min) &&
        (max === undefined || value.length <= max),
    );
  },
  isObject(options = { strict: true }) {
    const strict = options.strict === null || options.strict === undefined || options.strict;
    return addCustom(
      this,
      (value) => typeof value === 'object' && (strict ? value !== null && !Array.isArray(value) : true),
    );
  },
  isString() {
    return addCustom(this, (value) => typeof value === 'string');
  },
  notEmpty(options) {
    stateOf(this).negateNext = true;
    return addValidator(this, 'isEmpty', [options]);
  },
  isBoolean(options) {
    if (options && options.strict) return addCustom(this, (value) => value === true || value === false);
    return addValidator(this, 'isBoolean', [options]);
  },

  // Sanitizers
  customSanitizer(fn) {
    return addCustomSanitizer(this, fn);
  },
  default(defaultValue) {
    return addCustomSanitizer(this, (value) =>
      SAME_VALUE_ZERO_INCLUDES([undefined, null, NaN, ''], value) ? ops.cloneDeep(defaultValue) : value,
    );
  },
  replace(valuesToReplace, newValue) {
    const list = Array.isArray(valuesToReplace) ? valuesToReplace : [valuesToReplace];
    return addCustomSanitizer(this, (value) =>
      SAME_VALUE_ZERO_INCLUDES(list, value) ? ops.cloneDeep(newValue) : value,
    );
  },
  toArray() {
    return addCustomSanitizer(this, (value) => {
      if (value === undefined) return [];
      return Array.isArray(value) ? value : [value];
    });
  },
  toLowerCase() {
    return addCustomSanitizer(this, (value) => (typeof value === 'string' ? value.toLowerCase() : value));
  },
  toUpperCase() {
    return addCustomSanitizer(this, (value) => (typeof value === 'string' ? value.toUpperCase() : value));
  },

  // Context handling
  bail(options) {
    if (options && options.level === 'request') stateOf(this).requestBail = true;
    return addItem(this, { kind: 'bail' });
  },
  if(condition) {
    const runnable =
      condition !== null &&
      (typeof condition === 'object' || typeof condition === 'function') &&
      typeof condition.run === 'function';
    if (runnable) return addItem(this, { kind: 'if', chain: condition });
    if (typeof condition === 'function') return addItem(this, { kind: 'if', fn: condition });
    throw new TypeError('express-validator: condition is not a validation chain nor a function');
  },
  optional(options = true) {
    let value;
    if (typeof options === 'boolean') value = options ? 'undefined' : false;
    else if (options !== null && typeof options === 'object') {
      if (options.values) value = options.values;
      else if (options.checkFalsy) value = 'falsy';
      else if (options.nullable) value = 'null';
      else value = 'undefined';
    } else {
      throw new TypeError('express-validator: optional() takes a boolean or an options object');
    }
    if (value !== false && value !== 'undefined' && value !== 'null' && value !== 'falsy') {
      throw new BulwarkError('INVALID_OPTIONS', `express-validator: optional values must be undefined, null or falsy`);
    }
    stateOf(this).optional = value;
    return this;
  },
  hide(hiddenValue) {
    stateOf(this).visibility =
      hiddenValue !== undefined ? { type: 'redacted', value: hiddenValue } : { type: 'hidden' };
    return this;
  },
};

for (const name of ops.STANDARD_VALIDATORS) {
  if (Object.hasOwn(methods, name)) continue;
  methods[name] = {
    [name](...args) {
      return addValidator(this, name, args);
    },
  }[name];
}
for (const name of Object.keys(ops.STANDARD_SANITIZERS)) {
  methods[name] = {
    [name](...args) {
      return addItem(this, { kind: 'sanitizer', name, fn: ops.standardSanitizer(name, args) });
    },
  }[name];
}

/** The prototype of every chain: Function.prototype's, plus the chain methods. */
const CHAIN_PROTO = Object.create(Function.prototype);
for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(CHAIN_PROTO, name, { __proto__: null, value: fn, writable: true, configurable: true });
}

/**
 * An Express middleware over `run(req)` (a value or a promise): next() right away when the
 * run was synchronous, next(err) when it threw or rejected.
 */
function asMiddleware(run) {
  return function middleware(req, res, next) {
    let out;
    try {
      out = run(req);
    } catch (err) {
      next(err);
      return;
    }
    if (isThenable(out)) out.then(() => next(), next);
    else next();
  };
}

const LOCATIONS = new Set(['body', 'cookies', 'headers', 'params', 'query']);

/**
 * A new chain over `fields` (a path or an array of paths) in `locations`, with `message`
 * as the default error message.
 */
function check(fieldsArg = '', locations = [], message = undefined) {
  const list = Array.isArray(fieldsArg) ? fieldsArg : [fieldsArg];
  for (const location of locations) {
    if (!LOCATIONS.has(location)) throw new TypeError(`express-validator: unknown location "${location}"`);
  }
  const state = {
    fields: list.map(fields.compileField),
    fieldPaths: list,
    locations: [...locations],
    message,
    items: [],
    compiled: null,
    optional: false,
    requestBail: false,
    visibility: { type: 'visible' },
    negateNext: false,
    lastValidator: null,
  };
  const middleware = asMiddleware((req) => runChain(state, req, false));
  Object.setPrototypeOf(middleware, CHAIN_PROTO);
  Object.defineProperty(middleware, STATE, { __proto__: null, value: state });
  // express-validator exposes the builder; ours carries the fields and locations.
  Object.defineProperty(middleware, 'builder', {
    __proto__: null,
    value: { fields: list, locations: state.locations, build: () => new Context(state) },
  });
  return middleware;
}

const buildCheckFunction = (locations) => (fieldsArg, message) => check(fieldsArg, locations, message);

module.exports = {
  check,
  buildCheckFunction,
  runChain,
  stateOf,
  isChain: (v) => typeof v === 'function' && v[STATE] !== undefined,
  isThenable,
  asMiddleware,
  writeBack,
  CHAIN_PROTO,
};
