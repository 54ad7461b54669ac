// The command line: commander options → the ReplyLint API → a formatter → stdout, and an exit code.
// Nothing else in the project reads argv, writes to the console or decides the exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { atomicWrite, openAtomic, type AtomicFile } from '../fix/write.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ReplyLint, type LintProgress } from '../api/replylint.js';
import { changedFiles } from '../api/changed-files.js';
import { expandPatterns } from '../api/files.js';
import { decodeFile } from '../api/read.js';
import { parseConcurrency, type Concurrency } from '../api/pool.js';
import { VERSION } from '../api/version.js';
import { applySuppressions, pruneSuppressions, readSuppressions, recordSuppressions, writeSuppressions } from '../api/suppressions.js';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { addToTotals, emptyTotals, FORMATTERS, formatUsesRulesMeta, getFormatterParts, type FormatterOptions, type FormatterParts } from '../format/index.js';
import { redactResults } from '../format/redact.js';
import { INPUT_FORMATS, type InputFormatName, type LintResult } from '../types.js';
import { explainRule, listRules, printConfig } from './info.js';
import { testRules } from './test-rules.js';
import { createProgress, type ProgressStream } from './progress.js';

/** Exit codes (DESIGN.md): 0 clean, 1 lint errors or too many warnings, 2 the run failed. */
export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_FAILURE = 2;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  cwd: string;
  /** Where the progress bar draws (the real stderr); absent (tests, embedding): no bar. */
  progressStream?: ProgressStream;
}

interface CliOptions {
  format: string;
  config?: string;
  configLookup: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  listRules?: boolean;
  explain?: string;
  printConfig?: string;
  init?: boolean;
  color?: boolean;
  debug?: boolean;
  inputFormat?: InputFormatName;
  includeInternal?: boolean;
  reportUnusedDisableDirectives?: boolean;
  ignorePath?: string;
  ignore: boolean;
  warnIgnored: boolean;
  skipNonReplies?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  outputFile?: string;
  redact?: boolean;
  changedSince?: string;
  suppressAll?: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  passOnUnprunedSuppressions?: boolean;
  concurrency: Concurrency;
  progress: boolean;
  cache?: boolean;
  cacheLocation?: string;
}


function program(io: CliIO): Command {
  return new Command('replylint')
    .description('Lint customer-support replies: blame, dead-end refusals, missing alternatives and tone, with suggested rewrites.')
    .argument('[paths...]', 'files, folders and globs to lint (default: the current folder)')
    .addOption(
      new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'),
    )
    .option('-c, --config <path>', 'use this config file for every file instead of looking one up')
    .option('--no-config-lookup', 'do not look for config files; use the recommended preset (or --config)')
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings', parseCount)
    .option('--quiet', 'report errors only (warning rules are not run)')
    .addOption(new Option('--input-format <format>', 'read every file as this format instead of by extension and shape').choices([...INPUT_FORMATS]))
    .option('--include-internal', 'also lint internal notes in exports and transcripts')
    .option('--ignore-path <file>', `ignore the files this gitignore-style file lists (default: ./.replylintignore)`)
    .option('--no-ignore', 'lint ignored files too (no ignore file, no ignorePatterns)')
    .option('--report-unused-disable-directives', 'report replylint-disable comments that silence nothing or name unknown rules')
    .option('--no-warn-ignored', 'no "File ignored" warning for ignored files named on the command line')
    .option('--skip-non-replies', 'filter files named on the command line as a folder walk does (for hooks that pass every staged file)')
    .option('--fix', 'apply the safe fixes and write the files (suggestions are never applied)')
    .option('--fix-dry-run', 'compute the safe fixes without writing (JSON output carries "output")')
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout')
    .option('--redact', 'leave the reply text out of the report (messages become rule summaries; no rewrites, macro titles or speakers)')
    .option('--changed-since <ref>', 'lint only the files changed since this git ref (committed, staged, unstaged or new)')
    .option('--suppress-all', "record every problem found in the suppressions file (a baseline): later runs report only new ones")
    .option('--suppress-rule <ruleId>', "record this rule's problems in the suppressions file (repeatable)", collect)
    .option('--suppressions-location <file>', 'the suppressions file (default: ./replylint-suppressions.json)')
    .option('--prune-suppressions', 'remove suppressions whose problems have been fixed')
    .option('--pass-on-unpruned-suppressions', 'do not fail the run when suppressed problems have been fixed')
    .option(
      '--concurrency <n|auto|off>',
      'worker threads across files: a number, auto (one per two CPUs when there are 200+ files) or off',
      parseConcurrencyOption,
      'auto',
    )
    .option('--cache', 'reuse the results of files unchanged since the last run (content, config, rules and version)')
    .option('--cache-location <path>', 'the cache file, or a folder to keep .replylintcache in (default: ./.replylintcache)')
    .option('--no-progress', 'no progress bar on stderr (shown only on a terminal, outside CI, for runs over half a second)')
    .option('--lsp', 'speak the Language Server Protocol on stdin/stdout (for editors)')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'file name for --stdin text: picks the format and the config')
    .option('--list-rules', 'list every rule and how the config sets it')
    .option('--explain <ruleId>', "print a rule's why, examples and rewrites")
    .option('--print-config <file>', 'print the config that applies to a file')
    .option('--init', 'write a starter .replylintrc.json in the current folder')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces for internal errors')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      `
