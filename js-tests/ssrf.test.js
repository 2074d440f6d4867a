'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const undici = require('undici');
const { bulwark, fc, NON_STRINGS, assertCode } = require('./helpers');

const { parseIp, classifyIp, checkUrl, safeLookup, createSafeLookup, IP_CATEGORIES, BulwarkError } = bulwark;
const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { binding } = require(path.join(pkgDir, 'lib', 'backend.js'));

/** `{ value }` or `{ code }`. */
function outcome(fn) {
  try {
    return { value: fn() };
  } catch (err) {
    return { code: err.code };
  }
}

test('parseIp reads every IPv4 notation the resolver accepts', () => {
  const loopback = [
    '127.0.0.1',
    '2130706433',
    '017700000001',
    '0x7f000001',
    '0X7F.1',
    '0x7f.0.0.1',
    '127.1',
    '127.0.1',
    '0177.0.0.01',
    '127.0.0.1.',
  ];
  for (const s of loopback) assert.deepEqual(parseIp(s), { address: '127.0.0.1', family: 4, zone: null }, s);
  const cases = [
    ['1.1.1.01', '1.1.1.1'],
    ['010.010.010.010', '8.8.8.8'],
    ['0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['4294967295', '255.255.255.255'],
    ['169.254.43518', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
  ];
  for (const [s, expected] of cases) assert.equal(parseIp(s).address, expected, s);
  for (const s of [
    '',
    '.',
    '1..1',
    '1.2.3.4.5',
    '4294967296',
    '256.1.1.1',
    '1.1.65536',
    '08',
    '0x1g',
    ' 1.2.3.4',
    '1.2.3.4 ',
    'example.com',
    '1e3',
    '127.0.0.1\0',
    '١٢٧.0.0.1',
    '1.2.3.4\ud800',
  ]) {
    assert.equal(parseIp(s), null, JSON.stringify(s));
  }
});

test('parseIp reads IPv6 with mapped, compatible, zoned and bracketed forms', () => {
  const cases = [
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['::FFFF:7F00:1', '::ffff:7f00:1'],
    ['::127.0.0.1', '::7f00:1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
  ];
  for (const [s, expected] of cases) assert.deepEqual(parseIp(s), { address: expected, family: 6, zone: null }, s);
  assert.deepEqual(parseIp('fe80::1%eth0'), { address: 'fe80::1', family: 6, zone: 'eth0' });
  for (const s of [':::', '1::2::3', '::ffff:127.1', '::ffff:127.0.0.01', '[::1', '[::1]:80', 'fe80::1%', '12345::'])
    assert.equal(parseIp(s), null, s);
  for (const value of NON_STRINGS) if (!(value instanceof String)) assert.throws(() => parseIp(value), TypeError);
});

/** An IPv4 address written in a random inet_aton notation. */
const ipv4Notation = fc
  .tuple(
    fc.integer({ min: 0, max: 0xffffffff }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom('dec', 'oct', 'hex', 'HEX'), { minLength: 4, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([value, parts, radixes, trailingDot]) => {
    const bytes = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    const numbers = [...bytes.slice(0, parts - 1), bytes.slice(parts - 1).reduce((acc, b) => acc * 256 + b, 0)];
    const text = numbers
      .map(
        (n, i) =>
          ({
            dec: String(n),
            oct: `0${n.toString(8)}`,
            hex: `0x${n.toString(16)}`,
            HEX: `0X${n.toString(16).toUpperCase()}`,
          })[radixes[i]],
      )
      .join('.');
    return { text: trailingDot ? `${text}.` : text, dotted: bytes.join('.') };
  });

test('parseIp agrees with WHATWG URL (Node) on every IPv4 notation, and with net.isIP', () => {
  fc.assert(
    fc.property(ipv4Notation, ({ text, dotted }) => {
      assert.equal(parseIp(text)?.address, dotted, text);
      assert.equal(new URL(`http://${text}/`).hostname, dotted, `URL agrees on ${text}`);
      assert.equal(net.isIP(dotted), 4);
      assert.deepEqual(parseIp(dotted), { address: dotted, family: 4, zone: null });
    }),
    { numRuns: 2000 },
  );
});

test('parseIp and WHATWG URL agree on generated IPv4-like strings', () => {
  const pieces = ['0', '1', '7', '8', '9', 'f', 'x', 'X', '.', '00', '255', '256', '0x', '4294967295', '65536'];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 }).map((a) => a.join('')),
      (s) => {
        let hostname = null;
        try {
          hostname = new URL(`http://${s}/`).hostname;
        } catch {
          // not a valid host for WHATWG
        }
        const ours = parseIp(s);
        if (ours !== null) assert.equal(hostname, ours.address, s);
        if (hostname !== null && net.isIP(hostname) === 4) assert.equal(ours?.address, hostname, s);
      },
    ),
    { numRuns: 3000 },
  );
});

/** An IPv6 address (8 groups) written in a random valid form, with its URL serialization. */
const ipv6Text = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([groups, compress, upper, dottedTail]) => {
    let parts = groups.map((g) => g.toString(16));
    if (dottedTail)
      parts = [...parts.slice(0, 6), `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`];
    let text = parts.join(':');
    if (compress) {
      const zeros = text.match(/(^|:)0(:0)+(:|$)/);
      if (zeros) text = `${text.slice(0, zeros.index)}::${text.slice(zeros.index + zeros[0].length)}`;
    }
    return upper ? text.toUpperCase() : text;
  });

