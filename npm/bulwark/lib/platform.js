'use strict';
// Platform names as napi-rs spells them (linux-x64-gnu, darwin-arm64, win32-x64-msvc, ...),
// the table of published per-platform packages (also read by the pack script), and musl
// detection without spawning a process.

const fs = require('node:fs');

/**
 * Every platform with a prebuilt native addon: the Rust target, the napi-rs platform name,
 * the npm package that carries `file`, that package's `os`, `cpu` and `libc` fields (each
 * one value; package.json wants them as one-element arrays), and `optional`: whether the
 * main package lists it in optionalDependencies.
 *
 * `win32-x64-gnu` (x86_64-pc-windows-gnu, cross-built on Linux with MinGW) is napi-rs's
 * name for an addon for a MinGW-built Node; napi-rs loads it only there, and so does this
 * loader. It is not an optional dependency: npm cannot tell MinGW Node from the official
 * (MSVC-built) one, so every Windows install would download it for nothing.
 */
const TARGETS = Object.freeze(
  [
    ['x86_64-unknown-linux-gnu', 'linux-x64-gnu', 'linux', 'x64', 'glibc'],
    ['aarch64-unknown-linux-gnu', 'linux-arm64-gnu', 'linux', 'arm64', 'glibc'],
    ['x86_64-unknown-linux-musl', 'linux-x64-musl', 'linux', 'x64', 'musl'],
    ['aarch64-unknown-linux-musl', 'linux-arm64-musl', 'linux', 'arm64', 'musl'],
    ['armv7-unknown-linux-gnueabihf', 'linux-arm-gnueabihf', 'linux', 'arm', 'glibc'],
    ['x86_64-apple-darwin', 'darwin-x64', 'darwin', 'x64', null],
    ['aarch64-apple-darwin', 'darwin-arm64', 'darwin', 'arm64', null],
    ['x86_64-pc-windows-msvc', 'win32-x64-msvc', 'win32', 'x64', null],
    ['aarch64-pc-windows-msvc', 'win32-arm64-msvc', 'win32', 'arm64', null],
    ['x86_64-pc-windows-gnu', 'win32-x64-gnu', 'win32', 'x64', null, false],
  ].map(([triple, platform, os, cpu, libc, optional = true]) =>
    Object.freeze({
      triple,
      platform,
      packageName: `bulwark-${platform}`,
      file: `bulwark.${platform}.node`,
      os,
      cpu,
      libc,
      optional,
    }),
  ),
);

/** Rust target triple -> its entry in TARGETS. */
const byTriple = new Map(TARGETS.map((target) => [target.triple, target]));

/** The TARGETS entry for a Rust target triple, or undefined. */
function targetForTriple(triple) {
  return byTriple.get(triple);
}

/** napi-rs platform name -> its entry in TARGETS. */
const byPlatform = new Map(TARGETS.map((target) => [target.platform, target]));

/** The TARGETS entry for a napi-rs platform name, or undefined when none is published. */
function targetFor(platform) {
  return byPlatform.get(platform);
}

/** `value[key]` when it is an own property of an object, else undefined (no prototype reads). */
function own(value, key) {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? value[key] : undefined;
}

function isMuslFile(file) {
  return typeof file === 'string' && (file.includes('libc.musl-') || file.includes('ld-musl-'));
}

/**
 * Which libc this Node runs on, from a diagnostic report and the text of /usr/bin/ldd (as
 * napi-rs decides): `{ libc: 'glibc' | 'musl', evidence }`. `report` or `ldd` may be null.
 */
function libcFrom(report, ldd) {
  const header = own(report, 'header');
  const glibc = own(header, 'glibcVersionRuntime');
  if (typeof glibc === 'string' && glibc !== '') {
    return { libc: 'glibc', evidence: `glibc ${glibc} (process.report)` };
  }
  const shared = own(report, 'sharedObjects');
  if (Array.isArray(shared) && shared.some(isMuslFile)) {
    return { libc: 'musl', evidence: 'musl loaded (process.report)' };
  }
  if (typeof ldd === 'string' && ldd.includes('musl')) return { libc: 'musl', evidence: 'musl ldd (/usr/bin/ldd)' };
  if (typeof ldd === 'string' && /GNU C Library|glibc|GLIBC/.test(ldd)) {
    return { libc: 'glibc', evidence: 'glibc ldd (/usr/bin/ldd)' };
  }
  // A glibc build of Node always reports its glibc version; without one, it is not glibc.
  if (header !== null && typeof header === 'object') {
    return { libc: 'musl', evidence: 'no glibc version in process.report' };
  }
  return { libc: 'glibc', evidence: 'no process.report and no /usr/bin/ldd: assumed glibc' };
}

/** A diagnostic report without the network section (which can wait on DNS), or null. */
function diagnosticReport() {
  const report = process.report;
  if (!report || typeof report.getReport !== 'function') return null;
  const excluded = report.excludeNetwork;
  try {
    report.excludeNetwork = true;
    return report.getReport();
  } catch {
    return null;
  } finally {
    report.excludeNetwork = excluded;
  }
}

function readLdd() {
  try {
    // Only the first bytes matter: the script's header names its libc.
    return fs.readFileSync('/usr/bin/ldd', 'latin1').slice(0, 64 * 1024);
  } catch {
    return null;
  }
}

/** This process's libc on Linux: `{ libc, evidence }`; the report is only read when needed. */
function detectLibc() {
  const report = diagnosticReport();
  // Read /usr/bin/ldd only when the report does not settle it.
  const settled = typeof own(own(report, 'header'), 'glibcVersionRuntime') === 'string';
  return libcFrom(report, settled ? null : readLdd());
}

/**
 * This process's platform as napi-rs names it, with how the libc was told on Linux:
 * `{ platform: 'linux-x64-musl', evidence: 'musl ldd (/usr/bin/ldd)' }`.
 */
function detectPlatform() {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const { libc, evidence } = detectLibc();
    const musl = libc === 'musl';
    // napi-rs names 32-bit ARM (armv7, hard float) by its ABI.
    if (arch === 'arm') return { platform: `linux-arm-${musl ? 'musleabihf' : 'gnueabihf'}`, evidence };
    return { platform: `linux-${arch}-${musl ? 'musl' : 'gnu'}`, evidence };
  }
  if (platform === 'win32') {
    // As napi-rs: a MinGW-built Node (MSYS2) links import libraries named *.dll.a.
    const variables = own(process.config, 'variables');
    const gnu = own(variables, 'shlib_suffix') === 'dll.a';
    return { platform: `win32-${arch}-${gnu ? 'gnu' : 'msvc'}`, evidence: null };
  }
  return { platform: `${platform}-${arch}`, evidence: null };
}

const current = detectPlatform();

/** The file name of the native addon for this platform (the package root, or its package). */
const nativeFile = `bulwark.${current.platform}.node`;

module.exports = {
  TARGETS,
  targetFor,
  targetForTriple,
  libcFrom,
  detectPlatform,
  platform: current.platform,
  libcEvidence: current.evidence,
  nativeFile,
};
