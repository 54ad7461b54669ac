// What every export detector shares: the collector of fields and skipped values, small readers
// for plain data (objects, lists, ids), speaker words → roles, and the HTML guess.
import type { InputOptions } from '../../types.js';
import type { DataPath } from '../data/tree.js';
import { CUSTOMER_WORDS, INTERNAL_WORDS, NOT_PROSE_WORDS, NOT_REPLY_KEYS } from './keys.js';
import type { ContentFormat, ExportField, ExportReading, MacroInfo, Role } from './types.js';

export type Container = 'json' | 'jsonl' | 'yaml' | 'csv';
export type Obj = Record<string, unknown>;

/** One export shape: a cheap structural test, and a reader that tolerates any value. */
export interface ExportShape {
  name: string;
  /** the containers the shape is tried for when detecting (a forced shape runs anywhere) */
  containers: Container[];
  matches(value: unknown, context: ReadContext): boolean;
  read(value: unknown, out: Collector): void;
}

/** CSV column names from the config (`input.csv`). */
export type CsvColumns = NonNullable<InputOptions['csv']>;

/** What a reader may consult besides the value. */
export interface ReadContext {
  /** lower-case speaker names and roles counted as agents */
  agents: string[];
  csv?: CsvColumns;
}

interface TextOptions {
  role: Role;
  reply: string;
  /** the content format; undefined: HTML when the text looks like HTML, else plain text */
  content?: ContentFormat;
  macro?: MacroInfo;
  speaker?: string;
  /** the key name used in a skip reason ("comment_value is a number") */
  name: string;
}

/** Collects the fields a reader finds and the values it cannot read. */
export class Collector {
  readonly fields: ExportField[] = [];
  readonly skipped: Array<{ path: DataPath; reason: string }> = [];

  constructor(readonly context: ReadContext) {}

  /**
   * Records the string `value` at `path` as a field. Absent values (undefined, null) and blank
   * strings are nothing to lint and are dropped; any other type is recorded as skipped.
   * Returns whether a field was recorded.
   */
  text(value: unknown, path: DataPath, options: TextOptions): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'string') {
      this.skip(path, `${options.name} is ${kindOf(value)}`);
      return false;
    }
    if (value.trim() === '') return false;
    const field: ExportField = {
      path,
      content: options.content ?? (looksLikeHtml(value) ? 'html' : 'text'),
      role: options.role,
      reply: options.reply,
    };
    if (options.macro) field.macro = withoutEmpty(options.macro);
    if (options.speaker !== undefined && options.speaker !== '') field.speaker = options.speaker;
    this.fields.push(field);
    return true;
  }

  skip(path: DataPath, reason: string): void {
    this.skipped.push({ path, reason });
  }

  reading(format: string): ExportReading | undefined {
    if (this.fields.length === 0 && this.skipped.length === 0) return undefined;
    return { format, fields: this.fields, skipped: this.skipped };
  }
}

function withoutEmpty(macro: MacroInfo): MacroInfo {
  const out: MacroInfo = {};
  // YAML block scalars end titles with a line break; titles are matched by ignoreMacros globs.
  const id = macro.id?.trim();
  const title = macro.title?.trim();
  if (id) out.id = id;
  if (title) out.title = title;
  if (macro.field !== undefined) out.field = macro.field;
  return out;
}

/** One of several keys holding the same reply in different forms. */
export interface Variant {
  key: string;
  content: ContentFormat;
}

/**
 * Reads the first variant holding a non-blank string: help desks store one reply twice (HTML
 * and a derived plain copy), and linting both would double every finding. When none holds a
 * string, the first present one is passed on, so an odd type is reported as skipped.
 */
export function readOneOf(
  out: Collector,
  item: Obj,
  path: DataPath,
  variants: Variant[],
  options: { role: Role; reply: string; macro?: { id?: string | undefined; title?: string | undefined }; speaker?: string | undefined },
): boolean {
  const chosen =
    variants.find(({ key }) => typeof item[key] === 'string' && (item[key] as string).trim() !== '') ??
    variants.find(({ key }) => item[key] !== undefined && item[key] !== null);
  if (!chosen) return false;
  const { key, content } = chosen;
  return out.text(item[key], [...path, key], {
    role: options.role,
    reply: options.reply,
    content,
    ...(options.macro ? { macro: { ...options.macro, field: key } } : {}),
    ...(options.speaker !== undefined ? { speaker: options.speaker } : {}),
    name: key,
  });
}

/** "a number", "an array", "an object", "a boolean" — for skip reasons. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

// Tags that only occur in HTML; a lone "<" or "<placeholder>" in plain text does not count.
const HTML_TAG =
  /<\/?(?:p|br|div|span|a|b|i|u|em|strong|ul|ol|li|h[1-6]|table|tbody|thead|tr|td|th|blockquote|img|hr|font|pre|code|section|center|small|sup|sub)(?:\s[^<>]*)?\/?>/i;

/** Whether a text is written in HTML (a known tag anywhere in it). */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object items of a list (other items are ignored by the detectors). */
export function objectsOf(value: unknown): Array<{ item: Obj; index: number }> {
  if (!Array.isArray(value)) return [];
  const out: Array<{ item: Obj; index: number }> = [];
  value.forEach((item, index) => {
    if (isObject(item)) out.push({ item, index });
  });
  return out;
}

/** The object items of a list with their paths, or the one object at the root. */
export function itemsOf(value: unknown): Array<{ item: Obj; path: DataPath }> {
  if (Array.isArray(value)) return objectsOf(value).map(({ item, index }) => ({ item, path: [index] }));
  return isObject(value) ? [{ item: value, path: [] }] : [];
}

/** A string or number property as a string (ids are numbers in most APIs). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The first of `keys` that the object holds (any value but undefined). */
export function firstKey(object: Obj, keys: readonly string[]): string | undefined {
  return keys.find((key) => object[key] !== undefined);
}

/** Whether a config, manifest or schema key marks this object as not a reply file. */
export function isConfigLike(object: Obj): boolean {
  return NOT_REPLY_KEYS.some((key) => key in object);
}

/** Whether a text reads like a sentence rather than a code, a label or a file name. */
export function isProse(text: string): boolean {
  return text.trim().split(/\s+/).length >= 3;
}

/**
 * The role a speaker word or name stands for: a configured agent name, then the customer,
 * internal and not-prose words. Undefined when the word is none of those (a person's name).
 */
export function roleOfWord(word: string, agents: string[]): Role | 'none' | undefined {
  const lower = word.trim().toLowerCase();
  if (agents.includes(lower)) return 'agent';
  if (CUSTOMER_WORDS.includes(lower)) return 'customer';
  if (INTERNAL_WORDS.includes(lower)) return 'internal';
  if (NOT_PROSE_WORDS.includes(lower)) return 'none';
  return undefined;
}

/** true/false as JSON booleans or as the strings CSV and pandas write ("True", "false"). */
export function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path written as a selector ("$.macros[0]['raw title']"), for reply keys and messages; the
 * selectors in selectors.ts read it back.
 */
export function formatPath(path: DataPath): string {
  let out = '$';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (IDENTIFIER.test(step)) out += `.${step}`;
    else out += `['${step.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** The reply key of a macro (or any one-object reply): where the object is. */
export function macroReply(path: DataPath): string {
  return `macro:${formatPath(path)}`;
}

/** The reply key of a conversation: its id when it has one, else where it is. */
export function conversationReply(id: string | undefined, path: DataPath): string {
  return `conversation:${id ?? formatPath(path)}`;
}
