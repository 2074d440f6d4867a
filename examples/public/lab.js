// The attack lab: one button per attack class sends the real request from this page
// (same origin, the session cookie and CSRF token when the route needs them) and shows the
// HTTP status and the security event(s) the request produced. The event view polls
// GET /api/security-events, which answers with this browser's events only.
// CSP: this file is loaded from 'self'; handlers are attached here, never inline.

(() => {
  const $ = (id) => document.getElementById(id);
  const json = { 'Content-Type': 'application/json' };

  /** The CSRF token of the current session, or null when signed out. */
  async function csrfToken() {
    const res = await fetch('/api/session', { credentials: 'same-origin' });
    if (!res.ok) return null;
    const session = await res.json();
    return session.signedIn ? session.csrfToken : null;
  }

  /** A request that needs a session: refuses locally (as 401) when signed out. */
  async function withSession(url, body) {
    const token = await csrfToken();
    if (!token) return { status: 401, code: 'sign in first (this attack needs a session)' };
    return send(url, { method: 'POST', headers: { ...json, 'X-CSRF-Token': token }, body });
  }

  async function send(url, init = {}) {
    const res = await fetch(url, { credentials: 'same-origin', ...init });
    const text = await res.text();
    let code = '';
    try {
      const data = JSON.parse(text);
      code = data && data.error ? data.error.code : '';
    } catch {
      // a download or other non-JSON answer: the status says enough
    }
    return { status: res.status, code };
  }

  // Each attack: what it sends (shown on the page) and how.
  const ATTACKS = [
    {
      id: 'xss',
      label: 'Stored XSS comment',
      request: 'POST /api/comments <img onerror> <script>',
      run: () =>
        withSession(
          '/api/comments',
          JSON.stringify({ body: '<b>lab</b><img src=x onerror=alert(document.cookie)><script>alert(1)</script>' }),
        ),
    },
    {
      id: 'traversal',
      label: 'Traversal download',
      request: 'GET /files/..%2f..%2fpackage.json',
      run: () => send('/files/..%2f..%2fpackage.json'),
    },
    {
      id: 'ssrf',
      label: 'SSRF preview',
      request: 'POST /api/preview http://169.254.169.254/',
      run: () => withSession('/api/preview', JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data/' })),
    },
    {
      id: 'prototype',
      label: 'Prototype pollution',
      request: 'POST /api/login {"__proto__": {"admin": true}}',
      // Raw text: JSON.stringify would drop a __proto__ key written in an object literal.
      run: () =>
        send('/api/login', {
          method: 'POST',
          headers: json,
          body: '{"email": "lab@example.com", "password": "x", "__proto__": {"admin": true}}',
        }),
    },
    {
      id: 'operator',
      label: 'NoSQL operator',
      request: 'POST /api/login {"email": {"$ne": null}}',
      run: () =>
        send('/api/login', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: { $ne: null }, password: 'x' }),
        }),
    },
    {
      id: 'hpp',
      label: 'Parameter pollution',
      request: 'GET /api/comments?limit=50&limit=5',
      run: () => send('/api/comments?limit=50&limit=5'),
    },
    {
      id: 'oversize',
      label: 'Oversize body',
      request: 'POST /api/login (64 KiB of JSON)',
      run: () =>
        send('/api/login', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: 'lab@example.com', password: 'x'.repeat(64 * 1024) }),
        }),
    },
    {
      id: 'bruteforce',
      label: 'Login brute force',
      request: 'POST /api/login, wrong passwords until 429',
      // One target account: its failed-login budget is per account and IP, so this leaves
      // your own sign-in working. Stops at the first refusal by the limiter.
      run: async () => {
        let last;
        for (let i = 1; i <= 10; i++) {
          last = await send('/api/login', {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ email: 'brute-force-target@example.com', password: `guess-${i}` }),
          });
          if (last.status === 429) break;
        }
        return last;
      },
    },
  ];

  let shownSeq = 0; // the newest event in the list
  let busy = false; // an attack is running: no poll meanwhile

  async function fetchEvents(after) {
    const res = await fetch(`/api/security-events?after=${after}`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`security events: HTTP ${res.status}`);
    return res.json();
  }

  const describe = (e) =>
    `${e.type} (${e.location}${e.paths.length ? `: ${e.paths.join(', ')}` : ''}${e.count > 1 ? `, ${e.count}×` : ''}) ${e.detail}`;

  /** The events of one attack, repeats folded: "login (body: password) invalid credentials ×5". */
  function summarize(events) {
    const groups = [];
    for (const e of events) {
      const text = describe(e);
      const last = groups[groups.length - 1];
      if (last && last.text === text) last.n += 1;
      else groups.push({ text, n: 1 });
    }
    return groups.map((g) => (g.n > 1 ? `${g.text} ×${g.n}` : g.text)).join('; ');
  }

  function renderCounts(counts) {
    const list = $('event-counts');
    list.replaceChildren();
    const types = Object.keys(counts).sort();
    for (const type of types) {
      const li = document.createElement('li');
      li.dataset.type = type;
      const name = document.createElement('span');
      name.className = 'event-type';
      name.textContent = type;
      const n = document.createElement('span');
      n.className = 'event-count';
      n.textContent = String(counts[type]);
      li.append(name, n);
      list.append(li);
    }
    $('event-empty').hidden = types.length > 0;
  }

  function appendEvents(events) {
    const list = $('event-list');
    for (const e of events) {
      if (e.seq <= shownSeq) continue; // shown already
      shownSeq = e.seq;
      const li = document.createElement('li');
      li.textContent = `${e.method} ${e.url}: ${describe(e)}`;
      list.prepend(li);
    }
    while (list.children.length > 20) list.lastElementChild.remove();
  }

  /**
   * Refreshes the event view; resolves to the events after `after` (default: the newest
   * shown) and the newest sequence number. An attack passes the number it read before
   * sending, so its events are its own whatever a poll did in between.
   */
  async function refreshEvents(after = shownSeq) {
    const { events, counts, latest } = await fetchEvents(after);
    renderCounts(counts);
    appendEvents(events);
    return { events, latest };
  }

  function buildTable() {
    const body = $('lab-attacks');
    for (const attack of ATTACKS) {
      const row = document.createElement('tr');
      row.id = `attack-${attack.id}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = attack.label;
      button.dataset.attack = attack.id;
      const cells = [button, attack.request, '', ''].map((content) => {
        const td = document.createElement('td');
        if (typeof content === 'string') td.textContent = content;
        else td.append(content);
        return td;
      });
      cells[1].className = 'lab-request';
      cells[2].className = 'lab-status';
      cells[3].className = 'lab-event';
      row.append(...cells);
      body.append(row);
    }
  }

  async function runAttack(attack, row) {
    const buttons = document.querySelectorAll('#lab-attacks button');
    for (const b of buttons) b.disabled = true;
    busy = true;
    const status = row.querySelector('.lab-status');
    const eventCell = row.querySelector('.lab-event');
    delete row.dataset.status; // set again when this run has its answer
    delete row.dataset.events;
    status.textContent = '…';
    eventCell.textContent = '';
    try {
      const { latest: before } = await refreshEvents(); // what happened before is not this attack's
      const result = await attack.run();
      const { events } = await refreshEvents(before);
      row.dataset.status = String(result.status);
      row.dataset.events = events.map((e) => e.type).join(' ');
      status.textContent = `${result.status}${result.code ? ` ${result.code}` : ''}`;
      status.className = `lab-status ${result.status < 400 ? 'lab-passed' : 'lab-refused'}`;
      eventCell.textContent = events.length ? summarize(events) : 'no security event';
      if (attack.id === 'xss') document.dispatchEvent(new Event('demo:comments-changed'));
    } catch (err) {
      row.dataset.status = 'error';
      status.textContent = `failed: ${err.message}`;
    } finally {
      busy = false;
      for (const b of buttons) b.disabled = false;
    }
  }

  buildTable();
  $('lab-attacks').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-attack]');
    if (!button) return;
    const attack = ATTACKS.find((a) => a.id === button.dataset.attack);
    if (attack) runAttack(attack, button.closest('tr'));
  });
  refreshEvents().catch(() => {});
  // Live: events caused elsewhere on the page (sign-in, comments) show up within seconds.
  setInterval(() => {
    if (!busy && document.visibilityState === 'visible') refreshEvents().catch(() => {});
  }, 3000);
})();
