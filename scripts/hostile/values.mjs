// Hostile values for the fuzzer (scripts/fuzz.mjs). Every arbitrary here yields a *recipe*:
// a function that builds a fresh value each time it is called, printed by its description.
// A fresh value per call matters: the same case runs on the native and the WASM backend
// (and again without prototype pollution), and a Proxy, a getter or a cycle must not carry
// state from one run into the next. Huge strings are built once per worker and cached.
import fc from 'fast-check';

/** A recipe: `build()` makes the value; fast-check prints `desc` for a counterexample. */
export function recipe(desc, build) {
  const r = () => build();
  r[fc.toStringMethod] = () => desc;
  r.desc = desc;
  return r;
}

/** A recipe for a primitive or any value that is safe to share (immutable). */
export const constant = (value, desc = fc.stringify(value)) => recipe(desc, () => value);

/** The error our own getters, traps and callbacks throw; propagating it is correct. */
export class FuzzThrow extends Error {
  constructor(where) {
    super(`fuzz: thrown by ${where}`);
    this.name = 'FuzzThrow';
  }
}

// Fragments that reach the interesting paths of each parser, joined at random.
const TOKENS = [
  ...['<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?xml', '&', '&amp;', '&#', '&#x'],
  ...['&#106;', '&#x6A;', '&lt;', '&quot', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="'],
  ...['<svg><style>', '<math><mi><mglyph>', '<table><td>', '<template>', '<textarea>', '<q cite="', '<iframe'],
  ...[' srcset="a 1x, javascript:alert(1) 2x"', ' style="x:expression(1)"', ' on', '=', '"', "'", '`', ' ', '\t'],
  ...['javascript:', 'JaVa\tScRiPt:', 'vbscript:', 'data:text/html,', 'http://', 'https://', '//', 'file:///', '\\\\'],
  ...['{', '}', '[', ']', ':', ',', '"__proto__"', '"constructor"', '"prototype"', 'true', 'null', '1e999', '-0'],
  ...['"\\u0000"', '"\\ud800"', '\\', '"$where"', '"$gt"', '"a.b"', '.', '..', '../', '..\\', '/', '%2e', '%2f'],
  ...['%5c', '%00', '%', '%zz', '%c0%ae', 'C:', 'CON', 'NUL.txt', '~', '@', 'user:pass@', '[', '::1', '[::ffff:'],
  ...['127.0.0.1', '0x7f.1', '2130706433', '017700000001', '169.254.169.254', '10.0.0.1', 'fe80::1%eth0', 'localhost'],
  ...['example.com', 'xn--', 'a', 'Z', '0', '9', '-', '_', '+', '=', 'ab.cd', '$argon2id$v=19$m=8,t=1,p=1$'],
  ...['\0', '\u0001', '\u007f', '\u0085', '\u00a0', '\u200b', '\u2028', '\u202e', '\ufeff', '\ufffd', 'é', 'e\u0301'],
  ...['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\ud83d', 'ﬁ', 'İ', 'ß', 'Ω', '١', '𝟘'],
];

/** One token from the dictionary. */
export const token = fc.constantFrom(...TOKENS);

/** Short strings: raw code units (lone surrogates included), or dictionary tokens joined. */
export const shortString = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }) },
  { weight: 4, arbitrary: fc.array(token, { maxLength: 14 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a', '0', 'true', '__proto__', 'constructor', 'toString') },
);

const hugeCache = new Map();
/** A string of `mib` MiB made of `unit` repeated (cached: building 16 MiB costs time). */
function huge(unit, mib) {
  const key = `${mib}:${unit}`;
  let s = hugeCache.get(key);
  if (s === undefined) {
    const u = unit.length === 0 ? 'a' : unit;
    s = u.repeat(Math.ceil((mib * 1048576) / u.length));
    if (hugeCache.size > 6) hugeCache.clear();
    hugeCache.set(key, s);
  }
  return s;
}

/** 1 to 16 MiB of one token (or a worst-case shape: nesting, escapes, surrogates). */
export const hugeString = fc
  .tuple(
    fc.oneof(token, fc.constantFrom('<', '<a>', '<b><i>', '&', '[', '{"a":', '\\', '%2e%2e/', '\ud800', 'a')),
    fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 2 }) }, fc.integer({ min: 1, max: 16 })),
  )
  .map(([unit, mib]) => recipe(`${fc.stringify(unit)}.repeat(to ${mib} MiB)`, () => huge(unit, mib)));

