// Shared test helpers: lint a string with chosen built-in rules, through the pure core.
import { lintText } from '../src/engine/lint-text.js';
import { readBuiltinSources } from '../src/rules/load.js';
import { RuleRegistry } from '../src/rules/registry.js';
import type { LintResult, RuleDefinition } from '../src/types.js';

export const builtins = readBuiltinSources();
export const builtinRegistry = new RuleRegistry(builtins.rules);

/** Lints `text` with the given rule ids on at error (default: every built-in rule). */
export function lint(text: string, ruleIds?: string[], filePath = 'reply.txt', registry = builtinRegistry): Promise<LintResult> {
  const ids = ruleIds ?? registry.definitions().map((d) => d.id);
  return lintText(text, {
    filePath,
    config: { rules: Object.fromEntries(ids.map((id) => [id, { severity: 2 as const, options: {} }])) },
    rules: registry,
  });
}

/** The text each message points at, for asserting positions against the source. */
export function pointed(text: string, result: LintResult): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return result.messages.map((m) => {
    if (m.line === m.endLine) return lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1);
    return [lines[m.line - 1]!.slice(m.column - 1), ...lines.slice(m.line, m.endLine - 1), lines[m.endLine - 1]!.slice(0, m.endColumn - 1)].join('\n');
  });
}

/** A minimal valid rule definition for tests, with overrides. */
export function makeRule(over: Partial<RuleDefinition>): RuleDefinition {
  return {
    id: 'test/sample',
    family: 'test',
    kind: 'phrase',
    severity: 'error',
    summary: 'A test rule.',
    why: 'Because tests need one.',
    message: 'Found “{{match}}”.',
    examples: { valid: [], invalid: ['x'] },
    ...over,
  };
}

/** A valid user rule file (id acme/no-sorry-for-inconvenience); tests point at its line numbers. */
export const SAMPLE_RULE_YAML = `id: acme/no-sorry-for-inconvenience
family: acme
kind: phrase
severity: warn
summary: Stock apology.
why: It reads as a template.
message: "“{{match}}” reads as a template."
suggest:
  - "I'm sorry your order arrived late"
phrases:
  - sorry for the inconvenience
examples:
  invalid: ["Sorry for the inconvenience."]
  valid: ["I'm sorry your order arrived late."]
`;
