// Reports written file by file. A formatter given as parts says what one file's result adds
// to the report and what follows the last file; the CLI writes each part as soon as it is
// made, so the report of a 100,000-file run is never one string in memory. The whole-report
// formatter is the parts joined, so both ways give the same bytes by construction.
import type { LintResult } from '../types.js';
import type { Formatter, FormatterOptions } from './index.js';

/** The run's counts, for the summary after the last file. */
export interface ReportTotals {
  files: number;
  /** messages shown (errors, warnings and notices alike) */
  messages: number;
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export interface FormatterParts {
  /** One file's part of the report; `index` is its place in the run, from 0. */
  file(result: LintResult, index: number, options: FormatterOptions): string;
  /** What follows the last file (a summary, a closing bracket). */
  end(totals: ReportTotals, options: FormatterOptions): string;
}

export function emptyTotals(): ReportTotals {
  return { files: 0, messages: 0, errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
}

export function addToTotals(totals: ReportTotals, result: LintResult): void {
  totals.files++;
  totals.messages += result.messages.length;
  totals.errors += result.errorCount;
  totals.warnings += result.warningCount;
  totals.fixableErrors += result.fixableErrorCount;
  totals.fixableWarnings += result.fixableWarningCount;
}

/** The whole report at once: every file's part, then the end. */
export function joinParts(parts: FormatterParts): Formatter {
  return (results, options) => {
    const totals = emptyTotals();
    let out = '';
    results.forEach((result, index) => {
      out += parts.file(result, index, options);
      addToTotals(totals, result);
    });
    return out + parts.end(totals, options);
  };
}

/** "3 problems", "1 problem". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
