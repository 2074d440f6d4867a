'use strict';
// bulwark/express-validator against express-validator 7 on a 10-field sign-up form: the
// same chain definitions (written once as a function of the module) run as Express
// middleware on a request object, then validationResult(req).array() and matchedData(req).
// A valid form, one with five bad fields, and an order with 20 line items (wildcards);
// outputs are asserted equal before timing.
//
// Target (issue 8): at least 2x express-validator's throughput on the native backend.
const path = require('node:path');
const EV = require('express-validator');
const { benchCase, printTable, target, printTargets } = require('./harness');

/** bulwark/express-validator loaded once per backend (the package's JS cache cleared between). */
function loadModule(backend) {
  const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(pkgDir + path.sep) && !key.includes(`${path.sep}wasm${path.sep}`)) delete require.cache[key];
  }
  const saved = process.env.BULWARK_BACKEND;
  process.env.BULWARK_BACKEND = backend;
  try {
    const bulwark = require('bulwark');
    if (bulwark.backend !== backend) throw new Error(`expected the ${backend} backend, got ${bulwark.backend}`);
    return require('bulwark/express-validator');
  } finally {
    if (saved === undefined) delete process.env.BULWARK_BACKEND;
    else process.env.BULWARK_BACKEND = saved;
  }
}

const COUNTRIES = ['AU', 'BR', 'CA', 'DE', 'FR', 'GB', 'IN', 'JP', 'NZ', 'US'];

/** The sign-up form's chains, for module `m`. */
const signUp = (m) => [
  m.body('email').trim().isEmail().withMessage('Enter a valid email').normalizeEmail(),
  m.body('password').isLength({ min: 8, max: 128 }).withMessage('8 to 128 characters').isStrongPassword(),
  m
    .body('passwordConfirmation')
    .custom((value, { req }) => value === req.body.password)
    .withMessage('Passwords differ'),
  m
    .body('username')
    .trim()
    .isLength({ min: 3, max: 20 })
    .matches(/^[a-z0-9_]+$/i),
  m.body('firstName').trim().notEmpty().isLength({ max: 50 }).escape(),
  m.body('lastName').trim().notEmpty().isLength({ max: 50 }).escape(),
  m.body('age').optional().isInt({ min: 13, max: 130 }).toInt(),
  m.body('website').optional({ values: 'falsy' }).isURL({ require_protocol: true }),
  m.body('country').isIn(COUNTRIES),
  m.body('terms').isBoolean().toBoolean(),
];

const VALID = {
  email: '  Jane.Doe@Example.com ',
  password: 'Str0ng!Passw0rd',
  passwordConfirmation: 'Str0ng!Passw0rd',
  username: 'jane_doe',
  firstName: 'Jane',
  lastName: "O'Neil",
  age: '34',
  website: 'https://jane.example.com/blog',
  country: 'NZ',
  terms: 'true',
};
const INVALID = {
  ...VALID,
  email: 'jane.doe@',
  password: 'short',
  passwordConfirmation: 'other',
  age: '7',
  country: 'XX',
};

/** An order with line items: wildcards over 20 elements. */
const order = (m) => [
  m.body('items').isArray({ min: 1, max: 50 }),
  m.body('items.*.sku').isAlphanumeric().isLength({ min: 4, max: 12 }),
  m.body('items.*.qty').isInt({ min: 1, max: 99 }).toInt(),
  m.body('items.*.note').optional().trim().isLength({ max: 200 }).escape(),
];
const ORDER = {
  items: Array.from({ length: 20 }, (_, i) => ({
    sku: `SKU${1000 + i}`,
    qty: String(1 + (i % 5)),
    note: 'gift <wrap>',
  })),
};

/** One request through the chains as Express would run them, then what a route reads. */
function validateWith(m, definition = signUp) {
  const chains = definition(m);
  const res = {};
  return async (form) => {
    const req = { body: structuredClone(form), query: {}, params: {}, headers: {}, cookies: {} };
    for (const chain of chains) {
      await new Promise((resolve, reject) => {
        chain(req, res, (err) => (err ? reject(err) : resolve()));
      });
    }
    return { errors: m.validationResult(req).array(), data: m.matchedData(req) };
  };
}

async function main() {
  const native = loadModule('native');
  const wasm = loadModule('wasm');
  const results = [];
  for (const [name, definition, input] of [
    ['sign-up form, valid (10 fields)', signUp, VALID],
    ['sign-up form, 5 invalid fields', signUp, INVALID],
    ['order, 20 line items (wildcards)', order, ORDER],
  ]) {
    const impls = {
      'express-validator': validateWith(EV, definition),
      'bulwark native': validateWith(native, definition),
      'bulwark wasm': validateWith(wasm, definition),
    };
    // Warm up first: the harness sizes its batches from the first calls, which would
    // otherwise include compiling the chains and the JIT's cold start.
    for (const fn of Object.values(impls)) for (let i = 0; i < 500; i += 1) await fn(input);
    results.push(
      await benchCase({
        name,
        input,
        async: true,
        reference: 'express-validator',
        peer: 'express-validator',
        impls,
      }),
    );
  }
  printTable('express-validator drop-in (ratio: express-validator time / Bulwark time)', results);
  for (const result of results) {
    target(`${result.name}: native vs express-validator`, result, 'bulwark native', 'express-validator', 2);
  }
  process.exitCode = printTargets('express-validator (native backend; WASM rows are reported, not targeted)') ? 3 : 0;
}

module.exports = { signUp, order, VALID, INVALID, ORDER, validateWith, loadModule };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
