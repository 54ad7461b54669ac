// Runs every folder under test/e2e/scenarios/ against the real binary: one test per folder.
// Adding a scenario needs no code: a folder with the input files and a scenario.json.
//
// scenario.json (unknown keys are an error, so a typo cannot silently skip a check):
//   description   required: what the scenario proves, for people reading the folder
//   args          argv after `replylint`, run with the scenario folder (or `cwd`) as working folder
//   cwd           optional subfolder of the scenario to run in
//   stdin         optional text written to stdin (stdin is always closed, empty by default)
//   env           optional variables over process.env (null removes one); without it the run gets NO_COLOR=1
//   exitCode      required: the exact exit code
//   stdout/stderr optional { empty, contains[], notContains[], matches[], notMatches[] }
//                 (matches are regex sources compiled with the "m" flag: ^ and $ are line anchors)
//   json          true: stdout must be one JSON value and nothing else; an array is checked to be
//                 ESLint results (shape and counts)
//   jsonExpect    checks on that JSON (see JsonExpect below)
//   generated     { "<file>": "text" } written before the run and removed after (paths git won't keep)
//   preconditions { "<file>": { contains[], startsWith } } checks on input bytes, e.g. that a CRLF
//                 fixture still has its CRLFs after a checkout
//   sandbox       true: copy the scenario folder to a temporary folder and run there, for runs that
//                 write (--fix, --suppress-all, --output-file); the copy is removed afterwards
//   setup         argv lists run (no shell) in the sandbox before replylint, e.g. git init/commit
//   files         checks on files after the run (sandbox only): { "<file>": { equals, equalsFile
//                 (a file of the scenario with the expected bytes), unchanged (bytes as in the
//                 scenario folder), contains[], notContains[], absent, encoding (utf8 or utf16le, for
//                 equals/contains), values (a JSON file whose
//                 "values" are checked as in jsonExpect) } }
//   repeat        true: run the same command again afterwards; it must change no file (idempotence)
//                 and exit with `repeatExitCode` (default: exitCode)
//   knownBug      "what is wrong": the scenario asserts the correct behaviour and is expected to
//                 fail until the bug is fixed (vitest reports it if it starts passing). Set
//                 REPLYLINT_E2E_KNOWN_BUGS=run to run these as ordinary tests and see why they fail.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, envWith, runCli, type CliRun } from './run-cli.js';

const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));
const TIMEOUT_MS = 30_000;

interface StreamExpect {
  empty?: boolean;
  contains?: string[];
  notContains?: string[];
  matches?: string[];
  notMatches?: string[];
}

interface MessageExpect {
  /** which result the message is in: a path relative to the run's folder, or "<text>" */
  file?: string;
  severity?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** the source text between (line, column) and (endLine, endColumn), BOM stripped */
  text?: string;
  /** the source text the first suggestion's fix.range covers */
  suggestionRangeText?: string;
  /** the first suggestion's fix.text */
  suggestionText?: string;
}

interface JsonExpect {
  /** exact number of results (array length) */
  results?: number;
  /** exact filePath of each result, in order: relative to the run's folder, or "<text>" */
  filePaths?: string[];
  /** totals over all results */
  errorCount?: number;
  warningCount?: number;
  /** exact number of messages per ruleId over all results ("null" for messages without one); rules not listed must not appear */
  ruleCounts?: Record<string, number>;
  /** the first message of each named rule (the key "null" for messages without a ruleId) */
  first?: Record<string, MessageExpect>;
  /** every message has these keys */
  messageKeys?: string[];
  /** values inside the JSON by path: equals (deep) or absent */
  values?: Array<{ path: Array<string | number>; equals?: unknown; absent?: boolean }>;
}

interface Scenario {
  description: string;
  args: string[];
  cwd?: string;
  /** files written just before the run and removed after it: for paths git will not keep, such as node_modules/ */
  generated?: Record<string, string>;
  stdin?: string;
  env?: Record<string, string | null>;
  exitCode: number;
  stdout?: StreamExpect;
  stderr?: StreamExpect;
  json?: boolean;
  jsonExpect?: JsonExpect;
  preconditions?: Record<string, { contains?: string[]; startsWith?: string }>;
  knownBug?: string;
  sandbox?: boolean;
  setup?: string[][];
  files?: Record<string, FileExpect>;
  repeat?: boolean;
  repeatExitCode?: number;
}

