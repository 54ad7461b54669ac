// What a check returns: a hit in a sentence, plus the safe replacement where the rule has one.
import type { Reply } from '../document/document.js';
import type { CompiledRule } from '../rules/compile.js';
import type { Hit } from '../rules/matcher.js';
import type { RuleOptions } from '../types.js';

export interface Finding {
  hit: Hit;
  /** conditional rules with `follows`: what the trigger follows (the earlier sentence) */
  anchor?: Hit;
  /** substitution rules: the text that replaces the hit */
  replacement?: string;
  /** substitution rules: the replacement is safe to apply here (`--fix`), not only a suggestion */
  safe?: boolean;
  /** substitution rules: the replacement would not read well here, so it is not offered at all */
  misfit?: boolean;
}

export type Check = (reply: Reply, rule: CompiledRule, options: RuleOptions) => Finding[];
