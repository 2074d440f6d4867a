'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const pathIsInside = require('path-is-inside');
const { bulwark, fc, codeUnitString, NON_STRINGS, assertCode, assertRejectsCode } = require('./helpers');

const { resolveWithin, resolveWithinReal, decodePathSegment, sanitizeFilename, BulwarkError } = bulwark;
const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { binding } = require(path.join(pkgDir, 'lib', 'backend.js'));

/** `{ value }` or `{ code }`: an outcome comparable across implementations. */
function outcome(fn) {
  try {
    return { value: fn() };
  } catch (err) {
    assert.ok(typeof err.code === 'string', `${err}`);
    return { code: err.code };
  }
}

const BASE = '/srv/app';

// resolveWithin has POSIX semantics on every OS (docs/paths.md), so the references are
// path.posix and, on Windows, a POSIX form of path-is-inside (the package uses the host's
// separator there). On POSIX hosts this is path.resolve and path-is-inside themselves.
const WINDOWS = process.platform === 'win32';
const posix = path.posix;
const insidePosix = WINDOWS
  ? (p, parent) => p === parent || p.startsWith(parent.endsWith('/') ? parent : `${parent}/`)
  : pathIsInside;

test('resolveWithin: benign paths resolve as path.resolve does', () => {
  const cases = [
    ['index.html', '/srv/app/index.html'],
    ['a/b/c.txt', '/srv/app/a/b/c.txt'],
    ['a//b/./c/', '/srv/app/a/b/c'],
    ['a/b/../c', '/srv/app/a/c'],
    ['a/..', '/srv/app'],
    ['', '/srv/app'],
    ['.', '/srv/app'],
    ['...hidden', '/srv/app/...hidden'],
    ['café/😀.txt', '/srv/app/café/😀.txt'],
    ['\uff0e\uff0e/x', '/srv/app/\uff0e\uff0e/x'],
    ['%2e%2e/x', '/srv/app/%2e%2e/x'],
  ];
  for (const [input, expected] of cases) {
    assert.equal(resolveWithin(BASE, input), expected, input);
    assert.equal(resolveWithin(`${BASE}/`, input), expected, input);
    assert.equal(posix.resolve(BASE, input), expected, `path.resolve agrees on ${input}`);
  }
  assert.equal(resolveWithin('/', 'etc'), '/etc');
  assert.equal(resolveWithin('/srv/./x/../app//', 'f'), '/srv/app/f');
  assert.equal(
    resolveWithin('relative/dir', 'f'),
    posix.resolve('relative/dir', 'f'),
    'relative base is taken from cwd',
  );
});

test('resolveWithin: escapes, absolute paths, NUL and Windows forms are refused', () => {
  const cases = [
    ['..', 'PATH_ESCAPE'],
    ['../app2/secret', 'PATH_ESCAPE'],
    ['../app/x', 'PATH_ESCAPE'],
    ['a/../../x', 'PATH_ESCAPE'],
    ['./../x', 'PATH_ESCAPE'],
    ['/etc/passwd', 'PATH_ABSOLUTE'],
    ['//server/share', 'PATH_ABSOLUTE'],
    ['a\0b', 'PATH_NUL'],
    ['x.txt\0.png', 'PATH_NUL'],
    ['C:\\Windows', 'PATH_ABSOLUTE'],
    ['c:/x', 'PATH_ABSOLUTE'],
    ['\\\\server\\share', 'PATH_ABSOLUTE'],
    ['a\\..\\..\\x', 'PATH_INVALID'],
    ['..\\x', 'PATH_INVALID'],
    ['file.txt::$DATA', 'PATH_INVALID'],
    ['a/.. /x', 'PATH_INVALID'],
    ['x.', 'PATH_INVALID'],
    ['...', 'PATH_INVALID'],
    ['CON', 'PATH_INVALID'],
    ['a/nul.txt', 'PATH_INVALID'],
    ['aux .tar.gz', 'PATH_INVALID'],
    ['COM\u00b3.x', 'PATH_INVALID'],
    ['conin$', 'PATH_INVALID'],
  ];
  for (const [input, code] of cases) {
    assertCode(() => resolveWithin(BASE, input), code);
    assert.equal(
      outcome(() => binding.resolveWithin(BASE, input, true, 4096)).code,
      code,
      `core agrees on ${JSON.stringify(input)}`,
    );
  }
  assertCode(() => resolveWithin('/srv\0/app', 'x'), 'PATH_NUL');
  // With Windows forms allowed, a backslash is a file name character, as on POSIX.
  assert.equal(resolveWithin(BASE, '..\\..\\x', { rejectWindowsForms: false }), '/srv/app/..\\..\\x');
  assertCode(() => resolveWithin(BASE, '../x', { rejectWindowsForms: false }), 'PATH_ESCAPE');
});

