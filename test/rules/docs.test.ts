// The generated rule docs: the committed pages match the rule files, the pages' snippets work,
// and the renderer writes Markdown that shows example text as written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import {
  compareDocs,
  defaultSeverity,
  escapeMarkdown,
  renderRuleDocs,
  renderRulePage,
  renderRulesIndex,
  ruleDocPath,
  type RuleDoc,
} from '../../src/rules/docs.js';
import { builtinRuleDocsUrl } from '../../src/rules/docs-url.js';
import { readBuiltinSources } from '../../src/rules/load.js';
import { RuleRegistry } from '../../src/rules/registry.js';
import type { RuleDefinition } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS_DIR = join(ROOT, 'docs', 'rules');
const { rules, presets } = readBuiltinSources();
const rendered = await renderRuleDocs(rules, presets);

function committedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(DOCS_DIR)) return files;
  for (const entry of readdirSync(DOCS_DIR, { recursive: true }) as string[]) {
    const path = join(DOCS_DIR, entry);
    if (statSync(path).isFile()) files.set(entry.split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

describe('docs/rules', () => {
  it('matches the rule files (run `npm run docs` to regenerate)', () => {
    const { missing, stale, extra } = compareDocs(rendered, committedDocs());
    const problems = [...missing.map((p) => `missing ${p}`), ...stale.map((p) => `stale ${p}`), ...extra.map((p) => `extra ${p}`)];
    expect(problems, `docs/rules is out of date with rules/ — run \`npm run docs\`:\n${problems.join('\n')}`).toEqual([]);
  });

  it('has a page where every built-in rule\'s docs URL points, linking to a rule file that exists', () => {
    expect(rendered.size).toBe(rules.length + 1);
    for (const rule of rules) {
      const page = rendered.get(ruleDocPath(rule.id));
      expect(page, rule.id).toBeDefined();
      expect(builtinRuleDocsUrl(rule.id).endsWith(`/docs/rules/${ruleDocPath(rule.id)}`)).toBe(true);
      expect(rule.source).toBe(`rules/${rule.id}.yaml`);
      expect(page).toContain(`(../../../rules/${rule.id}.yaml)`);
      expect(rendered.get('README.md')).toContain(`| [${rule.id}](${rule.id}.md) |`);
    }
  });

  it('shows on every page a rewrite for every invalid example', () => {
    for (const rule of rules) {
      const page = rendered.get(ruleDocPath(rule.id))!;
      const end = page.includes('### Not flagged') ? page.indexOf('### Not flagged') : page.indexOf('## Options');
      const flagged = page.slice(page.indexOf('### Flagged'), end);
      const examples = flagged.split('\n').filter((l) => l.startsWith('- '));
      expect(examples.length, rule.id).toBe(rule.examples.invalid.length);
      const rewrites = flagged.split('\n').filter((l) => l.startsWith('    - '));
      expect(rewrites.length, rule.id).toBeGreaterThanOrEqual(rule.examples.invalid.length);
    }
  });

  it('gives inline directives that do silence the line they name', async () => {
    const registry = new RuleRegistry(rules);
    for (const rule of rules) {
      const page = rendered.get(ruleDocPath(rule.id))!;
      const config = { rules: { [rule.id]: { severity: 2 as const, options: rule.examples.options ?? {} } } };
      for (const [lang, filePath] of [['md', 'example.md'], ['text', 'example.txt']] as const) {
        const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``).exec(page)?.[1];
        expect(block, `${rule.id} ${lang}`).toBeDefined();
        const lines = block!.split('\n');
        const directive = lines.findIndex((l) => l.includes(`replylint-disable-next-line ${rule.id}`));
        expect(directive, `${rule.id} ${lang}`).toBeGreaterThanOrEqual(0);
        const without = [...lines.slice(0, directive), ...lines.slice(directive + 1)].join('\n');
        const before = await lintText(without, { filePath, config, rules: registry });
        expect(before.messages.some((m) => m.line === directive + 1), `${rule.id} ${lang} fires without the directive`).toBe(true);
        const after = await lintText(block!, { filePath, config, rules: registry });
        expect(after.messages.filter((m) => m.line === directive + 2), `${rule.id} ${lang}`).toEqual([]);
      }
    }
  });
});

const asap: RuleDefinition = {
  id: 'house/no-asap',
  family: 'house',
  kind: 'substitution',
  severity: 'warn',
  summary: 'Vague | timing *now*.',
  why: 'ASAP\n  promises <nothing> the customer_can plan on.\n',
  message: '“{{match}}” is vague.',
  swap: { asap: 'by [a time]' },
  fixable: true,
  examples: { invalid: ['Fix it ASAP | now.'], valid: ['Done by *noon*.'] },
};

const asapDoc: RuleDoc = {
  def: asap,
  severity: 'warn',
  recommended: false,
  flagged: [
    {
      example: 'Fix it ASAP | now.',
      messages: [
        {
          message: '“ASAP” is vague.',
          line: 1,
          column: 8,
          rewrites: [
            { kind: 'fix', desc: 'the safe fix', text: 'Fix it by [a time] | now.' },
            { kind: 'suggestion', desc: 'Say when', text: 'Fix it today | now.' },
          ],
        },
      ],
    },
  ],
};

describe('renderRulePage', () => {
  it('writes the whole page: header line, why, examples with rewrites, options, turning it off, source', () => {
    expect(renderRulePage(asapDoc)).toBe(
      [
        '<!-- Generated by `npm run docs` from rules/house/no-asap.yaml: edit the rule file, not this page. -->',
        '',
        '# house/no-asap',
        '',
        'Vague \\| timing \\*now\\*.',
        '',
        '**Kind:** substitution · **Default severity:** warn when turned on (not in `replylint:recommended`) · fixable with `--fix`',
        '',
        '## Why',
        '',
        'ASAP promises \\<nothing\\> the customer_can plan on.',
        '',
        '## Examples',
        '',
        '### Flagged',
        '',
        '- Fix it ASAP \\| now.',
        '  - **Message:** “ASAP” is vague.',
        '    - **Safe fix** (`--fix` applies it): Fix it by \\[a time\\] \\| now.',
        '    - **Suggestion:** Fix it today \\| now.',
        '',
        '### Not flagged',
        '',
        '- Done by \\*noon\\*.',
        '',
        '## Options',
        '',
        "- `allow`: phrases that cancel a hit they overlap (written like the rule's phrases), e.g. a product name the rule misreads.",
        '',
        '```json',
        '{',
        '  "rules": {',
        '    "house/no-asap": ["warn", { "allow": ["[a phrase to accept]"] }]',
        '  }',
        '}',
        '```',
        '',
        '## Turning it off',
        '',
        'In your config:',
        '',
        '```json',
        '{',
        '  "rules": {',
        '    "house/no-asap": "off"',
        '  }',
        '}',
        '```',
        '',
        'For one line, put a directive on the line before it (everything after ` -- ` is the reason):',
        '',
        '```md',
        '<!-- replylint-disable-next-line house/no-asap -- [your reason] -->',
        'Fix it ASAP | now.',
        '```',
        '',
        'In a plain-text file it may also be a line comment:',
        '',
        '```text',
        '# replylint-disable-next-line house/no-asap -- [your reason]',
        'Fix it ASAP | now.',
        '```',
        '',
        '`replylint-disable-line house/no-asap` silences the line it is on, and `replylint-disable house/no-asap` … `replylint-enable house/no-asap` a block.',
        '',
        '## Source',
        '',
        'The rule file: [rules/house/no-asap.yaml](../../../rules/house/no-asap.yaml). Rule files are described in the [README](../../../README.md#writing-a-rule).',
        '',
      ].join('\n'),
    );
  });

  const conditional: RuleDefinition = {
    id: 'house/no-reason',
    family: 'house',
    kind: 'conditional',
    severity: 'error',
    summary: 'A refusal with no reason.',
    why: 'Say why.',
    message: 'Say why.',
    trigger: { phrases: ['we can not'] },
    expect: { phrases: ['because'] },
    examples: { invalid: ['Hi Al,\n\nThanks for writing.\nWe cannot do that.'], valid: ['We cannot do that because it is sold out.'] },
  };
  const conditionalDoc = (def: RuleDefinition): RuleDoc => ({
    def,
    severity: 'error',
    recommended: true,
    flagged: [{ example: def.examples.invalid[0]!, messages: [{ message: 'Say why.', line: 4, column: 1, rewrites: [] }] }],
  });

  it("names the conditional rule's default window, and writes a window option", () => {
    const page = renderRulePage(conditionalDoc(conditional));
    expect(page).toContain(
      "- `window`: where the answer to the trigger may be. This rule's default is `{ \"scope\": \"rest-of-paragraph\", \"after\": 2 }`: the rest of the paragraph after the trigger, or the next 2 sentences.",
    );
    expect(page).toContain('    "house/no-reason": ["error", { "allow": ["[a phrase to accept]"], "window": { "scope": "reply" } }]\n');
    expect(page).toContain('**Kind:** conditional · **Default severity:** error (in `replylint:recommended`)\n');
    const own = renderRulePage(conditionalDoc({ ...conditional, window: { scope: 'sentence', before: 1 } }));
    expect(own).toContain("This rule's default is `{ \"scope\": \"sentence\", \"before\": 1 }`: the trigger's sentence, or the sentence before it.");
  });

  it('keeps the line breaks of a multi-line example and puts the directive before the flagged line', () => {
    const page = renderRulePage(conditionalDoc(conditional));
    expect(page).toContain('\n- Hi Al,<br><br>Thanks for writing.<br>We cannot do that.\n');
    expect(page).toContain('```md\nHi Al,\n\nThanks for writing.\n<!-- replylint-disable-next-line house/no-reason -- [your reason] -->\nWe cannot do that.\n```');
  });

  it('lists `variables` for template/unknown-variable and no options for the other template checks', () => {
    const template: RuleDefinition = {
      ...asap,
      id: 'house/vars',
      kind: 'template',
      check: 'unknown-variable',
      fixable: undefined,
      examples: { invalid: ['Hi {{nam}}'], valid: [], options: { variables: ['name', 'dc.*'] } },
    };
    const doc: RuleDoc = { def: template, severity: 'error', recommended: false, flagged: [] };
    const page = renderRulePage(doc);
    expect(page).toContain('## Options\n\n- `variables`: the placeholder names your help desk knows;');
    expect(page).toContain('    "house/vars": ["error", { "variables": ["name", "dc.*"] }]\n');
    expect(page).toContain('The examples run with these options: `{ "variables": ["name", "dc.*"] }`.\n');
    expect(page).not.toContain('### Not flagged');
    expect(page).not.toContain('`allow`');
    expect(renderRulePage({ ...doc, def: { ...template, check: 'unbalanced' } })).toContain('## Options\n\nThis rule has no options.\n');
  });

  it('writes a code fence longer than any backtick run in the example', () => {
    const page = renderRulePage({ ...asapDoc, flagged: [{ ...asapDoc.flagged[0]!, example: 'Run ``` then ASAP.' }] });
    expect(page).toContain('````md\n<!-- replylint-disable-next-line house/no-asap -- [your reason] -->\nRun ``` then ASAP.\n````');
  });
});

describe('renderRulesIndex', () => {
  it('lists the rules by family, with summary, default severity and fix mark, linking to the pages', () => {
    const tone: RuleDoc = { ...asapDoc, def: { ...asap, id: 'tone/b', family: 'tone', summary: 'B.' }, severity: 'warn', recommended: true };
    const other: RuleDoc = { ...asapDoc, def: { ...asap, id: 'blame/a', family: 'blame', fixable: false }, severity: 'error', recommended: false };
    expect(renderRulesIndex([tone, other])).toBe(
      [
        '<!-- Generated by `npm run docs` from the files in rules/: edit those, not this page. -->',
        '',
        '# Built-in rules',
        '',
        'Every built-in rule, by family. *default* is the severity under `replylint:recommended`, the',
        'preset a config starts from; a rule marked *opt-in* is not in it and shows the severity it has',
        'when turned on. *fix* marks the rules whose rewrite `--fix` applies.',
        '',
        '## blame',
        '',
        '| rule | summary | default | fix |',
        '| --- | --- | --- | --- |',
        '| [blame/a](blame/a.md) | Vague \\| timing \\*now\\*. | error (opt-in) |  |',
        '',
        '## tone',
        '',
        '| rule | summary | default | fix |',
        '| --- | --- | --- | --- |',
        '| [tone/b](tone/b.md) | B. | warn | yes |',
        '',
      ].join('\n'),
    );
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*really* sorry', '\\*really\\* sorry'],
    ['see [the docs](x)', 'see \\[the docs\\](x)'],
    ['<b>bold</b>', '\\<b\\>bold\\</b\\>'],
    ['`code`', '\\`code\\`'],
    ['back\\slash', 'back\\\\slash'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['_em_ and first_name', '\\_em\\_ and first_name'],
    ['Q&amp;A and Q&A', 'Q\\&amp;A and Q&A'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['#hashtag and 1.5 days', '#hashtag and 1.5 days'],
    ['  many\n  spaces  ', 'many spaces'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('defaultSeverity', () => {
  it('takes the preset\'s setting in any of its forms, else the rule\'s own severity', () => {
    const preset = (setting: unknown) => ({ rules: { 'house/no-asap': setting } }) as never;
    expect(defaultSeverity(asap, preset('error'))).toEqual({ severity: 'error', recommended: true });
    expect(defaultSeverity(asap, preset(['warn', { allow: ['x'] }]))).toEqual({ severity: 'warn', recommended: true });
    expect(defaultSeverity(asap, preset(2))).toEqual({ severity: 'error', recommended: true });
    expect(defaultSeverity(asap, preset('off'))).toEqual({ severity: 'off', recommended: true });
    expect(defaultSeverity(asap, { rules: {} })).toEqual({ severity: 'warn', recommended: false });
    expect(defaultSeverity(asap, undefined)).toEqual({ severity: 'warn', recommended: false });
  });
});

describe('compareDocs', () => {
  it('sorts what is missing, stale and extra', () => {
    const expected = new Map([
      ['b.md', 'B'],
      ['a.md', 'A'],
      ['c.md', 'C'],
    ]);
    const actual = new Map([
      ['c.md', 'old C'],
      ['z.md', 'Z'],
      ['a.md', 'A'],
    ]);
    expect(compareDocs(expected, actual)).toEqual({ missing: ['b.md'], stale: ['c.md'], extra: ['z.md'] });
  });
});
