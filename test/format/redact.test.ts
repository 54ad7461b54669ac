import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../src/format/index.js';
import { REDACTED_INPUT_MESSAGE, redactResults } from '../../src/format/redact.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { deadEnd, ignoredNotice, result, youHaveTo } from './sample-results.js';

const meta: Record<string, RuleMeta> = {
  'refusal/dead-end': { summary: 'A flat refusal that closes the door.' },
  'tone/you-have-to': { summary: '“You have to” reads as an order.' },
};

const blame: LintMessage = {
  ruleId: 'blame/third-party',
  severity: 2,
  message: '“The courier” is made responsible for “lost”. (macro “Parcel for Ms Example”, id 12)',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 16,
  macro: { id: '12', title: 'Parcel for Ms Example' },
  speaker: 'Sam Agent',
  docsUrl: 'https://example.org/blame/third-party',
  suggestions: [{ desc: 'Rewrite: “I’m sorry your parcel was lost.”', fix: { range: [40, 51], text: 'I’m sorry your parcel was lost.' } }],
};

const input = (message: string, fatal = false): LintMessage => ({ ruleId: null, severity: fatal ? 2 : 1, ...(fatal ? { fatal: true } : {}), message, line: 1, column: 1, endLine: 1, endColumn: 1 });

describe('redactResults', () => {
  it('replaces rule messages by the rule summary and drops rewrites, source, output, titles and speakers', () => {
    const r: LintResult = {
      ...result('/w/macros.json', [deadEnd, youHaveTo, blame]),
      input: { format: 'json: zendesk-macros', replies: 3, repliesWithProblems: 2 },
      source: 'That is not possible.',
      output: 'That is not possible.',
    };
    expect(redactResults([r], meta)).toEqual([
      {
        filePath: '/w/macros.json',
        messages: [
          { ruleId: 'refusal/dead-end', severity: 2, message: 'A flat refusal that closes the door.', line: 4, column: 18, endLine: 4, endColumn: 34, macro: { id: '3601' } },
          { ruleId: 'tone/you-have-to', severity: 1, message: '“You have to” reads as an order.', line: 2, column: 1, endLine: 2, endColumn: 12 },
          // A rule the meta does not know is named by its id.
          { ruleId: 'blame/third-party', severity: 2, message: 'blame/third-party', line: 3, column: 5, endLine: 3, endColumn: 16, macro: { id: '12' }, docsUrl: 'https://example.org/blame/third-party' },
        ],
        errorCount: 2,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 1,
        fatalErrorCount: 0,
        input: { format: 'json: zendesk-macros', replies: 3, repliesWithProblems: 2 },
      },
    ]);
  });

  it('drops a macro that has only a title', () => {
    const [r] = redactResults([result('/w/m.yaml', [{ ...deadEnd, macro: { title: 'Refund for Ms Example' } }])], meta);
    expect(r!.messages[0]).not.toHaveProperty('macro');
  });

  it('redacts suppressed messages the same way and keeps their suppressions', () => {
    const suppressions = [{ kind: 'file' as const, justification: 'baseline' }];
    const [r] = redactResults([{ ...result('/w/a.txt', []), suppressedMessages: [{ ...deadEnd, suppressions }] }], meta);
    expect(r!.suppressedMessages).toEqual([
      { ruleId: 'refusal/dead-end', severity: 2, message: 'A flat refusal that closes the door.', line: 4, column: 18, endLine: 4, endColumn: 34, macro: { id: '3601' }, suppressions },
    ]);
  });

  it('keeps input problems that quote nothing from the file, and replaces the others', () => {
    const kept = [
      ignoredNotice.message,
      'a comma was expected',
      'this line is not JSON: a string is not closed',
      'this row has 3 cells but the header has 2; the extra cells are ignored',
      'skipped: content.text is a number',
      "Unused replylint-disable directive (no problems were reported from 'tone/you-have-to').",
      "Unknown rule 'tone/nope' in replylint-disable-line directive.",
      'binary file (it contains NUL bytes): not linted',
      'no reply text found: not an export shape replylint knows (name the text fields with "input.fields" in the config)',
    ];
    const replaced = [
      // The YAML parser quotes the file.
      'Block scalar header includes extra characters: The courier lost your parcel at line 1, column 3:',
      // A headerless CSV's first row is a reply.
      'cannot read the file with the config\'s "input" settings: CSV column "body" (input.csv.text) is not in the header: "That is not possible."',
      // A key of a title → text map is a macro title.
      'skipped: no text at Refund for Ms Example',
    ];
    const [r] = redactResults([result('/w/a.yaml', [...kept, ...replaced].map((m) => input(m, true)))], meta);
    expect(r!.messages.map((m) => m.message)).toEqual([...kept, ...replaced.map(() => REDACTED_INPUT_MESSAGE)]);
    expect(r!.messages.every((m) => m.fatal === true && m.severity === 2)).toBe(true);
  });

  it('leaves the results it is given unchanged', () => {
    const original = result('/w/a.txt', [blame]);
    const copy = structuredClone(original);
    redactResults([original], meta);
    expect(original).toEqual(copy);
  });
});
