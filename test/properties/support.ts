// Shared pieces of the property tests: random reply text, every built-in rule on, and the checks
// that must hold for any input (positions inside the file, ranges on character boundaries, fixes
// that change nothing but their ranges).
import fc from 'fast-check';
import { expect } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { applyFixes, lintAndFix, MAX_FIX_PASSES } from '../../src/fix/apply.js';
import type { Fix, LintMessage, LintResult } from '../../src/types.js';
import { builtinRegistry } from '../helpers.js';

/** Every built-in rule on, as a warning, as test/fix/apply.test.ts runs them. */
const allRules = { rules: Object.fromEntries(builtinRegistry.definitions().map((d) => [d.id, { severity: 1 as const, options: {} }])) };
export const lintOptions = (filePath: string) => ({ filePath, config: allRules, rules: builtinRegistry });

/** Words the built-in rules fire on, so runs exercise hits, suggestions and fixes, not only clean text. */
const TRIGGERS = [
  'you have to',
  'You have to',
  "You'll have to",
  'you must',
  'you need to',
  'not our fault',
  'Not our fault.',
  'the courier lost',
  'The courier lost your parcel.',
  "That's not possible.",
  'No, we don\u2019t sell that anymore.',
  'Unfortunately,',
  'Unfortunately',
  "I'll try to",
  'I will try to',
  'calm down',
  'As I already said,',
  'out of our hands',
  "I don't know",
  'sorry for any inconvenience',
  'It is no longer available.',
  'I can send a replacement, but it won\u2019t arrive before March.',
  'Instead, I can refund it.',
  'You should have checked',
  "it's company policy",
  'The system won\u2019t let me',
  "that's on the carrier's end",
  'Hi {{first_name}},',
  'Hello {%customer.firstName%},',
];

/** Things that break naive offset arithmetic or a container's syntax. */
const ODDITIES = [
  '{{',
  '}}',
  '{{ a }}',
  '{{ticket.requester.first_name}}',
  '{%',
  '%}',
  '{% if x %}',
  '<b>',
  '</b>',
  '<p>',
  '&amp;',
  '&',
  '**',
  '_',
  '`',
  '# ',
  '> ',
  '- ',
  '[',
  '](',
  '"',
  "'",
  '\\',
  ',',
  ';',
  ':',
  '#',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u00a0',
  '\u0301',
  'e\u0301',
  'שלום לך',
  'مرحبا بك',
  '👍🏽',
  '👨‍👩‍👧',
  '🇫🇷',
  '\ud83d',
  '\ude00',
  'Agent: ',
  'Customer: ',
  // replylint-disable comments are part of the input language too
  '<!-- replylint-disable -->',
];

const longWord = fc.integer({ min: 60, max: 400 }).chain((n) => fc.constantFrom('a', 'x\u0301', '😀', 'ש').map((c) => c.repeat(n)));

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TRIGGERS) },
  { weight: 4, arbitrary: fc.constantFrom(...ODDITIES) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom('the', 'order', 'refund', 'today', 'we', 'I', 'can', 'help', 'it', 'Hi', 'Thanks') },
  { weight: 1, arbitrary: longWord },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '. ', ', ', '\n', '\r\n', '\n\n', '! ', '? ');

/** A random reply: fragments (rule triggers, odd characters, random Unicode) and separators. */
export const replyText = fc
  .array(fc.tuple(piece, separator), { maxLength: 24 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** A file's text, sometimes with a byte-order mark. */
export const withBom = (text: fc.Arbitrary<string>) => fc.tuple(fc.boolean(), text).map(([bom, t]) => (bom ? '\uFEFF' + t : t));

/** A chat transcript: "Agent: …" / "Customer: …" lines (a turn's text may run over several lines). */
export const transcriptText = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('Agent', 'Customer', 'agent', 'Support'), replyText), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([turns, eol]) => turns.map(([who, said]) => `${who}: ${said}`).join(eol));

