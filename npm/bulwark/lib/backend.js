'use strict';
// Loads one backend: the native addon for this platform, else the WASM build.
// BULWARK_BACKEND=native|wasm forces one; forcing a backend that cannot load is an error
// that says why, never a silent switch to the other.

const path = require('node:path');
const { BulwarkError } = require('./errors');
const { nativeFile } = require('./platform');

const root = path.join(__dirname, '..');

function loadNative() {
  // eslint-disable-next-line security/detect-non-literal-require -- the loader picks one of its own backend files
  return require(path.join(root, nativeFile));
}

function loadWasm() {
  return require(path.join(root, 'wasm', 'bulwark_wasm.js'));
}

function unavailable(name, file, err) {
  return new BulwarkError(
    'BACKEND_UNAVAILABLE',
    `BULWARK_BACKEND=${name} but the ${name} backend (${file}) could not be loaded: ${err && err.message}`,
    { cause: err },
  );
}

function load() {
  const forced = process.env.BULWARK_BACKEND;
  if (forced === 'native') {
    try {
      return { name: 'native', binding: loadNative(), nativeError: null };
    } catch (err) {
      throw unavailable('native', nativeFile, err);
    }
  }
  if (forced === 'wasm') {
    try {
      return { name: 'wasm', binding: loadWasm(), nativeError: null };
    } catch (err) {
      throw unavailable('wasm', 'wasm/bulwark_wasm.js', err);
    }
  }
  if (forced !== undefined && forced !== '') {
    throw new BulwarkError('BACKEND_UNAVAILABLE', `BULWARK_BACKEND must be "native" or "wasm", got "${forced}"`);
  }
  let nativeError;
  try {
    return { name: 'native', binding: loadNative(), nativeError: null };
  } catch (err) {
    nativeError = err;
  }
  try {
    return { name: 'wasm', binding: loadWasm(), nativeError };
  } catch (err) {
    throw new BulwarkError(
      'BACKEND_UNAVAILABLE',
      `no bulwark backend could be loaded: native (${nativeFile}): ${nativeError.message}; wasm: ${err.message}`,
      { cause: err },
    );
  }
}

module.exports = { ...load(), nativeFile };
