// Build step: writes docs/rules/<family>/<rule>.md for every built-in rule and docs/rules/README.md
// from the built dist/, and removes pages of rules that are gone. `--check` writes nothing and
// exits 1 listing the files that are missing, stale or extra.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const { readBuiltinSources } = await import('../dist/rules/load.js');
const { compareDocs, renderRuleDocs } = await import('../dist/rules/docs.js');

const DOCS_DIR = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const check = process.argv.includes('--check');

/** The files under docs/rules/ now: path relative to it (with "/") → content. */
function readDocs() {
  let entries;
  try {
    entries = readdirSync(DOCS_DIR, { recursive: true });
  } catch {
    return new Map();
  }
  const files = new Map();
  for (const entry of entries) {
    const path = join(DOCS_DIR, entry);
    if (statSync(path).isFile()) files.set(entry.split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

const { rules, presets } = readBuiltinSources();
const expected = await renderRuleDocs(rules, presets);
const { missing, stale, extra } = compareDocs(expected, readDocs());

if (check) {
  for (const path of missing) console.error(`missing: docs/rules/${path}`);
  for (const path of stale) console.error(`stale:   docs/rules/${path}`);
  for (const path of extra) console.error(`extra:   docs/rules/${path}`);
  if (missing.length + stale.length + extra.length) {
    console.error('The rule docs do not match the rule files: run `npm run docs`.');
    process.exitCode = 1;
  } else console.log(`docs/rules is up to date (${expected.size} files)`);
} else {
  for (const path of [...missing, ...stale]) {
    const file = join(DOCS_DIR, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, expected.get(path));
  }
  for (const path of extra) rmSync(join(DOCS_DIR, path));
  removeEmptyFolders(DOCS_DIR);
  console.log(`docs/rules: ${missing.length} written, ${stale.length} updated, ${extra.length} removed, ${expected.size} files`);
}

/** Folders left empty by removed pages (a family that is gone). */
function removeEmptyFolders(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = join(dir, entry.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}
