'use strict';
// The install smoke test, run with an app folder that installed bulwark as the working
// directory (js-tests/package/tarballs.test.js here, scripts/test-cross.mjs under another
// platform's Node): prints one line, `SMOKE {json}`, of results to compare.
const { createRequire } = require('node:module');
const path = require('node:path');

const appRequire = createRequire(path.join(process.cwd(), 'package.json'));
const b = appRequire('bulwark');
(async () => {
  const hash = await b.hashPassword('pw', { memoryCost: 1024, timeCost: 1 });
  const result = {
    backend: b.backend,
    reason: b.backendReason,
    escaped: b.escapeHtml('<a href="x">'),
    clean: b.sanitizeHtml('<p onclick="x()">hi</p>'),
    email: b.isEmail('a@example.com'),
    verified: await b.verifyPassword(hash, 'pw'),
    toInt: b.toInt('ff', 16),
    express: typeof appRequire('bulwark/express').json,
  };
  console.log(`SMOKE ${JSON.stringify(result)}`);
})();
