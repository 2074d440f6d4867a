'use strict';
// A small, transparent benchmark harness. For every case it
//   1. runs each implementation once and asserts its output equals the reference's
//      (or passes the case's own `check`), so nothing is timed that is not doing the work;
//   2. calibrates a batch size per implementation (a batch lasts ~`batchMs`);
//   3. times `rounds` batches per implementation, interleaved (A B C, B C A, C A B, ...) so
//      drift in machine speed hits every implementation alike;
//   4. reports the median time per operation and its ratio to the case's peer.
// With BULWARK_BENCH_JSON=<file> set (`npm run bench -- --report`), every table row, target,
// note and one-off timing is also appended to <file> as one JSON line, which
// scripts/bench-report.mjs turns into bench/report.md and its charts. BULWARK_BENCH_QUICK=1
// (`--quick`) runs fewer and shorter rounds: for checking the pipeline, not for numbers.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const JSON_OUT = process.env.BULWARK_BENCH_JSON || '';
const QUICK = process.env.BULWARK_BENCH_QUICK === '1';
/** The bench file's name without `.bench.js`: the capability its records belong to. */
const capability = path.basename(process.argv[1] || 'bench', '.js').replace(/\.bench$/, '');

/** Appends one machine-readable record when BULWARK_BENCH_JSON is set; no-op otherwise. */
function emit(record) {
  if (JSON_OUT) fs.appendFileSync(JSON_OUT, `${JSON.stringify({ capability, ...record })}\n`);
}

/** The table each benchCase result was printed in, for linking targets to table rows. */
const tableOf = new WeakMap();

/**
 * Loads the bulwark package twice in this process, once per backend, so both are timed
 * in the same run as the JS peers. The WASM copy is loaded after clearing the require
 * cache for the package's JS files (the native addon stays loaded in the first copy).
 */
function loadBackends() {
  const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
  const saved = process.env.BULWARK_BACKEND;
  const load = (name) => {
    for (const key of Object.keys(require.cache)) {
      if (key.startsWith(pkgDir + path.sep) && !key.includes(`${path.sep}wasm${path.sep}`)) delete require.cache[key];
    }
    process.env.BULWARK_BACKEND = name;
    const instance = require('bulwark');
    assert.equal(instance.backend, name);
    return instance;
  };
  try {
    return { native: load('native'), wasm: load('wasm') };
  } finally {
    if (saved === undefined) delete process.env.BULWARK_BACKEND;
    else process.env.BULWARK_BACKEND = saved;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Half the interquartile range relative to the median: this run's noise for one impl. */
function relativeSpread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return (q(0.75) - q(0.25)) / 2 / median(values);
}

function formatTime(ns) {
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

/**
 * Touches a result so that lazy work is paid for inside the timing: reading a character
 * of a string flattens a V8 rope (a JS escaper that concatenates returns one), so every
 * implementation hands over a finished string.
 */
function consume(value) {
  return typeof value === 'string' && value.length > 0 ? value.charCodeAt(value.length >> 1) : value;
}

function timeSyncBatch(fn, input, n) {
  let sink;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) sink = consume(fn(input));
  const elapsed = Number(process.hrtime.bigint() - start);
  if (sink === Symbol.for('never')) console.log(sink);
  return elapsed / n;
}

async function timeAsyncBatch(fn, input, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await fn(input);
  return Number(process.hrtime.bigint() - start) / n;
}

/**
 * Benchmarks one case.
 * @param {object} c
 * @param {string} c.name            case label, e.g. "64 KiB"
 * @param {*} c.input                argument passed to every implementation
 * @param {Record<string, Function>} c.impls  name -> fn(input)
 * @param {string} c.reference       impl whose output the others must equal
 * @param {string} c.peer            impl the ratio column compares against
 * @param {Function} [c.check]       custom output check (outputs, input) instead of equality
 * @param {boolean} [c.async]        impls return promises
 */
async function benchCase(c, { rounds = 15, batchMs = 20 } = {}) {
  if (QUICK) {
    rounds = Math.min(rounds, 3);
    batchMs /= 4;
  }
  const names = Object.keys(c.impls);
  const outputs = {};
  for (const name of names) outputs[name] = c.async ? await c.impls[name](c.input) : c.impls[name](c.input);
  if (c.check) await c.check(outputs, c.input);
  else
    for (const name of names)
      assert.deepEqual(outputs[name], outputs[c.reference], `${c.name}: ${name} output differs from ${c.reference}`);

  const timeBatch = c.async ? timeAsyncBatch : timeSyncBatch;
  const batch = {};
  for (const name of names) {
    let n = 1;
    for (;;) {
      const perOp = await timeBatch(c.impls[name], c.input, n);
      if (perOp * n >= (batchMs * 1e6) / 4 || n >= 1 << 22) {
        batch[name] = Math.max(1, Math.round((batchMs * 1e6) / Math.max(perOp, 1)));
        break;
      }
      n *= 4;
    }
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(r + k) % names.length];
      samples[name].push(await timeBatch(c.impls[name], c.input, batch[name]));
    }
  }
  const result = Object.fromEntries(names.map((n) => [n, median(samples[n])]));
  const spread = Object.fromEntries(names.map((n) => [n, relativeSpread(samples[n])]));
  return { name: c.name, peer: c.peer, medians: result, spread };
}

