// What every structured input (JSON, JSON Lines, YAML, CSV) becomes: the plain value, for the
// export detectors to read, and a way back from a path in it to the exact characters in the file.
import type { LocatedText } from '../located.js';

export type DataPath = Array<string | number>;

export interface DataTree {
  /** The parsed value (plain objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  /**
   * The string at `path`, decoded (escapes, YAML folding and indentation, CSV quote doubling),
   * with a map from each decoded character to its place in the file. Undefined when there is no
   * string at that path.
   */
  stringAt(path: DataPath): LocatedText | undefined;
  /** File offset where the value (or, with `key`, the property name) at `path` starts; 0 if absent. */
  offsetOf(path: DataPath, key?: boolean): number;
  /**
   * Problems that did not stop the rest of the file from being read (a JSON Lines line that is
   * not JSON, a CSV row with a stray quote): each with the file offset it starts at.
   */
  problems: DataProblem[];
}

export interface DataProblem {
  message: string;
  offset: number;
}

/** A file that cannot be read as its format at all; `offset` is where the parser gave up. */
export class DataSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Data nested deeper than any export: the parsers and the export detectors recurse once per
 * level, so a file nested thousands deep would overflow the stack instead of being reported.
 */
export const MAX_NESTING = 500;

/**
 * Throws DataSyntaxError at the bracket that opens level MAX_NESTING + 1 of `text.slice(start, end)`.
 * Brackets inside double-quoted strings do not count; `quoted` false (YAML, whose plain scalars
 * may hold a lone quote) counts every bracket: only a pathological file nests hundreds deep.
 */
export function checkNesting(text: string, start: number, end: number, quoted = true): void {
  let depth = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22 && quoted) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) throw new DataSyntaxError(`nested more than ${MAX_NESTING} levels deep: not read`, i);
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
}
