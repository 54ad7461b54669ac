// A string taken out of a file with a map back to file offsets: a JSON string's decoded value,
// a YAML block scalar, a CSV cell, a transcript turn. Content parsers (plain text, Markdown,
// HTML) read `text`; `through` composes their segments' maps with this one.
import type { Segment } from '../types.js';
import type { Encoder } from './encode.js';

export interface LocatedText {
  text: string;
  /**
   * File offset of `text[offset]`; with bias 'end', the file offset just past `text[offset - 1]`
   * (for the end of a span). Offsets at or past the end map to the end of the source span.
   */
  toSource(offset: number, bias?: 'start' | 'end'): number;
  /** How text is written back at this place (a JSON string's escaping); absent: as is. */
  encode?: Encoder;
  /**
   * Whether removing the file's text between two file offsets leaves the container readable;
   * absent: always. (A YAML block takes its indentation from its first line: see decodeBlock.)
   */
  canRemove?(start: number, end: number): boolean;
}

/** A slice of the file copied as is: offsets shift by `start`. */
export function sliceText(fileText: string, start: number, end: number): LocatedText {
  return { text: fileText.slice(start, end), toSource: (offset) => start + offset };
}

/** A segment whose offsets are in `outer.text`, re-expressed in file offsets. */
export function through(inner: Segment, outer: LocatedText): Segment {
  return { ...inner, toSource: (offset, bias = 'start') => outer.toSource(inner.toSource(offset, bias), bias) };
}