Examples:
  $ replylint macros/                       lint every reply file under macros/ (txt, md, html,
                                            json/yaml/csv exports, transcripts)
  $ replylint zendesk-macros.json           a help-desk export: findings name the macro
  $ replylint "replies/**/*.md" --quiet     errors only, for a glob
  $ replylint drafts/ --format json > report.json
  $ replylint . --max-warnings 0            fail CI on any warning
  $ echo "It's not our fault." | replylint --stdin
  $ replylint macros/ --fix                 apply the safe rewrites in place (any format)
  $ replylint . --format sarif -o replylint.sarif     for GitHub code scanning
  $ replylint macros/ --format html -o report.html    a report to open in a browser
  $ replylint chats/ --format json --redact           no reply text in the output
  $ replylint . --changed-since origin/main          only what a pull request changed
  $ replylint macros/ --suppress-all        baseline today's problems; later runs report new ones
  $ replylint --explain blame/not-our-fault
  $ replylint test-rules my-rules/          check your own rule files and their examples

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many
warnings, 2 the run failed (bad usage, bad config or rule file, unreadable input).`,
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError();
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseConcurrencyOption(value: string): Concurrency {
  const parsed = parseConcurrency(value);
  if (parsed === undefined) throw new InvalidArgumentError('expected a number of threads (1–256), "auto" or "off".');
  return parsed;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return Number(value);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--lsp')) return languageServer(argv, io);
  if (argv[0] === 'test-rules') return testRulesCommand(argv.slice(1), io);
  const cmd = program(io);
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    }
    throw error;
  }
  const opts = cmd.opts<CliOptions>();
  const paths = cmd.args;
  try {
    return await run(paths, opts, io);
  } catch (error) {
    return reportFailure(error, opts.debug ?? false, io);
  }
}

/**
 * `replylint --lsp`: the editor sends the documents, so nothing else may be named. `--stdio` and
 * `--clientProcessId` are what LSP clients append (the server library reads the latter itself).
 * The server's code is loaded only here, to keep the CLI's start-up quick.
 */
async function languageServer(argv: string[], io: CliIO): Promise<number> {
  const others = argv.filter((arg, i) => arg !== '--lsp' && arg !== '--stdio' && !arg.startsWith('--clientProcessId=') && arg !== '--clientProcessId' && argv[i - 1] !== '--clientProcessId');
  if (others.length) {
    io.stderr(`replylint: --lsp takes no paths or other options (the editor sends the documents): ${others.join(' ')}\n`);
    return EXIT_FAILURE;
  }
  const { startLanguageServer } = await import('../lsp/server.js');
  return startLanguageServer();
}

/** `replylint test-rules [DIR]`: check a folder of rule files (default: the built-in ones) and run their examples. */
async function testRulesCommand(argv: string[], io: CliIO): Promise<number> {
  const cmd = new Command('replylint test-rules')
    .description("Validate a folder of rule files and run each rule's examples (invalid must fire, valid must not).")
    .argument('[dir]', 'folder of rule files (.yaml); default: the built-in rules')
    .option('--debug', 'print stack traces for internal errors')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
    throw error;
  }
  try {
    return await testRules(cmd.args[0] === undefined ? undefined : resolve(io.cwd, cmd.args[0]), io);
  } catch (error) {
    return reportFailure(error, cmd.opts<{ debug?: boolean }>().debug ?? false, io);
  }
}

async function run(paths: string[], opts: CliOptions, io: CliIO): Promise<number> {
  const color = opts.color ?? useColor(io);
  if (opts.init) return init(io);
  if (opts.stdin && paths.length) throw new ReplylintError('--stdin cannot be used with file paths');
  if (opts.stdinFilename && !opts.stdin) throw new ReplylintError('--stdin-filename needs --stdin');

  if (opts.fix && opts.fixDryRun) throw new ReplylintError('--fix and --fix-dry-run cannot be used together');
  if (opts.changedSince && opts.stdin) throw new ReplylintError('--changed-since cannot be used with --stdin');
  const suppressing = Boolean(opts.suppressAll || opts.suppressRule?.length);
  if (suppressing && opts.pruneSuppressions) throw new ReplylintError('--suppress-all/--suppress-rule and --prune-suppressions cannot be used together');
  if (opts.suppressAll && opts.suppressRule?.length) throw new ReplylintError('--suppress-all and --suppress-rule cannot be used together');
  // Under --quiet warning rules do not run, so their recorded problems would look fixed.
  if (opts.quiet && (suppressing || opts.pruneSuppressions)) {
    throw new ReplylintError('--quiet cannot be used with --suppress-all, --suppress-rule or --prune-suppressions (warning rules are not run, so their suppressions would be lost)');
  }

  const informational = Boolean(opts.explain || opts.listRules || opts.printConfig);
  const linter = new ReplyLint({
    cwd: io.cwd,
    configFile: opts.config,
    configLookup: opts.configLookup,
    // --quiet skips warning rules when linting; --list-rules and friends still show them.
    errorsOnly: opts.quiet && !informational,
    ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}),
    ...(opts.includeInternal ? { includeInternal: true } : {}),
    ...(opts.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
    ...(opts.ignorePath ? { ignorePath: opts.ignorePath } : {}),
    ...(opts.skipNonReplies ? { skipNonReplies: true } : {}),
    ...(opts.fix || opts.fixDryRun ? { fix: true } : {}),
    ignore: opts.ignore,
    warnIgnored: opts.warnIgnored,
    concurrency: opts.concurrency,
    ...(opts.cache ? { cache: true } : {}),
    ...(opts.cacheLocation ? { cacheLocation: opts.cacheLocation } : {}),
  });

  if (opts.explain) {
    io.stdout(await explainRule(linter, opts.explain, color));
    return EXIT_OK;
  }
  if (opts.listRules) {
    io.stdout(await listRules(linter, color));
    return EXIT_OK;
  }
  if (opts.printConfig) {
    io.stdout(await printConfig(linter, opts.printConfig));
    return EXIT_OK;
  }

  if (opts.cacheLocation && !opts.cache) throw new ReplylintError('--cache-location needs --cache');
  const formatter = linter.loadFormatter(opts.format);
  let results = await lintRequested(linter, paths, opts, io);
  // The results stand without a cache; the next run will lint everything again.
  if (linter.cacheError) io.stderr(`replylint: warning: ${linter.cacheError.format(displayPathIn(io.cwd))}\n`);

  // --fix writes before reporting, so the report describes the files as they now are.
  let failedWrites = 0;
  if (opts.fix && !opts.stdin) {
    const { failed } = linter.writeFixes(results);
    for (const f of failed) io.stderr(`${displayPathIn(io.cwd)(f.filePath)}: ${f.message}\n`);
    failedWrites = failed.length;
  }

  let unpruned = 0;
  if (!opts.stdin) ({ results, unpruned } = applyBaseline(results, opts, io));

  // --quiet: errors only, including notices such as "File ignored" (as ESLint does).
  if (opts.quiet) results = results.map(errorsOnly);

  // The fixed text of --stdin --fix is the output, not the report: it is taken before redacting.
  const fixedStdin = opts.stdin && opts.fix ? (results[0]!.output ?? results[0]!.source ?? '') : undefined;
  // Only --redact and the formats that describe rules read their metadata: the others skip
  // collecting and sorting every rule (~13 ms of a cold single-file run, most of it the first
  // localeCompare loading ICU's collator).
  const rulesMeta = opts.redact || formatUsesRulesMeta(opts.format) ? await linter.rulesMeta() : undefined;
  if (opts.redact) results = redactResults(results, rulesMeta!);
  const formatOptions: FormatterOptions = {
    color: opts.outputFile ? false : color,
    displayPath: displayPathIn(io.cwd),
    cwd: io.cwd,
    ...(rulesMeta && { rulesMeta }),
    version: VERSION,
    // The HTML report shows each problem in its line; under --redact it shows none.
    ...(opts.redact ? {} : { sourceText: readSourceText }),
  };
  const parts = fixedStdin === undefined ? getFormatterParts(opts.format) : undefined;
  if (fixedStdin !== undefined) {
    // The fixed text is the output (for editors and pipes); the report of what is left goes to stderr.
    io.stdout(fixedStdin);
    const report = formatter(results, formatOptions);
    if (results[0]!.messages.length && report) io.stderr(report.endsWith('\n') ? report : report + '\n');
  } else if (parts) {
    writeReportInParts(parts, results, formatOptions, opts.outputFile ? resolve(io.cwd, opts.outputFile) : undefined, io);
  } else {
    const report = formatter(results, formatOptions);
    if (opts.outputFile) writeReport(resolve(io.cwd, opts.outputFile), report);
    else if (report) io.stdout(report.endsWith('\n') ? report : report + '\n');
  }

  if (unpruned > 0) {
    io.stderr(
      `replylint: ${unpruned} suppressed problem${unpruned === 1 ? ' has' : 's have'} been fixed: run with --prune-suppressions to remove ${unpruned === 1 ? 'it' : 'them'} from ${displayPathIn(io.cwd)(suppressionsFile(opts, io))}` +
        `${opts.passOnUnprunedSuppressions ? '' : ' (or pass --pass-on-unpruned-suppressions)'}.\n`,
    );
  }

  // A file that could not be read (a JSON syntax error, a binary file) fails the run, and so
  // does a fix that could not be written.
  if (results.some((r) => r.fatalErrorCount > 0) || failedWrites > 0) return EXIT_FAILURE;
  if (unpruned > 0 && !opts.passOnUnprunedSuppressions) return EXIT_FAILURE;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_LINT;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr(`replylint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return EXIT_LINT;
  }
  return EXIT_OK;
}