test('resolveWithin: sibling prefixes never pass (CVE-2014-6394 class)', () => {
  for (const input of ['../app2', '../app2/secret', '../app-backup/x', '..//app2']) {
    assertCode(() => resolveWithin(BASE, input), 'PATH_ESCAPE');
    // The naive idiom without a separator lets them through: what this guards against.
    const naive = posix.resolve(BASE, input);
    assert.ok(naive.startsWith(BASE) && !insidePosix(naive, BASE), input);
  }
});

test('resolveWithin: wrong types, lone surrogates, options', () => {
  for (const value of NON_STRINGS) {
    if (value instanceof String) continue;
    assert.throws(() => resolveWithin(value, 'x'), TypeError);
    assert.throws(() => resolveWithin(BASE, value), TypeError);
  }
  assert.equal(resolveWithin(new String(BASE), new String('x')), '/srv/app/x');
  assertCode(() => resolveWithin(BASE, 'a\ud800'), 'INVALID_UNICODE');
  assertCode(() => resolveWithin(`${BASE}\udfff`, 'a'), 'INVALID_UNICODE');
  assertCode(() => resolveWithin(BASE, 'x', { maxlength: 5 }), 'INVALID_OPTIONS');
  assertCode(() => resolveWithin(BASE, 'x', { maxLength: 0 }), 'INVALID_OPTIONS');
  assertCode(() => resolveWithin(BASE, 'x', { rejectWindowsForms: 'no' }), 'INVALID_OPTIONS');
  assert.throws(() => resolveWithin(BASE, 'x', 'opts'), TypeError);
  assertCode(() => resolveWithin(BASE, 'abcdef', { maxLength: 5 }), 'INPUT_TOO_LARGE');
  assertCode(() => resolveWithin('/a/very/long/base', 'abc', { maxLength: 10 }), 'INPUT_TOO_LARGE');
  Object.prototype.rejectWindowsForms = false;
  try {
    assertCode(() => resolveWithin(BASE, 'a\\b', {}), 'PATH_INVALID');
  } finally {
    delete Object.prototype.rejectWindowsForms;
  }
});

test('resolveWithin: 1 MB adversarial paths get the right answer', () => {
  assertCode(() => resolveWithin(BASE, '../'.repeat(350_000)), 'INPUT_TOO_LARGE');
  const big = { maxLength: 4 << 20 };
  assertCode(() => resolveWithin(BASE, '../'.repeat(350_000), big), 'PATH_ESCAPE');
  assert.equal(resolveWithin(BASE, 'x/../'.repeat(200_000), big), BASE);
  assert.equal(resolveWithin(BASE, 'a/'.repeat(500_000), big), `${BASE}${'/a'.repeat(500_000)}`);
  assertCode(() => resolveWithin(BASE, `${'a/'.repeat(500_000)}CON`, big), 'PATH_INVALID');
  assertCode(() => resolveWithin(BASE, `${' /'.repeat(500_000)}`, big), 'PATH_INVALID');
  assertCode(() => resolveWithin(BASE, `${'con '.repeat(250_000)}/x`, big), 'PATH_INVALID');
});

