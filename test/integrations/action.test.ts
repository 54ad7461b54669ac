// The GitHub Action (action.yml and scripts/action/): its structure, and its steps run as the runner would, on fixture replies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixtures, isolatedEnv, REPO_ROOT, run, snapshotRepository, TempDirs } from './support.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  name: string;
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_TEXT = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(ACTION_TEXT) as Action;
const temps = new TempDirs();
afterAll(() => temps.removeAll());

/** Every string in a YAML value, with where it is. */
function strings(value: unknown, at: string): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

// ---- A small runner for this composite action: the expressions it uses, run steps through bash
// the way the runner does (a script file, `bash --noprofile --norc -eo pipefail`), GITHUB_OUTPUT
// files read back as step outputs. `uses` steps are recorded, not run (Node is already set up).

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  failed: boolean;
}

/** `inputs.x` or `steps.id.outputs.y`: the only expressions action.yml may use. */
function valueOf(expression: string, context: Context): string {
  const input = /^inputs\.([\w-]+)$/.exec(expression);
  if (input) {
    if (!(input[1]! in action.inputs)) throw new Error(`undeclared input: ${expression}`);
    return context.inputs[input[1]!]!;
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (output) return context.steps[output[1]!]?.[output[2]!] ?? '';
  throw new Error(`expression this test does not evaluate: ${expression}`);
}

function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => valueOf(expression, context));
}

/** A step's `if`: terms joined by &&, each always(), success(), or `value ==/!= 'literal'`. */
function shouldRun(condition: string | undefined, context: Context): boolean {
  if (condition === undefined) return !context.failed;
  let statusChecked = false;
  let result = true;
  for (const term of condition.split('&&').map((t) => t.trim())) {
    if (term === 'always()') {
      statusChecked = true;
      continue;
    }
    if (term === 'success()') {
      statusChecked = true;
      result &&= !context.failed;
      continue;
    }
    const comparison = /^(\S+) (==|!=) '(.*)'$/.exec(term);
    if (!comparison) throw new Error(`condition this test does not evaluate: ${term}`);
    const equal = valueOf(comparison[1]!, context) === comparison[3]!;
    result &&= comparison[2] === '==' ? equal : !equal;
  }
  return statusChecked ? result : result && !context.failed;
}

function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT line this test does not read: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

interface ActionRun {
  /** the job's result: the exit code of the step that failed, 0 when none did */
  status: number;
  outputs: Record<string, string>;
  /** the `uses` steps that would have run, with their evaluated `with` */
  used: Array<{ uses: string; with: Record<string, string> }>;
  /** what the run steps printed, stdout and stderr */
  log: string;
  runnerTemp: string;
}

/** Runs the action's steps in `workspace` with the given inputs; `jobEnv` is what the job's own `env:` would add. */
async function runAction(workspace: string, given: Record<string, string>, { actionPath = REPO_ROOT, jobEnv = {} }: { actionPath?: string; jobEnv?: Record<string, string> } = {}): Promise<ActionRun> {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default]));
  const context: Context = { inputs, steps: {}, failed: false };
  const runnerTemp = temps.make('replylint-runner-temp-');
  const used: ActionRun['used'] = [];
  let status = 0;
  let log = '';
  for (const [index, step] of action.runs.steps.entries()) {
    if (!shouldRun(step.if, context)) continue;
    if (step.uses) {
      used.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), context)])) });
      continue;
    }
    const script = join(runnerTemp, `step-${index}.sh`);
    const outputFile = join(runnerTemp, `step-${index}.output`);
    writeFileSync(script, step.run!);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, context)]));
    const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env: isolatedEnv({ ...jobEnv, ...stepEnv, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp }),
      timeoutMs: 9 * 60_000,
    });
    log += result.stdout + result.stderr;
    if (step.id) context.steps[step.id] = readOutputs(outputFile);
    if (result.status !== 0) {
      context.failed = true;
      status = result.status ?? 1;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, context)]));
  return { status, outputs, used, log, runnerTemp };
}

/** A checkout with the fixture replies: one that blames (error), one with a fixable order (warning), one clean. */
function workspace(files: Record<string, string> = { 'replies/late-parcel.txt': 'replies/late-parcel.txt', 'replies/restart-app.txt': 'replies/restart-app.txt', 'replies/password-reset.md': 'replies/password-reset.md' }): string {
  const dir = temps.make('replylint-action-workspace-');
  copyFixtures(dir, files);
  return dir;
}

const ERROR_ANNOTATION =
  '::error file=replies/late-parcel.txt,line=4,col=64,endLine=4,endColumn=77,title=blame/not-our-fault::“not our fault” tells the customer the problem is not ours to solve. Own it and say what you will do. Rewrite: “I\'m sorry about this, and I\'ll make it right: [what you will do].”';
