// Bulk suppressions (a baseline, as ESLint's): the suppressions file, recording today's problems,
// hiding them in later runs, and pruning the entries whose problems have been fixed.
//
// The file (schema/suppressions.schema.json), written with sorted keys, 2-space indent and a final
// newline so that it diffs well in a repository:
//
//   {
//     "version": 1,
//     "files": {
//       "macros/zendesk.json": { "macros": { "360001": { "blame/third-party": { "count": 1 } } } },
//       "replies/refund.txt": { "rules": { "tone/you-have-to": { "count": 2 } } }
//     }
//   }
//
// File paths are relative to the suppressions file's folder, with forward slashes. Problems inside
// a macro of an export are counted per macro (its id, else its title), so editing or reordering
// one macro leaves the others' counts valid; problems outside any macro go under "rules".
// For each (file, macro, rule), as in ESLint: when there are no more problems than recorded, all
// of them are suppressed; when there are more, all of them are reported (which one is new cannot
// be told). Errors and warnings are both counted; fatal problems and notices without a rule never are.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { summarize } from '../engine/lint-text.js';
import { atomicWrite } from '../fix/write.js';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { parseDataFile } from '../schema/data-file.js';
import { suppressionsValidator } from '../schema/schemas.js';
import { schemaErrors } from '../schema/validate.js';
import type { LintMessage, LintResult, SuppressedMessage } from '../types.js';

export interface RuleCounts {
  [ruleId: string]: { count: number };
}

export interface FileSuppressions {
  /** problems outside any macro, by rule id */
  rules?: RuleCounts;
  /** problems inside a macro of an export, by macro id (or title), then rule id */
  macros?: Record<string, RuleCounts>;
}

export interface SuppressionsFile {
  version: 1;
  /** by path relative to the suppressions file's folder, forward slashes */
  files: Record<string, FileSuppressions>;
}

/** Recorded problems that no longer occur: `count` of them have been fixed. */
export interface UnusedSuppression {
  /** the result's (absolute) filePath */
  filePath: string;
  /** the macro id (or title) the entry is for, when it is inside a macro */
  macro?: string;
  ruleId: string;
  count: number;
}

/** More problems than recorded: all `count` of them are reported, `suppressed` were recorded. */
export interface ExceededSuppression {
  filePath: string;
  macro?: string;
  ruleId: string;
  count: number;
  suppressed: number;
}

/** A message hidden by the suppressions file, marked the way ESLint marks it. */

/** A result with ESLint's `suppressedMessages` (present only when something was suppressed). */

export interface AppliedSuppressions {
  results: LintResult[];
  /** how many messages were hidden, over all results */
  suppressedCount: number;
  unused: UnusedSuppression[];
  exceeded: ExceededSuppression[];
}

// In memory a file's entries are one map: macro key (undefined: outside any macro) → rule → count.
type Scope = string | undefined;
type Counts = Map<Scope, Map<string, number>>;

function emptySuppressions(): SuppressionsFile {
  return { version: 1, files: {} };
}

/** The suppressions file; a missing file is an empty one. A bad file is a located ReplylintError. */
export function readSuppressions(path: string): SuppressionsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return emptySuppressions();
    throw new ReplylintError(`cannot read the suppressions file (${code ?? (error as Error).message})`, path);
  }
  const data = parseDataFile(text, path);
  const errors = schemaErrors(suppressionsValidator(), data);
  if (errors.length) throw errors.length === 1 ? errors[0]! : new ReplylintErrors(errors);
  return data.value as SuppressionsFile;
}

/** The file's text: keys sorted, 2-space JSON, a final newline. */
export function serializeSuppressions(s: SuppressionsFile): string {
  // Objects are rebuilt with their keys inserted in order. (JavaScript lists integer-like keys,
  // such as numeric macro ids, first and in numeric order: still the same text for the same data.)
  const files = sortedEntries(s.files).map(([file, entry]): [string, FileSuppressions] => {
    const out: FileSuppressions = {};
    if (entry.macros && Object.keys(entry.macros).length) {
      out.macros = Object.fromEntries(sortedEntries(entry.macros).map(([macro, rules]) => [macro, sortedRules(rules)]));
    }
    if (entry.rules && Object.keys(entry.rules).length) out.rules = sortedRules(entry.rules);
    return [file, out];
  });
  return JSON.stringify({ version: 1, files: Object.fromEntries(files) }, null, 2) + '\n';
}

