// conditional rules: a trigger is reported unless an expected sentence answers it within the window.
import { describe, expect, it } from 'vitest';
import { RuleRegistry } from '../../src/rules/registry.js';
import { lint, makeRule } from '../helpers.js';

const registry = (window?: object) =>
  new RuleRegistry([
    makeRule({
      kind: 'conditional',
      trigger: { phrases: ['we can not'] },
      expect: { phrases: ['instead'] },
      ...(window ? { window: window as never } : {}),
    }),
  ]);
const count = async (text: string, window?: object) => (await lint(text, ['test/sample'], 'r.txt', registry(window))).messages.length;

describe('conditional check', () => {
  it('is answered by the expected phrase in the same sentence or the next two (the default window)', async () => {
    expect(await count("We can't ship it.")).toBe(1);
    expect(await count("We can't ship it, instead we collect.")).toBe(0);
    expect(await count("We can't ship it. Sorry. Instead, we collect.")).toBe(0);
  });

  it('looks through the whole paragraph by default, but not into the next one beyond the count', async () => {
    expect(await count("We can't ship it. Sorry. Truly. Really. Instead, we collect.")).toBe(0);
    expect(await count("We can't ship it. Sorry. Truly.\n\nThanks. Instead, we collect.")).toBe(1);
  });

  it('honours sentence and reply windows', async () => {
    expect(await count("We can't ship it. Instead, we collect.", { scope: 'sentence' })).toBe(1);
    expect(await count("We can't ship it.\n\nSorry.\n\nTruly.\n\nInstead, we collect.", { scope: 'reply' })).toBe(0);
    expect(await count("We can't ship it.\n\nSorry.\n\nTruly.\n\nInstead, we collect.", { scope: 'paragraph' })).toBe(1);
  });

  it('does not count the trigger itself as its answer', async () => {
    const r = new RuleRegistry([makeRule({ kind: 'conditional', trigger: { phrases: ['can not'] }, expect: { phrases: ['can'] } })]);
    expect((await lint("We can't.", ['test/sample'], 'r.txt', r)).messages).toHaveLength(1);
  });
});

describe('expect exceptions', () => {
  it('keep look-alike answers from answering the trigger', async () => {
    const r = new RuleRegistry([
      makeRule({
        kind: 'conditional',
        trigger: { phrases: ['we can not'] },
        expect: { phrases: ['I can'], exceptions: ['anything else I can'] },
      }),
    ]);
    const count = async (text: string) => (await lint(text, ['test/sample'], 'r.txt', r)).messages.length;
    expect(await count("We can't ship there. Is there anything else I can do?")).toBe(1);
    expect(await count("We can't ship there. I can hold it for pickup.")).toBe(0);
  });
});

describe('rest-of scopes and follows', () => {
  it('rest-of-paragraph only looks after the trigger', async () => {
    expect(await count("Instead, we collect. We can't ship it.", { scope: 'rest-of-paragraph' })).toBe(1);
    expect(await count("Instead, we collect. We can't ship it.", { scope: 'paragraph' })).toBe(0);
    expect(await count("We can't ship it. Sorry.\n\nInstead, we collect.", { scope: 'rest-of-reply' })).toBe(0);
  });

  it('with follows, counts a trigger only after what it names', async () => {
    const r = new RuleRegistry([
      makeRule({ kind: 'conditional', trigger: { phrases: ['can not be refunded'] }, expect: { phrases: ['instead'] }, follows: { phrases: ['I have refunded'] } }),
    ]);
    const n = async (text: string) => (await lint(text, ['test/sample'], 'r.txt', r)).messages.length;
    expect(await n("I've refunded the mug. The fee can't be refunded.")).toBe(1);
    expect(await n("The fee can't be refunded. I've refunded the mug.")).toBe(0);
    expect(await n("The fee can't be refunded.")).toBe(0);
  });
});
