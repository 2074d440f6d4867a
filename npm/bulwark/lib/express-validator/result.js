'use strict';
// validationResult(req) and the Result it returns: isEmpty(), array({ onlyFirstError }),
// mapped(), formatWith(formatter), throw(), as in express-validator 7.

const { contextsOf } = require('./context');

const identity = (error) => error;

class Result {
  constructor(formatter, errors, context) {
    this.formatter = formatter;
    this.errors = errors;
    if (context !== undefined)
      Object.defineProperty(this, 'context', { __proto__: null, value: context, enumerable: false });
  }

  /** The errors, formatted; with onlyFirstError, the first of each field. */
  array(options) {
    if (options && options.onlyFirstError) return Object.values(this.mapped());
    return this.errors.map(this.formatter);
  }

  /** The first error of each field, by path (`_<type>` for errors that are not a field's). */
  mapped() {
    const out = {};
    for (const error of this.errors) {
      const key = error.type === 'field' ? error.path : `_${error.type}`;
      if (!Object.hasOwn(out, key) || !out[key]) {
        Object.defineProperty(out, key, {
          __proto__: null,
          value: this.formatter(error),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
    }
    return out;
  }

  formatWith(formatter) {
    return new Result(formatter, this.errors);
  }

  isEmpty() {
    return this.errors.length === 0;
  }

  /** Throws an Error carrying this result's errors and (bound) methods when not empty. */
  throw() {
    if (this.isEmpty()) return;
    const err = new Error();
    err.formatter = this.formatter;
    err.errors = this.errors;
    for (const name of ['array', 'mapped', 'formatWith', 'isEmpty', 'throw']) err[name] = this[name].bind(this);
    throw err;
  }
}

function withDefaults(options = {}) {
  const formatter = options && typeof options.formatter === 'function' ? options.formatter : identity;
  return (req) => {
    const errors = [];
    for (const context of contextsOf(req)) errors.push(...context.errors);
    return new Result(formatter, errors);
  };
}

const validationResult = Object.assign(withDefaults(), { withDefaults });

module.exports = { Result, validationResult };
