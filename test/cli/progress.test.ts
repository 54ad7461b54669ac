// The progress bar against a fake terminal: when it is created, when it draws, what a frame says, and that stop() leaves nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress, type Progress, type ProgressStream } from '../../src/cli/progress.js';

/** A stderr stand-in that records every write. */
function fakeStream(isTTY: boolean | undefined, columns?: number): ProgressStream & { writes: string[] } {
  const writes: string[] = [];
  return {
    isTTY,
    columns,
    writes,
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
  };
}

/**
 * What one terminal line shows after `output`: the cursor moves cli-progress uses (save and
 * restore, go to a column, clear right or the whole line) applied to printed characters.
 * Anything else (a newline, another escape) fails the test: the bar must stay on one line.
 */
function visibleLine(output: string): string {
  const tokens = output.match(/\u001b\[\d*[GK]|\u001b[78]|[^\u001b\n\r]/gu) ?? [];
  expect(tokens.join('')).toBe(output);
  let line: string[] = [];
  let col = 0;
  let saved = 0;
  for (const token of tokens) {
    if (token === '\u001b7') saved = col;
    else if (token === '\u001b8') col = saved;
    else if (token.endsWith('G')) col = Number(token.slice(2, -1) || '1') - 1;
    else if (token === '\u001b[0K' || token === '\u001b[K') line = line.slice(0, col);
    else if (token === '\u001b[2K') line = [];
    else {
      while (line.length < col) line.push(' ');
      line[col++] = token;
    }
  }
  return line.join('');
}

/** The lines cli-progress drew (the writes that are not cursor moves). */
const frames = (writes: string[]) => writes.filter((w) => !w.startsWith('\u001b'));

const TTY_ENV: NodeJS.ProcessEnv = { TERM: 'xterm-256color' };

/** `n` files done, with these problem counts (cycled). */
function ticks(progress: Progress, n: number, problems: number[] = [0]): void {
  for (let i = 0; i < n; i++) progress.tick(problems[i % problems.length]!);
}

/** Let the delay pass and cli-progress finish loading (its first frame is drawn on load). */
async function pastDelay(ms = 500): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.dynamicImportSettled();
}

describe('createProgress: when there is no bar', () => {
  it.each([
    ['stderr is not a TTY', fakeStream(false), TTY_ENV, undefined],
    ['stderr does not say it is a TTY', fakeStream(undefined), TTY_ENV, undefined],
    ['CI=true', fakeStream(true), { ...TTY_ENV, CI: 'true' }, undefined],
    ['CI=1', fakeStream(true), { ...TTY_ENV, CI: '1' }, undefined],
    ['CI=woodpecker', fakeStream(true), { ...TTY_ENV, CI: 'woodpecker' }, undefined],
    ['TERM=dumb', fakeStream(true), { TERM: 'dumb' }, undefined],
    ['--no-progress', fakeStream(true), TTY_ENV, false],
  ])('%s → undefined', (_name, stream, env, enabled) => {
    expect(createProgress(stream, env, enabled)).toBeUndefined();
  });

  it.each([
    ['CI=false', { ...TTY_ENV, CI: 'false' }],
    ['CI=0', { ...TTY_ENV, CI: '0' }],
    ['CI= (empty)', { ...TTY_ENV, CI: '' }],
    ['no TERM', {}],
  ])('a TTY with %s gets a bar', (_name, env) => {
    expect(createProgress(fakeStream(true), env, undefined)).toBeDefined();
    expect(createProgress(fakeStream(true), env, true)).toBeDefined();
  });
});

