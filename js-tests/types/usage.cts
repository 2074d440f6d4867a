// Compiled with `tsc --noEmit` by the test command: the published types must describe the
// API as CommonJS users call it.
import bulwark = require('bulwark');

const escaped: string = bulwark.escapeHtml('<b>');
const same: boolean = bulwark.timingSafeEqual('a', new Uint8Array([97]));
const backend: 'native' | 'wasm' = bulwark.backend;
const backendReason: string = bulwark.backendReason;
async function login(stored: string, password: string): Promise<boolean> {
  const ok = await bulwark.verifyPassword(stored, password, { maxMemoryCost: 65536 });
  if (ok && bulwark.needsRehash(stored, { memoryCost: 19456 })) {
    await bulwark.hashPassword(password, { memoryCost: 19456, timeCost: 2 });
  }
  return ok;
}
try {
  bulwark.hashPasswordSync('pw', { hashLength: 32 });
} catch (err) {
  if (err instanceof bulwark.BulwarkError) {
    const code: bulwark.BulwarkErrorCode = err.code;
    void code;
  }
}
// @ts-expect-error: options are checked
bulwark.hashPasswordSync('pw', { memorycost: 1 });
// @ts-expect-error: numbers are not strings
bulwark.escapeHtml(1);
void [escaped, same, backend, backendReason, login];

// paths and ssrf
const inside: string = bulwark.resolveWithin('/srv/app', 'a/b.txt', { rejectWindowsForms: true, maxLength: 4096 });
const real: Promise<string> = bulwark.resolveWithinReal('/srv/app', 'a/b.txt');
const segment: string = bulwark.decodePathSegment('caf%C3%A9');
const upload: string = bulwark.sanitizeFilename('../x.txt', {
  replacement: '_',
  fallback: 'file',
  maxBytes: 200,
  allowDotfiles: false,
});
const ip: bulwark.ParsedIpAddress | null = bulwark.parseIp('0x7f.1');
const category: bulwark.IpCategory = bulwark.classifyIp('::ffff:127.0.0.1');
const checked: bulwark.UrlCheckResult = bulwark.checkUrl('https://example.com', {
  allowedHosts: ['*.example.com'],
  allowedCategories: ['public', 'loopback'],
});
const lookup: bulwark.SafeLookup = bulwark.createSafeLookup({ allowedCategories: [...bulwark.IP_CATEGORIES] });
bulwark.safeLookup('example.com', { all: true }, (err, addresses) => {
  void [err, addresses];
});
lookup('example.com', (err, address, family) => {
  void [err, address, family];
});
// @ts-expect-error: categories are checked
bulwark.checkUrl('https://example.com', { allowedCategories: ['lan'] });
void [inside, real, segment, upload, ip, category, checked.port];

// bulwark/express
import guardware = require('bulwark/express');
const onViolation: guardware.OnViolation = (event) => {
  void event.type;
};
const chain: guardware.Middleware[] = [
  guardware.json({ limit: '100kb', operators: 'strip', onViolation }),
  guardware.urlencoded({ parameterLimit: 100 }),
  guardware.guard({ mode: 'reject' }),
  guardware.validate({ body: { email: { isEmail: {}, normalizeEmail: {} }, note: { optional: true, trim: {} } } }),
];
const parseQuery: (q: string) => Record<string, unknown> = guardware.queryParser({ allowArrays: ['tag'] });
const handler: guardware.ErrorMiddleware = guardware.errorHandler({ expose: false });
// @ts-expect-error: operators is 'reject' | 'strip' | 'allow'
guardware.json({ operators: 'maybe' });
void [chain, parseQuery, handler];

