// How many workers --concurrency starts, and which values it accepts.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MIN_FILES_PER_WORKER, parseConcurrency, workerCount } from '../../src/api/pool.js';

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
  it('auto: one per CPU once there are enough files to pay for them', () => {
    const cpus = availableParallelism();
    expect(workerCount('auto', 2 * MIN_FILES_PER_WORKER - 1)).toBe(0);
    expect(workerCount('auto', 2 * MIN_FILES_PER_WORKER)).toBe(cpus >= 2 ? 2 : 0);
    expect(workerCount('auto', 1_000_000)).toBe(cpus >= 2 ? cpus : 0);
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
