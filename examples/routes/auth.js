'use strict';
// Sign-up, login, logout and "who am I", with argon2id (bulwark.hashPassword) and replies
// that do not reveal which accounts exist.

const crypto = require('node:crypto');
const express = require('express');
const bulwark = require('bulwark');
const guard = require('bulwark/express');
const { sendError } = require('../lib/http');

// Messages name the rule that failed (express-validator's error shape has no rule field).
const EMAIL = { isEmail: { errorMessage: 'must be an email address' }, normalizeEmail: {} };
const passwordRule = (min) => ({
  isLength: { options: { min, max: 256 }, errorMessage: `must be ${min} to 256 characters` },
});

module.exports = function authRoutes({
  db,
  sessions,
  security,
  onViolation,
  authLimiter,
  loginLimiter,
  passwordOptions,
}) {
  const router = express.Router();

  // Unknown accounts get a verification against this hash, made with the same parameters as
  // real ones, so "no such user" costs the same time as "wrong password".
  const dummyHash = bulwark.hashPassword(crypto.randomBytes(32).toString('base64url'), passwordOptions);
  dummyHash.catch(() => {}); // awaited by every login; a failure surfaces there

  router.post(
    '/signup',
    authLimiter,
    guard.validate({ body: { email: EMAIL, password: passwordRule(12) } }, { onViolation }),
    async (req, res) => {
      const { email, password } = req.valid.body;
      // Hash before looking at the table, and answer the same way whether or not the address
      // was taken: neither the reply nor its timing tells an attacker who has an account.
      const hash = await bulwark.hashPassword(password, passwordOptions);
      await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING', [
        email,
        hash,
      ]);
      res.status(202).json({ message: 'if this address was not registered yet, the account now exists: sign in' });
    },
  );

  router.post(
    '/login',
    authLimiter,
    guard.validate({ body: { email: EMAIL, password: passwordRule(1) } }, { onViolation }),
    loginLimiter,
    async (req, res) => {
      const { email, password } = req.valid.body;
      const user = await db.one('SELECT id, password_hash FROM users WHERE email = $1', [email]);
      let ok;
      if (user) {
        ok = await bulwark.verifyPassword(user.password_hash, password);
      } else {
        await bulwark.verifyPassword(await dummyHash, password);
        ok = false;
      }
      if (!ok) {
        security(req, { type: 'login', location: 'body', path: 'password', detail: 'invalid credentials' });
        sendError(res, 401, 'INVALID_CREDENTIALS', 'invalid credentials');
        return;
      }
      if (bulwark.needsRehash(user.password_hash, passwordOptions)) {
        // Parameters were raised since this hash was made: upgrade it while we hold the password.
        const upgraded = await bulwark.hashPassword(password, passwordOptions);
        await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [upgraded, user.id]);
      }
      const { csrfToken } = await sessions.start(res, user.id);
      res.json({ csrfToken });
    },
  );

  router.post('/logout', sessions.required(), async (req, res) => {
    await sessions.end(req, res);
    res.status(204).end();
  });

  // For the page: whether this browser is signed in, as a 200 either way (a signed-out
  // visitor is not an error: no 401 in the browser console on every page load).
  router.get('/session', async (req, res) => {
    const session = await sessions.load(req);
    if (!session) {
      res.json({ signedIn: false });
      return;
    }
    const { user, csrfToken } = session;
    res.json({ signedIn: true, email: user.email, profile: user.profile, csrfToken });
  });

  router.get('/me', sessions.required(), (req, res) => {
    const { user, csrfToken } = req.session;
    res.json({ email: user.email, profile: user.profile, csrfToken });
  });

  return router;
};
