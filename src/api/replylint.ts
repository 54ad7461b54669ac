// The Node API: files, globs and config lookup around the pure core. The CLI is a thin layer over it.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ConfigLoader, type LoadedConfig } from '../config/load.js';
import { buildChain, type ConfigChain } from '../config/resolve.js';
import { lintText, summarize, type LintTextOptions } from '../engine/lint-text.js';
import { stripBom } from '../engine/positions.js';
import { lintAndFix } from '../fix/apply.js';
import { FixWriteError, snapshot, writeFixed, type FileSnapshot } from '../fix/write.js';
import { FORMATTERS, getFormatter, type Formatter, type RuleMeta } from '../format/index.js';
import { ReplylintError } from '../errors.js';
import { loadBuiltins, type BuiltinBundle } from '../rules/load.js';
import type { InputFormatName, LintMessage, LintResult, ResolvedConfig } from '../types.js';
import { expandPatterns } from './files.js';
import { decodeFile } from './read.js';
import { lintJsonLinesFile } from './stream-jsonl.js';
import { cacheFilePath, contentDigest, fingerprint, LintCache } from './cache.js';
import { VERSION } from './version.js';
import type { RuleRegistry } from '../rules/registry.js';
import { heapLimitFor, lintInWorkers, WorkerMemoryError, workerCount, type Concurrency, type FileLint, type PoolJob } from './pool.js';
import { formatFor, NOT_REPLY_FILES } from '../sources/index.js';
import picomatch from 'picomatch';

export interface ReplyLintOptions {
  /** Folder that relative paths and globs start from (default: process.cwd()). */
  cwd?: string;
  /** A config file to use for every file instead of looking one up. */
  configFile?: string;
  /** Look for .replylintrc* / package.json upwards from each file (default: true). */
  configLookup?: boolean;
  /** Run error-severity rules only (the CLI's --quiet). */
  errorsOnly?: boolean;
  /** Read every file as this format (the CLI's --input-format), over the config's input.format. */
  inputFormat?: InputFormatName;
  /** Lint internal notes in exports too (--include-internal). */
  includeInternal?: boolean;
  /** Report disable directives that silence nothing or name unknown rules. */
  reportUnusedDisableDirectives?: boolean;
  /** A gitignore-style file of paths not to lint (default: .replylintignore in cwd, if present). */
  ignorePath?: string;
  /** false: no ignore file and no ignorePatterns (--no-ignore). */
  ignore?: boolean;
  /** false: an ignored file named outright is skipped silently, with no "File ignored" warning. */
  warnIgnored?: boolean;
  /**
   * Files named outright are filtered as a folder walk filters them: package.json-style data
   * files are skipped, and a data file with no reply text is a notice, not a failure. For
   * hooks that pass every staged file (--skip-non-replies).
   */
  skipNonReplies?: boolean;
  /**
   * Apply safe fixes: results then describe the fixed text and carry `output` when it changed.
   * Nothing is written until `writeFixes(results)`. A function chooses which fixes to apply.
   */
  fix?: boolean | ((message: LintMessage) => boolean);
  /**
   * Worker threads across files: a number of workers, 'auto' (one per two CPUs when there are
   * enough files to pay for starting them: at least 100 per worker; none on 2 CPUs) or 'off'
   * (default: this thread).
   */
  concurrency?: Concurrency;
  /**
   * Reuse the results of files whose content, config and rules are unchanged since the last
   * run (the CLI's --cache), kept in `cacheLocation` (a file, or a folder to put
   * .replylintcache in; default: .replylintcache in cwd).
   */
  cache?: boolean;
  cacheLocation?: string;
}

/** What `writeFixes` did: the files written, and those left alone with the reason. */
export interface WrittenFixes {
  written: string[];
  failed: Array<{ filePath: string; message: string }>;
}

export const IGNORE_FILE = '.replylintignore';

