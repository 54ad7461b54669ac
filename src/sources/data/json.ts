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