interface FileExpect {
  /** how the file's bytes are read for equals/contains (default utf8) */
  encoding?: 'utf8' | 'utf16le';
  equals?: string;
  equalsFile?: string;
  unchanged?: boolean;
  contains?: string[];
  notContains?: string[];
  absent?: boolean;
  values?: JsonExpect['values'];
}

const SCENARIO_KEYS = ['description', 'args', 'cwd', 'stdin', 'env', 'exitCode', 'stdout', 'stderr', 'json', 'jsonExpect', 'preconditions', 'knownBug', 'generated', 'sandbox', 'setup', 'files', 'repeat', 'repeatExitCode'];
const FILE_KEYS = ['encoding', 'equals', 'equalsFile', 'unchanged', 'contains', 'notContains', 'absent', 'values'];
const STREAM_KEYS = ['empty', 'contains', 'notContains', 'matches', 'notMatches'];
const JSON_KEYS = ['results', 'filePaths', 'errorCount', 'warningCount', 'ruleCounts', 'first', 'messageKeys', 'values'];
const MESSAGE_KEYS = ['file', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text', 'suggestionRangeText', 'suggestionText'];

function checkKeys(where: string, value: object, allowed: string[]): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
}

function loadScenario(name: string): Scenario {
  const file = join(SCENARIOS, name, 'scenario.json');
  const s = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  checkKeys(file, s, SCENARIO_KEYS);
  if (typeof s.description !== 'string' || !s.description) throw new Error(`${file}: "description" is required`);
  if (!Array.isArray(s.args) || s.args.some((a) => typeof a !== 'string')) throw new Error(`${file}: "args" must be an array of strings`);
  if (!Number.isInteger(s.exitCode)) throw new Error(`${file}: "exitCode" is required`);
  if (s.stdout) checkKeys(`${file} stdout`, s.stdout, STREAM_KEYS);
  if (s.stderr) checkKeys(`${file} stderr`, s.stderr, STREAM_KEYS);
  if (s.jsonExpect) {
    if (!s.json) throw new Error(`${file}: "jsonExpect" needs "json": true`);
    checkKeys(`${file} jsonExpect`, s.jsonExpect, JSON_KEYS);
    for (const [id, m] of Object.entries(s.jsonExpect.first ?? {})) checkKeys(`${file} jsonExpect.first.${id}`, m, MESSAGE_KEYS);
  }
  for (const [f, e] of Object.entries(s.files ?? {})) checkKeys(`${file} files.${f}`, e, FILE_KEYS);
  if ((s.files || s.setup || s.repeat) && !s.sandbox) throw new Error(`${file}: "files", "setup" and "repeat" need "sandbox": true`);
  if (!s.stdout && !s.stderr && !s.json && !s.files) throw new Error(`${file}: a scenario must check stdout, stderr, json or files besides the exit code`);
  return s;
}

const names = readdirSync(SCENARIOS)
  .filter((n) => statSync(join(SCENARIOS, n)).isDirectory())
  .sort();

// ----------------------------------------------------------------
// Checks

function checkStream(label: string, text: string, e: StreamExpect | undefined): void {
  if (!e) return;
  if (e.empty !== undefined) {
    if (e.empty) expect(text, `${label} should be empty`).toBe('');
    else expect(text, `${label} should not be empty`).not.toBe('');
  }
  for (const s of e.contains ?? []) expect(text, `${label} should contain ${JSON.stringify(s)}`).toContain(s);
  for (const s of e.notContains ?? []) expect(text, `${label} should not contain ${JSON.stringify(s)}`).not.toContain(s);
  for (const r of e.matches ?? []) expect(text, `${label} should match /${r}/m`).toMatch(new RegExp(r, 'm'));
  for (const r of e.notMatches ?? []) expect(text, `${label} should not match /${r}/m`).not.toMatch(new RegExp(r, 'm'));
}

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

interface Result {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
}

