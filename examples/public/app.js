'use strict';
// The demo page's only script (CSP: script-src 'self'). User text is inserted with
// textContent; comment bodies are HTML that the server sanitized before storing them.

let csrfToken = null;

const $ = (id) => document.getElementById(id);
/** The status line: `kind` 'ok' (green, a check mark) or 'error' (red); '' clears it. */
const showStatus = (text, kind = 'error') => {
  const status = $('status');
  status.textContent = text;
  status.className = text ? `status-${kind}` : '';
};
const showSuccess = (text) => showStatus(text, 'ok');

async function api(method, url, body, contentType = 'application/json') {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (csrfToken && method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const err = data && data.error ? data.error : { code: String(res.status), message: res.statusText };
    // express-validator's shape, { path, msg }: validate() and the profile route both use it.
    const fields = Array.isArray(err.errors)
      ? ` (${err.errors.map((e) => `${e.path ?? 'field'}: ${e.msg}`).join(', ')})`
      : '';
    throw new Error(`${err.code}: ${err.message}${fields}`);
  }
  return data;
}

function showSignedIn(me) {
  csrfToken = me ? me.csrfToken : null;
  $('whoami').textContent = me ? `Signed in as ${me.email}` : 'Not signed in.';
  $('auth-form').hidden = Boolean(me);
  $('logout').hidden = !me;
  $('profile').hidden = !me;
  $('comment-form').hidden = !me;
  if (me) {
    $('profile-form').elements.displayName.value = me.profile.displayName ?? '';
    $('profile-form').elements.website.value = me.profile.website ?? '';
  }
}

async function refreshMe() {
  try {
    const session = await api('GET', '/api/session');
    showSignedIn(session.signedIn ? session : null);
  } catch {
    showSignedIn(null);
  }
}

async function refreshComments() {
  const { comments } = await api('GET', '/api/comments?limit=20');
  const list = $('comment-list');
  list.replaceChildren();
  for (const c of comments) {
    const li = document.createElement('li');
    const author = document.createElement('span');
    author.className = 'author';
    author.textContent = c.author;
    const body = document.createElement('div');
    body.innerHTML = c.html; // sanitized by the server's policy
    li.append(author, body);
    list.append(li);
  }
}

$('auth-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const action = event.submitter ? event.submitter.value : 'login';
  const credentials = { email: form.elements.email.value, password: form.elements.password.value };
  try {
    if (action === 'signup') await api('POST', '/api/signup', credentials);
    await api('POST', '/api/login', credentials);
    form.reset();
    await refreshMe();
    showSuccess(action === 'signup' ? 'Account created; you are signed in.' : 'Signed in.');
  } catch (err) {
    showStatus(err.message);
  }
});

$('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/api/logout');
    showSuccess('Signed out.');
  } catch (err) {
    showStatus(err.message);
  }
  await refreshMe();
});

$('profile-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { displayName, website } = event.target.elements;
  // Merge Patch: an empty field deletes the value (null), a filled one sets it.
  const patch = { displayName: displayName.value.trim() || null, website: website.value.trim() || null };
  try {
    await api('PATCH', '/api/profile', patch, 'application/merge-patch+json');
    showSuccess('Profile saved.');
    await refreshMe();
    await refreshComments();
  } catch (err) {
    showStatus(err.message);
  }
});

$('comment-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('POST', '/api/comments', { body: event.target.elements.body.value });
    event.target.reset();
    showSuccess('Comment posted.');
    await refreshComments();
  } catch (err) {
    showStatus(err.message);
  }
});

// The attack lab (lab.js) posts comments too.
document.addEventListener('demo:comments-changed', () => refreshComments().catch((err) => showStatus(err.message)));

refreshMe();
refreshComments().catch((err) => showStatus(err.message));
