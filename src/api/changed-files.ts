// --changed-since: the files a pull request from here would show (changed since the merge base
// with a ref, committed or not) plus new files git does not ignore, asked of git.
import type * as ChildProcess from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ReplylintError } from '../errors.js';

/**
 * Absolute paths, sorted, of the files that differ between the merge base of `ref` and HEAD and
 * the working tree (committed on the branch, staged or not), and of untracked files that are not
 * ignored. Deleted files are left out; a renamed file is listed under its new name.
 */
export function changedFiles(ref: string, cwd: string): string[] {
  // A ref is never an option: "--output=x" must not reach git as one.
  if (ref.startsWith('-')) throw unknownRef(ref);
  const top = topLevel(cwd);
  if (!succeeds(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], top)) {
    throw new ReplylintError('--changed-since: this repository has no commit yet', cwd);
  }
  if (!succeeds(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top)) throw unknownRef(ref);
  let base: string;
  try {
    base = git(['merge-base', ref, 'HEAD'], top).trim();
  } catch {
    throw new ReplylintError(
      `--changed-since: "${ref}" and HEAD have no commit in common (a shallow clone? fetch the history, e.g. actions/checkout with fetch-depth: 0)`,
      cwd,
    );
  }
  // --no-renames: a rename is a deletion (left out) and an addition (listed).
  const changed = git(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--diff-filter=d', base, '--'], top);
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard'], top);
  const names = new Set([...changed.split('\0'), ...untracked.split('\0')]);
  // An untracked folder that is a repository of its own is listed as "dir/": not a file.
  return [...names]
    .filter((name) => name !== '' && !name.endsWith('/'))
    .map((name) => resolve(top, name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The repository's top folder, spelled from `cwd` when that names the same folder: git answers
 * with the real path, and the caller compares our paths with its own (/tmp vs /private/tmp on macOS).
 */
function topLevel(cwd: string): string {
  let cdup: string;
  let real: string;
  try {
    cdup = git(['rev-parse', '--show-cdup'], cwd).replace(/\n$/, '');
    real = git(['rev-parse', '--show-toplevel'], cwd).replace(/\n$/, '');
  } catch (error) {
    if (error instanceof ReplylintError) throw error;
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const reason = stderr.split('\n').find((line) => line.trim() !== '')?.replace(/^fatal: /, '') ?? (error as Error).message;
    throw new ReplylintError(`--changed-since needs a git repository: ${reason}`, cwd);
  }
  const spelled = resolve(cwd, cdup);
  try {
    return realpathSync(spelled) === realpathSync(real) ? spelled : resolve(real);
  } catch {
    return resolve(real);
  }
}

function unknownRef(ref: string): ReplylintError {
  return new ReplylintError(`--changed-since: unknown git ref "${ref}" (fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
}

function succeeds(args: string[], cwd: string): boolean {
  try {
    git(args, cwd);
    return true;
  } catch (error) {
    if (error instanceof ReplylintError) throw error;
    return false;
  }
}

// Required when git is first asked, not imported: only --changed-since needs child_process, and
// loading it was a few milliseconds of every cold start.
const require = createRequire(import.meta.url);

/** Runs git without a shell; a missing git is a ReplylintError, a failing command throws as is. */
function git(args: string[], cwd: string): string {
  try {
    return (require('node:child_process') as typeof ChildProcess).execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      // English messages, whatever the locale; no optional index lock (a concurrent git command
      // in an editor must not fail because replylint looked at the tree).
      env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ReplylintError('--changed-since needs git, and git was not found (is it installed and on the PATH?)');
    }
    throw error;
  }
}
