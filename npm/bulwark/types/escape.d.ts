// HTML escaping (lib/escape.js).

/**
 * Replaces `&`, `"`, `'`, `<`, `>`, `/`, `\` and `` ` `` with HTML entities, exactly as
 * validator.js `escape` does. Lone surrogates pass through unchanged, as there.
 * @throws {TypeError} when `input` is not a string.
 */
export declare function escapeHtml(input: string): string;

/**
 * Reverses {@link escapeHtml}'s eight entities and no others, exactly as validator.js
 * `unescape` does (`&amp;lt;` becomes `&lt;`).
 * @throws {TypeError} when `input` is not a string.
 */
export declare function unescapeHtml(input: string): string;
