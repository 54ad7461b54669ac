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
