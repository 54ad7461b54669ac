// Every built-in rule's own examples: invalid ones fire, valid ones stay quiet (DESIGN.md practice 8).
import { lintText } from '../../src/engine/lint-text.js';
import { describe, expect, it } from 'vitest';
import { readBuiltinSources } from '../../src/rules/load.js';
import { runRuleExamples } from '../../src/rules/examples.js';
import { RuleRegistry } from '../../src/rules/registry.js';

const { rules, presets } = readBuiltinSources();
const registry = new RuleRegistry(rules);

describe('built-in rules', () => {
  it('ship at least one rule of every kind in each family the core needs', () => {
    const kinds = new Set(rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['conditional', 'pattern', 'phrase', 'substitution', 'template']);
    for (const family of ['blame', 'refusal', 'tone', 'template']) expect(rules.some((r) => r.family === family)).toBe(true);
  });

  it('are all named in the recommended preset, which names no unknown rule', () => {
    const recommended = Object.keys(presets.recommended?.rules ?? {});
    for (const id of recommended) expect(registry.has(id), id).toBe(true);
    expect(recommended.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('fires on every invalid example and stays quiet on every valid one', async () => {
        expect(await runRuleExamples(rule, registry)).toEqual([]);
      });

      it('reports one problem once: no two of its messages on an example cover the same words', async () => {
        const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
        for (const example of rule.examples.invalid) {
          const result = await lintText(example, { filePath: 'example.txt', config, rules: registry });
          const ranges = result.messages.filter((m) => m.ruleId === rule.id && m.endLine !== undefined).map((m) => [m.line, m.column, m.endLine!, m.endColumn!] as const);
          const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
          for (let i = 0; i < ranges.length; i++) {
            for (let j = i + 1; j < ranges.length; j++) {
              const [a, b] = [ranges[i]!, ranges[j]!];
              const apart = before(a[2], a[3], b[0], b[1]) || before(b[2], b[3], a[0], a[1]);
              expect(apart, `${example}: ${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
            }
          }
        }
      });

      // Template rules quote the placeholder itself ("{{name}}"), so only the other kinds are checked.
      if (rule.kind !== 'template') it('fills every slot of its message on every invalid example', async () => {
        // A message slot that no match fills ("{{actor}}" from a phrase, which captures nothing)
        // would reach the user as it is written in the rule file.
        for (const example of rule.examples.invalid) {
          const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
          const result = await lintText(example, { filePath: 'example.txt', config, rules: registry });
          for (const m of result.messages.filter((m) => m.ruleId === rule.id)) expect(m.message, example).not.toMatch(/\{\{\s*[\w.-]+/);
        }
      });

      if (rule.kind === 'template') {
        // Template rules build their repair from the placeholder itself: every finding has one.
        it('offers a repair on every invalid example', async () => {
          for (const example of rule.examples.invalid) {
            const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
            const result = await lintText(example, { filePath: 'example.txt', config, rules: registry });
            expect(result.messages.length, example).toBeGreaterThan(0);
            for (const m of result.messages) expect(m.suggestions?.length ?? 0, example).toBeGreaterThan(0);
          }
        });
      } else {
        it('has at least one rewrite or a safe replacement', () => {
          expect((rule.suggest?.length ?? 0) + Object.keys(rule.swap ?? {}).length).toBeGreaterThan(0);
        });
      }
    });
  }
});

describe('refusal rules', () => {
  it('accept the same answers, so a dead end and a bare limit are judged alike', () => {
    const deadEnd = registry.definition('refusal/dead-end')!;
    const noAlternative = registry.definition('refusal/no-alternative')!;
    expect(noAlternative.expect).toEqual(deadEnd.expect);
  });

  it('know no limit that positioning/ends-on-limit does not also know', () => {
    const noAlternative = registry.definition('refusal/no-alternative')!;
    const endsOnLimit = registry.definition('positioning/ends-on-limit')!;
    const missing = (noAlternative.trigger?.phrases ?? []).filter((p) => !endsOnLimit.trigger?.phrases?.includes(p));
    expect(missing).toEqual([]);
  });
});

describe('README', () => {
  it('lists every built-in rule with its kind and recommended severity', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const rule of rules) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
      expect(row, rule.id).toBeDefined();
      expect(row).toContain(`| ${rule.kind} |`);
      expect(row).toContain(`| ${(presets.recommended?.rules?.[rule.id] as string | undefined) ?? 'off'} |`);
    }
  });
});

describe('pattern prefilters', () => {
  it('give every built-in pattern at least one required word, so compromise stays unloaded on most replies', async () => {
    const { patternPrefilter } = await import('../../src/rules/matcher.js');
    const unconstrained: string[] = [];
    for (const rule of rules) {
      const patterns = [rule.pattern, rule.trigger?.pattern].flat().filter((p): p is string => typeof p === 'string');
      for (const p of patterns) if (patternPrefilter(p).length === 0) unconstrained.push(`${rule.id}: ${p}`);
    }
    expect(unconstrained).toEqual([]);
  });
});
