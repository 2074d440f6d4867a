'use strict';
// One worker of lib/worker-pool.js: its own instance of the WASM build, running one job at
// a time. A job is { id, method, args }; the reply always has all of { id, ok, value, error:
// { code, message } | null, exiting }, so the pool reads own properties only.

const path = require('node:path');
const v8 = require('node:v8');
// The pool's own port (worker-pool.js says why not parentPort).
const { workerData: port } = require('node:worker_threads');
const { fromBackend } = require('./errors');

const binding = require(path.join(__dirname, '..', 'wasm', 'bulwark_wasm.js'));

/** What the pool may call: the slow functions that have an async form in lib/. */
const METHODS = new Map([
  ['hashPasswordSync', binding.hashPasswordSync],
  ['verifyPasswordSync', binding.verifyPasswordSync],
]);
// Test builds (cargo feature testing) only: lets the suites make a worker's next call trap.
if (typeof binding.testPanicArm === 'function') METHODS.set('testPanicArm', binding.testPanicArm);

/**
 * WASM memory only grows: a worker whose instance grew past this (a hash with a memory cost
 * over about 120 MiB; the OWASP default needs 19 MiB) ends after its job, so the pool holds
 * at most this much per worker between jobs instead of the largest cost ever seen (1 GiB).
 */
const RECYCLE_ABOVE_BYTES = 128 * 1024 * 1024;

/** Option objects arrive as plain objects; the binding gets null-prototype copies, as on the main thread. */
function clean(arg) {
  if (arg === null || typeof arg !== 'object' || ArrayBuffer.isView(arg)) return arg;
  return Object.assign(Object.create(null), arg);
}

port.on('message', ({ id, method, args }) => {
  const fn = METHODS.get(method);
  let reply;
  try {
    if (!fn) throw new Error(`unknown method ${method}`);
    reply = { id, ok: true, value: fn(...args.map(clean)), error: null, exiting: false };
  } catch (thrown) {
    const err = fromBackend(thrown);
    const code = err !== null && typeof err === 'object' ? err.code : undefined;
    const message = err !== null && typeof err === 'object' ? err.message : String(err);
    // After a trap the instance's state is unknown: this worker ends and the pool starts a
    // fresh one.
    reply = { id, ok: false, value: undefined, error: { code, message }, exiting: code === 'INTERNAL' };
  } finally {
    // The password and pepper bytes are this job's own copies: wipe them once used.
    for (const arg of args) if (arg instanceof Uint8Array) arg.fill(0);
  }
  if (v8.getHeapStatistics().external_memory > RECYCLE_ABOVE_BYTES) reply.exiting = true;
  port.postMessage(reply);
  if (reply.exiting) process.exit(0);
});
