// Bulk suppressions: recording, applying, pruning, and the file itself (read, validated, written).
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  recordSuppressions,
  serializeSuppressions,
  writeSuppressions,
  type SuppressionsFile,
} from '../../src/api/suppressions.js';
import { summarize } from '../../src/engine/lint-text.js';
import { ReplylintError, ReplylintErrors } from '../../src/errors.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { lint } from '../helpers.js';

const base = resolve('/project');
const refund = join(base, 'replies', 'refund.txt');
const macros = join(base, 'macros', 'zendesk.json');
const other = join(base, 'other.txt');

/** A message of `ruleId` on `line` (severity 2 unless given), optionally inside a macro. */
function msg(ruleId: string | null, line: number, more: Partial<LintMessage> = {}): LintMessage {
  return { ruleId, severity: 2, message: `problem on line ${line}`, line, column: 1, endLine: line, endColumn: 5, ...more };
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  return summarize(filePath, messages);
}

/** The "file:line:col: message" lines of the ReplylintError(s) `run` throws ([] when it does not throw). */
function failures(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ReplylintErrors) return error.errors.map((e) => e.format());
    if (error instanceof ReplylintError) return [error.format()];
    throw error;
  }
  return [];
}

const baseline: SuppressionsFile = {
  version: 1,
  files: {
    'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 2 }, 'blame/third-party': { count: 1 } } },
    'macros/zendesk.json': { macros: { '360001': { 'blame/third-party': { count: 1 } }, 'Late parcel': { 'refusal/dead-end': { count: 1 } } } },
    'other.txt': { rules: { 'tone/helpless': { count: 3 } } },
  },
};

