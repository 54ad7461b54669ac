// The playground's settings and reply, and their round trip through the URL's hash (a link a lead can send).
import { PRESETS, type PresetName } from '../../src/config/presets.js';

/** The input formats offered, each linted as a file of that type (the core picks the format from the name). */
export const FORMATS = {
  text: { label: 'Plain text', filePath: 'reply.txt' },
  markdown: { label: 'Markdown', filePath: 'reply.md' },
  html: { label: 'HTML', filePath: 'reply.html' },
} as const;
export type FormatName = keyof typeof FORMATS;

export interface PlaygroundState {
  text: string;
  format: FormatName;
  preset: PresetName;
  /** Rules turned off on top of the preset, sorted. */
  off: string[];
}

export const DEFAULT_STATE: PlaygroundState = { text: '', format: 'text', preset: 'replylint:recommended', off: [] };

/** The state a hash describes; unknown values fall back to the defaults. */
export function readState(hash: string): PlaygroundState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const format = params.get('format');
  const preset = params.get('preset');
  const off = params.get('off');
  return {
    text: params.get('text') ?? DEFAULT_STATE.text,
    format: format !== null && Object.hasOwn(FORMATS, format) ? (format as FormatName) : DEFAULT_STATE.format,
    preset: (PRESETS as readonly string[]).includes(`replylint:${preset}`) ? (`replylint:${preset}` as PresetName) : DEFAULT_STATE.preset,
    off: off ? [...new Set(off.split(','))].filter(Boolean).sort() : [],
  };
}

/** The hash for a state: only what differs from the defaults, so a plain page has a plain URL. */
export function writeState(state: PlaygroundState): string {
  const params = new URLSearchParams();
  if (state.text) params.set('text', state.text);
  if (state.format !== DEFAULT_STATE.format) params.set('format', state.format);
  if (state.preset !== DEFAULT_STATE.preset) params.set('preset', state.preset.slice('replylint:'.length));
  if (state.off.length) params.set('off', [...state.off].sort().join(','));
  const query = params.toString();
  return query ? `#${query}` : '';
}
