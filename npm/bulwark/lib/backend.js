'use strict';
// Loads one backend, in this order, the napi-rs way:
//   1. the native addon next to the package (bulwark.<platform>.node, as scripts/build.mjs
//      writes it: a local build);
//   2. the platform package (bulwark-<platform>, an optionalDependency), only when its
//      version equals this package's: a mismatched addon may not match this JS;
//   3. the WASM build, with a warning on stderr (process.emitWarning, once) that says why.
// `reason` says in a few words why this backend was chosen. BULWARK_BACKEND=native|wasm
// forces one; forcing a backend that cannot load is an error that says why, never a silent
// switch to the other. BULWARK_NO_WARN=1 silences the fallback warning.

const fs = require('node:fs');
const path = require('node:path');
const { BulwarkError } = require('./errors');
const { platform, libcEvidence, nativeFile, targetFor } = require('./platform');

const root = path.join(__dirname, '..');

function readVersion(manifest) {
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- this package's or its platform package's manifest
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return typeof version === 'string' ? version : 'no version';
  } catch (err) {
    return `unreadable (${err.message})`;
  }
}

const version = readVersion(path.join(root, 'package.json'));

/**
 * The native addon: `{ binding, reason }`, or `{ binding: null, failures }` listing why
 * each place had none.
 */
function loadNative() {
  const failures = [];
  // One given file, as napi-rs's NAPI_RS_NATIVE_LIBRARY_PATH: an addon built for another ABI
  // of this OS and CPU (scripts/test-cross.mjs loads the MinGW build into official Node so).
  const override = process.env.BULWARK_NATIVE_LIBRARY_PATH;
  if (override !== undefined && override !== '') {
    try {
      // eslint-disable-next-line security/detect-non-literal-require -- a path the environment names, as NAPI_RS_NATIVE_LIBRARY_PATH
      const binding = require(path.resolve(override));
      return { binding, reason: `native addon ${override} (BULWARK_NATIVE_LIBRARY_PATH)` };
    } catch (err) {
      failures.push(`BULWARK_NATIVE_LIBRARY_PATH=${override} did not load: ${err.message}`);
      return { binding: null, failures };
    }
  }
  const local = path.join(root, nativeFile);
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- this platform's addon file in the package
  if (fs.existsSync(local)) {
    try {
      // eslint-disable-next-line security/detect-non-literal-require -- this platform's addon file in the package
      return { binding: require(local), reason: `native addon ${nativeFile} in the package` };
    } catch (err) {
      failures.push(`${nativeFile} in the package did not load: ${err.message}`);
    }
  } else {
    failures.push(`no ${nativeFile} in the package`);
  }

  const target = targetFor(platform);
  if (!target) {
    failures.push(`no prebuilt addon is published for ${platform}`);
    return { binding: null, failures };
  }
  let manifest;
  try {
    manifest = require.resolve(`${target.packageName}/package.json`);
  } catch (err) {
    failures.push(
      err && err.code === 'MODULE_NOT_FOUND'
        ? `${target.packageName} is not installed`
        : `${target.packageName} could not be resolved: ${err && err.message}`,
    );
    return { binding: null, failures };
  }
  const found = readVersion(manifest);
  if (found !== version) {
    failures.push(`${target.packageName} is version ${found}, bulwark is ${version} (reinstall so they match)`);
    return { binding: null, failures };
  }
  try {
    // eslint-disable-next-line security/detect-non-literal-require -- the addon file of this platform's package
    const binding = require(path.join(path.dirname(manifest), target.file));
    return { binding, reason: `native addon from ${target.packageName}@${found}` };
  } catch (err) {
    failures.push(`${target.packageName}@${found} did not load: ${err.message}`);
    return { binding: null, failures };
  }
}

function loadWasm() {
  return require(path.join(root, 'wasm', 'bulwark_wasm.js'));
}

/** The platform with how its libc was told (on Linux), for messages. */
const platformLabel = libcEvidence ? `${platform} (${libcEvidence})` : platform;

function warnFallback(reason) {
  const silenced = process.env.BULWARK_NO_WARN;
  if (silenced !== undefined && silenced !== '' && silenced !== '0') return;
  process.emitWarning(
    `bulwark is using its WASM backend: ${reason}. It is slower than the native addon; ` +
      'password hashing runs in worker threads. Set BULWARK_NO_WARN=1 to silence this warning.',
    { type: 'BulwarkWarning', code: 'BULWARK_WASM_FALLBACK' },
  );
}

function load() {
  const forced = process.env.BULWARK_BACKEND;
  if (forced === 'native') {
    const native = loadNative();
    if (native.binding)
      return { name: 'native', binding: native.binding, reason: `BULWARK_BACKEND=native: ${native.reason}` };
    throw new BulwarkError(
      'BACKEND_UNAVAILABLE',
      `BULWARK_BACKEND=native but no native addon could be loaded for ${platformLabel}: ${native.failures.join('; ')}`,
    );
  }
  if (forced === 'wasm') {
    try {
      return { name: 'wasm', binding: loadWasm(), reason: 'BULWARK_BACKEND=wasm' };
    } catch (err) {
      throw new BulwarkError(
        'BACKEND_UNAVAILABLE',
        `BULWARK_BACKEND=wasm but the wasm backend (wasm/bulwark_wasm.js) could not be loaded: ${err.message}`,
        { cause: err },
      );
    }
  }
  if (forced !== undefined && forced !== '') {
    throw new BulwarkError('BACKEND_UNAVAILABLE', `BULWARK_BACKEND must be "native" or "wasm", got "${forced}"`);
  }
  const native = loadNative();
  if (native.binding) return { name: 'native', binding: native.binding, reason: native.reason };
  let binding;
  try {
    binding = loadWasm();
  } catch (err) {
    throw new BulwarkError(
      'BACKEND_UNAVAILABLE',
      `no bulwark backend could be loaded: native (${nativeFile}): ${native.failures.join('; ')}; wasm: ${err.message}`,
      { cause: err },
    );
  }
  const reason = `no native addon for ${platformLabel}: ${native.failures.join('; ')}`;
  warnFallback(reason);
  return { name: 'wasm', binding, reason };
}

module.exports = { ...load(), nativeFile };
