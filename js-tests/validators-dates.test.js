'use strict';
// isDate (the core for strings, a brand check for Date objects), and toDate, isBefore and
// isAfter (JS-only, on the platform's Date.parse) against validator.js: documented
// examples, generated dates in every format, delimiter set and mode, mutations of them,
// Date objects, argument and option errors, and 1 MiB inputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const vm = require('node:vm');
const validator = require('validator');
const { bulwark, fc, assertCode } = require('./helpers');
const { mutated } = require('./validators-gen');

const RUNS = 400;

/** validator.js merges defaults into the options object it is given: give it a copy. */
const copy = (o) => (o !== null && typeof o === 'object' ? { ...o } : o);

function agreeDate(input, options) {
  const expected = validator.isDate(input, copy(options));
  assert.equal(
    bulwark.isDate(input, options),
    expected,
    `isDate(${JSON.stringify(input)}, ${JSON.stringify(options)})`,
  );
}

// ---------------------------------------------------------------------------------------
// isDate

test('isDate: validator.js documented examples', () => {
  const cases = [
    // [input, options, expected]
    ['2024/02/29', undefined, true],
    ['2023/02/29', undefined, false],
    ['2000/02/29', undefined, true],
    ['1900/02/29', undefined, false],
    ['2024-12-31', undefined, true],
    ['2024/04/31', undefined, false],
    ['2024/13/01', undefined, false],
    ['2024/00/01', undefined, false],
    ['2024/2/9', undefined, false],
    ['2024/02', undefined, false],
    ['', undefined, false],
    ['2024/02/29', 'YYYY/MM/DD', true],
    ['12/31/2024', 'MM/DD/YYYY', true],
    ['31/12/2024', 'DD/MM/YYYY', true],
    ['31/12/2024', 'MM/DD/YYYY', false],
    ['2/9/2024', 'M/D/YYYY', true],
    ['02/09/24', { format: 'MM/DD/YY' }, true],
    ['2024-01-31', { format: 'YYYY-MM-DD', strictMode: true }, true],
    ['2024/01/31', { format: 'YYYY-MM-DD', strictMode: true }, false],
    ['2024/01/31', { format: 'YYYY-MM-DD' }, true],
    ['31.12.2024', { format: 'DD.MM.YYYY', delimiters: ['.'] }, true],
    ['2024.02.30', { format: 'YYYY.MM.DD', delimiters: ['.'] }, false],
    ['15-01-2024', { format: 'dd-mm-yyyy', delimiters: ['-'] }, true],
  ];
  for (const [input, options, expected] of cases) {
    assert.equal(validator.isDate(input, copy(options)), expected, `validator: ${input} ${JSON.stringify(options)}`);
    assert.equal(bulwark.isDate(input, options), expected, `bulwark: ${input} ${JSON.stringify(options)}`);
  }
});

// The formats validator.js accepts, and delimiter sets whose first match in the format is
// its separator (the options Bulwark takes; the others are INVALID_OPTIONS, below).
const SEPARATORS = ['/', '-', '.'];
const format = fc
  .record({
    y: fc.constantFrom('YYYY', 'YY', 'yyyy', 'yy', 'Yyyy'),
    m: fc.constantFrom('MM', 'M', 'mm', 'm', 'mM'),
    d: fc.constantFrom('DD', 'D', 'dd', 'd'),
    order: fc.constantFrom('ymd', 'mdy', 'dmy'),
    sep: fc.constantFrom(...SEPARATORS),
  })
  .map(({ y, m, d, order, sep }) => ({ parts: { y, m, d }, order, sep }));
const extraDelimiters = fc.array(fc.constantFrom('/', '-', '.', 'ab', ' ', '年', '--', ''), { maxLength: 3 });

const dateConfig = fc
  .record({
    format,
    extra: extraDelimiters,
    delimitersGiven: fc.boolean(),
    strictMode: fc.constantFrom(undefined, false, true),
    legacy: fc.boolean(),
  })
  .map(({ format: f, extra, delimitersGiven, strictMode, legacy }) => {
    const text = [...f.order].map((k) => f.parts[k]).join(f.sep);
    let delimiters;
    if (delimitersGiven || !['/', '-'].includes(f.sep)) {
      // The separator first, so that it is the first delimiter found in the format.
      delimiters = [f.sep, ...extra.filter((e) => !text.includes(e) && e !== '')];
      if (extra.includes('')) delimiters.push('');
    }
    if (legacy && delimiters === undefined && strictMode === undefined) return { f, options: text };
    const options = { format: text };
    if (delimiters !== undefined) options.delimiters = delimiters;
    if (strictMode !== undefined) options.strictMode = strictMode;
    return { f, options };
  });

