// Types for `bulwark/validator`: validator.js's default export (`validator.isEmail(...)`).
import type * as validators from '../validators';
import type * as sanitizers from '../sanitizers';
import type * as dates from '../dates';

type Validator = Omit<typeof validators, 'createValidator'> &
  typeof sanitizers &
  typeof dates & {
    /** The validator.js version this module follows. */
    readonly version: string;
    /** validator.js's escape (Bulwark's `escapeHtml`): & " ' < > / \ ` as HTML entities. */
    escape(str: string): string;
    /** validator.js's unescape (Bulwark's `unescapeHtml`). */
    unescape(str: string): string;
    /**
     * validator.js's `toString` export, which is `Object.prototype.toString` (validator.js
     * never imports its util/toString there): `'[object Object]'` when called on the module.
     */
    toString(): string;
    readonly default: Validator;
  };

declare const validator: Validator;
export = validator;
