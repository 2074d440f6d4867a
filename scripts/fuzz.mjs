#!/usr/bin/env node
// `npm run fuzz`: property-based fuzzing (fast-check) of every export of `bulwark` and of
// `bulwark/express`'s middleware factories, on both backends, with hostile inputs (see
// scripts/hostile/values.mjs and docs/security-testing.md). Batches run one after another,
// each in a child process (scripts/hostile/worker.mjs) so a crash is caught by its signal,
// until the time budget is spent. A failure prints the shrunk counterexample and the
// command that replays it; the run exits 1.
//
//   npm run fuzz                                   # 5 minutes, random seed
//   npm run fuzz -- --minutes 30 --seed 1234
//   npm run fuzz -- --seconds 40 --only isEmail,parseJson
//   npm run fuzz -- --skip resolveWithinReal      # leave out an export with a known failure
//
// An export that fails is left out of the following batches, so one run reports every
// failing export, not only the first.
//   npm run fuzz -- --replay 'isEmail:<seed>:<path>'   # one shrunk counterexample again
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const worker = path.join(root, 'scripts', 'hostile', 'worker.mjs');

const { values: o } = parseArgs({
  options: {
    seed: { type: 'string' },
    seconds: { type: 'string' },
    minutes: { type: 'string' },
    runs: { type: 'string', default: '10' },
    only: { type: 'string' },
    skip: { type: 'string' },
    replay: { type: 'string' },
    'max-batches': { type: 'string' },
  },
});

if (o.replay) {
  const r = spawnSync(process.execPath, [worker, '--replay', o.replay], { stdio: 'inherit', cwd: root });
  process.exit(r.status ?? 1);
}

const seed = o.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const budgetMs = (o.seconds ? Number(o.seconds) : o.minutes ? Number(o.minutes) * 60 : 300) * 1000;
const maxBatches = o['max-batches'] ? Number(o['max-batches']) : Infinity;
// A worker that stops reporting progress for this long is hung in one call: kill it.
const STALL_MS = 60_000;
if (!Number.isFinite(budgetMs) || budgetMs <= 0) throw new Error('--seconds/--minutes must be a positive number');

const started = Date.now();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fuzz-run-'));
const failures = [];
const skip = new Set(o.skip ? o.skip.split(',') : []);
const covered = new Map();
const replayBase = `npm run fuzz -- --seed ${seed}${o.only ? ` --only ${o.only}` : ''} --runs ${o.runs}`;

console.log(`fuzz: seed ${seed}, budget ${(budgetMs / 1000).toFixed(0)} s, ${o.runs} cases per export per batch`);

/** Runs one batch in a child; resolves with its records and how it ended. */
function runBatch(batch, deadline) {
  const progress = path.join(tmp, `progress-${batch}.json`);
  const args = [worker, '--seed', seed, '--batch', String(batch), '--runs', o.runs, '--progress', progress];
  args.push('--deadline', String(deadline));
  if (o.only) args.push('--only', o.only);
  if (skip.size > 0) args.push('--skip', [...skip].join(','));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let lastProgress = Date.now();
    child.stdout.on('data', (d) => {
      out += d;
      lastProgress = Date.now();
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const watchdog = setInterval(() => {
      let changed = lastProgress;
      try {
        changed = Math.max(lastProgress, statSync(progress).mtimeMs);
      } catch {
        // No progress file yet: the worker is still starting.
      }
      if (Date.now() - changed > STALL_MS || Date.now() > deadline + STALL_MS) {
        child.kill('SIGKILL');
      }
    }, 1000);
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      let at = null;
      try {
        at = JSON.parse(readFileSync(progress, 'utf8'));
      } catch {
        // The worker died before its first case.
      }
      const records = out
        .split('\n')
        .filter((l) => l.startsWith('FUZZ '))
        .map((l) => JSON.parse(l.slice(5)));
      resolve({ code, signal, stderr: err, records, at });
    });
  });
}

let batch = 0;
while (Date.now() - started < budgetMs && batch < maxBatches) {
  const deadline = started + budgetMs;
  const r = await runBatch(batch, deadline);
  for (const rec of r.records) {
    if (rec.ok) covered.set(rec.name, (covered.get(rec.name) ?? 0) + rec.runs);
    else failures.push({ ...rec, batch });
  }
  if (r.code !== 0) {
    // A crash (signal), an abort, a hang killed by the watchdog, or the worker's own error.
    failures.push({
      name: r.at?.name ?? '(startup)',
      batch,
      crash: r.signal ? `killed by ${r.signal}` : `exited with ${r.code}`,
      lastCase: r.at?.case ?? null,
      stderr: r.stderr.trim().split('\n').slice(-20).join('\n'),
    });
    if (r.at === null) break;
  }
  for (const f of failures) skip.add(f.name);
  batch += 1;
}
rmSync(tmp, { recursive: true, force: true });

const total = [...covered.values()].reduce((a, b) => a + b, 0);
console.log(
  `fuzz: ${batch} batch(es), ${total} passing cases over ${covered.size} exports in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (failures.length === 0) process.exit(0);

for (const f of failures) {
  console.error(`\nFAILED: ${f.name} (batch ${f.batch})`);
  if (f.crash) {
    console.error(`  the worker ${f.crash}; last case started: ${f.lastCase ?? '(none)'}`);
    if (f.stderr) console.error(`  stderr:\n${f.stderr.replace(/^/gm, '    ')}`);
    console.error(`  rerun the batch: ${replayBase} --max-batches ${f.batch + 1}`);
  } else {
    console.error(`  ${f.error.replace(/\n/g, '\n  ')}`);
    console.error(`  shrunk counterexample: ${f.counterexample}`);
    console.error(`  replay: npm run fuzz -- --replay '${f.name}:${f.seed}:${f.path}'`);
  }
}
process.exit(1);
