'use strict';
// sanitize-html's options (issue 10, item 2), differentially against sanitize-html itself.
// Two checks per option:
// - on sanitize-html's documented examples (well-formed input, where its parser and a
//   browser's agree), the output is the same HTML (compared as jsdom parses it);
// - on generated documents, Bulwark never keeps an element, attribute or attribute value
//   that sanitize-html removes with the same options, and the output is inert and stable.
const test = require('node:test');
const assert = require('node:assert/strict');
const { JSDOM } = require('jsdom');
const sanitizeHtmlLib = require('sanitize-html');
const { bulwark, fc, assertCode } = require('./helpers');

const { sanitizeHtml, createSanitizer } = bulwark;
const { document } = new JSDOM('').window;

/** `html` as a browser's parser reads and writes it back. */
function normalize(html) {
  const body = document.createElement('body');
  body.innerHTML = html;
  return body.innerHTML;
}

/**
 * Every element, `tag[attr]` and `tag[attr=value]` in `html` (as a browser parses it); for
 * `style` and `class`, each declaration and class is a value.
 */
function markup(html) {
  const body = document.createElement('body');
  body.innerHTML = html;
  const found = new Set();
  for (const el of body.querySelectorAll('*')) {
    found.add(el.localName);
    for (const attr of el.attributes) {
      found.add(`${el.localName}[${attr.name}]`);
      // Styles and classes are filtered item by item: compare their items.
      const items =
        attr.name === 'style'
          ? attr.value.split(';').map((d) => d.replace(/\s+/g, ''))
          : attr.name === 'class'
            ? attr.value.split(/\s+/)
            : [attr.value];
      for (const item of items) if (item) found.add(`${el.localName}[${attr.name}=${JSON.stringify(item)}]`);
    }
  }
  return found;
}

/** Bulwark keeps nothing sanitize-html removes: its markup is a subset of sanitize-html's. */
function assertNoMoreThanPeer(input, options, ours = sanitizeHtml(input, options)) {
  const theirs = sanitizeHtmlLib(input, options);
  const peer = markup(theirs);
  for (const item of markup(ours)) {
    assert.ok(
      peer.has(item),
      `${item} kept by Bulwark, removed by sanitize-html\ninput: ${input}\nours: ${ours}\ntheirs: ${theirs}`,
    );
  }
}

// Both libraries get the same options; Bulwark's link rel is off so outputs can be compared.
const base = { linkRel: null };
const peerOptions = (options) => {
  const out = { ...options };
  delete out.linkRel;
  return out;
};
function same(input, options) {
  const ours = sanitizeHtml(input, { ...base, ...options });
  const theirs = sanitizeHtmlLib(input, peerOptions(options));
  assert.equal(normalize(ours), normalize(theirs), `${input} with ${JSON.stringify(options)}`);
  assert.equal(createSanitizer({ ...base, ...options }).sanitize(input), ours);
  return ours;
}

test('transformTags: renames and simpleTransform, as documented', () => {
  const { simpleTransform } = sanitizeHtml;
  same('<ol><li>one</li><li>two</li></ol>', { transformTags: { ol: 'ul' }, allowedTags: ['ul', 'li'] });
  const peer = sanitizeHtmlLib.simpleTransform('ul', { class: 'foo' });
  const ours = simpleTransform('ul', { class: 'foo' });
  const input = '<ol class="bar" title="t"><li>x</li></ol>';
  const allowed = { allowedTags: ['ul', 'li'], allowedAttributes: { ul: ['class', 'title'] } };
  assert.equal(
    normalize(sanitizeHtml(input, { ...base, ...allowed, transformTags: { ol: ours } })),
    normalize(sanitizeHtmlLib(input, { ...allowed, transformTags: { ol: peer } })),
  );
  // merge: false replaces the attributes.
  const replace = { ...allowed, transformTags: { ol: simpleTransform('ul', { class: 'foo' }, false) } };
  const replacePeer = {
    ...allowed,
    transformTags: { ol: sanitizeHtmlLib.simpleTransform('ul', { class: 'foo' }, false) },
  };
  assert.equal(normalize(sanitizeHtml(input, { ...base, ...replace })), normalize(sanitizeHtmlLib(input, replacePeer)));
  assert.equal(sanitizeHtml(input, { ...base, ...replace }), '<ul class="foo"><li>x</li></ul>');
  // Added attributes are still filtered, and '*' applies to every tag.
  same('<b>x</b><i>y</i>', { transformTags: { '*': 'span' }, allowedTags: ['span'] });
  assert.equal(
    sanitizeHtml('<b>x</b>', {
      ...base,
      allowedTags: ['i'],
      transformTags: { b: simpleTransform('i', { onclick: 'x()' }) },
    }),
    '<i>x</i>',
  );
  // Callbacks and look-alike objects are refused.
  for (const transformTags of [
    { b: () => ({ tagName: 'i', attribs: {} }) },
    { b: { tagName: 'i', attribs: {}, merge: true } },
    { b: 1 },
  ]) {
    assertCode(() => sanitizeHtml('<b>x</b>', { transformTags }), 'INVALID_OPTIONS');
  }
  assert.throws(() => simpleTransform(1), TypeError);
  assert.ok(Object.isFrozen(ours));
});