// ---------------------------------------------------------------------------
// Checks

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Not between the two halves of a surrogate pair. */
export function onBoundary(text: string, offset: number): boolean {
  return !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Line starts and lengths (without the line end), lines ending at \r\n, \n or \r. */
function linesOf(text: string): Array<{ start: number; length: number }> {
  const lines: Array<{ start: number; length: number }> = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, length: m.index - start });
    start = m.index + m[0].length;
  }
  lines.push({ start, length: text.length - start });
  return lines;
}

/** Assertion 2: every position is inside the file and on a character boundary; every edit range too. */
export function expectPositionsValid(input: string, result: LintResult): void {
  const text = stripBom(input);
  const lines = linesOf(text);
  const offsetOf = (m: LintMessage, line: number, column: number): number => {
    expect(Number.isInteger(line) && line >= 1 && line <= lines.length, `line ${line} of ${lines.length}: ${m.ruleId}`).toBe(true);
    const { start, length } = lines[line - 1]!;
    expect(Number.isInteger(column) && column >= 1 && column <= length + 1, `column ${column} on a line of ${length}: ${m.ruleId}`).toBe(true);
    const offset = start + column - 1;
    expect(onBoundary(text, offset), `position ${line}:${column} splits a surrogate pair: ${m.ruleId}`).toBe(true);
    return offset;
  };
  for (const m of result.messages) {
    const from = offsetOf(m, m.line, m.column);
    const to = offsetOf(m, m.endLine, m.endColumn);
    expect(m.endLine >= m.line && to >= from, `end before start: ${m.ruleId}`).toBe(true);
    for (const fix of editsOf(m)) expectRangeValid(text, fix, m);
  }
}

function expectRangeValid(text: string, { range: [start, end] }: Fix, m: LintMessage): void {
  expect(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `range [${start}, ${end}] of ${text.length}: ${m.ruleId}`).toBe(true);
  expect(onBoundary(text, start) && onBoundary(text, end), `range [${start}, ${end}] splits a surrogate pair: ${m.ruleId}`).toBe(true);
}

/** A message's fix and its suggestions' edits. */
export function editsOf(m: LintMessage): Fix[] {
  return [...(m.fix ? [m.fix] : []), ...(m.suggestions ?? []).map((s) => s.fix)];
}

/** One edit applied to the text (after any BOM). */
export function applyEdit(text: string, { range: [start, end], text: replacement }: Fix): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/**
 * One pass of fixes written independently of applyFixes: the non-overlapping fixes, in file
 * order (a fix starting at or before the end of an applied one waits), spliced in from the end.
 */
export function spliceFixes(text: string, messages: LintMessage[]): string {
  const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const chosen: Fix[] = [];
  for (const f of fixes) {
    const last = chosen.at(-1);
    if (!last || f.range[0] > last.range[1]) chosen.push(f);
  }
  return chosen.reduceRight(applyEdit, text);
}

/**
 * Assertions 4 and 5 for one input, given its first lint: lintAndFix's output is exactly the
 * passes of non-overlapping fixes, each computed on the previous pass's text; the fixed text
 * has no fixable message left; fixing it again changes nothing; a BOM is kept.
 */
export async function expectFixesExact(input: string, first: LintResult): Promise<void> {
  const options = lintOptions(first.filePath);
  const fixed = await lintAndFix(input, options);
  expectPositionsValid(fixed.output ?? input, fixed);

  // The passes, replayed: only fixed ranges change, and each pass fixes the previous pass's text.
  let text = stripBom(input);
  let result = first;
  for (let pass = 0; pass < MAX_FIX_PASSES && result.fatalErrorCount === 0 && result.messages.some((m) => m.fix); pass++) {
    const next = spliceFixes(text, result.messages);
    expect(applyFixes(text, result.messages).output).toBe(next);
    if (next === text) break;
    text = next;
    result = await lintText(text, options);
  }
  const bom = input.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  expect(fixed.output).toBe(text === stripBom(input) ? undefined : bom + text);
  expect(fixed.messages).toEqual(result.messages);

  expect(fixed.messages.filter((m) => m.fix).map((m) => m.ruleId)).toEqual([]);
  if (fixed.output !== undefined) {
    const again = await lintAndFix(fixed.output, options);
    expect(again.output).toBeUndefined();
  }
}