test('parseIp agrees with net.isIP and URL on IPv6', () => {
  fc.assert(
    fc.property(ipv6Text, (text) => {
      assert.equal(net.isIP(text), 6, text);
      const ours = parseIp(text);
      assert.equal(ours?.family, 6, text);
      assert.equal(ours.address, new URL(`http://[${text}]/`).hostname.slice(1, -1), text);
      assert.equal(parseIp(`[${text}]`).address, ours.address);
    }),
    { numRuns: 2000 },
  );
});

test('classifyIp: categories and embedded IPv4', () => {
  const cases = [
    ['8.8.8.8', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['017700000001', 'loopback'],
    ['127.1', 'loopback'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['::8.8.8.8', 'reserved'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'public'],
    ['2001:db8::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001::1', 'reserved'],
    ['2606:4700::1111', 'public'],
    ['fd12::1', 'private'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['4000::1', 'reserved'],
    ['[::1]', 'loopback'],
  ];
  for (const [s, expected] of cases) assert.equal(classifyIp(s), expected, s);
  for (const s of ['localhost', '', '1.2.3.4.5', 'a\ud800']) assertCode(() => classifyIp(s), 'IP_INVALID');
  assert.throws(() => classifyIp(1), TypeError);
  assert.deepEqual(
    new Set(cases.map(([, c]) => c)),
    new Set(IP_CATEGORIES),
    'every category is reachable and named in IP_CATEGORIES',
  );
});

test("classifyIp: mapped, NAT64 and 6to4 addresses take their IPv4 address's category", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
      const v4 = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
      const hex = `${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
      const expected = classifyIp(v4);
      assert.equal(classifyIp(`::ffff:${v4}`), expected);
      assert.equal(classifyIp(`::ffff:${hex}`), expected);
      assert.equal(classifyIp(`64:ff9b::${v4}`), expected);
      assert.equal(classifyIp(`2002:${hex}::1`), expected);
      assert.equal(classifyIp(String(value)), expected, 'decimal notation');
    }),
    { numRuns: 2000 },
  );
});

test('checkUrl: SSRF vectors are refused in every notation', () => {
  const blocked = [
    'http://127.0.0.1/',
    'http://127.1/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://017700000001/',
    'http://0/',
    'http://0.0.0.0:8080/',
    'http://[::]/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://10.0.0.1/',
    'http://100.64.1.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://localhost:3000/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://%31%32%37%2e%30%2e%30%2e%31/',
    'http://１２７.０.０.１/',
    'https://0x7f.0x0.0x0.0x1/',
    'http://1.1.1.1@127.0.0.1/',
  ];
  for (const url of blocked) {
    const expected = url.includes('@') ? 'URL_CREDENTIALS' : 'SSRF_BLOCKED';
    assertCode(() => checkUrl(url), expected);
  }
  assertCode(() => checkUrl('http://1.1.1.1@127.0.0.1/', { allowCredentials: true }), 'SSRF_BLOCKED');
  const invalid = [
    ['not a url', 'URL_INVALID'],
    ['http://', 'URL_INVALID'],
    ['http://exa mple.com', 'URL_INVALID'],
    ['http://256.0.0.1/', 'URL_INVALID'],
    ['javascript:alert(1)', 'URL_SCHEME'],
    ['file:///etc/passwd', 'URL_SCHEME'],
    ['gopher://127.0.0.1:25/', 'URL_SCHEME'],
    ['http://user@example.com/', 'URL_CREDENTIALS'],
    ['http://:pw@example.com/', 'URL_CREDENTIALS'],
  ];
  for (const [url, code] of invalid) assertCode(() => checkUrl(url), code);
  assertCode(() => checkUrl('http://example.com/\ud800'), 'INVALID_UNICODE');
  for (const value of NON_STRINGS) if (!(value instanceof String)) assert.throws(() => checkUrl(value), TypeError);
});

test("checkUrl: accepted URLs come back normalized as Node's URL does", () => {
  const r = checkUrl('HTTP://0x08080808:80/a/../b?q#f');
  assert.deepEqual(r, {
    href: 'http://8.8.8.8/b?q#f',
    protocol: 'http:',
    hostname: '8.8.8.8',
    port: 80,
    address: '8.8.8.8',
    category: 'public',
  });
  assert.deepEqual(checkUrl('https://bücher.de'), {
    href: 'https://xn--bcher-kva.de/',
    protocol: 'https:',
    hostname: 'xn--bcher-kva.de',
    port: 443,
    address: null,
    category: null,
  });
  assert.equal(checkUrl('http://[2606:4700::1111]:8080/').hostname, '[2606:4700::1111]');
  assert.equal(checkUrl('http://example.com/'.concat('%2e%2e/'.repeat(150_000))).href, 'http://example.com/');
  assert.equal(checkUrl(`http://${'a'.repeat(1 << 20)}.example.com/`).hostname.length, (1 << 20) + 12);
  assertCode(() => checkUrl(`http://${'0x7f.1'.repeat(1 << 17)}/`), 'URL_INVALID');
});

const HOSTS = [
  'example.com',
  'EXAMPLE.com',
  'bücher.de',
  'ex%41mple.com',
  'a.b.c',
  'xn--bcher-kva.de',
  '8.8.8.8',
  '0x08080808',
  '8.8.2056',
  '134744072',
  '[2606:4700::1111]',
  '[2001:4860:4860::8888]',
  '127.0.0.1',
  'localhost',
  '[::1]',
  '10.0.0.1',
  '0x7f.1',
  '1.2.3.4.',
  'example.com.',
  'ａｂｃ.com',
  'exa mple.com',
  '%zz',
  '',
  '_x.com',
  '[::ffff:8.8.8.8]',
  'ex\u00adample.com',
  'a..b',
  '256.1.1.1',
  'xn--a',
  'a\u200db',
  'ß.de',
  'faß.de',
  '\u2488.com',
  'a%2eb',
  'x%00',
  '[v1.x]',
  '[::1%25eth0]',
];
const urlArb = fc
  .tuple(
    fc.constantFrom('http:', 'https:', 'HTTP:', 'ftp:', 'ws:', 'wss:', 'file:', 'redis:'),
    fc.constantFrom('//', '//', '\\\\', '/', '', '/\\', '\\/'),
    fc.constantFrom('', '', 'u@', 'u:p@', '@', 'a@b@', '%40@'),
    fc.constantFrom(...HOSTS),
    fc.constantFrom('', ':80', ':443', ':8080', ':', ':99999', ':0x50', ':\\'),
    fc
      .array(
        fc.constantFrom(
          '/',
          'a',
          '..',
          '.',
          '%2e',
          '%2E%2e',
          'é',
          ' ',
          '%',
          '\\',
          '?',
          '#',
          '&',
          '=',
          '😀',
          '\t',
          '\n',
          '^',
          '|',
          '`',
          '{',
          '"',
          '<',
          "'",
        ),
        { maxLength: 8 },
      )
      .map((a) => a.join('')),
  )
  .map((parts) => parts.join(''));

// Where the url crate and Node (ada) serialize paths differently, both only for schemes
// Node's HTTP clients never fetch: `file:` (the url crate drops an empty segment written
// with `\`) and non-special schemes (Node 20 drops the `/` left by a leading `/..`). Hosts
// agree everywhere; hrefs are compared for the fetchable special schemes.
const HREF_COMPARED = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

test("checkUrl equals Node's URL on accepted URLs and refuses what URL refuses", () => {
  const options = {
    allowedSchemes: ['http', 'https', 'ftp', 'ws', 'wss', 'file', 'redis'],
    allowCredentials: true,
    allowedCategories: [...IP_CATEGORIES],
  };
  fc.assert(
    fc.property(urlArb, (input) => {
      let reference = null;
      try {
        reference = new URL(input);
      } catch {
        // refused by WHATWG
      }
      const ours = outcome(() => checkUrl(input, options));
      if (reference === null) {
        assert.equal(ours.code, 'URL_INVALID', input);
        return;
      }
      if (
        reference.hostname === '' ||
        (!HREF_COMPARED.has(reference.protocol) && reference.protocol !== 'file:' && input.includes('\\'))
      ) {
        assert.equal(ours.code, 'URL_INVALID', `${input}: no host, or a backslash in a non-special URL`);
        return;
      }
      assert.ok(ours.value, `${input}: ${ours.code}`);
      if (HREF_COMPARED.has(reference.protocol)) assert.equal(ours.value.href, reference.href, input);
      assert.equal(ours.value.hostname, reference.hostname, input);
      assert.equal(ours.value.protocol, reference.protocol, input);
      if (reference.port !== '') assert.equal(ours.value.port, Number(reference.port), input);
      const literal = parseIp(reference.hostname);
      assert.equal(ours.value.address, literal === null ? null : literal.address, input);
    }),
    { numRuns: 3000 },
  );
});

test('checkUrl with the default policy never accepts a non-public literal host', () => {
  fc.assert(
    fc.property(urlArb, (input) => {
      const ours = outcome(() => checkUrl(input));
      if (ours.value === undefined) return;
      const url = new URL(input);
      assert.ok(['http:', 'https:'].includes(url.protocol) && url.username === '' && url.password === '');
      const literal = parseIp(url.hostname);
      if (literal !== null) assert.equal(classifyIp(url.hostname), 'public', input);
      assert.ok(!/^(localhost|.*\.localhost)\.?$/i.test(url.hostname));
    }),
    { numRuns: 3000 },
  );
});

test('checkUrl options: host allowlist, schemes, categories; options are validated', () => {
  const allow = { allowedHosts: ['api.example.com', '*.cdn.example.org', '[::1]', 'BÜCHER.de', '127.0.0.1'] };
  for (const url of [
    'https://api.example.com/x',
    'https://API.EXAMPLE.COM./',
    'https://a.cdn.example.org/',
    'https://a.b.cdn.example.org/',
    'http://xn--bcher-kva.de/',
  ]) {
    assert.ok(checkUrl(url, allow).href, url);
  }
  for (const [url, code] of [
    ['https://example.com/', 'URL_HOST_NOT_ALLOWED'],
    ['https://cdn.example.org/', 'URL_HOST_NOT_ALLOWED'],
    ['https://evilcdn.example.org/', 'URL_HOST_NOT_ALLOWED'],
    ['https://api.example.com.evil.net/', 'URL_HOST_NOT_ALLOWED'],
    ['https://127.0.0.1/', 'SSRF_BLOCKED'],
    ['https://[::1]/', 'SSRF_BLOCKED'],
  ]) {
    assertCode(() => checkUrl(url, allow), code);
  }
  const dev = { allowedCategories: ['public', 'loopback'] };
  assert.equal(checkUrl('http://localhost:3000/', dev).category, 'loopback');
  assert.equal(checkUrl('http://0x7f.1/', dev).hostname, '127.0.0.1');
  assertCode(() => checkUrl('http://10.0.0.1/', dev), 'SSRF_BLOCKED');
  assert.equal(checkUrl('redis://cache.internal:6379/0', { allowedSchemes: ['redis:'] }).port, 6379);
  assertCode(() => checkUrl('redis://0x7f.1/', { allowedSchemes: ['redis'] }), 'SSRF_BLOCKED');
  for (const options of [
    { allowedHosts: ['a:80'] },
    { allowedHosts: ['*'] },
    { allowedHosts: ['a/b'] },
    { allowedSchemes: ['1x'] },
    { allowedCategories: ['lan'] },
    { allowedCategories: 'public' },
    { allowCredentials: 'yes' },
    { allowedhosts: [] },
  ]) {
    assertCode(() => checkUrl('https://example.com/', options), 'INVALID_OPTIONS');
  }
  Object.prototype.allowedCategories = ['public', 'loopback'];
  Object.prototype.allowCredentials = true;
  try {
    assertCode(() => checkUrl('http://127.0.0.1/', {}), 'SSRF_BLOCKED');
    assertCode(() => checkUrl('http://127.0.0.1/'), 'SSRF_BLOCKED');
    assertCode(() => checkUrl('http://u:p@example.com/', {}), 'URL_CREDENTIALS');
  } finally {
    delete Object.prototype.allowedCategories;
    delete Object.prototype.allowCredentials;
  }
});

/** A real HTTP server on 127.0.0.1; the only thing any request in this file may reach. */
async function startServer(t) {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    res.end('reached');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { port: server.address().port, hits: () => hits };
}

function get(url, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
  });
}

