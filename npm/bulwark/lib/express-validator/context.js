'use strict';
// The state of one chain run on one request: the field instances it selected (with their
// current, possibly sanitized, values) and the errors it added. Contexts are kept on the
// request under a symbol; validationResult and matchedData read them.

/** Where a request keeps its contexts (a registered symbol: request data cannot set it). */
const CONTEXTS = Symbol.for('bulwark.express-validator.contexts');

function contextsOf(req) {
  const list = req !== null && typeof req === 'object' && Object.hasOwn(req, CONTEXTS) ? req[CONTEXTS] : undefined;
  return Array.isArray(list) ? list : [];
}

function addContext(req, context) {
  const list = contextsOf(req);
  if (list.length === 0) Object.defineProperty(req, CONTEXTS, { value: list, configurable: true, writable: true });
  list.push(context);
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
    for (const instance of instances) this.dataMap.set(instance.key, { ...instance });
    this.instances = null;
  }

  /**
   * The instances the chain works on: of a field found in several locations, those that
   * have a value (or the first, for the error), except for wildcard fields; with
   * `requiredOnly`, without those the chain's optional() skips.
   */
  getData(requiredOnly = false) {
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

module.exports = { Context, CONTEXTS, contextsOf, addContext, DEFAULT_MESSAGE };