/** What every consumer of ESLint's JSON format relies on. */
function checkEslintShape(results: unknown[]): asserts results is Result[] {
  for (const [i, r] of (results as Result[]).entries()) {
    const at = `result ${i}`;
    expect(typeof r.filePath, `${at}.filePath`).toBe('string');
    expect(r.filePath === '<text>' || isAbsolute(r.filePath), `${at}.filePath is absolute or "<text>": ${r.filePath}`).toBe(true);
    expect(Array.isArray(r.messages), `${at}.messages is an array`).toBe(true);
    for (const key of ['errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount'] as const) {
      expect(Number.isInteger(r[key]), `${at}.${key} is an integer`).toBe(true);
    }
    expect(r.errorCount, `${at}.errorCount matches its messages`).toBe(r.messages.filter((m) => m.severity === 2).length);
    expect(r.warningCount, `${at}.warningCount matches its messages`).toBe(r.messages.filter((m) => m.severity === 1).length);
    expect(r.fixableErrorCount, `${at}.fixableErrorCount`).toBe(r.messages.filter((m) => m.severity === 2 && m.fix).length);
    expect(r.fixableWarningCount, `${at}.fixableWarningCount`).toBe(r.messages.filter((m) => m.severity === 1 && m.fix).length);
    for (const [k, m] of r.messages.entries()) {
      const where = `${at}.messages[${k}]`;
      expect(m.ruleId === null || typeof m.ruleId === 'string', `${where}.ruleId`).toBe(true);
      expect([1, 2], `${where}.severity`).toContain(m.severity);
      expect(typeof m.message, `${where}.message`).toBe('string');
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        expect(Number.isInteger(m[key]), `${where}.${key} is an integer`).toBe(true);
        // Only the "File ignored" notice (no rule) sits at 0:0, as in ESLint.
        if (m.ruleId !== null) expect(m[key], `${where}.${key} is 1-based`).toBeGreaterThanOrEqual(1);
      }
      expect(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column), `${where} ends after it starts`).toBe(true);
      for (const s of m.suggestions ?? []) {
        expect(typeof s.desc, `${where}.suggestions[].desc`).toBe('string');
        expect(Array.isArray(s.fix.range) && s.fix.range.length === 2 && s.fix.range[0] <= s.fix.range[1], `${where}.suggestions[].fix.range`).toBe(true);
        expect(typeof s.fix.text, `${where}.suggestions[].fix.text`).toBe('string');
      }
    }
  }
}

function sourceOf(result: Result): string {
  const text = result.source ?? readFileSync(result.filePath, 'utf8');
  return text.replace(/^\uFEFF/, '');
}

/** The text between two 1-based line/column positions, counting UTF-16 code units as ESLint does. */
function textBetween(source: string, m: Message): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (m.line === m.endLine) return (lines[m.line - 1] ?? '').slice(m.column - 1, m.endColumn - 1);
  return [
    (lines[m.line - 1] ?? '').slice(m.column - 1),
    ...lines.slice(m.line, m.endLine - 1),
    (lines[m.endLine - 1] ?? '').slice(0, m.endColumn - 1),
  ].join('\n');
}

/** Writes the scenario's generated files; returns the top-level paths it created, for removal. */
function writeGenerated(dir: string, files: Record<string, string> | undefined): string[] {
  const created = new Set<string>();
  for (const [rel, text] of Object.entries(files ?? {})) {
    // Remember the first folder (or the file) on the path that did not exist yet.
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const path = join(dir, ...parts.slice(0, i));
      if (!existsSync(path)) {
        created.add(path);
        break;
      }
    }
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return [...created];
}

function displayFile(cwd: string, file: string): string {
  return file === '<text>' ? file : resolve(cwd, file);
}

function valueAt(value: unknown, path: Array<string | number>): { found: boolean; value: unknown } {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, step)) return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[step];
  }
  return { found: true, value: v };
}

