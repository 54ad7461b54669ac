// Reads a file as its input format: containers (JSON, JSON Lines, YAML, CSV exports; chat
// transcripts) give located reply texts ("fields"), content readers (plain text, Markdown,
// HTML) turn each into Segments, and placeholders are masked. Pure: text in, segments out.
// Format readers are imported on first use, to keep start-up quick.
import type { InputFormatName, InputOptions, Segment } from '../types.js';
import type { DataTree } from './data/tree.js';
import { DataSyntaxError } from './data/tree.js';
import { DEFAULT_AGENT_NAMES } from './exports/keys.js';
import type { ContentFormat, ExportField, MacroInfo, Role } from './exports/types.js';
import { compose, htmlText, identity, markdownText, type Encoder } from './encode.js';
import { sliceText, through, type LocatedText } from './located.js';
import { maskPlaceholders, placeholderScanner } from './placeholders.js';
import { plaintextSegments } from './plaintext.js';

export type { ContentFormat, MacroInfo, Role } from './exports/types.js';

/** A reply text located in the file, before it is parsed as prose. */
export interface Field {
  loc: LocatedText;
  content: ContentFormat;
  /** fields with the same key form one reply */
  reply: string;
  role: Role;
  macro?: MacroInfo;
  speaker?: string;
}

/** Something wrong with the input itself: `fatal` when nothing of the file could be linted. */
export interface InputProblem {
  message: string;
  /** file offset it points at */
  offset: number;
  fatal: boolean;
}

type FileFormat = Exclude<InputFormatName, 'auto'>;

const EXTENSIONS: Record<string, FileFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.tpl': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
  '.tsv': 'csv',
};

/** File extensions a directory walk picks up. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** Files that are never replies, skipped when a folder is walked (and named ones with --skip-non-replies). */
export const NOT_REPLY_FILES = [
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/composer.json',
  '**/composer.lock',
  '**/tsconfig*.json',
  '**/jsconfig*.json',
  '**/.eslintrc*',
  '**/.prettierrc*',
  '**/.replylintrc*',
  '**/.pre-commit-*.yaml',
  '**/.github/workflows/**',
  '**/.github/ISSUE_TEMPLATE/config.yml',
  '**/dependabot.yml',
  '**/*.schema.json',
  '**/.vscode/**',
  '**/pnpm-lock.yaml',
  '**/docker-compose*.yml',
  '**/mkdocs.yml',
  '**/_config.yml',
  '**/action.yml',
  '**/action.yaml',
  '**/replylint-suppressions.json',
  // A project's own documents, beside the replies: an index of macros is not a macro.
  '**/{README,CHANGELOG,CHANGES,HISTORY,LICENSE,LICENCE,COPYING,CONTRIBUTING,CODE_OF_CONDUCT,SECURITY,AUTHORS}{,.md,.markdown,.txt,.rst}',
];

/** The format for a file name, or the one the config forces; unknown extensions are plain text. */
export function formatFor(filePath: string, input: InputOptions = {}): FileFormat {
  if (input.format && input.format !== 'auto') return input.format;
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return EXTENSIONS[ext] ?? 'text';
}

export interface ReadOptions {
  /**
   * The file was found by walking a folder, not named: a data file with no reply text in it is
   * then a warning ("not linted"), not an error — a folder of macros also holds other JSON.
   */
  foundByWalk?: boolean;
}

/** A file read as far as its reply texts: each field's prose is parsed into Segments when asked. */
export interface FieldReading {
  format: string;
  fields: Field[];
  problems: InputProblem[];
  /** The field's prose as Segments (placeholders masked), in file offsets. */
  segmentsOf(field: Field): Promise<Segment[]>;
}

/**
 * A file read as far as where its reply texts are, without parsing their prose up front: the
 * linter takes one reply's segments at a time, so a large export never holds the segments of
 * all its macros at once.
 */
