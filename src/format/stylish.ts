// ESLint's "stylish" look: results grouped by file, aligned columns, the rewrite under each message.
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { LintResult } from '../types.js';
import { countOf, joinParts, type FormatterParts } from './parts.js';

export interface StylishOptions {
  color: boolean;
  /** shown instead of the absolute path, e.g. relative to the working folder */
  displayPath?: (filePath: string) => string;
}

// One instance per colour setting: the report asks for one per file.
const PLAIN = new Chalk({ level: 0 });
const COLOURED = new Chalk({ level: 1 });
const chalkFor = (options: StylishOptions): ChalkInstance => (options.color ? COLOURED : PLAIN);

// Messages mostly repeat (a rule's message with a short quote), so their widths are remembered;
// the map is emptied when full, so a run over many files holds a bounded amount.
const WIDTHS = new Map<string, number>();
const WIDTHS_MAX = 5000;

/**
 * Characters one column wide that never join a neighbour into one grapheme: printable ASCII,
 * Latin-1 letters and the typographic quotes, dashes, bullet and ellipsis of rule messages. A text
 * of only these is as wide as it is long, which string-width would say too, after making an
 * Intl.Segmenter and compiling its emoji expression (~10 ms of a cold run that prints a report).
 */
export const ONE_COLUMN_TEXT = /^[\x20-\x7e\u00c0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]*$/;

export function widthOf(text: string): number {
  let width = WIDTHS.get(text);
  if (width === undefined) {
    if (WIDTHS.size >= WIDTHS_MAX) WIDTHS.clear();
    width = ONE_COLUMN_TEXT.test(text) ? text.length : stringWidth(text);
    WIDTHS.set(text, width);
  }
  return width;
}

// Columns are aligned within a file, so each file's block stands alone.
export const stylishParts: FormatterParts = {
  file(result, _index, options) {
    if (result.messages.length === 0) return '';
    const c = chalkFor(options);
    const show = options.displayPath ?? ((p: string) => p);

    // Widths are measured once per row and remembered: string-width is a measurable share of a
    // large run's time, and most rows repeat a rule's message.
    const rows = result.messages.map((m) => {
      const where = m.line ? `${m.line}:${m.column}` : '0:0';
      const text = m.message.replace(/\s*\.$/, '');
      return { m, where, kind: m.fatal || m.severity === 2 ? 'error' : 'warning', text, textWidth: widthOf(text) };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const kindWidth = Math.max(...rows.map((r) => r.kind.length));
    const textWidth = Math.max(...rows.map((r) => r.textWidth));

    let out = `\n${c.underline(show(result.filePath))}\n`;
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
    return out;
  },

  end({ errors, warnings, fixableErrors, fixableWarnings }, options) {
    const total = errors + warnings;
    if (total === 0) return '';
    const c = chalkFor(options);
    const paint = errors ? c.red.bold : c.yellow.bold;
    let out = `\n${paint(`\u2716 ${countOf(total, 'problem')} (${countOf(errors, 'error')}, ${countOf(warnings, 'warning')})`)}\n`;
    if (fixableErrors + fixableWarnings > 0) {
      // As ESLint says it: the count --fix would clear.
      out += `${paint(`  ${countOf(fixableErrors, 'error')} and ${countOf(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`)}\n`;
    }
    return out;
  },
};

export const formatStylish: (results: LintResult[], options: StylishOptions) => string = joinParts(stylishParts);

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}