/** Resolves `localhost` to loopback only, so no request leaves the machine whatever /etc/hosts says. */
function loopbackResolver(hostname, options, callback) {
  assert.equal(hostname, 'localhost');
  const all = [{ address: '127.0.0.1', family: 4 }];
  if (options.all) callback(null, all);
  else callback(null, all[0].address, all[0].family);
}

test('safeLookup with http.Agent: localhost is refused at connect time; allowing loopback lets it through', async (t) => {
  const { port, hits } = await startServer(t);
  const blockedAgent = new http.Agent({ lookup: safeLookup });
  t.after(() => blockedAgent.destroy());
  await assert.rejects(
    get(`http://localhost:${port}/`, blockedAgent),
    (err) => err instanceof BulwarkError && err.code === 'SSRF_BLOCKED' && err.hostname === 'localhost',
  );
  assert.equal(hits(), 0, 'no request reached the server');

  const devAgent = new http.Agent({
    lookup: createSafeLookup({ allowedCategories: ['public', 'loopback'], lookup: loopbackResolver }),
  });
  t.after(() => devAgent.destroy());
  assert.deepEqual(await get(`http://localhost:${port}/`, devAgent), { status: 200, body: 'reached' });
  assert.equal(hits(), 1);
});

test('safeLookup with undici: refused, then allowed with loopback', async (t) => {
  const { port, hits } = await startServer(t);
  const blocked = new undici.Agent({ connect: { lookup: safeLookup } });
  t.after(() => blocked.close());
  await assert.rejects(
    undici.request(`http://localhost:${port}/`, { dispatcher: blocked }),
    (err) => err.code === 'SSRF_BLOCKED',
  );
  assert.equal(hits(), 0);
  const dev = new undici.Agent({
    connect: { lookup: createSafeLookup({ allowedCategories: ['public', 'loopback'], lookup: loopbackResolver }) },
  });
  t.after(() => dev.close());
  const res = await undici.request(`http://localhost:${port}/`, { dispatcher: dev });
  assert.equal(res.statusCode, 200);
  assert.equal(await res.body.text(), 'reached');
});

