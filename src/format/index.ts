// Formatters by name. Each is a pure function of the results: only the shell writes output.
import type { LintResult } from '../types.js';
import { formatJson } from './json.js';
import { formatStylish, type StylishOptions } from './stylish.js';

export type FormatterOptions = StylishOptions;
export type Formatter = (results: LintResult[], options: FormatterOptions) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: (results) => formatJson(results),
};

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}

export { formatJson, formatStylish };
