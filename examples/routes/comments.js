'use strict';
// Comments: users write a little HTML; what is stored is what a policy compiled once at
// startup lets through (bulwark.createSanitizer, ammonia in the core), so every reader gets
// markup that cannot run script, whatever the client does with it.

const express = require('express');
const bulwark = require('bulwark');
const guard = require('bulwark/express');
const { sendError } = require('../lib/http');

const commentPolicy = bulwark.createSanitizer({
  allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  linkRel: 'nofollow noopener noreferrer ugc',
  maxDepth: 32,
});

// Tag starts and attributes; the sanitizer keeps text, so fewer of either in its output means
// it removed elements or attributes (an event), while escaping '&' or '<' in text does not count.
const TAG_START = /<[A-Za-z/!?]/g;
const ATTRIBUTE = /\s[^\s"'<>/=]+\s*=/g;
const occurrences = (pattern, text) => (text.match(pattern) ?? []).length;
const removedMarkup = (input, output) =>
  occurrences(TAG_START, output) < occurrences(TAG_START, input) ||
  occurrences(ATTRIBUTE, output) < occurrences(ATTRIBUTE, input);

module.exports = function commentRoutes({ db, sessions, security, onViolation }) {
  const router = express.Router();

  router.get(
    '/',
    guard.validate(
      {
        query: {
          limit: {
            optional: true,
            isInt: { options: { min: 1, max: 50 }, errorMessage: 'must be an integer from 1 to 50' },
            toInt: {},
          },
        },
      },
      { onViolation },
    ),
    async (req, res) => {
      const limit = req.valid.query.limit ?? 20;
      const rows = await db.query(
        `SELECT c.id, c.body_html, c.created_at, u.profile->>'displayName' AS author
           FROM comments c JOIN users u ON u.id = c.user_id
          ORDER BY c.id DESC LIMIT $1`,
        [limit],
      );
      // `author` is the user's own text: clients must insert it as text (the demo page does).
      res.json({
        comments: rows.map((r) => ({
          id: r.id,
          author: r.author ?? 'anonymous',
          html: r.body_html,
          createdAt: r.created_at,
        })),
      });
    },
  );

  router.post(
    '/',
    sessions.required(),
    guard.validate(
      {
        body: { body: { isLength: { options: { min: 1, max: 5000 }, errorMessage: 'must be 1 to 5000 characters' } } },
      },
      { onViolation },
    ),
    async (req, res) => {
      let html;
      try {
        html = commentPolicy.sanitize(req.valid.body.body);
      } catch (err) {
        if (!(err instanceof bulwark.BulwarkError && err.code === 'INPUT_TOO_DEEP')) throw err;
        security(req, { type: 'html', location: 'body', path: 'body', detail: err.code });
        sendError(res, 400, 'INPUT_TOO_DEEP', 'this comment nests its markup too deeply');
        return;
      }
      if (removedMarkup(req.valid.body.body, html)) {
        // Stored anyway, without what was removed: the event says an attempt was made.
        security(req, { type: 'html', location: 'body', path: 'body', detail: 'markup removed by the sanitizer' });
      }
      if (html.trim() === '') {
        sendError(res, 400, 'EMPTY_COMMENT', 'nothing is left of this comment once sanitized');
        return;
      }
      const row = await db.one('INSERT INTO comments (user_id, body_html) VALUES ($1, $2) RETURNING id', [
        req.session.user.id,
        html,
      ]);
      res.status(201).json({ id: row.id, html });
    },
  );

  return router;
};
