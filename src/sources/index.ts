// Picks the input format for a file and turns its text into Segments.
import type { Segment } from '../types.js';
import { plaintextSegments } from './plaintext.js';

export type InputFormat = 'text' | 'markdown';

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
};

/** File extensions a directory walk picks up. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** The format for a file name; files named explicitly with another extension are read as text. */
export function formatFor(filePath: string): InputFormat {
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return EXTENSIONS[ext] ?? 'text';
}

/** Text → Segments. Format parsers are imported on first use, to keep start-up quick. */
export async function readSegments(text: string, filePath: string): Promise<Segment[]> {
  const format = formatFor(filePath);
  switch (format) {
    case 'text':
      return plaintextSegments(text, filePath);
    case 'markdown':
      return (await import('./markdown.js')).markdownSegments(text, filePath);
  }
}
