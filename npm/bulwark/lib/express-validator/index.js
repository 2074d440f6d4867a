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

module.exports = {
  check,
  body: buildCheckFunction(['body']),
  cookie: buildCheckFunction(['cookies']),
  header: buildCheckFunction(['headers']),
  param: buildCheckFunction(['params']),
  query: buildCheckFunction(['query']),
  buildCheckFunction,
  checkSchema: createCheckSchema((fields, locations, message) => buildCheckFunction(locations)(fields, message)),
  oneOf,
  checkExact,
  validationResult,
  matchedData,
  Result,
  ExpressValidator,
};
