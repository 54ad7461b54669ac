// `replylint test-rules DIR` in process: the report per rule, the summary and the exit code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/main.js';
import { testRules } from '../../src/cli/test-rules.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'replylint-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(path: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: () => {}, readStdin: async () => '', env: {}, stdoutIsTTY: false, cwd: path };
  return { code: await testRules(path, io), stdout };
}

const RULE = (name: string, suggest: string, valid: string) => `id: team/${name}
family: team
kind: phrase
severity: warn
summary: Vague timing.
why: It promises nothing the customer can plan around.
message: "“{{match}}” is vague."
suggest: [${JSON.stringify(suggest)}]
phrases: [${name}]
examples:
  invalid: ["We'll fix it ${name}."]
  valid: [${JSON.stringify(valid)}]
`;

describe('testRules', () => {
  it('reports each rule, then the totals, and exits 0 when every example holds', async () => {
    const path = folder({ 'asap.yaml': RULE('asap', 'by [a time]', 'By noon.'), 'soonish.yaml': RULE('soonish', 'by [a time]', 'Soon.') });
    expect(await run(path)).toEqual({
      code: 0,
      stdout: '✔ team/asap (asap.yaml): 2/2 examples\n✔ team/soonish (soonish.yaml): 2/2 examples\n4 passed, 0 failed\n',
    });
  });

  it('exits 1 and names the example whose rewrite changes nothing', async () => {
    const path = folder({ 'asap.yaml': RULE('asap', '{{match}}', 'By noon.') });
    expect(await run(path)).toEqual({
      code: 1,
      stdout: '✖ team/asap (asap.yaml): 1/2 examples\n    a rewrite leaves it unchanged: "We\'ll fix it asap."\n      1:14 Rewrite: “asap”\n1 passed, 1 failed\n',
    });
  });

  it('exits 1 on a valid example that fires, with what it reported', async () => {
    const path = folder({ 'asap.yaml': RULE('asap', 'by [a time]', 'Reply asap.') });
    expect(await run(path)).toEqual({
      code: 1,
      stdout: '✖ team/asap (asap.yaml): 1/2 examples\n    should stay quiet but fired: "Reply asap."\n      1:7 “asap” is vague.\n1 passed, 1 failed\n',
    });
  });

  it('refuses a folder with no rule files, so a wrong path does not pass', async () => {
    const path = folder({ 'notes.txt': 'not a rule' });
    await expect(run(path)).rejects.toThrow('no rule files (.yaml, .yml) in this folder');
  });
});
