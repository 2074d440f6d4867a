'use strict';
// The state of one chain run on one request: the field instances it selected (with their
// current, possibly sanitized, values) and the errors it added.
//
// Contexts are kept where express-validator keeps them (req['express-validator#contexts'])
// and answer the same questions (errors, getData({ requiredOnly }), fields, locations,
// bail), so that an app that changed the import in one file and not another still sees
// every error: express-validator's validationResult() reports this module's errors and
// the other way round. Request data cannot set a property on req itself.

const { toPath } = require('./fields');

/** express-validator's key for the contexts on a request. */
const CONTEXTS = 'express-validator#contexts';

function contextsOf(req) {
  const list = req !== null && typeof req === 'object' && Object.hasOwn(req, CONTEXTS) ? req[CONTEXTS] : undefined;
  return Array.isArray(list) ? list : [];
}

function addContext(req, context) {
  // express-validator replaces the array on each run; so does this (no shared mutation).
  const list = [...contextsOf(req), context];
  if (Object.hasOwn(req, CONTEXTS)) req[CONTEXTS] = list;
  else
    Object.defineProperty(req, CONTEXTS, {
      __proto__: null,
      value: list,
      configurable: true,
      writable: true,
      enumerable: true,
    });
}

const DEFAULT_MESSAGE = 'Invalid value';

class Context {
  /**
   * @param {object} spec  { fieldPaths, locations, optional, requestBail, visibility, message }
   */
  constructor(spec) {
    /** The field paths as given (checkExact reads them). */
    this.fields = spec.fieldPaths;
    this.locations = spec.locations;
    this.optional = spec.optional;
    this.bail = spec.requestBail;
    this.visibility = spec.visibility;
    this.message = spec.message;
    this.errors = [];
    /** location:path -> instance, in selection order. */
    this.dataMap = new Map();
    /** The dataMap's instances as an array, made on first use. */
    this.instances = null;
  }

  addFieldInstances(instances) {
    for (const instance of instances) {
      const copy = { ...instance };
      // An instance of an express-validator context (a oneOf() group can mix them).
      if (copy.key === undefined) copy.key = `${copy.location}:${copy.path}`;
      if (copy.segments === undefined) copy.segments = copy.path === '' ? [] : toPath(copy.path);
      this.dataMap.set(copy.key, copy);
    }
    this.instances = null;
  }

  /**
   * The instances the chain works on: of a field found in several locations, those that
   * have a value (or the first, for the error), except for wildcard fields; with
   * `requiredOnly`, without those the chain's optional() skips.
   */
  getData(options = false) {
    // getData(true) here, getData({ requiredOnly: true }) from express-validator.
    const requiredOnly = options !== null && typeof options === 'object' ? Boolean(options.requiredOnly) : options;
    if (this.instances === null) this.instances = [...this.dataMap.values()];
    // The grouping reads the current values (a sanitizer may have set one): done per call.
    const instances = this.locations.length > 1 ? groupLocations(this.instances) : this.instances;
    const optional = requiredOnly ? this.optional : false;
    if (!optional) return instances;
    return instances.filter((i) => {
      if (i.value === undefined) return false;
      if (optional === 'null' && i.value === null) return false;
      return !(optional === 'falsy' && !i.value);
    });
  }

  /** Adds a field error; `message` is the item's (withMessage) if any. */
  /** Adds an error of another type (unknown_fields, alternative, alternative_grouped). */
  addError(error) {
    this.errors.push(error);
  }

  addFieldError(message, value, instance, req) {
    let msg = message || this.message || DEFAULT_MESSAGE;
    const meta = { req, location: instance.location, path: instance.path, pathValues: instance.pathValues };
    if (typeof msg === 'function') msg = msg(value, meta);
    this.errors.push(this.visible({ type: 'field', value, msg, path: instance.path, location: instance.location }));
  }

  /** The error as the chain's hide() shows it. */
  visible(error) {
    if (this.visibility.type === 'hidden') {
      const { value, ...rest } = error; // eslint-disable-line no-unused-vars -- value removed
      return rest;
    }
    if (this.visibility.type === 'redacted') return { ...error, value: this.visibility.value };
    return error;
  }
}

/** A context of no chain: oneOf() and checkExact() record their results in one. */
function surrogateContext() {
  return new Context({
    fieldPaths: [],
    locations: [],
    optional: false,
    requestBail: false,
    visibility: { type: 'visible' },
    message: undefined,
  });
}

function groupLocations(instances) {
  const groups = new Map();
  for (const i of instances) {
    const group = groups.get(i.originalPath);
    if (group === undefined) groups.set(i.originalPath, [i]);
    else group.push(i);
  }
  const out = [];
  for (const [path, group] of groups) {
    const locations = new Set(group.map((i) => i.location));
    if (group.length > 1 && locations.size > 1 && !path.includes('*')) {
      const withValue = group.filter((i) => i.value !== undefined);
      if (withValue.length > 0) out.push(...withValue);
      else out.push(group[0]);
    } else {
      out.push(...group);
    }
  }
  return out;
}

module.exports = { Context, CONTEXTS, contextsOf, addContext, surrogateContext, DEFAULT_MESSAGE };
