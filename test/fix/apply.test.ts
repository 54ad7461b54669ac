import { describe, expect, it } from 'vitest';
import { applyFixes, lintAndFix } from '../../src/fix/apply.js';
import { lintText } from '../../src/engine/lint-text.js';
import { builtinRegistry } from '../helpers.js';

// Every built-in rule on, as a warning: fixes must coexist with other rules' findings.
const allRules = { rules: Object.fromEntries(builtinRegistry.definitions().map((d) => [d.id, { severity: 1 as const, options: {} }])) };

const fix = (start: number, end: number, text: string) => ({ fix: { range: [start, end] as [number, number], text } });

describe('applyFixes', () => {
  it('applies fixes in file order whatever order they come in', () => {
    expect(applyFixes('abc def ghi', [fix(8, 11, 'GHI'), fix(0, 3, 'ABC')])).toEqual({ output: 'ABC def GHI', applied: 2 });
  });

  it('leaves a fix that overlaps or touches an applied one for the next pass', () => {
    expect(applyFixes('abcdef', [fix(0, 3, 'X'), fix(2, 4, 'Y'), fix(3, 5, 'Z')])).toEqual({ output: 'Xdef', applied: 1 });
  });

  it('ignores messages without a fix and ranges outside the text', () => {
    expect(applyFixes('abc', [{}, fix(1, 9, 'x'), fix(0, 1, 'A')])).toEqual({ output: 'Abc', applied: 1 });
  });
});

describe('lintAndFix', () => {
  const options = (filePath = 'reply.txt') => ({ filePath, config: allRules, rules: builtinRegistry });

  it('fixes every safe substitution and re-lints the fixed text', async () => {
    const result = await lintAndFix('You have to restart the router. Then you must sign in.\n', options());
    expect(result.output).toBe('Please restart the router. Then please sign in.\n');
    expect(result.messages.filter((m) => m.ruleId === 'tone/you-have-to')).toEqual([]);
    // The positions describe the fixed text.
    expect(await lintText(result.output!, options())).toMatchObject({ messages: result.messages });
  });

  it('applies a clause-start swap only where the phrase starts a clause, and never to an inflected form', async () => {
    const cases: Array<[string, string | undefined]> = [
      ["To reset it, you'll have to open Settings.", 'To reset it, please open Settings.'],
      ['Restart the app, then you must sign in.', 'Restart the app, then please sign in.'],
      ['Restart the app and then you must sign in.', 'Restart the app and then please sign in.'],
      ['“You need to restart it.”', '“Please restart it.”'],
      ['Check how much you need to send.', undefined],
      ["I'm afraid you'll need to enter it again.", undefined],
      ['There is a charge since you will have to check the bag.', undefined],
      ['Did they give you a code that you needed to redeem?', undefined],
    ];
    for (const [text, output] of cases) {
      const result = await lintAndFix(text, options());
      expect(result.output, text).toBe(output);
    }
    // Where the swap would break the sentence it is not offered as a suggestion either: the
    // message stays, for the writer to rephrase.
    const kept = await lintAndFix('Check how much you need to send.', options());
    const message = kept.messages.find((m) => m.ruleId === 'tone/you-have-to')!;
    expect(message.fix).toBeUndefined();
    expect(message.suggestions).toBeUndefined();
  });

  it('keeps a byte-order mark and CRLF line ends', async () => {
    const result = await lintAndFix('\uFEFFHi,\r\nYou have to restart it.\r\n', options());
    expect(result.output).toBe('\uFEFFHi,\r\nPlease restart it.\r\n');
  });

  it('sets no output when nothing was fixed', async () => {
    const result = await lintAndFix('I can restart it for you today.\n', options());
    expect(result.output).toBeUndefined();
  });

  it('does not fix words split by markup, entities or placeholders', async () => {
    const html = await lintAndFix('<p>You <b>have</b> to restart it.</p>\n', options('reply.html'));
    expect(html.output).toBeUndefined();
    expect(html.messages.some((m) => m.ruleId === 'tone/you-have-to' && !m.fix)).toBe(true);
    const plain = await lintAndFix('<p>You have to restart it.</p>\n', options('reply.html'));
    expect(plain.output).toBe('<p>Please restart it.</p>\n');
  });

  it('writes fixes inside a JSON string in JSON syntax and leaves the rest of the file byte for byte', async () => {
    const input = '[\n  {"title": "Reset \\"now\\"", "body": "Hi,\\n\\nyou have to reset it first.\\u00a0Thanks"}\n]\n';
    const result = await lintAndFix(input, options('macros.json'));
    expect(result.output).toBe(input.replace('you have to', 'please'));
    expect(JSON.parse(result.output!)).toEqual([{ title: 'Reset "now"', body: 'Hi,\n\nplease reset it first.\u00a0Thanks' }]);
  });

  it('never rewrites a file that could not be read', async () => {
    const result = await lintAndFix('{"body": "you have to reset it"', options('broken.json'));
    expect(result.fatalErrorCount).toBe(1);
    expect(result.output).toBeUndefined();
  });
});
