'use strict';
// One worker of lib/worker-pool.js: its own instance of the WASM build, running one job at
// a time. A job is { id, method, args }; the reply always has all of { id, ok, value, error:
// { code, message } | null, exiting }, so the pool reads own properties only.

const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const { fromBackend } = require('./errors');

const binding = require(path.join(__dirname, '..', 'wasm', 'bulwark_wasm.js'));

/** What the pool may call: the slow functions that have an async form in lib/. */
const METHODS = new Map([
  ['hashPasswordSync', binding.hashPasswordSync],
  ['verifyPasswordSync', binding.verifyPasswordSync],
]);
// Test builds (cargo feature test-panic) only: lets the suites make a worker's next call trap.
if (typeof binding.testPanicArm === 'function') METHODS.set('testPanicArm', binding.testPanicArm);

/** Option objects arrive as plain objects; the binding gets null-prototype copies, as on the main thread. */
function clean(arg) {
  if (arg === null || typeof arg !== 'object' || ArrayBuffer.isView(arg)) return arg;
  return Object.assign(Object.create(null), arg);
}

parentPort.on('message', ({ id, method, args }) => {
  const fn = METHODS.get(method);
  try {
    if (!fn) throw new Error(`unknown method ${method}`);
    parentPort.postMessage({ id, ok: true, value: fn(...args.map(clean)), error: null, exiting: false });
  } catch (thrown) {
    const err = fromBackend(thrown);
    const code = err !== null && typeof err === 'object' ? err.code : undefined;
    const message = err !== null && typeof err === 'object' ? err.message : String(err);
    // After a trap the instance's state is unknown: reply, then end this worker so the pool
    // starts a fresh one.
    const exiting = code === 'INTERNAL';
    parentPort.postMessage({ id, ok: false, value: undefined, error: { code, message }, exiting });
    if (exiting) process.exit(1);
  } finally {
    // The password bytes are this job's own copy: wipe them once used.
    for (const arg of args) if (arg instanceof Uint8Array) arg.fill(0);
  }
});