/** A date (valid or nearly) written in the format, with a separator from `seps`. */
function dateIn(f, seps) {
  return fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      pad: fc.boolean(),
      sep: fc.constantFrom(...seps),
    })
    .map(({ year, month, day, pad, sep }) => {
      const width = (letters) => letters.length;
      const num = (n, letters) => {
        const w = width(letters);
        const s = String(n);
        return pad || s.length < w ? s.padStart(w, '0').slice(-Math.max(w, s.length)) : s;
      };
      const values = {
        y: num(f.parts.y.length === 2 ? year % 100 : year, f.parts.y),
        m: num(month, f.parts.m),
        d: num(day, f.parts.d),
      };
      return [...f.order].map((k) => values[k]).join(sep);
    });
}

/** A few edits (insert, delete, replace) with date characters, tricky ones and lone surrogates. */
const mutate = (s) => mutated([s], '0129/-.+ aTZ:');

// Documented deviation: validator.js hands the parts to new Date(), whose legacy parser reads
// '(' as the start of a comment and stops at a NUL (U+0000; found by this property on
// WASM's run: '\u00002.01.0558' with 'mM.dd.yyyy' strict is a date there); a few such strings
// are dates there (some depending on the time zone). Every part must be ASCII digits here.
// A scan of every UTF-16 unit before, inside and after a part found no other such unit.
const viaLegacyParser = (s) => s.includes('(') || s.includes('\u0000');

test('isDate: generated dates in every format, delimiter set and mode agree with validator.js', () => {
  fc.assert(
    fc.property(
      dateConfig.chain(({ f, options }) => {
        const delims = typeof options === 'object' && options.delimiters ? options.delimiters : ['/', '-'];
        const seps = [...new Set([f.sep, ...delims.filter((d) => d !== ''), '/', '-', '.'])];
        return fc.tuple(
          fc.constant(options),
          dateIn(f, seps).chain((s) => fc.oneof(fc.constant(s), mutate(s))),
        );
      }),
      ([options, input]) => {
        fc.pre(!viaLegacyParser(input));
        agreeDate(input, options);
      },
    ),
    { numRuns: RUNS * 10 },
  );
});

test('isDate: every valid calendar day of a few years, in several formats', () => {
  const formats = [
    undefined,
    'MM/DD/YYYY',
    { format: 'DD.MM.YY', delimiters: ['.'] },
    { format: 'D-M-YYYY', strictMode: true },
  ];
  for (const year of [1900, 2000, 2023, 2024]) {
    for (let m = 1; m <= 12; m += 1) {
      for (let d = 28; d <= 32; d += 1) {
        const p = (n) => String(n).padStart(2, '0');
        for (const [o, s] of [
          [formats[0], `${year}/${p(m)}/${p(d)}`],
          [formats[1], `${p(m)}/${p(d)}/${year}`],
          [formats[2], `${p(d)}.${p(m)}.${p(year % 100)}`],
          [formats[3], `${d}-${m}-${year}`],
        ]) {
          agreeDate(s, o);
        }
      }
    }
  }
});

test('isDate: deviation, a part that the legacy Date parser reads as a comment', () => {
  // validator.js: '2(20' as a year is read by new Date() as 2 (the rest is a comment).
  const input = '2(20/01/1 ';
  const o = { format: 'YYYY/MM/DD', strictMode: true, delimiters: ['/'] };
  assert.equal(bulwark.isDate(input, o), false);
  if (new Date(0).getTimezoneOffset() === 0) assert.equal(validator.isDate(input, copy(o)), true);
});

