// A rule's own examples: what each produces, and the failures a rule author is shown.
import { describe, expect, it } from 'vitest';
import { exampleMessages, runRuleExamples } from '../../src/rules/examples.js';
import type { RuleDefinition } from '../../src/types.js';

const rule = (over: Partial<RuleDefinition>): RuleDefinition => ({
  id: 'team/no-asap',
  family: 'team',
  kind: 'phrase',
  severity: 'warn',
  summary: 'Vague timing.',
  why: 'ASAP promises nothing the customer can plan around.',
  message: '“{{match}}” is vague.',
  suggest: ['by [a time]'],
  phrases: ['asap'],
  examples: { invalid: ["We'll fix it ASAP."], valid: ["We'll fix it by noon."] },
  ...over,
});

describe('exampleMessages', () => {
  it('applies each suggestion to the whole example', async () => {
    expect(await exampleMessages(rule({}), "We'll fix it ASAP.")).toEqual([
      {
        message: '“ASAP” is vague.',
        line: 1,
        column: 14,
        rewrites: [{ kind: 'suggestion', desc: 'Rewrite: “by [a time]”', text: "We'll fix it by [a time]." }],
      },
    ]);
  });

  it('puts the safe fix first and does not repeat it as a suggestion', async () => {
    const swap = rule({ kind: 'substitution', phrases: undefined, suggest: undefined, swap: { asap: 'today' }, fixable: true, message: 'Prefer “{{replacement}}”.' });
    const [m] = await exampleMessages(swap, "We'll fix it asap.");
    expect(m!.rewrites).toEqual([{ kind: 'fix', desc: 'the safe fix', text: "We'll fix it today." }]);
  });

  it('lints with the options the examples name', async () => {
    const vars = rule({ kind: 'template', check: 'unknown-variable', phrases: undefined, suggest: undefined, message: '{{detail}}.' });
    expect(await exampleMessages(vars, 'Hi {{nme}}')).toEqual([]);
    const withOptions = { ...vars, examples: { ...vars.examples, options: { variables: ['name'] } } };
    expect((await exampleMessages(withOptions, 'Hi {{nme}}')).map((m) => m.rewrites.map((r) => r.text))).toEqual([['Hi {{name}}']]);
  });
});

describe('runRuleExamples', () => {
  it('passes a rule whose examples hold', async () => {
    expect(await runRuleExamples(rule({}))).toEqual([]);
  });

  it('reports an invalid example that stays quiet and a valid one that fires', async () => {
    const r = rule({ examples: { invalid: ['We will fix it soon.'], valid: ['Reply asap.'] } });
    expect(await runRuleExamples(r)).toEqual([
      { ruleId: 'team/no-asap', example: 'We will fix it soon.', expected: 'fires', messages: [] },
      { ruleId: 'team/no-asap', example: 'Reply asap.', expected: 'quiet', messages: ['1:7 “asap” is vague.'] },
    ]);
  });

  it('reports a rewrite that leaves the example as it was', async () => {
    const r = rule({ suggest: ['{{match}}', 'by [a time]'] });
    expect(await runRuleExamples(r)).toEqual([
      { ruleId: 'team/no-asap', example: "We'll fix it ASAP.", expected: 'changes', messages: ['1:14 Rewrite: “ASAP”'] },
    ]);
  });
});
