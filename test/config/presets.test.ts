// resolvePreset (the playground's config, no file system) must equal what a config file saying the
// same thing resolves to.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyLint } from '../../src/api/replylint.js';
import { PRESETS, resolvePreset } from '../../src/config/presets.js';
import { loadBuiltins } from '../../src/rules/load.js';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

async function fromConfigFile(config: object) {
  root = mkdtempSync(join(tmpdir(), 'replylint-presets-'));
  writeFileSync(join(root, '.replylintrc.json'), JSON.stringify(config));
  return new ReplyLint({ cwd: root }).calculateConfigForFile(join(root, 'reply.txt'));
}

describe('resolvePreset', () => {
  const builtins = loadBuiltins();

  it.each(PRESETS)('%s with two rules off equals the config file {extends, rules: off}', async (preset) => {
    const off = ['refusal/dead-end', 'tone/helpless'];
    const expected = await fromConfigFile({ extends: preset, rules: Object.fromEntries(off.map((id) => [id, 'off'])) });
    const resolved = resolvePreset(builtins, preset, off);
    expect(resolved).toEqual(expected);
    expect(resolved.rules['refusal/dead-end']).toBeUndefined();
    expect(resolved.rules['blame/third-party']).toEqual({ severity: 2, options: {} });
  });

  it('recommended leaves out template/unknown-variable; all turns on every built-in rule', () => {
    expect(resolvePreset(builtins, 'replylint:recommended').rules['template/unknown-variable']).toBeUndefined();
    const all = resolvePreset(builtins, 'replylint:all');
    expect(Object.keys(all.rules).sort()).toEqual(builtins.rules.map((r) => r.id).sort());
    expect(all.rules['tone/you-have-to']).toEqual({ severity: 1, options: {} });
  });
});
