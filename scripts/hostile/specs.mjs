// One argument generator per export of `bulwark` and `bulwark/express` (scripts/fuzz.mjs).
// A spec is { args, kind, follow }: `args` an arbitrary of argument recipes, `kind` how the
// export is called ('call', 'construct', 'lookup' for dns.lookup-style callbacks,
// 'middleware' / 'errorMiddleware' for Express), and `follow` the call made on what it
// returns (a compiled sanitizer, validator, merge or lookup). The fuzzer refuses to run when
// an export has no spec here, so a new export cannot go unfuzzed.
import { types } from 'node:util';
import fc from 'fast-check';
import {
  anyR,
  arrayOfR,
  boolR,
  bytesR,
  constant,
  FuzzThrow,
  intR,
  mostly,
  oneOfR,
  optionsR,
  recipe,
  stringR,
  textR,
} from './values.mjs';

/** An own data property of a built value, never running a getter or a Proxy trap. */
function ownData(value, name) {
  if (value === null || typeof value !== 'object' || types.isProxy(value)) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, name);
  return d !== undefined && 'value' in d ? d.value : undefined;
}
const isPlainOrNull = (o) => {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
};

const S = mostly(stringR(), 8);
const html = mostly(
  textR(['<p>', '</p>', '<b>', '<a href="javascript:x">', '<img src="x">', '<div', ' class="c"', '<style>', '<br/>']),
  8,
);
const url = mostly(
  textR(['http://', 'https://', 'ftp://', '[::1]', '127.1', ':80', '/p?q#f', '@', '%40', '0x7f.0.0.1']),
  8,
);
const pathStr = mostly(textR(['..', '/', '\\', 'a', '%2e%2e', 'link', 'loop/', 'dir/', 'file.txt', 'C:\\', '\0']), 8);
const json = mostly(
  textR(['{"a":', '"__proto__":{"x":1}', '{"constructor":{"prototype":{}}}', '1', '"s"', '}', ']']),
  8,
);
const email = mostly(textR(['a', '.', '+', '@', 'gmail.com', 'GoogleMail.com', '"q"', 'x@y', '[1.2.3.4]', 'ß']), 8);
const bytesLike = fc.oneof(S, bytesR);
const tags = arrayOfR(oneOfR('p', 'b', 'a', 'img', 'script', 'style', 'div', 'table', 'span', 'svg', 'math', 'q', ''));
const attrMap = fc.constantFrom(
  recipe('{a: ["href"], img: ["src", "srcset"], q: ["cite"]}', () => ({
    a: ['href'],
    img: ['src', 'srcset'],
    q: ['cite'],
  })),
  recipe('{"*": ["style", "class", "onclick"]}', () => ({ '*': ['style', 'class', 'onclick'] })),
  recipe('nullproto{__proto__: ["href"]}', () => Object.assign(Object.create(null), { ['__proto__']: ['href'] })),
);
const schemes = arrayOfR(oneOfR('http', 'https', 'mailto', 'javascript', 'data', 'JAVASCRIPT', '', 'a b'));
const htmlOptions = optionsR({
  allowedTags: tags,
  allowedAttributes: attrMap,
  allowedSchemes: schemes,
  allowedSchemesByTag: fc.constant(recipe('{a: ["javascript"]}', () => ({ a: ['javascript'] }))),
  allowProtocolRelative: boolR,
  allowedClasses: fc.constant(recipe('{p: ["x"]}', () => ({ p: ['x'] }))),
  linkRel: fc.oneof(oneOfR(null, 'noopener', '"><script>'), S),
  stripComments: boolR,
  nonTextTags: tags,
  disallowedTagsMode: oneOfR('discard', 'escape'),
  maxDepth: intR(0, 2000),
  maxBytes: intR(0, 1 << 24),
});

