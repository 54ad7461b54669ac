// CSV (RFC 4180, read leniently) as a DataTree: a small one-pass parser that keeps every cell's
// span in the file, since no maintained CSV parser reports field offsets.
import type { LocatedText } from '../located.js';
import { csvPlain, csvQuoted } from '../encode.js';
import type { DataProblem, DataTree } from './tree.js';

/** A cell's raw span in the file, quotes included. */
interface Cell {
  start: number;
  end: number;
  /** For a quoted cell: where its quoted text ends (the closing quote, or the end of an unclosed cell). */
  quoteEnd?: number;
}

export interface CsvOptions {
  /** The field delimiter (one character); by default the most frequent of , ; and tab in the header line (, on a tie). */
  delimiter?: string;
}

/**
 * The first row is the header; the value is one object per later row, `{ [headerName]: cell }`,
 * so paths are [rowIndex, headerName]. An empty or repeated header name is replaced by
 * `column<N>` (N the 1-based column number; `column<N>_2`, `_3`… if that is taken too), and
 * `header` lists the names used. Empty lines are skipped (they do not count as rows). A row with
 * more cells than the header keeps the first ones and records a problem; a shorter row just lacks
 * the missing keys. A quote that is never closed is a problem at that quote, and the rest of the
 * file is that cell. The text is expected without a byte-order mark.
 */
export function parseCsvTree(text: string, options: CsvOptions = {}): DataTree & { header: string[] } {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const problems: DataProblem[] = [];
  const [headerCells = [], ...rows] = readRows(text, delimiter, problems);
  const header = uniqueNames(headerCells.map((cell) => cellText(text, cell)));
  const columns = new Map(header.map((name, index) => [name, index]));
  rows.forEach((cells, index) => {
    if (cells.length > header.length) {
      problems.push({
        message: `this row has ${cells.length} cells but the header has ${header.length}; the extra cells are ignored`,
        offset: cells[header.length]!.start,
      });
    }
  });
  const cellAt = (row: unknown, column: unknown): Cell | undefined => {
    const index = typeof column === 'string' ? columns.get(column) : undefined;
    return typeof row === 'number' && index !== undefined ? rows[row]?.[index] : undefined;
  };
  return {
    header,
    value: rows.map((cells) => Object.fromEntries(cells.slice(0, header.length).map((cell, i) => [header[i]!, cellText(text, cell)]))),
    stringAt(path) {
      const cell = path.length === 2 ? cellAt(path[0], path[1]) : undefined;
      return cell && locateCell(text, cell);
    },
    offsetOf(path, key = false) {
      if (path.length === 1) return typeof path[0] === 'number' ? (rows[path[0]]?.[0]?.start ?? 0) : 0;
      const cell = path.length === 2 ? cellAt(path[0], path[1]) : undefined;
      if (!cell) return 0;
      return key ? headerCells[columns.get(path[1] as string)!]!.start : cell.start;
    },
    problems,
  };
}

const CANDIDATES = [',', ';', '\t'];

/** The candidate found most often outside quotes in the first line. */
function detectDelimiter(text: string): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return CANDIDATES.reduce((best, c) => (counts.get(c)! > counts.get(best)! ? c : best));
}

/** All rows' cell spans, in one pass; empty lines are dropped. */
function readRows(text: string, delimiter: string, problems: DataProblem[]): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    let quoteEnd: number | undefined;
    if (text[i] === '"') {
      quoteEnd = closingQuote(text, i + 1);
      if (quoteEnd < 0) {
        problems.push({ message: 'a quoted cell is never closed; the rest of the file is read as that cell', offset: start });
        quoteEnd = text.length;
      }
      i = quoteEnd + 1;
    }
    // Unquoted text, or stray text after a closing quote (kept as part of the cell).
    while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) i++;
    const end = Math.min(i, text.length);
    row.push(quoteEnd === undefined ? { start, end } : { start, end, quoteEnd });
    if (text[i] === delimiter) {
      i++;
      // A delimiter ending the text still opens one last, empty cell.
      if (i === text.length) row.push({ start: i, end: i });
      continue;
    }
    i += text[i] === '\r' ? 2 : 1; // past the line break
    // A line with nothing on it is not a row.
    if (row.length > 1 || row[0]!.end > row[0]!.start) rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row); // the row a final delimiter left open
  return rows;
}

/** Index of the quote closing a quoted cell whose text starts at `from`; -1 if it is never closed. */
function closingQuote(text: string, from: number): number {
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 2)) {
    if (text[q + 1] !== '"') return q;
  }
  return -1;
}

/** The cell's text: quotes removed, "" read as ". */
function cellText(text: string, { start, end, quoteEnd }: Cell): string {
  if (quoteEnd === undefined) return text.slice(start, end);
  return unquote(text, start, quoteEnd).inner + text.slice(quoteEnd + 1, end);
}

/**
 * The text between a cell's quotes, each "" read as one quote, and the decoded offsets of those
 * quotes. Built from pieces: replaceAll grows worse than linearly on cells with millions of pairs.
 */
function unquote(text: string, start: number, quoteEnd: number): { inner: string; pairs: number[] } {
  const pieces: string[] = [];
  const pairs: number[] = [];
  let run = start + 1;
  // Inside the quotes every quote opens a "" pair.
  for (let q = text.indexOf('"', run); q >= 0 && q < quoteEnd; q = text.indexOf('"', run)) {
    pieces.push(text.slice(run, q + 1));
    pairs.push(q - (start + 1) - pairs.length);
    run = q + 2;
  }
  pieces.push(text.slice(run, quoteEnd));
  return { inner: pieces.join(''), pairs };
}

/**
 * The cell's text with its map: a "" maps to its first quote; offset 0 of a quoted cell is after
 * the opening quote. A cell may hold millions of "" pairs, so the map is their decoded offsets
 * alone: a decoded offset's file offset is shifted by one for each pair before it.
 */
function locateCell(text: string, { start, end, quoteEnd }: Cell): LocatedText {
  if (quoteEnd === undefined) return { text: text.slice(start, end), toSource: (offset) => start + Math.min(offset, end - start), encode: csvPlain };
  const { inner, pairs } = unquote(text, start, quoteEnd);
  const stray = text.slice(quoteEnd + 1, end);
  return {
    text: inner + stray,
    encode: csvQuoted,
    toSource(offset, bias = 'start') {
      // Stray text after the closing quote is copied; the end of the quoted part is the closing quote.
      if (offset > inner.length || (offset === inner.length && bias === 'start' && stray)) {
        return quoteEnd + 1 + Math.min(offset - inner.length, stray.length);
      }
      return start + 1 + offset + pairsBefore(pairs, offset);
    },
  };
}

/** How many of the sorted `pairs` are below `offset`. */
function pairsBefore(pairs: number[], offset: number): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Header names made unique: an empty or repeated name becomes column<N>. */
function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    let unique = name;
    if (name === '' || taken.has(name)) {
      unique = `column${index + 1}`;
      for (let n = 2; taken.has(unique) || names.includes(unique); n++) unique = `column${index + 1}_${n}`;
    }
    taken.add(unique);
    return unique;
  });
}
