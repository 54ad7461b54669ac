// Command-line paths → files: files as named, folders walked for supported extensions, globs expanded.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ReplylintError } from '../errors.js';
import { NOT_REPLY_FILES, SUPPORTED_EXTENSIONS } from '../sources/index.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const EXTENSION_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

export interface ExpandedFiles {
  /** absolute paths, sorted, no duplicates */
  files: string[];
  /** the files named outright (not found by walking a folder or a glob) */
  explicit: Set<string>;
}

export async function expandPatterns(patterns: string[], cwd: string): Promise<ExpandedFiles> {
  const files = new Set<string>();
  const explicit = new Set<string>();
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      files.add(abs);
      explicit.add(abs);
      continue;
    }
    const found = info?.isDirectory()
      ? // A folder walk skips data files that are never replies (package.json, CI workflows…).
        await glob(EXTENSION_GLOB, { cwd: abs, absolute: true, ignore: [...ALWAYS_IGNORED, ...NOT_REPLY_FILES], dot: true, caseSensitiveMatch: false })
      : isDynamicPattern(pattern)
        ? await glob(pattern, { cwd, absolute: true, ignore: ALWAYS_IGNORED, dot: true })
        : undefined;
    if (found === undefined) throw new ReplylintError('no such file or directory', pattern);
    if (found.length === 0) {
      throw new ReplylintError(
        info ? `no files with a supported extension (${SUPPORTED_EXTENSIONS.join(', ')}) in this folder` : `no files match the pattern "${pattern}"`,
        pattern,
      );
    }
    for (const f of found) files.add(resolve(f));
  }
  return { files: [...files].sort(), explicit };
}
