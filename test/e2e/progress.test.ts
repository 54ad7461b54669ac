// The progress bar end to end: the real binary over 3,000 files, under a pseudo-terminal (util-linux
// `script`) where the bar must appear and then vanish, and in a pipe, in CI and with --no-progress, where it must not.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, collect, envWith, runCli, type CliRun } from './run-cli.js';

const FILES = 3_000;
/** The pseudo-terminal's width: frames must fit in one column less. */
const COLUMNS = 72;
/** Four runs of 3,000 files share two CPUs on a slow machine. */
const RUN_TIMEOUT_MS = 170_000;

// Files cycle through 0, 1 and 2 problems: 3,000 problems in all.
const REPLIES = [
  (n: number) => `Hi Priya,\n\nThanks for your patience with order ${n}. Your new code is on its way today.\n`,
  (n: number) => `Hi Tomas,\n\nAbout order ${n}: that's not possible.\n`,
  (n: number) => `Hi Lena,\n\nAs I already said, order ${n} ships on Monday.\nThat's not possible.\n`,
];

/** util-linux `script` gives the binary a pseudo-terminal; without it the terminal cases are skipped. */
const SCRIPT_MISSING = !/util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');
const NEEDS_PTY = SCRIPT_MISSING ? ' (skipped: util-linux `script` is not installed, so there is no pseudo-terminal to run in)' : '';

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The binary under a pseudo-terminal COLUMNS wide: stdout and stderr both reach the terminal, as in a shell. */
function runInTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  const command = `stty cols ${COLUMNS} rows 24 && exec ${[process.execPath, BIN, ...args].map(shellQuote).join(' ')}`;
  // -q: no "Script started" lines; -f: flush as it goes; -e: the binary's exit code; -c: run this.
  return collect(spawn('script', ['-qfec', command, '/dev/null'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }), RUN_TIMEOUT_MS);
}

/**
 * What a terminal shows once `output` has been written to it: text, CR/LF, and the cursor
 * moves the bar uses (save/restore, go to column, clear right or the whole line). Any other
 * escape sequence fails the test, so nothing the bar draws can go unaccounted for.
 */
function screen(output: string): string {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  let saved = { row: 0, col: 0 };
  for (const [token] of output.matchAll(/\u001b\[[\d;?]*[A-Za-z]|\u001b[78]|[^]/gu)) {
    if (token === '\r') col = 0;
    else if (token === '\n') lines[++row] ??= [];
    else if (token === '\u001b7') saved = { row, col };
    else if (token === '\u001b8') ({ row, col } = saved);
    else if (/^\u001b\[\d*G$/.test(token)) col = Number(token.slice(2, -1) || '1') - 1;
    else if (token === '\u001b[0K' || token === '\u001b[K') lines[row] = lines[row]!.slice(0, col);
    else if (token === '\u001b[2K') lines[row] = [];
    else if (token.startsWith('\u001b')) throw new Error(`unexpected escape sequence ${JSON.stringify(token)}`);
    else {
      const line = lines[row]!;
      while (line.length < col) line.push(' ');
      line[col++] = token;
    }
  }
  return normalize(lines.map((line) => line.join('')).join('\n'));
}

/** Trailing spaces and blank lines at the end do not show. */
const normalize = (text: string) => text.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();

/** The bar's frames: each one is drawn from column 1 and followed by a clear to the end of the line. */
const frames = (output: string) => [...output.matchAll(/\u001b\[1G([^\u001b]*)\u001b\[0K/g)].map((m) => m[1]!);

/** With a bar, or only the counts when the terminal is too narrow for one. */
const FRAME = /^ *\d+\/3000 files(?: \[[█░]+\] |, )\d+ problems?, \d+(?:\.\d)? files\/s$/;

let dir: string;
const runs: { plain?: CliRun; bar?: CliRun; ci?: CliRun; noProgress?: CliRun } = {};

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-progress-'));
  // 30 folders of 100: a walk over nested folders, as in a macro repository.
  for (let i = 0; i < FILES; i++) {
    const folder = join(dir, `team-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(folder);
    writeFileSync(join(folder, `reply-${i}.txt`), REPLIES[i % REPLIES.length]!(i));
  }
  const env = envWith({ CI: null, TERM: 'xterm-256color', NO_COLOR: null, FORCE_COLOR: null });
  const args = ['.', '--no-color'];
  // The runs are independent: side by side they take half the time on two CPUs.
  const [plain, bar, ci, noProgress] = await Promise.all([
    runCli(args, { cwd: dir, env, timeoutMs: RUN_TIMEOUT_MS }),
    SCRIPT_MISSING ? undefined : runInTerminal(args, dir, env),
    SCRIPT_MISSING ? undefined : runInTerminal(args, dir, { ...env, CI: 'true' }),
    SCRIPT_MISSING ? undefined : runInTerminal([...args, '--no-progress'], dir, env),
  ]);
  Object.assign(runs, { plain, bar, ci, noProgress });
}, RUN_TIMEOUT_MS + 10_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the progress bar', () => {
  it('is not drawn when stderr is a pipe: stderr stays empty and stdout is the report', () => {
    const { plain } = runs;
    expect(plain!.status).toBe(1);
    expect(plain!.stderr).toBe('');
    expect(plain!.stdout).toContain('✖ 3000 problems (2000 errors, 1000 warnings)');
  });

  it.skipIf(SCRIPT_MISSING)(`is drawn on a terminal, fitted to its width, ends at 3000/3000, and leaves only the report on screen${NEEDS_PTY}`, () => {
    const { plain, bar } = runs;
    expect(bar!.status).toBe(1);
    const drawn = frames(bar!.stdout);
    expect(drawn.length).toBeGreaterThan(1);
    for (const frame of drawn) {
      expect(frame).toMatch(FRAME);
      expect(frame.length).toBeLessThanOrEqual(COLUMNS - 1);
    }
    // The last frame is the finished run, with the report's own problem count.
    expect(drawn.at(-1)).toMatch(/^3000\/3000 files \[█+\] 3000 problems, \d+(?:\.\d)? files\/s$/);
    expect(drawn.at(-1)).toHaveLength(COLUMNS - 1);
    // Once the bar is wiped the terminal shows exactly what a run without a terminal prints.
    expect(screen(bar!.stdout)).toBe(normalize(plain!.stdout));
  });

  it.skipIf(SCRIPT_MISSING)(`is not drawn on a terminal when CI is set, and the report is unchanged${NEEDS_PTY}`, () => {
    const { plain, ci } = runs;
    expect(ci!.status).toBe(1);
    expect(frames(ci!.stdout)).toEqual([]);
    expect(ci!.stdout).not.toContain('files/s');
    expect(screen(ci!.stdout)).toBe(normalize(plain!.stdout));
  });

  it.skipIf(SCRIPT_MISSING)(`is not drawn on a terminal with --no-progress, and the report is unchanged${NEEDS_PTY}`, () => {
    const { plain, noProgress } = runs;
    expect(noProgress!.status).toBe(1);
    expect(frames(noProgress!.stdout)).toEqual([]);
    expect(noProgress!.stdout).not.toContain('files/s');
    expect(screen(noProgress!.stdout)).toBe(normalize(plain!.stdout));
  });
});
