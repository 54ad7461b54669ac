// The pure core, end to end on strings: positions in the original text, suggestions, fixes, counts.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { RuleRegistry } from '../../src/rules/registry.js';
import { builtinRegistry, lint, makeRule, pointed } from '../helpers.js';

describe('lintText', () => {
  it('reports ESLint-shaped messages pointing at the words in the original text', async () => {
    const text = 'Hi Sam,\n\nThe courier lost your parcel near the depot.\n';
    const result = await lint(text, ['blame/third-party']);
    expect(result.messages).toHaveLength(1);
    const [m] = result.messages;
    expect(m).toMatchObject({ ruleId: 'blame/third-party', severity: 2, line: 3, column: 1, endLine: 3 });
    expect(pointed(text, result)).toEqual(['The courier lost your parcel']);
    expect(m!.message).toContain('“The courier”');
    expect(result).toMatchObject({ errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
  });

  it('keeps positions right with CRLF, a BOM and an emoji before the problem', async () => {
    const text = '\uFEFFHello 👋\r\nThanks! 🙏 That is not possible.\r\n';
    const result = await lint(text, ['refusal/dead-end']);
    expect(result.messages.map((m) => [m.line, m.column])).toEqual([[2, 12]]);
    expect(pointed(text, result)).toEqual(['That is not possible']);
    // The suggestion's range is a 0-based offset range into the text after the BOM.
    const fix = result.messages[0]!.suggestions![0]!.fix;
    expect(text.slice(1).slice(fix.range[0], fix.range[1])).toBe('That is not possible.');
  });

  it('moves a limit that opened on "But" before the good news without the "But"', async () => {
    const text = "I've booked the engineer for Thursday. But he can only come after 6pm.";
    const result = await lint(text, ['positioning/ends-on-limit']);
    const fix = result.messages[0]!.suggestions![0]!.fix;
    const rewritten = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    expect(rewritten).toBe("He can only come after 6pm. I've booked the engineer for Thursday.");
  });

  it('matches contractions, curly apostrophes and "cannot" alike', async () => {
    for (const text of ['We can’t help with that.', 'We cannot help with that.', 'We can not help with that.']) {
      const result = await lint(text, ['refusal/dead-end']);
      expect(result.messages.map((m) => m.ruleId), text).toEqual(['refusal/dead-end']);
    }
  });

  it('offers a substitution as a safe fix with the case of the written words', async () => {
    const text = 'You have to restart the app.';
    const result = await lint(text, ['tone/you-have-to']);
    const [m] = result.messages;
    expect(m!.fix).toEqual({ range: [0, 11], text: 'Please' });
    expect(result.fixableErrorCount).toBe(1);
  });

  it('replaces the whole sentence for sentence-target rewrites and capitalizes rewrites at a sentence start', async () => {
    const text = 'Thanks for asking. Sadly, that is not possible.';
    const result = await lint(text, ['refusal/dead-end']);
    const s = result.messages[0]!.suggestions![0]!;
    expect(text.slice(...s.fix.range)).toBe('Sadly, that is not possible.');
    expect(s.fix.text).toBe("Here's what I can do instead: [alternative].");
  });

  it('sorts messages by position and ignores rules that are off', async () => {
    const text = 'As I already said, that is not possible. The courier lost it.';
    const all = await lint(text);
    const positions = all.messages.map((m) => m.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const none = await lintText(text, { config: { rules: {} }, rules: builtinRegistry });
    expect(none.messages).toEqual([]);
    expect(none.filePath).toBe('<text>');
  });

  it('counts the replies left with a problem after disable directives', async () => {
    const macro = (id: number, body: string) => ({ id, title: `M${id}`, actions: [{ field: 'comment_value', value: body }] });
    const exportOf = (bodies: string[]) => JSON.stringify({ macros: bodies.map((b, i) => macro(i + 1, b)) }, null, 2);
    const bodies = ['The courier lost your parcel. That is not possible.', 'Thanks, I have refunded you.', 'That is not possible.'];
    const result = await lint(exportOf(bodies), undefined, 'macros.json');
    expect(result.input).toEqual({ format: 'json: zendesk-macros', replies: 3, repliesWithProblems: 2 });
    // Two problems in one reply count it once; a reply whose only problem is disabled is clean.
    const silenced = await lint('<!-- replylint-disable-next-line -->\nThat is not possible.\n', undefined, 'reply.md');
    expect(silenced.messages).toEqual([]);
    expect(silenced.input).toEqual({ format: 'markdown', replies: 1, repliesWithProblems: 0 });
    const clean = await lint('Thanks, I have refunded you.', undefined, 'reply.txt');
    expect(clean.input).toEqual({ format: 'text', replies: 1, repliesWithProblems: 0 });
  });

  it('skips code, front matter and HTML comments in Markdown', async () => {
    const text = '---\nnote: That is not possible.\n---\n\n<!-- That is not possible. -->\n\n`That is not possible.`\n\n```\nThat is not possible.\n```\n';
    expect((await lint(text, ['refusal/dead-end'], 'reply.md')).messages).toEqual([]);
    expect((await lint(text, ['refusal/dead-end'], 'reply.txt')).messages.length).toBeGreaterThan(0);
  });

  it('fills message templates with pattern captures', async () => {
    const registry = new RuleRegistry([
      makeRule({ kind: 'pattern', pattern: '[<who>the #Noun] (lost|broke)', message: '{{who}} did it' }),
    ]);
    const result = await lint('I think the driver lost it.', ['test/sample'], 'a.txt', registry);
    expect(result.messages.map((m) => m.message)).toEqual(['the driver did it']);
  });

  it('cuts a captured phrase at a comma, so a rewrite does not repeat the rest of the clause', async () => {
    const result = await lint("The courier lost your parcel, I'm afraid.", ['blame/third-party']);
    expect(result.messages[0]!.suggestions![0]!.fix.text).toBe("I'm sorry your parcel was lost — that's on us, and I've [what you have done].");
  });

  it('throws for a config naming a rule the registry does not have', async () => {
    await expect(lintText('x', { config: { rules: { 'nope/x': { severity: 2, options: {} } } }, rules: new RuleRegistry() })).rejects.toThrow(
      /nope\/x/,
    );
  });
});

describe('rewrites in Markdown', () => {
  it('reuse the file text, so code spans and markup survive a sentence rewrite', async () => {
    const text = 'Sadly the `beta` plan **is no longer available**.\n';
    const result = await lint(text, ['refusal/no-alternative'], 'reply.md');
    const fix = result.messages[0]!.suggestions![0]!.fix;
    expect(fix.text).toBe('Sadly the `beta` plan **is no longer available**. Instead, I can [alternative].');
    expect(text.slice(...fix.range)).toBe('Sadly the `beta` plan **is no longer available**.');
    expect(result.messages[0]!.message).toContain('“is no longer available”');
  });

  it('reads GitHub tables cell by cell', async () => {
    const text = '| Question | Answer |\n| --- | --- |\n| Refund? | That is not possible. |\n';
    const result = await lint(text, ['refusal/dead-end'], 'reply.md');
    expect(result.messages.map((m) => [m.line, m.column])).toEqual([[3, 13]]);
  });
});

describe('pattern captures', () => {
  it('carry no trailing punctuation into the message', async () => {
    const result = await lint('The billing system failed.', ['blame/third-party']);
    expect(result.messages[0]!.message).toContain('responsible for “failed”.');
  });
});

describe('rewrite templates', () => {
  const rule = (suggest: string[], extra: object = {}) =>
    new RuleRegistry([makeRule({ kind: 'pattern', pattern: '[<who>the #Noun] lost [<what>(your #Noun)]?', suggest: suggest.map((text) => ({ text, target: 'sentence' as const })), ...extra })]);
  const rewrites = async (text: string, suggest: string[], extra?: object) =>
    (await lint(text, ['test/sample'], 'a.txt', rule(suggest, extra))).messages[0]!.suggestions?.map((s) => s.fix.text) ?? [];

  it('skips a rewrite whose captures the match did not fill', async () => {
    const suggest = ["I'm sorry {{what}} went missing.", "I'm sorry about this."];
    expect(await rewrites('Sadly the driver lost your parcel.', suggest)).toEqual(["I'm sorry your parcel went missing.", "I'm sorry about this."]);
    expect(await rewrites('Sadly the driver lost it.', suggest)).toEqual(["I'm sorry about this."]);
  });

  it('applies case filters and drops the matched words with {{without-match}}', async () => {
    expect(await rewrites('Sadly the driver lost your parcel.', ['{{what|capitalize}} is on us; {{who|lower-first}} is not to blame.'])).toEqual([
      'Your parcel is on us; the driver is not to blame.',
    ]);
    const phrase = (text: string) =>
      lint(text, ['test/sample'], 'a.txt', new RuleRegistry([makeRule({ phrases: ['as I already said', 'simply'], suggest: [{ text: '{{without-match}}', target: 'sentence' }] })]));
    expect((await phrase('As I already said, the link expires.')).messages[0]!.suggestions![0]!.fix.text).toBe('The link expires.');
    expect((await phrase('Please simply click the link.')).messages[0]!.suggestions![0]!.fix.text).toBe('Please click the link.');
  });
});