export async function readFields(text: string, filePath: string, input: InputOptions = {}, read: ReadOptions = {}): Promise<FieldReading> {
  const format = formatFor(filePath, input);
  const scanner = placeholderScanner(input.placeholders);
  const segmentsOf = async (field: Field): Promise<Segment[]> => {
    const encode = compose(CONTENT_ENCODERS[field.content], field.loc.encode);
    const { canRemove } = field.loc;
    return (await contentSegments(field, input)).map((segment) => ({ ...through(maskPlaceholders(segment, scanner.find(segment.text)), field.loc), encode, ...(canRemove && { canRemove }) }));
  };
  const problems: InputProblem[] = [];
  let fields: Field[];
  let label: string = format;
  // An empty file has nothing to report, whatever its format.
  if (text.trim() === '') return { format, fields: [], problems, segmentsOf };

  try {
    switch (format) {
      case 'text':
      case 'markdown':
      case 'transcript': {
        const content = format === 'markdown' || (format === 'transcript' && /\.(md|markdown|mdown|mkd)$/i.test(filePath)) ? 'markdown' : 'text';
        const turns = (await import('./transcript.js')).transcriptTurns(text, content, agentsOf(input));
        if (turns) {
          label = 'transcript';
          fields = turns.map((t) => ({
            loc: sliceText(text, t.start, t.end),
            content: t.content,
            reply: `${filePath}#${t.conversation}`,
            role: t.role,
            speaker: t.speaker,
          }));
        } else {
          if (format === 'transcript') problems.push({ message: 'no speaker turns found ("Agent: …", "Customer: …"): not a transcript', offset: 0, fatal: true });
          fields = [{ loc: sliceText(text, 0, text.length), content, reply: filePath, role: 'agent' }];
        }
        break;
      }
      case 'html':
        fields = [{ loc: sliceText(text, 0, text.length), content: 'html', reply: filePath, role: 'agent' }];
        break;
      case 'json':
      case 'jsonl':
      case 'yaml':
      case 'csv': {
        // In a function of its own: the parsed tree (~8× the file for JSON) is garbage once the
        // fields are located, before their prose is parsed, not kept alive across the awaits below.
        const data = await readDataFields(format, text, filePath, input, read, problems);
        fields = data.fields;
        if (data.label) label = data.label;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof DataSyntaxError)) throw error;
    return { format, fields: [], problems: [{ message: error.message, offset: error.offset, fatal: true }], segmentsOf };
  }

  const linted = fields.filter((f) => f.role === 'agent' || (f.role === 'internal' && input.includeInternal));
  const kept = input.ignoreMacros?.length ? withoutIgnoredMacros(linted, input.ignoreMacros) : linted;
  return { format: label, fields: kept, problems, segmentsOf };
}

/** The fields of a data file (JSON, JSON Lines, YAML, CSV): where its reply texts are. */
async function readDataFields(
  format: 'json' | 'jsonl' | 'yaml' | 'csv',
  text: string,
  filePath: string,
  input: InputOptions,
  read: ReadOptions,
  problems: InputProblem[],
): Promise<{ fields: Field[]; label?: string }> {
  const tree = await parseTree(format, text);
  for (const p of tree.problems) problems.push({ ...p, fatal: false });
  let found;
  try {
    found = (await import('./exports/index.js')).detectExport(tree.value, {
      agents: agentsOf(input),
      container: format,
      ...(input.shape ? { shape: input.shape } : {}),
      ...(input.fields ? { fields: input.fields } : {}),
      ...(input.csv ? { csv: input.csv } : {}),
    });
  } catch (error) {
    // The config's "input" does not fit this file (a CSV column it does not have).
    problems.push({ message: `cannot read the file with the config's "input" settings: ${(error as Error).message}`, offset: 0, fatal: true });
    return { fields: [] };
  }
  if (!found) {
    problems.push({
      message: read.foundByWalk
        ? 'not linted: no reply text found in this data file (name the text fields with "input.fields" in the config, or add the file to ignorePatterns)'
        : 'no reply text found: not an export shape replylint knows (name the text fields with "input.fields" in the config)',
      offset: 0,
      fatal: !read.foundByWalk,
    });
    return { fields: [] };
  }
  const label = `${format}: ${found.format}`;
  for (const s of found.skipped) problems.push({ message: `skipped: ${s.reason}`, offset: tree.offsetOf(s.path), fatal: false });
  if (found.fields.length === 0) problems.push({ message: `nothing to lint: the ${found.format} shape was recognised but holds no reply text`, offset: 0, fatal: false });
  const fields: Field[] = [];
  for (const f of found.fields) {
    const loc = tree.stringAt(f.path);
    if (!loc) {
      problems.push({ message: `skipped: no text at ${f.path.join('.')}`, offset: tree.offsetOf(f.path), fatal: false });
      continue;
    }
    fields.push(exportField(f, loc, filePath));
  }
  return { fields, label };
}

