// The phrases compiled at build time into dist/builtin-rules.json must be exactly what compiling
// them now gives (a phrase missing from the bundle is only compiled at run time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePhrase } from '../../src/rules/matcher.js';
import { REPO_ROOT } from '../e2e/run-cli.js';

const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/builtin-rules.json'), 'utf8')) as { phrases: Record<string, unknown> };

describe('precompiled phrases', () => {
  it('equal a fresh compile of each phrase (after a JSON round trip)', () => {
    const phrases = Object.keys(bundle.phrases);
    expect(phrases.length).toBeGreaterThan(300);
    for (const phrase of phrases) expect(bundle.phrases[phrase], phrase).toEqual(JSON.parse(JSON.stringify(compilePhrase(phrase))));
  });
});
