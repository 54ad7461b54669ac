// The validators the build compiles (dist/validators.cjs, Ajv standalone code) must judge data
// exactly as the schemas compiled at run time do: same verdict, same errors.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/run-cli.js';

const require = createRequire(import.meta.url);
const precompiled = require(join(REPO_ROOT, 'dist/validators.cjs')) as Record<string, ValidateFunction>;
const compiled = (name: string) => new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', `${name}.schema.json`), 'utf8')) as object);

const SAMPLES: Record<string, unknown[]> = {
  config: [
    JSON.parse(readFileSync(join(REPO_ROOT, '.replylintrc.example.json'), 'utf8')),
    { extends: 'replylint:recommended', rules: { 'tone/you-have-to': 'loud' }, bogus: 1 },
    { rules: { 'refusal/no-alternative': ['error', { window: { scope: 'nowhere' } }] } },
    { overrides: [{ files: 3 }], ignorePatterns: 'not-a-list' },
  ],
  rule: [
    { id: 'house/x', family: 'house', kind: 'phrase', severity: 'error', summary: 's', why: 'w', message: 'm', phrases: ['a b'], examples: { invalid: ['a b'], valid: ['c'] } },
    { id: 'Bad Id', kind: 'nope', severity: 'loud', examples: {} },
    { id: 'house/y', family: 'house', kind: 'conditional', severity: 'warn', summary: 's', why: 'w', message: 'm', trigger: { phrases: [] }, examples: { invalid: [], valid: [] } },
  ],
  suppressions: [{ version: 1, files: {} }, { version: 'one', files: [] }, {}],
};

describe('precompiled schema validators', () => {
  it.each(Object.keys(SAMPLES))('%s: same verdict and errors as the schema compiled at run time', (name) => {
    const runtime = compiled(name);
    for (const sample of SAMPLES[name]!) {
      const verdict = precompiled[name]!(sample);
      expect(verdict).toBe(runtime(sample));
      expect(precompiled[name]!.errors ?? null).toEqual(runtime.errors ?? null);
    }
    // The samples include both verdicts, so the comparison means something.
    expect(new Set(SAMPLES[name]!.map((s) => runtime(s)))).toEqual(new Set([true, false]));
  });
});
