// JSON (comments tolerated, as jsonc does) as a DataTree: jsonc-parser gives each node's offset,
// and string literals are decoded here from the raw file text so every character maps back exactly.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { LocatedText } from '../located.js';
import { jsonString } from '../encode.js';
import { SegmentBuilder } from '../segment.js';
import { checkNesting, DataSyntaxError, type DataPath, type DataTree } from './tree.js';

/** Parses a whole JSON file. A syntax error throws DataSyntaxError at the first error's offset. */
export function parseJsonTree(text: string): DataTree {
  checkNesting(text, 0, text.length);
  return parseJsonSlice(text, 0, text.length);
}

/**
 * Parses `text.slice(start, end)` as one JSON value, with every offset (errors included) given in
 * `text`: JSON Lines reads each line this way.
 */
export function parseJsonSlice(text: string, start: number, end: number): DataTree {
  const source = text.slice(start, end);
  const strict = strictJsonTree(text, source, start);
  if (strict) return strict;
  const errors: ParseError[] = [];
  // Trailing commas stay errors: JSON.parse, and every help-desk export, rejects them.
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: false });
  const problem = errors[0];
  if (problem || !root) {
    if (source.trim() === '') throw new DataSyntaxError('the file is empty', start);
    throw new DataSyntaxError(describeJsonError(problem), start + (problem?.offset ?? 0));
  }
  return {
    value: jsonValue(root),
    stringAt(path) {
      const node = nodeAt(root, path);
      return node?.type === 'string' ? decodeJsonString(text, start + node.offset, start + node.offset + node.length) : undefined;
    },
    offsetOf(path, key = false) {
      const node = nodeAt(root, path);
      if (!node) return 0;
      // An array element has no name: its own start is the closest thing.
      return start + (key && node.parent?.type === 'property' ? node.parent.offset : node.offset);
    },
    problems: [],
  };
}

// jsonc-parser's error codes in words; config and rule files (src/schema/data-file.ts) use them too.
const JSON_ERRORS: Record<string, string> = {
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected (a trailing comma?)',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace } was expected',
  CloseBracketExpected: 'a closing bracket ] was expected',
  EndOfFileExpected: 'the file should end here',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidSymbol: 'this is not valid JSON (strings and keys need double quotes)',
  InvalidCharacter: 'a string contains a raw control character (write a tab as \\t, a line break as \\n)',
  InvalidEscapeCharacter: 'a string contains an unknown escape (a backslash must be written \\\\)',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  UnexpectedEndOfComment: 'a comment is not closed',
};

/** A jsonc-parser error code ("CommaExpected") in words. */
export function jsonErrorMessage(code: string): string {
  return JSON_ERRORS[code] ?? code;
}

function describeJsonError(problem: ParseError | undefined): string {
  return problem ? jsonErrorMessage(printParseErrorCode(problem.error)) : 'a value was expected';
}

/** The value JSON.parse would give (the last of duplicate keys wins; "__proto__" is a plain key). */
export function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, p.children![1] ? jsonValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

/** The node at `path`; with duplicate keys the last one, as in the value. */
function nodeAt(root: JsonNode, path: DataPath): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (node.type === 'array') node = typeof step === 'number' ? node.children?.[step] : undefined;
    else if (node.type === 'object') node = propertiesOf(node).get(String(step));
    else return undefined;
  }
  return node;
}

// Each object's values by key, built when first asked: callers visit every key of objects with
// thousands of them, which a search per step would make quadratic.
const propertyMaps = new WeakMap<JsonNode, Map<string, JsonNode>>();