describe('recordSuppressions', () => {
  it('counts errors and warnings per file and rule, and per macro inside an export', () => {
    const recorded = recordSuppressions({ version: 1, files: {} }, [
      result(refund, [msg('tone/you-have-to', 1, { severity: 1 }), msg('tone/you-have-to', 4, { severity: 1 }), msg('blame/third-party', 6)]),
      result(macros, [
        msg('blame/third-party', 3, { macro: { id: '360001', title: 'Refund' } }),
        msg('blame/third-party', 9, { macro: { id: '360001', title: 'Refund' } }),
        msg('refusal/dead-end', 12, { macro: { title: 'Late parcel' } }),
        msg('tone/helpless', 1),
      ]),
    ], base);
    expect(recorded).toEqual({
      version: 1,
      files: {
        'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 2 }, 'blame/third-party': { count: 1 } } },
        'macros/zendesk.json': {
          rules: { 'tone/helpless': { count: 1 } },
          macros: { '360001': { 'blame/third-party': { count: 2 } }, 'Late parcel': { 'refusal/dead-end': { count: 1 } } },
        },
      },
    });
  });

  it('never records fatal problems, notices without a rule, text from stdin, or clean files', () => {
    const recorded = recordSuppressions({ version: 1, files: {} }, [
      result(refund, [msg(null, 2, { severity: 1, message: 'not linted: no reply text' }), msg('tone/you-have-to', 3)]),
      result('<text>', [msg('tone/you-have-to', 1)]),
      result(other, []),
    ], base);
    expect(recorded).toEqual({ version: 1, files: { 'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 1 } } } } });
  });

  it('keys files outside the suppressions folder with "../"', () => {
    const recorded = recordSuppressions({ version: 1, files: {} }, [result(join(base, '..', 'shared', 'a.txt'), [msg('tone/helpless', 1)])], base);
    expect(Object.keys(recorded.files)).toEqual(['../shared/a.txt']);
  });

  it('replaces the entries of the files linted in this run and keeps the others', () => {
    const recorded = recordSuppressions(baseline, [result(refund, [msg('tone/helpless', 2)])], base);
    expect(recorded.files).toEqual({
      'replies/refund.txt': { rules: { 'tone/helpless': { count: 1 } } },
      'macros/zendesk.json': baseline.files['macros/zendesk.json'],
      'other.txt': baseline.files['other.txt'],
    });
    // A linted file with no problems left loses its entry.
    expect(Object.keys(recordSuppressions(baseline, [result(other, [])], base).files)).toEqual(['replies/refund.txt', 'macros/zendesk.json']);
  });

  it('with rules given, replaces only those rules\' entries, inside and outside macros', () => {
    const recorded = recordSuppressions(
      baseline,
      [
        result(refund, [msg('tone/you-have-to', 1), msg('tone/helpless', 2)]),
        result(macros, [msg('blame/third-party', 5, { macro: { id: '360002' } })]),
      ],
      base,
      ['blame/third-party'],
    );
    expect(recorded.files).toEqual({
      // you-have-to keeps its recorded 2 (not the 1 of now); helpless is not recorded; third-party is gone now.
      'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 2 } } },
      'macros/zendesk.json': { macros: { '360002': { 'blame/third-party': { count: 1 } }, 'Late parcel': { 'refusal/dead-end': { count: 1 } } } },
      'other.txt': { rules: { 'tone/helpless': { count: 3 } } },
    });
  });

  it('keeps the entries of a file that could not be read', () => {
    const unreadable = result(refund, [msg(null, 1, { fatal: true, message: 'binary file' })]);
    expect(recordSuppressions(baseline, [unreadable], base)).toEqual(baseline);
  });

  it('does not change the suppressions it is given', () => {
    const before = JSON.stringify(baseline);
    recordSuppressions(baseline, [result(refund, []), result(macros, [msg('tone/helpless', 1, { macro: { id: '360001' } })])], base, ['tone/helpless']);
    expect(JSON.stringify(baseline)).toBe(before);
  });
});

describe('applySuppressions', () => {
  it('hides a rule\'s problems while there are no more than recorded, and recounts the result', () => {
    const fixable = { range: [0, 4] as [number, number], text: 'You can' };
    const input = result(refund, [
      msg('tone/you-have-to', 1, { severity: 1, fix: fixable }),
      msg('refusal/dead-end', 2),
      msg('tone/you-have-to', 5, { severity: 1 }),
      msg('blame/third-party', 7, { fix: fixable }),
    ]);
    const applied = applySuppressions([input], baseline, base);
    expect(applied.suppressedCount).toBe(3);
    expect(applied.exceeded).toEqual([]);
    expect(applied.unused).toEqual([]);
    const [out] = applied.results;
    expect(out).toMatchObject({ errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0 });
    expect(out!.messages.map((m) => m.ruleId)).toEqual(['refusal/dead-end']);
    expect(out!.suppressedMessages!.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([
      ['tone/you-have-to', 1, [{ kind: 'file', justification: '' }]],
      ['tone/you-have-to', 5, [{ kind: 'file', justification: '' }]],
      ['blame/third-party', 7, [{ kind: 'file', justification: '' }]],
    ]);
    // The input is left as it was.
    expect(input.messages).toHaveLength(4);
    expect(input.errorCount).toBe(2);
  });

  it('reports all of a rule\'s problems, and says so, when there are more than recorded', () => {
    const applied = applySuppressions(
      [result(refund, [msg('tone/you-have-to', 1, { severity: 1 }), msg('tone/you-have-to', 2, { severity: 1 }), msg('tone/you-have-to', 3, { severity: 1 }), msg('blame/third-party', 4)])],
      baseline,
      base,
    );
    expect(applied.results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['tone/you-have-to', 1],
      ['tone/you-have-to', 2],
      ['tone/you-have-to', 3],
    ]);
    expect(applied.results[0]!.warningCount).toBe(3);
    expect(applied.results[0]!.errorCount).toBe(0);
    expect(applied.exceeded).toEqual([{ filePath: refund, ruleId: 'tone/you-have-to', count: 3, suppressed: 2 }]);
    expect(applied.suppressedCount).toBe(1);
  });

  it('counts per macro: editing one macro leaves the others suppressed, wherever they moved', () => {
    // Macro 360001 moved down the file (new lines), "Late parcel" gained a second dead end.
    const applied = applySuppressions(
      [
        result(macros, [
          msg('refusal/dead-end', 3, { macro: { title: 'Late parcel' } }),
          msg('refusal/dead-end', 4, { macro: { title: 'Late parcel' } }),
          msg('blame/third-party', 40, { macro: { id: '360001', title: 'Refund, renamed' } }),
        ]),
      ],
      baseline,
      base,
    );
    expect(applied.results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['refusal/dead-end', 3],
      ['refusal/dead-end', 4],
    ]);
    expect(applied.exceeded).toEqual([{ filePath: macros, macro: 'Late parcel', ruleId: 'refusal/dead-end', count: 2, suppressed: 1 }]);
    expect(applied.unused).toEqual([]);
  });

  it('does not let a problem in one macro use another macro\'s suppression', () => {
    const applied = applySuppressions([result(macros, [msg('blame/third-party', 2, { macro: { id: '360009' } })])], baseline, base);
    expect(applied.results[0]!.errorCount).toBe(1);
    expect(applied.unused).toEqual([
      { filePath: macros, macro: '360001', ruleId: 'blame/third-party', count: 1 },
      { filePath: macros, macro: 'Late parcel', ruleId: 'refusal/dead-end', count: 1 },
    ]);
  });

  it('returns the fixed problems of linted files as unused, and ignores files not linted in this run', () => {
    const applied = applySuppressions([result(refund, [msg('tone/you-have-to', 1, { severity: 1 })])], baseline, base);
    expect(applied.unused).toEqual([
      { filePath: refund, ruleId: 'tone/you-have-to', count: 1 },
      { filePath: refund, ruleId: 'blame/third-party', count: 1 },
    ]);
    expect(applied.results[0]!.messages).toEqual([]);
  });

  it('never hides fatal problems or notices without a rule, and finds nothing unused in a file that was not read', () => {
    const fatal = msg(null, 1, { fatal: true, message: 'syntax error' });
    const notice = msg(null, 0, { severity: 1, column: 0, endLine: 0, endColumn: 0, message: 'File ignored because of a matching ignore pattern.' });
    const applied = applySuppressions([result(refund, [fatal]), result(other, [notice])], baseline, base);
    expect(applied.results.map((r) => r.messages)).toEqual([[fatal], [notice]]);
    expect(applied.results[0]!.fatalErrorCount).toBe(1);
    expect(applied.unused).toEqual([]);
    expect(applied.suppressedCount).toBe(0);
  });

  it('leaves text from stdin and files without an entry as they were', () => {
    const stdin = result('<text>', [msg('tone/you-have-to', 1)]);
    const unlisted = result(join(base, 'new.txt'), [msg('tone/you-have-to', 1)]);
    const applied = applySuppressions([stdin, unlisted], { version: 1, files: { '<text>': { rules: { 'tone/you-have-to': { count: 1 } } } } }, base);
    expect(applied.results[0]).toBe(stdin);
    expect(applied.results[1]).toBe(unlisted);
    expect(applied.suppressedCount).toBe(0);
  });

  it('matches a file whatever the Unicode normalization of its name', () => {
    const decomposed = join(base, 'cafe\u0301.txt');
    const recorded = recordSuppressions({ version: 1, files: {} }, [result(decomposed, [msg('tone/helpless', 1)])], base);
    expect(Object.keys(recorded.files)).toEqual(['caf\u00e9.txt']);
    expect(applySuppressions([result(join(base, 'caf\u00e9.txt'), [msg('tone/helpless', 1)])], recorded, base).suppressedCount).toBe(1);
  });

  it('hides everything a real lint recorded, and reports a problem added later', async () => {
    const text = 'The courier lost your parcel.\n\nYou have to send it back.\n';
    const first = { ...(await lint(text, ['blame/third-party', 'tone/you-have-to'])), filePath: refund };
    expect(first.messages.map((m) => m.ruleId)).toEqual(['blame/third-party', 'tone/you-have-to']);
    const recorded = recordSuppressions({ version: 1, files: {} }, [first], base);
    expect(applySuppressions([first], recorded, base).results[0]!.messages).toEqual([]);
    const later = { ...(await lint(text + '\nThe courier broke it too.\n', ['blame/third-party', 'tone/you-have-to'])), filePath: refund };
    const applied = applySuppressions([later], recorded, base);
    expect(applied.results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['blame/third-party', 1],
      ['blame/third-party', 5],
    ]);
  });
});

describe('pruneSuppressions', () => {
  it('lowers counts to the problems left, removes what is gone, and keeps files not linted', () => {
    const pruned = pruneSuppressions(
      baseline,
      [
        result(refund, [msg('tone/you-have-to', 1), msg('tone/helpless', 2)]),
        result(macros, [msg('blame/third-party', 1, { macro: { id: '360001' } }), msg('blame/third-party', 2, { macro: { id: '360001' } })]),
      ],
      base,
    );
    expect(pruned).toEqual({
      version: 1,
      files: {
        // helpless was never recorded: pruning adds nothing.
        'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 1 } } },
        // 360001 now has 2, more than recorded: its count is not raised.
        'macros/zendesk.json': { macros: { '360001': { 'blame/third-party': { count: 1 } } } },
        'other.txt': { rules: { 'tone/helpless': { count: 3 } } },
      },
    });
  });

  it('removes a file whose problems are all fixed, and keeps one that could not be read', () => {
    const pruned = pruneSuppressions(baseline, [result(refund, []), result(other, [msg(null, 1, { fatal: true })])], base);
    expect(Object.keys(pruned.files)).toEqual(['macros/zendesk.json', 'other.txt']);
  });
});

describe('the suppressions file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'replylint-suppressions-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written with sorted keys, 2-space indent and a final newline', () => {
    const unsorted: SuppressionsFile = {
      version: 1,
      files: {
        'replies/refund.txt': { rules: { 'tone/you-have-to': { count: 2 }, 'blame/third-party': { count: 1 } } },
        'macros/zendesk.json': { rules: { 'tone/helpless': { count: 1 } }, macros: { 'Late parcel': { 'refusal/dead-end': { count: 1 } }, '360001': { 'blame/third-party': { count: 1 } } } },
      },
    };
    expect(serializeSuppressions(unsorted)).toBe(
      [
        '{',
        '  "version": 1,',
        '  "files": {',
        '    "macros/zendesk.json": {',
        '      "macros": {',
        '        "360001": {',
        '          "blame/third-party": {',
        '            "count": 1',
        '          }',
        '        },',
        '        "Late parcel": {',
        '          "refusal/dead-end": {',
        '            "count": 1',
        '          }',
        '        }',
        '      },',
        '      "rules": {',
        '        "tone/helpless": {',
        '          "count": 1',
        '        }',
        '      }',
        '    },',
        '    "replies/refund.txt": {',
        '      "rules": {',
        '        "blame/third-party": {',
        '          "count": 1',
        '        },',
        '        "tone/you-have-to": {',
        '          "count": 2',
        '        }',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('reads back what was written; a missing file reads as empty', () => {
    const file = join(dir, 'round-trip.json');
    expect(readSuppressions(file)).toEqual({ version: 1, files: {} });
    writeSuppressions(file, baseline);
    expect(readSuppressions(file)).toEqual(baseline);
  });

  it('keeps a file named like an Object.prototype member as a plain key', () => {
    const file = join(dir, 'proto.json');
    const recorded = recordSuppressions({ version: 1, files: {} }, [result(join(base, '__proto__'), [msg('tone/helpless', 1, { macro: { title: 'constructor' } })])], base);
    writeSuppressions(file, recorded);
    const read = readSuppressions(file);
    expect(Object.keys(read.files)).toEqual(['__proto__']);
    expect(applySuppressions([result(join(base, '__proto__'), [msg('tone/helpless', 1, { macro: { title: 'constructor' } })])], read, base).suppressedCount).toBe(1);
  });

  it('is replaced atomically, keeping its permissions, and leaves no temporary file', () => {
    const folder = join(dir, 'atomic');
    mkdirSync(folder);
    const file = join(folder, 'replylint-suppressions.json');
    writeFileSync(file, '{"version":1,"files":{}}');
    chmodSync(file, 0o640);
    writeSuppressions(file, baseline);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['replylint-suppressions.json']);
    expect(readFileSync(file, 'utf8')).toBe(serializeSuppressions(baseline));
  });

  it('creates its folder, and writes through a symbolic link to the file linked to', () => {
    const nested = join(dir, 'new', 'folder', 'baseline.json');
    writeSuppressions(nested, baseline);
    expect(readSuppressions(nested)).toEqual(baseline);
    if (process.platform === 'win32') return;
    const link = join(dir, 'link.json');
    symlinkSync(nested, link);
    writeSuppressions(link, { version: 1, files: {} });
    expect(readFileSync(nested, 'utf8')).toBe('{\n  "version": 1,\n  "files": {}\n}\n');
    expect(readdirSync(dir).includes('link.json')).toBe(true);
  });

  it('reports a JSON syntax error at its line and column', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "version": 1,\n  "files": {\n    "a.txt": { "rules": }\n  }\n}\n');
    expect(failures(() => readSuppressions(file))).toEqual([`${file}:4:25: syntax error: a value was expected (a trailing comma?)`]);
  });

  it('reports a wrong shape at the key that is wrong, every problem at once', () => {
    const file = join(dir, 'shape.json');
    writeFileSync(file, '{\n  "version": 1,\n  "files": {\n    "a.txt": { "rules": { "tone/helpless": { "count": 0 } } },\n    "b.txt": { "rulez": {} }\n  }\n}\n');
    expect(failures(() => readSuppressions(file))).toEqual([
      `${file}:4:55: "files.a.txt.rules.tone/helpless.count" must be >= 1`,
      `${file}:5:16: unknown key "rulez" in "files.b.txt"`,
    ]);
  });

  it('reports a version it does not know', () => {
    const file = join(dir, 'version.json');
    writeFileSync(file, '{ "version": 2, "files": {} }\n');
    expect(failures(() => readSuppressions(file))).toEqual([`${file}:1:14: "version" must be one of 1 (got 2)`]);
  });

  it('reports a suppressions path that cannot be read', () => {
    expect(failures(() => readSuppressions(dir))).toEqual([`${dir}: cannot read the suppressions file (EISDIR)`]);
  });
});
