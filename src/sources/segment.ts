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
      const ch = text[i]!;
      const found = findAligned(source, ch, p);
      if (found < 0) {
        // Decoded text (an entity): map what is left onto the rest of the span.
        this.add(text.slice(i), sourceStart + p, sourceStart + source.length, false);
        return this;
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
    return { ...extra, text, reply, toSource: (offset: number) => mapOffset(runs, offset) };
  }
}

/** The next index ≥ from where `source` has `ch` (any line break or space matches any other). */
function findAligned(source: string, ch: string, from: number): number {
  const ws = ch === '\n' || ch === '\r' || ch === ' ' || ch === '\t';
  for (let k = from; k < source.length; k++) {
    const s = source[k]!;
    if (s === ch) return k;
    if (ws && (s === '\n' || s === '\r' || s === ' ' || s === '\t')) return k;
    // Never skip past a letter or digit: that would misplace everything after it.
    if (/[\p{L}\p{N}]/u.test(s)) return -1;
  }
  return -1;
}

function mapOffset(runs: Run[], offset: number): number {
  if (runs.length === 0) return 0;
  // Binary search for the last run starting at or before offset.
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo]!;
  const inner = offset - run.at;
  if (inner >= run.length) return run.sourceEnd; // the end of a run (or past the last)
  return run.exact ? run.source + inner : run.source;
}

/** A segment that is the whole text, offsets unchanged. */
export function identitySegment(text: string, reply: string): Segment {
  return { text, reply, toSource: (offset) => offset };
}