export class ReplyLint {
  readonly cwd: string;
  private readonly options: ReplyLintOptions;
  private readonly loader = new ConfigLoader();
  private builtinBundle: BuiltinBundle | undefined;
  private readonly chains = new Map<string, Promise<ConfigChain>>();
  private readonly dirConfigs = new Map<string, Promise<LoadedConfig | undefined>>();
  private ignoreFile: Ignore | undefined | null = null;
  private readonly ruleKeys = new WeakMap<RuleRegistry, string>();
  /** Set when the cache could not be saved (the run's results stand): the CLI prints it as a warning. */
  cacheError: ReplylintError | undefined;
  /** How each linted file was read, so `writeFixes` writes it back the same way. */
  private readonly snapshots = new WeakMap<LintResult, FileSnapshot>();

  constructor(options: ReplyLintOptions = {}) {
    this.options = options;
    this.cwd = resolve(options.cwd ?? process.cwd());
  }

  get builtins(): BuiltinBundle {
    return (this.builtinBundle ??= loadBuiltins());
  }

  /** The config chain that applies to a file (cached per config file). */
  async chainFor(filePath: string): Promise<ConfigChain> {
    const root = await this.configFileFor(filePath);
    const key = root?.file ?? '<defaults>';
    let chain = this.chains.get(key);
    if (!chain) {
      chain = buildChain(root, this.loader, this.builtins, this.cwd);
      this.chains.set(key, chain);
    }
    return chain;
  }

  private async configFileFor(filePath: string): Promise<LoadedConfig | undefined> {
    if (this.options.configFile) return this.loader.load(resolve(this.cwd, this.options.configFile));
    if (this.options.configLookup === false) return undefined;
    const dir = dirname(resolve(this.cwd, filePath));
    let found = this.dirConfigs.get(dir);
    if (!found) {
      found = this.loader.search(dir);
      this.dirConfigs.set(dir, found);
    }
    return found;
  }

