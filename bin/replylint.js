#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('replylint: not built yet: run `npm install` (or `npm run build`) in the replylint folder.\n');
  process.exitCode = 2;
} else {
  const { main, processIO } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2), processIO());
}
