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
  /** Set on messages that are not rule findings (e.g. an unreadable macro). */
  fatal?: boolean;
}

/** ESLint's LintResult. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Only present when the source was given as text (stdin), as in ESLint. */
  source?: string;
}

// ---------------------------------------------------------------------------
// Rules as data

export type RuleKind = 'phrase' | 'pattern' | 'substitution' | 'conditional';
export const RULE_KINDS: readonly RuleKind[] = ['phrase', 'pattern', 'substitution', 'conditional'];

/** Something that can be found in a sentence: literal phrases and/or a compromise pattern. */
export interface MatcherSpec {
  phrases?: string[];
  pattern?: string | string[];
}

export interface ExceptionSpec extends MatcherSpec {
  /** `match` (default): cancels hits it overlaps; `sentence`: cancels every hit in its sentence. */
  scope?: 'match' | 'sentence';
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
  exceptions?: Array<string | ExceptionSpec>;
  examples: { valid: string[]; invalid: string[] };
  /** phrase kind */
  phrases?: string[];
  /** pattern kind */
  pattern?: string | string[];
  /** substitution kind: phrase → replacement */
  swap?: Record<string, string>;
  /** substitution kind: the swap keeps the meaning, so `--fix` may apply it */
  fixable?: boolean;
  /** conditional kind */
  trigger?: MatcherSpec;
  expect?: MatcherSpec & { exceptions?: Array<string | ExceptionSpec> };
  /** conditional kind: the trigger only counts when this is found in an earlier sentence of the reply */
  follows?: MatcherSpec;
  window?: WindowSpec;
  /** Where the rule file came from, for messages. */
  source?: string;
}

/** Per-rule options a config may pass: `["warn", { ... }]`. */
export interface RuleOptions {
  /** Extra phrases that cancel a hit they overlap, on top of the rule's exceptions. */
  allow?: string[];
  /** conditional rules: where the expected sentence may be. */
  window?: WindowSpec;
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
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules: Record<string, RuleSetting> }>;
}

/** The rule settings that apply to one file: what the core needs, nothing more. */
export interface ResolvedRuleConfig {
  severity: Severity;
  options: RuleOptions;
}

export interface ResolvedConfig {
  rules: Record<string, ResolvedRuleConfig>;
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
}
