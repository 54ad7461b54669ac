// The shipped JSON Schemas as validate functions (shell side). The build compiles them into
// dist/validators.cjs (Ajv's standalone code: compiling at run time was a quarter of a cold
// start); running from source, they are compiled here once, on first use. Both ways use the same
// Ajv options (scripts/build-validators.js).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

type SchemaName = 'rule' | 'config' | 'suppressions';

// This module sits two folders below the package root in every build (dist/schema/, and the
// bundle in dist/bundle/), so the same relative paths serve all.
const PRECOMPILED = new URL('../validators.cjs', import.meta.url);
const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, ValidateFunction>();

function compile(name: SchemaName): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    if (existsSync(PRECOMPILED)) {
      validate = (require(fileURLToPath(PRECOMPILED)) as Record<SchemaName, ValidateFunction>)[name];
    } else {
      // Loaded only here: the bundle does not carry Ajv's compiler.
      const { Ajv } = require('ajv') as typeof import('ajv');
      const schema = JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8')) as object;
      validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    }
    cache.set(name, validate);
  }
  return validate;
}

export const ruleValidator = () => compile('rule');
export const configValidator = () => compile('config');
export const suppressionsValidator = () => compile('suppressions');
