// GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff.
import type { LintMessage, LintResult } from '../types.js';
import type { FormatterOptions } from './index.js';
import { countOf, joinParts, type FormatterParts } from './parts.js';
import { shownPath } from './paths.js';

/** The toolkit's escaping of a command's message (@actions/core escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The toolkit's escaping of a property value (@actions/core escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubParts: FormatterParts = {
  file(result, _index, options) {
    // Annotations name files relative to the repository, with forward slashes on every system.
    const file = shownPath(result.filePath, options).replace(/\\/g, '/');
    let out = '';
    for (const m of result.messages) out += command(file, m) + '\n';
    return out;
  },
  // A plain line: the runner shows it in the log and makes no annotation of it.
  end: ({ errors, warnings }) => (errors + warnings === 0 ? '' : `${countOf(errors + warnings, 'problem')} (${countOf(errors, 'error')}, ${countOf(warnings, 'warning')})\n`),
};

const formatGithubJoined = joinParts(githubParts);

export function formatGithub(results: LintResult[], options: Pick<FormatterOptions, 'displayPath' | 'cwd'>): string {
  return formatGithubJoined(results, { color: false, ...options });
}

function command(file: string, m: LintMessage): string {
  const props: Array<[string, string | number]> = [['file', file]];
  // Line 0 is the whole file: an annotation without a line. Columns only make sense on one line.
  if (m.line >= 1) {
    const oneLine = m.endLine === m.line;
    props.push(['line', m.line]);
    if (oneLine && m.column >= 1) props.push(['col', m.column]);
    if (m.endLine >= m.line) props.push(['endLine', m.endLine]);
    if (oneLine && m.column >= 1 && m.endColumn >= m.column) props.push(['endColumn', m.endColumn]);
  }
  if (m.ruleId) props.push(['title', m.ruleId]);
  const kind = m.fatal || m.severity === 2 ? 'error' : 'warning';
  const list = props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${kind} ${list}::${escapeData(annotationText(m))}`;
}

/** The message, then the first rewrite: an annotation has no other place for it. */
function annotationText(m: LintMessage): string {
  const rewrite = m.suggestions?.[0]?.fix.text ?? m.fix?.text;
  if (rewrite === undefined) return m.message;
  const message = m.message.trimEnd();
  const stop = /[.!?…]$/.test(message) ? '' : '.';
  return `${message}${stop} Rewrite: “${rewrite.replace(/\s+/g, ' ').trim()}”`;
}
