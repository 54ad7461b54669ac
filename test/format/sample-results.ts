// Hand-built results for the formatter tests: a LintResult with its counts, and typical messages.
import type { LintMessage, LintResult } from '../../src/types.js';

/** A result whose counts follow from its messages, as the engine computes them. */
export function result(filePath: string, messages: LintMessage[]): LintResult {
  const isError = (m: LintMessage) => m.fatal === true || m.severity === 2;
  return {
    filePath,
    messages,
    errorCount: messages.filter(isError).length,
    warningCount: messages.filter((m) => !isError(m)).length,
    fixableErrorCount: messages.filter((m) => isError(m) && m.fix).length,
    fixableWarningCount: messages.filter((m) => !isError(m) && m.fix).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
  };
}

/** A warning with a safe fix (and the same rewrite as a suggestion, as substitution rules give). */
export const youHaveTo: LintMessage = {
  ruleId: 'tone/you-have-to',
  severity: 1,
  message: '“You have to” reads as an order. Prefer “You can”.',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 12,
  fix: { range: [9, 20], text: 'You can' },
  suggestions: [{ desc: 'Replace with “You can”', fix: { range: [9, 20], text: 'You can' } }],
};

/** An error with a suggestion only, in a macro of an export. */
export const deadEnd: LintMessage = {
  ruleId: 'refusal/dead-end',
  severity: 2,
  message: '“We can’t do that” closes the door. Lead with what you can do instead',
  line: 4,
  column: 18,
  endLine: 4,
  endColumn: 34,
  macro: { id: '3601', title: 'Refund: out of stock' },
  suggestions: [{ desc: 'Rewrite', fix: { range: [70, 86], text: "Here's what I can do instead: [alternative]." } }],
};

/** A file that could not be read. */
export const syntaxError: LintMessage = {
  ruleId: null,
  severity: 2,
  fatal: true,
  message: 'Unexpected token "}" in JSON',
  line: 1,
  column: 9,
  endLine: 1,
  endColumn: 9,
};

/** A notice about the whole file: line 0. */
export const ignoredNotice: LintMessage = {
  ruleId: null,
  severity: 1,
  message: 'File ignored because of a matching ignore pattern.',
  line: 0,
  column: 0,
  endLine: 0,
  endColumn: 0,
};
