'use strict';
// checkSchema(schema, defaultLocations): one chain per field from a schema object, as in
// express-validator 7. Each key of a field's config is, in order, a validator (`true` or
// `{ options, errorMessage, negated, bail, if }`), a sanitizer (`true` or `{ options }`),
// or a named custom validator/sanitizer (`{ custom }` / `{ customSanitizer }`); `in`,
// `errorMessage` and `optional` configure the chain. A key that is none of these is an
// error when the schema is built (express-validator warns and skips it).

const { BulwarkError } = require('../errors');
const { runAll } = require('./run-all');
const { CHAIN_PROTO } = require('./chain');
const { Result } = require('./result');

const VALID_LOCATIONS = ['body', 'cookies', 'headers', 'params', 'query'];
const PROTECTED = new Set(['errorMessage', 'in', 'optional']);
const NOT_VALIDATORS = new Set(['not', 'withMessage']);
const SANITIZERS = new Set([
  'customSanitizer',
  'default',
  'replace',
  'blacklist',
  'escape',
  'unescape',
  'ltrim',
  'normalizeEmail',
  'rtrim',
  'stripLow',
  'toArray',
  'toBoolean',
  'toDate',
  'toFloat',
  'toInt',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'whitelist',
  'normalizeUnicode',
]);
const CONTEXT_METHODS = new Set(['run', 'bail', 'if', 'optional', 'hide', 'not', 'withMessage']);

const own = (object, key) =>
  object !== null && typeof object === 'object' && Object.hasOwn(object, key) ? object[key] : undefined;

function locationsOf(config, defaults) {
  const inValue = own(config, 'in');
  const list = Array.isArray(inValue) ? inValue : [inValue].filter(Boolean);
  return (list.length ? list : defaults).filter((location) => VALID_LOCATIONS.includes(location));
}

function createCheckSchema(createChain, extraValidators = [], extraSanitizers = []) {
  const isValidator = (name) =>
    !NOT_VALIDATORS.has(name) &&
    ((typeof CHAIN_PROTO[name] === 'function' && !SANITIZERS.has(name) && !CONTEXT_METHODS.has(name)) ||
      extraValidators.includes(name));
  const isSanitizer = (name) => SANITIZERS.has(name) || extraSanitizers.includes(name);

  return function checkSchema(schema, defaultLocations = VALID_LOCATIONS) {
    const chains = Object.keys(schema).map((field) => {
      const config = schema[field];
      const chain = createChain(field, locationsOf(config, defaultLocations), own(config, 'errorMessage'));
      const optional = own(config, 'optional');
      if (optional) chain.optional(optional === true ? true : optional.options);
      for (const name of Object.keys(config)) {
        const entry = config[name];
        if (PROTECTED.has(name) || !entry) continue;
        const standardValidator = isValidator(name);
        const standardSanitizer = !standardValidator && isSanitizer(name);
        const customValidator =
          !standardValidator && !standardSanitizer && typeof entry === 'object' && typeof entry.custom === 'function';
        const customSanitizer =
          !standardValidator &&
          !standardSanitizer &&
          !customValidator &&
          typeof entry === 'object' &&
          typeof entry.customSanitizer === 'function';
        if (!standardValidator && !standardSanitizer && !customValidator && !customSanitizer) {
          throw new BulwarkError(
            'INVALID_OPTIONS',
            `bulwark/express-validator: schema of "${field}" has unknown validator/sanitizer "${name}"`,
          );
        }
        const validatorConfig = (standardValidator || customValidator) && entry !== true ? entry : null;
        if (validatorConfig !== null) {
          if (own(validatorConfig, 'if')) chain.if(validatorConfig.if);
          if (own(validatorConfig, 'negated')) chain.not();
        }
        if (standardValidator || standardSanitizer) {
          let args = [];
          if (entry !== true) {
            const options = own(entry, 'options');
            args = Array.isArray(options) ? options : [options];
          }
          chain[name](...args);
        }
        if (customValidator) chain.custom(entry.custom);
        if (customSanitizer) chain.customSanitizer(entry.customSanitizer);
        if (validatorConfig !== null) {
          const bail = own(validatorConfig, 'bail');
          if (bail) chain.bail(bail === true ? {} : bail);
          const message = own(validatorConfig, 'errorMessage');
          if (message) chain.withMessage(message);
        }
      }
      return chain;
    });
    const run = (req) => {
      const out = runAll(req, chains);
      return Promise.resolve(out).then((contexts) => contexts.map((context) => resultOf(context)));
    };
    return Object.assign(chains, { run });
  };
}

const resultOf = (context) => new Result((e) => e, context.errors, context);

module.exports = { createCheckSchema, resultOf };