const WARNING_ANNOTATION = /^::warning file=replies\/restart-app\.txt,line=4,col=1,endLine=4,endColumn=15,title=tone\/you-have-to::/m;

describe('action.yml', () => {
  it('is a composite action: set up Node, install, lint, upload SARIF, conclude', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => [s.id ?? null, s.uses ?? s.run])).toEqual([
      [null, 'actions/setup-node@v4'],
      ['install', 'bash "$GITHUB_ACTION_PATH/scripts/action/install.sh"'],
      ['lint', 'bash "$GITHUB_ACTION_PATH/scripts/action/lint.sh"'],
      [null, 'github/codeql-action/upload-sarif@v3'],
      [null, 'bash "$GITHUB_ACTION_PATH/scripts/action/conclude.sh"'],
    ]);
    for (const script of ['install.sh', 'lint.sh', 'conclude.sh']) expect(existsSync(join(REPO_ROOT, 'scripts/action', script)), script).toBe(true);
  });

  it('declares the inputs and outputs, with their defaults', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      path: '.',
      format: 'github',
      args: '',
      'max-warnings': '-1',
      'fail-on-problems': 'true',
      version: '',
      'node-version': '20',
    });
    for (const input of Object.values(action.inputs)) expect(input.required).toBe(false);
    expect(Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, output.value]))).toEqual({
      'sarif-file': '${{ steps.lint.outputs.sarif-file }}',
      'exit-code': '${{ steps.lint.outputs.exit-code }}',
    });
  });

  it('refers only to declared inputs and to steps that come earlier', () => {
    const inputRefs = [...ACTION_TEXT.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]!);
    expect(inputRefs.length).toBeGreaterThan(0);
    expect(inputRefs.filter((name) => !(name in action.inputs))).toEqual([]);
    // Every declared input is used somewhere.
    expect(Object.keys(action.inputs).filter((name) => !inputRefs.includes(name))).toEqual([]);
    action.runs.steps.forEach((step, index) => {
      const earlier = new Set(action.runs.steps.slice(0, index).map((s) => s.id));
      for (const [at, text] of strings(step, step.name)) {
        for (const m of text.matchAll(/\bsteps\.([\w-]+)\./g)) expect(earlier.has(m[1]!), `${at} refers to step ${m[1]}`).toBe(true);
      }
    });
    for (const output of Object.values(action.outputs)) {
      for (const m of output.value.matchAll(/\bsteps\.([\w-]+)\./g)) expect(action.runs.steps.some((s) => s.id === m[1])).toBe(true);
    }
  });

  it('gives every run step a shell, and passes values to scripts through env, never spliced into the script', () => {
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect(step.shell, step.name).toBe('bash');
      // An input spliced into `run` is a script injection; in `env` it is only a string.
      expect(step.run, step.name).not.toContain('${{');
    }
  });

  it('sets up Node 20 by default, and uploads to code scanning under its own category even after a failed step', () => {
    const [setup, , , upload] = action.runs.steps;
    expect(setup!.with).toEqual({ 'node-version': '${{ inputs.node-version }}' });
    expect(upload!.if).toBe("always() && inputs.format == 'sarif' && steps.lint.outputs.sarif-file != ''");
    expect(upload!.with).toEqual({ sarif_file: '${{ steps.lint.outputs.sarif-file }}', category: 'replylint' });
  });
});

