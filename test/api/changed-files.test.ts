// --changed-since: the changed files git reports, against real temporary repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changedFiles } from '../../src/api/changed-files.js';
import { ReplylintError } from '../../src/errors.js';

const unix = process.platform !== 'win32';

let root: string;
let repo: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

function write(file: string, text: string): void {
  writeFileSync(join(repo, file), text);
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ReplylintError) return error.format();
    throw error;
  }
  return 'no error';
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'replylint-changed-'));
  // The user's git config (a global excludes file, signing) must not change what the tests see.
  const emptyConfig = join(root, 'empty.gitconfig');
  writeFileSync(emptyConfig, '');
  vi.stubEnv('GIT_CONFIG_GLOBAL', emptyConfig);
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  vi.stubEnv('GIT_CEILING_DIRECTORIES', root);

  repo = join(root, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '--quiet', '--initial-branch=main');
  for (const name of ['a.txt', 'old name.txt', 'gone.txt', 'keep.txt', 'staged.txt', 'unstaged.txt']) write(name, `${name}: first version\n`);
  write('.gitignore', '*.log\n');
  mkdirSync(join(repo, 'sub'));
  write('sub/inner.md', 'inner\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'first');

  // The branch: a change, a new file, a rename and a deletion, committed.
  git(repo, 'checkout', '--quiet', '-b', 'feature');
  write('a.txt', 'a.txt: changed on the branch\n');
  write('committed.txt', 'new on the branch\n');
  git(repo, 'mv', 'old name.txt', 'new name.txt');
  git(repo, 'rm', '--quiet', 'gone.txt');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'branch work');

  // main moves on after the branch: its changes are not the branch's (a diff with main's tip
  // would list sub/inner.md).
  git(repo, 'checkout', '--quiet', 'main');
  write('main-only.txt', 'only on main\n');
  write('sub/inner.md', 'inner, changed on main\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'main moves on');
  git(repo, 'checkout', '--quiet', 'feature');

  // Local work: staged, unstaged, untracked (odd names), ignored, and a deletion not committed.
  write('staged.txt', 'staged.txt: staged change\n');
  git(repo, 'add', 'staged.txt');
  write('unstaged.txt', 'unstaged.txt: unstaged change\n');
  write('café é.txt', 'untracked, with a space and accents\n');
  write('with space.md', 'untracked\n');
  if (unix) write('line\nbreak.txt', 'a newline in the name\n');
  write('debug.log', 'ignored\n');
  unlinkSync(join(repo, 'keep.txt'));
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('changedFiles', () => {
  const expected = () =>
    ['a.txt', 'café é.txt', 'committed.txt', ...(unix ? ['line\nbreak.txt'] : []), 'new name.txt', 'staged.txt', 'unstaged.txt', 'with space.md'].map((f) => join(repo, f));

  it('lists what changed since the merge base (committed, staged, unstaged) and untracked files, without deleted or ignored ones', () => {
    expect(changedFiles('main', repo)).toEqual(expected());
  });

  it('lists the same absolute paths from a subfolder', () => {
    expect(changedFiles('main', join(repo, 'sub'))).toEqual(expected());
  });

  it('against HEAD, lists only the work not committed', () => {
    expect(changedFiles('HEAD', repo)).toEqual(['café é.txt', ...(unix ? ['line\nbreak.txt'] : []), 'staged.txt', 'unstaged.txt', 'with space.md'].map((f) => join(repo, f)));
  });

  it.skipIf(!unix)('spells the paths the way the caller reached the repository (through a symbolic link)', () => {
    const link = join(root, 'link-to-repo');
    symlinkSync(repo, link);
    expect(changedFiles('main', link)).toEqual(expected().map((f) => join(link, f.slice(repo.length + 1))));
  });

  it('says to fetch a ref it does not know', () => {
    expect(failure(() => changedFiles('origin/main', repo))).toBe('--changed-since: unknown git ref "origin/main" (fetch it first, e.g. actions/checkout with fetch-depth: 0)');
  });

  it('never passes a ref to git as an option', () => {
    expect(failure(() => changedFiles('--output=x', repo))).toBe('--changed-since: unknown git ref "--output=x" (fetch it first, e.g. actions/checkout with fetch-depth: 0)');
  });

  it('says when the folder is not in a git repository', () => {
    const plain = join(root, 'plain');
    mkdirSync(plain);
    expect(failure(() => changedFiles('main', plain))).toBe(`${plain}: --changed-since needs a git repository: not a git repository (or any of the parent directories): .git`);
  });

  it('says when the repository has no commit yet', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    git(empty, 'init', '--quiet');
    expect(failure(() => changedFiles('main', empty))).toBe(`${empty}: --changed-since: this repository has no commit yet`);
  });

  it('says when the ref and HEAD share no history', () => {
    const split = join(root, 'split');
    mkdirSync(split);
    git(split, 'init', '--quiet', '--initial-branch=main');
    git(split, 'commit', '--quiet', '--allow-empty', '-m', 'main root');
    git(split, 'checkout', '--quiet', '--orphan', 'unrelated');
    git(split, 'commit', '--quiet', '--allow-empty', '-m', 'unrelated root');
    expect(failure(() => changedFiles('main', split))).toBe(
      `${split}: --changed-since: "main" and HEAD have no commit in common (a shallow clone? fetch the history, e.g. actions/checkout with fetch-depth: 0)`,
    );
  });

  it('says when git is not installed', () => {
    const noGit = join(root, 'no-git-here');
    mkdirSync(noGit);
    const path = process.env.PATH ?? '';
    vi.stubEnv('PATH', noGit);
    try {
      expect(failure(() => changedFiles('main', repo))).toBe('--changed-since needs git, and git was not found (is it installed and on the PATH?)');
    } finally {
      vi.stubEnv('PATH', path);
    }
  });
});
