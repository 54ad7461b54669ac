// ESLint's "stylish" look: results grouped by file, aligned columns, the rewrite under each message.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import type { LintResult } from '../types.js';

export interface StylishOptions {
  color: boolean;
  /** shown instead of the absolute path, e.g. relative to the working folder */
  displayPath?: (filePath: string) => string;
}

export function formatStylish(results: LintResult[], options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const show = options.displayPath ?? ((p: string) => p);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;

  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;

    // Widths are measured once per row: string-width is a measurable share of a large run's time.
    const rows = result.messages.map((m) => {
      const where = m.line ? `${m.line}:${m.column}` : '0:0';
      const text = m.message.replace(/\s*\.$/, '');
      return { m, where, kind: m.fatal || m.severity === 2 ? 'error' : 'warning', text, textWidth: stringWidth(text) };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const kindWidth = Math.max(...rows.map((r) => r.kind.length));
    const textWidth = Math.max(...rows.map((r) => r.textWidth));

    out += `\n${c.underline(show(result.filePath))}\n`;
    for (const r of rows) {
      const pad = (s: string, width: number, w: number) => s + ' '.repeat(Math.max(0, w - width));
      const kind = r.kind === 'error' ? c.red(pad(r.kind, r.kind.length, kindWidth)) : c.yellow(pad(r.kind, r.kind.length, kindWidth));
      out += `  ${c.dim(pad(r.where, r.where.length, whereWidth))}  ${kind}  ${pad(r.text, r.textWidth, textWidth)}  ${c.dim(r.m.ruleId ?? '')}`.trimEnd() + '\n';
      const indent = ' '.repeat(2 + whereWidth + 2 + kindWidth + 2);
      if (r.m.fix) out += `${indent}${c.green('fix:')} ${quote(r.m.fix.text)}\n`;
      for (const s of r.m.suggestions ?? []) {
        if (r.m.fix && s.fix.text === r.m.fix.text) continue;
        out += `${indent}${c.cyan('→')} ${quote(s.fix.text)}\n`;
      }
    }
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out += `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    // As ESLint says it: the count --fix would clear.
    const fixable = `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`;
    out += `${errors ? c.red.bold(fixable) : c.yellow.bold(fixable)}\n`;
  }
  return out;
}

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}
