'use strict';
// oneOf(chains, { message, errorType }): passes when at least one chain (or group of chains,
// an array) passes. Each group runs dry; when none passes, one error of type
// 'alternative_grouped' (default), or 'alternative' with errorType 'flat' or
// 'least_errored', carries the groups' field errors. The data of a group that passed
// (its sanitized values) is what matchedData sees and what is written to the request.

const { surrogateContext, addContext, contextsOf } = require('./context');
const { runAll } = require('./run-all');
const { resultOf } = require('./schema');
const { isThenable, asMiddleware, writeBack } = require('./chain');

function groupOutcome(contexts) {
  const errors = [];
  for (const context of contexts) for (const e of context.errors) if (e.type === 'field') errors.push(e);
  return errors;
}

function finish(req, options, dryRun, groups) {
  const surrogate = surrogateContext();
  const allErrors = groups.map((contexts) => {
    const errors = groupOutcome(contexts);
    if (errors.length === 0) for (const context of contexts) surrogate.addFieldInstances(context.getData());
    return errors;
  });
  if (!allErrors.some((errors) => errors.length === 0)) {
    const message = options.message || 'Invalid value(s)';
    let error;
    if (options.errorType === 'flat' || options.errorType === 'least_errored') {
      let nested = allErrors.flat();
      if (options.errorType === 'least_errored') {
        let least = 0;
        for (let i = 1; i < allErrors.length; i += 1) if (allErrors[i].length < allErrors[least].length) least = i;
        nested = allErrors[least];
      }
      error = { type: 'alternative', msg: message, nestedErrors: nested };
      if (typeof message === 'function') error.msg = message(nested, { req });
    } else {
      error = { type: 'alternative_grouped', msg: message, nestedErrors: allErrors };
      if (typeof message === 'function') error.msg = message(allErrors, { req });
    }
    surrogate.addError(error);
  }
  // Writes the passing groups' sanitized values to the request, as express-validator's
  // final pass over its surrogate context does.
  // Like any run, it is skipped when an earlier chain failed with a request-level bail.
  if (!dryRun && !contextsOf(req).some((c) => c.bail && c.errors.length > 0)) {
    for (const instance of surrogate.getData()) writeBack(req, instance, false);
    addContext(req, surrogate);
  }
  return surrogate;
}

function oneOf(chains, options = {}) {
  const opts = options || {};
  if (!Array.isArray(chains)) throw new TypeError('express-validator: oneOf() takes an array of chains');
  const runGroups = (req) => {
    const outs = chains.map((chain) => runAll(req, Array.isArray(chain) ? chain : [chain], true));
    return outs.some(isThenable) ? Promise.all(outs) : outs;
  };
  const runSync = (req, dryRun) => {
    const groups = runGroups(req);
    return isThenable(groups) ? groups.then((g) => finish(req, opts, dryRun, g)) : finish(req, opts, dryRun, groups);
  };
  const run = (req, runOptions) =>
    Promise.resolve()
      .then(() => runSync(req, Boolean(runOptions && runOptions.dryRun)))
      .then(resultOf);
  return Object.assign(
    asMiddleware((req) => runSync(req, false)),
    { run },
  );
}

module.exports = { oneOf };