  /** The rule settings that apply to a file. */
  async calculateConfigForFile(filePath: string): Promise<ResolvedConfig> {
    const chain = await this.chainFor(filePath);
    const config = chain.forFile(resolve(this.cwd, filePath));
    const { inputFormat, includeInternal } = this.options;
    if (inputFormat || includeInternal) {
      config.input = { ...config.input, ...(inputFormat ? { format: inputFormat } : {}), ...(includeInternal ? { includeInternal } : {}) };
    }
    if (!this.options.errorsOnly) return config;
    return { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([, r]) => r.severity === 2)) };
  }

  async isPathIgnored(filePath: string): Promise<boolean> {
    if (this.options.ignore === false) return false;
    const abs = resolve(this.cwd, filePath);
    const rel = relative(this.cwd, abs);
    const ignorer = this.loadIgnoreFile();
    if (ignorer && rel && !rel.startsWith('..') && !isAbsolute(rel) && ignorer.ignores(rel.split('\\').join('/'))) return true;
    return (await this.chainFor(filePath)).ignores(abs);
  }

  /** The ignore file (gitignore syntax): --ignore-path, else .replylintignore in cwd if there is one. */
  private loadIgnoreFile(): Ignore | undefined {
    if (this.ignoreFile !== null) return this.ignoreFile;
    const path = resolve(this.cwd, this.options.ignorePath ?? IGNORE_FILE);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if (this.options.ignorePath) throw new ReplylintError(`cannot read the ignore file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, path);
      return (this.ignoreFile = undefined);
    }
    return (this.ignoreFile = ignore().add(text));
  }

  /**
   * Lints text as if it were the file `filePath` (config looked up from there). A filePath
   * that ignorePatterns exclude gives the "File ignored" warning instead, as ESLint does.
   */
  async lintText(text: string, { filePath }: { filePath?: string } = {}): Promise<LintResult> {
    const configPath = filePath ? resolve(this.cwd, filePath) : resolve(this.cwd, '<text>');
    if (filePath && (await this.isPathIgnored(configPath))) return ignoredResult(configPath);
    const chain = await this.chainFor(configPath);
    const result = await this.lint(text, {
      filePath: filePath ? resolve(this.cwd, filePath) : '<text>',
      config: await this.calculateConfigForFile(configPath),
      rules: chain.registry,
      reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives ?? false,
    });
    return { ...result, source: text };
  }

  /** The pure core, with the safe fixes applied when the `fix` option asks for them. */
  private lint(text: string, options: LintTextOptions): Promise<LintResult> {
    const { fix } = this.options;
    if (!fix) return lintText(text, options);
    return lintAndFix(text, options, typeof fix === 'function' ? { filter: fix } : {});
  }

  /**
   * Writes each result's `output` over the file it came from (atomically, in its encoding and
   * with its permissions). A file edited on disk since it was read is left alone and reported.
   */
  writeFixes(results: LintResult[]): WrittenFixes {
    const done: WrittenFixes = { written: [], failed: [] };
    for (const result of results) {
      const snap = this.snapshots.get(result);
      if (result.output === undefined || !snap) continue;
      try {
        writeFixed(snap, stripBom(result.output));
        done.written.push(result.filePath);
      } catch (error) {
        if (!(error instanceof FixWriteError)) throw error;
        done.failed.push({ filePath: result.filePath, message: error.message });
      }
    }
    return done;
  }

  /** A formatter by name (stylish, json, sarif, github, compact, junit). */
  loadFormatter(name: string): Formatter {
    const formatter = getFormatter(name);
    if (!formatter) throw new ReplylintError(`unknown format "${name}" (one of: ${Object.keys(FORMATTERS).join(', ')})`);
    return formatter;
  }

  /** What every rule that applies under `cwd` is, for formatters that describe rules (SARIF). */
  async rulesMeta(filePath = '__replylint__.txt'): Promise<Record<string, RuleMeta>> {
    const chain = await this.chainFor(resolve(this.cwd, filePath));
    const meta: Record<string, RuleMeta> = {};
    for (const def of chain.registry.definitions()) {
      meta[def.id] = {
        summary: def.summary,
        family: def.family,
        why: def.why.trim(),
        defaultSeverity: def.severity,
        ...(def.url ? { docsUrl: def.url } : {}),
        ...(def.fixable ? { fixable: true } : {}),
      };
    }
    return meta;
  }

  /**
   * Lints files, folders and globs; a file that cannot be read stops the run, and so does
   * input whose every file is ignored (a mistyped ignore pattern should not pass silently).
   * Results are in file order, whichever thread linted them.
   */
  async lintFiles(patterns: string[], progress: LintProgress = {}): Promise<LintResult[]> {
    const { files, explicit } = await expandPatterns(patterns.length ? patterns : ['.'], this.cwd);
    // The plan: each file is either a job to lint or a result already (an ignored file named outright).
    const plan: Array<PoolJob | LintResult> = [];
    let ignored = 0;
    const skipNonReplies = this.options.skipNonReplies ?? false;
    for (const file of files) {
      if (skipNonReplies && explicit.has(file) && isNotReplyFile(relative(this.cwd, file))) continue;
      if (await this.isPathIgnored(file)) {
        ignored++;
        // As ESLint does: a file named outright but ignored gets a warning instead of silence.
        if (explicit.has(file) && this.options.warnIgnored !== false) plan.push(ignoredResult(file));
        continue;
      }
      plan.push({ file, foundByWalk: skipNonReplies || !explicit.has(file) });
    }
    if (files.length > 0 && ignored === files.length && explicit.size < files.length && !skipNonReplies) {
      throw new ReplylintError(`all files matched by ${patterns.map((p) => `"${p}"`).join(', ') || '"."'} are ignored (see "ignorePatterns" in the config)`);
    }

    const jobs = plan.filter((p): p is PoolJob => 'foundByWalk' in p);
    progress.onStart?.(jobs.length);
    const done = (out: FileLint) => {
      if (out.snapshot) this.snapshots.set(out.result, out.snapshot);
      progress.onFile?.(out.result);
    };
    const outputs: FileLint[] = new Array(jobs.length);
    // With the cache, unchanged files are answered here and only the others are linted.
    const cache = this.loadCache();
    const configKeys: string[] = [];
    const misses: number[] = [];
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      if (!cache) {
        misses.push(i);
        continue;
      }
      configKeys[i] = await this.configKey(job);
      const hit = isLargeUtf8(job.file) ? undefined : cache.get(job.file, contentDigest(readBytes(job.file)), configKeys[i]!);
      if (hit) {
        outputs[i] = { result: hit };
        done(outputs[i]!);
      } else misses.push(i);
    }
    const record = (out: FileLint, i: number) => {
      outputs[i] = out;
      if (cache && out.digest) cache.set(jobs[i]!.file, out.digest, configKeys[i]!, out.result);
      done(out);
    };
    const job = (i: number): PoolJob => ({ ...jobs[i]!, ...(cache ? { digest: true } : {}) });
    // A fix filter is a function, which cannot be sent to a worker: then one thread does it all.
    const concurrency = typeof this.options.fix === 'function' ? 'off' : (this.options.concurrency ?? 'off');
    // A large file (a help desk's whole macro export) is linted in a worker of its own whose heap
    // limit fits it: in this thread V8 would let the heap grow to ~70× the file before collecting.
    const alone = concurrency === 'off' ? [] : misses.filter((i) => fileSize(jobs[i]!.file) > ALONE_ABOVE_BYTES);
    const shared = alone.length ? misses.filter((i) => !alone.includes(i)) : misses;
    const workers = workerCount(concurrency, shared.length);
    if (workers > 0) {
      await lintInWorkers(shared.map(job), workers, this.workerOptions(), (out, n) => record(out, shared[n]!));
    } else {
      for (const i of shared) {
        // Linting is synchronous work behind promises: let the event loop turn between files,
        // so a signal (Ctrl-C) or a timer (the progress bar) is handled during a long run.
        await new Promise((resolve) => setImmediate(resolve));
        record(await this.lintPlannedFile(job(i)), i);
      }
    }
    for (const i of alone) {
      try {
        await lintInWorkers([job(i)], 1, this.workerOptions(), (out) => record(out, i), heapLimitFor(fileSize(jobs[i]!.file)));
      } catch (error) {
        // Too big for the limit after all: this thread has no limit but the machine's.
        if (!(error instanceof WorkerMemoryError)) throw error;
        record(await this.lintPlannedFile(job(i)), i);
      }
    }
    // Saved only once every file is done: an interrupted run leaves the last complete cache.
    try {
      cache?.save();
    } catch (error) {
      if (!(error instanceof ReplylintError)) throw error;
      this.cacheError = error;
    }
    let n = 0;
    return plan.map((p) => ('foundByWalk' in p ? outputs[n++]!.result : p));
  }

  private loadCache(): LintCache | undefined {
    if (!this.options.cache) return undefined;
    // What changes every result of a run: the engine's version and what the run does.
    const runKey = fingerprint({ version: VERSION, fix: Boolean(this.options.fix), reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives ?? false });
    return LintCache.load(cacheFilePath(this.cwd, this.options.cacheLocation), runKey);
  }

  /** What a file's cached result depends on besides its content: its config and the rules that apply. */
  private async configKey({ file, foundByWalk }: PoolJob): Promise<string> {
    const chain = await this.chainFor(file);
    let rulesKey = this.ruleKeys.get(chain.registry);
    if (rulesKey === undefined) {
      // A user rule's `source` is an absolute path: left out, so a CI cache hits in another checkout.
      rulesKey = fingerprint(chain.registry.definitions().map(({ source: _source, ...def }) => def));
      this.ruleKeys.set(chain.registry, rulesKey);
    }
    return fingerprint({ config: await this.calculateConfigForFile(file), rules: rulesKey, foundByWalk });
  }

  /** The options a worker's own ReplyLint gets: these, in this thread's cwd, linting in place. */
  private workerOptions(): ReplyLintOptions {
    const { fix, ...rest } = this.options;
    return { ...rest, cwd: this.cwd, concurrency: 'off', cache: false, ...(fix ? { fix: true } : {}) };
  }

  /**
   * Lints one file that lintFiles planned (not ignored). Public for the worker threads of
   * `concurrency`; not part of the documented API.
   * @internal
   */
  async lintPlannedFile({ file, foundByWalk, digest }: PoolJob): Promise<FileLint> {
    const chain = await this.chainFor(file);
    const config = await this.calculateConfigForFile(file);
    const common = {
      config,
      rules: chain.registry,
      reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives ?? false,
      foundByWalk,
    };
    const format = formatFor(file, config.input);
    // Only a large JSON Lines file is streamed (one conversation at a time); a smaller one is
    // read whole, so a conversation whose lines are interleaved with others' still reads as one.
    // (Not when fixing: the fixed file is written whole.)
    if (!this.options.fix && format === 'jsonl' && isLargeUtf8(file)) {
      return { result: await lintJsonLinesFile(file, common) };
    }
    let bytes: Buffer | undefined = readBytes(file);
    const decoded = sizeProblem(bytes.length, format) ?? decodeFile(bytes);
    if ('error' in decoded) {
      return { result: summarize(file, [{ ruleId: null, severity: 2, fatal: true, message: decoded.error, line: 1, column: 1, endLine: 1, endColumn: 1 }]) };
    }
    // Without fixes the bytes serve only the cache's digest: it is taken now and the buffer let
    // go, so a large export is not held twice (bytes and text) while it is linted.
    const early = !this.options.fix && digest ? contentDigest(bytes) : undefined;
    if (!this.options.fix) bytes = undefined;
    const result = await this.lint(decoded.text, { ...common, filePath: file });
    const snap = result.output !== undefined && bytes ? snapshot(file, bytes, decoded.text) : undefined;
    return {
      result,
      ...(snap ? { snapshot: snap } : {}),
      ...(digest ? { digest: early ?? snap?.digest ?? contentDigest(bytes!) } : {}),
    };
  }
}

/** Hooks for a progress display: the number of files to lint, then each file's result as it is done. */
export interface LintProgress {
  onStart?(total: number): void;
  onFile?(result: LintResult): void;
}

/**
 * Reads synchronously on purpose: linting is CPU-bound and one file at a time, so an awaited
 * read only leaves the thread idle (it was 40% of a 1,000-file run). ESLint reads the same way.
 */
// Above this size a JSON Lines file is streamed. REPLYLINT_STREAM_JSONL_ABOVE (bytes) lowers it,
// so bench/inputs.js can measure streaming on files it can lint in seconds.
const STREAM_ABOVE_BYTES = Number(process.env.REPLYLINT_STREAM_JSONL_ABOVE) || 32 * 1024 * 1024;

// A file is linted whole, at up to 300 bytes of memory per byte of text: above these sizes it is
// refused rather than run out of memory. A prose file is one reply (4 MB is far beyond any); a
// data file is an export of many, and a large help desk's macro export runs to tens of MB.
const MAX_PROSE_BYTES = 4 * 1024 * 1024;
const MAX_DATA_BYTES = 64 * 1024 * 1024;
const DATA_FORMATS = new Set(['json', 'jsonl', 'yaml', 'csv']);

/** Why a file of `size` bytes is too large to lint whole, or undefined when it is not. */
function sizeProblem(size: number, format: string): { error: string } | undefined {
  const limit = DATA_FORMATS.has(format) ? MAX_DATA_BYTES : MAX_PROSE_BYTES;
  if (size <= limit) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { error: `file too large to lint (${mb(size)}; the limit is ${mb(limit)} for ${DATA_FORMATS.has(format) ? 'a data file' : 'one reply'}): split it, or export it as JSON Lines, which is streamed` };
}

/** Above this size a file is linted alone in a worker sized for it (unless concurrency is off). */
const ALONE_ABOVE_BYTES = 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the read reports it
  }
}

/** Large enough to stream, and plain UTF-8 (a BOM'd UTF-16 or binary file goes the usual way). */
function isLargeUtf8(file: string): boolean {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return false;
  }
  if (size < STREAM_ABOVE_BYTES) return false;
  const head = Buffer.alloc(8000);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const decoded = decodeFile(head);
  return !('error' in decoded) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff);
}

// package.json, CI workflows and the like: never replies, whoever names them ("**/" matches the
// top level too). Compiled on first use: only --skip-non-replies (and the language server) needs
// it, and start-up counts.
let notReplyFile: picomatch.Matcher | undefined;
export function isNotReplyFile(relPath: string): boolean {
  notReplyFile ??= picomatch(NOT_REPLY_FILES, { dot: true, nocase: true });
  return notReplyFile(relPath.split('\\').join('/'));
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') throw new ReplylintError('not a regular file', file);
    throw new ReplylintError(`cannot read file (${e.code ?? e.message})`, file);
  }
}

function ignoredResult(filePath: string): LintResult {
  return summarize(filePath, [
    {
      ruleId: null,
      severity: 1,
      message: 'File ignored because of a matching ignore pattern (see .replylintignore, --ignore-path and "ignorePatterns" in the config).',
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 0,
    },
  ]);
}
