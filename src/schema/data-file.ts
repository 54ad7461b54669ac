// JSON and YAML data files (config and rule files) parsed with source positions, so every
// problem can be reported as path:line:col.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

/** Parses JSON or YAML (YAML 1.2 reads JSON too); a syntax error is a located ReplylintError. */
export function parseDataFile(text: string, file: string): DataFile {
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
