// Runs a rule's own examples: every `invalid` example must fire the rule, every `valid` one must
// not, and every rewrite offered on an invalid one must change it. The test suite runs this for
// the built-in rules; rule authors get the same for theirs; --explain and the docs show these runs.
import { lintText } from '../engine/lint-text.js';
import type { Fix, LintResult, RuleDefinition } from '../types.js';
import { RuleRegistry } from './registry.js';

export interface ExampleFailure {
  ruleId: string;
  example: string;
  /**
   * `fires`: an invalid example stayed quiet; `quiet`: a valid example fired; `changes`: a
   * rewrite offered on an invalid example leaves the text as it was.
   */
  expected: 'fires' | 'quiet' | 'changes';
  /** for `quiet`, what the rule reported; for `changes`, the rewrites that change nothing */
  messages: string[];
}

/** One rewrite of an example, applied in context. */
export interface ExampleRewrite {
  /** `fix`: the safe fix `--fix` applies; `suggestion`: a rewrite the writer may take */
  kind: 'fix' | 'suggestion';
  desc: string;
  /** the whole example with the rewrite applied */
  text: string;
}

/** What a rule reports on one example, with each rewrite applied to the example. */
export interface ExampleMessage {
  message: string;
  line: number;
  column: number;
  /** the fix first when there is one, then each suggestion that differs from it */
  rewrites: ExampleRewrite[];
}

/** Lints one example with only this rule on, with the options the rule's examples name. */
export function lintExample(rule: RuleDefinition, example: string, registry = new RuleRegistry([rule])): Promise<LintResult> {
  const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
  return lintText(example, { filePath: 'example.txt', config, rules: registry });
}

export async function exampleMessages(rule: RuleDefinition, example: string, registry = new RuleRegistry([rule])): Promise<ExampleMessage[]> {
  const result = await lintExample(rule, example, registry);
  return result.messages.map((m) => {
    const rewrites: ExampleRewrite[] = [];
    if (m.fix) rewrites.push({ kind: 'fix', desc: 'the safe fix', text: applyFix(example, m.fix) });
    for (const s of m.suggestions ?? []) {
      // A fixable rule also offers its fix as a suggestion (for editors): show it once.
      if (m.fix && sameFix(s.fix, m.fix)) continue;
      rewrites.push({ kind: 'suggestion', desc: s.desc, text: applyFix(example, s.fix) });
    }
    return { message: m.message, line: m.line, column: m.column, rewrites };
  });
}

export async function runRuleExamples(rule: RuleDefinition, registry = new RuleRegistry([rule])): Promise<ExampleFailure[]> {
  const failures: ExampleFailure[] = [];
  for (const example of rule.examples.invalid) {
    const messages = await exampleMessages(rule, example, registry);
    if (messages.length === 0) {
      failures.push({ ruleId: rule.id, example, expected: 'fires', messages: [] });
      continue;
    }
    const unchanged = messages.flatMap((m) => m.rewrites.filter((r) => r.text === example).map((r) => `${m.line}:${m.column} ${r.desc}`));
    if (unchanged.length) failures.push({ ruleId: rule.id, example, expected: 'changes', messages: unchanged });
  }
  for (const example of rule.examples.valid) {
    const result = await lintExample(rule, example, registry);
    if (result.messages.length) {
      failures.push({ ruleId: rule.id, example, expected: 'quiet', messages: result.messages.map((m) => `${m.line}:${m.column} ${m.message}`) });
    }
  }
  return failures;
}

function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function sameFix(a: Fix, b: Fix): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}
