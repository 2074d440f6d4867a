#!/usr/bin/env node
// `npm start`: sets up what a fresh clone lacks, then runs the demo app (examples/server.js):
// a hardened Express app that prints its URL and a few curl lines showing attacks stopped.
import { run, setup } from './setup.mjs';

setup();
run(process.execPath, ['examples/server.js']);