// argon2 is the only deliberately slow code: costs stay tiny, or far above the caps (refused
// before any hashing). Never a default-cost hash per case.
const cheapHashOptions = optionsR({
  memoryCost: fc.oneof(oneOfR(8, 16, 64, 7, 2 ** 32, 1048577), intR(0, 64)),
  timeCost: oneOfR(1, 0, 11, 2 ** 32),
  parallelism: oneOfR(1, 2, 0, 17),
  hashLength: oneOfR(16, 32, 15, 65),
  saltLength: oneOfR(16, 15, 49),
}).filter((r) => {
  // The default cost (19 MiB, t=2) is ~50 ms native, ~0.5 s WASM per hash: only options that
  // are refused, or that name a tiny or an over-the-cap memory cost.
  const o = r();
  if (o === undefined || o === null) return false;
  if (typeof o !== 'object' || types.isProxy(o) || !isPlainOrNull(o)) return true;
  const m = ownData(o, 'memoryCost');
  return typeof m === 'number' ? !(m > 64 && m <= 1048576) : m !== undefined;
});
const phc = fc
  .tuple(
    fc.constantFrom('argon2id', 'argon2i', 'argon2d', 'argon2x', 'bcrypt'),
    fc.constantFrom('v=19$', 'v=16$', '', 'v=99$'),
    fc.constantFrom(8, 16, 64, 2 ** 32, 1048577, 0),
    fc.constantFrom(1, 2, 0, 11),
    fc.constantFrom(1, 2, 0, 17),
    fc.constantFrom('c2FsdHNhbHRzYWx0', '', 'A', '!!!!', 'c2FsdHNhbHRzYWx0'.repeat(9)),
    fc.constantFrom('aGFzaGhhc2hoYXNoaGFzaA', '', 'aGFzaA', 'aGFzaGhhc2hoYXNoaGFzaA'.repeat(4)),
  )
  .map(([alg, v, m, t, p, salt, hash]) => constant(`$${alg}$${v}m=${m},t=${t},p=${p}$${salt}$${hash}`));
const hash = fc.oneof({ weight: 4, arbitrary: phc }, S);
const verifyOptions = optionsR({ maxMemoryCost: intR(0, 64), maxTimeCost: intR(0, 3), maxParallelism: intR(0, 4) });
// Without caps, a generated hash may not ask for more than 64 KiB and 2 passes.
const verifyArgs = fc.tuple(hash, bytesLike, verifyOptions).filter(([h, , o]) => {
  const cap = ownData(o(), 'maxMemoryCost');
  if (Number.isInteger(cap) && cap <= 64) return true;
  const m = /m=(\d+),t=(\d+)/.exec(h.desc);
  return m === null || Number(m[1]) > 1048576 || (Number(m[1]) <= 64 && Number(m[2]) <= 2);
});

const categories = arrayOfR(oneOfR('public', 'private', 'loopback', 'linkLocal', 'nope', 'unspecified'));
/** Fake resolvers for createSafeLookup: no real DNS ever. */
const resolver = fc.constantFrom(
  recipe('lookup answers [93.184.216.34, 10.0.0.1]', () => (h, o, cb) => {
    cb(null, [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ]);
  }),
  recipe('lookup answers public only', () => (h, o, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }])),
  recipe('lookup answers a string', () => (h, o, cb) => cb(null, '127.0.0.1', 4)),
  recipe('lookup answers garbage', () => (h, o, cb) => cb(null, [{ address: 7 }, null])),
  recipe('lookup answers []', () => (h, o, cb) => cb(null, [])),
  recipe(
    'lookup answers 1e5 addresses',
    () => (h, o, cb) => cb(null, new Array(1e5).fill({ address: '8.8.8.8', family: 4 })),
  ),
  recipe('lookup fails ENOTFOUND', () => (h, o, cb) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }))),
  recipe('lookup throws', () => () => {
    throw new FuzzThrow('lookup');
  }),
);
const lookupOptions = fc.oneof(
  optionsR({ all: boolR, family: oneOfR(0, 4, 6, 'IPv4', 'IPv6', 5), hints: intR(0, 64), verbatim: boolR }),
  oneOfR(4, 6, 0),
);
const host = mostly(textR(['example.com', 'localhost', '127.0.0.1', 'metadata.google.internal', '::1', 'a..b']), 8);

