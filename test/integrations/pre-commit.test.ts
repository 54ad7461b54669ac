// The pre-commit hooks (.pre-commit-hooks.yaml): their manifest, and the real pre-commit framework installing and running them.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUPPORTED_EXTENSIONS } from '../../src/sources/index.js';
import { commandWorks, copyFixtures, git, initRepository, isolatedEnv, REPO_ROOT, run, snapshotRepository, TempDirs } from './support.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
  types: string[];
  require_serial: boolean;
}

const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => {
  const found = hooks.find((h) => h.id === id);
  if (!found) throw new Error(`no hook ${id} in .pre-commit-hooks.yaml`);
  return found;
};

/** pre-commit's patterns are Python regexes; the only Python-only syntax used is a leading (?i). */
function pythonRegex(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

/** Whether pre-commit would hand this staged path to the hook (types: [text] aside). */
function selects(h: Hook, path: string): boolean {
  return pythonRegex(h.files).test(path) && !pythonRegex(h.exclude).test(path);
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares a linting hook and a fixing hook, both node hooks running the package binary with the hook flags', () => {
    expect(hooks.map((h) => [h.id, h.language, h.entry, h.types, h.require_serial])).toEqual([
      ['replylint', 'node', 'replylint --skip-non-replies --no-warn-ignored', ['text'], false],
      ['replylint-fix', 'node', 'replylint --fix --skip-non-replies --no-warn-ignored', ['text'], false],
    ]);
    // `entry` names the binary that `npm install -g` of the package puts on the PATH.
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toEqual(['replylint']);
  });

  it('selects every extension replylint reads, in any letter case, and no other file', () => {
    for (const h of hooks) {
      for (const ext of SUPPORTED_EXTENSIONS) {
        expect(selects(h, `macros/refunds/partial${ext}`), `${h.id}: ${ext}`).toBe(true);
        expect(selects(h, `OUTAGE${ext.toUpperCase()}`), `${h.id}: ${ext.toUpperCase()}`).toBe(true);
      }
      for (const other of ['src/index.ts', 'bin/replylint.js', 'notes.mdx', 'export.json.bak', 'Makefile', 'replies/txt', 'logo.png']) {
        expect(selects(h, other), `${h.id}: ${other}`).toBe(false);
      }
    }
  });

  it("leaves out a repository's own README, CHANGELOG, LICENSE and contributing files, but not replies that merely share a word", () => {
    const h = hook('replylint');
    const skipped = ['README.md', 'docs/README.markdown', 'CHANGELOG.md', 'LICENSE.txt', 'LICENCE.md', 'CONTRIBUTING.md', '.github/CODE_OF_CONDUCT.md', 'SECURITY.md', 'AUTHORS.txt'];
    expect(skipped.filter((path) => selects(h, path))).toEqual([]);
    const linted = ['macros/readme-first.md', 'replies/license-renewal.txt', 'security.md', 'macros/changelog-question.yml'];
    expect(linted.filter((path) => selects(h, path))).toEqual(linted);
    expect(hook('replylint-fix').exclude).toBe(h.exclude);
  });

  it("keeps the prepare script's output off `npm pack`'s stdout, where pre-commit reads the tarball's name", () => {
    // npm 10.5+ runs pack's lifecycle scripts in the foreground, printing the build onto stdout;
    // pre-commit (3.x) then installs a tarball named after that whole text and fails.
    const npmrc = readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8');
    expect(npmrc.split('\n').map((line) => line.trim())).toContain('foreground-scripts=false');
  });

  it('uses only options the CLI knows', () => {
    const help = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/replylint.js'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const h of hooks) {
      for (const flag of h.entry.split(' ').filter((word) => word.startsWith('--'))) expect(help.stdout, `${h.id}: ${flag}`).toContain(`  ${flag} `);
    }
  });
});

// Installing a node hook runs nodeenv, `npm install` (which builds, through `prepare`), `npm pack`
// and a global install of the packed package: about 40 s each with a warm npm cache, minutes cold.
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const havePreCommit = commandWorks('pre-commit');