describe('the action, run step by step', () => {
  it('format sarif: writes the SARIF file, hands it to the upload, then fails the job on the error', async () => {
    const result = await runAction(workspace(), { format: 'sarif' });
    expect(result.status, result.log).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
    const sarifFile = result.outputs['sarif-file']!;
    expect(sarifFile.startsWith(result.runnerTemp)).toBe(true);
    expect(sarifFile.endsWith('/replylint.sarif')).toBe(true);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(
      sarif.runs[0]!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn]),
    ).toEqual([
      ['blame/not-our-fault', 'error', 'replies/late-parcel.txt', 4, 64],
      ['tone/you-have-to', 'warning', 'replies/restart-app.txt', 4, 1],
    ]);
    expect(result.used).toEqual([
      { uses: 'actions/setup-node@v4', with: { 'node-version': '20' } },
      { uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: sarifFile, category: 'replylint' } },
    ]);
    expect(result.log).toContain(`replylint: 2 problem(s) (1 error(s), 1 warning(s)) in ${sarifFile}`);
    expect(result.log).toContain('replylint found problems (errors, or more warnings than max-warnings).');
  });

  it('format github (the default): prints an annotation per problem, uploads nothing, fails the job', async () => {
    const result = await runAction(workspace(), {});
    expect(result.status, result.log).toBe(1);
    expect(result.outputs).toEqual({ 'sarif-file': '', 'exit-code': '1' });
    expect(result.log.split('\n')).toContain(ERROR_ANNOTATION);
    expect(result.log).toMatch(WARNING_ANNOTATION);
    expect(result.used.map((u) => u.uses)).toEqual(['actions/setup-node@v4']);
  });

  it('fail-on-problems false: reports the exit code and lets the job go on', async () => {
    const result = await runAction(workspace(), { 'fail-on-problems': 'false' });
    expect(result.status, result.log).toBe(0);
    expect(result.outputs['exit-code']).toBe('1');
    expect(result.log.split('\n')).toContain(ERROR_ANNOTATION);
    expect(result.log).toContain('fail-on-problems is false, so the job goes on.');
  });

  it('max-warnings: warnings alone pass with no limit and fail over the limit', async () => {
    const files = { 'replies/restart-app.txt': 'replies/restart-app.txt', 'replies/password-reset.md': 'replies/password-reset.md' };
    const unlimited = await runAction(workspace(files), {});
    expect([unlimited.status, unlimited.outputs['exit-code']], unlimited.log).toEqual([0, '0']);
    expect(unlimited.log).toMatch(WARNING_ANNOTATION);
    const limited = await runAction(workspace(files), { 'max-warnings': '0' });
    expect([limited.status, limited.outputs['exit-code']], limited.log).toEqual([1, '1']);
    expect(limited.log).toContain('--max-warnings 0');
  });

  it('path and args: several paths on separate lines, globs passed unexpanded, extra options after them', async () => {
    const dir = workspace({
      'replies/late-parcel.txt': 'replies/late-parcel.txt',
      'replies/restart-app.txt': 'replies/restart-app.txt',
      'drafts/restart-app.txt': 'replies/restart-app.txt',
      'other/late-parcel.txt': 'replies/late-parcel.txt',
    });
    const result = await runAction(dir, { path: 'replies/*.txt\ndrafts', args: '--quiet --no-config-lookup' });
    expect(result.status, result.log).toBe(1);
    expect(result.log).toContain('replylint replies/*.txt drafts --format github --quiet --no-config-lookup');
    // --quiet drops the warnings (both files' tone/you-have-to); other/ was not named.
    expect(result.log.split('\n').filter((line) => line.startsWith('::'))).toEqual([ERROR_ANNOTATION]);
  });

  it('a run that fails (a missing path) fails the job even with fail-on-problems false, and uploads nothing', async () => {
    const result = await runAction(workspace(), { path: 'no-such-folder', format: 'sarif', 'fail-on-problems': 'false' });
    expect(result.status, result.log).toBe(2);
    expect(result.outputs).toEqual({ 'sarif-file': '', 'exit-code': '2' });
    expect(result.used.map((u) => u.uses)).toEqual(['actions/setup-node@v4']);
    expect(result.log).toContain('no-such-folder: no such file or directory');
    expect(result.log).toContain('::error title=replylint::replylint could not finish (exit code 2): see the lint step\'s log');
  });

  it('rejects a max-warnings or fail-on-problems value it cannot read', async () => {
    const warnings = await runAction(workspace(), { 'max-warnings': 'lots' });
    expect([warnings.status, warnings.outputs['exit-code']]).toEqual([2, '2']);
    expect(warnings.log).toContain('::error title=replylint::max-warnings must be -1 (no limit) or a whole number, not "lots"');
    const fail = await runAction(workspace(), { 'fail-on-problems': 'sometimes' });
    expect(fail.status).toBe(2);
    expect(fail.log).toContain('::error title=replylint::fail-on-problems must be true or false, not "sometimes"');
  });

  it(
    "builds the action's own checkout when dist/ is not there (dist/ is not committed), even in a NODE_ENV=production job, then lints",
    async () => {
      const checkout = temps.make('replylint-action-checkout-');
      snapshotRepository(checkout);
      expect(existsSync(join(checkout, 'dist'))).toBe(false);
      const result = await runAction(workspace(), { format: 'sarif', 'fail-on-problems': 'false' }, { actionPath: checkout, jobEnv: { NODE_ENV: 'production' } });
      expect(result.status, result.log).toBe(0);
      expect(existsSync(join(checkout, 'dist/cli/index.js'))).toBe(true);
      expect(result.outputs['exit-code']).toBe('1');
      expect(existsSync(result.outputs['sarif-file']!)).toBe(true);
    },
    10 * 60_000,
  );
});
