// The phrases and pattern prefilters compiled at build time into dist/builtin-rules.json must be
// exactly what compiling them now gives (one missing from the bundle is compiled at run time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePhrase, patternPrefilter } from '../../src/rules/matcher.js';
import { REPO_ROOT } from '../e2e/run-cli.js';

const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/builtin-rules.json'), 'utf8')) as { precompiled: { phrases: Record<string, unknown>; prefilters: Record<string, unknown> } };

describe('precompiled phrases', () => {
  it('equal a fresh compile of each phrase (after a JSON round trip)', () => {
    const { phrases } = bundle.precompiled;
    expect(Object.keys(phrases).length).toBeGreaterThan(300);
    for (const phrase of Object.keys(phrases)) expect(phrases[phrase], phrase).toEqual(JSON.parse(JSON.stringify(compilePhrase(phrase))));
  });

  it('and the patterns\' prefilters equal a fresh computation', () => {
    const { prefilters } = bundle.precompiled;
    expect(Object.keys(prefilters).length).toBeGreaterThan(50);
    for (const pattern of Object.keys(prefilters)) expect(prefilters[pattern], pattern).toEqual(patternPrefilter(pattern));
  });
});