describe.skipIf(!havePreCommit && !process.env.CI)('the hooks under the real pre-commit framework', () => {
  const temps = new TempDirs();
  let hookRepo = '';
  let hookRev = '';

  beforeAll(() => {
    // CI must run these: a missing pre-commit fails there instead of skipping.
    if (!havePreCommit) throw new Error('pre-commit is not installed (Debian: apt-get install pre-commit); CI must run the pre-commit hook tests');
    hookRepo = temps.make('replylint-hook-repo-');
    hookRev = snapshotRepository(hookRepo);
  }, 120_000);
  afterAll(() => temps.removeAll());

  /** A user's project: a new git repository with these fixture files in it. */
  function project(files: Record<string, string>): string {
    const dir = temps.make('replylint-hook-user-');
    initRepository(dir);
    copyFixtures(dir, files);
    return dir;
  }

  it('validates as a hooks manifest', async () => {
    const result = await run('pre-commit', ['validate-manifest', join(hookRepo, '.pre-commit-hooks.yaml')], { cwd: hookRepo, env: isolatedEnv(), timeoutMs: 60_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it(
    'try-repo: fails on a reply that blames, naming the file, the position and the rule, and says nothing about the clean one',
    async () => {
      const dir = project({ 'replies/late-parcel.txt': 'replies/late-parcel.txt', 'replies/password-reset.md': 'replies/password-reset.md' });
      const env = isolatedEnv({ PRE_COMMIT_HOME: temps.make('replylint-pre-commit-home-') });
      const result = await run('pre-commit', ['try-repo', hookRepo, 'replylint', '--ref', hookRev, '--files', 'replies/late-parcel.txt', 'replies/password-reset.md'], {
        cwd: dir,
        env,
        timeoutMs: INSTALL_TIMEOUT_MS - 30_000,
      });
      const output = result.stdout + result.stderr;
      expect(result.status, output).toBe(1);
      expect(output).toMatch(/^replylint\.+Failed$/m);
      expect(output).toContain('- exit code: 1');
      expect(output).toMatch(/^replies\/late-parcel\.txt\n {2}4:64 {2}error {2}“not our fault” .* {2}blame\/not-our-fault$/m);
      expect(output).toContain('✖ 1 problem (1 error, 0 warnings)');
      expect(output).not.toContain('password-reset.md');
    },
    INSTALL_TIMEOUT_MS,
  );

  it(
    'as the git pre-commit hook: commits clean replies beside non-reply files, blocks a reply that blames; replylint-fix rewrites a file and stops the commit',
    async () => {
      const dir = project({
        'macros/password-reset.md': 'replies/password-reset.md',
        'README.md': 'non-replies/README.md',
        'package.json': 'non-replies/package.json',
        'config/settings.yml': 'non-replies/settings.yml',
      });
      writeFileSync(
        join(dir, '.pre-commit-config.yaml'),
        [
          'repos:',
          `  - repo: ${hookRepo}`,
          `    rev: ${hookRev}`,
          '    hooks:',
          '      - id: replylint',
          '      - id: replylint-fix',
          '        stages: [manual]',
          '',
        ].join('\n'),
      );
      const env = isolatedEnv({ PRE_COMMIT_HOME: temps.make('replylint-pre-commit-home-') });
      const installed = await run('pre-commit', ['install'], { cwd: dir, env, timeoutMs: 60_000 });
      expect(installed.status, installed.stdout + installed.stderr).toBe(0);
      const commits = () => git(dir, ['rev-list', '--count', '--all']).trim();
      const commit = (message: string) => run('git', ['commit', '--message', message], { cwd: dir, env, timeoutMs: INSTALL_TIMEOUT_MS - 60_000 });

      // A clean reply, and files that are not replies: a README that quotes a blame phrase (left
      // out by `exclude`), package.json and a settings file with no reply text (--skip-non-replies).
      git(dir, ['add', '--all']);
      const clean = await commit('Add the password reset macro');
      expect(clean.status, clean.stdout + clean.stderr).toBe(0);
      expect(clean.stdout + clean.stderr).toMatch(/^replylint\.+Passed$/m);
      expect(commits()).toBe('1');

      copyFixtures(dir, { 'macros/late-parcel.txt': 'replies/late-parcel.txt' });
      git(dir, ['add', 'macros/late-parcel.txt']);
      const blocked = await commit('Add the late parcel macro');
      const blockedOutput = blocked.stdout + blocked.stderr;
      expect(blocked.status, blockedOutput).toBe(1);
      expect(blockedOutput).toMatch(/^replylint\.+Failed$/m);
      expect(blockedOutput).toMatch(/^macros\/late-parcel\.txt\n {2}4:64 {2}error {2}.* {2}blame\/not-our-fault$/m);
      expect(commits()).toBe('1');

      // The fixing hook, run by hand on a staged reply: it rewrites the file, and pre-commit fails
      // a hook that changed files, so the fix is looked at before it is committed.
      copyFixtures(dir, { 'macros/restart-app.txt': 'replies/restart-app.txt' });
      git(dir, ['add', 'macros/restart-app.txt']);
      const fixed = await run('pre-commit', ['run', 'replylint-fix', '--hook-stage', 'manual', '--files', 'macros/restart-app.txt'], { cwd: dir, env, timeoutMs: 120_000 });
      const fixedOutput = fixed.stdout + fixed.stderr;
      expect(fixed.status, fixedOutput).toBe(1);
      expect(fixedOutput).toMatch(/^replylint \(apply safe fixes\)\.+Failed$/m);
      expect(fixedOutput).toContain('- files were modified by this hook');
      expect(readFileSync(join(dir, 'macros/restart-app.txt'), 'utf8')).toBe('Hi Tomas,\n\nThe update changed how sync starts.\nPlease restart the app once, and your notes will appear again.\n');
    },
    INSTALL_TIMEOUT_MS,
  );
});