test('DNS rebinding: a name that was public when checked is refused when it resolves to loopback at connect', async (t) => {
  const { port, hits } = await startServer(t);
  let calls = 0;
  // First answer public (the pre-flight check), then loopback (the connection).
  const rebinding = (hostname, options, callback) => {
    calls += 1;
    callback(null, [{ address: calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }]);
  };
  const lookup = createSafeLookup({ lookup: rebinding });
  const url = `http://rebind.example:${port}/`;
  assert.equal(checkUrl(url).category, null, 'a host name passes the URL check');
  const first = await new Promise((resolve, reject) =>
    lookup('rebind.example', { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
  assert.deepEqual(first, [{ address: '93.184.215.14', family: 4 }]);
  const agent = new http.Agent({ lookup });
  t.after(() => agent.destroy());
  await assert.rejects(get(url, agent), (err) => err.code === 'SSRF_BLOCKED' && err.address === '127.0.0.1');
  assert.equal(hits(), 0);
});

/** Calls `lookup` with the given arguments and collects what it called back with. */
function lookupResult(lookup, ...args) {
  return new Promise((resolve) => lookup(...args, (...result) => resolve(result)));
}

test('safeLookup: fails closed on any non-public answer, supports every call shape', async () => {
  const answer = (addresses) => (hostname, options, callback) => callback(null, addresses);
  const mixed = createSafeLookup({
    lookup: answer([
      { address: '8.8.8.8', family: 4 },
      { address: '::ffff:10.0.0.1', family: 6 },
    ]),
  });
  const [err] = await lookupResult(mixed, 'mixed.example', {});
  assert.ok(err instanceof BulwarkError && err.code === 'SSRF_BLOCKED' && err.address === '::ffff:10.0.0.1');

  const publicOnly = createSafeLookup({
    lookup: answer([
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ]),
  });
  assert.deepEqual(await lookupResult(publicOnly, 'dns.example', { all: true }), [
    null,
    [
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ],
  ]);
  assert.deepEqual(await lookupResult(publicOnly, 'dns.example', {}), [null, '8.8.8.8', 4]);
  assert.deepEqual(await lookupResult(publicOnly, 'dns.example', 4), [null, '8.8.8.8', 4]);
  assert.deepEqual(await lookupResult(publicOnly, 'dns.example'), [null, '8.8.8.8', 4]);

  let seen;
  const spy = createSafeLookup({
    lookup: (hostname, options, callback) => {
      seen = options;
      callback(null, [{ address: '1.1.1.1', family: 4 }]);
    },
  });
  await lookupResult(spy, 'x.example', { family: 6, hints: 32 });
  // A null-prototype object: the resolver never finds options on a polluted Object.prototype.
  const nullProto = (fields) => Object.assign(Object.create(null), fields);
  assert.deepEqual(seen, nullProto({ family: 6, hints: 32, all: true }), 'always asks for every address');
  await lookupResult(spy, 'x.example', 4);
  assert.deepEqual(seen, nullProto({ family: 4, all: true }));

  const resolverError = Object.assign(new Error('getaddrinfo ENOTFOUND nope.example'), { code: 'ENOTFOUND' });
  assert.deepEqual(
    await lookupResult(createSafeLookup({ lookup: (h, o, cb) => cb(resolverError) }), 'nope.example', {}),
    [resolverError],
  );
  const [empty] = await lookupResult(createSafeLookup({ lookup: answer([]) }), 'empty.example', {});
  assert.equal(empty.code, 'ENOTFOUND');
  const [garbage] = await lookupResult(
    createSafeLookup({ lookup: answer([{ address: 'not-an-ip', family: 4 }]) }),
    'g.example',
    {},
  );
  assert.equal(garbage.code, 'IP_INVALID');
  const [unreadable] = await lookupResult(createSafeLookup({ lookup: answer(42) }), 'g.example', {});
  assert.equal(unreadable.code, 'SSRF_BLOCKED');
  // Resolvers that ignore `all` and call back (err, address, family) are read too.
  const legacy = createSafeLookup({ lookup: (h, o, cb) => cb(null, '169.254.169.254', 4) });
  assert.equal((await lookupResult(legacy, 'meta.example', {}))[0].code, 'SSRF_BLOCKED');

  assert.throws(() => safeLookup('x.example', {}), TypeError);
  assertCode(() => createSafeLookup({ allowedCategories: ['everything'] }), 'INVALID_OPTIONS');
  assertCode(() => createSafeLookup({ lookup: 'dns' }), 'INVALID_OPTIONS');
});

test('Node skips lookup for IP literal hosts: checkUrl is the guard for them', async (t) => {
  const { port, hits } = await startServer(t);
  let called = false;
  const agent = new http.Agent({
    lookup: createSafeLookup({
      lookup: (h, o, cb) => {
        called = true;
        cb(null, []);
      },
    }),
  });
  t.after(() => agent.destroy());
  const url = `http://127.0.0.1:${port}/`;
  assertCode(() => checkUrl(url), 'SSRF_BLOCKED');
  // What safeLookup alone cannot see (documented): the literal connects without a lookup.
  assert.equal((await get(url, agent)).status, 200);
  assert.equal(called, false);
  assert.equal(hits(), 1);
});

test('classifyIps crosses once for a whole answer', () => {
  assert.deepEqual(binding.classifyIps(['8.8.8.8', '::1', '0x7f.1', '100.64.0.1']), [
    'public',
    'loopback',
    'loopback',
    'cgnat',
  ]);
  assert.throws(
    () => binding.classifyIps(['8.8.8.8', 'x']),
    (err) => err.code === 'IP_INVALID',
  );
});
