// `phrase` rules: literal phrases, matched on normalized words.
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import { dropOverlapping } from '../rules/matcher.js';
import type { Check } from './types.js';

export const checkPhrase: Check = (reply, rule, options) => {
  const exceptions = ruleExceptions(rule, options);
  // A rule's phrase and its pattern may find overlapping words ("You picked the wrong" and the
  // whole "You picked the wrong plan, which is why…"): one report, the longest. Exceptions are
  // applied first, so a hit they cancel does not hide one they leave.
  return reply.sentences.flatMap((s) => dropOverlapping(applyExceptions(rule.main.find(s), exceptions, reply.sentences))).map((hit) => ({ hit }));
};