// Segments an attacker would try, and harmless ones, joined by `/` or `\`.
const SEGMENTS = [
  '..',
  '.',
  '',
  'a',
  'b.txt',
  'app2',
  'CON',
  'con.txt',
  'nul ',
  'a.',
  'a ',
  '...',
  'x..',
  ':',
  'C:',
  'c:',
  '\0',
  'é',
  '😀',
  '\uff0e\uff0e',
  '%2e%2e',
  'com\u00b9',
  'Aux .x',
  ' ',
  '\\',
  '\\\\',
  'lpt1',
  'conout$',
  'ſ',
  '.env',
  'a/b',
];
const adversarialPath = fc
  .array(fc.tuple(fc.constantFrom(...SEGMENTS), fc.constantFrom('/', '/', '/', '\\', '//')), { maxLength: 40 })
  .map((parts) =>
    parts
      .map(([s, sep]) => s + sep)
      .join('')
      .slice(0, -1),
  );
const base = fc.constantFrom('/srv/app', '/srv/app/', '/', '/srv/./app/../app', '/a b/c:d');

test('resolveWithin equals the core on adversarial paths (JS screen, JS mirror and crossing)', () => {
  fc.assert(
    fc.property(
      base,
      adversarialPath,
      fc.boolean(),
      fc.integer({ min: 1, max: 400 }),
      (b, p, rejectWindowsForms, maxLength) => {
        const ours = outcome(() => resolveWithin(b, p, { rejectWindowsForms, maxLength }));
        const core = outcome(() => binding.resolveWithin(b, p, rejectWindowsForms, maxLength));
        assert.deepEqual(ours, core, JSON.stringify([b, p, rejectWindowsForms, maxLength]));
      },
    ),
    { numRuns: 3000 },
  );
});

test("resolveWithin results always lie within the base; the idiom's refusals are ours too", () => {
  fc.assert(
    fc.property(base, adversarialPath, fc.boolean(), (b, p, rejectWindowsForms) => {
      const normalizedBase = posix.resolve(b);
      const ours = outcome(() => resolveWithin(b, p, { rejectWindowsForms }));
      const resolved = posix.resolve(b, p);
      const idiomAccepts =
        resolved === normalizedBase || resolved.startsWith(normalizedBase === '/' ? '/' : `${normalizedBase}/`);
      if (ours.value !== undefined) {
        assert.ok(insidePosix(ours.value, normalizedBase), `${ours.value} within ${normalizedBase}`);
        assert.equal(ours.value, resolved, 'equal to path.resolve whenever accepted');
        assert.ok(idiomAccepts);
        assert.ok(!p.includes('\0'));
        if (rejectWindowsForms) assert.ok(!/[\\:]/.test(p));
      }
      if (!idiomAccepts)
        assert.ok(
          ours.code === 'PATH_ESCAPE' ||
            ours.code === 'PATH_ABSOLUTE' ||
            ours.code === 'PATH_INVALID' ||
            ours.code === 'PATH_NUL',
          JSON.stringify(p),
        );
    }),
    { numRuns: 3000 },
  );
});

test('resolveWithin equals path.resolve on benign paths', () => {
  const name = fc
    .stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9 ._-]{0,20}[A-Za-z0-9_-]$/)
    .filter((s) => !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(s));
  fc.assert(
    fc.property(fc.array(fc.oneof(name, fc.constant('.')), { minLength: 1, maxLength: 30 }), (segments) => {
      const p = segments.join('/');
      assert.equal(resolveWithin(BASE, p), posix.resolve(BASE, p));
    }),
    { numRuns: 1000 },
  );
});

