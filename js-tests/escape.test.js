'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const validator = require('validator');
const { bulwark, fc, codeUnitString, NON_STRINGS } = require('./helpers');

const { escapeHtml, unescapeHtml } = bulwark;
const SPECIALS = [
  '&',
  '"',
  "'",
  '<',
  '>',
  '/',
  '\\',
  '`',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#x27;',
  '&#x2F;',
  '&#x5C;',
  '&#96;',
  '&#39;',
  '&',
];

test('escapeHtml: table', () => {
  const cases = [
    ['', ''],
    ['plain', 'plain'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;'],
    ["it's `a` \\ b & c", 'it&#x27;s &#96;a&#96; &#x5C; b &amp; c'],
    ['&amp;', '&amp;amp;'],
    ['😀<😀', '😀&lt;😀'],
    ['\ud800<\udfff', '\ud800&lt;\udfff'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtml(input), expected, JSON.stringify(input));
});

test('unescapeHtml: table', () => {
  const cases = [
    ['', ''],
    ['&lt;b&gt;', '<b>'],
    ['&amp;lt;', '&lt;'],
    ['&LT; &#X2F; &#39; &nbsp;', '&LT; &#X2F; &#39; &nbsp;'],
    ['&&lt;;', '&<;'],
    ['\ud800&amp;', '\ud800&'],
  ];
  for (const [input, expected] of cases) assert.equal(unescapeHtml(input), expected, JSON.stringify(input));
});

test('escapeHtml and unescapeHtml equal validator.js on generated strings, lone surrogates included', () => {
  fc.assert(
    fc.property(codeUnitString(SPECIALS), (s) => {
      assert.equal(escapeHtml(s), validator.escape(s));
      assert.equal(unescapeHtml(s), validator.unescape(s));
      assert.equal(unescapeHtml(escapeHtml(s)), validator.unescape(validator.escape(s)));
    }),
    { numRuns: 2000 },
  );
});

test('long strings (past the JS fast path) equal validator.js', () => {
  fc.assert(
    fc.property(codeUnitString(SPECIALS, 200), fc.integer({ min: 1, max: 400 }), (s, times) => {
      const long = s.repeat(times) + 'x'.repeat(4096);
      assert.equal(escapeHtml(long), validator.escape(long));
      assert.equal(unescapeHtml(long), validator.unescape(long));
    }),
    { numRuns: 200 },
  );
  const wellFormed = '<a href="/x">é 😀 & \' ` \\</a>'.repeat(5000);
  assert.equal(escapeHtml(wellFormed), validator.escape(wellFormed));
  assert.equal(unescapeHtml(validator.escape(wellFormed)), wellFormed);
});

test('1 MiB adversarial input is handled and exact', () => {
  const s = '&<'.repeat(512 * 1024);
  const escaped = escapeHtml(s);
  assert.equal(escaped.length, (5 + 4) * 512 * 1024);
  assert.equal(unescapeHtml(escaped), s);
  const amps = '&'.repeat(1 << 20);
  assert.equal(unescapeHtml(amps), amps);
});

test('non-strings throw TypeError, as validator.js does; String objects are unwrapped', () => {
  assert.equal(escapeHtml(new String('<')), validator.escape(new String('<')));
  assert.equal(unescapeHtml(new String('&lt;')), '<');
  for (const value of NON_STRINGS.filter((v) => !(v instanceof String))) {
    assert.throws(() => escapeHtml(value), TypeError);
    assert.throws(() => unescapeHtml(value), TypeError);
    assert.throws(() => validator.escape(value), TypeError, 'validator agrees');
  }
});
