#!/usr/bin/env node
// The `sitrep` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import { main } from '../dist/cli/main.js';

// `sitrep events | head`: a reader that stops early is not an error; stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sitrep: ${err?.message ?? err}\n`);
    process.exitCode = 70;
  },
);