/** A temporary tree: base/{sub/file.txt, in -> sub, out -> outside, ...}. */
function makeTree() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-paths-')));
  const baseDir = path.join(root, 'app');
  const outside = path.join(root, 'outside');
  const sibling = path.join(root, 'app2');
  for (const dir of [baseDir, path.join(baseDir, 'sub'), outside, sibling]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(baseDir, 'sub', 'file.txt'), 'in');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(baseDir, 'sub'), path.join(baseDir, 'in'));
  fs.symlinkSync('sub/file.txt', path.join(baseDir, 'relative-in'));
  fs.symlinkSync(outside, path.join(baseDir, 'out'));
  fs.symlinkSync('../outside/secret.txt', path.join(baseDir, 'relative-out'));
  fs.symlinkSync(sibling, path.join(baseDir, 'sibling'));
  fs.symlinkSync('/', path.join(baseDir, 'root'));
  fs.symlinkSync(path.join(outside, 'not-yet'), path.join(baseDir, 'dangling-out'));
  fs.symlinkSync('loop-b', path.join(baseDir, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(baseDir, 'loop-b'));
  fs.symlinkSync(baseDir, path.join(root, 'base-link'));
  return { root, baseDir, outside };
}

// resolveWithinReal resolves POSIX paths; Windows real paths (drive letters, `\\`) are not
// supported there (docs/paths.md), and creating symlinks needs a privilege on Windows.
const POSIX_ONLY = WINDOWS && 'resolveWithinReal resolves POSIX paths; Windows paths are not supported (docs/paths.md)';

test(
  'resolveWithinReal on Windows: drive-qualified bases fail closed',
  { skip: !WINDOWS && 'Windows only' },
  async () => {
    for (const base of [os.tmpdir(), 'C:\\Windows', 'C:/Windows']) {
      await assert.rejects(resolveWithinReal(base, 'x'), (err) => {
        assert.ok(err instanceof BulwarkError, String(err));
        assert.ok(['PATH_NOT_FOUND', 'PATH_INVALID', 'PATH_ESCAPE'].includes(err.code), err.code);
        return true;
      });
    }
  },
);

test('resolveWithinReal follows symlinks and refuses those that leave the base', { skip: POSIX_ONLY }, async (t) => {
  const { root, baseDir } = makeTree();
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const ok = [
    ['sub/file.txt', path.join(baseDir, 'sub', 'file.txt')],
    ['in/file.txt', path.join(baseDir, 'sub', 'file.txt')],
    ['relative-in', path.join(baseDir, 'sub', 'file.txt')],
    ['in', path.join(baseDir, 'sub')],
    ['new-file.txt', path.join(baseDir, 'new-file.txt')],
    ['in/new/deeper.txt', path.join(baseDir, 'sub', 'new', 'deeper.txt')],
    ['', baseDir],
  ];
  for (const [input, expected] of ok) {
    assert.equal(await resolveWithinReal(baseDir, input), expected, input);
  }
  // A base reached through a symlink resolves to the real directory.
  assert.equal(
    await resolveWithinReal(path.join(root, 'base-link'), 'in/file.txt'),
    path.join(baseDir, 'sub', 'file.txt'),
  );
  for (const input of [
    'out',
    'out/secret.txt',
    'out/new.txt',
    'relative-out',
    'sibling',
    'sibling/x',
    'root/etc/passwd',
    'dangling-out',
    'dangling-out/x',
  ]) {
    await assertRejectsCode(resolveWithinReal(baseDir, input), 'PATH_ESCAPE');
  }
  // The lexical checks come first.
  await assertRejectsCode(resolveWithinReal(baseDir, '../outside/secret.txt'), 'PATH_ESCAPE');
  await assertRejectsCode(resolveWithinReal(baseDir, '/etc/passwd'), 'PATH_ABSOLUTE');
  await assertRejectsCode(resolveWithinReal(baseDir, 'a\0'), 'PATH_NUL');
  await assert.rejects(resolveWithinReal(baseDir, 1), TypeError);
  // Filesystem errors other than "not found" are not swallowed (see the next test).
  await assertRejectsCode(resolveWithinReal(baseDir, 'loop-a/x'), 'PATH_LOOP');
  await assertRejectsCode(resolveWithinReal(path.join(root, 'missing'), 'x'), 'PATH_NOT_FOUND');
  // A file used as a directory: the remaining segments are appended, still inside.
  assert.equal(await resolveWithinReal(baseDir, 'sub/file.txt/x'), path.join(baseDir, 'sub', 'file.txt', 'x'));
});

