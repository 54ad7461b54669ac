// Large JSON Lines exports (contact-centre dumps of many conversations) are read as a stream:
// lines are grouped into conversations (one a line, or consecutive lines sharing a conversation
// id — in a streamed file one conversation's lines must be together, as exports write them),
// each group is linted by the pure core on its own, and positions are shifted back to the file.
// Memory holds one conversation at a time, however large the file.
import { createReadStream } from 'node:fs';
import { lintText, summarize, type LintTextOptions } from '../engine/lint-text.js';
import { CONVERSATION_KEYS } from '../sources/exports/keys.js';
import type { LintMessage, LintResult } from '../types.js';

// A conversation longer than this is linted in parts (a runaway group must not hold the file).
const MAX_GROUP_CHARS = 8 * 1024 * 1024;

interface Line {
  text: string;
  /** character offset of the line's start in the file */
  offset: number;
  /** 1-based line number */
  line: number;
}

export async function lintJsonLinesFile(file: string, options: Omit<LintTextOptions, 'filePath'>): Promise<LintResult> {
  const messages: LintMessage[] = [];
  let replies = 0;
  let repliesWithProblems = 0;
  let group: Line[] = [];
  let groupKey: string | undefined;
  let groupChars = 0;
  let format = 'jsonl';
  let read = false;

  const flush = async () => {
    if (group.length === 0) return;
    const first = group[0]!;
    const text = group.map((l) => l.text).join('');
    group = [];
    groupChars = 0;
    // A group with no reply text is a warning; the file as a whole is judged at the end.
    const result = await lintText(text, { ...options, filePath: file, foundByWalk: true });
    read ||= result.input !== undefined;
    replies += result.input?.replies ?? 0;
    repliesWithProblems += result.input?.repliesWithProblems ?? 0;
    if (result.input && result.input.replies > 0) format = result.input.format;
    for (const m of result.messages) messages.push(shift(m, first.line - 1, first.offset));
  };

  for await (const line of readLines(file)) {
    // A blank line belongs to the group it sits in.
    if (line.text.trim() === '' && group.length) {
      group.push(line);
      continue;
    }
    const key = conversationOf(line.text);
    if (group.length && (key === undefined || key !== groupKey || groupChars > MAX_GROUP_CHARS)) await flush();
    groupKey = key;
    group.push(line);
    groupChars += line.text.length;
  }
  await flush();

  const kept = messages.filter((m) => !(m.ruleId === null && m.message.startsWith('not linted: no reply text found')));
  // Judged for the file as a whole, as the core does for other files (see ReadOptions).
  if (read && replies === 0) {
    kept.unshift(
      options.foundByWalk
        ? { ruleId: null, severity: 1, message: 'not linted: no reply text found in this data file (name the text fields with "input.fields" in the config, or add the file to ignorePatterns)', line: 1, column: 1, endLine: 1, endColumn: 1 }
        : { ruleId: null, severity: 2, fatal: true, message: 'no reply text found: not an export shape replylint knows (name the text fields with "input.fields" in the config)', line: 1, column: 1, endLine: 1, endColumn: 1 },
    );
  }
  const result = summarize(file, kept);
  if (read) result.input = { format, replies, repliesWithProblems };
  return result;
}

/** The conversation a line belongs to, from its id field; undefined: a line of its own. */
function conversationOf(text: string): string | undefined {
  if (!CONVERSATION_KEYS.some((k) => text.includes(`"${k}"`))) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    for (const k of CONVERSATION_KEYS) {
      const id = value[k];
      if (typeof id === 'string' || typeof id === 'number') return `${k}=${id}`;
    }
  } catch {
    // a broken line is its own group: the core reports it with its position
  }
  return undefined;
}

function shift(m: LintMessage, lines: number, offset: number): LintMessage {
  const moved: LintMessage = { ...m, line: m.line + lines, endLine: m.endLine + lines };
  if (m.fix) moved.fix = { ...m.fix, range: [m.fix.range[0] + offset, m.fix.range[1] + offset] };
  if (m.suggestions) moved.suggestions = m.suggestions.map((s) => ({ ...s, fix: { ...s.fix, range: [s.fix.range[0] + offset, s.fix.range[1] + offset] } }));
  return moved;
}

/** The file's lines with their terminators, so offsets add up to the file's own. */
async function* readLines(file: string): AsyncGenerator<Line> {
  let pending = '';
  let offset = 0;
  let line = 1;
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = pending + (chunk as string);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl + 1);
      yield { text: piece, offset, line };
      offset += piece.length;
      line++;
      start = nl + 1;
    }
    pending = text.slice(start);
  }
  if (pending) yield { text: pending, offset, line };
}
