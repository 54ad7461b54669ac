// `replylint test-rules DIR`: validates a folder of rule files and runs each rule's examples,
// the same meta-test the project runs on its built-in rules.
import { relative } from 'node:path';
import { loadRuleDir } from '../rules/load.js';
import { runRuleExamples } from '../rules/examples.js';
import { RuleRegistry } from '../rules/registry.js';
import type { CliIO } from './main.js';

export async function testRules(dir: string, io: CliIO): Promise<number> {
  const rules = loadRuleDir(dir); // a bad file throws: the caller prints it and exits 2
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
      io.stdout(
        f.expected === 'fires'
          ? `    should fire but stayed quiet: ${JSON.stringify(f.example)}\n`
          : `    should stay quiet but fired: ${JSON.stringify(f.example)}\n${f.messages.map((m) => `      ${m}\n`).join('')}`,
      );
    }
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
