'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { JSDOM } = require('jsdom');
const { bulwark, fc, NON_STRINGS, assertCode } = require('./helpers');

const { sanitizeHtml, createSanitizer, stripTags } = bulwark;
const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { binding } = require(path.join(pkgDir, 'lib', 'backend.js'));

// A real HTML5 parser as the oracle: what a browser would build from our output.
const { document } = new JSDOM('').window;
function parse(html) {
  const body = document.createElement('body');
  body.innerHTML = html;
  return body;
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'ping',
  'background',
]);
const FORBIDDEN = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'plaintext',
]);

/**
 * True when `value` read as a URL has a script-capable scheme, as a browser reads it:
 * leading and trailing C0 controls and spaces stripped, tabs and newlines removed anywhere,
 * case ignored (the DOM value is already entity-decoded).
 */
function isScriptUrl(value) {
  const url = value
    .replace(/^[\u0000-\u0020]+/, '')
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
  return /^(javascript|vbscript|data):/.test(url);
}

/** Attributes whose value is a list of URLs (srcset candidates, ping lists). */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping', 'archive']);

/** Everything a browser could run from `html`, as a list of findings (empty when safe). */
function dangers(html) {
  const found = [];
  for (const el of parse(html).querySelectorAll('*')) {
    const name = el.localName;
    if (FORBIDDEN.has(name)) found.push(`<${name}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc')
        found.push(`${name}[${attr.name}]`);
      if (URL_ATTRIBUTES.has(attr.name)) {
        const scheme = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(scheme)) found.push(`${name}[${attr.name}=${attr.value}]`);
      }
      // No attribute at all may hold a script URL, and no candidate of a URL list.
      const parts = URL_LIST_ATTRIBUTES.has(attr.name) ? [...attr.value.split(','), ...attr.value.split(/[\s,]+/)] : [];
      if (isScriptUrl(attr.value) || parts.some(isScriptUrl))
        found.push(`${name}[${attr.name}=${JSON.stringify(attr.value)}]`);
    }
  }
  return found;
}

const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style></annotation-xml></math>',
  '<svg><iframe><a title="</iframe><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg><set attributeName=href to="javascript:alert(1)"/><a><text>x</text></a></svg>',
  '<svg><animate attributeName=href values="javascript:alert(1)"/></svg>',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<img src="javascript:alert(1)">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<object data="javascript:alert(1)"></object>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<table><td background="javascript:alert(1)">',
  '<button formaction="javascript:alert(1)">x</button>',
  '<details open ontoggle=alert(1)>',
  '<a href="#" onclick="alert(1)" onmouseover=alert(1)>x</a>',
  '<img src=x onerror=alert(1)//',
  '<template><img src=x onerror=alert(1)></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  // URL attributes ammonia does not check itself (issue 9, item 3).
  '<q cite="javascript:alert(1)">x</q>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<del cite=" &#1;JaVa&#x09;ScRiPt:alert(1)">x</del>',
  '<ins cite="vbscript:msgbox(1)">x</ins>',
  '<q cite="data:text/html,<script>alert(1)</script>">x</q>',
  '<img srcset="a.jpg 1x, javascript:alert(1) 2x">',
  '<img src="a.jpg" title="javascript:alert(1)">',
  '<img longdesc="javascript:alert(1)" src="a.jpg">',
  '<a href="https://e.com" ping="https://e.com javascript:alert(1)">x</a>',
];

test('known XSS vectors come out inert (checked by a real HTML5 parser) and stable', () => {
  for (const vector of VECTORS) {
    const out = sanitizeHtml(vector);
    assert.deepEqual(dangers(out), [], `${vector} -> ${out}`);
    assert.equal(sanitizeHtml(out), out, `idempotent for ${vector}`);
  }
});

// Generated documents: dangerous and harmless tags, attributes and URLs, nested.
const TAGS = [
  'p',
  'b',
  'i',
  'a',
  'img',
  'div',
  'span',
  'ul',
  'li',
  'table',
  'td',
  'script',
  'style',
  'svg',
  'math',
  'iframe',
  'form',
  'textarea',
  'title',
  'noscript',
  'template',
  'select',
  'option',
  'mglyph',
  'mtext',
  'annotation-xml',
  'xmp',
  'object',
];
const ATTRS = [
  'href',
  'src',
  'onerror',
  'onclick',
  'style',
  'title',
  'class',
  'id',
  'data-x',
  'srcdoc',
  'formaction',
  'xlink:href',
  'action',
  'rel',
];
const VALUES = [
  'x',
  'javascript:alert(1)',
  ' java\tscript:alert(1)',
  'jav&#x61;script:1',
  'data:text/html,<script>1</script>',
  '//evil.com',
  'https://ok.example/',
  '"><img src=x onerror=alert(1)>',
  '</style><img src=x onerror=1>',
  '&amp;&lt;',
  '',
];
const TEXT = [
  'text',
  ' ',
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;script&gt;',
  '"',
  "'",
  '\u00a0',
  '\r\n',
  '😀',
  '</',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
];

const html = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('text'), tie('element'), tie('comment')),
  text: fc.constantFrom(...TEXT),
  comment: fc.constantFrom(...TEXT).map((t) => `<!--${t}-->`),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES), fc.constantFrom('"', "'", '')), {
        maxLength: 3,
      }),
      children: fc.array(tie('node'), { maxLength: 4 }),
      close: fc.boolean(),
    })
    .map(({ tag, attrs, children, close }) => {
      const attrText = attrs.map(([n, v, q]) => ` ${n}=${q}${v}${q}`).join('');
      return `<${tag}${attrText}>${children.join('')}${close ? `</${tag}>` : ''}`;
    }),
})).node;

test('generated documents: output is inert, idempotent, and equal through every path', () => {
  const custom = createSanitizer({
    allowedTags: ['p', 'b', 'a', 'img', 'div', 'form', 'textarea'],
    allowedAttributes: { a: ['href'], img: ['src'], '*': ['title', 'data-*'] },
    allowProtocolRelative: false,
  });
  fc.assert(
    fc.property(
      fc.array(html, { maxLength: 6 }).map((nodes) => nodes.join('')),
      (input) => {
        const out = sanitizeHtml(input);
        assert.deepEqual(dangers(out), [], `${input} -> ${out}`);
        assert.equal(sanitizeHtml(out), out);
        assert.equal(out, binding.sanitizeHtml(input), 'JS plain-text shortcut agrees with the core');
        const narrow = custom.sanitize(input);
        assert.deepEqual(dangers(narrow), []);
        assert.equal(custom.sanitize(narrow), narrow);
        for (const a of parse(narrow).querySelectorAll('a[href]'))
          assert.doesNotMatch(a.getAttribute('href'), /^\s*[/\\]{2}/);
      },
    ),
    { numRuns: 1000 },
  );
});

// Every attribute that carries a URL, allowed on every tag of a custom policy.
const URL_ATTRS = [
  'href',
  'src',
  'cite',
  'srcset',
  'longdesc',
  'background',
  'poster',
  'action',
  'data',
  'codebase',
  'xlink:href',
  'ping',
  'icon',
  'manifest',
  'usemap',
  'lowsrc',
  'dynsrc',
  'classid',
  'profile',
  'archive',
  'imagesrcset',
];
const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' &#1; javascript:alert(1)',
  'java&#x09;script:alert(1)',
  'java&NewLine;script:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'a.jpg 1x, javascript:alert(1) 2x',
  'a.jpg 1x,javascript:alert(1)',
  'https://ok.example/ javascript:alert(1)',
];

test("URL attributes outside ammonia's list follow the schemes, default and custom", () => {
  // The default policy allows cite on q, blockquote, del and ins.
  for (const tag of ['q', 'blockquote', 'del', 'ins']) {
    for (const url of SCRIPT_URLS) {
      const out = sanitizeHtml(`<${tag} cite="${url}">x</${tag}>`);
      assert.deepEqual(dangers(out), [], `${url} -> ${out}`);
      // A list-shaped value is one relative URL in cite; every other one is a script URL.
      if (!url.includes('a.jpg') && !url.startsWith('https')) assert.equal(out, `<${tag}>x</${tag}>`, url);
    }
    const ok = `<${tag} cite="https://e.com/source">x</${tag}>`;
    assert.equal(sanitizeHtml(ok), ok);
  }
  const custom = createSanitizer({
    allowedTags: ['q', 'img', 'a', 'p'],
    allowedAttributes: { '*': [...URL_ATTRS, 'title', 'alt', 'data-*'] },
    allowedSchemes: ['https'],
    allowedSchemesByTag: { img: ['https', 'http'] },
    linkRel: null,
  });
  for (const attr of URL_ATTRS) {
    for (const url of SCRIPT_URLS) {
      for (const tag of ['q', 'img', 'a']) {
        const out = custom.sanitize(`<${tag} ${attr}="${url}">`);
        assert.deepEqual(dangers(out), [], `${attr}=${url} -> ${out}`);
        const list = URL_LIST_ATTRIBUTES.has(attr);
        if (list || !(url.includes('a.jpg') || url.includes('https')))
          assert.ok(!out.includes(`${attr}=`), `${attr}=${url} -> ${out}`);
      }
    }
    // allowedSchemes applies to every URL attribute (http only for <img>).
    assert.equal(custom.sanitize(`<q ${attr}="http://e.com/x">y</q>`), '<q>y</q>', attr);
    const https = `<q ${attr}="https://e.com/x">y</q>`;
    assert.equal(custom.sanitize(https), https, attr);
    const img = `<img ${attr}="http://e.com/x">`;
    assert.equal(custom.sanitize(img), img, attr);
  }
  const srcset = '<img srcset="a.jpg 1x, https://e.com/b.jpg 2x, c.jpg (w,h) 100w">';
  assert.equal(custom.sanitize(srcset), srcset);
  assert.equal(custom.sanitize('<img srcset="a.jpg 1x, ftp://e.com/b.jpg 2x">'), '<img>');
  // Other attributes keep ordinary text, and lose script URLs.
  assert.equal(
    custom.sanitize('<p title="see javascript: the good parts">x</p>'),
    '<p title="see javascript: the good parts">x</p>',
  );
  assert.equal(custom.sanitize('<p title=" javascript:alert(1)" data-url="data:x">x</p>'), '<p>x</p>');
  const strict = createSanitizer({ allowedAttributes: { q: ['cite'] }, allowProtocolRelative: false });
  assert.equal(strict.sanitize('<q cite="//evil.example/">x</q>'), '<q>x</q>');
  assert.equal(strict.sanitize('<q cite="/local">x</q>'), '<q cite="/local">x</q>');
});

test('generated URL attribute values: no script URL survives in any attribute', () => {
  const custom = createSanitizer({
    allowedTags: ['q', 'img', 'a', 'p', 'blockquote'],
    allowedAttributes: { '*': [...URL_ATTRS, 'title', 'alt', 'data-*'] },
    allowedSchemes: ['https', 'mailto'],
  });
  const piece = fc.constantFrom(
    'javascript',
    'JAVASCRIPT',
    'vbscript',
    'data',
    ':',
    'alert(1)',
    '&#x09;',
    '&#10;',
    '&#13;',
    '\t',
    '\n',
    ' ',
    '&#1;',
    '&#0;',
    ',',
    ' 2x',
    '(',
    ')',
    'https://e.com/',
    '//',
    'a.jpg',
    '&colon;',
    '&#58;',
    'java',
    'script',
  );
  const value = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('').replace(/"/g, ''));
  fc.assert(
    fc.property(
      fc.constantFrom('q', 'img', 'a', 'p', 'blockquote'),
      fc.constantFrom(...URL_ATTRS, 'title', 'alt', 'data-x'),
      value,
      (tag, attr, v) => {
        const input = `<${tag} ${attr}="${v}">x</${tag}>`;
        for (const out of [custom.sanitize(input), sanitizeHtml(input)]) {
          assert.deepEqual(dangers(out), [], `${input} -> ${out}`);
        }
      },
    ),
    { numRuns: 3000, seed: 9 },
  );
});

test('maxBytes bounds the input in UTF-8 bytes (default 1 MiB; Infinity for none)', () => {
  const MiB = 1024 * 1024;
  const atLimit = `<b>${'a'.repeat(MiB - 7)}</b>`;
  assert.equal(Buffer.byteLength(atLimit), MiB);
  assert.equal(sanitizeHtml(atLimit), atLimit);
  assert.equal(stripTags(atLimit), 'a'.repeat(MiB - 7));
  const over = `${atLimit}x`;
  for (const fn of [() => sanitizeHtml(over), () => stripTags(over), () => createSanitizer().sanitize(over)])
    assertCode(fn, 'INPUT_TOO_LARGE');
  // Counted in UTF-8, not UTF-16 units: 'é' is two bytes, a lone surrogate three (U+FFFD).
  const accents = 'é'.repeat(MiB / 2 + 1);
  assert.ok(accents.length < MiB);
  assertCode(() => sanitizeHtml(accents), 'INPUT_TOO_LARGE');
  assertCode(() => stripTags(accents), 'INPUT_TOO_LARGE');
  assertCode(() => sanitizeHtml('\ud800'.repeat(MiB / 3 + 1)), 'INPUT_TOO_LARGE');
  // Plain text is bounded too.
  assertCode(() => sanitizeHtml('a'.repeat(MiB + 1)), 'INPUT_TOO_LARGE');
  // Per call, per sanitizer, and off.
  assertCode(() => sanitizeHtml('<b>xy</b>', { maxBytes: 8 }), 'INPUT_TOO_LARGE');
  assert.equal(sanitizeHtml('<b>x</b>', { maxBytes: 8 }), '<b>x</b>');
  assertCode(() => stripTags('<b>xy</b>', { maxBytes: 8 }), 'INPUT_TOO_LARGE');
  assert.equal(stripTags('<b>x</b>', { maxBytes: 8 }), 'x');
  assertCode(() => createSanitizer({ maxBytes: 0 }).sanitize('a'), 'INPUT_TOO_LARGE');
  assert.equal(createSanitizer({ maxBytes: 0 }).sanitize(''), '');
  assert.equal(sanitizeHtml(over, { maxBytes: Infinity }), over);
  assert.equal(stripTags(over, { maxBytes: Infinity }), `${'a'.repeat(MiB - 7)}x`);
  assert.equal(createSanitizer({ maxBytes: 2 * MiB }).sanitize(over), over);
  // The core checks too, whatever the JS layer let through.
  assertCode(() => {
    try {
      return binding.stripTags('<b>xy</b>', 8);
    } catch (err) {
      throw require(path.join(pkgDir, 'lib', 'errors.js')).fromBackend(err);
    }
  }, 'INPUT_TOO_LARGE');
  for (const maxBytes of [-1, 1.5, NaN, '10', null, -Infinity, 2 ** 53]) {
    assertCode(() => sanitizeHtml('<b>x</b>', { maxBytes }), 'INVALID_OPTIONS');
    assertCode(() => createSanitizer({ maxBytes }), 'INVALID_OPTIONS');
    assertCode(() => stripTags('<b>x</b>', { maxBytes }), 'INVALID_OPTIONS');
  }
  assertCode(() => stripTags('<b>x</b>', { maxDepth: 3 }), 'INVALID_OPTIONS');
});

test('policy errors name the same offender on every call and in every process', () => {
  const cases = [
    [{ nonTextTags: ['div', 'table', 'span', 'b'] }, '<div>'],
    [{ allowedTags: ['p', 'style', 'script', 'iframe'] }, '<style>'],
    [{ allowedClasses: { p: ['x'], b: ['x'], i: ['x'] }, allowedAttributes: { i: ['class'], b: ['class'] } }, '"b"'],
    // The first offender in the caller's key order.
    [{ allowedAttributes: { p: ['onclick'], b: ['onerror'], a: ['onload'] } }, '"onclick"'],
  ];
  const messages = (options) => {
    const seen = new Set();
    for (let i = 0; i < 40; i += 1) {
      try {
        createSanitizer(options);
      } catch (err) {
        seen.add(err.message);
      }
    }
    return [...seen];
  };
  const inProcess = cases.map(([options, offender]) => {
    const seen = messages(options);
    assert.equal(seen.length, 1, `${JSON.stringify(options)}: ${seen.join(' | ')}`);
    assert.ok(seen[0].includes(offender), `${seen[0]} names ${offender}`);
    return seen[0];
  });
  // HashSet order is seeded per process: fresh processes must agree.
  const script = `const b = require('bulwark'); const out = [];
    for (const o of ${JSON.stringify(cases.map(([o]) => o))}) { try { b.createSanitizer(o); } catch (e) { out.push(e.message); } }
    process.stdout.write(JSON.stringify(out));`;
  for (let i = 0; i < 4; i += 1) {
    const child = require('node:child_process').spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: process.env,
      cwd: __dirname,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), inProcess);
  }
});

test('plain text comes back unchanged, exactly as the parser would give it', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      const out = sanitizeHtml(text);
      assert.equal(out, binding.sanitizeHtml(text), 'shortcut equals the core');
      if (!/[<>&\r\0\u00a0\ufeff]/.test(text)) assert.equal(out, text);
    }),
    { numRuns: 500 },
  );
});

test('options map to the policy', () => {
  const cases = [
    [{ allowedTags: ['b'] }, '<b>x</b><i>y</i>', '<b>x</b>y'],
    [{ allowedTags: ['p'], allowedAttributes: { p: ['title'] } }, '<p title="t" id="i">x</p>', '<p title="t">x</p>'],
    [
      { allowedAttributes: { '*': ['data-*'] } },
      '<p data-a="1" data-b="2" title="t">x</p>',
      '<p data-a="1" data-b="2">x</p>',
    ],
    [
      { allowedSchemes: ['https'] },
      '<a href="http://e.com">x</a><a href="https://e.com">y</a>',
      '<a rel="noopener noreferrer">x</a><a href="https://e.com" rel="noopener noreferrer">y</a>',
    ],
    [
      { allowedSchemes: ['https'], allowedSchemesByTag: { img: ['http'] } },
      '<img src="http://e.com/i.png"><a href="http://e.com">x</a>',
      '<img src="http://e.com/i.png"><a rel="noopener noreferrer">x</a>',
    ],
    [
      { allowProtocolRelative: false },
      '<a href="//e.com">x</a><a href="\\\\e.com">y</a><a href="/p">z</a>',
      '<a rel="noopener noreferrer">x</a><a rel="noopener noreferrer">y</a><a href="/p" rel="noopener noreferrer">z</a>',
    ],
    [{ allowedClasses: { p: ['lead'] } }, '<p class="lead evil">x</p>', '<p class="lead">x</p>'],
    [{ linkRel: null }, '<a href="/x">x</a>', '<a href="/x">x</a>'],
    [{ linkRel: 'nofollow' }, '<a href="/x">x</a>', '<a href="/x" rel="nofollow">x</a>'],
    [{ stripComments: false }, 'a<!-- c -->b', 'a<!-- c -->b'],
    [{ nonTextTags: ['script', 'style', 'textarea'] }, 'a<textarea>secret</textarea>b', 'ab'],
    [{ disallowedTagsMode: 'discard' }, '<blink>x</blink>', 'x'],
  ];
  for (const [options, input, expected] of cases) {
    assert.equal(sanitizeHtml(input, options), expected, JSON.stringify(options));
    assert.equal(createSanitizer(options).sanitize(input), expected, JSON.stringify(options));
  }
});

test('unsafe, unknown or malformed options are INVALID_OPTIONS', () => {
  const bad = [
    { allowedTags: ['script'] },
    { allowedTags: ['IFRAME'] },
    { allowedTags: ['svg'] },
    { allowedTags: false },
    { allowedTags: 'b' },
    { allowedTags: [1] },
    { allowedAttributes: false },
    { allowedAttributes: { img: ['onerror'] } },
    { allowedAttributes: { '*': ['on*'] } },
    { allowedAttributes: { p: ['style'] } },
    { allowedAttributes: { p: 'title' } },
    { allowedAttributes: { a: ['rel'] } },
    { allowedSchemes: ['javascript'] },
    { allowedSchemesByTag: { a: ['data'] } },
    { allowedClasses: { p: ['x'] }, allowedAttributes: { p: ['class'] } },
    { disallowedTagsMode: 'bogus' },
    { maxDepth: 0 },
    { maxDepth: 1.5 },
    { allowedtags: ['b'] },
    { allowedStyles: { '*': { color: ['red'] } } },
    { allowedAttributes: { p: ['style'] } },
    { exclusiveFilter: () => false },
    { transformTags: { b: () => ({ tagName: 'i', attribs: {} }) } },
  ];
  for (const options of bad) {
    assertCode(() => sanitizeHtml('<p>x</p>', options), 'INVALID_OPTIONS');
    assertCode(() => createSanitizer(options), 'INVALID_OPTIONS');
  }
  assert.throws(() => sanitizeHtml('<p>', 'b'), TypeError);
});

test('a polluted Object.prototype does not change a policy', () => {
  const keys = ['allowedTags', 'allowedAttributes', 'allowedSchemes', 'linkRel', 'nonTextTags', 'script', 'img', '*'];
  const values = [
    ['script', 'img'],
    { img: ['onerror'] },
    ['javascript'],
    null,
    [],
    ['onerror'],
    ['onerror'],
    ['onerror'],
  ];
  keys.forEach((k, i) => {
    Object.prototype[k] = values[i];
  });
  try {
    const out = sanitizeHtml('<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:1">x</a>');
    assert.equal(out, '<img src="x"><a rel="noopener noreferrer">x</a>');
    const custom = createSanitizer({ allowedAttributes: { a: ['href'] } }).sanitize(
      '<img src=x onerror=alert(1)><a href="/x">x</a>',
    );
    assert.equal(custom, '<img><a href="/x" rel="noopener noreferrer">x</a>');
  } finally {
    for (const k of keys) delete Object.prototype[k];
  }
});

test('stripTags returns the text content', () => {
  const cases = [
    ['', ''],
    ['plain text', 'plain text'],
    ['<b>bold</b> and <i>it</i>', 'bold and it'],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['<script>alert(1)</script>ok<style>p{}</style>', 'ok'],
    ['<!-- c -->x', 'x'],
    ['&amp;lt;', '&lt;'],
    ['<img src=x onerror=alert(1)>', ''],
  ];
  for (const [input, expected] of cases) assert.equal(stripTags(input), expected, input);
});

test('deep nesting is refused fast; large documents complete', () => {
  // 1.1 MB, over the default maxBytes: the depth limit is checked with the size limit off.
  const deep = `${'<div>'.repeat(100000)}x${'</div>'.repeat(100000)}`;
  const unlimited = { maxBytes: Infinity };
  assertCode(() => sanitizeHtml(deep), 'INPUT_TOO_LARGE');
  assertCode(() => sanitizeHtml(deep, unlimited), 'INPUT_TOO_DEEP');
  assertCode(() => stripTags(deep, unlimited), 'INPUT_TOO_DEEP');
  assertCode(() => createSanitizer({ maxDepth: 10000, maxBytes: Infinity }).sanitize(deep), 'INPUT_TOO_DEEP');
  const spans = `${'<span>'.repeat(100000)}x`;
  assertCode(() => sanitizeHtml(spans), 'INPUT_TOO_DEEP');
  const nested = `${'<div>'.repeat(500)}x${'</div>'.repeat(500)}`;
  assert.equal(sanitizeHtml(nested), nested);
  const big = '<p>hello <b>world</b> &amp; <a href="https://e.com" onclick="x">friends</a></p>'.repeat(150000);
  assert.ok(big.length > 10 * 1024 * 1024);
  const out = sanitizeHtml(big, unlimited);
  assert.equal(
    out,
    '<p>hello <b>world</b> &amp; <a href="https://e.com" rel="noopener noreferrer">friends</a></p>'.repeat(150000),
  );
});

test('lone surrogates come back as U+FFFD; results are always well-formed', () => {
  assert.equal(sanitizeHtml('a\ud800b'), 'a\ufffdb');
  assert.equal(sanitizeHtml('<b>\udc00</b>'), '<b>\ufffd</b>');
  assert.equal(stripTags('x\ud800'), 'x\ufffd');
});

test('non-strings throw TypeError', () => {
  for (const value of NON_STRINGS.filter((v) => !(v instanceof String))) {
    assert.throws(() => sanitizeHtml(value), TypeError);
    assert.throws(() => stripTags(value), TypeError);
    assert.throws(() => createSanitizer().sanitize(value), TypeError);
  }
});
