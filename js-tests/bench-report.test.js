'use strict';
// scripts/bench-report.mjs on a small fixture of the JSON lines benches/js/harness.js writes:
// no benchmarking here, only that the report lists every case and every missed target and
// that the charts are well-formed SVG with one bar per subject.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { JSDOM } = require('jsdom');

const loadReport = () => import('../scripts/bench-report.mjs');

const META = {
  type: 'meta',
  command: 'npm run bench -- --report',
  quick: false,
  built: true,
  profile: 'release',
  git: { commit: 'abc1234', modifiedFiles: 3 },
  machine: { cpu: 'Test CPU @ 3.0GHz', cores: 2, memory: 8 * 2 ** 30, os: 'Linux 6.1 (x64)' },
  versions: { node: 'v22.0.0', rustc: 'rustc 1.90.0', bulwark: '0.1.0', peers: { xss: '1.0.15', tsscmp: '1.0.6' } },
  note: 'Other engineers were compiling during this run.',
  before: {
    at: '2026-01-01T00:00:00.000Z',
    loadavg: [5.5, 4, 3],
    cpuPressure: { avg10: 50, avg60: 40, avg300: 30, totalUs: 1e6 },
  },
};

/** One case row per subject, with medians in ns; the first subject is the peer. */
function caseRows(capability, table, name, medians) {
  const subjects = Object.keys(medians);
  const peer = subjects[0];
  return subjects.map((subject) => ({
    type: 'case',
    capability,
    table,
    case: name,
    subject,
    peer,
    medianNs: medians[subject],
    noise: 0.02,
    peerNoise: 0.02,
    ratio: medians[peer] / medians[subject],
  }));
}

function targetRow(capability, table, name, theirs, ratio, atLeast, status) {
  return {
    type: 'target',
    capability,
    table,
    case: name,
    ours: 'bulwark native',
    theirs,
    description: `${capability} native vs ${theirs}, ${name}`,
    ratio,
    atLeast,
    noise: 0.04,
    status,
  };
}

const HTML = 'sanitizeHtml (peer: sanitize-html)';
const CMP = 'timingSafeEqual';
const RECORDS = [
  META,
  { type: 'run', capability: 'html', addon: 'release', at: 1 },
  ...caseRows('html', HTML, 'markup 1 KiB', {
    'sanitize-html': 60e3,
    xss: 21e3,
    'bulwark native': 44e3,
    'bulwark wasm': 72e3,
  }),
  ...caseRows('html', HTML, 'text 16 KiB', {
    'sanitize-html': 700e3,
    xss: 300e3,
    'bulwark native': 100e3,
    'bulwark wasm': 250e3,
  }),
  targetRow('html', HTML, 'markup 1 KiB', 'sanitize-html', 60 / 44, 3, 'MISSED'),
  targetRow('html', HTML, 'markup 1 KiB', 'xss', 21 / 44, 1, 'MISSED'),
  targetRow('html', HTML, 'text 16 KiB', 'sanitize-html', 7, 3, 'MET'),
  targetRow('html', HTML, 'text 16 KiB', 'xss', 3, 5, 'MISSED'),
  { type: 'scope', capability: 'html', text: 'html (native backend)' },
  { type: 'exit', capability: 'html', status: 'targets missed', seconds: 10 },
  { type: 'run', capability: 'compare', addon: 'ci', at: 2 },
  ...caseRows('compare', CMP, '32 B buffers', {
    'crypto.timingSafeEqual': 66,
    'bulwark native': 70,
    'bulwark wasm': 72,
  }),
  ...caseRows('compare', CMP, 'strings <"a|b">', { tsscmp: 12e3, 'bulwark native': 350, 'bulwark wasm': 500 }),
  targetRow('compare', CMP, '32 B buffers', 'crypto.timingSafeEqual', 66 / 70, 1, 'TIE'),
  targetRow('compare', CMP, 'strings <"a|b">', 'tsscmp', 12e3 / 350, 1, 'MET'),
  {
    type: 'note',
    capability: 'compare',
    text: 'The buffer rows measure the argument handling around the same primitive.',
  },
  {
    type: 'timing',
    capability: 'compare',
    table: '1 MB adversarial inputs',
    case: 'rtrim (spaces, 1048577 units)',
    medianNs: 2.5e6,
    answer: '1',
  },
  { type: 'rust', capability: 'rust core', case: 'escape/64KiB', medianNs: 30e3, low: 29e3, high: 31e3 },
  {
    type: 'meta-after',
    after: {
      at: '2026-01-01T00:10:00.000Z',
      loadavg: [6, 5, 4],
      cpuPressure: { avg10: 60, avg60: 50, avg300: 40, totalUs: 301e6 },
    },
    seconds: 600,
    failures: ['html.bench.js (targets missed)'],
  },
];

function generate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-report-'));
  return loadReport().then((report) => {
    const jsonl = `${RECORDS.map((r) => JSON.stringify(r)).join('\n')}\n{"type":"case","torn`;
    const files = report.writeReport(report.readRecords(jsonl), dir);
    return { dir, files, read: (name) => fs.readFileSync(path.join(dir, name), 'utf8') };
  });
}

/** Parses SVG text as XML (jsdom's XML parser throws on malformed markup). */
function parseSvg(text) {
  const { document } = new JSDOM(text, { contentType: 'image/svg+xml' }).window;
  assert.equal(document.documentElement.localName, 'svg');
  assert.equal(document.documentElement.namespaceURI, 'http://www.w3.org/2000/svg');
  return document;
}

