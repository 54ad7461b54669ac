// .replylintrc.example.json documents every key: it must stay a working config.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReplyLint } from '../../src/api/replylint.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('.replylintrc.example.json', () => {
  const example = JSON.parse(readFileSync(`${ROOT}.replylintrc.example.json`, 'utf8')) as Record<string, unknown>;

  it('uses every top-level key the config schema allows', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}schema/config.schema.json`, 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(example).sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('resolves: overrides apply by glob, rule options survive, ruleDirs rules exist', async () => {
    const linter = new ReplyLint({ cwd: ROOT, configFile: '.replylintrc.example.json' });
    const top = await linter.calculateConfigForFile(`${ROOT}replies/a.md`);
    expect(top.rules['tone/unfortunately-opener']).toBeUndefined();
    expect(top.rules['house/stock-apology']?.severity).toBe(1);
    expect(top.rules['refusal/no-alternative']).toEqual({ severity: 2, options: { window: { scope: 'reply' } } });
    const internal = await linter.calculateConfigForFile(`${ROOT}internal/x.md`);
    expect(internal.rules['tone/condescending']).toBeUndefined();
    expect(internal.rules['refusal/no-alternative']?.severity).toBe(1);
    const excluded = await linter.calculateConfigForFile(`${ROOT}internal/customer-facing/x.md`);
    expect(excluded.rules['tone/condescending']?.severity).toBe(1);
    expect(await linter.isPathIgnored(`${ROOT}drafts/x.md`)).toBe(true);
  });
});
