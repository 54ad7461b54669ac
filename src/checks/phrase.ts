// `phrase` rules: literal phrases, matched on normalized words.
import { applyExceptions, optionExceptions } from '../rules/compile.js';
import type { Check } from './types.js';

export const checkPhrase: Check = (reply, rule, options) => {
  const exceptions = [...rule.exceptions, ...optionExceptions(options)];
  return reply.sentences.flatMap((s) => applyExceptions(rule.main.find(s), exceptions)).map((hit) => ({ hit }));
};
