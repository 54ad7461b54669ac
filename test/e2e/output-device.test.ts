// `-o` onto something that is not a regular file: the report is written into it, never renamed
// over it. (Renaming over `-o /dev/null` as root once left a regular file where the device was.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './run-cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-device-'));
  writeFileSync(join(dir, 'reply.txt'), 'The courier lost your parcel.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-o onto a pipe or a device', () => {
  it('writes the report into a named pipe and leaves the pipe a pipe', async () => {
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader must hold the pipe open, or the writer's open would wait for one.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString('utf8')));
    const closed = new Promise<number | null>((resolve) => reader.on('close', resolve));
    const run = await runCli(['reply.txt', '--format', 'json', '-o', 'report.fifo'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect(await closed).toBe(0);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(statSync(fifo).isFIFO()).toBe(true);
    const [result] = JSON.parse(read) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['blame/third-party']);
  });

  it('writes into /dev/null without replacing it', async () => {
    const run = await runCli(['reply.txt', '-o', '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
