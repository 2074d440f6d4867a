// The drop-in modules from ESM: default imports, as the packages they replace are imported.
import validator from 'bulwark/validator';
import sanitizeHtml from 'bulwark/sanitize-html';
import sjson from 'bulwark/secure-json-parse';
import mongoSanitize from 'bulwark/express-mongo-sanitize';
import hpp from 'bulwark/hpp';
import safeCompare from 'bulwark/tsscmp';
import * as argon2 from 'bulwark/argon2';
import pathIsInside from 'bulwark/path-is-inside';

const ok: boolean = validator.isURL('https://example.com') && safeCompare('a', 'a') && pathIsInside('/a', '/');
const clean: string = sanitizeHtml('<i>x</i>');
const parsed: unknown = sjson('{"a":1}');
const mw = [mongoSanitize(), hpp()];
const hashed: Promise<string> = argon2.hash('pw');
void [ok, clean, parsed, mw, hashed];