const SUPPRESSIONS_FILE = 'replylint-suppressions.json';

/** The files the command line names (or stdin, or the files changed since a ref), linted. */
async function lintRequested(linter: ReplyLint, paths: string[], opts: CliOptions, io: CliIO): Promise<LintResult[]> {
  if (opts.stdin) return [await linter.lintText(await io.readStdin(), { filePath: opts.stdinFilename })];
  const progress = io.progressStream && createProgress(io.progressStream, io.env, opts.progress);
  const hooks: LintProgress = progress
    ? { onStart: (total) => progress.start(total), onFile: (r) => progress.tick(r.errorCount + r.warningCount) }
    : {};
  try {
    if (!opts.changedSince) return await linter.lintFiles(paths, hooks);
    const changed = await changedFilesUnder(opts.changedSince, paths, io.cwd);
    if (changed.length === 0) {
      io.stderr(`replylint: no files to lint: nothing under ${paths.length ? paths.join(', ') : '.'} changed since ${opts.changedSince}\n`);
      return [];
    }
    return await linter.lintFiles(changed, hooks);
  } finally {
    // Before anything else reaches stderr or stdout, and on errors too: a drawn bar's redraw
    // timer would otherwise keep the process alive.
    progress?.stop();
  }
}

function suppressionsFile(opts: CliOptions, io: CliIO): string {
  return resolve(io.cwd, opts.suppressionsLocation ?? SUPPRESSIONS_FILE);
}

