// Formatters by name. Each is a pure function of the results: only the shell writes output.
import type { LintResult } from '../types.js';
import { compactParts, formatCompact } from './compact.js';
import { formatGithub, githubParts } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, jsonParts } from './json.js';
import { formatJunit } from './junit.js';
import type { FormatterParts } from './parts.js';
import { formatSarif } from './sarif.js';
import { formatStylish, stylishParts, type StylishOptions } from './stylish.js';

/** What a rule is, for formats that describe the rules next to the results (SARIF). */
export interface RuleMeta {
  summary: string;
  /** the family its rule file declares (blame, refusal …): how the HTML report groups problems */
  family?: string;
  why?: string;
  docsUrl?: string;
  fixable?: boolean;
  defaultSeverity?: 'off' | 'warn' | 'error';
}

export interface FormatterOptions extends StylishOptions {
  /** folder results' paths are relative to (SARIF artifact URIs, junit names) */
  cwd?: string;
  /** rule id → what the rule is (SARIF rule entries); the CLI passes every rule that ran */
  rulesMeta?: Record<string, RuleMeta>;
  /** version of replylint, for SARIF tool.driver.version and the HTML report's note */
  version?: string;
  /**
   * A file's text, for formats that show each problem in its line (HTML); the shell reads it.
   * Absent, or undefined for a file: no source context (results carrying `source` need none).
   */
  sourceText?: (filePath: string) => string | undefined;
}

export type Formatter = (results: LintResult[], options: FormatterOptions) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: (results) => formatJson(results),
  sarif: formatSarif,
  github: formatGithub,
  compact: formatCompact,
  junit: formatJunit,
  html: formatHtml,
};

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}

/** The formats whose reports read `rulesMeta` (rule summaries, families, docs links): only they need it gathered. */
const USE_RULES_META = new Set(['sarif', 'html']);

export function formatUsesRulesMeta(name: string): boolean {
  return USE_RULES_META.has(name);
}

/**
 * The formats that can be written file by file (their whole-report formatter above is these
 * parts joined). SARIF, JUnit and HTML are one document whose head depends on every result.
 */
const PARTS: Record<string, FormatterParts> = {
  stylish: stylishParts,
  json: jsonParts,
  github: githubParts,
  compact: compactParts,
};

export function getFormatterParts(name: string): FormatterParts | undefined {
  return Object.hasOwn(PARTS, name) ? PARTS[name] : undefined;
}

export { addToTotals, emptyTotals, joinParts, type FormatterParts, type ReportTotals } from './parts.js';
export { formatCompact, formatGithub, formatHtml, formatJson, formatJunit, formatSarif, formatStylish };
