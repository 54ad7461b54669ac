// The public API. `lintText` is the pure core (no file system); `ReplyLint` adds files, globs
// and config lookup for Node.
export { ReplyLint, type ReplyLintOptions } from './api/replylint.js';
export { lintText, type LintTextOptions } from './engine/lint-text.js';
export { RuleRegistry } from './rules/registry.js';
export { loadBuiltins, loadRuleDir } from './rules/load.js';
export { parseRuleFile } from './rules/parse.js';
export { FORMATTERS, getFormatter, formatJson, formatStylish, type Formatter, type FormatterOptions } from './format/index.js';
export { ReplylintError, ReplylintErrors } from './errors.js';
export type * from './types.js';
export { runRuleExamples, type ExampleFailure } from './rules/examples.js';
