'use strict';
// Profile updates as RFC 7386 JSON Merge Patch (`PATCH /api/profile`, Content-Type
// application/merge-patch+json): a member sets a value, `null` deletes it, objects merge.
// bulwark.mergePatch applies it without ever writing `__proto__`, `constructor` or
// `prototype`; the fields a user may change are an allowlist, so a patch cannot smuggle in
// anything else (mass assignment).

const express = require('express');
const bulwark = require('bulwark');
const guard = require('bulwark/express');
const { sendError } = require('../lib/http');

const STRING_FIELDS = {
  displayName: {
    optional: true,
    trim: {},
    isLength: { options: { min: 1, max: 50 }, errorMessage: 'must be 1 to 50 characters' },
  },
  bio: { optional: true, isLength: { options: { max: 500 }, errorMessage: 'must be at most 500 characters' } },
  website: {
    optional: true,
    isLength: { options: { max: 200 }, errorMessage: 'must be at most 200 characters' },
    isURL: {
      options: { protocols: ['http', 'https'], require_protocol: true },
      errorMessage: 'must be an http or https URL',
    },
  },
};
const THEMES = ['light', 'dark', 'system'];

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An error in validate()'s (express-validator's) shape, so the client reads one shape. */
const fieldError = (path, msg) => ({ type: 'field', location: 'body', path, msg });

/** The `preferences` member of a patch, checked: `{ theme?, emailNotifications? }`, each nullable. */
function checkPreferences(value) {
  if (value === null) return { ok: true, value: null };
  if (!isPlainObject(value)) return { ok: false, error: fieldError('preferences', 'must be an object or null') };
  const out = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (key === 'theme' && (v === null || (typeof v === 'string' && bulwark.isIn(v, THEMES)))) out.theme = v;
    else if (key === 'emailNotifications' && (v === null || typeof v === 'boolean')) out.emailNotifications = v;
    else if (key === 'theme')
      return { ok: false, error: fieldError('preferences.theme', `must be one of ${THEMES.join(', ')} or null`) };
    else if (key === 'emailNotifications')
      return { ok: false, error: fieldError('preferences.emailNotifications', 'must be true, false or null') };
    else return { ok: false, error: fieldError('preferences', 'unknown member') }; // never echo unknown keys
  }
  return { ok: true, value: out };
}

module.exports = function profileRoutes({ db, sessions, onViolation }) {
  const router = express.Router();

  router.patch('/', sessions.required(), guard.validate({ body: STRING_FIELDS }, { onViolation }), async (req, res) => {
    const patch = req.body;
    if (!isPlainObject(patch)) {
      sendError(res, 400, 'INVALID_PATCH', 'send a JSON object (application/merge-patch+json)');
      return;
    }
    const clean = {};
    const errors = [];
    for (const key of Object.keys(patch)) {
      if (Object.hasOwn(STRING_FIELDS, key)) {
        if (patch[key] === null) clean[key] = null;
        else if (Object.hasOwn(req.valid.body, key)) clean[key] = req.valid.body[key];
        else errors.push(fieldError(key, 'must not be empty (null deletes it)')); // '' is not a value
      } else if (key === 'preferences') {
        const checked = checkPreferences(patch[key]);
        if (checked.ok) clean[key] = checked.value;
        else errors.push(checked.error);
      } else {
        errors.push(fieldError(null, 'unknown field')); // never echo unknown keys
      }
    }
    if (errors.length > 0) {
      res.status(400).json({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'only displayName, bio, website and preferences can be changed',
          errors,
        },
      });
      return;
    }
    const profile = bulwark.mergePatch(req.session.user.profile, clean);
    await db.query('UPDATE users SET profile = $1::jsonb WHERE id = $2', [
      JSON.stringify(profile),
      req.session.user.id,
    ]);
    res.json({ profile });
  });

  return router;
};
