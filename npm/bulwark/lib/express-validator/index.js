'use strict';
// bulwark/express-validator: express-validator 7's public API over Bulwark's validators
// and sanitizers. See docs/express-validator.md for what differs.

const { buildCheckFunction } = require('./chain');
const { validationResult, Result } = require('./result');
const { matchedData } = require('./matched-data');

module.exports = {
  check: buildCheckFunction(['body', 'cookies', 'headers', 'params', 'query']),
  body: buildCheckFunction(['body']),
  cookie: buildCheckFunction(['cookies']),
  header: buildCheckFunction(['headers']),
  param: buildCheckFunction(['params']),
  query: buildCheckFunction(['query']),
  buildCheckFunction,
  validationResult,
  matchedData,
  Result,
};
