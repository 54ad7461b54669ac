// Where a rule's documentation page lives. Built-in rules have a page under docs/rules/ in the
// repository; a user's rule file may name its own with `url`.
import type { RuleDefinition } from '../types.js';

/** The repository the package is published from (package.json "repository"). */
export const REPOSITORY_URL = 'https://github.com/replylint/replylint';

/** The page of a built-in rule, in the repository's docs/rules/ folder. */
export function builtinRuleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}

/** The docs page of a rule: its own `url`, else none (built-in rules get theirs at load). */
export function ruleDocsUrl(def: Pick<RuleDefinition, 'url'>): string | undefined {
  return def.url;
}