function propertiesOf(object: JsonNode): Map<string, JsonNode> {
  let properties = propertyMaps.get(object);
  if (!properties) {
    // Set in order, so the last of duplicate keys wins.
    properties = new Map((object.children ?? []).map((p) => [p.children![0]!.value as string, p.children![1]!]));
    propertyMaps.set(object, properties);
  }
  return properties;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the string literal text[literalStart, literalEnd) (quotes included), which the parser
 * has already checked. Runs between escapes are copied; an escape maps to its backslash, and an
 * end offset just after it to just past the raw escape.
 */
function decodeJsonString(text: string, literalStart: number, literalEnd: number): LocatedText {
  // Offsets below are in `raw`; the literal alone is searched, so decoding stays linear in its size.
  const raw = text.slice(literalStart, literalEnd);
  const close = raw.length - 1;
  const builder = new SegmentBuilder();
  let run = 1;
  for (let i = raw.indexOf('\\', run); i >= 0; i = raw.indexOf('\\', run)) {
    builder.addExact(raw.slice(run, i), literalStart + run);
    const kind = raw[i + 1]!;
    let decoded = SIMPLE_ESCAPES[kind];
    let rawEnd = i + 2;
    if (kind === 'u') {
      const unit = parseInt(raw.slice(i + 2, i + 6), 16);
      const low = raw.startsWith('\\u', i + 6) ? parseInt(raw.slice(i + 8, i + 12), 16) : NaN;
      // A surrogate pair is one character: both escapes (12 raw characters) stand for it whole.
      const pair = unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
      decoded = pair ? String.fromCharCode(unit, low) : String.fromCharCode(unit);
      rawEnd = pair ? i + 12 : i + 6;
    }
    builder.addReplaced(decoded!, literalStart + i, literalStart + rawEnd);
    run = rawEnd;
  }
  builder.addExact(raw.slice(run, close), literalStart + run);
  const segment = builder.build('');
  // An empty string has no pieces to map: every offset is the place between the quotes.
  return { text: segment.text, toSource: builder.length > 0 ? segment.toSource : () => literalStart + 1, encode: jsonString };
}

/**
 * Strict JSON (what JSON.parse accepts: no comments) without jsonc-parser's tree, which holds
 * ~8× the file (a node per value, with parent links): a 10 MB macro export peaked at ~190 MB
 * just parsing it. The value comes from JSON.parse; an offset is found when asked, by scanning
 * only the containers on the path, each indexed once. Undefined when JSON.parse rejects the
 * text: the tree then reads it (comments) or reports the error.
 */
function strictJsonTree(text: string, source: string, start: number): DataTree | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  const locator = new JsonLocator(source);
  return {
    value,
    stringAt(path) {
      const found = locator.locate(path);
      if (!found || source.charCodeAt(found.at) !== QUOTE) return undefined;
      return decodeJsonString(text, start + found.at, start + locator.skipString(found.at));
    },
    offsetOf(path, key = false) {
      const found = locator.locate(path);
      if (!found) return 0;
      return start + (key && found.key !== undefined ? found.key : found.at);
    },
    problems: [],
  };
}

const QUOTE = 0x22;

/** Where values are in text that JSON.parse has accepted (so the scan can trust its syntax). */
class JsonLocator {
  /** Each container visited: an array's element offsets, an object's [key offset, value offset] by key. */
  private readonly arrays = new Map<number, number[]>();
  private readonly objects = new Map<number, Map<string, [number, number]>>();
  private readonly root: number;

  constructor(private readonly src: string) {
    this.root = this.skipSpace(0);
  }

  /** The value at `path` (and, when its last step is a property, where that property's key is). */
  locate(path: DataPath): { at: number; key?: number } | undefined {
    let at = this.root;
    let key: number | undefined;
    for (const step of path) {
      const c = this.src.charCodeAt(at);
      if (c === 0x5b) {
        if (typeof step !== 'number') return undefined;
        const next = this.items(at)[step];
        if (next === undefined) return undefined;
        at = next;
        key = undefined;
      } else if (c === 0x7b) {
        // The last of duplicate keys wins, as in the value.
        const property = this.properties(at).get(String(step));
        if (!property) return undefined;
        [key, at] = property;
      } else return undefined;
    }
    return { at, key };
  }

  private items(at: number): number[] {
    let list = this.arrays.get(at);
    if (list) return list;
    list = [];
    let i = this.skipSpace(at + 1);
    if (this.src.charCodeAt(i) !== 0x5d) {
      for (;;) {
        list.push(i);
        i = this.skipSpace(this.skipValue(i));
        if (this.src.charCodeAt(i) !== 0x2c) break;
        i = this.skipSpace(i + 1);
      }
    }
    this.arrays.set(at, list);
    return list;
  }

  private properties(at: number): Map<string, [number, number]> {
    let map = this.objects.get(at);
    if (map) return map;
    map = new Map();
    let i = this.skipSpace(at + 1);
    if (this.src.charCodeAt(i) !== 0x7d) {
      for (;;) {
        const keyEnd = this.skipString(i);
        const name = JSON.parse(this.src.slice(i, keyEnd)) as string;
        const valueAt = this.skipSpace(this.skipSpace(keyEnd) + 1); // past the colon
        map.set(name, [i, valueAt]);
        i = this.skipSpace(this.skipValue(valueAt));
        if (this.src.charCodeAt(i) !== 0x2c) break;
        i = this.skipSpace(i + 1);
      }
    }
    this.objects.set(at, map);
    return map;
  }

  private skipSpace(i: number): number {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  }

  /** Just past the string literal that starts (with its quote) at `i`. */
  skipString(i: number): number {
    const src = this.src;
    for (let j = i + 1; ; j++) {
      const c = src.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === QUOTE) return j + 1;
    }
  }

  /** Just past the value that starts at `i`. */
  private skipValue(i: number): number {
    const src = this.src;
    const c = src.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      for (let j = i; ; j++) {
        const d = src.charCodeAt(j);
        if (d === QUOTE) j = this.skipString(j) - 1;
        else if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          if (--depth === 0) return j + 1;
        }
      }
    }
    // A number, true, false or null: up to the next delimiter.
    let j = i;
    for (;;) {
      const d = src.charCodeAt(j);
      if (Number.isNaN(d) || d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) return j;
      j++;
    }
  }
}