function checkJson(stdout: string, e: JsonExpect | undefined, cwd: string): void {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`stdout is not one JSON value (${(error as Error).message}):\n${stdout}`);
  }
  if (Array.isArray(data)) checkEslintShape(data);
  if (!e) return;

  for (const v of e.values ?? []) {
    const at = valueAt(data, v.path);
    if (v.absent) expect(at.found, `${JSON.stringify(v.path)} should be absent`).toBe(false);
    if ('equals' in v) {
      expect(at.found, `${JSON.stringify(v.path)} should be present`).toBe(true);
      expect(at.value, `${JSON.stringify(v.path)}`).toEqual(v.equals);
    }
  }

  const needsResults = ['results', 'filePaths', 'errorCount', 'warningCount', 'ruleCounts', 'first', 'messageKeys'].some((k) => k in e);
  if (!needsResults) return;
  expect(Array.isArray(data), 'stdout is an array of results').toBe(true);
  const results = data as Result[];
  const messages = results.flatMap((r) => r.messages.map((m) => ({ result: r, m })));

  if (e.results !== undefined) expect(results.length, 'number of results').toBe(e.results);
  if (e.filePaths) expect(results.map((r) => r.filePath), 'result file paths').toEqual(e.filePaths.map((f) => displayFile(cwd, f)));
  if (e.errorCount !== undefined) expect(results.reduce((n, r) => n + r.errorCount, 0), 'total errorCount').toBe(e.errorCount);
  if (e.warningCount !== undefined) expect(results.reduce((n, r) => n + r.warningCount, 0), 'total warningCount').toBe(e.warningCount);
  if (e.ruleCounts) {
    const counts: Record<string, number> = {};
    for (const { m } of messages) counts[String(m.ruleId)] = (counts[String(m.ruleId)] ?? 0) + 1;
    expect(counts, 'messages per rule id').toEqual(e.ruleCounts);
  }
  for (const key of e.messageKeys ?? []) {
    for (const { m } of messages) expect(Object.keys(m), `message ${m.ruleId}@${m.line}:${m.column} has "${key}"`).toContain(key);
  }
  for (const [ruleId, want] of Object.entries(e.first ?? {})) {
    const hit = messages.find(({ result, m }) => String(m.ruleId) === ruleId && (want.file === undefined || result.filePath === displayFile(cwd, want.file)));
    expect(hit, `a message from ${ruleId}${want.file ? ` in ${want.file}` : ''}`).toBeDefined();
    const { result, m } = hit!;
    const got: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const key of ['severity', 'line', 'column', 'endLine', 'endColumn'] as const) {
      if (want[key] !== undefined) {
        got[key] = m[key];
        expected[key] = want[key];
      }
    }
    if (want.text !== undefined) {
      got.text = textBetween(sourceOf(result), m);
      expected.text = want.text;
    }
    const suggestion = m.suggestions?.[0];
    if (want.suggestionRangeText !== undefined) {
      got.suggestionRangeText = suggestion && sourceOf(result).slice(suggestion.fix.range[0], suggestion.fix.range[1]);
      expected.suggestionRangeText = want.suggestionRangeText;
    }
    if (want.suggestionText !== undefined) {
      got.suggestionText = suggestion?.fix.text;
      expected.suggestionText = want.suggestionText;
    }
    expect(got, `first ${ruleId} message`).toEqual(expected);
  }
}

/** Every file under `dir` with its bytes, to compare a folder before and after a run. */
function snapshotFolder(dir: string, base = dir, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === '.git') continue;
    if (statSync(path).isDirectory()) snapshotFolder(path, base, out);
    else out.set(relative(base, path), readFileSync(path));
  }
  return out;
}

function checkFiles(sandbox: string, original: string, files: Scenario['files']): void {
  for (const [rel, e] of Object.entries(files ?? {})) {
    const path = join(sandbox, rel);
    if (e.absent) {
      expect(existsSync(path), `${rel} should not exist`).toBe(false);
      continue;
    }
    expect(existsSync(path), `${rel} should exist`).toBe(true);
    const bytes = readFileSync(path);
    const text = bytes.toString(e.encoding ?? 'utf8');
    if (e.equals !== undefined) expect(text, `${rel} contents`).toBe(e.equals);
    if (e.equalsFile !== undefined) expect(text, `${rel} should equal ${e.equalsFile}`).toBe(readFileSync(join(original, e.equalsFile), 'utf8'));
    if (e.unchanged) expect(bytes.equals(readFileSync(join(original, rel))), `${rel} should be unchanged`).toBe(true);
    for (const c of e.contains ?? []) expect(text, `${rel} should contain ${JSON.stringify(c)}`).toContain(c);
    for (const c of e.notContains ?? []) expect(text, `${rel} should not contain ${JSON.stringify(c)}`).not.toContain(c);
    if (e.values) {
      const data = JSON.parse(text) as unknown;
      for (const v of e.values) {
        const at = valueAt(data, v.path);
        if (v.absent) expect(at.found, `${rel} ${JSON.stringify(v.path)} should be absent`).toBe(false);
        if ('equals' in v) expect(at.value, `${rel} ${JSON.stringify(v.path)}`).toEqual(v.equals);
      }
    }
  }
}

