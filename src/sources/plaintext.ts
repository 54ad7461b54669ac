// Plain-text replies: the whole file is prose; blank lines separate paragraphs.
import type { Segment } from '../types.js';
import { identitySegment } from './segment.js';

export function plaintextSegments(text: string, reply: string): Segment[] {
  return [identitySegment(text, reply)];
}
