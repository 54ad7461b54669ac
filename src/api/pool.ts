// Worker threads across files (--concurrency): the main thread hands out file paths, each worker
// lints with its own ReplyLint (configs and rules compiled once per worker), and results come
// back in file order whatever order the workers finish in.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { ResourceLimits, Worker as WorkerThread } from 'node:worker_threads';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import type { FileSnapshot } from '../fix/write.js';
import type { LintResult } from '../types.js';

export type Concurrency = number | 'auto' | 'off';

/** One file to lint, as the main thread planned it. */
export interface PoolJob {
  file: string;
  foundByWalk: boolean;
  /** Return the digest of the bytes linted (for the cache: of what was linted, not read earlier). */
  digest?: boolean;
}

/** What linting one file gives: the result, how it was read (for --fix) and its content digest (for --cache). */
export interface FileLint {
  result: LintResult;
  snapshot?: FileSnapshot;
  digest?: string;
}

/**
 * A worker costs its start-up (loading replylint and compiling the rules, ~0.2 s) and its own
 * heap; a file costs ~5 ms. Below this many files per worker, a worker does not pay for itself.
 */
export const MIN_FILES_PER_WORKER = 100;

/**
 * How many workers to start for `files` jobs; 0 means lint in this thread. `auto` starts at most
 * one per two CPUs, as ESLint's does: each worker loads compromise and fills its own caches, and
 * the main thread reads files and gathers results, so on 2 CPUs two workers did the same work in
 * ~1.4× the CPU time and no less wall time (2,000 files: 4.5–5.4 s against 4.6–4.8 s), for ~65 MB
 * more memory. `cpus` is for tests.
 */
export function workerCount(concurrency: Concurrency, files: number, cpus = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? Math.min(Math.floor(cpus / 2), Math.floor(files / MIN_FILES_PER_WORKER)) : concurrency;
  const n = Math.min(wanted, files);
  return n >= 2 ? n : 0;
}

/** Parses the CLI's --concurrency value. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 256 ? (n === 1 ? 'off' : n) : undefined;
}

/** Messages between the threads. */
export type ToWorker = { id: number; job: PoolJob };
export type FromWorker = { id: number; out: FileLint } | { id: number; error: SerializedError };
export type SerializedError =
  | { kind: 'replylint'; errors: Array<{ message: string; file?: string; line?: number; column?: number }> }
  | { kind: 'internal'; message: string; stack?: string };

export function serializeError(error: unknown): SerializedError {
  const list = error instanceof ReplylintErrors ? error.errors : error instanceof ReplylintError ? [error] : undefined;
  if (list) return { kind: 'replylint', errors: list.map((e) => ({ message: e.message, file: e.file, line: e.line, column: e.column })) };
  const e = error as Error;
  return { kind: 'internal', message: e?.message ?? String(error), stack: e?.stack };
}

function deserializeError(error: SerializedError): Error {
  if (error.kind === 'internal') {
    const e = new Error(error.message);
    if (error.stack) e.stack = error.stack;
    return e;
  }
  const list = error.errors.map((e) => new ReplylintError(e.message, e.file, e.line, e.column));
  return list.length === 1 ? list[0]! : new ReplylintErrors(list);
}

/**
 * The worker script: beside this file, in the compiled modules (dist/api/) and in the bundle,
 * whose chunks are all in dist/bundle/ with the worker built as dist/bundle/lint-worker.js.
 */
function workerScript(): URL {
  return new URL('lint-worker.js', import.meta.url);
}

/**
 * V8 lets a heap grow far past what is live when a program allocates fast, as tagging does: a
 * worker over 10,000 replies held ~60 MB live but grew to ~200 MB. A limit makes it collect
 * sooner (and run no slower). A pool worker lints small files, so this is ample; a large file gets
 * a worker of its own sized by `heapLimitFor`. A small young generation too: 10,000 files in two
 * workers peaked at 256 MB with the default, 206 MB with 8 MB.
 */
export const POOL_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/**
 * The heap limit for a worker that lints one file of `bytes` alone. Live memory is ~6× the file
 * (a 10 MB macro export: ~55 MB, its text and one macro's sentences at a time), but without a
 * limit near it V8 lets the heap reach three times that before collecting. 96 MB + 3× the file,
 * with an 8 MB young generation, keeps that export at 226–244 MB peak RSS (128 MB + 8× the file
 * gave 269–272 MB; no limit ~290 MB), for ~7% more time. A file that needs more is linted in the
 * main thread after all (see WorkerMemoryError).
 */