// bulwark/express: events, validate() rules, req.valid, error codes (issue 8)
const logEvent: guardware.OnViolation = (event) => {
  const many: number = event.count;
  const first: string[] = event.paths;
  const where: guardware.RequestLocation = event.location;
  void [many, first, where, event.path, event.detail];
};
const signupRules = guardware.validate(
  {
    body: {
      'user.email': { isEmail: { allow_display_name: false }, normalizeEmail: true, errorMessage: 'bad email' },
      'items.*.name': { trim: true, isLength: { options: { min: 1, max: 50 }, errorMessage: (v, { path }) => path } },
      tags: { optional: { nullable: true }, toArray: true, isArray: { min: 1, max: 5 }, isAlpha: true },
      price: { isFloat: { min: 0 } },
      meta: { optional: { checkFalsy: true }, isObject: true },
      birthday: { isDate: { format: 'YYYY-MM-DD', strictMode: true } },
      role: { isIn: [['user', 'admin']], exists: true, notEmpty: true, equals: 'user', isString: true },
      nick: { custom: async (value: unknown, { req, location, path }) => Boolean(value && req && location && path) },
    },
    headers: { 'x-api-key': { isLength: { min: 8 } } },
    cookies: { session: { optional: true, isUUID: 4 } },
  },
  { onViolation: logEvent },
);
guardware.validate({
  // @ts-expect-error: a misspelt rule is a compile error
  body: { email: { isEmial: true } },
});
guardware.validate({
  // @ts-expect-error: isArray takes { min, max }
  body: { tags: { isArray: { minimum: 1 } } },
});
guardware.validate({
  // @ts-expect-error: not a location
  session: { id: { isInt: true } },
});
guardware.validate({ body: { tags: { optional: { nullable: true, checkFalsy: false } } } });
// @ts-expect-error: optional takes a boolean or { nullable, checkFalsy, values }
guardware.validate({ body: { tags: { optional: { nulable: true } } } });

// Express's global Request is augmented: req.valid is known (it is TS2339 without this).
declare const expressRequest: Express.Request;
const validBody: Record<string, any> | undefined = expressRequest.valid?.body;
// @ts-expect-error: req.valid holds locations, not fields
void expressRequest.valid?.email;

// Every code the middleware passes to next() is in the exported union.
function onError(err: unknown): number {
  if (err instanceof bulwark.BulwarkError) {
    if (err.code === 'VALIDATION_FAILED' || err.code === 'OPERATOR_KEY' || err.code === 'BODY_ALREADY_READ') return 400;
    if (err.code === 'PROTOTYPE_POLLUTION' || err.code === 'TOO_MANY_KEYS' || err.code === 'BODY_TOO_LARGE') return 413;
    // @ts-expect-error: not a code
    if (err.code === 'VALIDATION_FAILD') return 0;
  }
  return 500;
}
const middlewareCode: guardware.MiddlewareErrorCode = 'TOO_MANY_PARAMETERS';
const failure: guardware.ValidationFailure = { type: 'field', location: 'body', path: 'items[0].name', msg: 'x' };
const logged: guardware.ErrorMiddleware = guardware.errorHandler({
  log: (err, req, info) => {
    const id: string = info.requestId;
    const status: number = info.status;
    void [err, req, id, status, info.code];
  },
});
void [signupRules, validBody, onError, middlewareCode, failure, logged];

// json and merge
const parsed: unknown = bulwark.parseJson(new TextEncoder().encode('{"a":1}'), {
  protoAction: 'remove',
  constructorAction: 'error',
  safe: true,
  maxDepth: 64,
  maxBytes: 1 << 20,
});
const merged: { a: number } = bulwark.merge({ a: 1 }, { b: 2 }, undefined);
const concatMerge: (target: unknown, ...sources: unknown[]) => unknown = bulwark.createMerge({
  arrays: 'concat',
  maxDepth: 32,
});
const patched: unknown = bulwark.mergePatch({ a: 1 }, { a: null }, { maxDepth: 16 });
const cleanBody: { q: string } = bulwark.sanitizeKeys({ q: 'x' }, { replaceWith: '_', allowDots: true });
const unsafePaths: Array<Array<string | number>> = bulwark.findUnsafeKeys({ $where: 1 }, { allowDots: false });
// @ts-expect-error: actions are 'error' | 'remove' | 'ignore'
bulwark.parseJson('{}', { protoAction: 'drop' });
// @ts-expect-error: arrays is 'replace' | 'concat'
bulwark.createMerge({ arrays: 'merge' });
void [parsed, merged, concatMerge, patched, cleanBody, unsafePaths];

