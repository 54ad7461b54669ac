// The language server's pure translations: lint messages → LSP diagnostics, their fixes and
// suggestions → code actions, rule definitions → hover text, config errors → diagnostics.
import type { CodeAction, Diagnostic, DiagnosticSeverity, Hover, Position, Range, TextEdit } from 'vscode-languageserver';
import type { ReplylintError } from '../errors.js';
import type { Fix, LintMessage, RuleDefinition } from '../types.js';

export const SOURCE = 'replylint';
export const FIX_ALL_KIND = 'source.fixAll.replylint';
export const FIX_ALL_TITLE = 'Fix all replylint problems';

/** The text of a document as the server holds it: what positions are computed from. */
export interface DocumentText {
  version: number;
  getText(): string;
  positionAt(offset: number): Position;
}

/** An edit ready to offer as a code action. */
export interface TitledEdit {
  title: string;
  edit: TextEdit;
}

/**
 * What a diagnostic carries for code actions (the client sends it back untouched): the edits in
 * document positions of the version they were computed for, so no re-lint is needed.
 */
export interface DiagnosticData {
  version: number;
  fix?: TitledEdit;
  suggestions?: TitledEdit[];
}

const ERROR: DiagnosticSeverity = 1;
const WARNING: DiagnosticSeverity = 2;

/** A 1-based line/column (0 where the message has no place) as a 0-based LSP position. */
function position(line: number, column: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
}

/** A fix's 0-based offsets (into the text after any BOM) as a document edit. */
function toEdit(doc: DocumentText, fix: Fix): TextEdit {
  const bom = bomLength(doc);
  return { range: { start: doc.positionAt(fix.range[0] + bom), end: doc.positionAt(fix.range[1] + bom) }, newText: fix.text };
}

/** Editors usually drop a BOM from the text they send; when one is there, offsets start after it. */
function bomLength(doc: DocumentText): number {
  return doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A suggestion's title. The core's descriptions are "Rewrite: “…”" already, "Replace with “…”"
 * (a rewrite of the matched words) or a placeholder repair ("Add a fallback: “…”"), which says
 * more as it is.
 */
export function suggestionTitle(desc: string): string {
  const replace = /^Replace with (“.*”)$/s.exec(desc);
  return replace ? `Rewrite: ${replace[1]}` : desc;
}

/** One lint message as a diagnostic of the document version `doc` holds. */
export function toDiagnostic(message: LintMessage, doc: DocumentText): Diagnostic {
  const data: DiagnosticData = { version: doc.version };
  if (message.fix) {
    const bom = bomLength(doc);
    const before = doc.getText().slice(message.fix.range[0] + bom, message.fix.range[1] + bom);
    data.fix = { title: `Fix: replace “${oneLine(before)}” with “${oneLine(message.fix.text)}”`, edit: toEdit(doc, message.fix) };
  }
  // A suggestion that is the safe fix again would be the same action twice.
  const suggestions = (message.suggestions ?? []).filter((s) => !sameFix(s.fix, message.fix));
  if (suggestions.length) data.suggestions = suggestions.map((s) => ({ title: suggestionTitle(s.desc), edit: toEdit(doc, s.fix) }));
  return {
    range: { start: position(message.line, message.column), end: position(message.endLine, message.endColumn) },
    severity: message.severity === 2 ? ERROR : WARNING,
    source: SOURCE,
    message: message.message,
    ...(message.ruleId ? { code: message.ruleId } : {}),
    ...(message.docsUrl ? { codeDescription: { href: message.docsUrl } } : {}),
    data,
  };
}

function sameFix(a: Fix, b: Fix | undefined): boolean {
  return b !== undefined && a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/** Whether an action of `kind` is wanted by a request's `only` filter (LSP kinds are dotted hierarchies). */
export function kindWanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** This server's data on a diagnostic the client sent back, when it is ours and for `version`. */
export function dataOf(diagnostic: Diagnostic, version: number): DiagnosticData | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && data.version === version ? data : undefined;
}

/**
 * The quick fixes for the diagnostics in a code action request: each safe fix (preferred), then
 * each suggestion. Diagnostics of an older version are skipped: their edits would land in the
 * wrong place, and fresh ones are on the way.
 */
export function quickFixes(uri: string, diagnostics: Diagnostic[], version: number): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic, version);
    if (!data) continue;
    const offer = ({ title, edit }: TitledEdit, isPreferred: boolean): CodeAction => ({
      title,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      ...(isPreferred ? { isPreferred } : {}),
      edit: { changes: { [uri]: [edit] } },
    });
    if (data.fix) actions.push(offer(data.fix, true));
    for (const suggestion of data.suggestions ?? []) actions.push(offer(suggestion, false));
  }
  return actions;
}

/** "Fix all replylint problems" as each kind asked for: the source action editors run on save, a quick fix. */
export function fixAllActions(uri: string, edit: TextEdit, kinds: string[]): CodeAction[] {
  const workspaceEdit = { changes: { [uri]: [edit] } };
  return kinds.map((kind) => ({ title: FIX_ALL_TITLE, kind, edit: workspaceEdit }));
}

/**
 * One edit turning `before` into `after`: only the part that differs, so the editor keeps the
 * cursor and folds elsewhere. Never splits a surrogate pair.
 */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => Position): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { range: { start: positionAt(start), end: positionAt(before.length - tail) }, newText: after.slice(start, after.length - tail) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function contains(range: Range, at: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(at, range.start) && after(range.end, at);
}

/** Whether two ranges share a position (touching ends count: a cursor at a word's end is on it). */
export function overlaps(a: Range, b: Range): boolean {
  return contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
}

/** Hover text for the rules of the diagnostics under the cursor: summary, why, and the docs page. */
export function ruleHover(rules: Array<{ def: RuleDefinition; docsUrl?: string }>, range: Range): Hover | undefined {
  if (rules.length === 0) return undefined;
  const sections = rules.map(({ def, docsUrl }) => {
    const url = def.url ?? docsUrl;
    return [`**${def.id}**: ${def.summary}`, oneLine(def.why), ...(url ? [`[Rule documentation](${url})`] : [])].join('\n\n');
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range };
}

/**
 * A config or rule file's problems as diagnostics on that file, grouped by file. `lineText`
 * gives a line of a file (0-based) when it can be read, so the range covers the rest of it.
 */
export function configDiagnostics(errors: ReplylintError[], lineText: (file: string, line: number) => string | undefined): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const error of errors) {
    if (!error.file) continue;
    const start = position(error.line ?? 0, error.column ?? 0);
    const rest = error.line ? lineText(error.file, start.line) : undefined;
    const end = rest !== undefined && rest.length > start.character ? { line: start.line, character: rest.length } : start;
    const list = byFile.get(error.file) ?? [];
    list.push({ range: { start, end }, severity: ERROR, source: SOURCE, message: error.message });
    byFile.set(error.file, list);
  }
  return byFile;
}

/** The file extension that picks the format for an editor language (untitled documents have no name). */
const LANGUAGE_EXTENSIONS: Record<string, string> = {
  markdown: '.md',
  html: '.html',
  json: '.json',
  jsonc: '.json',
  jsonl: '.jsonl',
  yaml: '.yaml',
  csv: '.csv',
  tsv: '.tsv',
  plaintext: '.txt',
};

export function extensionForLanguage(languageId: string): string {
  return LANGUAGE_EXTENSIONS[languageId] ?? '.txt';
}