test('bench report: writes report.md, summary.svg and one chart per capability', async () => {
  const { dir, files } = await generate();
  assert.deepEqual(files.map((f) => path.basename(f)).sort(), ['compare.svg', 'html.svg', 'report.md', 'summary.svg']);
  fs.rmSync(dir, { recursive: true });
});

test('bench report: the markdown lists every case, subject, missed target, machine and version', async () => {
  const { dir, read } = await generate();
  const md = read('report.md');
  for (const r of RECORDS.filter((x) => x.type === 'case')) {
    const name = r.case.replace(/\|/g, '\\|').replace(/</g, '&lt;');
    const row = `| ${r.table} | ${name} | ${r.subject} |`;
    assert.ok(md.includes(row), `row for ${r.case} / ${r.subject}`);
  }
  assert.ok(!md.includes('<"a'), 'a raw "<" from a case name would be read as HTML by GitHub');
  const missedSection = md.slice(md.indexOf('## Missed targets'), md.indexOf('## Machine and load'));
  const missed = RECORDS.filter((r) => r.type === 'target' && r.status === 'MISSED');
  assert.equal(missed.length, 3);
  for (const t of missed) assert.match(missedSection, new RegExp(`\\*\\*MISSED\\*\\* \\| ${t.description} \\|`));
  assert.ok(missedSection.includes('| TIE | compare native vs crypto.timingSafeEqual, 32 B buffers | 0.94x | ≥1x |'));
  assert.ok(missedSection.includes('| ±4.0% | 6% short, within the noise |'), 'what the TIE means');
  assert.ok(missedSection.includes('| ≥5x | ±4.0% | 40% short, beyond the noise |'), 'what the MISSED means');
  assert.ok(!md.includes('Partial run'), 'the run finished');
  assert.ok(!missedSection.includes('html native vs sanitize-html, text 16 KiB'), 'a MET target is not listed');
  assert.ok(missedSection.includes('The bench says: The buffer rows measure'), "the bench's own reason text");
  assert.ok(md.includes('| **all** | | 6 | 2 | 1 | **3** |'), 'totals');
  for (const text of [
    'Test CPU @ 3.0GHz, 2 logical cores',
    '8.0 GiB',
    'load average 5.50 / 4.00 / 3.00',
    'load average 6.00 / 5.00 / 4.00',
    'some task waited for a CPU 50% of the time',
    'Node v22.0.0; rustc 1.90.0; bulwark 0.1.0',
    'xss 1.0.15, tsscmp 1.0.6',
    'Other engineers were compiling during this run.',
    'The machine was shared during this run',
    'compare (ci)',
    '| escape/64KiB | 30.00 µs |',
    'rtrim (spaces, 1048577 units): 2.50 ms',
    '![Summary: peer time / Bulwark time per capability](summary.svg)',
    '![html](html.svg)',
  ])
    assert.ok(md.includes(text), text);
  fs.rmSync(dir, { recursive: true });
});

test('bench report: a run that did not finish is called partial', async () => {
  const report = await loadReport();
  const md = report.reportMarkdown(report.organize(RECORDS.filter((r) => r.type !== 'meta-after')));
  assert.ok(md.includes('> **Partial run**'));
  assert.ok(md.includes('it has the benches that completed (html)'));
});

test('bench report: each capability chart is SVG with one bar per subject of every case', async () => {
  const { dir, read } = await generate();
  for (const capability of ['html', 'compare']) {
    const document = parseSvg(read(`${capability}.svg`));
    const bars = [...document.querySelectorAll('rect.bar')];
    const cases = RECORDS.filter((r) => r.type === 'case' && r.capability === capability);
    assert.equal(bars.length, cases.length);
    for (const r of cases) {
      const bar = bars.filter(
        (b) => b.getAttribute('data-case') === r.case && b.getAttribute('data-subject') === r.subject,
      );
      assert.equal(bar.length, 1, `${r.case} / ${r.subject}`);
      assert.ok(Number(bar[0].getAttribute('width')) > 0);
    }
    assert.equal(document.querySelectorAll('script, foreignObject, image, style').length, 0, 'nothing external');
  }
  // Faster than the peer is drawn right of the 1x bar's start, slower to its left.
  const html = parseSvg(read('html.svg'));
  const bar = (c, s) =>
    [...html.querySelectorAll('rect.bar')].find(
      (b) => b.getAttribute('data-case') === c && b.getAttribute('data-subject') === s,
    );
  const peerX = Number(bar('markup 1 KiB', 'sanitize-html').getAttribute('x')) + 1;
  assert.ok(Number(bar('markup 1 KiB', 'xss').getAttribute('x')) >= peerX - 0.1, 'xss faster: starts at 1x');
  assert.ok(Number(bar('markup 1 KiB', 'bulwark wasm').getAttribute('x')) < peerX, 'wasm slower: ends at 1x');
  fs.rmSync(dir, { recursive: true });
});

test('bench report: the summary chart has a native and a WASM bar per capability', async () => {
  const { dir, read } = await generate();
  const document = parseSvg(read('summary.svg'));
  const bars = [...document.querySelectorAll('rect.bar')].map((b) => b.getAttribute('data-subject'));
  assert.deepEqual(bars, ['bulwark native', 'bulwark wasm', 'bulwark native', 'bulwark wasm']);
  assert.ok(document.documentElement.textContent.includes('html: 4 targets, 1 MET · 0 TIE · 3 MISSED'));
  fs.rmSync(dir, { recursive: true });
});
