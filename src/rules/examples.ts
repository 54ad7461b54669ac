// Runs a rule's own examples: every `invalid` example must fire the rule, every `valid` one must
// not. The test suite runs this for the built-in rules; rule authors get the same for theirs.
import { lintText } from '../engine/lint-text.js';
import type { RuleDefinition } from '../types.js';
import { RuleRegistry } from './registry.js';

export interface ExampleFailure {
  ruleId: string;
  example: string;
  expected: 'fires' | 'quiet';
  /** what the rule reported, for quiet examples that fired */
  messages: string[];
}

export async function runRuleExamples(rule: RuleDefinition, registry = new RuleRegistry([rule])): Promise<ExampleFailure[]> {
  const failures: ExampleFailure[] = [];
  const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
  const cases: Array<[string, 'fires' | 'quiet']> = [
    ...rule.examples.invalid.map((e): [string, 'fires'] => [e, 'fires']),
    ...rule.examples.valid.map((e): [string, 'quiet'] => [e, 'quiet']),
  ];
  for (const [example, expected] of cases) {
    const result = await lintText(example, { filePath: 'example.txt', config, rules: registry });
    const fired = result.messages.length > 0;
    if (fired !== (expected === 'fires')) {
      failures.push({ ruleId: rule.id, example, expected, messages: result.messages.map((m) => `${m.line}:${m.column} ${m.message}`) });
    }
  }
  return failures;
}
