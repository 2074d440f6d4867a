'use strict';
// Runs several chains on one request (checkSchema, oneOf groups, checkExact), as
// express-validator's runAllChains does: a chain with bail({ level: 'request' }) waits for
// the chains before it and, when it fails, stops the rest. Synchronous while every chain is.
//
// express-validator starts every chain at once and records each context when its chain
// finishes, so its errors come in an order that depends on how many items each chain has;
// here contexts are recorded in the order of the chains (docs/express-validator.md).

const { runChain, stateOf, isChain, isThenable } = require('./chain');

const bails = (chain) => isChain(chain) && stateOf(chain).requestBail;

/** One chain's context (or a promise of it); other runnables through their run(). */
function runOne(chain, req, dryRun) {
  if (isChain(chain)) return runChain(stateOf(chain), req, dryRun);
  if (chain === null || (typeof chain !== 'object' && typeof chain !== 'function') || typeof chain.run !== 'function') {
    throw new TypeError('express-validator: expected a validation chain');
  }
  return Promise.resolve(chain.run(req, { dryRun })).then((result) => result.context);
}

async function finishAsync(req, chains, dryRun, done, i, first) {
  const promises = done.map((context) => Promise.resolve(context));
  promises.push(Promise.resolve(first));
  if (bails(chains[i]) && (await first).errors.length > 0) return Promise.all(promises);
  for (let j = i + 1; j < chains.length; j += 1) {
    if (bails(chains[j])) await Promise.all(promises);
    const p = Promise.resolve(runOne(chains[j], req, dryRun));
    promises.push(p);
    if (bails(chains[j]) && (await p).errors.length > 0) break;
  }
  return Promise.all(promises);
}

/** The contexts of `chains` run on `req`: an array, or a promise of one. */
function runAll(req, chains, dryRun = false) {
  const done = [];
  for (let i = 0; i < chains.length; i += 1) {
    const out = runOne(chains[i], req, dryRun);
    if (isThenable(out)) return finishAsync(req, chains, dryRun, done, i, out);
    done.push(out);
    if (bails(chains[i]) && out.errors.length > 0) break;
  }
  return done;
}

module.exports = { runAll };