/** Prints one table: a row per case and implementation, with the ratio to the case's peer. */
function printTable(title, results) {
  console.log(`\n## ${title}\n`);
  const rows = [['case', 'implementation', 'median/op', 'ops/s', 'vs peer']];
  for (const r of results) {
    tableOf.set(r, title);
    for (const [name, ns] of Object.entries(r.medians)) {
      const ratio = r.medians[r.peer] / ns;
      emit({
        type: 'case',
        table: title,
        case: r.name,
        subject: name,
        peer: r.peer,
        medianNs: ns,
        noise: r.spread[name],
        peerNoise: r.spread[r.peer],
        ratio,
      });
      rows.push([
        r.name,
        name,
        formatTime(ns),
        Math.round(1e9 / ns).toLocaleString('en-US'),
        name === r.peer ? '(peer)' : `${ratio.toFixed(2)}x ${ratio >= 1 ? 'faster' : 'SLOWER'}`,
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, j) => cell.padEnd(widths[j])).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}

/** Collected target checks; `printTargets` reports them and how many were missed. */
const targets = [];

/**
 * Records a target: ours must be at least `atLeast` times as fast as theirs. `result` is a
 * benchCase result; a ratio short of the target by less than the two implementations'
 * combined noise in this run is reported as a TIE, not hidden and not called a win.
 */
function target(description, result, ours, theirs, atLeast) {
  const ratio = result.medians[theirs] / result.medians[ours];
  const noise = result.spread[ours] + result.spread[theirs];
  const status = ratio >= atLeast ? 'MET' : ratio >= atLeast * (1 - noise) ? 'TIE' : 'MISSED';
  targets.push({ description, ratio, atLeast, noise, status });
  emit({
    type: 'target',
    table: tableOf.get(result) ?? '',
    case: result.name,
    ours,
    theirs,
    description,
    ratio,
    atLeast,
    noise,
    status,
  });
}

/** Prints a bench's explanation of its rows (why a target is missed, what a row measures). */
function note(text) {
  console.log(`\n${text}`);
  emit({ type: 'note', text });
}

/**
 * Times `run(input)` `times` times and prints the median: the one-off 1 MB adversarial
 * inputs, where the point is that they take milliseconds, not a ratio to a peer.
 */
function timeAlone(table, name, label, input, run, times = 5) {
  const samples = [];
  let answer;
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    answer = run(input);
    samples.push(Number(process.hrtime.bigint() - start));
  }
  const ns = median(samples);
  console.log(`- ${name} (${label}, ${input.length} units): ${formatTime(ns)} median of ${times} -> ${answer}`);
  emit({
    type: 'timing',
    table,
    case: `${name} (${label}, ${input.length} units)`,
    medianNs: ns,
    answer: String(answer),
  });
}

function printTargets(title) {
  console.log(`\n### Targets: ${title}\n`);
  emit({ type: 'scope', text: title });
  for (const t of targets) {
    console.log(
      `- ${t.status.padEnd(6)} ${t.description}: ${t.ratio.toFixed(2)}x (target >= ${t.atLeast}x; noise ±${(t.noise * 100).toFixed(1)}%)`,
    );
  }
  const missed = targets.filter((t) => t.status === 'MISSED').length;
  const ties = targets.filter((t) => t.status === 'TIE').length;
  console.log(
    missed
      ? `\n${missed} target(s) MISSED (see above).`
      : `\nNo target missed${ties ? ` (${ties} within noise of the target)` : ''}.`,
  );
  targets.length = 0;
  return missed;
}

module.exports = { loadBackends, benchCase, printTable, target, printTargets, note, timeAlone, formatTime };
