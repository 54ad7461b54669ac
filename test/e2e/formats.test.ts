// Every report format from the real binary, on the same files: SARIF validated against the
// published schema, GitHub workflow commands, compact lines, JUnit XML that parses, and the same
// problems in each as in the JSON output.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../format/sarif-schema.js';
import { elements, parseXml } from '../format/xml.js';
import { assertBuilt, envWith, runCli } from './run-cli.js';

const TIMEOUT_MS = 30_000;
const FILES: Record<string, string> = {
  'replies/late parcel.txt': 'Hi Sam,\n\nThe courier lost your parcel. You have to wait for the trace.\n',
  'replies/clean.md': 'I have refunded the shipping, and a new parcel leaves today.\n',
  'exports/macros.json': JSON.stringify({ macros: [{ id: 77, title: 'Refund, late', actions: [{ field: 'comment_value', value: "That's not possible, it's company policy." }] }] }, null, 2),
  'broken.json': '{"macros": [',
};

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-formats-'));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(['replies', 'exports', 'broken.json', ...args], { cwd: dir, env: envWith({ NO_COLOR: '1' }) });

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  fix?: unknown;
}
async function jsonProblems(): Promise<Array<{ file: string; m: JsonMessage }>> {
  const out = await run('--format', 'json');
  const results = JSON.parse(out.stdout) as Array<{ filePath: string; messages: JsonMessage[] }>;
  return results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath.slice(dir.length + 1), m })));
}

describe('report formats from the binary', () => {
  it(
    'sarif: valid SARIF 2.1.0 with one result per JSON problem, rule entries with docs links, and fixes',
    async () => {
      const [out, problems] = await Promise.all([run('--format', 'sarif'), jsonProblems()]);
      expect(out.status).toBe(2); // broken.json cannot be read
      const sarif = JSON.parse(out.stdout);
      expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
      const [runLog] = sarif.runs;
      expect(runLog.tool.driver.name).toBe('replylint');
      expect(runLog.results.map((r: { ruleId?: string }) => r.ruleId ?? null).sort()).toEqual(problems.map((p) => p.m.ruleId).sort());
      const uris = new Set(runLog.results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
      expect([...uris].sort()).toEqual(['broken.json', 'exports/macros.json', 'replies/late%20parcel.txt']);
      const rule = runLog.tool.driver.rules.find((r: { id: string }) => r.id === 'tone/you-have-to');
      expect(rule.helpUri).toBe('https://github.com/replylint/replylint/blob/main/docs/rules/tone/you-have-to.md');
      const withFix = runLog.results.filter((r: { fixes?: unknown[] }) => r.fixes?.length);
      expect(withFix.map((r: { ruleId: string }) => r.ruleId)).toEqual(['tone/you-have-to']);
      expect(runLog.invocations[0].executionSuccessful).toBe(false);
    },
    TIMEOUT_MS,
  );

  it(
    'github: one workflow command per problem, with file, position and rule',
    async () => {
      const [out, problems] = await Promise.all([run('--format', 'github'), jsonProblems()]);
      const commands = out.stdout.split('\n').filter((l) => l.startsWith('::'));
      expect(commands).toHaveLength(problems.length);
      const youHaveTo = problems.find((p) => p.m.ruleId === 'tone/you-have-to')!;
      expect(commands).toContainEqual(expect.stringMatching(new RegExp(`^::warning file=replies/late parcel\\.txt,line=${youHaveTo.m.line},col=${youHaveTo.m.column},endLine=\\d+,endColumn=\\d+,title=tone/you-have-to::`)));
      expect(commands.filter((c) => c.startsWith('::error ')).length).toBe(problems.filter((p) => p.m.severity === 2).length);
    },
    TIMEOUT_MS,
  );

  it(
    'compact: one line per problem and a total',
    async () => {
      const [out, problems] = await Promise.all([run('--format', 'compact'), jsonProblems()]);
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines.slice(0, -2)).toHaveLength(problems.length);
      for (const { file, m } of problems) {
        if (m.ruleId) expect(lines).toContainEqual(expect.stringContaining(`${file}: line ${m.line}, col ${m.column}, ${m.severity === 2 ? 'Error' : 'Warning'} - `));
      }
      expect(lines.at(-1)).toBe(`${problems.length} problems`);
    },
    TIMEOUT_MS,
  );

  it(
    'junit: XML that parses, a test case per problem and a passing one for a clean file',
    async () => {
      const [out, problems] = await Promise.all([run('--format', 'junit', '--output-file', 'reports/junit.xml'), jsonProblems()]);
      expect(out.stdout).toBe('');
      const xml = parseXml(readFileSync(join(dir, 'reports/junit.xml'), 'utf8'));
      const suites = elements(xml, 'testsuite');
      expect(suites).toHaveLength(4);
      const cases = suites.flatMap((s) => elements(s, 'testcase'));
      const failing = cases.filter((c) => elements(c, 'failure').length + elements(c, 'error').length > 0);
      expect(failing).toHaveLength(problems.length);
      expect(cases.length - failing.length).toBe(1); // clean.md
    },
    TIMEOUT_MS,
  );
});