/**
 * Bulk suppressions: record today's problems (--suppress-all/--suppress-rule), prune the fixed
 * ones (--prune-suppressions), then hide what the file records. Returns the results left and
 * how many recorded problems no longer occur.
 */
function applyBaseline(results: LintResult[], opts: CliOptions, io: CliIO): { results: LintResult[]; unpruned: number } {
  const file = suppressionsFile(opts, io);
  const base = dirname(file);
  if (opts.suppressAll || opts.suppressRule?.length) {
    writeSuppressions(file, recordSuppressions(readSuppressions(file), results, base, opts.suppressRule));
  } else if (opts.pruneSuppressions && existsSync(file)) {
    writeSuppressions(file, pruneSuppressions(readSuppressions(file), results, base));
  }
  if (!existsSync(file)) return { results, unpruned: 0 };
  const applied = applySuppressions(results, readSuppressions(file), base);
  if (opts.suppressAll || opts.suppressRule?.length) {
    const n = applied.suppressedCount;
    io.stderr(`replylint: ${n} problem${n === 1 ? '' : 's'} recorded in ${displayPathIn(io.cwd)(file)}: later runs report only new ones.\n`);
  }
  for (const e of applied.exceeded) {
    io.stderr(
      `replylint: ${e.count} problems of ${e.ruleId} in ${displayPathIn(io.cwd)(e.filePath)}${e.macro ? ` (macro ${e.macro})` : ''} exceed the ${e.suppressed} suppressed: all of them are reported.\n`,
    );
  }
  // Under --quiet warning rules did not run: their records are not "fixed".
  return { results: applied.results, unpruned: opts.quiet ? 0 : applied.unused.reduce((n, u) => n + u.count, 0) };
}

