// The CLI runs the esbuild bundle, which patches compromise at build time (its lexicon and
// conjugation models are precomputed as JSON, its plugin merge is rewritten: scripts/bundle.js).
// The bundle must lint exactly as the compiled modules do, which load compromise untouched: every
// dev-split reply and rule example, linted by the real binary and in-process, gives the same report.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ReplyLint } from '../../src/api/replylint.js';
import type { LintResult } from '../../src/types.js';
import { builtinRegistry } from '../helpers.js';
import { assertBuilt, REPO_ROOT, runCli } from './run-cli.js';

let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-bundle-'));
  writeFileSync(join(dir, '.replylintrc.json'), '{"extends": "replylint:all"}');
  const devDir = join(REPO_ROOT, 'fixtures', 'corpus', 'dev');
  for (const file of readdirSync(devDir).filter((f) => f.endsWith('.yaml'))) {
    for (const item of parse(readFileSync(join(devDir, file), 'utf8')) as Array<{ id: string; text: string }>) {
      writeFileSync(join(dir, `${item.id}.md`), item.text);
    }
  }
  for (const rule of builtinRegistry.definitions()) {
    rule.examples.invalid.forEach((text, i) => writeFileSync(join(dir, `${rule.id.replace('/', '-')}-${i}.txt`), text));
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a report says, file by file: the messages with their places, words and suggestions. */
function summary(results: LintResult[]): Record<string, unknown[]> {
  return Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(dir.length + 1),
      r.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message, m.fix ?? null, m.suggestions ?? []]),
    ]),
  );
}

describe('the bundled CLI', () => {
  it('lints the dev split and the rule examples exactly as the compiled modules do', async () => {
    const run = await runCli(['--format', 'json', '--concurrency', 'off', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 170_000 });
    expect(run.stderr).toBe('');
    const bundled = summary(JSON.parse(run.stdout) as LintResult[]);
    const modules = summary(await new ReplyLint({ cwd: dir }).lintFiles(['.']));
    expect(Object.keys(bundled).length).toBeGreaterThan(3000);
    // Not an empty comparison: the corpus is full of findings.
    expect(Object.values(bundled).flat().length).toBeGreaterThan(2000);
    expect(bundled).toEqual(modules);
  }, 180_000);
});