/** Strings as recipes: mostly short, sometimes huge. `rare` tunes how often huge. */
export function stringR(base = shortString, hugeWeight = 1) {
  return fc.oneof(
    { weight: 60, arbitrary: base.map((s) => constant(s)) },
    { weight: hugeWeight, arbitrary: hugeString },
  );
}

/** Strings over a domain-specific alphabet (tags, URLs, JSON...), as recipes. */
export function textR(extraTokens, hugeWeight = 1) {
  const t = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...extraTokens) }, { weight: 1, arbitrary: token });
  return stringR(
    fc.oneof({ weight: 3, arbitrary: fc.array(t, { maxLength: 16 }).map((x) => x.join('')) }, shortString),
    hugeWeight,
  );
}

const NUMBERS = [0, -0, 1, -1, 2, 5, 8, 10, 16, 36, 255, 256, 1e3, 65535, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32];
export const number = fc.oneof(
  fc.constantFrom(...NUMBERS, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, 5e-324, 0.5, -1.5),
  fc.integer({ min: -100, max: 100 }),
  fc.double(),
);

const primitive = fc.oneof(
  { weight: 3, arbitrary: stringR(shortString, 0) },
  { weight: 2, arbitrary: number.map((n) => constant(n)) },
  fc.constantFrom(
    constant(undefined),
    constant(null),
    constant(true),
    constant(false),
    constant(0n),
    constant(-(2n ** 70n)),
    recipe('Symbol("s")', () => Symbol('s')),
    constant(Symbol.iterator, 'Symbol.iterator'),
  ),
);

/** Keys that matter to JS code that walks objects. */
export const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$gt', '$where', 'a.b', 'a', 'b', '0', '1', 'length'),
  fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'then', '', ' ', '\ud800', 'x'.repeat(300)),
  fc.string({ maxLength: 6 }),
);

/** An object built from entries with defineProperty (so "__proto__" is an own key). */
function objectFrom(entries, proto) {
  const o = Object.create(proto);
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

function detachedBuffer(len) {
  const ab = new ArrayBuffer(len);
  const view = new Uint8Array(ab);
  structuredClone(ab, { transfer: [ab] });
  return { ab, view };
}

/** Bytes in every form a caller can hand over, detached and shared ones included. */
export const bytesR = fc
  .tuple(
    fc.constantFrom(
      'Buffer',
      'Uint8Array',
      'ArrayBuffer',
      'DataView',
      'Uint16Array',
      'Float64Array',
      'subarray',
      'shared',
      'detachedView',
      'detachedBuffer',
      'resizable',
    ),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(token, { maxLength: 6 }).map((t) => t.join('')),
    ),
  )
  .map(([kind, text]) =>
    recipe(`${kind}(${fc.stringify(text)})`, () => {
      const bytes = Buffer.from(text, 'utf8');
      switch (kind) {
        case 'Buffer':
          return Buffer.from(bytes);
        case 'Uint8Array':
          return new Uint8Array(bytes);
        case 'ArrayBuffer':
          return new Uint8Array(bytes).buffer;
        case 'DataView':
          return new DataView(new Uint8Array(bytes).buffer);
        case 'Uint16Array':
          return new Uint16Array(new Uint8Array(bytes.length & ~1).buffer);
        case 'Float64Array':
          return new Float64Array(2);
        case 'subarray': {
          const u = new Uint8Array(bytes.length + 4);
          u.set(bytes, 2);
          return u.subarray(2, 2 + bytes.length);
        }
        case 'shared': {
          const u = new Uint8Array(new SharedArrayBuffer(bytes.length));
          u.set(bytes);
          return u;
        }
        case 'detachedView':
          return detachedBuffer(bytes.length + 1).view;
        case 'detachedBuffer':
          return detachedBuffer(bytes.length + 1).ab;
        default: {
          const ab = new ArrayBuffer(bytes.length, { maxByteLength: bytes.length + 64 });
          const u = new Uint8Array(ab);
          u.set(bytes);
          return u;
        }
      }
    }),
  );

