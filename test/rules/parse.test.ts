// Rule files: validated on load, every problem located as path:line:col.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/rules/parse.js';
import { ruleValidator } from '../../src/schema/schemas.js';
import { SAMPLE_RULE_YAML } from '../helpers.js';

const VALID = SAMPLE_RULE_YAML;

function errorsOf(text: string, name = 'no-sorry-for-inconvenience'): string[] {
  return parseRuleFile(text, 'rules/x.yaml', ruleValidator(), name).errors.map((e) => e.format());
}

describe('parseRuleFile', () => {
  it('accepts a valid rule and records its source', () => {
    const parsed = parseRuleFile(VALID, 'rules/x.yaml', ruleValidator(), 'no-sorry-for-inconvenience');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rule).toMatchObject({ id: 'acme/no-sorry-for-inconvenience', kind: 'phrase', source: 'rules/x.yaml' });
  });

  it('locates an unknown key', () => {
    expect(errorsOf(VALID.replace('severity: warn', 'severity: warn\nlevel: 3'))).toEqual(['rules/x.yaml:5:1: unknown key "level"']);
  });

  it('locates a missing required key at the object that lacks it', () => {
    expect(errorsOf(VALID.replace('why: It reads as a template.\n', ''))).toEqual(['rules/x.yaml:1:1: the file is missing the required key "why"']);
  });

  it('names the allowed values of a bad enum', () => {
    expect(errorsOf(VALID.replace('kind: phrase', 'kind: regex'))[0]).toMatch(/^rules\/x\.yaml:3:7: "kind" must be one of "phrase", "pattern", "substitution", "conditional", "template" \(got "regex"\)$/);
  });

  it('requires the fields of the kind', () => {
    expect(errorsOf(VALID.replace('kind: phrase', 'kind: substitution'))).toEqual(['rules/x.yaml:1:1: the file is missing the required key "swap"']);
  });

  it('checks the id against the file name and the family', () => {
    expect(errorsOf(VALID, 'other-name')).toEqual(['rules/x.yaml:1:5: the id "acme/no-sorry-for-inconvenience" must end with the file name "other-name"']);
    expect(errorsOf(VALID.replace('family: acme', 'family: blame'))).toEqual(['rules/x.yaml:2:9: "family" must be "acme", the first part of the id "acme/no-sorry-for-inconvenience"']);
  });

  it('rejects template slots the rule cannot fill', () => {
    expect(errorsOf(VALID.replace('{{match}}', '{{actor}}'))).toEqual(['rules/x.yaml:7:10: unknown template slot {{actor}}: use one of {{match}}, {{sentence}}']);
  });

  it('rejects a message slot that a phrase or another pattern leaves empty', () => {
    const rule = (matchers: string) =>
      `id: acme/no-sorry-for-inconvenience\nfamily: acme\nkind: pattern\nseverity: warn\nsummary: s\nwhy: w\nmessage: "{{actor}} did it"\n${matchers}examples:\n  valid: ["fine"]\n  invalid: ["The courier lost it."]\n`;
    const problem = /^rules\/x\.yaml:7:10: the message uses \{\{actor\}\}, which some matches leave empty/;
    expect(errorsOf(rule('pattern:\n  - "[<actor>#Actor] lost"\n'))).toEqual([]);
    expect(errorsOf(rule('pattern:\n  - "[<actor>#Actor] lost"\nphrases:\n  - they lost\n'))[0]).toMatch(problem);
    expect(errorsOf(rule('pattern:\n  - "[<actor>#Actor] lost"\n  - "#Actor broke"\n'))[0]).toMatch(problem);
    expect(errorsOf(rule('pattern:\n  - "[<actor>#Actor]? lost"\n'))[0]).toMatch(problem);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errorsOf('id: a/b\nphrases: [unclosed\n')[0]).toMatch(/^rules\/x\.yaml:\d+:\d+: syntax error: /);
  });

  it('allows "fixable" only on substitution rules', () => {
    expect(errorsOf(VALID.replace('severity: warn', 'severity: warn\nfixable: true'))).toEqual([
      'rules/x.yaml:5:1: "fixable" is only allowed on substitution rules: other rewrites are suggestions',
    ]);
  });
});

describe('phrase syntax checks', () => {
  it('rejects ^ or $ inside a phrase', () => {
    const bad = SAMPLE_RULE_YAML.replace('  - sorry for the inconvenience', '  - sorry ^ for the $ inconvenience');
    expect(errorsOf(bad)).toEqual(['rules/x.yaml:11:5: the phrase "sorry ^ for the $ inconvenience" uses ^ or $ inside it: ^ may only start a phrase and $ only end it']);
  });

  it('keeps "pattern" to pattern rules', () => {
    expect(errorsOf(VALID.replace('phrases:', 'pattern: "the #Noun"\nphrases:'))).toEqual(['rules/x.yaml:10:1: "pattern" is only used by pattern rules (which may also list phrases)']);
  });

  it('rejects nested ( ) groups instead of silently mis-reading them', () => {
    const nested = SAMPLE_RULE_YAML.replace('  - sorry for the inconvenience', '  - sorry for (the|any (small|big)) inconvenience');
    expect(errorsOf(nested)).toEqual(['rules/x.yaml:11:5: the phrase "sorry for (the|any (small|big)) inconvenience" nests ( ) groups, which phrases do not support: write it as two phrases']);
  });
});
