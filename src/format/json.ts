// The ESLint results array, as-is: every ESLint-json consumer can read it.
import type { LintResult } from '../types.js';
import { joinParts, type FormatterParts } from './parts.js';

// JSON.stringify of an array is its items' JSON between brackets and commas, so the array can
// be written one result at a time.
export const jsonParts: FormatterParts = {
  file: (result, index) => (index === 0 ? '[' : ',') + JSON.stringify(result),
  end: (totals) => (totals.files === 0 ? '[]' : ']'),
};

const formatJsonJoined = joinParts(jsonParts);

export function formatJson(results: LintResult[]): string {
  return formatJsonJoined(results, { color: false });
}
