'use strict';
// bulwark/express-validator: express-validator 7's public API over Bulwark's validators
// and sanitizers. See docs/express-validator.md for what differs.

const { buildCheckFunction } = require('./chain');
const { validationResult, Result } = require('./result');
const { matchedData } = require('./matched-data');
const { createCheckSchema } = require('./schema');
const { oneOf } = require('./one-of');
const { checkExact } = require('./exact');
const { ExpressValidator } = require('./express-validator-class');

const check = buildCheckFunction(['body', 'cookies', 'headers', 'params', 'query']);
const body = buildCheckFunction(['body']);
const cookie = buildCheckFunction(['cookies']);
const header = buildCheckFunction(['headers']);
const param = buildCheckFunction(['params']);
const query = buildCheckFunction(['query']);
const checkSchema = createCheckSchema((fields, locations, message) => buildCheckFunction(locations)(fields, message));

// Shorthand properties only: Node's ESM loader finds the named exports of a CommonJS module
// by reading this literal (`import { body } from 'bulwark/express-validator'`).
module.exports = {
  check,
  body,
  cookie,
  header,
  param,
  query,
  buildCheckFunction,
  checkSchema,
  oneOf,
  checkExact,
  validationResult,
  matchedData,
  Result,
  ExpressValidator,
};
