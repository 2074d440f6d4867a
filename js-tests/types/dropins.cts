// The drop-in modules as a CommonJS TypeScript project imports the packages they replace.
import validator = require('bulwark/validator');
import sanitizeHtml = require('bulwark/sanitize-html');
import sjson = require('bulwark/secure-json-parse');
import mongoSanitize = require('bulwark/express-mongo-sanitize');
import hpp = require('bulwark/hpp');
import safeCompare = require('bulwark/tsscmp');
import argon2 = require('bulwark/argon2');
import pathIsInside = require('bulwark/path-is-inside');
import type { IbanLocale } from 'bulwark';

const ok: boolean = validator.isEmail('a@example.com') && validator.default.isInt('1');
const escaped: string = validator.escape('<a>') + validator.unescape('&lt;');
// @ts-expect-error: Bulwark's batch API is not part of validator.js's object
validator.createValidator(['isEmail']);
const clean: string = sanitizeHtml('<b>x</b>', { allowedTags: ['b'] });
const parsed: unknown = sjson.parse('{}', null, { protoAction: 'remove' }) ?? sjson.safeParse('{}') ?? sjson.scan({});
const mw = mongoSanitize({ replaceWith: '_', onSanitize: ({ key }) => void key });
const has: boolean = mongoSanitize.has({ $gt: 1 }) && mongoSanitize.sanitize({ a: 1 }).a === 1;
const hppMw = hpp({ whitelist: ['tags'] });
const same: boolean = safeCompare('a', 'b') && pathIsInside('/a/b', '/a');
const hashed: Promise<string> = argon2.hash('pw', {
  type: argon2.argon2id,
  secret: new TextEncoder().encode('pepper'),
});
const verified: Promise<boolean> = argon2.verify('$argon2id$...', 'pw');
// @ts-expect-error: raw hashes are not made
argon2.hash('pw', { raw: true });
void [ok, escaped, clean, parsed, mw, has, hppMw, same, hashed, verified, argon2.needsRehash('$argon2id$...')];

// validator.js's toString export (Object.prototype.toString) and ibanLocales.
const objectTag: string = validator.toString();
const ibanCountry: IbanLocale | undefined = validator.ibanLocales[0];
void [objectTag, ibanCountry];