// validators
const emailOk: boolean = bulwark.isEmail('a@b.com', { allow_display_name: true, host_blacklist: ['x.com', /^evil\./] });
const urlOk: boolean = bulwark.isURL('https://x.com', {
  protocols: ['https'],
  require_protocol: true,
  host_whitelist: false,
});
const score: number = bulwark.isStrongPassword('pw', { returnScore: true });
const strong: boolean = bulwark.isStrongPassword('pw', { minLength: 12 });
const alpha: boolean =
  bulwark.isAlpha('Straße', 'de-DE', { ignore: ' ' }) && bulwark.isIP('::1', 6) && bulwark.isUUID('x', 4);
const lengthOk: boolean = bulwark.isLength('abc', { min: 1, discreteLengths: [3] }) && bulwark.isLength('abc', 1, 5);
const signup: bulwark.CompiledValidator = bulwark.createValidator([
  'isEmail',
  { validator: 'isLength', args: [{ min: 8 }] },
]);
const failedRules: number[] = signup.check(['a@b.com', 'password']);
// @ts-expect-error: options are checked
bulwark.isInt('1', { minimum: 1 });
// @ts-expect-error: unknown validator name
bulwark.createValidator(['isEmaill']);
void [emailOk, urlOk, score, strong, alpha, lengthOk, failedRules];

// sanitizers
const trimmed: string =
  bulwark.trim(' x ') + bulwark.ltrim('--x', '-') + bulwark.rtrim('x ', null) + bulwark.stripLow('x', true);
const filtered: string = bulwark.blacklist('abc', 'a-b') + bulwark.whitelist('abc', '\\d');
const canonical: string | false = bulwark.normalizeEmail('A@gmail.com', { gmail_remove_dots: false });
const numbers: number = bulwark.toInt('ff', 16) + bulwark.toFloat('1.5') + (bulwark.toBoolean('true', true) ? 1 : 0);
const nfkc: string = bulwark.normalizeUnicode('ﬁ', 'NFKC');
// @ts-expect-error: not a normalization form
bulwark.normalizeUnicode('x', 'nfc');
// @ts-expect-error: options are checked
bulwark.normalizeEmail('a@b.com', { gmail_remove_dot: false });
void [trimmed, filtered, canonical, numbers, nfkc];

// table validators and locale lists
const phone: boolean = bulwark.isMobilePhone('+4915123456789', ['de-DE', 'fr-FR'], { strictMode: true });
const anyPhone: boolean = bulwark.isMobilePhone('+4915123456789');
const zip: boolean = bulwark.isPostalCode('10115', 'DE') && bulwark.isPostalCode('10115', 'any');
const vat: boolean = bulwark.isVAT('DE123456789', 'DE') && bulwark.isPassportNumber('123456789', 'US');
const iso: boolean = bulwark.isISO31661Alpha2('xk', { userAssignedCodes: ['XK'] }) && bulwark.isISO4217('eur');
const phoneLocale: bulwark.MobilePhoneLocale = bulwark.isMobilePhoneLocales[0];
// @ts-expect-error: locales are checked
bulwark.isPostalCode('10115', 'Germany');
// @ts-expect-error: the locale lists are read-only
bulwark.isAlphaLocales.push('xx');
const idCard: boolean = bulwark.isIdentityCard('99999999R', 'ES') && bulwark.isIdentityCard('B176944193');
const idLocale: bulwark.IdentityCardLocale = 'zh-CN';
// @ts-expect-error: identity card locales are checked
bulwark.isIdentityCard('99999999R', 'hk-HK');
void [phone, anyPhone, zip, vat, iso, phoneLocale, idCard, idLocale];
void [phone, anyPhone, zip, vat, iso, phoneLocale];

// isCurrency
const amount: boolean = bulwark.isCurrency('R 1 000,00', {
  symbol: 'R',
  thousands_separator: ' ',
  decimal_separator: ',',
  digits_after_decimal: [2],
  allow_negative_sign_placeholder: true,
});
// @ts-expect-error: digits_after_decimal is a list of counts
bulwark.isCurrency('1', { digits_after_decimal: 2 });
void amount;
