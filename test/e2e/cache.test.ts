// --cache end to end: unchanged files are answered from the cache (proved by planting a message
// in it), changed content, config or rules are linted again, bad cache files are never fatal,
// and an interrupted run leaves no cache behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, envWith, runCli } from './run-cli.js';

const env = envWith({ NO_COLOR: '1', FORCE_COLOR: null });
let root: string;
let count = 0;

beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DEAD_END = 'Hi Sam,\n\nThat is not possible.\n';
const CLEAN = 'Hi Sam,\n\nI have refunded the shipping fee to your card.\n';

/** A fresh project folder with these files. */
function project(files: Record<string, string>): string {
  const dir = join(root, `p${count++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lint = (dir: string, args: string[]) => runCli(['--format', 'compact', ...args], { cwd: dir, env, timeoutMs: 60_000 });

/** Rewrites the message text stored in the cache: a later run that prints it read it from there. */
function plant(cacheFile: string, from: string, to: string): void {
  const text = readFileSync(cacheFile, 'utf8');
  expect(text).toContain(from);
  writeFileSync(cacheFile, text.split(from).join(to));
}

describe('--cache', () => {
  it('answers unchanged files from the cache and lints a changed file again', async () => {
    const dir = project({ 'a.txt': DEAD_END, 'b.txt': DEAD_END });
    const first = await lint(dir, ['.', '--cache']);
    expect(first.status).toBe(1);
    expect(first.stdout.match(/closes the door/g)).toHaveLength(2);
    const cacheFile = join(dir, '.replylintcache');
    expect(existsSync(cacheFile)).toBe(true);

    plant(cacheFile, 'closes the door', 'PLANTED IN THE CACHE');
    writeFileSync(join(dir, 'b.txt'), DEAD_END.replace('Sam', 'Mei'));
    const second = await lint(dir, ['.', '--cache']);
    expect(second.status).toBe(1);
    // a.txt came from the cache; b.txt changed, so it was linted again.
    expect(second.stdout).toContain('a.txt: line 3, col 1, Error - “That is not possible” PLANTED IN THE CACHE');
    expect(second.stdout).toContain('b.txt: line 3, col 1, Error - “That is not possible” closes the door');
    // Without --cache nothing is read from it.
    const plain = await lint(dir, ['.']);
    expect(plain.stdout).not.toContain('PLANTED');
  });

  it('lints again when the config changes', async () => {
    const dir = project({ 'a.txt': DEAD_END, '.replylintrc.json': '{ "extends": "replylint:recommended" }\n' });
    expect((await lint(dir, ['.', '--cache'])).status).toBe(1);
    plant(join(dir, '.replylintrc.json').replace('.replylintrc.json', '.replylintcache'), 'closes the door', 'PLANTED');
    writeFileSync(join(dir, '.replylintrc.json'), '{ "extends": "replylint:recommended", "rules": { "refusal/dead-end": "warn" } }\n');
    const run = await lint(dir, ['.', '--cache']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('a.txt: line 3, col 1, Warning - “That is not possible” closes the door');
  });

  it('lints again when a rule file changes', async () => {
    const rule = (message: string) =>
      [
        'id: house/asap', 'family: house', 'kind: phrase', 'severity: error', 'summary: Vague timing.', 'why: Give a time.',
        `message: "${message}"`, 'suggest:', '  - text: "by Friday"', 'phrases:', '  - "asap"',
        'examples:', '  invalid:', '    - "We will fix it asap."', '  valid:', '    - "We will fix it by Friday."', '',
      ].join('\n');
    const dir = project({ 'a.txt': 'We will ship it asap.\n', 'house/asap.yaml': rule('Say when.'), '.replylintrc.json': '{ "ruleDirs": ["house"] }\n' });
    expect((await lint(dir, ['a.txt', '--cache'])).stdout).toContain('Say when.');
    writeFileSync(join(dir, 'house/asap.yaml'), rule('Name a day.'));
    const run = await lint(dir, ['a.txt', '--cache']);
    expect(run.stdout).toContain('a.txt: line 1, col 17, Error - Name a day. (house/asap)');
  });

  it('gives the same report from the cache, with and without worker threads', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`r${String(i).padStart(2, '0')}.txt`] = i % 3 ? CLEAN : DEAD_END;
    const dir = project(files);
    const reference = await lint(dir, ['.', '--format', 'json']);
    const cold = await lint(dir, ['.', '--format', 'json', '--cache', '--concurrency', '2']);
    const warm = await lint(dir, ['.', '--format', 'json', '--cache', '--concurrency', '2']);
    const warmOff = await lint(dir, ['.', '--format', 'json', '--cache', '--concurrency', 'off']);
    expect(cold.stdout).toBe(reference.stdout);
    expect(warm.stdout).toBe(reference.stdout);
    expect(warmOff.stdout).toBe(reference.stdout);
  });

  it('keeps the cache in a folder (--cache-location dir/) or a named file', async () => {
    const dir = project({ 'a.txt': DEAD_END });
    expect((await lint(dir, ['a.txt', '--cache', '--cache-location', 'tmp/cache/'])).status).toBe(1);
    expect(readdirSync(join(dir, 'tmp/cache'))).toEqual(['.replylintcache']);
    expect((await lint(dir, ['a.txt', '--cache', '--cache-location', 'my-cache.jsonl'])).status).toBe(1);
    expect(existsSync(join(dir, 'my-cache.jsonl'))).toBe(true);
    expect(existsSync(join(dir, '.replylintcache'))).toBe(false);
  });

  it('starts afresh from a corrupt cache file and rewrites it', async () => {
    const dir = project({ 'a.txt': DEAD_END });
    writeFileSync(join(dir, '.replylintcache'), '{ this is not a cache\n\u0000\u0001');
    const run = await lint(dir, ['a.txt', '--cache']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('closes the door');
    expect(readFileSync(join(dir, '.replylintcache'), 'utf8')).toMatch(/^\{"version":2,"runKey":"[0-9a-f]{64}"\}\n\["a\.txt",/);
  });

  it('warns, and still reports, when the cache cannot be written', async () => {
    const dir = project({ 'a.txt': DEAD_END, 'blocker': 'a file where the cache folder would be\n' });
    const run = await lint(dir, ['a.txt', '--cache', '--cache-location', 'blocker/cache.jsonl']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('a.txt: line 3, col 1, Error - “That is not possible” closes the door');
    expect(run.stderr).toMatch(/^replylint: warning: blocker\/cache\.jsonl: cannot write the cache file \(E[A-Z]+\)\n$/);
  });

  it('refuses --cache-location without --cache, exit 2', async () => {
    const dir = project({ 'a.txt': CLEAN });
    const run = await lint(dir, ['a.txt', '--cache-location', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('replylint: --cache-location needs --cache\n');
  });

  it('writes no cache, and no temporary file, when the run is interrupted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`replies/r${String(i).padStart(4, '0')}.txt`] = `Hi,\n\nThe courier lost parcel ${i}.\n`;
    const dir = project(files);
    // The interrupt must come after the CLI has installed its handler and before the run ends; a
    // loaded machine may take longer than the first wait to start, so a run killed before its
    // handler existed (no exit code) is tried again with a longer wait.
    let code: number | null = null;
    for (const wait of [800, 2500, 6000]) {
      const child = spawn(process.execPath, [BIN, 'replies', '--cache', '--concurrency', 'off'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise((r) => setTimeout(r, wait));
      child.kill('SIGINT');
      code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      if (code !== null) break;
    }
    expect(code, 'the run ended before the interrupt; the test needs a longer run').toBe(130);
    expect(readdirSync(dir)).toEqual(['replies']);
  }, 120_000);
});