const validatorOptions = (extra = {}) =>
  optionsR({
    min: intR(-5, 20),
    max: intR(-5, 20),
    lt: intR(-5, 20),
    gt: intR(-5, 20),
    locale: oneOfR('en-US', 'ar', 'fr-FR', 'any', 'xx', '__proto__', 'constructor'),
    ignore: fc.oneof(oneOfR(' ', '-_'), fc.constant(recipe('/[ -]/g', () => /[ -]/g))),
    allow_leading_zeroes: boolR,
    require_tld: boolR,
    allow_underscores: boolR,
    allow_display_name: boolR,
    protocols: arrayOfR(oneOfR('http', 'https', 'ftp', 'javascript')),
    discreteLengths: arrayOfR(intR(0, 10)),
    strict: boolR,
    loose: boolR,
    returnScore: boolR,
    urlSafe: boolR,
    ...extra,
  });
const vOpts = validatorOptions();
const str1 = () => ({ args: fc.tuple(S) });
const strOpts = (opts = vOpts) => ({ args: fc.tuple(S, opts) });
const locale = mostly(oneOfR('en-US', 'ar', 'de-DE', 'any', 'nope', 'toString'), 8);
const ruleName = oneOfR('isEmail', 'isInt', 'isLength', 'isIn', 'isAlpha', 'matches', 'nope', '__proto__', 'toString');
const rule = fc.oneof(
  ruleName,
  fc
    .tuple(ruleName, arrayOfR(fc.oneof(vOpts, arrayOfR(S, 3)), 2))
    .map(([n, args]) => recipe(`{validator: ${n.desc}, args: ${args.desc}}`, () => ({ validator: n(), args: args() }))),
  anyR,
);

const mergeOptions = optionsR({ maxDepth: intR(0, 300), arrays: oneOfR('replace', 'concat', 'merge') });
const keysOptions = optionsR({ allowDots: boolR, replaceWith: oneOfR('_', '', '$', '.') });
const pathOptions = optionsR({ rejectWindowsForms: boolR, maxLength: intR(0, 5000) });
const bases = fc.oneof({ weight: 4, arbitrary: oneOfR('{fixture}', '{fixture}/dir', '{fixture}/loop', '/') }, pathStr);
const onViolation = fc.constantFrom(
  recipe('() => {}', () => () => {}),
  recipe('throwing onViolation', () => () => {
    throw new FuzzThrow('onViolation');
  }),
);
const size = fc.oneof(intR(0, 1e6), oneOfR('1kb', '100kb', '1mb', 'nope', '-1kb'));
const operators = oneOfR('reject', 'strip', 'allow', 'x');
const jsonMwOptions = optionsR({
  limit: size,
  type: fc.oneof(oneOfR('application/json', '*/*', 'text/*'), arrayOfR(oneOfR('application/json', '+json'))),
  protoAction: oneOfR('error', 'remove', 'ignore'),
  constructorAction: oneOfR('error', 'remove', 'ignore'),
  maxDepth: intR(0, 300),
  maxKeys: intR(0, 1e5),
  operators,
  onViolation,
});
const urlencodedOptions = optionsR({
  limit: size,
  type: oneOfR('application/x-www-form-urlencoded', '*/*'),
  maxDepth: intR(0, 300),
  parameterLimit: intR(0, 1e5),
  allowArrays: arrayOfR(oneOfR('tag', 'a', '__proto__')),
  operators,
  onViolation,
});
const queryOptions = optionsR({
  maxDepth: intR(0, 300),
  parameterLimit: intR(0, 1e5),
  allowArrays: arrayOfR(oneOfR('tag', 'a')),
  operators: oneOfR('strip', 'allow', 'reject'),
});
const guardOptions = optionsR({
  body: boolR,
  query: boolR,
  params: boolR,
  operators: oneOfR('reject', 'allow', 'strip'),
  mode: oneOfR('reject', 'clean', 'x'),
  maxDepth: intR(0, 300),
  maxKeys: intR(0, 1e5),
  onViolation,
});
const fieldRules = fc.oneof(
  fc.constant(recipe('{isEmail: {}, normalizeEmail: {}}', () => ({ isEmail: {}, normalizeEmail: {} }))),
  fc.constant(recipe('{isInt: {min: 1}, toInt: {}}', () => ({ isInt: { min: 1 }, toInt: {} }))),
  fc.constant(recipe('{isLength: {max: 3}, escape: true}', () => ({ isLength: { max: 3 }, escape: true }))),
  fc.constant(recipe('{nope: {}}', () => ({ nope: {} }))),
  anyR,
);
const schema = fc
  .tuple(
    oneOfR('body', 'query', 'params', '__proto__', 'headers'),
    oneOfR('email', 'n', '__proto__', 'a.b', ''),
    fieldRules,
  )
  .map(([loc, field, rules]) =>
    recipe(`{${loc.desc}: {${field.desc}: ${rules.desc}}}`, () => {
      const inner = Object.defineProperty({}, field(), { value: rules(), enumerable: true });
      return Object.defineProperty({}, loc(), { value: inner, enumerable: true });
    }),
  );
