// Plain-text replies: the whole text is prose; blank lines separate paragraphs. HTML comments
// and replylint's line directives ("# replylint-disable-next-line …") are not prose: they are
// blanked with spaces of the same length, so offsets stay one to one.
import type { Segment } from '../types.js';
import { identitySegment } from './segment.js';

const NOT_PROSE = /<!--[\s\S]*?-->|^[ \t]*(?:#|\/\/)[ \t]*replylint-(?:disable|enable)[^\r\n]*/gm;

export function plaintextSegments(text: string, reply: string): Segment[] {
  const prose = text.includes('<!--') || text.includes('replylint-') ? text.replace(NOT_PROSE, (m) => m.replace(/[^\r\n]/g, ' ')) : text;
  return [identitySegment(prose, reply)];
}
