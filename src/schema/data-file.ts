// JSON and YAML data files (config and rule files) parsed with source positions, so every
// problem can be reported as path:line:col. JSON is read as JSON (comments allowed, as in
// tsconfig and ESLint configs; trailing commas are not), YAML as YAML.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { LineIndex } from '../engine/positions.js';
import { jsonErrorMessage, jsonValue } from '../sources/data/json.js';
import { ReplylintError } from '../errors.js';

export type DataPath = Array<string | number>;

export interface DataFile {
  file: string;
  value: unknown;
  /** The 1-based position of the value at `path` (or of its key, for `key: true`). */
  locate(path: DataPath, key?: boolean): { line: number; column: number };
  /** A ReplylintError pointing at `path`. */
  error(message: string, path: DataPath, key?: boolean): ReplylintError;
}

/** JSON for .json files (package.json too) and for extension-less files that start with "{". */
export function isJsonFile(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\s*\{/.test(text.replace(/^\uFEFF/, ''));
}

/** Parses a data file as JSON or YAML by its name; a syntax error is a located ReplylintError. */
export function parseDataFile(text: string, file: string): DataFile {
  return isJsonFile(file, text) ? parseJsonFile(text, file) : parseYamlFile(text, file);
}

function parseJsonFile(input: string, file: string): DataFile {
  const text = input.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const lines = new LineIndex(text);
  const problem = errors[0];
  if (problem || !root) {
    const at = lines.position(problem?.offset ?? 0);
    const what = problem ? jsonErrorMessage(printParseErrorCode(problem.error)) : 'the file is empty';
    throw new ReplylintError(`syntax error: ${what}`, file, at.line, at.column);
  }
  const locate = (path: DataPath, key = false) => lines.position(jsonOffset(root, path, key));
  return {
    file,
    value: jsonValue(root),
    locate,
    error: (message, path, key = false) => {
      const at = locate(path, key);
      return new ReplylintError(message, file, at.line, at.column);
    },
  };
}

/** The offset of the deepest node on `path` that exists (or of its key). */
function jsonOffset(root: JsonNode, path: DataPath, key: boolean): number {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (key && n === path.length && node.parent?.type === 'property') return node.parent.offset;
    return node.offset;
  }
  return root.offset;
}

// The YAML parser is loaded when a YAML file is read: most configs are JSON, and loading it was
// ~20 ms of every cold start.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'));

function parseYamlFile(text: string, file: string): DataFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const at = lineCounter.linePos(problem.pos[0]);
    const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ReplylintError(`syntax error: ${what}`, file, at.line, at.col);
  }
  const locate = (path: DataPath, key = false) => {
    const offset = nodeOffset(doc, path, key);
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };
  return {
    file,
    value: doc.toJS(),
    locate,
    error: (message, path, key = false) => {
      const at = locate(path, key);
      return new ReplylintError(message, file, at.line, at.column);
    },
  };
}

/** The start offset of the deepest node on `path` that exists (the document start at worst). */
function nodeOffset(doc: Document, path: DataPath, key: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  const { isMap, isPair, isScalar } = yaml();
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      if (last && key && (pair.key as Node).range) return (pair.key as Node).range![0];
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: unknown[] }).items[Number(step)];
      if (node === undefined) break;
    } else break;
    const range = (node as Node | null)?.range;
    if (range) offset = range[0];
  }
  return offset;
}
