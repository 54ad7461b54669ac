import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives } from '../../src/engine/directives.js';
import { LineIndex } from '../../src/engine/positions.js';
import type { LintMessage } from '../../src/types.js';

const msg = (ruleId: string, line: number, column = 1): LintMessage => ({ ruleId, severity: 2, message: ruleId, line, column, endLine: line, endColumn: column + 1 });
const run = (text: string, messages: LintMessage[], reportUnused = false) =>
  applyDirectives(messages, parseDirectives(text, new LineIndex(text)), { reportUnused, isKnownRule: (id) => id.startsWith('tone/') || id.startsWith('blame/') });

describe('inline directives', () => {
  it('parses kinds, rule lists and reasons', () => {
    const text = '<!-- replylint-disable-next-line blame/policy, tone/helpless -- legal wording required -->\n# replylint-disable\n';
    expect(parseDirectives(text, new LineIndex(text))).toEqual([
      { kind: 'disable-next-line', rules: ['blame/policy', 'tone/helpless'], reason: 'legal wording required', line: 1, column: 1, endLine: 1, endColumn: 91 },
      { kind: 'disable', rules: [], line: 2, column: 1, endLine: 2, endColumn: 20 },
    ]);
  });

  it('disable … enable silences the named rule between them only', () => {
    const text = 'a\n<!-- replylint-disable tone/helpless -->\nb\n<!-- replylint-enable tone/helpless -->\nc\n';
    const out = run(text, [msg('tone/helpless', 1), msg('tone/helpless', 3), msg('blame/policy', 3), msg('tone/helpless', 5)]);
    expect(out.map((m) => `${m.ruleId}@${m.line}`)).toEqual(['tone/helpless@1', 'blame/policy@3', 'tone/helpless@5']);
  });

  it('disable-line and disable-next-line', () => {
    const text = 'x <!-- replylint-disable-line -->\n<!-- replylint-disable-next-line tone/helpless -->\ny\nz\n';
    const out = run(text, [msg('blame/policy', 1), msg('tone/helpless', 3), msg('blame/policy', 3), msg('tone/helpless', 4)]);
    expect(out.map((m) => `${m.ruleId}@${m.line}`)).toEqual(['blame/policy@3', 'tone/helpless@4']);
  });

  it('a disable-all then enable of one rule re-enables just that rule', () => {
    const text = '<!-- replylint-disable -->\n<!-- replylint-enable blame/policy -->\nb\n';
    expect(run(text, [msg('blame/policy', 3), msg('tone/helpless', 3)]).map((m) => m.ruleId)).toEqual(['blame/policy']);
  });

  it('reports unused and unknown directives only when asked', () => {
    const text = '<!-- replylint-disable-next-line tone/helpless -->\nfine\n<!-- replylint-disable-line nope/rule -->\n';
    expect(run(text, [])).toEqual([]);
    expect(run(text, [], true).map((m) => `${m.line}:${m.message}`)).toEqual([
      "1:Unused replylint-disable-next-line directive (no problems were reported from 'tone/helpless').",
      "3:Unknown rule 'nope/rule' in replylint-disable-line directive.",
    ]);
  });
});
