// Types for `bulwark/express-mongo-sanitize`: express-mongo-sanitize's API over sanitizeKeys.
import type { SanitizeKeysOptions } from '../merge';

interface RequestLike {
  [key: string]: any;
}

declare function expressMongoSanitize(
  options?: Pick<SanitizeKeysOptions, 'replaceWith' | 'allowDots'> & {
    /** Report (`onSanitize`) without changing the request. */
    dryRun?: boolean;
    onSanitize?: (event: { req: RequestLike; key: 'body' | 'params' | 'headers' | 'query' }) => void;
  },
): (req: RequestLike, res: unknown, next: (err?: unknown) => void) => void;

declare namespace expressMongoSanitize {
  /** Removes (or renames) unsafe keys of `target` in place and returns it. */
  export function sanitize<T>(target: T, options?: Pick<SanitizeKeysOptions, 'replaceWith' | 'allowDots'>): T;
  /** Whether `target` holds a key `sanitize` would remove. */
  export function has(target: unknown, allowDots?: boolean): boolean;
  export { expressMongoSanitize as default };
}
export = expressMongoSanitize;
