// Macro files of no particular help desk: bot configs, GitHub saved replies, Django fixtures,
// osTicket templates, lists of macro objects and flat title → text maps. Conservative: a root
// holding a config key (keys.ts NOT_REPLY_KEYS) is never read as replies.
import type { DataPath } from '../data/tree.js';
import {
  type Collector,
  type ExportShape,
  firstKey,
  idOf,
  isConfigLike,
  isObject,
  isProse,
  itemsOf,
  macroReply,
  type Obj,
  objectsOf,
  stringOf,
} from './common.js';
import { HTML_TEXT_KEYS, ID_KEYS, MACRO_LIST_KEYS, NOTE_KEYS, TEXT_KEYS, TITLE_KEYS } from './keys.js';
import type { ContentFormat } from './types.js';

/** The key of an object's reply text: a plain-text key before an HTML one (Django's `plain_text` before `html`). */
function textKey(item: Obj): { key: string; content?: ContentFormat } | undefined {
  const plain = TEXT_KEYS.find((key) => typeof item[key] === 'string' && (item[key] as string).trim() !== '');
  if (plain !== undefined) return { key: plain };
  const html = HTML_TEXT_KEYS.find((key) => typeof item[key] === 'string' && (item[key] as string).trim() !== '');
  if (html !== undefined) return { key: html, content: 'html' };
  const present = firstKey(item, [...TEXT_KEYS, ...HTML_TEXT_KEYS]);
  return present === undefined ? undefined : { key: present };
}

interface MacroOptions {
  /** the content format of the main text (undefined: guessed, HTML when it looks like HTML) */
  content?: ContentFormat;
  id?: string;
  /** the reply key's object when it is not the one holding the text (a Django record) */
  replyPath?: DataPath;
}

/**
 * Reads one macro object: its text, its `subject` (customer-visible, so linted too) and its
 * `notes` (for agents: internal).
 */
function readMacroObject(out: Collector, item: Obj, path: DataPath, options: MacroOptions = {}): void {
  const text = textKey(item);
  if (text === undefined) return;
  const id = options.id ?? ID_KEYS.map((key) => idOf(item[key])).find((v) => v !== undefined);
  const title = TITLE_KEYS.map((key) => stringOf(item[key])).find((v) => v !== undefined);
  const reply = macroReply(options.replyPath ?? path);
  const content = options.content ?? text.content;
  out.text(item[text.key], [...path, text.key], {
    role: 'agent',
    reply,
    ...(content ? { content } : {}),
    macro: { id, title, field: text.key },
    name: text.key,
  });
  // Read even when the text is blank: a template may hold only its admin notes.
  if (typeof item.subject === 'string') {
    out.text(item.subject, [...path, 'subject'], { role: 'agent', reply, content: 'text', macro: { id, title, field: 'subject' }, name: 'subject' });
  }
  const note = firstKey(item, NOTE_KEYS);
  if (note !== undefined) out.text(item[note], [...path, note], { role: 'internal', reply, macro: { id, title, field: note }, name: note });
}

/** Probot and dessant bot settings whose value is a comment the bot posts. */
const BOT_COMMENT = /^[a-z][A-Za-z0-9]*Comment$/;
/** Bot settings may repeat per kind of thread. */
const BOT_SECTIONS = ['issues', 'pulls'];

function botComments(value: unknown): Array<{ key: string; path: DataPath; value: unknown }> {
  if (!isObject(value)) return [];
  const out: Array<{ key: string; path: DataPath; value: unknown }> = [];
  const scan = (object: Obj, base: DataPath): void => {
    for (const [key, v] of Object.entries(object)) {
      if (BOT_COMMENT.test(key)) out.push({ key, path: [...base, key], value: v });
    }
  };
  scan(value, []);
  for (const section of BOT_SECTIONS) {
    const nested = value[section];
    if (isObject(nested)) scan(nested, [section]);
  }
  return out;
}

/**
 * GitHub bot configs (probot stale, no-response, lock, support-requests, welcome, request-info):
 * `markComment: >` and the like, Markdown. `false` disables a comment and `true` asks for the
 * bot's default: neither is text, and neither is worth a warning. A list (request-info) holds
 * alternatives, each its own reply.
 */
export const botConfig: ExportShape = {
  name: 'github-bot-config',
  containers: ['yaml', 'json'],
  matches(value) {
    return isObject(value) && !isConfigLike(value) && botComments(value).some((c) => typeof c.value === 'string' || Array.isArray(c.value));
  },
  read(value, out) {
    for (const comment of botComments(value)) {
      if (typeof comment.value === 'boolean') continue;
      const title = comment.path.join('.');
      const items = Array.isArray(comment.value) ? comment.value.map((v, i) => ({ value: v as unknown, path: [...comment.path, i] })) : [{ value: comment.value, path: comment.path }];
      for (const item of items) {
        out.text(item.value, item.path, { role: 'agent', reply: macroReply(item.path), content: 'markdown', macro: { title, field: comment.key }, name: comment.key });
      }
    }
  },
};

function isNamedBody(item: unknown): boolean {
  return isObject(item) && typeof item.name === 'string' && 'body' in item;
}