test('isDate: Date objects, as validator.js (a brand check, not the tag)', () => {
  for (const [input, options] of [
    [new Date(0), undefined],
    [new Date(8.64e15), undefined],
    [new Date(Number.NaN), undefined],
    [new Date(0), { strictMode: true }],
    [new Date(0), { format: 'DD/MM/YYYY' }],
    [new Date(0), 'DD/MM/YYYY'],
    [new (class extends Date {})(5), undefined],
    [vm.runInNewContext('new Date(0)'), undefined],
    [vm.runInNewContext('new Date(NaN)'), undefined],
    [5, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
    [new String('2024/01/01'), undefined],
    [['2024/01/01'], undefined],
    [Date.now(), undefined],
  ]) {
    assert.equal(bulwark.isDate(input, options), validator.isDate(input, copy(options)), `${String(input)}`);
  }
  // Deviations: a fake tag is no Date here; an overridden valueOf does not change a Date.
  const fake = { [Symbol.toStringTag]: 'Date', valueOf: () => 0 };
  assert.equal(validator.isDate(fake), true);
  assert.equal(bulwark.isDate(fake), false);
  const proxied = new Proxy(new Date(0), {});
  assert.equal(bulwark.isDate(proxied), validator.isDate(proxied));
  const lying = new Date(0);
  lying.valueOf = () => Number.NaN;
  assert.equal(bulwark.isDate(lying), true);
  const saved = Date.prototype.getTime;
  Date.prototype.getTime = () => Number.NaN;
  try {
    assert.equal(bulwark.isDate(new Date(0)), true, 'the brand check was captured at load');
  } finally {
    Date.prototype.getTime = saved;
  }
});

test('isDate: options that can never match are INVALID_OPTIONS, whatever the input', () => {
  const refused = [
    'YYYYMMDD',
    'YYY/MM/DD',
    'YYYY/DD/MM',
    'HH:mm',
    '',
    { format: 'DD.MM.YYYY' }, // no delimiter of ['/', '-'] in it: validator.js throws a TypeError on some inputs
    { format: 'YYYY/MM-DD' },
    { format: 'YYYY/MM/DD', delimiters: [] },
    { format: 'YYYY/MM/DD', delimiters: ['', '/'] },
    { format: 'YYYY/MM/DD', delimiters: ['Y'] },
    { format: 5 },
    { format: 'YYYY/MM/DD', delimiters: '/' },
    { format: 'YYYY/MM/DD', delimiters: [1] },
    { format: 'YYYY/MM/DD', delimiters: ['\ud800'] },
    '\ud800',
  ];
  // Typed options: validator.js reads these by truthiness or ignores them.
  const typed = [{ format: 'YYYY/MM/DD', strictMode: 1 }, { formats: 'YYYY/MM/DD' }];
  for (const options of [...refused, ...typed]) {
    for (const input of ['2024/01/01', '01.01.2024', new Date(0), 5, '\ud800']) {
      assertCode(() => bulwark.isDate(input, options), 'INVALID_OPTIONS');
    }
  }
  for (const options of refused) {
    // validator.js never answers true for a string with these (false, or a TypeError).
    try {
      assert.equal(validator.isDate('2024/01/01', copy(options)), false);
    } catch (err) {
      assert.ok(err instanceof TypeError, String(err));
    }
  }
  assert.throws(() => bulwark.isDate('2024/01/01', 5), TypeError);
});

test('isDate: strings with lone surrogates and 1 MiB inputs', () => {
  for (const s of ['2024/01/0\ud800', '\udc002024/01/01', '2024\ud800/01/01']) agreeDate(s, undefined);
  const big = '2024/01/01'.repeat(1 << 17);
  for (const options of [
    undefined,
    { format: 'YYYY/MM/DD', strictMode: true },
    { format: 'YYYY/MM/DD', delimiters: ['/', 'x'.repeat(1000)] },
  ]) {
    const start = process.hrtime.bigint();
    assert.equal(bulwark.isDate(big, options), false);
    assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 500, '1 MiB answers fast');
  }
});