test(
  'resolveWithinReal: file-system errors are BulwarkErrors with the fs error as cause',
  { skip: POSIX_ONLY },
  async (t) => {
    const { root, baseDir } = makeTree();
    t.after(() => fs.rmSync(root, { recursive: true, force: true }));
    const fsFailure = async (promise, code, fsCode) => {
      await assert.rejects(promise, (err) => {
        assert.ok(err instanceof BulwarkError, String(err && err.stack));
        assert.equal(err.code, code);
        assert.ok(err.cause instanceof Error, 'the fs error is the cause');
        assert.equal(err.cause.code, fsCode);
        // The message names the failure, not the (possibly secret) path.
        assert.ok(!err.message.includes(root), err.message);
        return true;
      });
    };
    // A real symlink loop inside the base, reached directly and through a directory.
    fs.mkdirSync(path.join(baseDir, 'deep'));
    fs.symlinkSync('self', path.join(baseDir, 'deep', 'self'));
    await fsFailure(resolveWithinReal(baseDir, 'loop-a'), 'PATH_LOOP', 'ELOOP');
    await fsFailure(resolveWithinReal(baseDir, 'loop-b/x/y'), 'PATH_LOOP', 'ELOOP');
    await fsFailure(resolveWithinReal(baseDir, 'deep/self/file'), 'PATH_LOOP', 'ELOOP');
    // A base that does not exist, and one that is a file.
    await fsFailure(resolveWithinReal(path.join(root, 'missing'), 'x'), 'PATH_NOT_FOUND', 'ENOENT');
    await fsFailure(resolveWithinReal(path.join(root, 'missing', 'deeper'), ''), 'PATH_NOT_FOUND', 'ENOENT');
    const file = path.join(baseDir, 'sub', 'file.txt');
    await fsFailure(resolveWithinReal(path.join(file, 'x'), 'y'), 'PATH_NOT_DIRECTORY', 'ENOTDIR');
    // A segment longer than the file system accepts (255 bytes on Linux file systems).
    await fsFailure(resolveWithinReal(baseDir, 'a'.repeat(257)), 'PATH_TOO_LONG', 'ENAMETOOLONG');
    await fsFailure(resolveWithinReal(baseDir, `sub/${'é'.repeat(129)}/x`), 'PATH_TOO_LONG', 'ENAMETOOLONG');
    // Missing segments are still not errors, and a 255-byte name is fine.
    const longest = 'b'.repeat(255);
    assert.equal(await resolveWithinReal(baseDir, longest), path.join(baseDir, longest));
  },
);

