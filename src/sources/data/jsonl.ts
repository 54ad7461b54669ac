// JSON Lines as a DataTree: each non-blank line is one JSON value; a line that is not JSON is a
// problem (its element is null) and the other lines are still read.
import { parseJsonSlice } from './json.js';
import { checkNesting, DataSyntaxError, type DataProblem, type DataTree } from './tree.js';

interface Line {
  /** file offsets of the line, its line break excluded */
  start: number;
  end: number;
  /** false when the line is not JSON */
  json: boolean;
}

/**
 * The value is the array of the lines' values: index i is the i-th non-blank line (blank lines,
 * whitespace only, are skipped; "\r\n" endings are fine). Paths are [index, ...path in the line].
 */
export function parseJsonLinesTree(text: string): DataTree {
  const lines: Line[] = [];
  const value: unknown[] = [];
  const problems: DataProblem[] = [];
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lineNumber++;
    const source = text.slice(start, end);
    if (/\S/.test(source)) {
      const line = { start, end, json: true };
      lines.push(line);
      try {
        // The parsers and the export detectors recurse once per level: a line nested thousands
        // deep is a problem, not a stack overflow.
        checkNesting(text, start, end);
        try {
          // JSON.parse is several times faster than building the located tree, which waits until asked for.
          value.push(JSON.parse(source));
        } catch {
          value.push(parseJsonSlice(text, start, end).value); // a line with a comment, say
        }
      } catch (error) {
        if (!(error instanceof DataSyntaxError)) throw error;
        problems.push({ message: `this line is not JSON: ${error.message}`, offset: error.offset });
        value.push(null);
        line.json = false;
      }
    }
    start = end + 1;
  }

  // Callers read one line's strings after another: keep the last line's tree.
  let cached: { line: Line; tree: DataTree } | undefined;
  const treeOf = (index: unknown): DataTree | undefined => {
    const line = typeof index === 'number' ? lines[index] : undefined;
    if (!line?.json) return undefined;
    if (cached?.line !== line) cached = { line, tree: parseJsonSlice(text, line.start, line.end) };
    return cached.tree;
  };
  return {
    value,
    stringAt: ([index, ...rest]) => treeOf(index)?.stringAt(rest),
    offsetOf([index, ...rest], key = false) {
      const line = typeof index === 'number' ? lines[index] : undefined;
      if (!line) return 0;
      // A line that is not JSON still has a place: its start.
      if (!line.json) return rest.length === 0 ? line.start : 0;
      return treeOf(index)!.offsetOf(rest, key);
    },
    problems,
  };
}