/** Paths shown relative to the working folder when they are inside it. */
function displayPathIn(cwd: string): (p: string) => string {
  return (p) => {
    if (!isAbsolute(p)) return p;
    const rel = relative(cwd, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
}

/** The changed files that the paths given (default: the whole folder) would lint. */
async function changedFilesUnder(ref: string, paths: string[], cwd: string): Promise<string[]> {
  const changed = changedFiles(ref, cwd);
  if (changed.length === 0) return [];
  const { files } = await expandPatterns(paths.length ? paths : ['.'], cwd);
  const wanted = new Set(files);
  return changed.filter((f) => wanted.has(f));
}

/** The report file, written atomically (a half-written SARIF file would fail the upload). */
function writeReport(file: string, report: string): void {
  try {
    atomicWrite(file, report.endsWith('\n') || report === '' ? report : report + '\n');
  } catch (error) {
    throw new ReplylintError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, file);
  }
}

/** Output is handed on in pieces of about this many characters: fewer writes, no whole-report string. */
const REPORT_CHUNK = 64 * 1024;

/**
 * Writes a report file by file (to the report file, atomically, or to stdout), so a run over
 * 100,000 files never holds its report as one string: the bytes are those of the whole report.
 */
function writeReportInParts(parts: FormatterParts, results: LintResult[], options: FormatterOptions, file: string | undefined, io: CliIO): void {
  const failed = (error: unknown) => new ReplylintError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, file);
  let sink: AtomicFile | undefined;
  try {
    if (file) sink = openAtomic(file);
  } catch (error) {
    throw failed(error);
  }
  let pending = '';
  let endsWithNewline = true;
  const flush = () => {
    if (!pending) return;
    if (sink) sink.write(pending);
    else io.stdout(pending);
    pending = '';
  };
  const emit = (text: string) => {
    if (!text) return;
    pending += text;
    endsWithNewline = text.endsWith('\n');
    if (pending.length >= REPORT_CHUNK) flush();
  };
  try {
    const totals = emptyTotals();
    results.forEach((result, index) => {
      emit(parts.file(result, index, options));
      addToTotals(totals, result);
    });
    emit(parts.end(totals, options));
    // As with any report: one that says something ends with a newline.
    if (!endsWithNewline) emit('\n');
    flush();
    sink?.commit();
  } catch (error) {
    sink?.abort();
    if (!sink) throw error;
    throw failed(error);
  }
}

