// The ESM view of the same types: named exports and the default export.
import bulwark, { escapeHtml, BulwarkError, type HashPasswordOptions } from 'bulwark';

const options: HashPasswordOptions = { memoryCost: 19456 };
const a: string = escapeHtml('<');
const b: string = bulwark.unescapeHtml('&lt;');
const c: Promise<string> = bulwark.hashPassword('pw', options);
const err: BulwarkError = new BulwarkError('INVALID_HASH', 'x');
// @ts-expect-error: not a code
new BulwarkError('NOPE', 'x');
void [a, b, c, err];

// bulwark/express from ESM: the same rule names are checked.
import guard from 'bulwark/express';
const profileRules = guard.validate({ body: { 'user.email': { isEmail: true } } });
// @ts-expect-error: a misspelt rule is a compile error
guard.validate({ body: { 'user.email': { isEmial: true } } });
void profileRules;
