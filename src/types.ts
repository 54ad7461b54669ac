// The shapes that cross box boundaries, defined once (DESIGN.md: "one diagnostic type").

/** 1 = warning, 2 = error, as in ESLint. */
export type Severity = 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** A text edit in the original file: 0-based [start, end) UTF-16 offsets (after any BOM). */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

/** ESLint's LintMessage: 1-based lines and columns in the original file. */
export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** Set on problems that stopped the file from being read (a JSON syntax error): exit code 2. */
  fatal?: boolean;
  /** The macro (saved reply) the problem is in, when the file is an export of many. */
  macro?: { id?: string; title?: string };
  /** Who wrote the text, in a transcript. */
  speaker?: string;
  /** The rule's documentation page (built-in rules, and rule files that name a `url`). */
  docsUrl?: string;
}

/** ESLint's LintResult. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Problems that stopped the file (or part of it) from being read, as in ESLint. */
  fatalErrorCount: number;
  /** How the file was read: the format recognised and how many replies were linted. */
  input?: {
    format: string;
    replies: number;
    /** How many of those replies have at least one problem left after disable directives. */
    repliesWithProblems?: number;
  };
  /** Only present when the source was given as text (stdin), as in ESLint. */
  source?: string;
  /** The file's text with the safe fixes applied, when --fix (or --fix-dry-run) changed it, as in ESLint. */
  output?: string;
  /** Problems hidden by the suppressions file (a baseline), as ESLint reports them. */
  suppressedMessages?: SuppressedMessage[];
}

/** A problem the suppressions file hides: `kind: 'file'`, as ESLint's bulk suppressions mark it. */
export type SuppressedMessage = LintMessage & { suppressions: Array<{ kind: 'file'; justification: string }> };

// ---------------------------------------------------------------------------
// Rules as data

export type RuleKind = 'phrase' | 'pattern' | 'substitution' | 'conditional' | 'template';
export const RULE_KINDS: readonly RuleKind[] = ['phrase', 'pattern', 'substitution', 'conditional', 'template'];

/** What a `template` rule checks in a reply's placeholders. */
export type TemplateCheckName = 'unbalanced' | 'no-fallback' | 'unknown-variable';
export const TEMPLATE_CHECKS: readonly TemplateCheckName[] = ['unbalanced', 'no-fallback', 'unknown-variable'];

/** Something that can be found in a sentence: literal phrases and/or a compromise pattern. */
export interface MatcherSpec {
  phrases?: string[];
  pattern?: string | string[];
}

export interface ExceptionSpec extends MatcherSpec {
  /**
   * `match` (default): cancels hits it overlaps; `sentence`: cancels every hit in its sentence;
   * `next-sentence`: cancels every hit in the sentence before it, in the same paragraph ("…because
   * our text service was down. That's our fault, and…").
   */
  scope?: 'match' | 'sentence' | 'next-sentence';
}

export interface WindowSpec {
  /**
   * The unit searched: the trigger's sentence, its paragraph or reply, or only what comes
   * after the trigger in its paragraph or reply ("rest-of-…"). The trigger's own sentence
   * is always searched.
   */
  scope: 'sentence' | 'paragraph' | 'reply' | 'rest-of-paragraph' | 'rest-of-reply';
  /** Sentences before / after the trigger also searched, even across paragraphs. */
  before?: number;
  after?: number;
}

export interface SuggestSpec {
  /** The rewrite; ignored for `move-before-follows`, which moves the sentence as written. */
  text: string;
  /**
   * What the rewrite replaces: the matched words (default), the whole sentence, or (for
   * conditional rules with `follows`) the span from the earlier sentence to this one, with
   * this sentence moved first.
   */
  target?: 'match' | 'sentence' | 'move-before-follows';
}

/** A rule file after validation (YAML → object). */
export interface RuleDefinition {
  id: string;
  family: string;
  kind: RuleKind;
  severity: SeverityName;
  summary: string;
  why: string;
  message: string;
  suggest?: Array<string | SuggestSpec>;
  /**
   * Check each sentence rewrite before offering it: one that the rule's family would flag again
   * in the rewritten reply is dropped, and a finding left with none is not reported (the problem
   * is on both sides of the reordering). For rules whose rewrites reorder the sentence's own words.
   */
  verifySuggestions?: boolean;
  exceptions?: Array<string | ExceptionSpec>;
  /** `options`: the rule options the examples run with (e.g. a list of known variables) */
  examples: { valid: string[]; invalid: string[]; options?: RuleOptions };
  /** phrase kind */
  phrases?: string[];
  /** pattern kind */
  pattern?: string | string[];
  /** substitution kind: phrase → replacement */
  swap?: Record<string, string>;
  /**
   * substitution kind: the swap keeps the meaning, so `--fix` may apply it — anywhere (`true`),
   * or only where the phrase starts a clause (`'clause-start'`), for swaps that need it.
   */
  fixable?: boolean | 'clause-start';
  /** conditional kind */
  trigger?: MatcherSpec;
  expect?: MatcherSpec & { exceptions?: Array<string | ExceptionSpec> };
  /** template kind: which placeholder check */
  check?: TemplateCheckName;
  /** conditional kind: the trigger only counts when this is found in an earlier sentence of the reply */
  follows?: MatcherSpec;
  window?: WindowSpec;
  /** Where the rule file came from, for messages. */
  source?: string;
  /** The rule's documentation page; built-in rules get theirs (docs/rules/<id>.md) at load. */
  url?: string;
}

