'use strict';
// /.well-known/security.txt (RFC 9116): where to report a vulnerability. `Expires` is
// required and must be less than a year ahead; it is computed when the app starts.

const express = require('express');

module.exports = function wellKnownRoutes({ securityContact, canonicalUrl }) {
  const router = express.Router();
  const expires = new Date(Date.now() + 180 * 24 * 60 * 60 * 1000);
  expires.setUTCMilliseconds(0);
  const lines = [
    `Contact: ${securityContact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: en',
    ...(canonicalUrl ? [`Canonical: ${canonicalUrl}`] : []),
  ];
  const body = `${lines.join('\n')}\n`;

  router.get('/security.txt', (req, res) => {
    res.type('text/plain; charset=utf-8').set('Cache-Control', 'public, max-age=86400').send(body);
  });

  return router;
};
