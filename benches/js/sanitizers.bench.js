'use strict';
// Sanitizers against validator.js, and normalizeUnicode against String.prototype.normalize,
// at realistic sizes: a short form field, 1 KiB and 64 KiB of user text. Then the time of
// 1 MB adversarial inputs on the native backend (validator.js is not run on them: rtrim with
// chars is its CVE-2021-3765 ReDoS).
//
// Target (issue 3): at least as fast as validator.js (String.prototype.normalize for
// normalizeUnicode) on realistic inputs, native backend; JS fast paths allowed. The header of
// npm/bulwark/lib/sanitizers.js says which path each function takes.
const validator = require('validator');
const { loadBackends, benchCase, printTable, target, printTargets, note, timeAlone } = require('./harness');

const { native, wasm } = loadBackends();
const OPTS = { rounds: 11, batchMs: 15 };

/** User text: prose with a little markup, punctuation, accents, a tab and a control character. */
function text(units) {
  const sample = 'Hello <b>world</b>, it is 5 > 3 — café, naïve façade.\tSee https://example.com/a?b=1 \x07 ';
  return sample.repeat(Math.ceil(units / sample.length)).slice(0, units);
}

const FIELD = '  Jane.Doe+news@Example.com \x00 ';
const SIZES = [
  ['form field', FIELD],
  ['1 KiB', `  ${text(1024)}  `],
  ['64 KiB', `  ${text(64 * 1024)}  `],
];

/** [label, validator.js call, Bulwark call]: each sanitizer with realistic arguments. */
const CALLS = [
  ['trim', (v, s) => v.trim(s)],
  ['ltrim', (v, s) => v.ltrim(s)],
  ['rtrim', (v, s) => v.rtrim(s)],
  ["trim(s, ' -')", (v, s) => v.trim(s, ' -')],
  ["rtrim(s, ' .')", (v, s) => v.rtrim(s, ' .')],
  ['stripLow', (v, s) => v.stripLow(s)],
  ["blacklist(s, '<>')", (v, s) => v.blacklist(s, '<>')],
  ["whitelist(s, 'a-zA-Z0-9 .,')", (v, s) => v.whitelist(s, 'a-zA-Z0-9 .,')],
];

/** `call(api, input)` on validator.js and both backends; results compared with Object.is (NaN). */
function vsValidator(name, input, call) {
  return benchCase(
    {
      name,
      input,
      reference: 'validator.js',
      peer: 'validator.js',
      impls: {
        'validator.js': (s) => call(validator, s),
        'bulwark native': (s) => call(native, s),
        'bulwark wasm': (s) => call(wasm, s),
      },
      check: (outputs) => {
        for (const [impl, out] of Object.entries(outputs)) {
          if (!Object.is(out, outputs['validator.js'])) throw new Error(`${name}: ${impl} gave ${JSON.stringify(out)}`);
        }
      },
    },
    OPTS,
  );
}