test('decodePathSegment: decodes once, refuses encoded structure', () => {
  const ok = [
    ['plain.txt', 'plain.txt'],
    ['a%20b', 'a b'],
    ['caf%C3%A9', 'café'],
    ['a+b', 'a+b'],
    ['', ''],
    ['...', '...'],
    ['100%25', '100%'],
    ['%25zz', '%zz'],
  ];
  for (const [input, expected] of ok) assert.equal(decodePathSegment(input), expected, input);
  const bad = [
    ['..', 'PATH_ESCAPE'],
    ['%2e%2e', 'PATH_ESCAPE'],
    ['%2E.', 'PATH_ESCAPE'],
    ['\uff0e\uff0e', 'PATH_ESCAPE'],
    ['%ef%bc%8e%ef%bc%8e', 'PATH_ESCAPE'],
    ['\u2025', 'PATH_ESCAPE'],
    ['.', 'PATH_INVALID'],
    ['a/b', 'PATH_INVALID'],
    ['a\\b', 'PATH_INVALID'],
    ['..%2f..', 'PATH_INVALID'],
    ['%5c', 'PATH_INVALID'],
    ['%', 'PATH_INVALID'],
    ['%zz', 'PATH_INVALID'],
    ['%c0%ae%c0%ae', 'PATH_INVALID'],
    ['%c0%af', 'PATH_INVALID'],
    ['%e0%80%ae', 'PATH_INVALID'],
    ['%ed%a0%80', 'PATH_INVALID'],
    ['%252e%252e', 'PATH_INVALID'],
    ['a\uff0fb', 'PATH_INVALID'],
    ['\uff05\uff12\uff45', 'PATH_INVALID'],
    ['%00', 'PATH_NUL'],
    ['a\0', 'PATH_NUL'],
  ];
  for (const [input, code] of bad) assertCode(() => decodePathSegment(input), code);
  assertCode(() => decodePathSegment('a\ud800'), 'INVALID_UNICODE');
  assert.throws(() => decodePathSegment(null), TypeError);
  assert.equal(decodePathSegment('%41'.repeat(350_000)), 'A'.repeat(350_000));
  assertCode(() => decodePathSegment('%c0%ae'.repeat(200_000)), 'PATH_INVALID');
});

test('decodePathSegment agrees with decodeURIComponent and never yields structure', () => {
  const pieces = [
    '%',
    '2',
    'e',
    'E',
    'f',
    'F',
    '5',
    'c',
    'C',
    '0',
    'a',
    'x',
    '.',
    '/',
    '\\',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '%c0%ae',
    '%c0',
    '%ae',
    '%25',
    '%00',
    'é',
    '\uff0e',
    '\uff0f',
    '%ef%bc%8e',
    '%e2%80%a5',
    '%c3%a9',
    '%f0%9f%98%80',
    '+',
    ' ',
    '%20',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')),
      (input) => {
        const ours = outcome(() => decodePathSegment(input));
        let reference;
        try {
          reference = decodeURIComponent(input);
        } catch {
          assert.ok(ours.code, `decodeURIComponent throws for ${input}, so must we`);
          return;
        }
        if (ours.value === undefined) return;
        assert.equal(ours.value, reference, input);
        for (const form of [ours.value, ours.value.normalize('NFKC')]) {
          assert.ok(
            !/[/\\\0]/.test(form) && form !== '.' && form !== '..' && !/%[0-9a-f]{2}/i.test(form),
            `${input} -> ${form}`,
          );
        }
      },
    ),
    { numRuns: 3000 },
  );
});

const DEVICE =
  /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]) *(\.|$)/i;

