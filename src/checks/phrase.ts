// `phrase` rules: literal phrases, matched on normalized words.
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import type { Check } from './types.js';

export const checkPhrase: Check = (reply, rule, options) => {
  const exceptions = ruleExceptions(rule, options);
  return reply.sentences.flatMap((s) => applyExceptions(rule.main.find(s), exceptions)).map((hit) => ({ hit }));
};
