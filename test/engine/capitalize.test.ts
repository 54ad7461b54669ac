// capitalize() decides ASCII openings without its Unicode expression (a cold-start saving): it
// must give what that expression alone gives, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalize } from '../../src/engine/lint-text.js';

function reference(s: string): string {
  if (/^[[{%<$]/.test(s)) return s;
  return s.replace(/^([^\p{L}\\]*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

describe('capitalize', () => {
  it('agrees with the Unicode expression on any text', () => {
    const pieces = fc.constantFrom('a', 'z', 'A', 'Z', 'é', 'É', 'ß', 'ǆ', 'ω', '日', '😀', '\\', 'n', ' ', '"', '“', '(', '1', '-', '{', '[', '$', '%', '<', '\n', '\u0301', '_');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => capitalize(parts.join('')) === reference(parts.join(''))), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => capitalize(s) === reference(s)), { numRuns: 5000 });
  });

  it('capitalises the first letter and leaves escapes and gaps alone', () => {
    expect(capitalize('"we can help," she said')).toBe('"We can help," she said');
    expect(capitalize('\\nthanks')).toBe('\\nthanks');
    expect(capitalize('[name], thanks')).toBe('[name], thanks');
    expect(capitalize('“été” it is')).toBe('“Été” it is');
  });
});
