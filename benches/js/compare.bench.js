'use strict';
// timingSafeEqual against Node's crypto.timingSafeEqual (same-length buffers; it throws on
// a length mismatch) and tsscmp (strings).
const crypto = require('node:crypto');
const tsscmp = require('tsscmp');
const { loadBackends, benchCase, printTable, target, printTargets, note } = require('./harness');

const { native, wasm } = loadBackends();

async function main() {
  const results = [];
  for (const bytes of [32, 64]) {
    const a = crypto.randomBytes(bytes);
    const b = Buffer.from(a);
    b[bytes - 1] ^= 1; // differ in the last byte: the worst case for an early-exit compare
    results.push(
      await benchCase({
        name: `${bytes} B buffers`,
        input: [a, b],
        reference: 'crypto.timingSafeEqual',
        peer: 'crypto.timingSafeEqual',
        impls: {
          'crypto.timingSafeEqual': ([x, y]) => crypto.timingSafeEqual(x, y),
          'bulwark native': ([x, y]) => native.timingSafeEqual(x, y),
          'bulwark wasm': ([x, y]) => wasm.timingSafeEqual(x, y),
        },
      }),
    );
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const other = `${token.slice(0, -1)}x`;
  results.push(
    await benchCase({
      name: '32-char strings',
      input: [token, other],
      reference: 'tsscmp',
      peer: 'tsscmp',
      impls: {
        tsscmp: ([x, y]) => tsscmp(x, y),
        'crypto (Buffer.from)': ([x, y]) => {
          const bx = Buffer.from(x);
          const by = Buffer.from(y);
          return bx.length === by.length && crypto.timingSafeEqual(bx, by);
        },
        'bulwark native': ([x, y]) => native.timingSafeEqual(x, y),
        'bulwark wasm': ([x, y]) => wasm.timingSafeEqual(x, y),
      },
    }),
  );
  printTable('timingSafeEqual', results);
  for (const r of results.slice(0, 2)) {
    target(
      `timingSafeEqual native vs crypto.timingSafeEqual, ${r.name}`,
      r,
      'bulwark native',
      'crypto.timingSafeEqual',
      1,
    );
  }
  target('timingSafeEqual native vs tsscmp, strings', results[2], 'bulwark native', 'tsscmp', 1);
  note(
    'On Node both backends hand equal-length inputs to node:crypto (see lib/compare.js), so the\n' +
      "buffer rows measure the cost of Bulwark's argument handling around the same primitive.",
  );
  process.exitCode = printTargets('compare (native backend)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
