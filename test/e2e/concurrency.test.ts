// --concurrency: worker threads must change nothing but the wall time — the same report, in the
// same order, the same exit code, the same fixes written, and the same errors for bad input.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, envWith, REPO_ROOT, runCli } from './run-cli.js';

const env = envWith({ NO_COLOR: '1', FORCE_COLOR: null });
let dir: string;

const REPLIES = [
  'Hi Sam,\n\nThe courier lost your parcel, and there is nothing we can do.\n',
  'Hi Mei,\n\nThanks for your patience. I have refunded the shipping fee to your card.\n',
  'Hello,\n\nYou have to restart the router. We do not ship to PO boxes.\n',
  'Hi Omar,\n\nAs I already said, the team is looking into it.\n',
];

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-concurrency-'));
  // Every input kind the fixtures hold, plus many small replies so that several workers share the work.
  for (const sub of ['replies', 'exports', 'transcripts', 'html']) cpSync(join(REPO_ROOT, 'fixtures', sub), join(dir, 'mixed', sub), { recursive: true });
  mkdirSync(join(dir, 'mixed', 'drafts'));
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'mixed', 'drafts', `draft-${String(i).padStart(2, '0')}.txt`), REPLIES[i % REPLIES.length]!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (cwd: string, args: string[]) => runCli(['--no-config-lookup', ...args], { cwd, env, timeoutMs: 60_000 });

describe('--concurrency', () => {
  it.each(['json', 'stylish'])('prints the same %s report, in the same order, with 3 workers as in one thread', async (format) => {
    const off = await lint(dir, ['mixed', '--format', format, '--concurrency', 'off']);
    const on = await lint(dir, ['mixed', '--format', format, '--concurrency', '3']);
    expect(off.status).toBe(1);
    expect(on.status).toBe(off.status);
    expect(on.stderr).toBe('');
    expect(on.stdout).toBe(off.stdout);
    if (format === 'json') {
      const results = JSON.parse(on.stdout) as Array<{ filePath: string }>;
      expect(results.length).toBeGreaterThan(70);
      const paths = results.map((r) => r.filePath);
      expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }, 90_000);

  it('writes the same fixes with workers as without', async () => {
    for (const mode of ['off', '2']) {
      const root = join(dir, `fix-${mode}`);
      mkdirSync(root);
      for (let i = 0; i < 8; i++) writeFileSync(join(root, `r${i}.txt`), REPLIES[i % REPLIES.length]!);
      const run = await lint(root, ['.', '--fix', '--concurrency', mode, '--format', 'compact']);
      expect(run.status).toBe(1);
    }
    const read = (mode: string) => readdirSync(join(dir, `fix-${mode}`)).sort().map((f) => readFileSync(join(dir, `fix-${mode}`, f), 'utf8'));
    expect(read('2')).toEqual(read('off'));
    expect(read('2')[2]).toBe('Hello,\n\nPlease restart the router. We do not ship to PO boxes.\n');
  }, 60_000);

  it('stops with exit 2 and names the file when a worker meets a bad config file', async () => {
    const root = join(dir, 'bad-config');
    mkdirSync(join(root, 'team'), { recursive: true });
    for (let i = 0; i < 6; i++) writeFileSync(join(root, `r${i}.txt`), REPLIES[1]!);
    writeFileSync(join(root, 'team', 'reply.txt'), REPLIES[1]!);
    writeFileSync(join(root, 'team', '.replylintrc.json'), '{ "rules": { "tone/no-such-rule": "error" } }\n');
    const run = await runCli(['.', '--concurrency', '2'], { cwd: root, env, timeoutMs: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('team/.replylintrc.json');
    expect(run.stderr).toContain('tone/no-such-rule');
    expect(run.stderr).not.toContain('internal error');
  }, 60_000);

  it('reports a binary file among others in its place, exit 2', async () => {
    const root = join(dir, 'binary');
    mkdirSync(root);
    for (let i = 0; i < 4; i++) writeFileSync(join(root, `r${i}.txt`), REPLIES[1]!);
    writeFileSync(join(root, 'r2.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]));
    const run = await lint(root, ['.', '--concurrency', '2', '--format', 'compact']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('r2.txt: line 1, col 1, Error - binary file (it contains NUL bytes): not linted\n\n1 problem\n');
  }, 60_000);

  describe('a file over 1 MB, linted in a worker of its own', () => {
    let root: string;
    let reference: string;
    beforeAll(async () => {
      root = join(dir, 'large');
      mkdirSync(root);
      // A Zendesk-style export of 4,000 macros, ~1.3 MB: above the size that gets its own worker.
      const macros = Array.from({ length: 4_000 }, (_, i) => ({
        id: 9000 + i,
        title: `Macro ${i}`,
        actions: [{ field: 'comment_value', value: `${REPLIES[i % REPLIES.length]!}Your reference is ${i}, and I have noted it on your account for the team to see.\n` }],
      }));
      writeFileSync(join(root, 'macros.json'), JSON.stringify({ macros }, null, 2));
      const off = await lint(root, ['macros.json', '--format', 'json', '--concurrency', 'off']);
      expect(off.status).toBe(1);
      reference = off.stdout;
    }, 90_000);

    it('gives the same report as one thread', async () => {
      const auto = await lint(root, ['macros.json', '--format', 'json', '--concurrency', 'auto']);
      expect(auto.stderr).toBe('');
      expect(auto.stdout).toBe(reference);
      expect((JSON.parse(reference) as Array<{ messages: unknown[] }>)[0]!.messages.length).toBe(3_000);
    }, 90_000);

    it('is linted in this thread instead when the worker runs out of memory', async () => {
      const run = await runCli(['--no-config-lookup', 'macros.json', '--format', 'json'], {
        cwd: root,
        env: { ...env, REPLYLINT_ALONE_HEAP_MB: '32' },
        timeoutMs: 300_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(reference);
      // The worker's try and then this thread's run: twice the work, so a slow machine needs the room.
    }, 300_000);
  });

  it('works from a script run with node --input-type=module -e (workers do not inherit those flags)', async () => {
    const script = `import { ReplyLint } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/index.js')).href)};
const results = await new ReplyLint({ cwd: ${JSON.stringify(join(dir, 'mixed', 'drafts'))}, configLookup: false, concurrency: 2 }).lintFiles(['.']);
console.log(results.length, results.reduce((n, r) => n + r.errorCount, 0));`;
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('60 45\n');
  }, 60_000);

  it('runs its workers when node itself was given V8 options a worker rejects (node --max-old-space-size=… bin/replylint.js)', async () => {
    const { spawnSync } = await import('node:child_process');
    const args = ['--no-config-lookup', 'drafts', '--format', 'json'];
    const off = await lint(join(dir, 'mixed'), [...args, '--concurrency', 'off']);
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', '--stack-size=900', BIN, ...args, '--concurrency', '2'], { cwd: join(dir, 'mixed'), env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(off.stdout);
  }, 60_000);

  it.each([['0'], ['many'], ['1.5'], ['300']])('refuses --concurrency %s, exit 2', async (value) => {
    const run = await lint(dir, ['mixed', '--concurrency', value]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`option '--concurrency <n|auto|off>' argument '${value}' is invalid. expected a number of threads (1–256), "auto" or "off".`);
  });
});
