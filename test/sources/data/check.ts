// Test helpers for the data readers: every path to a string, the character property of a
// LocatedText, and the wild corpus files (when ../shared is present).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocatedText } from '../../../src/sources/located.js';
import type { DataPath, DataTree } from '../../../src/sources/data/tree.js';

/** Every path in `value` that leads to a string. */
export function stringPaths(value: unknown, path: DataPath = []): DataPath[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

/**
 * Where `located` breaks the character property: each decoded character must sit at its mapped
 * file offset, unless that offset starts something decoding replaced, which `replaced` accepts
 * (the backslash of an escape, a folded line break). Offsets must also never go backwards, and the
 * end after a copied character must lie past its start. Returns how many characters were exact copies.
 */
export function checkMap(
  fileText: string,
  located: LocatedText,
  replaced: (fileOffset: number, decoded: string) => boolean,
): { exact: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let exact = 0;
  let previous = -1;
  for (let i = 0; i < located.text.length; i++) {
    const at = located.toSource(i);
    const ch = located.text[i]!;
    if (fileText[at] === ch) exact++;
    else if (!replaced(at, ch)) mismatches.push(`char ${i} ${JSON.stringify(ch)} maps to ${at} ${JSON.stringify(fileText[at])}`);
    if (at < previous) mismatches.push(`char ${i} maps to ${at}, before char ${i - 1} (${previous})`);
    // A character standing for nothing in the file (a final line break the file lacks) may end where it starts.
    const end = located.toSource(i + 1, 'end');
    if (end < at || (end === at && fileText[at] === ch)) mismatches.push(`the end after char ${i} (${end}) is not past its start ${at}`);
    previous = at;
  }
  return { exact, mismatches };
}

/** The value at `path`. */
export function valueAt(value: unknown, path: DataPath): unknown {
  return path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
}

/** Checks every string of a tree: its text is the value's, and its map is exact. */
export function checkTree(fileText: string, tree: DataTree, replaced: (fileOffset: number, decoded: string) => boolean) {
  let strings = 0;
  let characters = 0;
  let exact = 0;
  const mismatches: string[] = [];
  for (const path of stringPaths(tree.value)) {
    const located = tree.stringAt(path);
    strings++;
    if (!located) {
      mismatches.push(`${JSON.stringify(path)}: no located string`);
      continue;
    }
    if (located.text !== valueAt(tree.value, path)) mismatches.push(`${JSON.stringify(path)}: text differs from the value`);
    const result = checkMap(fileText, located, replaced);
    characters += located.text.length;
    exact += result.exact;
    mismatches.push(...result.mismatches.map((m) => `${JSON.stringify(path)}: ${m}`));
  }
  return { strings, characters, exact, mismatches };
}

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/wild', import.meta.url));

/** The wild corpus files whose names match, with their text; empty when ../shared is absent. */
export function corpusFiles(pattern: RegExp): Array<{ file: string; text: string }> {
  if (!existsSync(CORPUS)) return [];
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f)).sort();
  return files.map((file) => ({ file, text: readFileSync(join(CORPUS, file), 'utf8').replace(/^\uFEFF/, '') }));
}

export const corpusPresent = existsSync(CORPUS);

/** A seeded generator of integers in [0, n) (mulberry32), so generated cases are the same on every run. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}
