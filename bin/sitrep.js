#!/usr/bin/env node
// The `sitrep` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sitrep: ${err?.message ?? err}\n`);
    process.exitCode = 70;
  },
);
