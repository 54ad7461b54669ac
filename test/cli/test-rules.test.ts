// `replylint test-rules DIR`, through the real binary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/replylint.js', import.meta.url));
const HOUSE = fileURLToPath(new URL('../../fixtures/house-rules', import.meta.url));
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const RULE = (valid: string) => `id: team/no-asap
family: team
kind: phrase
severity: warn
summary: Vague timing.
why: ASAP promises nothing the customer can plan around.
message: "“{{match}}” is vague."
suggest: ["by [a time]"]
phrases: [asap]
examples:
  invalid: ["We'll fix it ASAP."]
  valid: [${JSON.stringify(valid)}]
`;

describe('replylint test-rules', () => {
  it('passes a folder whose rules meet their examples', () => {
    const r = run(['test-rules', HOUSE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✔ house\/stock-apology .*: 3\/3 examples/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed');
  });

  it('exits 1 and shows the example that fired when it should not', () => {
    dir = mkdtempSync(join(tmpdir(), 'replylint-rules-'));
    writeFileSync(join(dir, 'no-asap.yaml'), RULE('Reply asap, please.'));
    const r = run(['test-rules', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('should stay quiet but fired: "Reply asap, please."');
    expect(r.stdout).toContain('1 passed, 1 failed');
  });

  it('exits 2 with path:line:col for an invalid rule file, and for a missing folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'replylint-rules-'));
    writeFileSync(join(dir, 'no-asap.yaml'), RULE('x').replace('kind: phrase', 'kind: phrasal'));
    const bad = run(['test-rules', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'no-asap.yaml')}:3:7: "kind" must be one of`);
    expect(bad.stderr).not.toMatch(/^\s+at /m);
    const missing = run(['test-rules', join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('rule directory not found');
  });
});
