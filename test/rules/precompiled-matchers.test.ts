// The phrases and pattern prefilters compiled at build time into dist/builtin-rules.json must be
// exactly what compiling them now gives (one missing from the bundle is compiled at run time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePhrase, patternPrefilter } from '../../src/rules/matcher.js';
import { REPO_ROOT } from '../e2e/run-cli.js';
import { builtinRegistry } from '../helpers.js';

const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/builtin-rules.json'), 'utf8')) as { precompiled: { phrases: Record<string, unknown>; prefilters: Record<string, unknown> } };

describe('precompiled phrases', () => {
  // parsePhrase, not compilePhrase: once the bundle has seeded the phrases, compilePhrase returns them.
  it('equal a fresh compile of each phrase (after a JSON round trip)', () => {
    const { phrases } = bundle.precompiled;
    expect(Object.keys(phrases).length).toBeGreaterThan(300);
    for (const phrase of Object.keys(phrases)) expect(phrases[phrase], phrase).toEqual(JSON.parse(JSON.stringify(parsePhrase(phrase))));
  });

  it('and the patterns\' prefilters equal a fresh computation', () => {
    const { prefilters } = bundle.precompiled;
    expect(Object.keys(prefilters).length).toBeGreaterThan(50);
    for (const pattern of Object.keys(prefilters)) expect(prefilters[pattern], pattern).toEqual(patternPrefilter(pattern));
  });
});

describe('built-in patterns', () => {
  // A pattern whose prefilter any sentence passes loads compromise (~0.3 s) for every reply,
  // which is the cold start a pre-commit hook feels.
  const COMMON = new Set(['i', 'we', 'you', 'the', 'a', 'an', 'it', 'to', 'and', 'is', 'are', 'your', 'our', 'my', 'this', 'that', 'of', 'in', 'for', 'have', 'be']);

  it('each need a word beyond the commonest, or a punctuation mark, before compromise runs', () => {
    const weak: string[] = [];
    let count = 0;
    for (const def of builtinRegistry.definitions()) {
      const main = def.kind === 'conditional' ? def.trigger?.pattern : def.pattern;
      for (const pattern of [main ?? []].flat()) {
        count++;
        const terms = patternPrefilter(pattern);
        if (terms.every((alternatives) => alternatives.some((words) => words.every((w) => COMMON.has(w))))) weak.push(`${def.id}: ${pattern}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(weak).toEqual([]);
  });
});
