#!/usr/bin/env node
// Turns the JSON lines of a `npm run bench -- --report` run (benches/js/harness.js writes one
// per table row, target, note and one-off timing; scripts/bench.mjs adds the machine, the
// versions, the load and criterion's medians) into bench/report.md, one chart per capability
// (bench/<capability>.svg) and bench/summary.svg. The charts are hand-written SVG: no fonts,
// scripts or styles from outside, so GitHub renders them as images.
//
//   node scripts/bench-report.mjs [.bench-results/results.jsonl] [bench]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parses JSON lines; a torn last line (a bench killed mid-write) is skipped, not fatal. */
export function readRecords(text) {
  const records = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // ignored: see above
    }
  }
  return records;
}

export function formatTime(ns) {
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

const ratioText = (r) => `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`;
const pct = (x) => `±${(x * 100).toFixed(1)}%`;
const xml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const md = (s) => String(s).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
const fileName = (capability) => capability.replace(/[^a-z0-9-]+/gi, '-');

/** bulwark native / bulwark wasm / Bulwark internals (a raw core crossing) / a peer. */
export function kindOf(subject) {
  if (/^bulwark native/.test(subject)) return 'native';
  if (/^bulwark wasm/.test(subject)) return 'wasm';
  if (/core (crossing|via binding)/.test(subject)) return 'internal';
  return 'peer';
}
const COLOR = { native: '#1f6fb4', wasm: '#8a4fc4', internal: '#9cc3e4', peer: '#9a9a9a' };
const STATUS_COLOR = { MET: '#23803a', TIE: '#a8760a', MISSED: '#c0392b' };

/** Groups the records: per capability, its tables (in order) of cases, its targets and notes. */
export function organize(records) {
  const meta = records.find((r) => r.type === 'meta') ?? {};
  const after = records.find((r) => r.type === 'meta-after') ?? {};
  const caps = new Map();
  const cap = (name) => {
    if (!caps.has(name))
      caps.set(name, { name, tables: new Map(), targets: [], notes: [], scopes: [], timings: [], runs: [], exits: [] });
    return caps.get(name);
  };
  const rust = [];
  for (const r of records) {
    if (r.type === 'case') {
      const tables = cap(r.capability).tables;
      if (!tables.has(r.table)) tables.set(r.table, new Map());
      const cases = tables.get(r.table);
      if (!cases.has(r.case)) cases.set(r.case, { name: r.case, table: r.table, peer: r.peer, rows: [] });
      cases.get(r.case).rows.push(r);
    } else if (r.type === 'target') cap(r.capability).targets.push(r);
    else if (r.type === 'note') cap(r.capability).notes.push(r.text);
    else if (r.type === 'scope') cap(r.capability).scopes.push(r.text);
    else if (r.type === 'timing') cap(r.capability).timings.push(r);
    else if (r.type === 'run') cap(r.capability).runs.push(r);
    else if (r.type === 'exit') cap(r.capability).exits.push(r);
    else if (r.type === 'rust') rust.push(r);
  }
  return { meta, after, capabilities: [...caps.values()], rust };
}

/** Targets whose `ours` is this row's subject in this row's case. */
const targetsOf = (c, table, caseName, subject) =>
  c.targets.filter((t) => t.table === table && t.case === caseName && t.ours === subject);

/** A log-scale axis over ratios; returns the mapping and its ticks. */
function logAxis(values, x0, x1) {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  let lo = Math.floor(Math.log10(Math.min(1, ...finite)));
  let hi = Math.ceil(Math.log10(Math.max(1, ...finite)));
  if (hi - lo < 1) hi = lo + 1;
  const x = (v) => x0 + ((Math.log10(Math.min(Math.max(v, 10 ** lo), 10 ** hi)) - lo) / (hi - lo)) * (x1 - x0);
  const ticks = [];
  for (let d = lo; d <= hi; d += 1) {
    for (const m of hi - lo <= 2 ? [1, 2, 5] : [1]) {
      const v = m * 10 ** d;
      if (v <= 10 ** hi + 1e-9) ticks.push(v);
    }
  }
  return { x, ticks };
}

const tickLabel = (v) => `${v >= 1 ? v.toFixed(0) : Number(v.toPrecision(1))}x`;

/**
 * One horizontal bar chart. `groups`: [{ title, cases: [{ name, rows: [{ subject, kind,
 * ratio, low, high, text, textColor, tick }] }] }]. Bars start at 1x (left: slower than the
 * peer, right: faster), whiskers span [low, high], `tick` marks a target ratio.
 */
function barChart({ title, subtitle, groups, whiskers = 'noise' }) {
  const W = 980;
  const labelX = 24;
  const x0 = 250;
  const x1 = 700;
  const textX = 712;
  const rowH = 15;
  const values = groups.flatMap((g) =>
    g.cases.flatMap((c) => c.rows.flatMap((r) => [r.ratio, r.low, r.high, r.tick].filter(Boolean))),
  );
  const { x, ticks } = logAxis(values, x0, x1);
  const out = [];
  let y = 58;
  const body = [];
  for (const g of groups) {
    if (g.title) {
      y += 8;
      body.push(`<text x="8" y="${y + 11}" font-weight="bold" font-size="12">${xml(g.title)}</text>`);
      y += rowH + 2;
    }
    for (const c of g.cases) {
      body.push(`<text x="${labelX - 8}" y="${y + 11}" font-weight="bold">${xml(c.name)}</text>`);
      y += rowH;
      for (const r of c.rows) {
        const mid = y + rowH / 2;
        const xr = x(r.ratio);
        const left = Math.min(x(1), xr);
        const width = Math.max(2, Math.abs(xr - x(1)));
        body.push(`<text x="${labelX}" y="${y + 11}">${xml(r.subject)}</text>`);
        body.push(
          `<rect class="bar" data-case="${xml(c.name)}" data-subject="${xml(r.subject)}" x="${(r.ratio === 1 ? x(1) - 1 : left).toFixed(1)}" y="${(mid - 4.5).toFixed(1)}" width="${width.toFixed(1)}" height="9" fill="${COLOR[r.kind]}"/>`,
        );
        if (r.low && r.high) {
          const a = x(r.low).toFixed(1);
          const b = x(r.high).toFixed(1);
          body.push(
            `<path d="M${a} ${mid}H${b}M${a} ${mid - 3}V${mid + 3}M${b} ${mid - 3}V${mid + 3}" stroke="#222" stroke-width="1" fill="none"/>`,
          );
        }
        if (r.tick) {
          const t = x(r.tick).toFixed(1);
          body.push(
            `<path d="M${t} ${y + 1}V${y + rowH - 1}" stroke="#c0392b" stroke-width="2" stroke-dasharray="2 1"/>`,
          );
        }
        body.push(`<text x="${textX}" y="${y + 11}" fill="${r.textColor || '#222'}">${xml(r.text)}</text>`);
        y += rowH;
      }
      y += 4;
    }
  }
  const bottom = y + 6;
  const H = bottom + 40;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="11" fill="#222">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="8" y="18" font-size="15" font-weight="bold">${xml(title)}</text>`);
  out.push(`<text x="8" y="34" fill="#555">${xml(subtitle)}</text>`);
  for (const v of ticks) {
    const t = x(v).toFixed(1);
    out.push(
      `<path d="M${t} 48V${bottom}" stroke="${v === 1 ? '#222' : '#ddd'}" stroke-width="${v === 1 ? 1.5 : 1}"/>`,
    );
    out.push(`<text x="${t}" y="46" text-anchor="middle" fill="#555">${tickLabel(v)}</text>`);
    out.push(`<text x="${t}" y="${bottom + 12}" text-anchor="middle" fill="#555">${tickLabel(v)}</text>`);
  }
  out.push(...body);
  // Legend.
  let lx = 8;
  const ly = H - 12;
  for (const [kind, label] of [
    ['native', 'Bulwark native'],
    ['wasm', 'Bulwark WASM'],
    ['internal', 'Bulwark internals'],
    ['peer', 'peer package'],
  ]) {
    out.push(`<rect x="${lx}" y="${ly - 8}" width="10" height="9" fill="${COLOR[kind]}"/>`);
    out.push(`<text x="${lx + 14}" y="${ly}">${label}</text>`);
    lx += 30 + label.length * 6.5;
  }
  out.push(
    `<path d="M${lx} ${ly - 4}H${lx + 14}M${lx} ${ly - 7}V${ly - 1}M${lx + 14} ${ly - 7}V${ly - 1}" stroke="#222" fill="none"/>`,
  );
  out.push(`<text x="${lx + 18}" y="${ly}">${xml(whiskers)}</text>`);
  lx += 36 + whiskers.length * 6.5;
  out.push(`<path d="M${lx + 5} ${ly - 9}V${ly + 1}" stroke="#c0392b" stroke-width="2" stroke-dasharray="2 1"/>`);
  out.push(`<text x="${lx + 12}" y="${ly}">target</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The chart of one capability: every case, every subject, ratio to the case's peer. */
export function capabilitySvg(c) {
  const groups = [...c.tables].map(([table, cases]) => ({
    title: table,
    cases: [...cases.values()].map((cs) => ({
      name: cs.name,
      rows: cs.rows.map((r) => {
        const ts = targetsOf(c, table, cs.name, r.subject);
        const noise = Math.min(0.95, (r.noise || 0) + (r.subject === r.peer ? 0 : r.peerNoise || 0));
        const parts = [r.subject === r.peer ? '1x (peer)' : ratioText(r.ratio)];
        let worst = '';
        for (const t of ts) {
          parts.push(
            t.theirs === cs.peer
              ? `${t.status} (≥${t.atLeast}x)`
              : `${ratioText(t.ratio)} vs ${t.theirs}: ${t.status} (≥${t.atLeast}x)`,
          );
          if (!worst || ['MET', 'TIE', 'MISSED'].indexOf(t.status) > ['MET', 'TIE', 'MISSED'].indexOf(worst))
            worst = t.status;
        }
        return {
          subject: r.subject,
          kind: kindOf(r.subject),
          ratio: r.ratio,
          low: r.ratio * (1 - noise),
          high: r.ratio * (1 + noise),
          tick: ts.find((t) => t.theirs === cs.peer)?.atLeast,
          text: parts.join(' · '),
          textColor: STATUS_COLOR[worst],
        };
      }),
    })),
  }));
  return barChart({
    title: `${c.name}: peer time / subject time`,
    subtitle:
      'Log scale; 1x = as fast as the case’s peer (its first row with “(peer)”), right of it = faster. Whiskers: both sides’ noise (half the IQR).',
    groups,
  });
}

const geomean = (xs) => Math.exp(xs.reduce((s, v) => s + Math.log(v), 0) / xs.length);

/** Per capability: native's and WASM's ratios over the targeted cases (geomean, min..max). */
export function summaryRows(capabilities) {
  return capabilities
    .filter((c) => c.targets.length)
    .map((c) => {
      const bySubject = { native: [], wasm: [] };
      for (const t of c.targets) {
        bySubject.native.push(t.ratio);
        const cs = c.tables.get(t.table)?.get(t.case);
        const theirs = cs?.rows.find((r) => r.subject === t.theirs);
        const wasm = cs?.rows.find((r) => kindOf(r.subject) === 'wasm');
        if (theirs && wasm) bySubject.wasm.push(theirs.medianNs / wasm.medianNs);
      }
      const count = (s) => c.targets.filter((t) => t.status === s).length;
      return {
        name: c.name,
        native: bySubject.native,
        wasm: bySubject.wasm,
        met: count('MET'),
        tie: count('TIE'),
        missed: count('MISSED'),
      };
    });
}

export function summarySvg(capabilities) {
  const rows = summaryRows(capabilities);
  return barChart({
    title: 'Bulwark vs the packages it replaces: peer time / Bulwark time',
    subtitle:
      'Per capability, over its targeted cases: bar = geometric mean, whisker = slowest..fastest case. Log scale; right of 1x = faster.',
    whiskers: 'slowest..fastest case',
    groups: [
      {
        title: '',
        cases: rows.map((s) => ({
          name: `${s.name}: ${s.native.length} targets, ${s.met} MET · ${s.tie} TIE · ${s.missed} MISSED`,
          rows: [
            ['bulwark native', s.native],
            ['bulwark wasm', s.wasm],
          ]
            .filter(([, xs]) => xs.length)
            .map(([subject, xs]) => ({
              subject,
              kind: kindOf(subject),
              ratio: geomean(xs),
              low: Math.min(...xs),
              high: Math.max(...xs),
              text: `${ratioText(geomean(xs))} (${ratioText(Math.min(...xs))}..${ratioText(Math.max(...xs))})`,
              textColor: subject === 'bulwark native' && s.missed ? STATUS_COLOR.MISSED : '',
            })),
        })),
      },
    ],
  });
}

const gib = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const load = (snap) =>
  snap
    ? `load average ${snap.loadavg.map((v) => v.toFixed(2)).join(' / ')} (1 / 5 / 15 min)` +
      (snap.cpuPressure
        ? `; CPU pressure (some) ${snap.cpuPressure.avg10}% / ${snap.cpuPressure.avg60}% / ${snap.cpuPressure.avg300}% (10 s / 60 s / 300 s)`
        : '')
    : 'not recorded';

/** What a target's status means in this run, in a few words. */
function reading(t) {
  if (t.status === 'MET') return 'met';
  const short = `${((1 - t.ratio / t.atLeast) * 100).toFixed(0)}% short`;
  if (t.status === 'MISSED') return `${short}, beyond the noise`;
  return t.noise >= 0.5 ? `${short}; noise too wide to decide` : `${short}, within the noise`;
}

/** A table of targets with their status, ratio, need, noise and reading. */
function targetTable(list) {
  return [
    '| status | target | ratio | needed | noise | reading |',
    '| --- | --- | --- | --- | --- | --- |',
    ...list.map(
      (t) =>
        `| ${t.status === 'MISSED' ? '**MISSED**' : t.status} | ${md(t.description)} | ${ratioText(t.ratio)} | ≥${t.atLeast}x | ${pct(t.noise)} | ${reading(t)} |`,
    ),
    '',
  ];
}

/** The report's markdown. */
export function reportMarkdown({ meta, after, capabilities, rust }) {
  const L = [];
  const allTargets = capabilities.flatMap((c) => c.targets.map((t) => ({ ...t, capability: c.name })));
  const count = (s) => allTargets.filter((t) => t.status === s).length;
  L.push('# Bulwark benchmark report', '');
  L.push(
    `Generated by \`${(meta.command ?? 'npm run bench -- --report').replace(/ --note=.*$/s, ' --note=…')}\` on ${meta.before?.at ?? 'an unrecorded date'}` +
      (meta.git ? ` at commit ${meta.git.commit}` : '') +
      (meta.git?.modifiedFiles
        ? ` with ${meta.git.modifiedFiles} tracked file(s) modified in the working tree (work in progress by other engineers was built and measured with it)`
        : '') +
      `. Cargo profile \`${meta.profile ?? 'unknown'}\`${meta.built === false ? ' (not rebuilt for this run)' : ''}.` +
      (after.seconds ? ` The run took ${(after.seconds / 60).toFixed(1)} min.` : ''),
    '',
  );
  if (meta.quick)
    L.push('> **Quick mode** (`--quick`): 3 short rounds per case. The numbers are rough; do not quote them.', '');
  if (meta.note) L.push(`> ${meta.note}`, '');
  if (!after.seconds)
    L.push(
      `> **Partial run**: the run had not finished when this report was written; it has the benches that completed (${
        capabilities
          .filter((c) => c.exits.length)
          .map((c) => c.name)
          .join(', ') || 'none'
      }).`,
      '',
    );
  const busy = [meta.before, after.after].some((s) => s && s.loadavg[0] > (meta.machine?.cores ?? 1));
  if (busy)
    L.push(
      '> **The machine was shared during this run**: the load average exceeded the number of cores (see Machine and load). ' +
        'Every implementation of a case is timed in interleaved rounds, so contention slows all of them alike and the ratios ' +
        'hold better than the absolute times, but the noise whiskers are wider than on an idle machine.',
      '',
    );
  L.push(
    'Each case times every implementation in the same process, outputs checked first, in interleaved rounds; the times are medians. ' +
      'Ratio = the case’s peer time / the subject’s time (above 1x: faster than the peer). ' +
      'Noise is half the interquartile range relative to the median. A target is **MET**, a **TIE** (short of it by less ' +
      'than the two sides’ combined noise) or **MISSED**. Targets are set on the native backend; WASM rows are reported.',
    '',
  );
  L.push('## Summary', '', '![Summary: peer time / Bulwark time per capability](summary.svg)', '');
  L.push(
    '| capability | cases | targets | MET | TIE | MISSED | chart |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of capabilities) {
    const cases = [...c.tables.values()].reduce((n, t) => n + t.size, 0);
    const n = (s) => c.targets.filter((t) => t.status === s).length;
    L.push(
      `| [${md(c.name)}](#${fileName(c.name)}) | ${cases} | ${c.targets.length} | ${n('MET')} | ${n('TIE')} | ${n('MISSED') ? `**${n('MISSED')}**` : 0} | [svg](${fileName(c.name)}.svg) |`,
    );
  }
  L.push(`| **all** | | ${allTargets.length} | ${count('MET')} | ${count('TIE')} | **${count('MISSED')}** | |`, '');
  const errored = capabilities.filter((c) => c.exits.some((e) => e.status === 'error'));
  if (errored.length)
    L.push(
      `**Benches that failed with an error** (their results are missing or partial): ${errored.map((c) => c.name).join(', ')}.`,
      '',
    );

  L.push('## Missed targets and ties', '');
  const notMet = allTargets.filter((t) => t.status !== 'MET');
  if (!notMet.length) L.push('None: every target was met.', '');
  for (const c of capabilities) {
    const list = c.targets.filter((t) => t.status !== 'MET');
    if (!list.length) continue;
    L.push(`### ${c.name}`, '', ...targetTable(list));
    for (const text of c.notes) L.push(`The bench says: ${md(text)}`, '');
  }

  L.push('## Machine and load', '');
  const m = meta.machine ?? {};
  L.push(
    `- CPU: ${m.cpu ?? 'unknown'}, ${m.cores ?? '?'} logical cores; memory ${m.memory ? gib(m.memory) : 'unknown'}; ${m.os ?? ''}`,
  );
  L.push(`- Before: ${load(meta.before)}`);
  L.push(`- After: ${load(after.after)}`);
  const p0 = meta.before?.cpuPressure;
  const p1 = after.after?.cpuPressure;
  if (p0 && p1 && after.seconds)
    L.push(
      `- Over the whole run, some task waited for a CPU ${(((p1.totalUs - p0.totalUs) / 1e6 / after.seconds) * 100).toFixed(0)}% of the time (/proc/pressure/cpu).`,
    );
  const addons = capabilities.flatMap((c) => c.runs.map((r) => [c.name, r.addon]));
  const odd = addons.filter(([, a]) => a !== meta.profile);
  if (addons.length)
    L.push(
      odd.length
        ? `- **Native addon not the \`${meta.profile}\` build** when these benches started (the tree is shared; another build replaced it): ${odd.map(([n, a]) => `${n} (${a})`).join(', ')}.`
        : `- Every JS bench started with the \`${meta.profile}\` native addon.`,
    );
  L.push('');
  L.push('## Versions', '');
  const v = meta.versions ?? {};
  L.push(`- Node ${v.node ?? '?'}; ${v.rustc ?? 'rustc unknown'}; bulwark ${v.bulwark ?? '?'}`);
  if (v.peers)
    L.push(
      `- Peers: ${Object.entries(v.peers)
        .map(([n, ver]) => `${n} ${ver}`)
        .join(', ')}`,
    );
  L.push('');

  for (const c of capabilities) {
    L.push(`## ${c.name}`, '', `![${c.name}](${fileName(c.name)}.svg)`, '');
    for (const s of c.scopes) L.push(`Targets: ${md(s)}.`, '');
    if (c.targets.length) L.push(...targetTable(c.targets));
    for (const text of c.notes) L.push(`The bench says: ${md(text)}`, '');
    L.push('<details><summary>Every case</summary>', '');
    L.push(
      '| table | case | subject | median/op | noise | vs peer | status |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [table, cases] of c.tables) {
      for (const cs of cases.values()) {
        for (const r of cs.rows) {
          const status = targetsOf(c, table, cs.name, r.subject)
            .map((t) => `${t.status} vs ${md(t.theirs)} (≥${t.atLeast}x)`)
            .join('; ');
          L.push(
            `| ${md(table)} | ${md(cs.name)} | ${md(r.subject)} | ${formatTime(r.medianNs)} | ${pct(r.noise)} | ${r.subject === r.peer ? '(peer)' : ratioText(r.ratio)} | ${status} |`,
          );
        }
      }
    }
    L.push('', '</details>', '');
    if (c.timings.length) {
      L.push(`${md(c.timings[0].table)}:`, '');
      for (const t of c.timings) L.push(`- ${md(t.case)}: ${formatTime(t.medianNs)} (median of 5)`);
      L.push('');
    }
  }
  if (rust.length) {
    L.push('## Rust core (criterion, no peers)', '', '| bench | median | 95% interval |', '| --- | --- | --- |');
    for (const r of rust)
      L.push(`| ${md(r.case)} | ${formatTime(r.medianNs)} | ${formatTime(r.low)} .. ${formatTime(r.high)} |`);
    L.push('');
  }
  return `${L.join('\n')}\n`;
}

/** Writes report.md, summary.svg and one <capability>.svg into `outDir`; returns the paths. */
export function writeReport(records, outDir) {
  const data = organize(records);
  mkdirSync(outDir, { recursive: true });
  const files = [];
  const write = (name, text) => {
    const file = path.join(outDir, name);
    writeFileSync(file, text);
    files.push(file);
  };
  write('report.md', reportMarkdown(data));
  write('summary.svg', summarySvg(data.capabilities));
  for (const c of data.capabilities) if (c.tables.size) write(`${fileName(c.name)}.svg`, capabilitySvg(c));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const input = process.argv[2] || path.join(root, '.bench-results', 'results.jsonl');
  const outDir = process.argv[3] || path.join(root, 'bench');
  const files = writeReport(readRecords(readFileSync(input, 'utf8')), outDir);
  console.log(files.map((f) => path.relative(process.cwd(), f)).join('\n'));
}
