// ESLint's "compact" format: one grep-able line per problem, then the count.
import type { LintMessage, LintResult } from '../types.js';
import type { FormatterOptions } from './index.js';
import { countOf, joinParts, type FormatterParts } from './parts.js';
import { shownPath } from './paths.js';

/** `line L, col C, Error - message (ruleId)`: the part of a compact line after the path. */
export function describeMessage(m: LintMessage): string {
  const kind = m.fatal || m.severity === 2 ? 'Error' : 'Warning';
  // One problem, one line: a message that spans lines would break grep and line counts.
  const text = m.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `line ${m.line || 0}, col ${m.column || 0}, ${kind} - ${text}${m.ruleId ? ` (${m.ruleId})` : ''}`;
}

export const compactParts: FormatterParts = {
  file(result, _index, options) {
    if (result.messages.length === 0) return '';
    const path = shownPath(result.filePath, options);
    let out = '';
    for (const m of result.messages) out += `${path}: ${describeMessage(m)}\n`;
    return out;
  },
  end: (totals) => (totals.messages === 0 ? '' : `\n${countOf(totals.messages, 'problem')}\n`),
};

const formatCompactJoined = joinParts(compactParts);

export function formatCompact(results: LintResult[], options: Pick<FormatterOptions, 'displayPath' | 'cwd'>): string {
  return formatCompactJoined(results, { color: false, ...options });
}
