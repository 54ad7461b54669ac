// Config lookup and resolution on real folders: presets, extends, overrides, ruleDirs, ignores, errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyLint } from '../../src/api/replylint.js';
import { ReplylintError, ReplylintErrors } from '../../src/errors.js';
import { SAMPLE_RULE_YAML } from '../helpers.js';

let root: string;
function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'replylint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function settings(files: Record<string, string>, file: string) {
  const cwd = tree(files);
  const config = await new ReplyLint({ cwd }).calculateConfigForFile(join(cwd, file));
  return Object.fromEntries(Object.entries(config.rules).map(([id, r]) => [id, r.severity]));
}

async function failure(files: Record<string, string>, file = 'a.txt'): Promise<string[]> {
  const cwd = tree(files);
  try {
    await new ReplyLint({ cwd }).calculateConfigForFile(join(cwd, file));
  } catch (error) {
    if (error instanceof ReplylintErrors) return error.errors.map((e) => e.format().replace(cwd, '<root>'));
    if (error instanceof ReplylintError) return [error.format().replace(cwd, '<root>')];
    throw error;
  }
  return [];
}

describe('config resolution', () => {
  it('uses the recommended preset when no config is found, and when a config has no "extends"', async () => {
    const none = await settings({ 'a.txt': '' }, 'a.txt');
    expect(none['blame/third-party']).toBe(2);
    expect(none['tone/helpless']).toBe(1);
    const own = await settings({ '.replylintrc.json': '{"rules": {"tone/helpless": "off"}}', 'a.txt': '' }, 'a.txt');
    expect(own['blame/third-party']).toBe(2);
    expect(own['tone/helpless']).toBeUndefined();
  });

  it('finds the nearest config upwards, in any of the supported places', async () => {
    for (const [name, text] of [
      ['.replylintrc', 'rules:\n  tone/helpless: error\n'],
      ['.replylintrc.yaml', 'rules:\n  tone/helpless: error\n'],
      ['package.json', '{"name": "x", "replylint": {"rules": {"tone/helpless": "error"}}}'],
      ['replylint.config.mjs', 'export default { rules: { "tone/helpless": "error" } };'],
    ] as const) {
      const s = await settings({ [name]: text, 'deep/er/a.txt': '' }, 'deep/er/a.txt');
      expect(s['tone/helpless'], name).toBe(2);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('starts from nothing with "extends": [] and everything with replylint:all', async () => {
    expect(await settings({ '.replylintrc.json': '{"extends": []}', 'a.txt': '' }, 'a.txt')).toEqual({});
    const all = await settings({ '.replylintrc.json': '{"extends": "replylint:all"}', 'a.txt': '' }, 'a.txt');
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(8);
  });

  it('follows extends paths, applies the config after what it extends, then matching overrides', async () => {
    const files = {
      'base.json': '{"extends": [], "rules": {"tone/helpless": "error", "tone/condescending": "warn"}}',
      '.replylintrc.json': JSON.stringify({
        extends: './base.json',
        rules: { 'tone/condescending': 'error' },
        overrides: [{ files: '*.md', rules: { 'tone/helpless': 'off' } }],
      }),
      'a.txt': '',
      'b.md': '',
    };
    expect(await settings(files, 'a.txt')).toEqual({ 'tone/helpless': 2, 'tone/condescending': 2 });
    expect(await settings(files, 'b.md')).toEqual({ 'tone/condescending': 2 });
  });

  it('loads ruleDirs, turning their rules on at their own severity', async () => {
    const cwd = tree({
      '.replylintrc.json': '{"ruleDirs": ["house-rules"]}',
      'house-rules/no-sorry-for-inconvenience.yaml': SAMPLE_RULE_YAML,
      'a.txt': 'Sorry for the inconvenience.',
    });
    const linter = new ReplyLint({ cwd });
    const [result] = await linter.lintFiles(['a.txt']);
    expect(result!.messages.filter((m) => m.ruleId?.startsWith('acme/')).map((m) => [m.ruleId, m.severity])).toEqual([['acme/no-sorry-for-inconvenience', 1]]);
  });

  it('reports unknown rule ids and bad severities with the config line and column', async () => {
    expect(await failure({ '.replylintrc.json': '{\n  "rules": {\n    "blame/third-partyy": "error"\n  }\n}', 'a.txt': '' })).toEqual([
      '<root>/.replylintrc.json:3:5: unknown rule "blame/third-partyy" (did you mean "blame/third-party"?)',
    ]);
    expect(await failure({ '.replylintrc.yaml': 'rules:\n  tone/helpless: fatal\n', 'a.txt': '' })).toEqual([
      '<root>/.replylintrc.yaml:2:18: "rules.tone/helpless" must be one of "off", "warn", "error", 0, 1, 2 (got "fatal")',
    ]);
    expect(await failure({ '.replylintrc.json': '{"rulez": {}}', 'a.txt': '' })).toEqual(['<root>/.replylintrc.json:1:2: unknown key "rulez"']);
    expect(await failure({ 'package.json': '{\n"name": "x",\n"replylint": {"plugins": []}\n}', 'a.txt': '' })).toEqual([
      '<root>/package.json:3:15: unknown key "plugins"',
    ]);
  });

  it('reports an extends cycle, a missing extends target and an unknown preset', async () => {
    expect((await failure({ '.replylintrc.json': '{"extends": "./b.json"}', 'b.json': '{"extends": "./.replylintrc.json"}', 'a.txt': '' }))[0]).toMatch(/makes a cycle/);
    expect(await failure({ '.replylintrc.json': '{"extends": "./nope.json"}', 'a.txt': '' })).toEqual([
      '<root>/.replylintrc.json:1:13: "extends" names a config that does not exist: ./nope.json',
    ]);
    expect((await failure({ '.replylintrc.json': '{"extends": "replylint:strict"}', 'a.txt': '' }))[0]).toMatch(/unknown preset "replylint:strict"/);
  });

  it('ignores files matched by ignorePatterns, relative to the config', async () => {
    const cwd = tree({ '.replylintrc.json': '{"ignorePatterns": ["drafts/", "*.old.txt"]}', 'drafts/x.txt': '', 'a.old.txt': '', 'a.txt': '' });
    const linter = new ReplyLint({ cwd });
    expect(await linter.isPathIgnored(join(cwd, 'drafts/x.txt'))).toBe(true);
    expect(await linter.isPathIgnored(join(cwd, 'a.old.txt'))).toBe(true);
    expect(await linter.isPathIgnored(join(cwd, 'a.txt'))).toBe(false);
    expect((await linter.lintFiles(['.'])).map((r) => r.filePath)).toEqual([join(cwd, 'a.txt')]);
  });
});