test('isDate: createValidator rules and the drop-in', () => {
  const v = bulwark.createValidator([
    'isDate',
    { validator: 'isDate', args: ['DD/MM/YYYY'] },
    { validator: 'isDate', args: [{ format: 'YYYY.MM.DD', delimiters: ['.'], strictMode: true }] },
  ]);
  assert.deepEqual(v.check(['2024/02/29', '29/02/2024', '2024.02.29']), []);
  assert.deepEqual(v.check(['2023/02/29', '29/02/2023', '2024-02-29']), [0, 1, 2]);
  assertCode(() => bulwark.createValidator([{ validator: 'isDate', args: ['DD.MM.YYYY'] }]), 'INVALID_OPTIONS');
  const dropin = require('bulwark/validator');
  assert.equal(dropin.isDate, bulwark.isDate);
  assert.equal(dropin.toDate, bulwark.toDate);
  assert.equal(dropin.isBefore, bulwark.isBefore);
  assert.equal(dropin.isAfter, bulwark.isAfter);
});

// ---------------------------------------------------------------------------------------
// toDate, isBefore, isAfter

const timeOf = (d) => (d === null ? null : d.getTime());

/** Date strings in the shapes people send, from generated times. */
const dateString = fc
  .tuple(
    fc.integer({ min: -62198755200000, max: 253402300799999 }),
    fc.constantFrom(
      'iso',
      'isoDate',
      'utc',
      'string',
      'dateString',
      'locale',
      'slashes',
      'dots',
      'spaced',
      'rfc2822',
      'offset',
      'words',
    ),
  )
  .map(([t, shape]) => {
    const d = new Date(t);
    const p = (n) => String(n).padStart(2, '0');
    switch (shape) {
      case 'iso':
        return d.toISOString();
      case 'isoDate':
        return d.toISOString().slice(0, 10);
      case 'utc':
        return d.toUTCString();
      case 'string':
        return d.toString();
      case 'dateString':
        return d.toDateString();
      case 'locale':
        return d.toLocaleString('en-US');
      case 'slashes':
        return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}`;
      case 'dots':
        return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
      case 'spaced':
        return `  ${d.toISOString().slice(0, 10)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}  `;
      case 'rfc2822':
        return d.toUTCString().replace('GMT', '+0200');
      case 'offset':
        return d.toISOString().replace('Z', '+05:30');
      default:
        return `${['Jan', 'Feb', 'Mar'][t % 3 < 0 ? 0 : t % 3]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    }
  });
const junk = fc.string({
  maxLength: 30,
  unit: fc.constantFrom(...'0123456789/-.: ,TZ+()aJnFebGMT'.split(''), '\ud800'),
});
const dateInput = fc.oneof({ weight: 3, arbitrary: dateString }, { weight: 2, arbitrary: junk });

test('toDate: generated date strings agree with validator.js', () => {
  fc.assert(
    fc.property(dateInput, (s) => {
      assert.equal(timeOf(bulwark.toDate(s)), timeOf(validator.toDate(s)), JSON.stringify(s));
    }),
    { numRuns: RUNS * 5 },
  );
  for (const s of ['2024-02-29', '2024-02-30', 'Thu, 01 Jan 1970 00:00:00 GMT', 'x', '', '1', 'Mar 7 2024 (note)']) {
    assert.equal(timeOf(bulwark.toDate(s)), timeOf(validator.toDate(s)), s);
  }
  assert.ok(bulwark.toDate('2024-02-29') instanceof Date);
  assert.equal(timeOf(bulwark.toDate(new String('2024-02-29'))), timeOf(validator.toDate(new String('2024-02-29'))));
  for (const bad of [5, null, undefined, {}, new Date(0), ['2024']]) {
    assert.throws(() => validator.toDate(bad), TypeError);
    assert.throws(() => bulwark.toDate(bad), TypeError);
  }
});

test('isBefore / isAfter: generated dates, options and the legacy date agree with validator.js', () => {
  fc.assert(
    fc.property(dateInput, dateInput, fc.constantFrom('object', 'legacy', 'empty'), (s, c, shape) => {
      const args = shape === 'object' ? [{ comparisonDate: c }] : shape === 'legacy' ? [c] : [{ comparisonDate: '' }];
      if (shape === 'empty') {
        // Now: only strings far from now (a call may fall in the next second).
        const t = Date.parse(s);
        fc.pre(Number.isNaN(t) || Math.abs(t - Date.now()) > 5000);
      }
      for (const name of ['isBefore', 'isAfter']) {
        assert.equal(
          bulwark[name](s, ...args),
          validator[name](s, ...args),
          `${name}(${JSON.stringify(s)}, ${JSON.stringify(args)})`,
        );
      }
    }),
    { numRuns: RUNS * 5 },
  );
  for (const [s, c, before] of [
    ['2020-01-01', '2020-01-02', true],
    ['2020-01-02', '2020-01-01', false],
    ['2020-01-01', '2020-01-01', false],
    ['1999-12-31', undefined, true],
    ['2999-12-31', undefined, false],
    ['x', '2020-01-01', false],
    ['2020-01-01', 'x', false],
  ]) {
    assert.equal(bulwark.isBefore(s, c), before, `${s} < ${c}`);
    assert.equal(validator.isBefore(s, c), before);
    assert.equal(
      bulwark.isAfter(c === undefined ? s : c, c === undefined ? undefined : s),
      validator.isAfter(c === undefined ? s : c, c === undefined ? undefined : s),
    );
    assert.equal(bulwark.isBefore(s, { comparisonDate: c }), before);
  }
});