/** How new words are written in each kind of content, before the container's own escaping. */
const CONTENT_ENCODERS: Record<ContentFormat, Encoder> = { text: identity, markdown: markdownText, html: htmlText };

/** The config's agent names add to the built-in role words ("agents: [Sam]" keeps "Agent:"). */
function agentsOf(input: InputOptions): string[] {
  return [...DEFAULT_AGENT_NAMES, ...(input.agents ?? []).map((a) => a.toLowerCase())];
}

async function parseTree(format: 'json' | 'jsonl' | 'yaml' | 'csv', text: string): Promise<DataTree> {
  switch (format) {
    case 'json':
      return (await import('./data/json.js')).parseJsonTree(text);
    case 'jsonl':
      return (await import('./data/jsonl.js')).parseJsonLinesTree(text);
    case 'yaml':
      return (await import('./data/yaml.js')).parseYamlTree(text);
    case 'csv':
      return (await import('./data/csv.js')).parseCsvTree(text);
  }
}

function exportField(f: ExportField, loc: LocatedText, filePath: string): Field {
  const key = f.reply ?? (f.macro ? `macro:${f.macro.id ?? f.macro.title ?? f.path.join('.')}` : f.path.join('.'));
  return {
    loc,
    content: f.content,
    reply: `${filePath}#${key}`,
    role: f.role,
    ...(f.macro ? { macro: f.macro } : {}),
    ...(f.speaker ? { speaker: f.speaker } : {}),
  };
}

/**
 * Fields of macros the config says not to lint (`input.ignoreMacros`: ids, or title globs where
 * `*` is any run of characters and `?` one). Written here rather than with a glob library, so the
 * core stays free of Node modules (it also runs in the browser).
 */
function withoutIgnoredMacros(fields: Field[], globs: string[]): Field[] {
  const patterns = globs.map((g) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'));
  const ignored = (value: string | undefined) => value !== undefined && patterns.some((p) => p.test(value));
  return fields.filter((f) => !f.macro || !(ignored(f.macro.id) || ignored(f.macro.title)));
}

/** One field's prose as Segments in the field's own offsets (composed with `through` later). */
async function contentSegments(field: Field, input: InputOptions): Promise<Segment[]> {
  const extra: Partial<Segment> = {
    ...(field.macro ? { macro: field.macro } : {}),
    ...(field.speaker ? { speaker: field.speaker } : {}),
  };
  const text = field.loc.text;
  let segments: Segment[];
  switch (field.content) {
    case 'text':
      segments = plaintextSegments(text, field.reply);
      break;
    case 'markdown':
      segments = (await import('./markdown.js')).markdownSegments(text, field.reply, input.fences ? { fences: input.fences } : {});
      break;
    case 'html':
      segments = (await import('./html.js')).htmlSegments(text, field.reply);
      break;
  }
  return segments.map((s) => ({ ...s, ...extra }));
}
