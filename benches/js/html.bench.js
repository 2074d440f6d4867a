'use strict';
// sanitizeHtml against sanitize-html, xss (js-xss) and DOMPurify on jsdom, each with its
// defaults, at 1 KiB, 16 KiB and 256 KiB of markup-heavy HTML and of plain text.
// The libraries serialize differently (`<br>` vs `<br />`, escaping versus removing), so
// outputs are not compared byte for byte; instead every output must be free of script
// (checked below) and Bulwark's native and WASM outputs must be identical.
const assert = require('node:assert/strict');
const sanitizeHtmlLib = require('sanitize-html');
const xss = require('xss');
const createDOMPurify = require('dompurify');
const { JSDOM } = require('jsdom');
const { loadBackends, benchCase, printTable, target, printTargets } = require('./harness');

const { native, wasm } = loadBackends();
const DOMPurify = createDOMPurify(new JSDOM('').window);

const MARKUP =
  '<p class="c">Hello <b>world</b>, <i>see</i> <a href="https://example.com/x?a=1&amp;b=2" onclick="evil()">this link</a>' +
  ' and <img src="x.png" alt="pic" onerror="alert(1)"><script>alert(1)</script><!-- note --></p>\n' +
  '<ul><li>one</li><li>two &amp; three</li></ul><div><span title="t">nested <em>text</em></span></div>\n';
const TEXT =
  'The quick brown fox jumps over the lazy dog; it was a bright cold day in April, and the clocks were striking thirteen. ';

// Whole units only, so no tag is cut in half at the end.
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));

function check(outputs) {
  for (const [name, out] of Object.entries(outputs)) {
    assert.doesNotMatch(out, /<script|\son\w+\s*=/i, `${name} left script in its output`);
  }
  assert.equal(outputs['bulwark native'], outputs['bulwark wasm'], 'both backends agree');
}

async function main() {
  const results = [];
  for (const [kind, unit] of [
    ['markup', MARKUP],
    ['text', TEXT],
  ]) {
    for (const [label, bytes] of [
      ['1 KiB', 1024],
      ['16 KiB', 16 * 1024],
      ['256 KiB', 256 * 1024],
    ]) {
      results.push(
        await benchCase(
          {
            name: `${kind} ${label}`,
            input: fill(unit, bytes),
            peer: 'sanitize-html',
            check,
            impls: {
              'sanitize-html': (s) => sanitizeHtmlLib(s),
              xss: (s) => xss(s),
              'DOMPurify (jsdom)': (s) => DOMPurify.sanitize(s),
              'bulwark native': (s) => native.sanitizeHtml(s),
              'bulwark wasm': (s) => wasm.sanitizeHtml(s),
            },
          },
          { rounds: 9, batchMs: 40 },
        ),
      );
    }
  }
  printTable('sanitizeHtml (each library with its defaults; peer: sanitize-html)', results);
  for (const r of results) {
    target(`sanitizeHtml native vs sanitize-html, ${r.name}`, r, 'bulwark native', 'sanitize-html', 3);
    target(`sanitizeHtml native vs xss, ${r.name}`, r, 'bulwark native', 'xss', r.name.startsWith('text') ? 5 : 1);
  }
  process.exitCode = printTargets('html (native backend)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