test('isBefore / isAfter read the clock through the global Date, as validator.js does', () => {
  // Fake timers (sinon, jest) replace the global Date: both libraries must see the same "now".
  const RealDate = Date;
  let fakeNow = 0;
  function FakeDate(...args) {
    if (!new.target) return new RealDate(fakeNow).toString(); // Date() called as a function
    return args.length > 0 ? new RealDate(...args) : new RealDate(fakeNow);
  }
  FakeDate.now = () => fakeNow;
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  FakeDate.prototype = RealDate.prototype;
  try {
    globalThis.Date = FakeDate;
    for (const [s, at] of [
      ['1995-06-01', '1990-01-01T00:00:00Z'],
      ['1995-06-01', '2000-01-01T00:00:00Z'],
      ['2041-03-02', '2040-01-01T00:00:00Z'],
      ['2041-03-02', '2042-01-01T00:00:00Z'],
    ]) {
      fakeNow = RealDate.parse(at);
      for (const name of ['isBefore', 'isAfter']) {
        assert.equal(bulwark[name](s), validator[name](s), `${name}(${s}) at ${at}`);
      }
      assert.equal(bulwark.isBefore(s), RealDate.parse(s) < fakeNow, `the fake clock is read: ${s} at ${at}`);
    }
  } finally {
    globalThis.Date = RealDate;
  }
});

test('isBefore / isAfter: argument and option errors', () => {
  for (const name of ['isBefore', 'isAfter']) {
    for (const bad of [5, null, undefined, {}, new Date(0)]) {
      assert.throws(() => validator[name](bad, '2020-01-01'), TypeError);
      assert.throws(() => bulwark[name](bad, '2020-01-01'), TypeError);
    }
    // validator.js: a comparisonDate that is no string is a TypeError there too.
    assertCode(() => bulwark[name]('2020-01-01', { comparisonDate: new Date(0) }), 'INVALID_OPTIONS');
    assert.throws(() => validator[name]('2020-01-01', { comparisonDate: new Date(0) }), TypeError);
    assertCode(() => bulwark[name]('2020-01-01', { comparisonDate: 5 }), 'INVALID_OPTIONS');
    assertCode(() => bulwark[name]('2020-01-01', { date: '2020-01-01' }), 'INVALID_OPTIONS');
    assert.throws(() => bulwark[name]('2020-01-01', 5), TypeError);
    assert.equal(bulwark[name]('2020-01-01', null), bulwark[name]('2020-01-01'));
  }
});

test('toDate / isBefore / isAfter: strings past 1024 units are no date (Date.parse is slow on them)', () => {
  const padded = `2020-01-01${' '.repeat(2000)}`;
  assert.notEqual(validator.toDate(padded), null, 'validator.js reads it');
  assert.equal(bulwark.toDate(padded), null);
  assert.equal(bulwark.isBefore(padded, '2030-01-01'), false);
  assert.equal(bulwark.isAfter('2030-01-01', padded), false);
  const edge = `2020-01-01${' '.repeat(1024 - 10)}`;
  assert.equal(timeOf(bulwark.toDate(edge)), timeOf(validator.toDate(edge)));
  const big = '+-'.repeat(1 << 19);
  const start = process.hrtime.bigint();
  assert.equal(bulwark.toDate(big), null);
  assert.equal(bulwark.isBefore(big), false);
  assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 50, '1 MiB answers at once');
});
