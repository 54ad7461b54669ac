// How formatters name a file: relative to the working folder for people, as a URI for SARIF.
// String work only, no node:path, so the formatters stay usable in the browser playground.
import type { FormatterOptions } from './index.js';

/** Windows absolute paths (`C:\…`, `\\server\…`) as well as POSIX ones. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * `filePath` relative to `cwd` with forward slashes, or undefined when it lies outside `cwd`.
 * A relative `filePath` (stdin's name) is already relative to the working folder.
 */
export function pathInside(filePath: string, cwd: string): string | undefined {
  const file = filePath.replace(/\\/g, '/');
  if (!isAbsolutePath(filePath)) return file;
  const prefix = cwd.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
  return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : undefined;
}

/** The path people read: `displayPath` when the shell gives one, else relative to `cwd` when inside it. */
export function shownPath(filePath: string, options: Pick<FormatterOptions, 'displayPath' | 'cwd'>): string {
  if (options.displayPath) return options.displayPath(filePath);
  if (options.cwd !== undefined) return pathInside(filePath, options.cwd) ?? filePath;
  return filePath;
}

/** Lone surrogates cannot be encoded (encodeURIComponent throws, XML forbids them). */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A slash-separated relative path as a relative URI reference: each segment percent-encoded. */
export function encodeUriPath(path: string): string {
  return wellFormed(path)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** An absolute path as a `file:` URI (`C:\x` → `file:///C:/x`, `\\host\share` → `file://host/share`). */
export function fileUri(absolutePath: string): string {
  const path = absolutePath.replace(/\\/g, '/');
  if (path.startsWith('//')) {
    const [host = '', ...rest] = path.slice(2).split('/');
    return `file://${encodeURIComponent(wellFormed(host))}/${encodeUriPath(rest.join('/'))}`;
  }
  const drive = /^[A-Za-z]:(?=\/)/.exec(path)?.[0];
  // The drive's colon stays as written: `file:///C:/…` is how every consumer spells it.
  return drive ? `file:///${drive}${encodeUriPath(path.slice(drive.length))}` : `file://${encodeUriPath(path)}`;
}