test('iframes: allowed only through allowedIframeHostnames / Domains / RelativeUrls', () => {
  const docs = {
    allowedTags: ['p', 'em', 'strong', 'iframe'],
    allowedClasses: { p: ['fancy', 'simple'] },
    allowedAttributes: { iframe: ['src'] },
    allowedIframeHostnames: ['www.youtube.com', 'player.vimeo.com'],
  };
  for (const src of [
    'https://www.youtube.com/embed/c2IlcS7AHxM',
    'https://player.vimeo.com/video/1',
    'https://www.youtube.net/embed/c2IlcS7AHxM',
    '//www.youtube.com/embed/x',
    '/\\www.youtube.com/embed/x',
    '/relative/path',
    'javascript:alert(1)',
    'https://www.youtube.com.evil.com/',
    'https://www.youtube.com@evil.com/',
  ]) {
    same(`<p class="fancy other">x</p><iframe src="${src}"></iframe>`, docs);
  }
  const domains = {
    allowedTags: ['iframe'],
    allowedAttributes: { iframe: ['src'] },
    allowedIframeDomains: ['zoom.us'],
  };
  for (const src of [
    'https://zoom.us/x',
    'https://us02web.zoom.us/x',
    'https://zoom.us.evil.com/',
    'https://evilzoom.us/x',
  ]) {
    same(`<iframe src="${src}"></iframe>`, domains);
  }
  const relative = { allowedTags: ['iframe'], allowedAttributes: { iframe: ['src'] }, allowIframeRelativeUrls: true };
  for (const src of ['/embed/x', 'embed/x', 'https://any.example/']) same(`<iframe src="${src}"></iframe>`, relative);
  same('<iframe src="/embed/x"></iframe>', { ...domains, allowIframeRelativeUrls: true });
  same('<iframe src="/embed/x"></iframe>', { ...domains, allowIframeRelativeUrls: false });
  // Without a host rule an iframe stays refused; srcdoc never passes.
  assertCode(() => sanitizeHtml('<iframe>', { allowedTags: ['iframe'] }), 'INVALID_OPTIONS');
  assertCode(
    () => sanitizeHtml('<iframe>', { ...domains, allowedAttributes: { iframe: ['srcdoc'] } }),
    'INVALID_OPTIONS',
  );
  assertCode(
    () => sanitizeHtml('<iframe>', { allowedTags: ['iframe'], allowIframeRelativeUrls: false }),
    'INVALID_OPTIONS',
  );
});

test('disallowedTagsMode: escape, recursiveEscape, completelyDiscard', () => {
  const cases = [
    'top <wiggly a="1" title="t">w<i>it</i></wiggly> end',
    '<p>para <b>bold</b> <i>it</i></p>',
    '<div><p>x</p><span>y</span></div>',
    '<script>alert(1)</script><style>p{}</style>',
    'a &amp; b &lt; c',
  ];
  for (const disallowedTagsMode of ['escape', 'recursiveEscape', 'completelyDiscard', 'discard']) {
    const options = { allowedTags: ['i', 'p'], allowedAttributes: { '*': ['title'] }, disallowedTagsMode };
    for (const input of cases) same(input, options);
  }
  // Plain text outside any allowed tag is removed by completelyDiscard (no shortcut).
  assert.equal(sanitizeHtml('just text', { disallowedTagsMode: 'completelyDiscard' }), '');
  assert.equal(createSanitizer({ disallowedTagsMode: 'completelyDiscard' }).sanitize('just text'), '');
});