/** A request's parts for the middleware runner (scripts/hostile/run.mjs builds the request). */
const request = fc
  .tuple(
    fc.oneof(
      oneOfR('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=latin1'),
      S,
    ),
    fc.oneof(json, textR(['a=1', '&', 'a[b]=2', '__proto__[x]=1', '$gt=1', 'tag=1&tag=2', '%', '=']), bytesR),
    oneOfR('identity', 'gzip', 'br', 'x-nope', undefined),
    anyR,
  )
  .map(([type, body, encoding, parsed]) =>
    recipe(`request(type ${type.desc}, body ${body.desc}, encoding ${encoding.desc}, parsed ${parsed.desc})`, () => ({
      type: type(),
      body: body(),
      encoding: encoding(),
      parsed: parsed(),
    })),
  );
const errorArg = fc.oneof(
  fc.constantFrom(
    recipe('Error("boom")', () => new Error('boom')),
    recipe('{status: 413, code: "BODY_TOO_LARGE"}', () => Object.assign(new Error('big'), { status: 413, code: 'X' })),
    recipe('{status: "<script>", expose: true}', () => ({ status: '<script>', expose: true, message: '<b>' })),
  ),
  anyR,
);

export const specs = {
  // An Error subclass: a non-string message is converted by the engine, as `new Error(x)` does.
  BulwarkError: { kind: 'construct', args: fc.tuple(mostly(oneOfR('INTERNAL', 'PATH_ESCAPE', 'x')), stringR(), anyR) },
  escapeHtml: str1(),
  unescapeHtml: str1(),
  sanitizeHtml: { args: fc.tuple(html, htmlOptions) },
  createSanitizer: { args: fc.tuple(htmlOptions), follow: { method: 'sanitize', args: fc.tuple(html) } },
  stripTags: { args: fc.tuple(html) },
  timingSafeEqual: { args: fc.tuple(bytesLike, bytesLike) },
  hashPassword: { args: fc.tuple(bytesLike, cheapHashOptions), hashes: true },
  hashPasswordSync: { args: fc.tuple(bytesLike, cheapHashOptions), hashes: true },
  verifyPassword: { args: verifyArgs },
  verifyPasswordSync: { args: verifyArgs },
  needsRehash: {
    args: fc.tuple(hash, optionsR({ memoryCost: intR(0, 1 << 21), timeCost: intR(0, 12), hashLength: intR(0, 70) })),
  },
  setPasswordConcurrency: { args: fc.tuple(mostly(intR(1, 8))) },
  parseJson: {
    args: fc.tuple(
      fc.oneof(json, bytesR),
      optionsR({
        protoAction: oneOfR('error', 'remove', 'ignore', 'x'),
        constructorAction: oneOfR('error', 'remove', 'ignore'),
        safe: boolR,
        maxDepth: intR(0, 300),
        maxBytes: intR(0, 1 << 24),
      }),
    ),
  },
  merge: { args: fc.array(anyR, { maxLength: 4 }) },
  createMerge: { args: fc.tuple(mergeOptions), follow: { args: fc.tuple(anyR, anyR) } },
  mergePatch: { args: fc.tuple(anyR, anyR, optionsR({ maxDepth: intR(0, 300) })) },
  sanitizeKeys: { args: fc.tuple(anyR, keysOptions) },
  findUnsafeKeys: { args: fc.tuple(anyR, keysOptions) },
  resolveWithin: { args: fc.tuple(bases, pathStr, pathOptions) },
  resolveWithinReal: { args: fc.tuple(bases, pathStr, pathOptions) },
  decodePathSegment: { args: fc.tuple(pathStr) },
  sanitizeFilename: {
    args: fc.tuple(
      pathStr,
      optionsR({
        replacement: oneOfR('_', '', '/', '..', '\0'),
        fallback: oneOfR('file', '', '..'),
        maxBytes: intR(0, 300),
        allowDotfiles: boolR,
      }),
    ),
  },
  parseIp: { args: fc.tuple(url) },
  classifyIp: { args: fc.tuple(url) },
  checkUrl: {
    args: fc.tuple(
      url,
      optionsR({
        allowedSchemes: schemes,
        allowedHosts: arrayOfR(oneOfR('example.com', '*.example.com', '127.0.0.1', '')),
        allowCredentials: boolR,
        allowedCategories: categories,
      }),
    ),
  },
  safeLookup: { kind: 'lookup', args: fc.tuple(host, lookupOptions) },
  createSafeLookup: {
    args: fc.tuple(
      fc.oneof(
        optionsR({ allowedCategories: categories, lookup: resolver }),
        fc.tuple(categories, resolver).map(([c, l]) =>
          recipe(`{allowedCategories: ${c.desc}, lookup: ${l.desc}}`, () => ({
            allowedCategories: c(),
            lookup: l(),
          })),
        ),
      ),
    ),
    follow: { kind: 'lookup', args: fc.tuple(host, lookupOptions) },
  },
  IP_CATEGORIES: { kind: 'value' },
  isEmail: strOpts(validatorOptions({ allow_ip_domain: boolR, host_blacklist: arrayOfR(oneOfR('a.com', '/x/')) })),
  isURL: { args: fc.tuple(url, vOpts) },
  isFQDN: strOpts(),
  isIP: { args: fc.tuple(url, mostly(oneOfR(4, 6, '4', 0, 5))) },
  isIPRange: { args: fc.tuple(url, mostly(oneOfR(4, 6, '6'))) },
  isUUID: { args: fc.tuple(S, mostly(oneOfR(1, 4, 7, 'all', 'loose', 9, null))) },
  isInt: strOpts(),
  isFloat: strOpts(),
  isNumeric: strOpts(),
  isDecimal: strOpts(),
  isAlpha: { args: fc.tuple(S, locale, vOpts) },
  isAlphanumeric: { args: fc.tuple(S, locale, vOpts) },
  isHexadecimal: str1(),
  isBase64: strOpts(),
  isJWT: str1(),
  isISO8601: strOpts(),
  isPort: str1(),
  isSlug: str1(),
  isMongoId: str1(),
  isLength: { args: fc.tuple(S, fc.oneof(vOpts, intR(0, 10)), mostly(intR(0, 10))) },
  isByteLength: { args: fc.tuple(S, fc.oneof(vOpts, intR(0, 10)), mostly(intR(0, 10))) },
  isStrongPassword: strOpts(
    validatorOptions({ minLength: intR(0, 20), minSymbols: intR(0, 3), pointsPerUnique: intR(0, 5) }),
  ),
  isJSON: { args: fc.tuple(json, optionsR({ allow_primitives: boolR })) },
  isBoolean: strOpts(),
  isMimeType: str1(),
  isSemVer: str1(),
  isIn: { args: fc.tuple(S, fc.oneof(arrayOfR(S, 6), anyR)) },
  isISO31661Alpha2: strOpts(validatorOptions({ userAssignedCodes: arrayOfR(oneOfR('XK', 'xk', 'ß', '1A', '')) })),
  isISO31661Alpha3: strOpts(validatorOptions({ userAssignedCodes: arrayOfR(oneOfR('XXK', 'xk', '')) })),
  isISO31661Numeric: str1(),
  isISO4217: str1(),
  isISO15924: str1(),
  isISO6391: str1(),
  isMobilePhone: {
    args: fc.tuple(
      S,
      fc.oneof(locale, arrayOfR(oneOfR('de-DE', 'fr-FR', 'en-US', 'nope', '__proto__'), 3)),
      validatorOptions({ strictMode: boolR }),
    ),
  },
  isPostalCode: { args: fc.tuple(S, mostly(oneOfR('US', 'DE', 'GB', 'NL', 'IE', 'any', 'xx', 'toString'))) },
  isLicensePlate: { args: fc.tuple(S, mostly(oneOfR('de-DE', 'fi-FI', 'hu-HU', 'sv-SE', 'any', 'xx'))) },
  isPassportNumber: { args: fc.tuple(S, mostly(oneOfR('US', 'CN', 'DE', 'us', 'XX', 'constructor'))) },
  isVAT: { args: fc.tuple(S, mostly(oneOfR('DE', 'AU', 'CH', 'PT', 'GB', 'de', '__proto__'))) },
  isAlphaLocales: { kind: 'value' },
  isAlphanumericLocales: { kind: 'value' },
  isFloatLocales: { kind: 'value' },
  isMobilePhoneLocales: { kind: 'value' },
  isPostalCodeLocales: { kind: 'value' },
  passportNumberLocales: { kind: 'value' },
  ibanLocales: { kind: 'value' },
  contains: { args: fc.tuple(S, fc.oneof(S, anyR), optionsR({ ignoreCase: boolR, minOccurrences: intR(-1, 5) })) },
  equals: { args: fc.tuple(S, fc.oneof(S, anyR)) },
  isEmpty: { args: fc.tuple(S, optionsR({ ignore_whitespace: boolR })) },
  isAscii: str1(),
  isLowercase: str1(),
  isUppercase: str1(),
  isFullWidth: str1(),
  isHalfWidth: str1(),
  isVariableWidth: str1(),
  isMultibyte: str1(),
  isSurrogatePair: str1(),
  isWhitelisted: { args: fc.tuple(S, fc.oneof(S, arrayOfR(S, 6), anyR)) },
  isOctal: str1(),
  isMD5: str1(),
  isHash: { args: fc.tuple(S, mostly(oneOfR('md5', 'sha1', 'sha512', 'crc32', 'sha3', 'constructor', null))) },
  isBase32: { args: fc.tuple(S, optionsR({ crockford: boolR })) },
  isBase58: str1(),
  isULID: str1(),
  isDivisibleBy: { args: fc.tuple(S, mostly(oneOfR(2, 0, -3, '5', 'x', null, 1.5))) },
  isHexColor: { args: fc.tuple(S, optionsR({ require_hashtag: boolR })) },
  isRgbColor: { args: fc.tuple(S, fc.oneof(boolR, optionsR({ allowSpaces: boolR, includePercentValues: boolR }))) },
  isHSL: str1(),
  isLatLong: { args: fc.tuple(S, optionsR({ checkDMS: boolR })) },
  isMACAddress: { args: fc.tuple(S, optionsR({ eui: oneOfR('48', '64', 48, 32), no_separators: boolR })) },
  isDataURI: str1(),
  isMagnetURI: str1(),
  isMailtoURI: strOpts(validatorOptions({ allow_display_name: boolR, require_tld: boolR })),
  isRFC3339: str1(),
  isTime: {
    args: fc.tuple(
      fc.oneof(S, anyR),
      optionsR({ hourFormat: oneOfR('hour12', 'hour24', 'x'), mode: oneOfR('default', 'withSeconds', 'y') }),
    ),
  },
  isLocale: str1(),
  matches: {
    args: fc.tuple(
      S,
      fc.oneof(
        fc.constantFrom(
          recipe('/^a+$/', () => /^a+$/),
          // A pattern that backtracks in V8: the library must not run it there.
          // eslint-disable-next-line security/detect-unsafe-regex -- a hostile input on purpose
          recipe('/(a+)+$/', () => /(a+)+$/),
          recipe('/\\p{L}/u', () => /\p{L}/u),
          recipe('/a/y', () => /a/y),
        ),
        mostly(oneOfR('^a', '(a+)+$', '[', '(?<n>a)\\k<n>', '\\', 'a{99999}')),
      ),
      mostly(oneOfR('i', 'g', 'm', 'u', 'x', 'ii', '')),
    ),
  },
  isLuhnNumber: str1(),
  isCreditCard: strOpts(
    optionsR({ provider: oneOfR('visa', 'AMEX', '', 'nope', 'constructor', '__proto__', 1, null) }),
  ),
  isIMEI: strOpts(optionsR({ allow_hyphens: boolR })),
  isEAN: str1(),
  isISBN: { args: fc.tuple(S, mostly(oneOfR(10, 13, '10', '13', 11, 0, '', null, {}, { version: 13 }))) },
  isISSN: strOpts(optionsR({ require_hyphen: boolR, case_sensitive: boolR })),
  isISIN: str1(),
  isIBAN: strOpts(
    optionsR({
      whitelist: arrayOfR(oneOfR('DE', 'GB', 'US', 'de', '__proto__'), 3),
      blacklist: arrayOfR(oneOfR('DE', 'x'), 2),
    }),
  ),
  isAbaRouting: str1(),
  isISRC: str1(),
  isISO6346: str1(),
  isFreightContainerID: str1(),
  isBtcAddress: str1(),
  isEthereumAddress: str1(),
  isBIC: str1(),
  isDate: {
    args: fc.tuple(
      fc.oneof(mostly(textR(['2024', '/', '-', '.', '02', '29', '1', '(']), 8), anyR),
      fc.oneof(
        optionsR({
          format: oneOfR('YYYY/MM/DD', 'DD.MM.YY', 'M-D-YYYY', 'YYYYMMDD', 'x'),
          delimiters: arrayOfR(oneOfR('/', '-', '.', '', 'ab')),
          strictMode: boolR,
        }),
        oneOfR('DD/MM/YYYY', 'x'),
      ),
    ),
  },
  toDate: str1(),
  isBefore: { args: fc.tuple(S, fc.oneof(optionsR({ comparisonDate: S }), S, anyR)) },
  isAfter: { args: fc.tuple(S, fc.oneof(optionsR({ comparisonDate: S }), S, anyR)) },
  isIdentityCard: { args: fc.tuple(S, mostly(oneOfR('ES', 'zh-CN', 'zh-HK', 'any', 'es', 'toString'))) },
  isTaxID: {
    args: fc.oneof(
      fc.tuple(S),
      fc.tuple(S, mostly(oneOfR('en-US', 'de-DE', 'sv-SE', 'it-IT', 'pt-BR', 'es-AR', 'xx', 'toString'))),
    ),
  },
  isCurrency: strOpts(
    optionsR({
      symbol: oneOfR('$', '€', 'kr.', '$$', '', '\ud800', 'a'.repeat(40)),
      require_symbol: boolR,
      symbol_after_digits: boolR,
      allow_negatives: boolR,
      parens_for_negatives: boolR,
      negative_sign_before_digits: boolR,
      negative_sign_after_digits: boolR,
      allow_negative_sign_placeholder: boolR,
      allow_space_after_symbol: boolR,
      allow_space_after_digits: boolR,
      thousands_separator: oneOfR(',', '.', ' ', '', 'd'),
      decimal_separator: oneOfR('.', ',', '|'),
      allow_decimal: boolR,
      require_decimal: boolR,
      digits_after_decimal: arrayOfR(oneOfR(0, 2, 3, 101, -1, 1.5, '2'), 3),
    }),
  ),
  createValidator: {
    args: fc.tuple(fc.oneof(arrayOfR(rule, 4), anyR)),
    follow: { method: 'check', args: fc.tuple(fc.oneof(arrayOfR(S, 4), anyR)) },
  },
  trim: { args: fc.tuple(S, mostly(oneOfR(' ', 'x', '\ud800', null, ']', '\\'))) },
  ltrim: { args: fc.tuple(S, mostly(oneOfR(' ', 'x', '\ud800', null, '^'))) },
  rtrim: { args: fc.tuple(S, mostly(oneOfR(' ', 'x', '\ud800', null, '-'))) },
  stripLow: { args: fc.tuple(S, mostly(boolR)) },
  blacklist: { args: fc.tuple(S, mostly(oneOfR('<>', 'a-z', '\\', ']', '\ud800', ''))) },
  whitelist: { args: fc.tuple(S, mostly(oneOfR('a-z', '^', '\\w', ']', '\ud800', ''))) },
  normalizeEmail: {
    args: fc.tuple(
      email,
      optionsR({ gmail_remove_dots: boolR, all_lowercase: boolR, gmail_convert_googlemaildotcom: boolR }),
    ),
  },
  toInt: { args: fc.tuple(S, mostly(oneOfR(10, 16, 2, 36, 0, 1, 37, null))) },
  toFloat: str1(),
  toBoolean: { args: fc.tuple(S, mostly(boolR)) },
  normalizeUnicode: { args: fc.tuple(S, mostly(oneOfR('NFC', 'NFD', 'NFKC', 'NFKD', 'nfc', 'x'))) },
};

export const expressSpecs = {
  json: { args: fc.tuple(jsonMwOptions), follow: { kind: 'middleware', args: fc.tuple(request) } },
  urlencoded: { args: fc.tuple(urlencodedOptions), follow: { kind: 'middleware', args: fc.tuple(request) } },
  queryParser: {
    args: fc.tuple(queryOptions),
    follow: { args: fc.tuple(mostly(textR(['a=1', '&', 'a[b]=2', '__proto__[x]=1', '$gt=1', 'a[]=1']), 8)) },
  },
  guard: { args: fc.tuple(guardOptions), follow: { kind: 'middleware', args: fc.tuple(request) } },
  validate: {
    args: fc.tuple(fc.oneof(schema, anyR), optionsR({ onViolation })),
    follow: { kind: 'middleware', args: fc.tuple(request) },
  },
  errorHandler: {
    args: fc.tuple(optionsR({ expose: boolR, log: onViolation })),
    follow: { kind: 'errorMiddleware', args: fc.tuple(errorArg, request) },
  },
};

/** Exports that are not fuzzed: strings naming the backend in use, different by design. */
export const notCompared = new Set(['backend', 'backendReason']);
