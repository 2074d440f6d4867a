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
// - A worker that cannot start (Node's Worker constructor throws, as it can under a
//   polluted Object.prototype) fails the job only when the pool has no live worker: with
//   one, the job waits for it, and the pool stops growing until a job ends.
// - Jobs and replies travel over the pool's own MessageChannel, listened to with
//   addEventListener and null-prototype options. Node wires the Worker's own port with
//   `port.on('message')`, whose options object literal reads `once` through
//   Object.prototype: a worker started while `Object.prototype.once` is set would deliver
//   one reply and then nothing, leaving every later job pending forever.
// - `size` is how many workers are kept; callers bound how many jobs run at once (password.js
//   queues beyond setPasswordConcurrency), and a worker freed while the pool is over size
//   is ended. Jobs that find no idle worker wait here for the next one started or freed.

const path = require('node:path');
const { MessageChannel, Worker, receiveMessageOnPort } = require('node:worker_threads');
const { BulwarkError, CODES } = require('./errors');

/** The error a job's promise rejects with, from what the worker reported. */
function jobError(reported) {
  if (CODES.has(reported.code)) return new BulwarkError(reported.code, reported.message);
  return new BulwarkError('INTERNAL', `internal error in bulwark (worker: ${reported.message})`);
}

/** Starts a worker on `script` with its own channel; returns { worker, port }. */
function startWorker(script) {
  // Null-prototype options: Node reads every option it knows by name.
  const attempt = (unpipedStdio) => {
    const { port1: port, port2: theirs } = new MessageChannel();
    try {
      const options = { __proto__: null, workerData: theirs, transferList: [theirs] };
      if (unpipedStdio) {
        options.stdout = true;
        options.stderr = true;
      }
      return { worker: new Worker(script, options), port };
    } catch (err) {
      port.close();
      throw err;
    }
  };
  try {
    return attempt(false);
  } catch {
    // Node pipes a worker's stdout/stderr into the process's (Readable#pipe adds an
    // 'unpipe' listener to process.stdout, whose listener table reads missing keys through
    // Object.prototype), which throws under pollution. Unpiped, the worker starts; what it
    // prints (nothing, but for Node's own warnings) is then not shown.
    return attempt(true);
  }
}

class WorkerPool {
  #script;
  #size;
  /** Every live worker: Worker -> its running job ({ resolve, reject }) or null when idle. */
  #jobs = new Map();
  /** Every live worker's end of its channel. */
  #ports = new Map();
  /** Idle workers, most recently used last. */
  #idle = [];
  /** Jobs not yet handed to a worker, first come first served. */
  #waiting = [];
  #spawnedThisTurn = false;
  /** Set when a worker failed to start while others live; cleared when a job ends. */
  #cannotGrow = false;
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
    if (this.#cannotGrow && this.#jobs.size > 0) return;
    this.#cannotGrow = false;
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
      if (this.#jobs.size > 0) {
        this.#cannotGrow = true;
        this.#waiting.unshift(job);
        return;
      }
      job.reject(new BulwarkError('INTERNAL', `internal error in bulwark (cannot start a worker: ${err.message})`));
      return;
    }
    this.#dispatch(worker, job);
  }

  #dispatch(worker, { method, args, transfer, resolve, reject }) {
    const id = this.#nextId++;
    this.#jobs.set(worker, { id, resolve, reject });
    worker.ref();
    const port = this.#ports.get(worker);
    port.ref();
    port.postMessage({ __proto__: null, id, method, args }, transfer);
  }

  #spawn() {
    const { worker, port } = startWorker(this.#script);
    worker.unref();
    this.#jobs.set(worker, null);
    this.#ports.set(worker, port);
    let crash;
    port.addEventListener('message', (event) => this.#settle(worker, event.data), { __proto__: null });
    port.addEventListener(
      'messageerror',
      (event) => {
        crash = event.data instanceof Error ? event.data : new Error('a reply could not be deserialized');
        worker.terminate();
      },
      { __proto__: null },
    );
    // Adding a listener refs the port; it is ref'd only while a job runs.
    port.unref();
    // Without an 'error' listener an exception in the worker would be rethrown here.
    worker.on('error', (err) => {
      crash = err;
    });
    worker.on('exit', (exitCode) => {
      // A reply posted just before the worker ended may not have been dispatched yet
      // (Node drains only the Worker's own port before 'exit'): take it now.
      for (let got = receiveMessageOnPort(port); got !== undefined; got = receiveMessageOnPort(port)) {
        this.#settle(worker, got.message);
      }
      const job = this.#jobs.get(worker);
      this.#jobs.delete(worker);
      this.#ports.delete(worker);
      port.close();
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
    this.#ports.get(worker)?.unref();
    this.#cannotGrow = false;
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
    this.#ports.get(worker)?.close();
    this.#ports.delete(worker);
    worker.terminate();
  }
}

/** The pool of WASM workers; password.js sets its size (setPasswordConcurrency). */
const wasmPool = new WorkerPool(path.join(__dirname, 'wasm-worker.js'), 1);

module.exports = { WorkerPool, wasmPool };
