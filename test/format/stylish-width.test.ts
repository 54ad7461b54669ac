// The stylish report measures message widths itself for plain text (no Intl.Segmenter, no emoji
// expression): it must always agree with string-width, which it stands in for.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN_TEXT, widthOf } from '../../src/format/stylish.js';

const oneColumnChars = [...Array(0x2030).keys()].map((c) => String.fromCharCode(c)).filter((c) => ONE_COLUMN_TEXT.test(c));

describe('stylish message widths', () => {
  it('takes as one column only characters string-width measures as one', () => {
    expect(oneColumnChars.length).toBeGreaterThan(150);
    for (const c of oneColumnChars) expect([c, stringWidth(c)]).toEqual([c, 1]);
  });

  it('agrees with string-width on text made of them, and on text that is not', () => {
    const plain = fc.array(fc.constantFrom(...oneColumnChars), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(plain, (text) => widthOf(text) === stringWidth(text) && widthOf(text) === text.length));
    for (const text of ['“As I already said” can read as talking down', 'café — 2 × 3…', '表示 wide', 'emoji 👍🏽 here', 'a\u0301 combined', '© 2024 ®', 'tab\there', '\u001b[31mred\u001b[39m']) {
      expect([text, widthOf(text)]).toEqual([text, stringWidth(text)]);
    }
  });
});
