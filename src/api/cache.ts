// The lint cache (--cache): each file's last result, reused while its content, config, rules and run are unchanged.
//
// One compact JSON Lines file: a header, then one line per file, sorted by path:
//
//   {"version":2,"runKey":"…"}
//   ["replies/refund.txt","<content digest>","<config key>",{"messages":[…],"errorCount":1,…}]
//
// Lines, not one JSON document: a load reads only each line's three leading strings and parses a
// result when it is used (a pre-commit run uses few), and a save joins the lines as they are.
// With 10,000 results (28 MB) one document took 2.3× as long to load and 5× as long to serialise.
//
// Paths are relative to the cache file's folder with forward slashes, so a cache restored in
// another checkout path still hits. A result is stored as LintResult has it, without filePath
// (the key), source and output. Content is the only change test: an mtime survives neither a
// git checkout nor a CI cache restore.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ReplylintError } from '../errors.js';
import { atomicWrite, contentDigest } from '../fix/write.js';
import type { LintResult } from '../types.js';

// Files are compared by content, with the digest a fix snapshot uses too.
export { contentDigest };

// Raised when the file's layout or what a stored result means changes: older caches are discarded.
const CACHE_VERSION = 2;
const CACHE_FILE = '.replylintcache';

type StoredResult = Omit<LintResult, 'filePath' | 'source' | 'output'>;

/** An entry as read or set: its line of the file, where the result's JSON starts in it. */
interface CacheEntry {
  digest: string;
  configKey: string;
  line: string;
  resultAt: number;
}

/** Stable hash of any JSON-able value (object keys sorted), hex. */
export function fingerprint(value: unknown): string {
  // JSON.stringify gives undefined for undefined (and functions); hash a marker no JSON text equals.
  return sha256(JSON.stringify(value, sortKeys) ?? 'undefined');
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // fromEntries, not assignment: a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, (value as Record<string, unknown>)[key]]),
  );
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

export class LintCache {
  private readonly dir: string;
  private changed = false;

  private constructor(
    /** The cache file, absolute. */
    readonly file: string,
    private readonly runKey: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {
    this.dir = dirname(file);
  }

  /**
   * Reads the cache file. A missing, unreadable, corrupt or other-version cache (or one made
   * under another `runKey`) starts empty — a cache is disposable, never an error.
   */
  static load(file: string, runKey: string): LintCache {
    const path = resolve(file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new LintCache(path, runKey, new Map());
    }
    return new LintCache(path, runKey, parseCache(text, runKey));
  }

  /** The cached result of this file if its digest and config key match. The result's filePath is the absolute path given. */
  get(filePath: string, digest: string, configKey: string): LintResult | undefined {
    const entry = this.entries.get(this.keyOf(filePath));
    if (!entry || entry.digest !== digest || entry.configKey !== configKey) return undefined;
    let result: unknown;
    try {
      // Parsed on each get: a run reads few of a large cache's results, and each caller gets its own copy.
      result = JSON.parse(entry.line.slice(entry.resultAt, -1));
    } catch {
      return undefined;
    }
    // filePath first, as a fresh result has it, so a cached report is byte for byte the same.
    return isStoredResult(result) ? { filePath, ...result } : undefined;
  }

  /**
   * Records a result (only results with no fatal message and no `output` are cacheable: a
   * failed read must be retried, and a fix must be re-applied). Returns whether it stored it.
   */
  set(filePath: string, digest: string, configKey: string, result: LintResult): boolean {
    if (result.output !== undefined || result.fatalErrorCount > 0 || result.messages.some((m) => m.fatal)) return false;
    const { filePath: _path, source: _source, output: _output, ...stored } = result;
    const key = this.keyOf(filePath);
    const head = `${JSON.stringify([key, digest, configKey]).slice(0, -1)},`;
    const line = `${head}${JSON.stringify(stored)}]`;
    // Storing what is there already is no change: an unchanged cache is not rewritten.
    if (this.entries.get(key)?.line === line) return true;
    this.entries.set(key, { digest, configKey, line, resultAt: head.length });
    this.changed = true;
    return true;
  }

  /**
   * Writes the file atomically (atomicWrite) if anything changed, dropping entries of files
   * that no longer exist. Creates the parent folder. A failed write is a ReplylintError naming
   * the cache file.
   */
  save(): void {
    // Entries of deleted files are dropped only when writing anyway: checking every file would
    // cost a stat each on runs that change nothing, and a stale entry can only hit a file
    // recreated with the same bytes, whose result it is.
    if (!this.changed) return;
    const lines = [JSON.stringify({ version: CACHE_VERSION, runKey: this.runKey })];
    for (const key of [...this.entries.keys()].sort()) {
      if (statOf(resolve(this.dir, key))?.isFile()) lines.push(this.entries.get(key)!.line);
      else this.entries.delete(key);
    }
    // Last rename wins when two runs save at once; a reader never sees half a file.
    try {
      atomicWrite(this.file, `${lines.join('\n')}\n`);
    } catch (error) {
      throw new ReplylintError(`cannot write the cache file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, this.file);
    }
    this.changed = false;
  }

  private keyOf(filePath: string): string {
    return relative(this.dir, resolve(filePath)).split(sep).join('/');
  }
}

/**
 * Where the cache lives: `location` may be a file, or a folder (existing, or written with a
 * trailing slash) in which the file `.replylintcache` is used. Default `.replylintcache` in cwd.
 */
export function cacheFilePath(cwd: string, location?: string): string {
  if (!location) return resolve(cwd, CACHE_FILE);
  const path = resolve(cwd, location);
  return location.endsWith('/') || location.endsWith(sep) || statOf(path)?.isDirectory() ? join(path, CACHE_FILE) : path;
}

/** The entries of a cache file's text: none when it is not a cache of this version and run; a line that is not an entry is skipped. */
function parseCache(text: string, runKey: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  const lines = text.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0]!);
  } catch {
    return entries;
  }
  if (!isObject(header) || header.version !== CACHE_VERSION || header.runKey !== runKey) return entries;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // ["path","digest","configKey",{result}]: the three strings are read here, the result only when it is used.
    const key = line[0] === '[' ? jsonString(line, 1) : undefined;
    const digest = key && line[key.end] === ',' ? jsonString(line, key.end + 1) : undefined;
    const configKey = digest && line[digest.end] === ',' ? jsonString(line, digest.end + 1) : undefined;
    if (!key || !digest || !configKey || line[configKey.end] !== ',' || !line.endsWith(']')) continue;
    entries.set(key.value, { digest: digest.value, configKey: configKey.value, line, resultAt: configKey.end + 1 });
  }
  return entries;
}

/** The JSON string that starts at `start` in `line`, and the index just after its closing quote. */
function jsonString(line: string, start: number): { value: string; end: number } | undefined {
  if (line[start] !== '"') return undefined;
  let escaped = false;
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      escaped = true;
      i++;
    } else if (c === '"') {
      const raw = line.slice(start, i + 1);
      if (!escaped) return { value: raw.slice(1, -1), end: i + 1 };
      try {
        return { value: JSON.parse(raw) as string, end: i + 1 };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function isStoredResult(r: unknown): r is StoredResult {
  return (
    isObject(r) &&
    Array.isArray(r.messages) &&
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number' &&
    typeof r.fixableErrorCount === 'number' &&
    typeof r.fixableWarningCount === 'number' &&
    typeof r.fatalErrorCount === 'number'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is at `path`, or undefined when nothing is, or it cannot be looked at (EACCES, ENOTDIR). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
