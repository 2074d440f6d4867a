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
    { disallowedTagsMode: 'escape' },
    { maxDepth: 0 },
    { maxDepth: 1.5 },
    { allowedtags: ['b'] },
    { allowedStyles: {} },
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
  const deep = `${'<div>'.repeat(100000)}x${'</div>'.repeat(100000)}`;
  assertCode(() => sanitizeHtml(deep), 'INPUT_TOO_DEEP');
  assertCode(() => stripTags(deep), 'INPUT_TOO_DEEP');
  assertCode(() => createSanitizer({ maxDepth: 10000 }).sanitize(deep), 'INPUT_TOO_DEEP');
  const spans = `${'<span>'.repeat(100000)}x`;
  assertCode(() => sanitizeHtml(spans), 'INPUT_TOO_DEEP');
  const nested = `${'<div>'.repeat(500)}x${'</div>'.repeat(500)}`;
  assert.equal(sanitizeHtml(nested), nested);
  const big = '<p>hello <b>world</b> &amp; <a href="https://e.com" onclick="x">friends</a></p>'.repeat(150000);
  assert.ok(big.length > 10 * 1024 * 1024);
  const out = sanitizeHtml(big);
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