/** A linted file's text as the engine read it, for the report's context lines; unreadable now: none. */
function readSourceText(filePath: string): string | undefined {
  try {
    const decoded = decodeFile(readFileSync(filePath));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

/** No colour unless stdout is a terminal; NO_COLOR and FORCE_COLOR win over that. */
function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutIsTTY;
}

const STARTER_CONFIG = {
  $schema: './node_modules/replylint/schema/config.schema.json',
  extends: 'replylint:recommended',
  rules: {},
  ignorePatterns: [],
};

function init(io: CliIO): number {
  const file = join(io.cwd, '.replylintrc.json');
  if (existsSync(file)) throw new ReplylintError('a config already exists here; not overwriting it', file);
  writeFileSync(file, JSON.stringify(STARTER_CONFIG, null, 2) + '\n', { flag: 'wx' });
  io.stdout(`Wrote ${relative(io.cwd, file)}: it extends replylint:recommended. See .replylintrc.example.json in the package for every key.\n`);
  return EXIT_OK;
}

function reportFailure(error: unknown, debug: boolean, io: CliIO): number {
  const errors = error instanceof ReplylintErrors ? error.errors : error instanceof ReplylintError ? [error] : undefined;
  if (errors) {
    for (const e of errors) io.stderr(`${e.file ? e.format(displayPathIn(io.cwd)) : `replylint: ${e.message}`}\n`);
    if (debug) io.stderr(`${(error as Error).stack}\n`);
    return EXIT_FAILURE;
  }
  const e = error as Error;
  io.stderr(`replylint: internal error: ${e?.message ?? String(error)}\n`);
  io.stderr(debug ? `${e?.stack}\n` : 'Run again with --debug to see the stack trace, and please report it.\n');
  return EXIT_FAILURE;
}

/** The real process around main(). */
export function processIO(): CliIO {
  // Linting allocates fast, so V8 lets the heap grow to several times what is live before it
  // collects: with --concurrency off, 10,000 files peaked at ~245 MB RSS, ~170 MB with the growth
  // held to 1.5× the live heap, for the same CPU time. Workers have their own limits (pool.ts);
  // the flag is set here, in the process the CLI owns, never by the library for its host.
  setFlagsFromString('--heap-growing-percent=50');
  // `replylint … | head` closes our stdout early: that ends the run quietly, not with a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Ctrl-C ends the run between files, never inside a write: fixes and reports are written
  // synchronously (temporary file, then rename), so this handler cannot run in the middle of
  // one and leave a temporary file behind. 130 is the shell's code for an interrupt.
  process.once('SIGINT', () => {
    // Clear a progress bar's line first, so the message does not land in the middle of it.
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
    process.stderr.write('replylint: interrupted; no file was left half-written.\n');
    process.exit(130);
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    cwd: resolve(process.cwd()),
    progressStream: process.stderr,
  };
}
