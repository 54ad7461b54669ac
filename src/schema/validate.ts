// Validates data files against the shipped JSON Schemas and turns Ajv's errors into
// located, readable ReplylintErrors ("unknown key", "must be one of …").
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ReplylintError } from '../errors.js';
import type { DataFile, DataPath } from './data-file.js';

export function schemaErrors(validate: ValidateFunction, data: DataFile): ReplylintError[] {
  if (validate(data.value)) return [];
  const errors = (validate.errors ?? []).filter((e) => !['anyOf', 'if', 'allOf'].includes(e.keyword));
  // Where several errors hit the same value, one clear line is enough.
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    // Each unknown or missing key is its own problem, though they share the object's path.
    const params = e.params as { additionalProperty?: string; missingProperty?: string };
    const key = `${e.instancePath}/${params.additionalProperty ?? params.missingProperty ?? ''}`;
    const previous = byPath.get(key);
    if (!previous || rank(e) < rank(previous)) byPath.set(key, e);
  }
  return [...byPath.values()].map((e) => toError(e, data));
}

// Prefer the error that says most: a wrong enum value over "must be array".
function rank(e: ErrorObject): number {
  return ['additionalProperties', 'required', 'enum', 'const', 'pattern', 'minLength', 'minItems', 'type'].indexOf(e.keyword) + 1 || 99;
}

function toPath(pointer: string): DataPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function toError(e: ErrorObject, data: DataFile): ReplylintError {
  const path = toPath(e.instancePath);
  const name = path.length ? `"${path.join('.')}"` : 'the file';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return data.error(`unknown key "${key}"${path.length ? ` in ${name}` : ''}`, [...path, key], true);
    }
    case 'required':
      return data.error(`${name} is missing the required key "${String(params.missingProperty)}"`, path, true);
    case 'enum':
      return data.error(
        `${name} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(valueAt(data.value, path))})`,
        path,
      );
    case 'pattern':
      return data.error(`${name} must match ${String(params.pattern)} (got ${JSON.stringify(valueAt(data.value, path))})`, path);
    default:
      return data.error(`${name} ${e.message ?? 'is invalid'}`, path);
  }
}

function valueAt(value: unknown, path: DataPath): unknown {
  let v = value;
  for (const step of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[step as string] : undefined;
  return v;
}
