// The package as users import it: the built entry (package.json "exports"), not the sources.
// `npm test` builds first, so this checks what `import … from 'replylint'` really gives.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const api = (await import(new URL('../../dist/index.js', import.meta.url).href)) as typeof import('../../src/index.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-api-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('public API (dist/index.js)', () => {
  it('lints a string with a file name: the name picks the format and the config', async () => {
    writeFileSync(join(dir, '.replylintrc.json'), JSON.stringify({ extends: 'replylint:recommended', rules: { 'tone/you-have-to': 'error' } }));
    const linter = new api.ReplyLint({ cwd: dir });
    const result = await linter.lintText('<p>You have to restart &amp; sign in.</p>', { filePath: 'reply.html' });
    expect(result.input).toEqual({ format: 'html', replies: 1, repliesWithProblems: 1 });
    expect(result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([['tone/you-have-to', 2, 1, 4]]);
    expect(result.messages[0]!.docsUrl).toBe('https://github.com/replylint/replylint/blob/main/docs/rules/tone/you-have-to.md');
  });

  it('lints files and globs, resolves the config for a file, and loads formatters', async () => {
    writeFileSync(join(dir, 'a.txt'), 'The courier lost your parcel.\n');
    writeFileSync(join(dir, 'b.md'), 'I have refunded the shipping.\n');
    const linter = new api.ReplyLint({ cwd: dir });
    const results = await linter.lintFiles(['*.txt', 'b.md']);
    expect(results.map((r) => [r.filePath, r.errorCount])).toEqual([
      [join(dir, 'a.txt'), 1],
      [join(dir, 'b.md'), 0],
    ]);
    const config = await linter.calculateConfigForFile('a.txt');
    expect(config.rules['blame/third-party']?.severity).toBe(2);
    const compact = linter.loadFormatter('compact')(results, { color: false, displayPath: (p) => p.slice(dir.length + 1), cwd: dir });
    expect(compact).toContain('a.txt: line 1, col 1, Error - ');
    expect(() => linter.loadFormatter('nope')).toThrow(/unknown format "nope"/);
  });

  it('applies fixes in memory and writes them only when asked', async () => {
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'You have to restart the router.\n');
    chmodSync(file, 0o600);
    const linter = new api.ReplyLint({ cwd: dir, fix: true });
    const results = await linter.lintFiles(['reply.txt']);
    expect(results[0]!.output).toBe('Please restart the router.\n');
    expect(readFileSync(file, 'utf8')).toBe('You have to restart the router.\n');
    expect(linter.writeFixes(results)).toEqual({ written: [file], failed: [] });
    expect(readFileSync(file, 'utf8')).toBe('Please restart the router.\n');
  });

  it('exposes the pure core and the fixer without a file system', async () => {
    const { rules } = api.loadBuiltins();
    const registry = new api.RuleRegistry(rules);
    const config = { rules: { 'tone/you-have-to': { severity: 1 as const, options: {} } } };
    const result = await api.lintAndFix('You must sign in again.', { filePath: 'reply.txt', config, rules: registry });
    expect(result.output).toBe('Please sign in again.');
    expect(api.applyFixes('abc', [{ fix: { range: [0, 1], text: 'A' } }])).toEqual({ output: 'Abc', applied: 1 });
  });
});
