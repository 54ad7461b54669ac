// Two engine features rules use for precision: an exception that looks one sentence ahead
// (`scope: next-sentence`), and rewrites checked against the rule's family before they are offered
// (`verifySuggestions`).
import { describe, expect, it } from 'vitest';
import { RuleRegistry } from '../../src/rules/registry.js';
import { lint, makeRule } from '../helpers.js';

describe('an exception with scope: next-sentence', () => {
  const registry = new RuleRegistry([
    makeRule({ id: 'test/blame', phrases: ['the courier lost'], exceptions: [{ scope: 'next-sentence', phrases: ['that is (our|my) fault'] }] }),
  ]);
  const ids = async (text: string) => (await lint(text, ['test/blame'], 'a.txt', registry)).messages.map((m) => m.ruleId);

  it('cancels a hit when the very next sentence of its paragraph matches', async () => {
    expect(await ids("The courier lost it. That's our fault, and I've sent another.")).toEqual([]);
  });

  it('keeps the hit when the match is in the same sentence, two sentences on, or in the next paragraph', async () => {
    expect(await ids("The courier lost it, that's our fault.")).toEqual(['test/blame']);
    expect(await ids("The courier lost it. I'm looking. That's our fault.")).toEqual(['test/blame']);
    expect(await ids("The courier lost it.\n\nThat's our fault.")).toEqual(['test/blame']);
  });
});

describe('verifySuggestions', () => {
  // A rewrite that brings in words another rule of the family flags.
  const rules = (verify: boolean) =>
    new RuleRegistry([
      makeRule({
        id: 'test/first',
        family: 'order',
        phrases: ['sadly not'],
        verifySuggestions: verify,
        suggest: [
          { text: 'Alas, no.', target: 'sentence' },
          { text: 'It is not possible yet.', target: 'sentence' },
        ],
      }),
      makeRule({ id: 'test/second', family: 'order', phrases: ['alas'] }),
      makeRule({ id: 'test/elsewhere', family: 'other', phrases: ['possible yet'] }),
    ]);
  const run = async (text: string, verify: boolean) => (await lint(text, undefined, 'a.txt', rules(verify))).messages;

  it('drops a rewrite that its own family would flag again, and keeps one only another family flags', async () => {
    const [first] = (await run('Sadly not.', true)).filter((m) => m.ruleId === 'test/first');
    expect(first!.suggestions!.map((s) => s.fix.text)).toEqual(['It is not possible yet.']);
  });

  it('offers every rewrite when the rule does not ask for the check', async () => {
    const [first] = (await run('Sadly not.', false)).filter((m) => m.ruleId === 'test/first');
    expect(first!.suggestions!.map((s) => s.fix.text)).toEqual(['Alas, no.', 'It is not possible yet.']);
  });

  it('does not report a finding whose every rewrite would be flagged again', async () => {
    const registry = new RuleRegistry([
      makeRule({ id: 'test/first', family: 'order', phrases: ['sadly not'], verifySuggestions: true, suggest: [{ text: 'Alas, no.', target: 'sentence' }] }),
      makeRule({ id: 'test/second', family: 'order', phrases: ['alas'] }),
    ]);
    expect((await lint('Sadly not.', undefined, 'a.txt', registry)).messages.map((m) => m.ruleId)).toEqual([]);
    expect((await lint('Alas.', undefined, 'a.txt', registry)).messages.map((m) => m.ruleId)).toEqual(['test/second']);
  });
});
