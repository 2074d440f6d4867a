#!/usr/bin/env node
// `npm start`: sets up what a fresh clone lacks, then runs the example app.
import { run, setup } from './setup.mjs';

setup();
run(process.execPath, ['examples/quickstart.js']);
