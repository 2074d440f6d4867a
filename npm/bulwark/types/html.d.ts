// Allowlist HTML sanitizing (lib/html.js), on ammonia in the Rust core.

/**
 * sanitize-html-style options. Omitted options take ammonia's safe defaults: a broad set
 * of formatting tags, `href`/`src` with common safe schemes, `rel="noopener noreferrer"` on
 * links, comments removed, `<script>`/`<style>` removed with their content.
 *
 * Refused with `INVALID_OPTIONS` (never silently weakened): unknown keys; allowing
 * `script`, `style`, `frame`, `frameset`, `object`, `embed`, `applet`, `base`, `meta`,
 * `link`, `noscript`, `noembed`, `noframes`, `xmp`, `plaintext`, `template`, `svg`, `math`
 * or `portal`, and `iframe` without a host rule; allowing `on*`, `srcdoc`, `formaction` or
 * `xmlns` attributes, and `style` without `allowedStyles`; the `javascript`, `vbscript` and
 * `data` schemes; `false` for "allow everything"; the callback options `exclusiveFilter`,
 * `textFilter`, `onOpenTag`, `onCloseTag` and function `transformTags` (each would run user
 * code per element).
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
  /**
   * Classes kept per tag (`'*'`: every tag): names, globs (`'col-*'`) or RegExps (run by a
   * linear-time translation; look-around and back-references are `INVALID_OPTIONS`). The
   * `class` attribute is then allowed on that tag and filtered to these.
   */
  allowedClasses?: Record<string, Array<string | RegExp>>;
  /** The `rel` set on every link; `null` for none. Default `'noopener noreferrer'`. */
  linkRel?: string | null;
  /** Remove comments. Default `true`. */
  stripComments?: boolean;
  /** Tags removed together with their content. Default `['script', 'style']`. */
  nonTextTags?: string[];
  /**
   * What happens to a tag that is not allowed: `'discard'` (default: the tag goes, its
   * content stays; `nonTextTags` lose their content), `'completelyDiscard'` (the text
   * directly inside it goes too, and text outside any allowed tag), `'escape'` (the tag is
   * written as text, `&lt;tag&gt;`), `'recursiveEscape'` (the tag and all it contains).
   */
  disallowedTagsMode?: 'discard' | 'completelyDiscard' | 'escape' | 'recursiveEscape';
  /**
   * Tag renames, applied before the tag is checked: a tag name or
   * `sanitizeHtml.simpleTransform(tagName, attribs, merge)`; `'*'` applies to every tag.
   */
  transformTags?: Record<string, string | SimpleTransform>;
  /** Hosts an `<iframe src>` may load (exact match). Allows `iframe` in `allowedTags`. */
  allowedIframeHostnames?: string[];
  /** Domains (and their subdomains) an `<iframe src>` may load. Allows `iframe` in `allowedTags`. */
  allowedIframeDomains?: string[];
  /**
   * Whether an `<iframe src>` may be relative (default: `true` unless hostnames or domains
   * are given). `true` allows `iframe` in `allowedTags`.
   */
  allowIframeRelativeUrls?: boolean;
  /**
   * Per tag (`'*'`: every tag), CSS properties allowed in `style` and the RegExps their values
   * must match. Required to allow the `style` attribute. The attribute is parsed with a CSS
   * tokenizer; values with `url(`, `expression(`, `image-set(`, `-moz-binding`, comments or
   * escapes are dropped whatever the patterns say.
   */
  allowedStyles?: Record<string, Record<string, RegExp[]>>;
  /** Attributes kept with an empty value (default `['alt']`). */
  allowedEmptyAttributes?: string[];
  /**
   * Attributes removed when empty (`'*'`: all); default sanitize-html's list of the
   * non-boolean attributes of HTML.
   */
  nonBooleanAttributes?: string[];
  /** Keep only what is inside `<html>...</html>` when the input has that tag. */
  enforceHtmlBoundary?: boolean;
  /** Elements nested this deep (0 to 10000; 0 = top level) or deeper are treated as not allowed. */
  nestingLimit?: number;
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

/** What `sanitizeHtml.simpleTransform` returns (opaque; only its results are accepted). */
export interface SimpleTransform {
  readonly tagName: string;
  readonly attribs: Readonly<Record<string, string>>;
  readonly merge: boolean;
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

export declare namespace sanitizeHtml {
  /** Bulwark's defaults in option shape (deeply frozen): build on them with `concat` or spreads. */
  const defaults: Readonly<
    Required<
      Omit<
        SanitizeHtmlOptions,
        | 'transformTags'
        | 'allowedIframeHostnames'
        | 'allowedIframeDomains'
        | 'allowIframeRelativeUrls'
        | 'allowedStyles'
        | 'nestingLimit'
      >
    >
  >;
  /**
   * A declarative tag transform: rename to `tagName`, and set `attribs` on the element
   * (merged into its own unless `merge` is `false`). The attributes are filtered like any other.
   */
  function simpleTransform(tagName: string, attribs?: Record<string, string>, merge?: boolean): SimpleTransform;
}

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
