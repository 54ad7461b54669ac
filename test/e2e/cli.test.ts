// End-to-end behaviours that need code rather than a scenario folder: a fresh temporary folder
// (--init, .git/), colour and the environment, --version and --help, and running from a subfolder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, envWith, REPO_ROOT, runCli } from './run-cli.js';

const TIMEOUT_MS = 30_000;
const ANSI = /\u001b\[[0-9;]*m/;
const ANSI_ALL = /\u001b\[[0-9;]*m/g;
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** No colour variables at all: what a plain CI job without a terminal looks like. */
const PLAIN_ENV = envWith({ NO_COLOR: null, FORCE_COLOR: null });

const WARNINGS = `Hi Marco,

As I already said, the reset link only works for 24 hours.
You have to open it on the same device you requested it from.
`;
const ERRORS = `Hi Jordan,

The courier lost your parcel on the way to you.
I know you asked for a refund today, but that's not possible.
`;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder outside the repository, with the given files. */
function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-e2e-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

interface Message {
  ruleId: string | null;
  severity: number;
}
interface Result {
  filePath: string;
  messages: Message[];
}
const parseResults = (stdout: string) => JSON.parse(stdout) as Result[];
const ruleIds = (results: Result[]) => results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort();

beforeAll(assertBuilt);

describe('--init', () => {
  it(
    'writes a starter .replylintrc.json that works, and refuses to overwrite it on a second run',
    async () => {
      const dir = tempProject({ 'reply.txt': ERRORS });
      const env = envWith({ NO_COLOR: '1' });
      const configPath = join(dir, '.replylintrc.json');

      const first = await runCli(['--init'], { cwd: dir, env });
      expect(first.status).toBe(0);
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('Wrote .replylintrc.json');
      const written = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
      expect(written.extends).toBe('replylint:recommended');

      // The starter config is a valid config: linting with it reports the recommended rules.
      const lint = await runCli(['reply.txt', '--format', 'json'], { cwd: dir, env });
      expect(lint.stderr).toBe('');
      expect(lint.status).toBe(1);
      expect(ruleIds(parseResults(lint.stdout))).toEqual(['blame/third-party', 'refusal/dead-end']);

      // Someone edits the config; a second --init must not touch it.
      const edited = JSON.stringify({ extends: 'replylint:recommended', rules: { 'blame/third-party': 'off' } }, null, 2) + '\n';
      writeFileSync(configPath, edited);
      const second = await runCli(['--init'], { cwd: dir, env });
      expect(second.status).toBe(2);
      expect(second.stdout).toBe('');
      expect(second.stderr).toContain('.replylintrc.json');
      expect(second.stderr).toContain('already exists');
      expect(second.stderr).not.toContain('    at ');
      expect(readFileSync(configPath, 'utf8')).toBe(edited);
    },
    TIMEOUT_MS,
  );
});

describe('colour', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'replylint-e2e-colour-'));
    writeFileSync(join(dir, 'reply.txt'), WARNINGS + ERRORS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lint = (args: string[], env: Record<string, string | null>) => runCli(['reply.txt', ...args], { cwd: dir, env: envWith({ NO_COLOR: null, FORCE_COLOR: null, ...env }) });

  it(
    '--color forces ANSI colour, and only adds escapes to the plain output',
    async () => {
      const [coloured, plain] = await Promise.all([lint(['--color'], {}), lint([], {})]);
      expect(coloured.status).toBe(1);
      expect(coloured.stdout).toMatch(ANSI);
      expect(coloured.stdout.replace(ANSI_ALL, '')).toBe(plain.stdout);
    },
    TIMEOUT_MS,
  );

  it(
    'NO_COLOR=1 turns colour off',
    async () => {
      const run = await lint([], { NO_COLOR: '1' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('blame/third-party');
      expect(run.stdout).not.toMatch(ANSI);
    },
    TIMEOUT_MS,
  );

  it(
    'FORCE_COLOR=1 gives colour without a terminal',
    async () => {
      const run = await lint([], { FORCE_COLOR: '1' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(ANSI);
    },
    TIMEOUT_MS,
  );

  it(
    'FORCE_COLOR=0 and --no-color turn it off',
    async () => {
      const [zero, flag] = await Promise.all([lint([], { FORCE_COLOR: '0' }), lint(['--no-color'], { FORCE_COLOR: '1' })]);
      expect(zero.stdout).toContain('blame/third-party');
      expect(zero.stdout).not.toMatch(ANSI);
      expect(flag.stdout).toContain('blame/third-party');
      expect(flag.stdout).not.toMatch(ANSI);
    },
    TIMEOUT_MS,
  );

  it(
    'has no colour by default when stdout is not a terminal',
    async () => {
      const run = await runCli(['reply.txt'], { cwd: dir, env: PLAIN_ENV });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('✖ 4 problems (2 errors, 2 warnings)');
      expect(run.stdout).not.toMatch(ANSI);
    },
    TIMEOUT_MS,
  );

  it(
    'never colours JSON, even with --color',
    async () => {
      const run = await lint(['--color', '--format', 'json'], {});
      expect(run.stdout).not.toMatch(ANSI);
      expect(parseResults(run.stdout)).toHaveLength(1);
    },
    TIMEOUT_MS,
  );

  it(
    '--explain is coloured with --color and plain without',
    async () => {
      const [coloured, plain] = await Promise.all([
        runCli(['--explain', 'tone/condescending', '--color'], { cwd: dir, env: PLAIN_ENV }),
        runCli(['--explain', 'tone/condescending'], { cwd: dir, env: PLAIN_ENV }),
      ]);
      expect(coloured.status).toBe(0);
      expect(coloured.stdout).toMatch(ANSI);
      expect(plain.stdout).not.toMatch(ANSI);
      expect(coloured.stdout.replace(ANSI_ALL, '')).toBe(plain.stdout);
    },
    TIMEOUT_MS,
  );
});

describe('--version and --help', () => {
  it(
    '--version and -v print the version from package.json and nothing else',
    async () => {
      const runs = await Promise.all([runCli(['--version'], { cwd: REPO_ROOT, env: PLAIN_ENV }), runCli(['-v'], { cwd: REPO_ROOT, env: PLAIN_ENV })]);
      for (const run of runs) {
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(`${VERSION}\n`);
        expect(run.stderr).toBe('');
      }
    },
    TIMEOUT_MS,
  );

  it(
    '--help lists every option, the examples and the exit codes; -h is the same',
    async () => {
      const [long, short] = await Promise.all([runCli(['--help'], { cwd: REPO_ROOT, env: PLAIN_ENV }), runCli(['-h'], { cwd: REPO_ROOT, env: PLAIN_ENV })]);
      expect(long.status).toBe(0);
      expect(long.stderr).toBe('');
      expect(long.stdout).toMatch(/^Usage: replylint \[options\] \[paths\.\.\.\]/);
      for (const option of [
        '-f, --format <name>',
        '-c, --config <path>',
        '--no-config-lookup',
        '--max-warnings <n>',
        '--quiet',
        '--stdin',
        '--stdin-filename <name>',
        '--list-rules',
        '--explain <ruleId>',
        '--print-config <file>',
        '--init',
        '--color',
        '--no-color',
        '--debug',
        '-v, --version',
        '-h, --help',
      ]) {
        expect(long.stdout, option).toContain(option);
      }
      expect(long.stdout).toMatch(/^Examples:\n(  \$ replylint .+\n)+/m);
      expect(long.stdout).toContain('$ replylint . --max-warnings 0');
      expect(long.stdout).toMatch(/^Exit codes: 0 [\s\S]*?, 1 [\s\S]*?, 2 /m);
      expect(short).toEqual(long);
    },
    TIMEOUT_MS,
  );
});

describe('working folder', () => {
  it(
    'finds the config in a folder above when run from a subfolder',
    async () => {
      const dir = tempProject({
        '.replylintrc.json': JSON.stringify({ rules: { 'blame/third-party': 'off', 'tone/condescending': 'error' } }),
        'macros/refunds/reply.txt': ERRORS + WARNINGS,
      });
      const cwd = join(dir, 'macros', 'refunds');
      const env = envWith({ NO_COLOR: '1' });

      const named = await runCli(['reply.txt', '--format', 'json'], { cwd, env });
      expect(named.stderr).toBe('');
      expect(named.status).toBe(1);
      const results = parseResults(named.stdout);
      expect(results.map((r) => r.filePath)).toEqual([join(cwd, 'reply.txt')]);
      expect(ruleIds(results)).toEqual(['refusal/dead-end', 'tone/condescending', 'tone/you-have-to']);
      expect(results[0]!.messages.find((m) => m.ruleId === 'tone/condescending')?.severity).toBe(2);

      // No paths: the subfolder itself is linted, with the same config; paths are shown relative to it.
      const walked = await runCli([], { cwd, env });
      expect(walked.status).toBe(1);
      expect(walked.stdout).toMatch(/^reply\.txt$/m);
      expect(walked.stdout).not.toContain('blame/third-party');
      expect(walked.stdout).toContain('✖ 3 problems (2 errors, 1 warning)');
    },
    TIMEOUT_MS,
  );

  it(
    'with --print-config from a subfolder, names the config file found above',
    async () => {
      const dir = tempProject({ 'package.json': JSON.stringify({ name: 'macros', replylint: { rules: { 'tone/helpless': 'off' } } }), 'team/a/.keep': '' });
      const run = await runCli(['--print-config', 'reply.md'], { cwd: join(dir, 'team', 'a'), env: PLAIN_ENV });
      expect(run.status).toBe(0);
      const config = JSON.parse(run.stdout) as { configFile: string; rules: Record<string, unknown> };
      expect(config.configFile).toBe(join(dir, 'package.json'));
      expect(config.rules).not.toHaveProperty('tone/helpless');
      expect(config.rules['refusal/dead-end']).toBe('error');
    },
    TIMEOUT_MS,
  );

  it(
    'skips files inside .git/ when walking a folder (a .git folder cannot be committed as a scenario)',
    async () => {
      const dir = tempProject({
        'replies/refund.txt': ERRORS,
        'replies/.git/COMMIT_EDITMSG.txt': 'The courier lost your parcel.\n',
        'replies/.git/notes/draft.md': 'That is not possible.\n',
        '.git/description.txt': 'The courier lost your parcel.\n',
      });
      const env = envWith({ NO_COLOR: '1' });
      const [folder, cwd] = await Promise.all([
        runCli(['replies', '--format', 'json'], { cwd: dir, env }),
        runCli(['--format', 'json'], { cwd: dir, env }),
      ]);
      for (const run of [folder, cwd]) {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        expect(parseResults(run.stdout).map((r) => r.filePath)).toEqual([join(dir, 'replies', 'refund.txt')]);
      }
    },
    TIMEOUT_MS,
  );
});

describe('interrupted', () => {
  it(
    'Ctrl-C during a --fix run exits 130 and leaves every file whole and no temporary file',
    async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 1500; i++) files[`replies/r${String(i).padStart(4, '0')}.txt`] = `Hi,\n\nYou have to restart the router (case ${i}). The courier lost the first one.\n`;
      const dir = tempProject(files);
      const { spawn } = await import('node:child_process');
      const { BIN } = await import('./run-cli.js');
      const child = spawn(process.execPath, [BIN, 'replies', '--fix'], { cwd: dir, env: envWith({ NO_COLOR: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // Interrupt once the run is under way (the first files are being linted).
      await new Promise((r) => setTimeout(r, 800));
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      const { readdirSync } = await import('node:fs');
      const names = readdirSync(join(dir, 'replies'));
      expect(names.filter((n) => !/^r\d{4}\.txt$/.test(n))).toEqual([]);
      expect(names).toHaveLength(1500);
      // Every file is either untouched or completely fixed: never a half-written one.
      for (const name of names) {
        const text = readFileSync(join(dir, 'replies', name), 'utf8');
        expect([files[`replies/${name}`], files[`replies/${name}`]!.replace('You have to', 'Please')]).toContain(text);
      }
      if (code === 130) expect(stderr).toContain('interrupted');
      else expect(code, `the run ended before the interrupt (exit ${code}); the test needs a longer run`).toBe(130);
    },
    TIMEOUT_MS,
  );
});
