'use strict';
// bulwark/path-is-inside: a drop-in for path-is-inside (`require('path-is-inside')`).
// Both paths are resolved (`path.resolve`) before the comparison, so `..` segments cannot
// climb out of a path that starts with the parent (`/srv/app/../../etc` is not inside
// `/srv/app`, where path-is-inside says it is). Case is ignored on Windows, as there.
// For user input, prefer `resolveWithin` (docs/paths.md): it also refuses NUL, drive
// letters, device names and other forms the file system reads differently.

const path = require('node:path');

function stripTrailingSep(p) {
  return p.length > 1 && p.endsWith(path.sep) ? p.slice(0, -1) : p;
}

module.exports = function pathIsInside(thePath, potentialParent) {
  if (typeof thePath !== 'string' || typeof potentialParent !== 'string') {
    throw new TypeError('pathIsInside: both paths must be strings');
  }
  if (thePath.includes('\0') || potentialParent.includes('\0')) return false;
  let child = stripTrailingSep(path.resolve(thePath));
  let parent = stripTrailingSep(path.resolve(potentialParent));
  if (process.platform === 'win32') {
    child = child.toLowerCase();
    parent = parent.toLowerCase();
  }
  if (!child.startsWith(parent)) return false;
  // The root ('/' or 'C:\') already ends with a separator.
  return child.length === parent.length || parent.endsWith(path.sep) || child[parent.length] === path.sep;
};
