#!/usr/bin/env node
// Thin launcher. `npm install` builds dist/ (the prepare script): the bundled CLI starts
// fastest; the plain compiled modules are the fallback.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/replylint.js', import.meta.url);
const modules = new URL('../dist/cli/index.js', import.meta.url);
const entry = existsSync(bundle) ? bundle : existsSync(modules) ? modules : undefined;
if (!entry) {
  process.stderr.write('replylint: not built yet: run `npm install` (or `npm run build`) in the replylint folder.\n');
  process.exitCode = 2;
} else {
  const { main, processIO } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2), processIO());
}
