'use strict';
// Downloads from one directory (`GET /files/<path>`). Express has already decoded the
// route parameter (so `..%2f` arrives as `../`); bulwark.resolveWithinReal resolves it inside
// the directory, refusing `..` escapes, absolute paths, NUL bytes, backslashes and Windows
// forms, and symlinks whose target lies outside, before the file system is asked for a file.

const fs = require('node:fs');
const path = require('node:path');
const express = require('express');
const bulwark = require('bulwark');
const { sendError } = require('../lib/http');

module.exports = function fileRoutes({ filesDir, security }) {
  const router = express.Router();
  // resolveWithinReal answers with real paths: serve relative to the real directory.
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path comes from resolveWithinReal
  const base = fs.realpathSync(path.resolve(filesDir));

  // Express 5 (path-to-regexp 8): `*file` captures the rest of the path as decoded segments.
  router.get('/*file', async (req, res, next) => {
    let file;
    try {
      file = await bulwark.resolveWithinReal(base, req.params.file.join('/'));
    } catch (err) {
      if (!(err instanceof bulwark.BulwarkError)) throw err;
      security(req, { type: 'path', location: 'params', path: 'file', detail: err.code });
      sendError(res, 400, err.code, 'this path is not allowed');
      return;
    }
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path comes from resolveWithinReal
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat || !stat.isFile()) {
      sendError(res, 404, 'NOT_FOUND', 'no such file');
      return;
    }
    // With `root`, dotfiles: 'deny' looks only below it: hidden files (.env, .git/...) are refused.
    res.download(path.relative(base, file), path.basename(file), { root: base, dotfiles: 'deny' }, (err) => {
      if (!err) return;
      if (res.headersSent) {
        next(err);
        return;
      }
      if (err.status === 403 || err.statusCode === 403) sendError(res, 404, 'NOT_FOUND', 'no such file');
      else next(err);
    });
  });

  return router;
};
