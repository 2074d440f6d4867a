'use strict';
// isEmail, isURL and isFQDN against validator.js: its documented examples, then generated
// inputs (mutations of valid addresses and strings over each format's characters) with the
// option combinations that change the result.
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, fc, agree, differential } = require('./validators-gen');
const { SPECS, EMAILS, URLS, HOSTS } = require('./validators-specs');

test('isEmail: validator.js examples and generated inputs agree', () => {
  for (const s of EMAILS) {
    agree('isEmail', s);
    agree('isEmail', s, [{ allow_display_name: true }]);
  }
  differential('isEmail', SPECS.isEmail);
});

test('isEmail: long local parts, domains and display names agree', () => {
  const sizes = fc.integer({ min: 50, max: 300 });
  fc.assert(
    fc.property(sizes, sizes, fc.boolean(), (u, d, display) => {
      const s = `${display ? 'Name <' : ''}${'a'.repeat(u)}@${'b'.repeat(d % 70)}.${'c'.repeat(d)}.com${display ? '>' : ''}`;
      agree('isEmail', s, [{ allow_display_name: display }]);
      agree('isEmail', s, [{ allow_display_name: display, ignore_max_length: true }]);
    }),
    { numRuns: 200 },
  );
});

test('isURL: validator.js examples and generated inputs agree (dangerous schemes excepted)', () => {
  for (const s of URLS) {
    agree('isURL', s);
    agree('isURL', s, [{ require_tld: false }]);
    agree('isURL', s, [{ require_valid_protocol: false }]);
  }
  differential('isURL', SPECS.isURL);
});

test('isURL refuses javascript:, vbscript: and data: URLs that validator.js accepts', () => {
  const validator = require('validator');
  const cases = [
    ['javascript:alert@example.com', {}],
    ['JAVASCRIPT:alert@example.com', {}],
    ['javascript:1', { require_tld: false }],
    ['javascript://example.com/%0Aalert(1)', { require_valid_protocol: false }],
    ['data:text@example.com', {}],
    ['vbscript:msgbox@example.com', {}],
  ];
  for (const [s, options] of cases) {
    assert.equal(validator.isURL(s, { ...options }), true, `validator.js accepts ${s}`);
    assert.equal(bulwark.isURL(s, options), false, s);
  }
  // Listing the scheme explicitly allows it.
  assert.equal(bulwark.isURL('javascript://example.com/x', { protocols: ['javascript'] }), true);
});

test('isFQDN: validator.js examples and generated inputs agree', () => {
  for (const s of HOSTS) agree('isFQDN', s);
  differential('isFQDN', SPECS.isFQDN);
  fc.assert(
    fc.property(fc.integer({ min: 55, max: 70 }), fc.boolean(), (n, ignore) => {
      agree('isFQDN', `${'a'.repeat(n)}.com`, [{ ignore_max_length: ignore }]);
      agree('isFQDN', `${'😀'.repeat(n >> 1)}.com`, [{ ignore_max_length: ignore }]);
    }),
    { numRuns: 60 },
  );
});
