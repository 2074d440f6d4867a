#!/usr/bin/env node
// `npm run bench`: builds both backends, runs the Rust core benches (criterion), then every
// JS bench in benches/js against the JS packages Bulwark replaces. Not part of the tests:
// performance is reported here, never asserted in a timed test. A bench whose targets are
// missed says so in its output and exits non-zero; the run continues with the others.
//
//   npm run bench               everything
//   npm run bench -- escape     only benches whose name contains "escape"
//   npm run bench -- --js       skip the Rust benches
//   npm run bench -- --report   also write bench/report.md and bench/*.svg from this run
//                               (machine, versions and load recorded before and after)
//   npm run bench -- --quick    fewer, shorter rounds: checks the pipeline, numbers are rough
//   npm run bench -- --no-build use the backends as built (skips the release build)
//   npm run bench -- --note="text"  a remark printed at the top of the report
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, setup } from './setup.mjs';
import { readRecords, writeReport } from './bench-report.mjs';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) || '';
const jsOnly = args.includes('--js');
const report = args.includes('--report');
const quick = args.includes('--quick');
const noBuild = args.includes('--no-build');
const userNote = args.find((a) => a.startsWith('--note='))?.slice('--note='.length) ?? '';

function run(cmd, argv, opts = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`);
  return spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts }).status;
}

function output(cmd, argv) {
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: root });
  return result.status === 0 ? result.stdout.trim() : null;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** /proc/pressure/cpu's `some` line (share of time some task waited for a CPU), or null. */
function cpuPressure() {
  try {
    const line = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
    const fields = Object.fromEntries(
      line
        .split(' ')
        .slice(1)
        .map((kv) => kv.split('=')),
    );
    return { avg10: +fields.avg10, avg60: +fields.avg60, avg300: +fields.avg300, totalUs: +fields.total };
  } catch {
    return null;
  }
}

function loadSnapshot() {
  return { at: new Date().toISOString(), loadavg: os.loadavg(), freeMem: os.freemem(), cpuPressure: cpuPressure() };
}

/** Every package the JS benches require, with the version in its installed package.json. */
function peerVersions() {
  const dir = path.join(root, 'benches', 'js');
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/require\('([^'./][^']*)'\)/g)) {
      const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
      if (!name.startsWith('node:') && name !== 'bulwark') names.add(name);
    }
  }
  const versions = {};
  for (const name of [...names].sort()) {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    versions[name] = existsSync(manifest) ? readJson(manifest).version : 'not installed';
  }
  return versions;
}

/** Which cargo profile the native addon in npm/bulwark came from (build.mjs stamps its mtime). */
function addonProfile() {
  const addon = readdirSync(path.join(root, 'npm', 'bulwark')).find((f) => f.endsWith('.node'));
  if (!addon) return 'none';
  const copy = statSync(path.join(root, 'npm', 'bulwark', addon));
  for (const profile of ['release', 'ci', 'debug']) {
    const lib = path.join(root, 'target', profile, 'libbulwark_node.so');
    if (!existsSync(lib)) continue;
    const built = statSync(lib);
    // utimes keeps milliseconds: the copy's mtime can differ from the build's below 1 ms.
    if (built.size === copy.size && Math.abs(built.mtimeMs - copy.mtimeMs) < 1) return profile;
  }
  return 'not the latest build of any profile';
}

const resultsDir = path.join(root, '.bench-results');
const jsonPath = path.join(resultsDir, 'results.jsonl');
const record = (r) => report && appendFileSync(jsonPath, `${JSON.stringify(r)}\n`);
const started = Date.now();
if (report) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(jsonPath, '');
}

// Benches measure what ships: the fat-LTO release build.
process.env.BULWARK_PROFILE ??= 'release';
if (!noBuild) setup();

const dirty = output('git', ['status', '--porcelain', '--untracked-files=no']);
record({
  type: 'meta',
  command: `npm run bench -- ${args.join(' ')}`.trim(),
  quick,
  built: !noBuild,
  profile: process.env.BULWARK_PROFILE,
  git: {
    commit: output('git', ['rev-parse', '--short', 'HEAD']),
    modifiedFiles: dirty ? dirty.split('\n').length : 0,
  },
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
  },
  versions: {
    node: process.version,
    rustc: output('rustc', ['--version']),
    bulwark: readJson(path.join(root, 'npm', 'bulwark', 'package.json')).version,
    peers: peerVersions(),
  },
  note: userNote,
  before: loadSnapshot(),
});

const failures = [];
if (!jsOnly) {
  const criterionArgs = [
    'bench',
    '-p',
    'bulwark-bench',
    '--bench',
    'core',
    '--',
    '--warm-up-time',
    quick ? '0.2' : '1',
    '--measurement-time',
    quick ? '0.5' : '3',
  ];
  if (filter) criterionArgs.push(filter);
  if (run('cargo', criterionArgs) !== 0) failures.push('rust core');
  else if (report) recordCriterion();
}

/** Criterion's medians from target/criterion, for the benchmarks this run measured. */
function recordCriterion() {
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'report' && entry.name !== 'base') walk(full);
      else if (entry.name === 'estimates.json' && path.basename(dir) === 'new' && statSync(full).mtimeMs >= started) {
        const { full_id: id } = readJson(path.join(dir, 'benchmark.json'));
        const { median } = readJson(full);
        record({
          type: 'rust',
          capability: 'rust core',
          case: id,
          medianNs: median.point_estimate,
          low: median.confidence_interval.lower_bound,
          high: median.confidence_interval.upper_bound,
        });
      }
    }
  };
  const dir = path.join(root, 'target', 'criterion');
  if (existsSync(dir)) walk(dir);
}

const benches = readdirSync(path.join(root, 'benches', 'js'))
  .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
  .sort();
for (const file of benches) {
  record({ type: 'run', capability: file.replace(/\.bench\.js$/, ''), addon: addonProfile(), at: Date.now() });
  const status = run(process.execPath, [path.join('benches', 'js', file)], {
    env: {
      ...process.env,
      BULWARK_BACKEND: '',
      ...(report ? { BULWARK_BENCH_JSON: jsonPath } : {}),
      ...(quick ? { BULWARK_BENCH_QUICK: '1' } : {}),
    },
  });
  record({
    type: 'exit',
    capability: file.replace(/\.bench\.js$/, ''),
    status: status === 0 ? 'ok' : status === 3 ? 'targets missed' : 'error',
    seconds: (Date.now() - started) / 1000,
  });
  if (status !== 0) failures.push(file + (status === 3 ? ' (targets missed)' : ' (error)'));
}
console.log(
  failures.length ? `\nBenches with missed targets or errors: ${failures.join(', ')}` : '\nAll bench targets met.',
);
if (report) {
  record({ type: 'meta-after', after: loadSnapshot(), seconds: (Date.now() - started) / 1000, failures });
  const outDir = path.join(root, 'bench');
  const written = writeReport(readRecords(readFileSync(jsonPath, 'utf8')), outDir);
  console.log(`\nReport: ${written.map((f) => path.relative(root, f)).join(', ')}`);
}
process.exit(failures.length ? 1 : 0);
