'use strict';
// new ExpressValidator(validators, sanitizers, { errorFormatter }): check/body/... whose
// chains also have the given custom validators and sanitizers as methods, a checkSchema
// that knows them, and a validationResult that formats with errorFormatter.

const { check } = require('./chain');
const { createCheckSchema } = require('./schema');
const { checkExact } = require('./exact');
const { oneOf } = require('./one-of');
const { matchedData } = require('./matched-data');
const { validationResult } = require('./result');

const ALL_LOCATIONS = ['body', 'cookies', 'headers', 'params', 'query'];

function entriesOf(object) {
  if (object === null || object === undefined) return [];
  return Object.keys(object).map((name) => {
    if (typeof object[name] !== 'function') throw new TypeError(`ExpressValidator: "${name}" must be a function`);
    return [name, object[name]];
  });
}

class ExpressValidator {
  constructor(validators, sanitizers, options) {
    this.validators = validators;
    this.sanitizers = sanitizers;
    this.options = options;
    this.validatorEntries = entriesOf(validators);
    this.sanitizerEntries = entriesOf(sanitizers);
    this.buildCheckFunction = this.buildCheckFunction.bind(this);
    this.check = this.buildCheckFunction(ALL_LOCATIONS);
    this.body = this.buildCheckFunction(['body']);
    this.cookie = this.buildCheckFunction(['cookies']);
    this.header = this.buildCheckFunction(['headers']);
    this.param = this.buildCheckFunction(['params']);
    this.query = this.buildCheckFunction(['query']);
    this.checkExact = checkExact;
    this.checkSchema = createCheckSchema(
      (...args) => this.createChain(...args),
      this.validatorEntries.map(([name]) => name),
      this.sanitizerEntries.map(([name]) => name),
    );
    this.validationResult = (req) => {
      const formatter = this.options && this.options.errorFormatter;
      const result = validationResult(req);
      return formatter ? result.formatWith(formatter) : result;
    };
  }

  createChain(fields = '', locations = [], message = undefined) {
    const chain = check(fields, locations, message);
    for (const [name, fn] of this.validatorEntries) {
      Object.defineProperty(chain, name, {
        __proto__: null,
        value: () => chain.custom(fn),
        writable: true,
        configurable: true,
      });
    }
    for (const [name, fn] of this.sanitizerEntries) {
      Object.defineProperty(chain, name, {
        __proto__: null,
        value: () => chain.customSanitizer(fn),
        writable: true,
        configurable: true,
      });
    }
    return chain;
  }

  buildCheckFunction(locations) {
    return (fields, message) => this.createChain(fields, locations, message);
  }

  oneOf(chains, options) {
    return oneOf(chains, options);
  }

  matchedData(req, options) {
    return matchedData(req, options);
  }
}

module.exports = { ExpressValidator };
