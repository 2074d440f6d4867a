// Types for `bulwark/validator`: validator.js's default export (`validator.isEmail(...)`).
import type * as validators from '../validators';
import type * as sanitizers from '../sanitizers';

type Validator = Omit<typeof validators, 'createValidator'> &
  typeof sanitizers & {
    /** The validator.js version this module follows. */
    readonly version: string;
    /** validator.js's escape: & " ' < > / \ ` as HTML entities. */
    escape(str: string): string;
    /** The inverse of `escape`. */
    unescape(str: string): string;
    readonly default: Validator;
  };

declare const validator: Validator;
export = validator;
