// `substitution` rules: a phrase and its replacement — the only kind whose rewrite --fix applies.
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import type { Check } from './types.js';

export const checkSubstitution: Check = (reply, rule, options) => {
  const swap = rule.def.swap ?? {};
  const exceptions = ruleExceptions(rule, options);
  return reply.sentences.flatMap((s) =>
    applyExceptions(rule.main.find(s), exceptions).map((hit) => {
      const written = s.segment.text.slice(hit.start, hit.end);
      return { hit, replacement: matchCase(swap[hit.phrase ?? ''] ?? '', written) };
    }),
  );
};

/** "You have to" → "You can"; "YOU HAVE TO" → "YOU CAN"; otherwise as the rule wrote it. */
export function matchCase(replacement: string, written: string): string {
  if (written.length > 1 && written === written.toUpperCase() && /\p{L}/u.test(written)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(written) && /^\p{Ll}/u.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