/** Per-rule options a config may pass: `["warn", { ... }]`. */
export interface RuleOptions {
  /** Extra phrases that cancel a hit they overlap, on top of the rule's exceptions. */
  allow?: string[];
  /** conditional rules: where the expected sentence may be. */
  window?: WindowSpec;
  /** template/unknown-variable: the placeholder names your help desk knows ("ticket.id", "dc.*") */
  variables?: string[];
}

export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, RuleOptions];

// ---------------------------------------------------------------------------
// Config

/** A config as written in a file (validated against schema/config.schema.json). */
export interface ConfigFile {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  ruleDirs?: string[];
  ignorePatterns?: string[];
  input?: InputOptions;
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleSetting>; input?: InputOptions }>;
}

/** The rule settings that apply to one file: what the core needs, nothing more. */
export interface ResolvedRuleConfig {
  severity: Severity;
  options: RuleOptions;
}

export interface ResolvedConfig {
  rules: Record<string, ResolvedRuleConfig>;
  /** How to read the file (format, where the reply text is); defaults when absent. */
  input?: InputOptions;
}

/** Input formats `--input-format` and `input.format` accept. */
export const INPUT_FORMATS = [
  'auto',
  'text',
  'markdown',
  'html',
  'transcript',
  'json',
  'jsonl',
  'yaml',
  'csv',
] as const;
export type InputFormatName = (typeof INPUT_FORMATS)[number];

/** Where the reply text is in a JSON or YAML file whose shape replylint does not know. */
export interface FieldSelectors {
  /** JSONPath-like selectors of the reply strings, e.g. "$.replies[*].body" */
  text: string | string[];
  /** property of the object holding the text that names the macro */
  id?: string;
  title?: string;
  /** property that names the speaker (for transcripts) */
  speaker?: string;
  /** property grouping texts into one conversation */
  conversation?: string;
  /** how the texts are written (default: text, or html when they look like HTML) */
  content?: 'text' | 'markdown' | 'html';
}

/** The `input` section of a config. */
export interface InputOptions {
  format?: InputFormatName;
  /** a help-desk export shape to assume instead of detecting one ("zendesk-macros" …) */
  shape?: string;
  /** JSON / YAML / JSON Lines of any other shape */
  fields?: FieldSelectors;
  /** CSV column names (guessed from the header when absent) */
  csv?: { text?: string; title?: string; id?: string; speaker?: string; conversation?: string };
  /** speaker names or roles whose turns are linted (case-insensitive) */
  agents?: string[];
  /** extra placeholder syntaxes: regular expression sources, each matching one placeholder */
  placeholders?: string[];
  /** Markdown: which fenced blocks are replies ('prose': md/text-labelled; 'all': unlabelled too) */
  fences?: 'prose' | 'all' | 'none';
  /** lint internal notes too */
  includeInternal?: boolean;
  /** macros not to lint, by id or title glob */
  ignoreMacros?: string[];
}

// ---------------------------------------------------------------------------
// Sources → segments

/**
 * A run of prose taken from a file, with a map back to file offsets.
 * `text` is what the rules read; `toSource(i)` gives the file offset of `text[i]`;
 * `toSource(i, 'end')` the file offset just after `text[i - 1]`, for the end of a span.
 */
export interface Segment {
  text: string;
  toSource(offset: number, bias?: 'start' | 'end'): number;
  /** Segments with the same reply key form one reply (for "whole reply" windows). */
  reply: string;
  /** Paragraph boundaries inside `text` are found by the parser; segments never share a paragraph. */
  speaker?: string;
  macro?: { id?: string; title?: string; field?: string };
  /** The text between two offsets as the writer wrote it (placeholders unmasked), for messages. */
  display?(start: number, end: number): string;
  /**
   * How new text is written into the file here (content escaping, then the container's: HTML
   * entities inside a JSON string); `undefined` when it cannot be written safely. Absent: as is.
   */
  encode?(text: string): string | undefined;
  /** Whether the file's text between two file offsets can be removed without breaking the file. Absent: it can. */
  canRemove?(start: number, end: number): boolean;
}
