// ESM entry: the same API as the CommonJS entry, with named exports.
import bulwark from './index.js';

export default bulwark;
export const {
  backend,
  BulwarkError,
  escapeHtml,
  unescapeHtml,
  sanitizeHtml,
  createSanitizer,
  stripTags,
  timingSafeEqual,
  hashPassword,
  hashPasswordSync,
  verifyPassword,
  verifyPasswordSync,
  needsRehash,
  setPasswordConcurrency,
  resolveWithin,
  resolveWithinReal,
  decodePathSegment,
  sanitizeFilename,
  parseIp,
  classifyIp,
  checkUrl,
  safeLookup,
  createSafeLookup,
  IP_CATEGORIES,
} = bulwark;
