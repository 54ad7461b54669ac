// Helpers for the integration tests: temporary folders, a committed snapshot of the working tree, and child processes.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Run {
  /** exit code (null when killed) */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; kills it after `timeoutMs` so a hang fails with its output. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Whether a command can be started at all (`--version` exits 0). */
export function commandWorks(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The environment for git, pre-commit and npm children: no variables of an enclosing git hook or
 * npm script (npm_config_* from `npm test` would reconfigure the npm that pre-commit runs), no
 * global or system git config, a fixed identity, and no colour.
 */
export function isolatedEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GIT_|npm_|NPM_CONFIG_|INIT_CWD$|FORCE_COLOR$|PRE_COMMIT)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Replylint Test',
    GIT_AUTHOR_EMAIL: 'test@replylint.invalid',
    GIT_COMMITTER_NAME: 'Replylint Test',
    GIT_COMMITTER_EMAIL: 'test@replylint.invalid',
    NO_COLOR: '1',
    ...overrides,
  };
}

/** Temporary folders made by a test file; `removeAll` in afterAll. */
export class TempDirs {
  private readonly dirs: string[] = [];

  make(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies fixture files (paths relative to fixtures/) into `dest`, under the names given. */
export function copyFixtures(dest: string, files: Record<string, string>): void {
  for (const [target, source] of Object.entries(files)) copyInto(join(FIXTURES, source), join(dest, target));
}

function copyInto(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
}

export function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: isolatedEnv(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A new git repository in `dest` holding the working tree as it is on disk — tracked and untracked
 * files, not the ignored ones (node_modules/, dist/) — in one commit; returns its sha. pre-commit
 * installs a hook repository from a commit, and the files under test may not be committed yet.
 */
export function snapshotRepository(dest: string): string {
  const listed = git(REPO_ROOT, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  for (const file of listed) {
    const source = join(REPO_ROOT, file);
    // A tracked file deleted in the working tree is not part of it.
    if (!existsSync(source) || !lstatSync(source).isFile()) continue;
    copyInto(source, join(dest, file));
  }
  git(dest, ['init', '--quiet']);
  git(dest, ['add', '--all']);
  git(dest, ['commit', '--quiet', '--no-verify', '--message', 'snapshot of the working tree']);
  return git(dest, ['rev-parse', 'HEAD']).trim();
}

/** A new git repository in `dest` (a user's project), with nothing committed. */
export function initRepository(dest: string): void {
  git(dest, ['init', '--quiet']);
}
