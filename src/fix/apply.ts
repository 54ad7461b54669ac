// Applying safe fixes to text (pure: no file system). Fixes that overlap are applied in passes,
// re-linting between them, until nothing changes or ten passes have run — as ESLint does.
import { lintText, type LintTextOptions } from '../engine/lint-text.js';
import { stripBom } from '../engine/positions.js';
import type { Fix, LintMessage, LintResult } from '../types.js';

/** ESLint's limit: a rule set that keeps producing fixes must not loop for ever. */
export const MAX_FIX_PASSES = 10;

export interface AppliedFixes {
  output: string;
  /** How many fixes were applied; the others overlapped an earlier one and wait for a later pass. */
  applied: number;
}

/**
 * Applies the messages' fixes that do not overlap, in file order. A fix that starts inside
 * (or right at the end of) one already applied is left for the next pass, when its range has
 * been recomputed on the new text.
 */
export function applyFixes(text: string, messages: Array<Pick<LintMessage, 'fix'>>): AppliedFixes {
  const fixes = messages
    .map((m) => m.fix)
    .filter((f): f is Fix => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let at = 0;
  let lastEnd = -1;
  let applied = 0;
  for (const { range: [start, end], text: replacement } of fixes) {
    if (start <= lastEnd || start < at || end > text.length || start > end) continue;
    output += text.slice(at, start) + replacement;
    at = end;
    lastEnd = end;
    applied++;
  }
  return { output: output + text.slice(at), applied };
}

export interface FixOptions {
  /** Which fixes to apply (default: all); the CLI's --quiet applies only errors' fixes. */
  filter?: (message: LintMessage) => boolean;
}

/**
 * Lints, applies the safe fixes, and lints again until stable: the result describes the
 * fixed text, with `output` set when anything changed (as ESLint's results do).
 */
export async function lintAndFix(input: string, options: LintTextOptions, { filter = () => true }: FixOptions = {}): Promise<LintResult> {
  const bom = input.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let text = stripBom(input);
  let result = await lintText(text, options);
  let changed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    // A file that could not be read is never rewritten.
    if (result.fatalErrorCount > 0) break;
    const fixable = result.messages.filter((m) => m.fix && filter(m));
    if (fixable.length === 0) break;
    const { output, applied } = applyFixes(text, fixable);
    if (applied === 0 || output === text) break;
    text = output;
    changed = true;
    result = await lintText(text, options);
  }
  if (changed) result.output = bom + text;
  return result;
}