function checkPreconditions(dir: string, preconditions: Scenario['preconditions']): void {
  for (const [file, p] of Object.entries(preconditions ?? {})) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const s of p.contains ?? []) expect(text.includes(s), `fixture ${file} should contain ${JSON.stringify(s)} (line endings rewritten by git?)`).toBe(true);
    if (p.startsWith !== undefined) expect(text.startsWith(p.startsWith), `fixture ${file} should start with ${JSON.stringify(p.startsWith)}`).toBe(true);
  }
}

function describeRun(run: CliRun): string {
  return `exit ${run.status}${run.signal ? ` (signal ${run.signal})` : ''}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
}

// ----------------------------------------------------------------

describe.concurrent('CLI scenarios (test/e2e/scenarios)', () => {
  beforeAll(assertBuilt);

  it('has scenarios to run', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    const dir = join(SCENARIOS, name);
    let scenario: Scenario;
    try {
      scenario = loadScenario(name);
    } catch (error) {
      // A broken scenario.json fails its own test instead of the whole file.
      it(name, () => {
        throw error;
      });
      continue;
    }
    const test = scenario.knownBug && process.env.REPLYLINT_E2E_KNOWN_BUGS !== 'run' ? it.fails : it;
    const title = scenario.knownBug ? `${name} (known bug: ${scenario.knownBug})` : name;

    test(
      title,
      async () => {
        // A sandbox is a copy of the scenario folder, so a run that writes leaves the repository alone.
        const root = scenario.sandbox ? join(mkdtempSync(join(tmpdir(), 'replylint-e2e-')), name) : dir;
        if (scenario.sandbox) cpSync(dir, root, { recursive: true });
        const created = writeGenerated(root, scenario.generated);
        const cwd = scenario.cwd ? join(root, scenario.cwd) : root;
        const env = scenario.env ? envWith(scenario.env) : envWith({ NO_COLOR: '1' });
        const runOnce = () => runCli(scenario.args, { cwd, env, stdin: scenario.stdin, timeoutMs: TIMEOUT_MS - 5_000 });
        let run: CliRun | undefined;
        let context = '';
        try {
          checkPreconditions(root, scenario.preconditions);
          for (const argv of scenario.setup ?? []) {
            const step = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' } });
            if (step.status !== 0) throw new Error(`setup step ${argv.join(' ')} failed: ${step.stderr || step.error?.message}`);
          }
          run = await runOnce();
          context = `replylint ${scenario.args.join(' ')} (in scenarios/${name}${scenario.cwd ? `/${scenario.cwd}` : ''})\n${describeRun(run)}`;
          try {
            expect(run.status, 'exit code').toBe(scenario.exitCode);
            checkStream('stdout', run.stdout, scenario.stdout);
            checkStream('stderr', run.stderr, scenario.stderr);
            if (scenario.json) checkJson(run.stdout, scenario.jsonExpect, cwd);
            checkFiles(root, dir, scenario.files);
            if (scenario.repeat) {
              const before = snapshotFolder(root);
              const again = await runOnce();
              context += `\n--- second run ---\n${describeRun(again)}`;
              expect(again.status, 'exit code of the second run').toBe(scenario.repeatExitCode ?? scenario.exitCode);
              const after = snapshotFolder(root);
              for (const [rel, bytes] of before) expect(after.get(rel)?.equals(bytes), `the second run changed ${rel}`).toBe(true);
            }
          } catch (error) {
            // Show the whole run next to the failed check: most failures need it.
            if (error instanceof Error) error.message = `${error.message}\n\n${context}`;
            throw error;
          }
        } finally {
          if (scenario.sandbox) rmSync(dirname(root), { recursive: true, force: true });
          else for (const path of created) rmSync(path, { recursive: true, force: true });
        }
      },
      TIMEOUT_MS,
    );
  }
});
