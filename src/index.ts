// The public API. `lintText` is the pure core (no file system); `ReplyLint` adds files, globs
// and config lookup for Node.
export { ReplyLint, type ReplyLintOptions, type WrittenFixes } from './api/replylint.js';
export { applyFixes, lintAndFix, MAX_FIX_PASSES, type AppliedFixes, type FixOptions } from './fix/apply.js';
export {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  recordSuppressions,
  writeSuppressions,
  type SuppressionsFile,
} from './api/suppressions.js';
export { changedFiles } from './api/changed-files.js';
export { lintText, type LintTextOptions } from './engine/lint-text.js';
export { RuleRegistry } from './rules/registry.js';
export { loadBuiltins, loadRuleDir } from './rules/load.js';
export { parseRuleFile } from './rules/parse.js';
export { FORMATTERS, getFormatter, formatJson, formatStylish, formatSarif, formatGithub, formatCompact, formatJunit, formatHtml, type Formatter, type FormatterOptions, type RuleMeta } from './format/index.js';
export { redactResults } from './format/redact.js';
export { ReplylintError, ReplylintErrors } from './errors.js';
export type * from './types.js';
export { runRuleExamples, type ExampleFailure } from './rules/examples.js';