export function heapLimitFor(bytes: number): ResourceLimits {
  // REPLYLINT_ALONE_HEAP_MB forces a limit, so the suite can see a worker run out of memory.
  return {
    maxOldGenerationSizeMb: Number(process.env.REPLYLINT_ALONE_HEAP_MB) || Math.min(4096, 96 + Math.ceil((3 * bytes) / (1024 * 1024))),
    // As in the pool: a small young generation (the default peaked ~20 MB higher, no faster).
    maxYoungGenerationSizeMb: 8,
  };
}

/** A worker reached its heap limit: the caller may lint the file in its own thread instead. */
export class WorkerMemoryError extends Error {
  constructor(readonly file: string | undefined) {
    super('a lint worker ran out of memory');
  }
}

/**
 * The parent's Node options, less those a worker rejects: a script run with
 * `node --input-type=module -e …` would otherwise start workers that fail at once.
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--input-type')) continue;
    if (['-e', '--eval', '-p', '--print'].includes(arg)) {
      i++; // and the code that follows it
      continue;
    }
    if (/^(--eval|--print)=/.test(arg)) continue;
    args.push(arg);
  }
  return args;
}

/** Node's message when a worker is given options it rejects: the options follow the colon. */
const INVALID_EXEC_ARGV = /^Initiated Worker with invalid execArgv flags: (.*)$/;

/** The parent's options a worker took, once known: V8 options are found by trying. */
let acceptedExecArgv: string[] | undefined;

/**
 * Starts a worker with the parent's Node options. A worker rejects V8 options such as
 * `node --max-old-space-size=4096` (Node lists them in its error) and a user's way of starting
 * the CLI must not stop the run: they are dropped, and the rest kept (loaders, --require).
 */
function startWorker<Options>(Worker: typeof WorkerThread, options: Options, limits: ResourceLimits): WorkerThread {
  const start = (execArgv: string[]) => new Worker(workerScript(), { workerData: { options }, execArgv, resourceLimits: limits });
  if (acceptedExecArgv) return start(acceptedExecArgv);
  const wanted = workerExecArgv();
  try {
    const worker = start(wanted);
    acceptedExecArgv = wanted;
    return worker;
  } catch (error) {
    const rejected = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_INVALID_EXEC_ARGV' ? INVALID_EXEC_ARGV.exec((error as Error).message) : null;
    if (!rejected) throw error;
    const names = new Set(rejected[1]!.split(', '));
    const kept = wanted.filter((arg) => !names.has(arg));
    if (kept.length === wanted.length) throw error;
    acceptedExecArgv = kept;
    return start(kept);
  }
}

/** Each worker keeps this many files queued, so it never waits on the main thread between two. */
const IN_FLIGHT = 2;

/**
 * Lints `jobs` in `size` workers. `options` are ReplyLint's options (plain data: they are copied
 * into each worker). `onDone` sees each file as it finishes; the returned array is in job order.
 * The first error (a bad config file, a file that cannot be read) stops every worker and rejects.
 */
export function lintInWorkers<Options>(
  jobs: PoolJob[],
  size: number,
  options: Options,
  onDone: (out: FileLint, index: number) => void,
  limits: ResourceLimits = POOL_LIMITS,
): Promise<FileLint[]> {
  const outputs: FileLint[] = new Array(jobs.length);
  const workers: WorkerThread[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;

  return new Promise<FileLint[]>((resolve, reject) => {
    const stopAll = () => {
      settled = true;
      for (const w of workers) void w.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      stopAll();
      reject(error);
    };
    const feed = (worker: WorkerThread, pending: Set<number>) => {
      while (pending.size < IN_FLIGHT && next < jobs.length) {
        const id = next++;
        pending.add(id);
        worker.postMessage({ id, job: jobs[id]! } satisfies ToWorker);
      }
    };
    // Required here, not imported: most runs (a pre-commit hook's few files) start no worker.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    for (let i = 0; i < size; i++) {
      const worker = startWorker(Worker, options, limits);
      const pending = new Set<number>();
      const pendingFile = () => [...pending].map((id) => jobs[id]!.file)[0];
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        pending.delete(message.id);
        if ('error' in message) return fail(deserializeError(message.error));
        outputs[message.id] = message.out;
        finished++;
        onDone(message.out, message.id);
        if (finished === jobs.length) {
          stopAll();
          resolve(outputs);
          return;
        }
        feed(worker, pending);
      });
      worker.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerMemoryError(pendingFile()) : error));
      worker.on('exit', (code) => {
        if (settled) return;
        const file = pendingFile();
        fail(new ReplylintError(`a lint worker stopped unexpectedly (exit code ${code})${file ? ' while linting this file' : ''}`, file));
      });
      feed(worker, pending);
    }
  });
}
