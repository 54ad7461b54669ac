import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import { formatStylish } from '../../src/format/stylish.js';
import type { LintResult } from '../../src/types.js';

const results: LintResult[] = [
  {
    filePath: '/replies/a.txt',
    messages: [
      {
        ruleId: 'refusal/dead-end',
        severity: 2,
        message: '“That is not possible” closes the door.',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 21,
        suggestions: [{ desc: 'Rewrite', fix: { range: [10, 31], text: "Here's what I can do instead: [alternative]." } }],
      },
      {
        ruleId: 'tone/you-have-to',
        severity: 1,
        message: '“You have to” reads as an order.',
        line: 12,
        column: 14,
        endLine: 12,
        endColumn: 25,
        fix: { range: [80, 91], text: 'You can' },
        suggestions: [{ desc: 'Replace', fix: { range: [80, 91], text: 'You can' } }],
      },
    ],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
  fatalErrorCount: 0,
  },
  { filePath: '/replies/clean.txt', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0 },
];

describe('stylish', () => {
  const out = formatStylish(results, { color: false, displayPath: (p) => p.replace('/replies/', '') });

  it('groups by file, aligns columns and skips clean files', () => {
    const lines = out.split('\n');
    expect(lines).toContain('a.txt');
    expect(out).not.toContain('clean.txt');
    const rows = lines.filter((l) => /^\s+\d+:\d+/.test(l));
    expect(rows).toHaveLength(2);
    // The rule ids line up in one column.
    expect(rows[0]!.indexOf('refusal/dead-end')).toBe(rows[1]!.indexOf('tone/you-have-to'));
    expect(rows[0]).toMatch(/^ {2}3:1 {4}error {4}“That/);
  });

  it('shows the rewrite under each message, a safe fix once, and the summary line', () => {
    expect(out).toContain("→ “Here's what I can do instead: [alternative].”");
    expect(out.match(/You can/g)).toHaveLength(1);
    expect(out).toContain('fix: “You can”');
    expect(out.trimEnd().split('\n').slice(-2)).toEqual(['✖ 2 problems (1 error, 1 warning)', '  0 errors and 1 warning potentially fixable with the `--fix` option.']);
  });

  it('says nothing about --fix when no problem has a safe fix', () => {
    const unfixable = formatStylish([{ ...results[0]!, messages: results[0]!.messages.slice(0, 1), warningCount: 0, fixableWarningCount: 0 }], { color: false });
    expect(unfixable).not.toContain('--fix');
  });

  it('has no escape codes without colour, and colours severities with it', () => {
    expect(out).not.toContain('\u001b[');
    expect(formatStylish(results, { color: true })).toContain('\u001b[31m');
  });

  it('prints nothing for clean results', () => {
    expect(formatStylish([results[1]!], { color: false })).toBe('');
  });
});

describe('json', () => {
  it('is the ESLint results array and nothing else', () => {
    expect(JSON.parse(formatJson(results))).toEqual(results);
  });
});
