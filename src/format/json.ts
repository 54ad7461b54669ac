// The ESLint results array, as-is: every ESLint-json consumer can read it.
import type { LintResult } from '../types.js';

export function formatJson(results: LintResult[]): string {
  return JSON.stringify(results);
}