/** GitHub "refined saved replies" (`.github/replies.yml`): `replies: [{name, body}]`, Markdown. */
export const githubSavedReplies: ExportShape = {
  name: 'github-saved-replies',
  containers: ['yaml', 'json'],
  matches(value) {
    return isObject(value) && Array.isArray(value.replies) && value.replies.length > 0 && value.replies.every(isNamedBody);
  },
  read(value, out) {
    if (!isObject(value)) return;
    for (const { item, index } of objectsOf(value.replies)) {
      const path = ['replies', index];
      out.text(item.body, [...path, 'body'], { role: 'agent', reply: macroReply(path), content: 'markdown', macro: { title: stringOf(item.name), field: 'body' }, name: 'body' });
    }
  },
};

function isFixtureRecord(item: unknown): item is Obj {
  return isObject(item) && typeof item.model === 'string' && isObject(item.fields);
}

/**
 * Django fixtures (`[{model, pk, fields}]`): each record's `fields` read as a macro object, so
 * django-helpdesk's e-mail templates lint `plain_text` and leave its `html` twin alone.
 */
export const djangoFixture: ExportShape = {
  name: 'django-fixture',
  containers: ['json', 'yaml'],
  matches(value) {
    return Array.isArray(value) && value.length > 0 && value.every(isFixtureRecord);
  },
  read(value, out) {
    for (const { item, index } of objectsOf(value)) {
      if (!isObject(item.fields)) continue;
      readMacroObject(out, item.fields, [index, 'fields'], { ...(idOf(item.pk) !== undefined ? { id: idOf(item.pk) } : {}), replyPath: [index] });
    }
  },
};

function isOsTicketTemplate(item: unknown): item is Obj {
  if (!isObject(item)) return false;
  const template = 'notes' in item && typeof item.body === 'string' && (typeof item.subject === 'string' || typeof item.name === 'string');
  const canned = 'isenabled' in item && 'response' in item;
  const ticket = typeof item.message === 'string' && typeof item.subject === 'string' && ('deptId' in item || 'topicId' in item || 'source' in item);
  return template || canned || ticket;
}

/**
 * osTicket templates (YAML): e-mail and page templates (`subject`, `body`, `notes` for the
 * admin), canned responses (a list of `{title, response, notes}`) and system tickets
 * (`subject`, `message`). Bodies are HTML; `notes` are internal.
 */
export const osTicketTemplates: ExportShape = {
  name: 'osticket',
  containers: ['yaml', 'json'],
  matches(value) {
    return Array.isArray(value) ? value.length > 0 && value.every(isOsTicketTemplate) : isOsTicketTemplate(value);
  },
  read(value, out) {
    for (const { item, path } of itemsOf(value)) readMacroObject(out, item, path, { content: 'html' });
  },
};

/** An object that reads as one macro: a text, and a title or an id to know it by. */
function isMacroObject(item: Obj): boolean {
  if (isConfigLike(item)) return false;
  const text = textKey(item);
  return text !== undefined && typeof item[text.key] === 'string' && TITLE_KEYS.concat(ID_KEYS).some((key) => idOf(item[key]) !== undefined);
}

/** Mostly macro objects, with at least one text that is a sentence. */
function isMacroList(value: unknown): boolean {
  const items = objectsOf(value).filter(({ item }) => isMacroObject(item));
  const prose = items.some(({ item }) => {
    const text = textKey(item);
    return text !== undefined && isProse(String(item[text.key]));
  });
  return prose && items.length * 2 >= (Array.isArray(value) ? value.length : 0);
}

function macroListKey(value: Obj): string | undefined {
  return MACRO_LIST_KEYS.find((key) => isMacroList(value[key]));
}

/**
 * Macro objects: a list of them (`[{id, title, text}]`), a list under a key such as `macros`
 * or `replies`, or one macro per file (`{name, body}`).
 */
export const macroObjects: ExportShape = {
  name: 'macro-objects',
  containers: ['json', 'yaml', 'jsonl'],
  matches(value) {
    if (Array.isArray(value)) return isMacroList(value);
    if (!isObject(value) || isConfigLike(value)) return false;
    if (macroListKey(value) !== undefined) return true;
    const text = textKey(value);
    return text !== undefined && isMacroObject(value) && isProse(String(value[text.key]));
  },
  read(value, out) {
    const key = isObject(value) ? macroListKey(value) : undefined;
    if (isObject(value) && key !== undefined) {
      for (const { item, index } of objectsOf(value[key])) readMacroObject(out, item, [key, index]);
      return;
    }
    for (const { item, path } of itemsOf(value)) readMacroObject(out, item, path);
  },
};

/** Words in the texts of a flat map before it counts as replies rather than labels. */
const FLAT_MAP_MIN_WORDS = 5;

/**
 * A flat `{ "<title>": "<reply text>" }` map. Every value must be a string, most of them
 * sentences of some length, and most keys titles with spaces: message catalogues keyed by
 * identifiers ("cannot_find_module_2307") and translation files of labels stay out.
 */
export const flatMap: ExportShape = {
  name: 'title-text-map',
  containers: ['json', 'yaml'],
  matches(value) {
    if (!isObject(value) || isConfigLike(value)) return false;
    const entries = Object.entries(value);
    if (entries.length === 0 || !entries.every(([, v]) => typeof v === 'string')) return false;
    const long = entries.filter(([, v]) => (v as string).trim().split(/\s+/).length >= FLAT_MAP_MIN_WORDS).length;
    const titled = entries.filter(([key]) => /\S\s+\S/.test(key)).length;
    return long * 2 >= entries.length && titled * 2 >= entries.length;
  },
  read(value, out) {
    if (!isObject(value)) return;
    for (const [title, text] of Object.entries(value)) {
      out.text(text, [title], { role: 'agent', reply: macroReply([title]), macro: { title }, name: `"${title}"` });
    }
  },
};
