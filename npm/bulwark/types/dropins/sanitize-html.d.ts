// Types for `bulwark/sanitize-html`: sanitize-html's call over Bulwark's sanitizer.
import type { SanitizeHtmlOptions } from '../html';

declare function sanitizeHtml(dirty: string, options?: SanitizeHtmlOptions): string;
declare namespace sanitizeHtml {
  export { sanitizeHtml as default };
}
export = sanitizeHtml;
