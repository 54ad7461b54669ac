// The progress bar of a long run: whether one is shown, when it appears, and what a frame says.
//
// It writes to stderr because stdout carries the report, which may be JSON, SARIF or a pipe
// into another tool: the bar is for the person watching the terminal, and redirecting the
// report never catches it. It stays silent when stderr is not a terminal (logs, pipes), in CI
// (a log would keep every frame), with TERM=dumb (no cursor control), with --no-progress, and
// for any run that ends within DELAY_MS, so a pre-commit run never flickers. cli-progress is
// imported only when a bar is about to be drawn: a short run never loads it.
import type { SingleBar } from 'cli-progress';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export interface Progress {
  /** Called once the file list is known. */
  start(total: number): void;
  /** After each file: problems = errors + warnings of that file. */
  tick(problems: number): void;
  /** Removes the bar completely (the report is printed after it). */
  stop(): void;
}

/**
 * A run still going after this long gets a bar. Elapsed time decides, not a file count: with
 * the cache or worker threads 10,000 unchanged files can finish in a fraction of a second (a
 * bar would flash), while a few large exports can take seconds (a bar helps).
 */
const DELAY_MS = 500;
/** Redraws per second at most: enough to read the rate, cheap over a slow ssh link. */
const FPS = 10;
const FALLBACK_COLUMNS = 80;
const MAX_BAR_WIDTH = 40;
/** Narrower than this, a bar says nothing the counts do not: the frame drops it. */
const MIN_BAR_WIDTH = 10;

/**
 * A bar on `stream`, or undefined when none should be shown: stream not a TTY, env.CI set
 * (any value but "false"/"0"; an empty CI counts as unset, as ci-info reads it), TERM=dumb,
 * or `enabled === false` (--no-progress).
 */
export function createProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, enabled?: boolean): Progress | undefined {
  if (enabled === false || stream.isTTY !== true || inCI(env) || env.TERM === 'dumb') return undefined;
  return new TerminalProgress(stream);
}

function inCI(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

/** waiting: before DELAY_MS; loading: importing cli-progress; drawing: the bar is on screen. */
type State = 'idle' | 'waiting' | 'loading' | 'drawing' | 'stopped';

class TerminalProgress implements Progress {
  private state: State = 'idle';
  private total = 0;
  private done = 0;
  private problems = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private bar: SingleBar | undefined;

  constructor(private readonly stream: ProgressStream) {}

  start(total: number): void {
    if (this.state !== 'idle') return;
    this.state = 'waiting';
    this.total = total;
    this.startedAt = Date.now();
    this.timer = setTimeout(() => this.show(), DELAY_MS);
    // Waiting to draw must not keep the process alive. (Once drawn, cli-progress redraws from
    // its own timer until stop(): the caller stops it in a finally.)
    this.timer.unref();
  }

  tick(problems: number): void {
    this.done++;
    this.problems += problems;
    // cli-progress redraws from its own timer at FPS, and from here when that timer is late
    // (a long synchronous file): the frame reads the counts above.
    this.bar?.update(this.done);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.state = 'stopped';
    // clearOnComplete: stop() wipes the line and leaves the cursor where the bar began.
    this.bar?.stop();
    this.bar = undefined;
  }

  private show(): void {
    // Every file is done and the report is about to replace the bar: drawing now would flicker.
    if (this.state !== 'waiting' || this.done >= this.total) return;
    this.state = 'loading';
    import('cli-progress').then(
      ({ default: cliProgress }) => {
        if (this.state !== 'loading') return;
        this.state = 'drawing';
        this.bar = new cliProgress.SingleBar({
          // cli-progress only writes to the stream and reads isTTY and columns from it.
          stream: this.stream as unknown as NodeJS.WritableStream,
          format: () => frame(this.done, this.total, this.problems, Date.now() - this.startedAt, this.stream.columns),
          fps: FPS,
          clearOnComplete: true,
          // Trim to the width rather than switch the terminal's line wrapping off, and leave the
          // cursor visible: a Ctrl-C exit does not stop the bar, and must leave the terminal as it was.
          linewrap: true,
          hideCursor: false,
          gracefulExit: false,
        });
        this.bar.start(this.total, this.done);
      },
      // Without cli-progress (a broken install) the run goes on with no bar: it is only a display.
      () => {
        this.state = 'stopped';
      },
    );
  }
}

/** One line: "12/40 files [████░░░░] 3 problems, 24 files/s", the bar sized to the terminal. */
function frame(done: number, total: number, problems: number, elapsedMs: number, columns: number | undefined): string {
  // One column short of the width: a line that fills it wraps on some terminals.
  const width = (columns !== undefined && columns > 0 ? columns : FALLBACK_COLUMNS) - 1;
  // Padded to the total's length, so the line does not shift as the count grows.
  const count = `${String(done).padStart(String(total).length)}/${total} files`;
  const tail = `${problems} ${problems === 1 ? 'problem' : 'problems'}, ${rate(done, elapsedMs)} files/s`;
  const room = width - count.length - tail.length - ' [] '.length;
  if (room < MIN_BAR_WIDTH) return `${count}, ${tail}`.slice(0, width);
  const size = Math.min(MAX_BAR_WIDTH, room);
  // total > 0: a bar is only started while done < total. More ticks than files must not overflow it.
  const filled = Math.round((size * Math.min(done, total)) / total);
  return `${count} [${'█'.repeat(filled)}${'░'.repeat(size - filled)}] ${tail}`;
}

/** Files per second: whole numbers from 10 up, one decimal below (a slow run still moves). */
function rate(done: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}