function sortedRules(rules: RuleCounts): RuleCounts {
  return Object.fromEntries(sortedEntries(rules).map(([id, { count }]) => [id, { count }]));
}

// Code-unit order, not the locale's: the same file on every machine.
function sortedEntries<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes the file atomically (a temporary file beside it, then a rename), keeping the permissions
 * of the file it replaces; through a symbolic link, the file linked to is replaced.
 */
export function writeSuppressions(path: string, s: SuppressionsFile): void {
  try {
    atomicWrite(path, serializeSuppressions(s));
  } catch (error) {
    throw new ReplylintError(`cannot write the suppressions file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, path);
  }
}

/**
 * `existing` with the problems of every file linted in this run recorded (`base`: the
 * suppressions file's folder). Without `rules`, a linted file's entries are replaced by its
 * problems now; with `rules`, only those rules' entries are. Other files' entries are kept.
 */
export function recordSuppressions(existing: SuppressionsFile, results: LintResult[], base: string, rules?: string[]): SuppressionsFile {
  const only = rules?.length ? new Set(rules) : undefined;
  const files = { ...existing.files };
  for (const result of results) {
    const file = fileKey(base, result);
    if (file === undefined || !wasLinted(result)) continue;
    const now = countsOf(groupMessages(result.messages));
    let merged: Counts = now;
    if (only) {
      merged = toCounts(lookup(files, file));
      for (const byRule of merged.values()) for (const id of only) byRule.delete(id);
      for (const [scope, byRule] of now) {
        for (const [id, count] of byRule) if (only.has(id)) setCount(merged, scope, id, count);
      }
    }
    setFile(files, file, merged);
  }
  return { version: 1, files };
}

/**
 * Hides the problems the file records, recomputing each result's counts. Also returns the
 * entries whose problems have (partly) been fixed, for files linted in this run only, and the
 * (file, macro, rule) groups with more problems than recorded, all of which stay reported.
 */
export function applySuppressions(results: LintResult[], s: SuppressionsFile, base: string): AppliedSuppressions {
  const out: AppliedSuppressions = { results: [], suppressedCount: 0, unused: [], exceeded: [] };
  for (const result of results) {
    const file = fileKey(base, result);
    const recorded = file === undefined ? undefined : lookup(s.files, file);
    if (!recorded) {
      out.results.push(result);
      continue;
    }
    const counts = toCounts(recorded);
    const groups = groupMessages(result.messages);
    const hidden = new Set<LintMessage>();
    for (const [scope, byRule] of groups) {
      for (const [ruleId, messages] of byRule) {
        const suppressed = counts.get(scope)?.get(ruleId);
        if (suppressed === undefined) continue;
        if (messages.length <= suppressed) for (const m of messages) hidden.add(m);
        else out.exceeded.push({ filePath: result.filePath, ...scoped(scope), ruleId, count: messages.length, suppressed });
      }
    }
    if (wasLinted(result)) {
      for (const [scope, byRule] of counts) {
        for (const [ruleId, suppressed] of byRule) {
          const now = groups.get(scope)?.get(ruleId)?.length ?? 0;
          if (now < suppressed) out.unused.push({ filePath: result.filePath, ...scoped(scope), ruleId, count: suppressed - now });
        }
      }
    }
    if (hidden.size === 0) {
      out.results.push(result);
      continue;
    }
    const suppressedMessages = result.messages.filter((m) => hidden.has(m)).map((m): SuppressedMessage => ({ ...m, suppressions: [{ kind: 'file', justification: '' }] }));
    out.results.push({ ...result, ...summarize(result.filePath, result.messages.filter((m) => !hidden.has(m))), suppressedMessages });
    out.suppressedCount += hidden.size;
  }
  return out;
}

/**
 * `s` with the counts of files linted in this run lowered to their problems now, and entries
 * with none left removed. Nothing is added or raised; other files' entries are kept.
 */
export function pruneSuppressions(s: SuppressionsFile, results: LintResult[], base: string): SuppressionsFile {
  const files = { ...s.files };
  for (const result of results) {
    const file = fileKey(base, result);
    if (file === undefined || !wasLinted(result)) continue;
    const recorded = lookup(files, file);
    if (!recorded) continue;
    const now = countsOf(groupMessages(result.messages));
    const counts = toCounts(recorded);
    for (const [scope, byRule] of counts) {
      for (const [ruleId, suppressed] of byRule) setCount(counts, scope, ruleId, Math.min(suppressed, now.get(scope)?.get(ruleId) ?? 0));
    }
    setFile(files, file, counts);
  }
  return { version: 1, files };
}

/**
 * The result's key in the file: its path relative to `base`, with forward slashes, in NFC (a
 * name read from macOS can be decomposed). Undefined for text without a file (stdin's "<text>").
 */
function fileKey(base: string, result: LintResult): string | undefined {
  if (!isAbsolute(result.filePath)) return undefined;
  return relative(base, result.filePath).split(sep).join('/').normalize('NFC');
}

/**
 * Whether the whole file was read and linted: not when a problem stopped the reading (fatal),
 * nor for a "File ignored" notice (a message without a rule or a line). Such a file's entries
 * are neither reported as unused nor rewritten: they still stand for the next full run.
 */
function wasLinted(result: LintResult): boolean {
  return !result.messages.some((m) => m.fatal || (m.ruleId === null && m.line === 0));
}

/** Messages a suppression can hide, by macro key then rule id. */
function groupMessages(messages: LintMessage[]): Map<Scope, Map<string, LintMessage[]>> {
  const groups = new Map<Scope, Map<string, LintMessage[]>>();
  for (const m of messages) {
    if (m.ruleId === null || m.fatal) continue;
    const scope = m.macro?.id || m.macro?.title || undefined;
    let byRule = groups.get(scope);
    if (!byRule) groups.set(scope, (byRule = new Map()));
    let list = byRule.get(m.ruleId);
    if (!list) byRule.set(m.ruleId, (list = []));
    list.push(m);
  }
  return groups;
}

function countsOf(groups: Map<Scope, Map<string, LintMessage[]>>): Counts {
  return new Map([...groups].map(([scope, byRule]) => [scope, new Map([...byRule].map(([id, list]) => [id, list.length]))]));
}

function scoped(scope: Scope): { macro?: string } {
  return scope === undefined ? {} : { macro: scope };
}

// Own properties only: a file named like an Object.prototype member ("constructor") is just a key.
function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function toCounts(entry: FileSuppressions | undefined): Counts {
  const counts: Counts = new Map();
  const add = (scope: Scope, rules: RuleCounts | undefined) => {
    for (const [id, { count }] of Object.entries(rules ?? {})) setCount(counts, scope, id, count);
  };
  add(undefined, entry?.rules);
  for (const [macro, rules] of Object.entries(entry?.macros ?? {})) add(macro, rules);
  return counts;
}

/** Sets a count; zero removes the entry. */
function setCount(counts: Counts, scope: Scope, ruleId: string, count: number): void {
  let byRule = counts.get(scope);
  if (!byRule) counts.set(scope, (byRule = new Map()));
  if (count > 0) byRule.set(ruleId, count);
  else byRule.delete(ruleId);
}

/** Stores a file's counts, or removes the file when it has none. */
function setFile(files: Record<string, FileSuppressions>, file: string, counts: Counts): void {
  const entry: FileSuppressions = {};
  const macros: Array<[string, RuleCounts]> = [];
  for (const [scope, byRule] of counts) {
    if (byRule.size === 0) continue;
    const rules = Object.fromEntries([...byRule].map(([id, count]) => [id, { count }]));
    if (scope === undefined) entry.rules = rules;
    else macros.push([scope, rules]);
  }
  if (macros.length) entry.macros = Object.fromEntries(macros);
  if (entry.rules || entry.macros) put(files, file, entry);
  else delete files[file];
}

// Object.fromEntries and defineProperty create own keys even for "__proto__" (an assignment would not).
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