test('sanitizeFilename: tables', () => {
  const cases = [
    ['photo.jpg', 'photo.jpg'],
    ['../../etc/passwd', 'etcpasswd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['a<b>c:d"e|f?g*h', 'abcdefgh'],
    ['tab\there\nnew\u007f\u0085', 'tabherenew'],
    ['.htaccess', 'htaccess'],
    ['name. . ', 'name'],
    ['con', '_con'],
    ['Con.txt', '_Con.txt'],
    ['nul .tar.gz', '_nul .tar.gz'],
    ['console', 'console'],
    ['évian café 😀.txt', 'évian café 😀.txt'],
    ['a\uff0fb\uff0e\uff0ec', 'abc'],
    ['x\u202egpj.exe', 'xgpj.exe'],
    ['', '_'],
    ['.', '_'],
    ['..', '_'],
    ['  ', '_'],
    ['///', '_'],
    ['a\ud800b', 'a\ufffdb'],
  ];
  for (const [input, expected] of cases) assert.equal(sanitizeFilename(input), expected, JSON.stringify(input));
  assert.equal(sanitizeFilename('.env', { allowDotfiles: true }), '.env');
  assert.equal(sanitizeFilename('a/b\\c', { replacement: '-' }), 'a-b-c');
  assert.equal(sanitizeFilename('..', { fallback: 'upload' }), 'upload');
  const long = sanitizeFilename(`${'é'.repeat(300)}.pdf`);
  assert.ok(Buffer.byteLength(long) <= 255 && long.endsWith('.pdf') && long.isWellFormed());
  assert.equal(sanitizeFilename('😀'.repeat(100)), '😀'.repeat(63));
  assert.equal(sanitizeFilename(`con${' '.repeat(300)}x.txt`), '_con.txt');
  assert.equal(sanitizeFilename('abcdefgh.txt', { maxBytes: 5 }), 'a.txt');
  assert.equal(sanitizeFilename('/\u202e.'.repeat(400_000)), '_');
  assert.equal(Buffer.byteLength(sanitizeFilename('ab'.repeat(500_000))), 255);
});

test('sanitizeFilename: options and types', () => {
  for (const options of [
    { replacement: '/' },
    { replacement: '\uff0f' },
    { fallback: '' },
    { fallback: '..' },
    { fallback: 'con' },
    { fallback: 'abcdef', maxBytes: 3 },
  ]) {
    assertCode(() => sanitizeFilename('x', options), 'INVALID_OPTIONS');
  }
  for (const options of [
    { maxBytes: 0 },
    { maxBytes: 256 },
    { replacement: 1 },
    { fallback: '\ud800' },
    { allowDotfiles: 1 },
    { unknown: true },
  ]) {
    assertCode(() => sanitizeFilename('x', options), 'INVALID_OPTIONS');
  }
  assert.throws(() => sanitizeFilename(undefined), TypeError);
  assert.throws(() => sanitizeFilename({ toString: () => 'x' }), TypeError);
  Object.prototype.allowDotfiles = true;
  try {
    assert.equal(sanitizeFilename('.env', {}), 'env');
  } finally {
    delete Object.prototype.allowDotfiles;
  }
});

test('sanitizeFilename: generated names come out safe and stable', () => {
  const specials = [
    '/',
    '\\',
    '.',
    '..',
    ' ',
    ':',
    '*',
    '?',
    '"',
    '<',
    '>',
    '|',
    '\0',
    '\u007f',
    '\u0085',
    '\u202e',
    '\u2066',
    '\uff0e',
    '\uff0f',
    '\uff3c',
    '\u2024',
    '\u2025',
    'con',
    'CON',
    'nul',
    'com1',
    'lpt\u00b9',
    'é',
    '😀',
    'a',
    'txt',
  ];
  fc.assert(
    fc.property(
      codeUnitString(specials, 120),
      fc.record({
        replacement: fc.constantFrom('', '_', '-'),
        allowDotfiles: fc.boolean(),
        maxBytes: fc.integer({ min: 8, max: 255 }),
      }),
      (name, options) => {
        const out = sanitizeFilename(name, options);
        assert.ok(!['', '.', '..'].includes(out), JSON.stringify(name));
        assert.ok(Buffer.byteLength(out) <= options.maxBytes && out.isWellFormed());
        assert.ok(!/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out), JSON.stringify(out));
        assert.ok(!/[/\\]/.test(out.normalize('NFKC')));
        assert.ok(!/[. ]$/.test(out) && !DEVICE.test(out), JSON.stringify(out));
        if (!options.allowDotfiles) assert.ok(!out.startsWith('.'));
        assert.equal(sanitizeFilename(out, options), out, 'idempotent');
        const { replacement, fallback, maxBytes, allowDotfiles } = options;
        const core = binding.sanitizeFilename(name.toWellFormed(), replacement, fallback, maxBytes, allowDotfiles);
        assert.equal(core, out, 'core agrees');
      },
    ),
    { numRuns: 2000 },
  );
});

test('errors are BulwarkErrors with stable codes', () => {
  try {
    resolveWithin(BASE, '..');
    assert.fail('must throw');
  } catch (err) {
    assert.ok(err instanceof BulwarkError);
    assert.equal(err.code, 'PATH_ESCAPE');
  }
});
