// Where a rule's documentation page lives. Built-in rules have a page under docs/rules/ in the
// repository (set as their `url` at load); a user's rule file may name its own `url`.

/** The repository the package is published from (package.json "repository"). */
export const REPOSITORY_URL = 'https://github.com/replylint/replylint';

/** The page of a built-in rule, in the repository's docs/rules/ folder. */
export function builtinRuleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
