// Spawns the real binary (bin/replylint.js) with this Node, no shell, and collects what it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/replylint.js', import.meta.url));
// bin/replylint.js runs the bundle when there is one, else the compiled modules.
const BUILT_ENTRIES = ['../../dist/bundle/replylint.js', '../../dist/cli/index.js'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export interface CliRun {
  /** exit code (null when killed by a signal) */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** The whole environment of the child (callers build it from process.env). */
  env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (closed empty when absent, so --stdin never waits). */
  stdin?: string;
  /** Kill the child after this long; keep it under the test timeout so a hang fails with output. */
  timeoutMs?: number;
  /** Run the child as this user and group (only root may): to test files the user cannot read. */
  user?: { uid: number; gid: number };
}

/** The CLI runs from dist/: fail with a clear message instead of 40 confusing ones. */
export function assertBuilt(): void {
  if (!BUILT_ENTRIES.some((entry) => existsSync(entry))) throw new Error(`dist/ is not built (${BUILT_ENTRIES.join(', ')} missing): run \`npm run build\` before the e2e tests.`);
}

export function runCli(args: string[], { cwd, env, stdin, timeoutMs = 25_000, user }: RunOptions): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], ...user });
  // The child may exit before reading stdin (e.g. a usage error): that is not a test failure.
  child.stdin!.on('error', () => {});
  child.stdin!.end(stdin ?? '');
  return collect(child, timeoutMs);
}

/** What a spawned child printed and how it ended; it is killed after `timeoutMs`. */
export function collect(child: ChildProcess, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** process.env plus overrides; a null override removes the variable. */
export function envWith(overrides: Record<string, string | null>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete env[key];
    else env[key] = value;
  }
  return env;
}
