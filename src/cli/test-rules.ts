// `replylint test-rules [DIR]`: validates a folder of rule files and runs each rule's examples,
// the same meta-test the project runs on its built-in rules.
import { relative } from 'node:path';
import { ReplylintError } from '../errors.js';
import { runRuleExamples, type ExampleFailure } from '../rules/examples.js';
import { BUILTIN_RULES_DIR, loadRuleDir } from '../rules/load.js';
import { RuleRegistry } from '../rules/registry.js';
import type { CliIO } from './main.js';

const FAILURE_TITLES: Record<ExampleFailure['expected'], string> = {
  fires: 'should fire but stayed quiet',
  quiet: 'should stay quiet but fired',
  changes: 'a rewrite leaves it unchanged',
};

/** `dir` undefined: the built-in rules (what the project's own suite runs). */
export async function testRules(dir: string | undefined, io: CliIO): Promise<number> {
  // A bad file throws: the caller prints it and exits 2.
  const rules = dir === undefined ? loadRuleDir(BUILTIN_RULES_DIR, { skip: ['presets'] }) : loadRuleDir(dir);
  // An empty folder passing would hide a wrong path.
  if (rules.length === 0) throw new ReplylintError('no rule files (.yaml, .yml) in this folder', dir);
  const registry = new RuleRegistry(rules);
  let failed = 0;
  let passed = 0;
  for (const rule of rules) {
    const failures = await runRuleExamples(rule, registry);
    const total = rule.examples.valid.length + rule.examples.invalid.length;
    passed += total - failures.length;
    failed += failures.length;
    const where = rule.source ? relative(io.cwd, rule.source) : rule.id;
    io.stdout(`${failures.length ? '✖' : '✔'} ${rule.id} (${where}): ${total - failures.length}/${total} examples\n`);
    for (const f of failures) {
      io.stdout(`    ${FAILURE_TITLES[f.expected]}: ${JSON.stringify(f.example)}\n${f.messages.map((m) => `      ${m}\n`).join('')}`);
    }
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
