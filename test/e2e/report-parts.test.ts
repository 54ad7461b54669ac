// Stylish, JSON, compact and GitHub reports are written file by file in chunks (never the
// whole report as one string): the bytes must be those of the whole report, to stdout and to
// an -o file alike, however many chunks a long run makes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, envWith, runCli } from './run-cli.js';

const env = envWith({ NO_COLOR: '1', FORCE_COLOR: null });
const FILES = 300;
let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-parts-'));
  mkdirSync(join(dir, 'drafts'));
  // Every third reply is clean: clean files add nothing to stylish or compact, but are in JSON.
  for (let i = 0; i < FILES; i++) {
    const body = i % 3 === 2 ? 'Thanks for writing in. I have refunded the delivery fee today.' : `The courier lost parcel ${i}, and there is nothing we can do about it.`;
    writeFileSync(join(dir, 'drafts', `reply-${String(i).padStart(3, '0')}.txt`), `Hi Kim,\n\n${body}\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (args: string[]) => runCli(['--no-config-lookup', 'drafts', '--concurrency', 'off', ...args], { cwd: dir, env, timeoutMs: 120_000 });

describe('reports written in parts', () => {
  it('writes a JSON report longer than one chunk as one valid array, in file order, the same to stdout and to -o', async () => {
    const out = await lint(['--format', 'json']);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe('');
    expect(out.stdout.length).toBeGreaterThan(3 * 64 * 1024);
    expect(out.stdout.endsWith(']\n')).toBe(true);
    const results = JSON.parse(out.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(results).toHaveLength(FILES);
    expect(results.map((r) => r.filePath)).toEqual([...results.map((r) => r.filePath)].sort());
    expect(results.filter((r) => r.errorCount > 0)).toHaveLength(FILES - FILES / 3);

    const toFile = await lint(['--format', 'json', '-o', 'report.json']);
    expect(toFile.status).toBe(1);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(out.stdout);
  }, 240_000);

  it.each(['stylish', 'compact', 'github'])('writes the %s report whole: every problem once, the summary last, the same to -o', async (format) => {
    const out = await lint(['--format', format]);
    expect(out.status).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    const problems = lines.filter((l) => l.includes('blame/third-party'));
    expect(problems).toHaveLength(FILES - FILES / 3);
    // Each file with problems appears, in order, and no file's part is written twice.
    const named = [...out.stdout.matchAll(/reply-(\d{3})\.txt/g)].map((m) => m[1]!);
    const files = [...new Set(named)];
    expect(files).toHaveLength(FILES - FILES / 3);
    expect(files).toEqual([...files].sort());
    if (format === 'stylish') expect(named).toHaveLength(files.length);
    expect(lines.at(-1)).toMatch(/\d+ problems/);
    const toFile = await lint(['--format', format, '-o', `report.${format}`]);
    expect(readFileSync(join(dir, `report.${format}`), 'utf8')).toBe(out.stdout);
  }, 240_000);

  it('writes "[]" for a run with no files to report', async () => {
    writeFileSync(join(dir, 'clean.txt'), 'Hi Kim,\n\nI have refunded the delivery fee today.\n');
    const out = await runCli(['--no-config-lookup', 'clean.txt', '--format', 'json', '--quiet'], { cwd: dir, env });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toHaveLength(1);
    const none = await runCli(['--no-config-lookup', '--stdin', '--format', 'compact'], { cwd: dir, env, stdin: 'Thanks, Kim.\n' });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
  });
});
