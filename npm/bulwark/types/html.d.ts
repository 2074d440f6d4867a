// Allowlist HTML sanitizing (lib/html.js), on ammonia in the Rust core.

/**
 * sanitize-html-style options. Omitted options take ammonia's safe defaults: a broad set
 * of formatting tags, `href`/`src` with common safe schemes, `rel="noopener noreferrer"` on
 * links, comments removed, `<script>`/`<style>` removed with their content.
 *
 * Refused with `INVALID_OPTIONS` (never silently weakened): unknown keys; allowing
 * `script`, `style`, `iframe`, `frame`, `frameset`, `object`, `embed`, `applet`, `base`,
 * `meta`, `link`, `noscript`, `noembed`, `noframes`, `xmp`, `plaintext`, `template`, `svg`,
 * `math` or `portal`; allowing `on*`, `style`, `srcdoc`, `formaction` or `xmlns` attributes;
 * the `javascript`, `vbscript` and `data` schemes; `false` for "allow everything".
 */
export interface SanitizeHtmlOptions {
  /** Tags kept; others are removed and their text kept. */
  allowedTags?: string[];
  /**
   * Attributes kept per tag; `'*'` applies to every tag and may hold prefixes such as
   * `'data-*'`. Wildcards are only supported as prefixes under `'*'`.
   */
  allowedAttributes?: Record<string, string[]>;
  /**
   * URL schemes allowed in every attribute that carries a URL: `href`, `src`, `cite`,
   * `action`, `formaction`, `data`, `poster`, `background`, `longdesc`, `codebase`,
   * `classid`, `icon`, `manifest`, `usemap`, `lowsrc`, `dynsrc`, `profile`, `xlink:href`,
   * each URL of `ping` and `archive`, and each candidate of `srcset` and `imagesrcset`
   * (one bad URL removes the attribute). Relative URLs are kept. No attribute keeps a value
   * that reads as a `javascript:`, `vbscript:` or `data:` URL.
   */
  allowedSchemes?: string[];
  /** Per-tag schemes, replacing `allowedSchemes` for those tags. */
  allowedSchemesByTag?: Record<string, string[]>;
  /** Keep scheme-relative URLs (`//host/x`, also with backslashes). Default `true`. */
  allowProtocolRelative?: boolean;
  /** Classes kept per tag (the `class` attribute is filtered to them). */
  allowedClasses?: Record<string, string[]>;
  /** The `rel` set on every link; `null` for none. Default `'noopener noreferrer'`. */
  linkRel?: string | null;
  /** Remove comments. Default `true`. */
  stripComments?: boolean;
  /** Tags removed together with their content. Default `['script', 'style']`. */
  nonTextTags?: string[];
  /** Only `'discard'` (remove the tag, keep its text): ammonia has no escape mode. */
  disallowedTagsMode?: 'discard';
  /**
   * Deepest element nesting accepted (1 to 10000, default 512); deeper input throws
   * `INPUT_TOO_DEEP`. Parsing cost grows with length x depth, so the limit bounds it.
   */
  maxDepth?: number;
  /**
   * Largest input accepted, in UTF-8 bytes (default 1 MiB); larger input throws
   * `INPUT_TOO_LARGE`, plain text included. `Infinity` turns the limit off.
   */
  maxBytes?: number;
}

/** Options of `stripTags`. */
export interface StripTagsOptions {
  /** Largest input accepted, in UTF-8 bytes (default 1 MiB; `Infinity` for none). */
  maxBytes?: number;
}

/**
 * Sanitizes untrusted HTML: only allowed tags, attributes and URL schemes survive, parsed
 * with a spec-compliant HTML5 parser (html5ever) so mutation-XSS tricks do not survive a
 * round trip. Idempotent. Text without markup is returned unchanged.
 * @throws {BulwarkError} `INVALID_OPTIONS`, `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`.
 * @throws {TypeError} when `html` is not a string.
 */
export declare function sanitizeHtml(html: string, options?: SanitizeHtmlOptions): string;

/** A compiled policy. */
export interface HtmlSanitizer {
  /** Sanitizes `html` with the compiled policy. */
  sanitize(html: string): string;
}

/** Compiles `options` once; reuse the result for every call. */
export declare function createSanitizer(options?: SanitizeHtmlOptions): HtmlSanitizer;

/**
 * The text content of `html`: tags removed, `<script>`/`<style>` removed with their
 * content, comments removed, entities decoded. The result is text, not HTML: escape it
 * before putting it into a page.
 * @throws {BulwarkError} `INVALID_OPTIONS`, `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`.
 */
export declare function stripTags(html: string, options?: StripTagsOptions): string;