describe('a progress bar on a terminal', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes nothing for a run that ends within half a second', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 40, [1, 2]);
    await vi.advanceTimersByTimeAsync(499);
    progress.stop();
    await pastDelay(1_000);
    expect(stream.writes).toEqual([]);
  });

  it('draws nothing when every file is done by the time the delay ends (the report comes next)', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 40);
    await pastDelay(2_000);
    progress.stop();
    expect(stream.writes).toEqual([]);
  });

  it('draws nothing when stopped while cli-progress is still loading', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 12);
    await vi.advanceTimersByTimeAsync(500);
    progress.stop();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stream.writes).toEqual([]);
  });

  it('after half a second shows files done/total, a bar, problems so far and the rate, counting the files done before it appeared', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 12, [0, 0, 0, 1]); // 3 problems
    expect(stream.writes).toEqual([]);
    await pastDelay();
    // 12 files in 0.5 s; 12 of 40 is 12 cells of a 40-cell bar.
    expect(visibleLine(stream.writes.join(''))).toBe(`12/40 files [${'█'.repeat(12)}${'░'.repeat(28)}] 3 problems, 24 files/s`);
    progress.stop();
  });

  it('pads the count to the width of the total, says "1 problem", and gives a slow rate one decimal', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(400);
    ticks(progress, 3, [0, 1, 0]);
    await pastDelay(1_000);
    // 3 of 400 is 0.3 of a cell: none filled.
    expect(visibleLine(stream.writes.join(''))).toBe(`  3/400 files [${'░'.repeat(40)}] 1 problem, 3.0 files/s`);
    progress.stop();
  });

  it('redraws at most 10 times a second, with the latest counts', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 12, [0, 0, 0, 1]);
    await pastDelay();
    expect(frames(stream.writes)).toHaveLength(1);
    ticks(progress, 8, [1]); // 20 files, 11 problems, within the same instant
    expect(frames(stream.writes)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(frames(stream.writes)).toHaveLength(2);
    // 20 files in 0.6 s.
    expect(visibleLine(stream.writes.join(''))).toBe(`20/40 files [${'█'.repeat(20)}${'░'.repeat(20)}] 11 problems, 33 files/s`);
    progress.stop();
  });

  it('fits the bar to the terminal width, and falls back to 80 columns when the width is unknown', async () => {
    const lines: Record<string, string> = {};
    for (const columns of [120, 60, 40, 20, undefined, 0]) {
      const stream = fakeStream(true, columns);
      const progress = createProgress(stream, TTY_ENV)!;
      progress.start(40);
      ticks(progress, 12, [0, 0, 0, 1]);
      await pastDelay();
      lines[String(columns)] = visibleLine(stream.writes.join(''));
      progress.stop();
      vi.setSystemTime(1_000_000);
    }
    expect(lines).toEqual({
      // 40 cells at most, however wide the terminal.
      '120': `12/40 files [${'█'.repeat(12)}${'░'.repeat(28)}] 3 problems, 24 files/s`,
      // 59 usable columns: 59 - 33 characters of text - 4 around the bar = 22 cells.
      '60': `12/40 files [${'█'.repeat(7)}${'░'.repeat(15)}] 3 problems, 24 files/s`,
      // No room for 10 cells: the counts alone.
      '40': '12/40 files, 3 problems, 24 files/s',
      // Cut to one column short of the width, so the line never wraps.
      '20': '12/40 files, 3 prob',
      undefined: `12/40 files [${'█'.repeat(12)}${'░'.repeat(28)}] 3 problems, 24 files/s`,
      '0': `12/40 files [${'█'.repeat(12)}${'░'.repeat(28)}] 3 problems, 24 files/s`,
    });
  });

  it('stop() clears the line and puts the cursor back where the bar began; nothing is written after it', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 12, [1]);
    await pastDelay();
    expect(visibleLine(stream.writes.join(''))).toContain('12/40 files');
    ticks(progress, 28, [1]);
    progress.stop();
    const output = stream.writes.join('');
    // The last frame shows the finished count, then the line is wiped and the cursor is at column 1.
    expect(frames(stream.writes).at(-1)).toBe(`40/40 files [${'█'.repeat(40)}] 40 problems, 80 files/s`);
    expect(visibleLine(output)).toBe('');
    expect(output.endsWith('\u001b8\u001b[1G\u001b[2K')).toBe(true);
    const written = stream.writes.length;
    progress.tick(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stream.writes).toHaveLength(written);
  });

  it('never switches line wrapping off or hides the cursor (a Ctrl-C exit would leave the terminal so)', async () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, TTY_ENV)!;
    progress.start(40);
    ticks(progress, 12);
    await pastDelay();
    progress.stop();
    const output = stream.writes.join('');
    expect(frames(stream.writes).length).toBeGreaterThan(0);
    expect(output).not.toContain('\u001b[?7l');
    expect(output).not.toContain('\u001b[?25l');
  });

  it('does not keep the process alive while waiting to draw', async () => {
    const progress = createProgress(fakeStream(true, 80), TTY_ENV)!;
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    progress.start(40);
    const timer = setTimeoutSpy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    setTimeoutSpy.mockRestore();
    progress.stop();
  });
});
