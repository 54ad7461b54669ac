// Builds Segments: prose text assembled from pieces of a file, with a piecewise map back to file offsets.
import type { Segment } from '../types.js';

interface Run {
  /** offset in the segment text */
  at: number;
  /** file offset of text[at] */
  source: number;
  length: number;
  /** the piece was copied verbatim, so offsets inside it map one to one */
  exact: boolean;
  /** file offset just past the piece */
  sourceEnd: number;
}

/** Collects pieces in order; `build()` returns the Segment. */
export class SegmentBuilder {
  private text = '';
  private runs: Run[] = [];

  /** Text that appears in the file as-is at `sourceStart`. */
  addExact(text: string, sourceStart: number): this {
    return this.add(text, sourceStart, sourceStart + text.length, true);
  }

  /**
   * Text that stands for the file span [sourceStart, sourceEnd) but is not a copy of it
   * (an escape, an entity, an opaque placeholder). Offsets inside it map to the span's start.
   */
  addReplaced(text: string, sourceStart: number, sourceEnd: number): this {
    return this.add(text, sourceStart, sourceEnd, false);
  }

  /**
   * Text that came from the file span [sourceStart, sourceEnd) with some characters dropped
   * (blockquote markers, indentation, backslash escapes) or decoded (entities). Each character
   * is aligned to the next equal character of the span, so positions stay exact where they can.
   */
  addAligned(text: string, source: string, sourceStart: number): this {
    if (text === source) return this.addExact(text, sourceStart);
    let p = 0;
    let i = 0;
    while (i < text.length) {
      const found = findAligned(source, text[i]!, p);
      if (found < 0) {
        // A decoded character with no twin in the source (é from &eacute;): it stands for
        // the source at the current point, and alignment goes on with the next character.
        this.add(text[i]!, sourceStart + p, sourceStart + p, false);
        i++;
        continue;
      }
      // Extend the run while characters keep matching one to one.
      let j = 1;
      while (i + j < text.length && source[found + j] === text[i + j]) j++;
      this.add(text.slice(i, i + j), sourceStart + found, sourceStart + found + j, true);
      i += j;
      p = found + j;
    }
    return this;
  }

  private add(text: string, source: number, sourceEnd: number, exact: boolean): this {
    if (text.length === 0) return this;
    this.runs.push({ at: this.text.length, source, length: text.length, exact, sourceEnd });
    this.text += text;
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  build(reply: string, extra: Partial<Segment> = {}): Segment {
    const { text, runs } = this;
    return {
      ...extra,
      text,
      reply,
      toSource: (offset: number, bias: 'start' | 'end' = 'start') => mapOffset(runs, offset, bias),
    };
  }
}

// How far alignment may skip: past blockquote markers and indentation ("   > > "), a
// backslash, or the rest of an entity ("&amp;" is 4 characters beyond its "&").
const MAX_SKIP = 16;

/** The next index ≥ from, within MAX_SKIP, where `source` has `ch` (any space or line break matches any other). */
function findAligned(source: string, ch: string, from: number): number {
  const ws = ch === '\n' || ch === '\r' || ch === ' ' || ch === '\t';
  const limit = Math.min(source.length, from + MAX_SKIP + 1);
  for (let k = from; k < limit; k++) {
    const s = source[k]!;
    if (s === ch) return k;
    if (ws && (s === '\n' || s === '\r' || s === ' ' || s === '\t')) return k;
  }
  return -1;
}

function mapOffset(runs: Run[], offset: number, bias: 'start' | 'end'): number {
  if (runs.length === 0) return 0;
  // An end offset belongs to the character before it: "cannot" in "**cannot**" ends before "**".
  if (bias === 'end' && offset > 0) {
    const run = runs[findRun(runs, offset - 1)]!;
    const inner = offset - 1 - run.at;
    return run.exact && inner < run.length ? run.source + inner + 1 : run.sourceEnd;
  }
  const run = runs[findRun(runs, offset)]!;
  const inner = offset - run.at;
  if (inner >= run.length) return run.sourceEnd; // past the last run
  return run.exact ? run.source + inner : run.source;
}

/** Index of the last run starting at or before offset. */
function findRun(runs: Run[], offset: number): number {
  // Binary search for the last run starting at or before offset.
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A segment that is the whole text, offsets unchanged. */
export function identitySegment(text: string, reply: string): Segment {
  return { text, reply, toSource: (offset: number) => offset };
}
