// How many workers --concurrency starts, and which values it accepts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heapLimitFor, MIN_FILES_PER_WORKER, parseConcurrency, workerCount } from '../../src/api/pool.js';
import { REPO_ROOT } from '../e2e/run-cli.js';

describe('workerCount', () => {
  it('starts none when off, or when a number asks for one', () => {
    expect(workerCount('off', 10_000)).toBe(0);
    expect(workerCount(1, 10_000)).toBe(0);
  });
  it('starts the number asked for, but never more than there are files', () => {
    expect(workerCount(4, 1_000)).toBe(4);
    expect(workerCount(4, 3)).toBe(3);
    expect(workerCount(4, 1)).toBe(0);
  });
  it('auto: one per two CPUs once there are enough files to pay for them', () => {
    expect(workerCount('auto', 2 * MIN_FILES_PER_WORKER - 1, 8)).toBe(0);
    expect(workerCount('auto', 2 * MIN_FILES_PER_WORKER, 8)).toBe(2);
    expect(workerCount('auto', 1_000_000, 8)).toBe(4);
    expect(workerCount('auto', 1_000_000, 5)).toBe(2);
    // Two CPUs: one worker would only add its start-up, so the main thread lints.
    expect(workerCount('auto', 1_000_000, 2)).toBe(0);
    expect(workerCount('auto', 1_000_000, 1)).toBe(0);
    expect(workerCount('auto', 1_000_000)).toBe(workerCount('auto', 1_000_000, availableParallelism()));
  });
});

describe('heapLimitFor', () => {
  it('gives a file linted alone 96 MB and 3 MB per MB of file, at most 4 GB, and an 8 MB young generation', () => {
    expect(heapLimitFor(0)).toEqual({ maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 });
    expect(heapLimitFor(10 * 1024 * 1024)).toEqual({ maxOldGenerationSizeMb: 126, maxYoungGenerationSizeMb: 8 });
    expect(heapLimitFor(1024 * 1024 * 1024)).toEqual({ maxOldGenerationSizeMb: 3168, maxYoungGenerationSizeMb: 8 });
    expect(heapLimitFor(2 * 1024 * 1024 * 1024)).toEqual({ maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 8 });
  });
});

describe('parseConcurrency', () => {
  it.each([
    ['auto', 'auto'],
    ['off', 'off'],
    ['1', 'off'],
    ['2', 2],
    ['256', 256],
  ] as const)('reads %s', (value, expected) => expect(parseConcurrency(value)).toBe(expected));
  it.each(['0', '257', '-2', '1.5', 'two', ''])('refuses %s', (value) => expect(parseConcurrency(value)).toBeUndefined());
});

describe('lintInWorkers, against the built worker', () => {
  it('rejects with WorkerMemoryError naming the file when a worker reaches its heap limit', async () => {
    // The worker script is the compiled one: this test needs `npm run build` (npm test builds first).
    const pool = (await import(pathToFileURL(join(REPO_ROOT, 'dist/api/pool.js')).href)) as typeof import('../../src/api/pool.js');
    const dir = mkdtempSync(join(tmpdir(), 'replylint-pool-'));
    try {
      const file = join(dir, 'macros.json');
      const value = 'Hi Sam,\n\nThe courier lost your parcel, and there is nothing we can do. Your reference is noted on your account.\n';
      writeFileSync(file, JSON.stringify({ macros: Array.from({ length: 4_000 }, (_, i) => ({ id: i, title: `M${i}`, actions: [{ field: 'comment_value', value }] })) }));
      const error = await pool.lintInWorkers([{ file, foundByWalk: false }], 1, { cwd: dir, configLookup: false }, () => {}, { maxOldGenerationSizeMb: 32 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(pool.WorkerMemoryError);
      expect((error as InstanceType<typeof pool.WorkerMemoryError>).file).toBe(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