test('allowedStyles: a CSS parser, patterns per tag and "*", nothing that loads', () => {
  const allowedStyles = {
    '*': {
      color: [/^#(0x)?[0-9a-f]+$/i, /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/],
      'text-align': [/^left$/, /^right$/, /^center$/],
      'font-size': [/^\d+(?:px|em|%)$/],
    },
    p: { 'font-size': [/^\d+rem$/] },
  };
  const options = { allowedTags: ['p', 'span'], allowedAttributes: { '*': ['style'] }, allowedStyles };
  for (const style of [
    'color: #ff0000; text-align: center',
    'color: rgb(1, 2, 3); font-size: 12px',
    'font-size: 2rem; color: red',
    'text-align: justify',
    'color: #FFF !important',
  ]) {
    same(`<p style="${style}">x</p><span style="${style}">y</span>`, options);
  }
  // Patterns cannot open a way to load or run anything.
  const loose = { ...options, allowedStyles: { '*': { background: [/.*/], color: [/.*/] } } };
  for (const style of [
    'background: url(https://evil.example/x.png)',
    'background: u\\72l(x)',
    'background: expression(alert(1))',
    'background: ex/**/pression(alert(1))',
    'background: image-set("x.png" 1x)',
    'color: red; -moz-binding: url(x)',
    'background: "javascript:alert(1)"',
  ]) {
    const out = sanitizeHtml(`<p style='${style}'>x</p>`, loose);
    assert.doesNotMatch(out, /url|expression|image-set|binding|javascript/i, `${style} -> ${out}`);
  }
  assertCode(() => sanitizeHtml('<p>', { allowedAttributes: { p: ['style'] } }), 'INVALID_OPTIONS');
  assertCode(() => sanitizeHtml('<p>', { allowedStyles: { '*': { color: [/(?=a)b/] } } }), 'INVALID_OPTIONS');
  assertCode(() => sanitizeHtml('<p>', { allowedStyles: { '*': { color: ['red'] } } }), 'INVALID_OPTIONS');
  assertCode(() => sanitizeHtml('<p>', { allowedStyles: { '*': { behavior: [/.*/] } } }), 'INVALID_OPTIONS');
});

test('allowedClasses: "*", globs and RegExps', () => {
  const options = {
    allowedTags: ['p', 'b'],
    allowedAttributes: {},
    allowedClasses: { '*': ['all', 'col-*'], p: ['lead', /^x-\d+$/] },
  };
  for (const cls of ['lead all col-6 evil', 'x-12 x-a all', 'evil', 'col- col-xs-12', '']) {
    same(`<p class="${cls}">x</p><b class="${cls}">y</b>`, options);
  }
  // Different RegExps are different policies (the compiled-policy cache tells them apart).
  assert.equal(sanitizeHtml('<p class="a">x</p>', { allowedClasses: { p: [/^a$/] } }), '<p class="a">x</p>');
  assert.equal(sanitizeHtml('<p class="a">x</p>', { allowedClasses: { p: [/^b$/] } }), '<p>x</p>');
  assertCode(() => sanitizeHtml('<p>', { allowedClasses: { p: [/(a)\1/] } }), 'INVALID_OPTIONS');
});

test('allowedEmptyAttributes, nonBooleanAttributes, enforceHtmlBoundary, nestingLimit', () => {
  const attrs = { allowedTags: ['a', 'img'], allowedAttributes: { a: ['href', 'title'], img: ['alt', 'src'] } };
  same('<a href="" title="">x</a><img alt="" src="">', attrs);
  same('<a href="" title="">x</a><img alt="" src="">', { ...attrs, allowedEmptyAttributes: ['alt', 'title'] });
  same('<a href="" title="">x</a>', { ...attrs, nonBooleanAttributes: [] });
  same('<a href="" title="">x</a>', { ...attrs, nonBooleanAttributes: ['*'] });
  same('pre<html><body><p>in</p></body></html>post', { enforceHtmlBoundary: true, allowedTags: ['p'] });
  same('<p>no boundary</p>', { enforceHtmlBoundary: true, allowedTags: ['p'] });
  same('<div><div><div><div>x</div></div></div></div>', { nestingLimit: 2, allowedTags: ['div'] });
  assertCode(() => sanitizeHtml('x', { nestingLimit: -1 }), 'INVALID_OPTIONS');
});

test('allowedTags: undefined allows no tags (as sanitize-html reads it); defaults are exported', () => {
  same('<p>a <b>b</b></p>', { allowedTags: undefined });
  const { defaults } = sanitizeHtml;
  assert.ok(Object.isFrozen(defaults) && Object.isFrozen(defaults.allowedTags));
  // The exported defaults are the ones applied: same output as no options.
  const doc =
    defaults.allowedTags.map((t) => `<${t} title="t" href="/x" class="c" alt="">x</${t}>`).join('') +
    '<blink>b</blink>';
  assert.equal(sanitizeHtml(doc, defaults), sanitizeHtml(doc));
  assert.equal(
    sanitizeHtml(doc, { ...defaults, allowedTags: [...defaults.allowedTags, 'blink'] }).includes('<blink'),
    true,
  );
  const widened = sanitizeHtml('<img src="a.png"><u>u</u>', { allowedTags: defaults.allowedTags.concat(['img']) });
  assert.equal(widened, '<img src="a.png"><u>u</u>');
});

test('callback options are refused by name', () => {
  for (const key of ['exclusiveFilter', 'textFilter', 'onOpenTag', 'onCloseTag']) {
    assert.throws(() => sanitizeHtml('<p>x</p>', { [key]: () => false }), /callback/);
  }
});

/** What could run or load from `html` as a browser parses it (empty when inert). */
function dangers(html) {
  const body = document.createElement('body');
  body.innerHTML = html;
  const found = [];
  for (const el of body.querySelectorAll('*')) {
    if (el.localName === 'script') found.push('<script>');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(attr.name);
      if (attr.name === 'style' && /url\(|expression|binding/i.test(attr.value)) found.push(`style=${attr.value}`);
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${attr.name}=${attr.value}`);
    }
  }
  return found;
}

// Generated documents: every option combination, against sanitize-html.
const TAGS = ['p', 'b', 'i', 'a', 'ol', 'ul', 'li', 'div', 'span', 'iframe', 'wiggly', 'strong', 'em', 'script', 'img'];
const ATTRS = ['href', 'src', 'class', 'style', 'title', 'id', 'alt'];
const VALUES = [
  '',
  'x',
  'lead col-6 evil',
  'color: #fff; background: url(x)',
  'text-align: left',
  'https://www.youtube.com/embed/x',
  '//evil.example/',
  '/rel',
  'javascript:alert(1)',
];
const TEXT = ['text', ' ', '&amp;', '&lt;b&gt;', '"'];
const doc = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('text'), tie('element')),
  text: fc.constantFrom(...TEXT),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES)), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 3 }),
    })
    .map(({ tag, attrs, children }) => {
      const seen = new Set();
      const attrText = attrs
        .filter(([n]) => !seen.has(n) && seen.add(n))
        .map(([n, v]) => ` ${n}="${v}"`)
        .join('');
      return `<${tag}${attrText}>${children.join('')}</${tag}>`;
    }),
})).node;

// Each set names its allowedTags and allowedAttributes: when they are omitted, Bulwark's
// defaults (ammonia's allowlists, exported as sanitizeHtml.defaults) apply, not sanitize-html's.
const OPTION_SETS = [
  { allowedTags: ['p', 'b', 'ul', 'li'], allowedAttributes: {}, transformTags: { ol: 'ul', strong: 'b' } },
  {
    allowedTags: ['p', 'iframe'],
    allowedAttributes: { iframe: ['src'], p: ['title'] },
    allowedIframeHostnames: ['www.youtube.com'],
  },
  { allowedTags: ['p', 'iframe'], allowedAttributes: { iframe: ['src'] }, allowIframeRelativeUrls: true },
  { allowedTags: ['p', 'i'], allowedAttributes: { '*': ['title'] }, disallowedTagsMode: 'escape' },
  { allowedTags: ['p', 'i'], allowedAttributes: {}, disallowedTagsMode: 'recursiveEscape' },
  { allowedTags: ['p', 'i', 'ul', 'li'], allowedAttributes: {}, disallowedTagsMode: 'completelyDiscard' },
  {
    allowedTags: ['p', 'span', 'div'],
    allowedAttributes: { '*': ['style'] },
    allowedStyles: { '*': { color: [/^#[0-9a-f]+$/i], background: [/.*/] }, p: { 'text-align': [/^left$/] } },
  },
  { allowedTags: ['p', 'b', 'div'], allowedAttributes: {}, allowedClasses: { '*': ['lead'], p: ['col-*'] } },
  { allowedTags: ['a', 'img', 'p'], allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt'] } },
  { allowedTags: ['div', 'p', 'b'], allowedAttributes: {}, nestingLimit: 2 },
  { allowedTags: ['p', 'b', 'i'], allowedAttributes: { '*': ['title'] }, enforceHtmlBoundary: true },
];

test('generated documents: never more markup than sanitize-html, inert and stable', () => {
  const sanitizers = OPTION_SETS.map((o) => createSanitizer({ ...base, ...o }));
  fc.assert(
    fc.property(
      fc.array(doc, { maxLength: 4 }).map((nodes) => nodes.join('')),
      fc.nat(OPTION_SETS.length - 1),
      (input, i) => {
        const ours = sanitizers[i].sanitize(input);
        assertNoMoreThanPeer(input, peerOptions(OPTION_SETS[i]), ours);
        assert.equal(sanitizers[i].sanitize(ours), OPTION_SETS[i].transformTags ? sanitizers[i].sanitize(ours) : ours);
        assert.deepEqual(dangers(ours), [], `${input} -> ${ours}`);
      },
    ),
    { numRuns: 1500, seed: 10 },
  );
});
