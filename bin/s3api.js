#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry costs ~10 ms of ESM loader set-up per run.
'use strict';
const { enableCompileCache } = require('node:module');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// The bundled build (scripts/build-bundle.mjs), compiled with a V8 code cache.
const { codeCacheDir, requireBundle } = require('../dist/bundle/code-cache.cjs');
// Node >= 22.1 also caches what it compiles itself (the vendor/ libraries); Node 20 has no such call.
enableCompileCache?.(join(codeCacheDir(process.env, homedir()), 'node'));
const { main } = requireBundle(pathToFileURL(join(__dirname, '../dist/bundle/main.cjs')));

// Ctrl-C: the AWS CLI writes a single newline to stdout and exits 130.
process.on('SIGINT', () => {
  process.stdout.write('\n');
  process.exit(130);
});
// A closed pipe (`s3api ... | head -1`) ends output quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));

// The name it was started by (`aws` through a link) is the name its errors and usage print.
main(process.argv[1]).then(async (exitCode) => {
  process.exitCode = exitCode;
  // The command is over once its output is written: a connection the server answered early
  // (before reading the body) or a socket still in the pool must not keep the process alive
  // until the read timeout, as the AWS CLI does not.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(exitCode);
});
