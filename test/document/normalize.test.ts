import { describe, expect, it } from 'vitest';
import { normalizeWord, stem } from '../../src/document/normalize.js';

describe('normalizeWord', () => {
  it.each([
    ["can't", ['can', 'not']],
    ['Cannot', ['can', 'not']],
    ['won’t', ['will', 'not']],
    ["don't", ['do', 'not']],
    ["we're", ['we', 'are']],
    ["I'll", ['i', 'will']],
    ["that's", ['that', 'is']],
    ["carrier's", ['carrier', "'s"]],
    ['out-of-stock', ['out', 'of', 'stock']],
    ['Refund', ['refund']],
    // typed without the apostrophe
    ['cant', ['can', 'not']],
    ['Dont', ['do', 'not']],
    ['isnt', ['is', 'not']],
    ['youre', ['you', 'are']],
    ['thats', ['that', 'is']],
    // words that are also words stay words
    ['ill', ['ill']],
    ['well', ['well']],
    ['its', ['its']],
    // a word the parser kept with its full stop ("not my department. can't help"); abbreviations keep theirs
    ['department.', ['department']],
    ['e.g.', ['e.g.']],
  ])('%s → %j', (word, forms) => {
    expect(normalizeWord(word)).toEqual(forms);
  });

  it('gives inflections one stem', () => {
    expect(stem('refunds')).toBe(stem('refunded'));
    expect(stem('policies')).toBe(stem('policy'));
  });
});