function deep(kind, depth) {
  let v = kind === 'array' ? [] : kind === 'string' ? 'x' : {};
  for (let i = 0; i < depth; i += 1) {
    if (kind === 'array') v = [v];
    else if (kind === 'nullproto') v = objectFrom([['a', v]], null);
    else if (kind === 'string') v = [v, 'x'];
    else v = { a: v };
  }
  return v;
}

/** Values nested 1e3 to 1e5 deep. */
export const deepR = fc
  .tuple(fc.constantFrom('array', 'object', 'nullproto', 'string'), fc.constantFrom(1000, 10000, 100000))
  .map(([kind, depth]) => recipe(`deep ${kind} x${depth}`, () => deep(kind, depth)));

/** Objects and arrays that contain themselves. */
export const cyclicR = fc.constantFrom(
  recipe('o = {a: 1}; o.self = o', () => {
    const o = { a: 1 };
    o.self = o;
    return o;
  }),
  recipe('a = [1]; a.push(a)', () => {
    const a = [1];
    a.push(a);
    return a;
  }),
  recipe('x = {}; y = {x}; x.y = y', () => {
    const x = {};
    x.y = { x };
    return x;
  }),
  recipe('o = {a: {b: {}}}; o.a.b.c = o.a', () => {
    const o = { a: { b: {} } };
    o.a.b.c = o.a;
    return o;
  }),
);

/** Objects whose reads throw: getters, and Proxies with throwing or lying traps. */
export const trapR = fc
  .tuple(
    fc.constantFrom('getter', 'proxyGet', 'proxyOwnKeys', 'proxyLyingKeys', 'proxyGetProto', 'proxyArray', 'proxyAll'),
    key,
  )
  .map(([kind, k]) =>
    recipe(`${kind}(${fc.stringify(k)})`, () => {
      const thrower = (where) => () => {
        throw new FuzzThrow(where);
      };
      switch (kind) {
        case 'getter': {
          const o = { a: 1 };
          Object.defineProperty(o, k, { get: thrower(`getter ${k}`), enumerable: true, configurable: true });
          return o;
        }
        case 'proxyGet':
          return new Proxy({ [k]: 1 }, { get: thrower('get trap') });
        case 'proxyOwnKeys':
          return new Proxy({ a: 1 }, { ownKeys: thrower('ownKeys trap') });
        case 'proxyLyingKeys':
          return new Proxy({}, { ownKeys: () => [k, 'b'], getOwnPropertyDescriptor: () => undefined });
        case 'proxyGetProto':
          return new Proxy({ a: 'x' }, { getPrototypeOf: thrower('getPrototypeOf trap') });
        case 'proxyArray':
          return new Proxy(['a', 'b'], { get: (t, p) => (p === 'length' ? 2 ** 32 - 1 : Reflect.get(t, p)) });
        default: {
          const handler = new Proxy({}, { get: (_, trap) => thrower(`${String(trap)} trap`) });
          return new Proxy({}, handler);
        }
      }
    }),
  );

/** Built-ins that are objects but not plain ones. */
export const exoticR = fc.constantFrom(
  recipe('new Map([["a",1]])', () => new Map([['a', 1]])),
  recipe('new Set(["a"])', () => new Set(['a'])),
  recipe('new Date(0)', () => new Date(0)),
  recipe('new Date(NaN)', () => new Date(NaN)),
  recipe('/a|b/gi', () => /a|b/gi),
  recipe('new String("ab")', () => new String('ab')),
  recipe('new Number(1)', () => new Number(1)),
  recipe('Object(1n)', () => Object(1n)),
  recipe('Promise.resolve(1)', () => Promise.resolve(1)),
  recipe('() => "x"', () => () => 'x'),
  recipe('function throwing()', () => () => {
    throw new FuzzThrow('function');
  }),
  recipe('class {}', () => class {}),
  recipe('new Error("e")', () => new Error('e')),
  recipe('{toString, valueOf, Symbol.toPrimitive throwing}', () => ({
    toString() {
      throw new FuzzThrow('toString');
    },
    valueOf() {
      throw new FuzzThrow('valueOf');
    },
    [Symbol.toPrimitive]() {
      throw new FuzzThrow('toPrimitive');
    },
  })),
  recipe('{toString: () => "<script>"}', () => ({ toString: () => '<script>' })),
  recipe('new Array(2 ** 32 - 1)', () => new Array(2 ** 32 - 1)),
  recipe('new Array(1e6).fill("a")', () => new Array(1e6).fill('a')),
  recipe('[, "a", , "b"] (holey)', () => [, 'a', , 'b']), // eslint-disable-line no-sparse-arrays -- holes on purpose
  recipe('arguments-like {length: 3, 0: "a"}', () => ({ length: 3, 0: 'a' })),
  recipe('Object.freeze({a: 1})', () => Object.freeze({ a: 1 })),
  recipe('globalThis', () => globalThis),
  recipe('Object.prototype', () => Object.prototype),
  recipe('Array.prototype', () => Array.prototype),
);

