// CSV exports (rows keyed by header): the Customer Support on Twitter shape, and any table whose
// text, title, id, speaker and conversation columns are named in the config or guessed from the
// header.
import type { DataPath } from '../data/tree.js';
import { booleanOf, conversationReply, type CsvColumns, type ExportShape, isObject, macroReply, type Obj, objectsOf, roleOfWord } from './common.js';
import { CONVERSATION_KEYS, HTML_TEXT_KEYS, ID_KEYS, SPEAKER_KEYS, TEXT_KEYS, TITLE_KEYS } from './keys.js';

function headerOf(value: unknown): string[] {
  const first = Array.isArray(value) ? value.find(isObject) : undefined;
  return first ? Object.keys(first) : [];
}

/** "Reply Text", "reply-text" and "replyText" all compare as "reply_text". */
function normalize(name: string): string {
  return name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

/**
 * The header column for one of `keys`: a column named as a key ("Body"), else one whose name
 * ends with it ("Reply Text", "Macro ID"); keys earlier in the list win.
 */
function guessColumn(header: string[], keys: readonly string[]): string | undefined {
  const names = header.map(normalize);
  for (const match of [(name: string, key: string) => name === key, (name: string, key: string) => name.endsWith(`_${key}`)]) {
    for (const key of keys) {
      const index = names.findIndex((name) => match(name, normalize(key)));
      if (index >= 0) return header[index];
    }
  }
  return undefined;
}

/** A configured column must exist: a typo would otherwise silently lint nothing. */
function configuredColumn(header: string[], name: string | undefined, setting: string): string | undefined {
  if (name === undefined) return undefined;
  if (!header.includes(name)) throw new Error(`CSV column "${name}" (input.csv.${setting}) is not in the header: ${header.map((h) => `"${h}"`).join(', ')}`);
  return name;
}

interface Columns {
  text: string;
  title?: string;
  id?: string;
  speaker?: string;
  conversation?: string;
}

function columnsOf(header: string[], csv: CsvColumns = {}): Columns | undefined {
  const pick = (setting: keyof CsvColumns, keys: readonly string[]): string | undefined =>
    csv[setting] !== undefined ? configuredColumn(header, csv[setting], setting) : guessColumn(header, keys);
  const text = pick('text', [...TEXT_KEYS, ...HTML_TEXT_KEYS]);
  if (text === undefined) return undefined;
  const columns: Columns = { text };
  const title = pick('title', TITLE_KEYS.filter((k) => k !== 'subject'));
  const id = pick('id', ID_KEYS);
  const speaker = pick('speaker', SPEAKER_KEYS);
  const conversation = pick('conversation', CONVERSATION_KEYS);
  if (title !== undefined) columns.title = title;
  if (id !== undefined) columns.id = id;
  if (speaker !== undefined) columns.speaker = speaker;
  if (conversation !== undefined) columns.conversation = conversation;
  return columns;
}

/** A non-empty cell. */
function cell(row: Obj, column: string | undefined): string | undefined {
  if (column === undefined) return undefined;
  const value = row[column];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return typeof value === 'number' ? String(value) : undefined;
}

/**
 * Any table with a text column. With a speaker column each row is a turn (role from the
 * speaker word: configured agents, customer words; a name counts as the customer) grouped by
 * the conversation column, or one reply per row without one; without a speaker column each
 * row is a macro.
 */
export const csvRows: ExportShape = {
  name: 'csv-rows',
  containers: ['csv'],
  matches(value, context) {
    if (!Array.isArray(value) || !value.some(isObject)) return false;
    // A configured text column is used even when missing: reading it says so.
    return context.csv?.text !== undefined || guessColumn(headerOf(value), [...TEXT_KEYS, ...HTML_TEXT_KEYS]) !== undefined;
  },
  read(value, out) {
    const columns = columnsOf(headerOf(value), out.context.csv);
    if (!columns) return;
    for (const { item: row, index } of objectsOf(value)) {
      const path: DataPath = [index, columns.text];
      const conversation = cell(row, columns.conversation);
      const reply = conversation !== undefined ? conversationReply(conversation, []) : macroReply([index]);
      const name = `column "${columns.text}"`;
      if (columns.speaker !== undefined) {
        const speaker = cell(row, columns.speaker);
        const role = speaker === undefined ? 'customer' : (roleOfWord(speaker, out.context.agents) ?? 'customer');
        if (role !== 'none') out.text(row[columns.text], path, { role, reply, speaker, name });
      } else {
        const macro = { id: cell(row, columns.id), title: cell(row, columns.title), field: columns.text };
        out.text(row[columns.text], path, { role: 'agent', reply, macro, name });
      }
    }
  },
};

const TWCS_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'text'];

/** pandas writes ids of a column with gaps as floats ("3.0"). */
function tweetId(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim().replace(/\.0$/, '');
}

/**
 * Customer Support on Twitter (TWCS): one tweet a row; `inbound` True is the customer, False
 * the brand. Replies are grouped into threads by following `in_response_to_tweet_id` to the
 * first tweet present in the file.
 */
export const twcs: ExportShape = {
  name: 'twcs',
  containers: ['csv'],
  matches(value, context) {
    // Columns named in the config are for the generic reader.
    const header = headerOf(value);
    return context.csv === undefined && TWCS_COLUMNS.every((c) => header.includes(c));
  },
  read(value, out) {
    const rows = objectsOf(value);
    const present = new Set(rows.map(({ item }) => tweetId(item.tweet_id)).filter((id): id is string => id !== undefined));
    const parent = new Map<string, string>();
    for (const { item } of rows) {
      const id = tweetId(item.tweet_id);
      const to = tweetId(item.in_response_to_tweet_id);
      if (id !== undefined && to !== undefined && present.has(to)) parent.set(id, to);
    }
    const rootOf = (id: string): string => {
      let current = id;
      // Follows answers up the thread; the step limit guards against a cycle in the data.
      for (let steps = 0; steps < rows.length; steps++) {
        const up = parent.get(current);
        if (up === undefined) break;
        current = up;
      }
      return current;
    };
    for (const { item: row, index } of rows) {
      const inbound = booleanOf(row.inbound);
      if (inbound === undefined) continue;
      const id = tweetId(row.tweet_id);
      const reply = id !== undefined ? conversationReply(rootOf(id), []) : macroReply([index]);
      const speaker = typeof row.author_id === 'string' ? row.author_id : undefined;
      out.text(row.text, [index, 'text'], { role: inbound ? 'customer' : 'agent', reply, content: 'text', speaker, name: 'column "text"' });
    }
  },
};
