// The shipped JSON Schemas, read from the package and compiled once, on first use (shell side).
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';

const cache = new Map<string, ValidateFunction>();

function compile(name: 'rule' | 'config' | 'suppressions'): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    const url = new URL(`../../schema/${name}.schema.json`, import.meta.url);
    const schema = JSON.parse(readFileSync(url, 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    cache.set(name, validate);
  }
  return validate;
}

export const ruleValidator = () => compile('rule');
export const configValidator = () => compile('config');
export const suppressionsValidator = () => compile('suppressions');
