#!/usr/bin/env node
import { main } from '../dist/main.js';

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

// The name it was started by (`aws` through a link) is the name its errors and usage print.
process.exitCode = await main(process.argv[1]);