async function main() {
  const results = [];
  for (const [label, call] of CALLS) {
    for (const [size, input] of SIZES) results.push(await vsValidator(`${label} ${size}`, input, call));
  }
  printTable('trim, stripLow, blacklist, whitelist (ratio: validator.js time / Bulwark time)', results);

  const scalars = [];
  const SCALAR_CASES = [
    ['normalizeEmail gmail', 'Some.One+news@GoogleMail.com', (v, s) => v.normalizeEmail(s)],
    ['normalizeEmail outlook', 'Some.One+news@Hotmail.com', (v, s) => v.normalizeEmail(s)],
    ['normalizeEmail other', 'jane.doe@example.com', (v, s) => v.normalizeEmail(s)],
    ['normalizeEmail options', 'Some.One+news@gmail.com', (v, s) => v.normalizeEmail(s, { gmail_remove_dots: false })],
    ['toInt', '12345', (v, s) => v.toInt(s)],
    ['toInt radix 16', 'ff80', (v, s) => v.toInt(s, 16)],
    ['toFloat', '123.45', (v, s) => v.toFloat(s)],
    ['toFloat invalid', '12.3.4', (v, s) => v.toFloat(s)],
    ['toBoolean', 'true', (v, s) => v.toBoolean(s)],
    ['toBoolean strict', 'TRUE', (v, s) => v.toBoolean(s, true)],
  ];
  for (const [name, input, call] of SCALAR_CASES) scalars.push(await vsValidator(name, input, call));
  printTable('normalizeEmail, toInt, toFloat, toBoolean', scalars);

  const normalizations = [];
  const latin = (units) =>
    'Crème brûlée, déjà vu — naïve façade, Ångström. '.repeat(Math.ceil(units / 48)).slice(0, units);
  const NORMALIZE_INPUTS = [
    ['Latin field', 'Crème Brûlée'],
    ['Latin 1 KiB', latin(1024)],
    ['Latin 64 KiB', latin(64 * 1024)],
    ['ASCII 1 KiB', text(1024).replace(/[^\x20-\x7e]/g, '')],
    ['Hangul+kana 1 KiB', '한국어 텍스트 日本語のテキスト ガギグ '.repeat(40).slice(0, 1024)],
  ];
  for (const form of ['NFC', 'NFD', 'NFKC']) {
    for (const [label, input] of NORMALIZE_INPUTS) {
      normalizations.push(
        await benchCase(
          {
            name: `${form} ${label}`,
            input,
            reference: 'String.prototype.normalize',
            peer: 'String.prototype.normalize',
            impls: {
              'String.prototype.normalize': (s) => s.normalize(form),
              'bulwark native': (s) => native.normalizeUnicode(s, form),
              'bulwark wasm': (s) => wasm.normalizeUnicode(s, form),
            },
          },
          OPTS,
        ),
      );
    }
  }
  // Adversarial: ICU reorders a run of combining marks in quadratic time.
  const marks = `a${'\u0301\u0323'.repeat(8192)}`;
  const adversarialNormalize = await benchCase(
    {
      name: 'NFD 16K combining marks',
      input: marks,
      reference: 'String.prototype.normalize',
      peer: 'String.prototype.normalize',
      impls: {
        'String.prototype.normalize': (s) => s.normalize('NFD'),
        'bulwark native': (s) => native.normalizeUnicode(s, 'NFD'),
      },
    },
    { rounds: 5, batchMs: 15 },
  );
  printTable('normalizeUnicode (peer: String.prototype.normalize, ICU)', [...normalizations, adversarialNormalize]);

  // Linear time: 1 MB adversarial inputs, native backend.
  const MB = 1 << 20;
  const adversarial = [
    ["rtrim(s, ' ')", 'CVE-2021-3765: spaces then "x"', `${' '.repeat(MB)}x`, (s) => native.rtrim(s, ' ').length],
    ['rtrim(s)', 'spaces then "x"', `${' '.repeat(MB)}x`, (s) => native.rtrim(s).length],
    ["trim(s, 'a-b')", 'all trimmed', 'ab'.repeat(MB / 2), (s) => native.trim(s, 'a-b').length],
    ["blacklist(s, 'a')", 'every unit removed', 'a'.repeat(MB), (s) => native.blacklist(s, 'a').length],
    ["whitelist(s, '\\\\d')", 'every other unit kept', 'a1'.repeat(MB / 2), (s) => native.whitelist(s, '\\d').length],
    ['stripLow', 'NUL and newline', '\x00\n'.repeat(MB / 2), (s) => native.stripLow(s, true).length],
    [
      'normalizeEmail',
      'dotted Gmail local part',
      `${'.a'.repeat(MB / 2)}@gmail.com`,
      (s) => native.normalizeEmail(s).length,
    ],
    ['toInt', 'digits, radix 36', 'z'.repeat(MB), (s) => native.toInt(s, 36)],
    ['toFloat', 'digits then junk', `${'1'.repeat(MB)}x`, (s) => native.toFloat(s)],
    [
      "normalizeUnicode(s, 'NFC')",
      'a million combining marks',
      `a${'\u0301\u0323'.repeat(MB / 2)}`,
      (s) => native.normalizeUnicode(s, 'NFC').length,
    ],
  ];
  const adversarialTitle = '1 MB adversarial inputs (bulwark native; validator.js and ICU not run)';
  console.log(`\n## ${adversarialTitle}\n`);
  for (const [name, label, input, run] of adversarial) timeAlone(adversarialTitle, name, label, input, run);

  for (const r of [...results, ...scalars])
    target(`${r.name} native vs validator.js`, r, 'bulwark native', 'validator.js', 1);
  for (const r of normalizations)
    target(
      `normalizeUnicode ${r.name} native vs String.prototype.normalize`,
      r,
      'bulwark native',
      'String.prototype.normalize',
      1,
    );
  note(
    'normalizeUnicode profile (callgrind, the core alone; docs/performance.md#normalizeunicode): NFC and NFKC ' +
      'of text already in the form are only the quick check, now a table scan over UTF-16 units; NFD now copies ' +
      "stable characters and hands the crate only the characters between them. ICU's normalizer is C++ with " +
      'no crossing and no UTF-16 copy; using it (String.prototype.normalize) would give up identical results ' +
      'across Node builds (Unicode versions) and its quadratic worst case (1024 combining marks: ~30x the core).',
  );
  process.exitCode = printTargets('sanitizers (native backend; WASM rows are reported, not targeted)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