/** Any hostile value, containers of hostile values included (bounded nesting). */
export const anyR = fc.letrec((tie) => ({
  any: fc.oneof(
    { weight: 6, arbitrary: primitive },
    { weight: 1, arbitrary: hugeString },
    { weight: 2, arbitrary: bytesR },
    { weight: 1, arbitrary: deepR },
    { weight: 1, arbitrary: cyclicR },
    { weight: 2, arbitrary: trapR },
    { weight: 2, arbitrary: exoticR },
    { weight: 2, arbitrary: tie('array') },
    { weight: 3, arbitrary: tie('object') },
  ),
  array: fc
    .array(tie('any'), { maxLength: 4, depthIdentifier: 'any' })
    .map((items) => recipe(`[${items.map((r) => r.desc).join(', ')}]`, () => items.map((r) => r()))),
  object: fc
    .tuple(
      fc.array(fc.tuple(key, tie('any')), { maxLength: 4, depthIdentifier: 'any' }),
      fc.constantFrom('plain', 'null'),
    )
    .map(([entries, proto]) =>
      recipe(
        `${proto === 'null' ? 'nullproto' : ''}{${entries.map(([k, v]) => `${fc.stringify(k)}: ${v.desc}`).join(', ')}}`,
        () =>
          objectFrom(
            entries.map(([k, v]) => [k, v()]),
            proto === 'null' ? null : Object.prototype,
          ),
      ),
    ),
})).any;

/** `plausible` most of the time, anything hostile otherwise. */
export function mostly(plausible, weight = 4) {
  return fc.oneof({ weight, arbitrary: plausible }, { weight: 1, arbitrary: anyR });
}

/** Plausible values of one shape, as recipes: booleans, integers, strings from a list. */
export const boolR = fc.boolean().map((b) => constant(b));
export const intR = (min, max) =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, number).map((n) => constant(n));
export const oneOfR = (...values) => fc.constantFrom(...values).map((v) => constant(v));
export const arrayOfR = (itemR, maxLength = 5) =>
  fc
    .array(itemR, { maxLength })
    .map((items) => recipe(`[${items.map((r) => r.desc).join(', ')}]`, () => items.map((r) => r())));

/**
 * An options object: a subset of `schema` (name -> recipe arbitrary) plus, rarely, unknown
 * keys, built as a plain object, a null-prototype object, or wrapped in a throwing getter.
 */
export function optionsR(schema, extraKeys = []) {
  const names = Object.keys(schema);
  const entry = fc.oneof(
    {
      weight: 6,
      arbitrary: names.length
        ? fc.constantFrom(...names).chain((n) => mostly(schema[n], 6).map((v) => [n, v]))
        : fc.constant(null),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.oneof(key, ...(extraKeys.length ? [fc.constantFrom(...extraKeys)] : [])), anyR),
    },
  );
  const shaped = fc
    .tuple(
      fc.uniqueArray(
        entry.filter((e) => e !== null),
        { maxLength: 4, selector: (e) => e[0] },
      ),
      fc.constantFrom('plain', 'plain', 'null', 'getter'),
    )
    .map(([entries, shape]) =>
      recipe(
        `${shape === 'plain' ? '' : `${shape}:`}{${entries.map(([k, v]) => `${k}: ${v.desc}`).join(', ')}}`,
        () => {
          const o = objectFrom(
            entries.map(([k, v]) => [k, v()]),
            shape === 'null' ? null : Object.prototype,
          );
          if (shape === 'getter') {
            Object.defineProperty(o, names[0] ?? 'x', {
              get() {
                throw new FuzzThrow('options getter');
              },
              enumerable: true,
            });
          }
          return o;
        },
      ),
    );
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: fc.constant(constant(undefined)) },
    { weight: 2, arbitrary: anyR },
  );
}
