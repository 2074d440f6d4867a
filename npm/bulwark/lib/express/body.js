'use strict';
// Reads a request body once, as body-parser does: Content-Type and charset checks,
// Content-Encoding (gzip, deflate, br) with the size limit applied to the decoded bytes,
// Content-Length checked before reading. Resolves to a Buffer.

const zlib = require('node:zlib');
const { httpError } = require('./http');
const { readProp } = require('./props');

/** The charsets a body may declare unless the caller lists others. */
const UTF8 = ['utf-8', 'utf8'];

/**
 * A request header as an own property only: Node's `req.headers` is a plain object, so an
 * absent header would otherwise be read from a polluted Object.prototype.
 */
function header(req, name) {
  const headers = readProp(req, 'headers');
  if (headers === null || typeof headers !== 'object' || !Object.hasOwn(headers, name)) return undefined;
  return headers[name];
}

/** The media type of a request (lower case, without parameters), or ''. */
function mediaType(req) {
  const type = header(req, 'content-type');
  return typeof type === 'string' ? type.split(';', 1)[0].trim().toLowerCase() : '';
}

/** The charset parameter of the Content-Type header, lower case, or undefined. */
function charset(req) {
  const type = header(req, 'content-type');
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(typeof type === 'string' ? type : '');
  return m ? m[1].toLowerCase() : undefined;
}

/** Whether the request carries a body at all (as type-is's hasBody). */
function hasBody(req) {
  return (
    header(req, 'transfer-encoding') !== undefined ||
    (header(req, 'content-length') !== undefined && header(req, 'content-length') !== '0')
  );
}

function decoder(encoding) {
  switch (encoding) {
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * Reads the body into a Buffer of at most `limit` decoded bytes. Rejects with 413
 * (BODY_TOO_LARGE), 415 (UNSUPPORTED_ENCODING, UNSUPPORTED_CHARSET) or 400 (BODY_INVALID).
 */
function readBody(req, options) {
  const limit = options.limit;
  const charsets = Object.hasOwn(options, 'charsets') ? options.charsets : UTF8;
  return new Promise((resolve, reject) => {
    const cs = charset(req);
    if (cs !== undefined && !charsets.includes(cs)) {
      reject(httpError(415, 'UNSUPPORTED_CHARSET', `unsupported charset "${cs}"`));
      return;
    }
    const encoding = String(header(req, 'content-encoding') || 'identity').toLowerCase();
    const inflate = decoder(encoding);
    if (inflate === undefined) {
      reject(httpError(415, 'UNSUPPORTED_ENCODING', `unsupported content encoding "${encoding}"`));
      return;
    }
    const declared = Number(header(req, 'content-length'));
    if (inflate === null && Number.isFinite(declared) && declared > limit) {
      reject(httpError(413, 'BODY_TOO_LARGE', `request body is larger than ${limit} bytes`));
      return;
    }
    const chunks = [];
    let size = 0;
    let done = false;
    const source = inflate ? req.pipe(inflate) : req;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      source.removeAllListeners('data');
      if (err) {
        // Stop reading; let the socket drain what is left without buffering it.
        if (typeof readProp(req, 'unpipe') === 'function') req.unpipe();
        req.resume();
        reject(err);
      } else {
        resolve(value);
      }
    };
    source.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        finish(httpError(413, 'BODY_TOO_LARGE', `request body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    source.on('end', () => finish(null, Buffer.concat(chunks, size)));
    source.on('error', () => finish(httpError(400, 'BODY_INVALID', 'the request body could not be decoded')));
    // 'close' before the request's end is an abort ('aborted' is deprecated). Not an
    // 'aborted' listener: a stream's listener table is a plain object whose preset keys
    // ('close', 'data', 'end', 'error', ...) are own, so adding a listener for any other
    // event reads a polluted Object.prototype inside Node (and throws).
    req.on('close', () => {
      if (readProp(req, 'readableEnded') !== true) finish(httpError(400, 'BODY_INVALID', 'the request was aborted'));
    });
  });
}

module.exports = { readBody, mediaType, hasBody };
