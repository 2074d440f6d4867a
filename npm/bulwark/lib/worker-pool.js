'use strict';
// A small pool of worker_threads, each with its own instance of the WASM build, so that the
// WASM backend's slow calls (argon2) run off the event loop as the native addon's do on the
// libuv threadpool.
//
// - Workers start lazily, on the first job that finds none idle, one per event-loop turn.
// - A worker is ref'd only while it runs a job: a pending hash keeps the process alive (as
//   a threadpool job does), an idle worker never does.
// - A worker that dies (crash, trap, terminate) rejects its job with INTERNAL and is dropped;
//   the next job starts a fresh one.
// - `size` is how many workers are kept; callers bound how many jobs run at once (password.js
//   queues beyond setPasswordConcurrency), and a worker freed while the pool is over size
//   is ended. Jobs that find no idle worker wait here for the next one started or freed.

const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { BulwarkError, CODES } = require('./errors');

/** The error a job's promise rejects with, from what the worker reported. */
function jobError(reported) {
  if (CODES.has(reported.code)) return new BulwarkError(reported.code, reported.message);
  return new BulwarkError('INTERNAL', `internal error in bulwark (worker: ${reported.message})`);
}

class WorkerPool {
  #script;
  #size;
  /** Every live worker: Worker -> its running job ({ resolve, reject }) or null when idle. */
  #jobs = new Map();
  /** Idle workers, most recently used last. */
  #idle = [];
  /** Jobs not yet handed to a worker, first come first served. */
  #waiting = [];
  #spawnedThisTurn = false;
  #nextId = 1;

  constructor(script, size) {
    this.#script = script;
    this.#size = size;
  }

  get size() {
    return this.#size;
  }

  /** Sets how many workers to keep; idle ones beyond it are ended now, busy ones when freed. */
  set size(n) {
    this.#size = n;
    while (this.#jobs.size > n && this.#idle.length > 0) this.#end(this.#idle.shift());
  }

  /** The live workers (for diagnostics and tests). */
  get threads() {
    return [...this.#jobs.keys()];
  }

  /**
   * Runs `method(...args)` in a worker; resolves to its result or rejects with a
   * BulwarkError. `transfer` lists ArrayBuffers handed over (never the caller's own).
   */
  run(method, args, transfer = []) {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ method, args, transfer, resolve, reject });
      this.#pump();
    });
  }

  /**
   * Hands waiting jobs to idle workers, and starts at most one new worker per event-loop
   * turn: starting one takes the calling thread a few ms, so a burst of jobs on a cold pool
   * must not start them all in one turn.
   */
  #pump() {
    while (this.#waiting.length > 0 && this.#idle.length > 0) this.#dispatch(this.#idle.pop(), this.#waiting.shift());
    if (this.#waiting.length === 0 || this.#spawnedThisTurn) return;
    this.#spawnedThisTurn = true;
    setImmediate(() => {
      this.#spawnedThisTurn = false;
      this.#pump();
    });
    const job = this.#waiting.shift();
    let worker;
    try {
      worker = this.#spawn();
    } catch (err) {
      job.reject(new BulwarkError('INTERNAL', `internal error in bulwark (cannot start a worker: ${err.message})`));
      return;
    }
    this.#dispatch(worker, job);
  }

  #dispatch(worker, { method, args, transfer, resolve, reject }) {
    const id = this.#nextId++;
    this.#jobs.set(worker, { id, resolve, reject });
    worker.ref();
    worker.postMessage({ id, method, args }, transfer);
  }

  #spawn() {
    const worker = new Worker(this.#script);
    worker.unref();
    this.#jobs.set(worker, null);
    let crash;
    worker.on('message', (reply) => this.#settle(worker, reply));
    // Without an 'error' listener an exception in the worker would be rethrown here.
    worker.on('error', (err) => {
      crash = err;
    });
    worker.on('messageerror', (err) => {
      crash = err;
      worker.terminate();
    });
    worker.on('exit', (exitCode) => {
      const job = this.#jobs.get(worker);
      this.#jobs.delete(worker);
      const at = this.#idle.indexOf(worker);
      if (at !== -1) this.#idle.splice(at, 1);
      if (job) {
        const why = crash ? crash.message : `exit code ${exitCode}`;
        job.reject(new BulwarkError('INTERNAL', `internal error in bulwark (a WASM worker stopped: ${why})`));
      }
      this.#pump();
    });
    return worker;
  }

  #settle(worker, reply) {
    const job = this.#jobs.get(worker);
    // Every field is an own property of the reply (wasm-worker.js), so a polluted
    // Object.prototype cannot add one.
    if (
      !job ||
      reply === null ||
      typeof reply !== 'object' ||
      !Object.hasOwn(reply, 'exiting') ||
      reply.id !== job.id
    ) {
      return;
    }
    this.#jobs.set(worker, null);
    worker.unref();
    if (reply.ok) job.resolve(reply.value);
    else job.reject(jobError(reply.error));
    // A worker that trapped ends itself after replying: never give it another job.
    if (reply.exiting) return;
    if (this.#jobs.size > this.#size && this.#waiting.length === 0) this.#end(worker);
    else this.#idle.push(worker);
    this.#pump();
  }

  #end(worker) {
    this.#jobs.delete(worker);
    worker.terminate();
  }
}

/** The pool of WASM workers; password.js sets its size (setPasswordConcurrency). */
const wasmPool = new WorkerPool(path.join(__dirname, 'wasm-worker.js'), 1);

module.exports = { WorkerPool, wasmPool };
