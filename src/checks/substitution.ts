// `substitution` rules: a phrase and its replacement — the only kind whose rewrite --fix applies.
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import type { Check } from './types.js';

export const checkSubstitution: Check = (reply, rule, options) => {
  const swap = rule.def.swap ?? {};
  const exceptions = ruleExceptions(rule, options);
  return reply.sentences.flatMap((s) =>
    applyExceptions(rule.main.find(s), exceptions, reply.sentences).map((hit) => {
      const written = s.segment.text.slice(hit.start, hit.end);
      const before = s.segment.text.slice(s.start, hit.start);
      const fixable = rule.def.fixable;
      // A clause-start swap elsewhere breaks the sentence ("how much please send"): no rewrite.
      const misfit = fixable === 'clause-start' && !startsClause(before);
      const safe = Boolean(fixable) && !misfit && asWritten(written, hit.phrase ?? '');
      return { hit, replacement: matchCase(swap[hit.phrase ?? ''] ?? '', written), safe, misfit };
    }),
  );
};

/**
 * The words are the swap's own phrase, contractions aside ("you'll need to" for "you will need
 * to"): an inflected match ("you needed to") is a different sentence, and only a suggestion.
 */
function asWritten(written: string, phrase: string): boolean {
  const expanded = written
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/'ll\b/g, ' will')
    .replace(/'ve\b/g, ' have')
    .replace(/'re\b/g, ' are')
    .replace(/\s+/g, ' ')
    .trim();
  return expanded === phrase;
}

// Words after which a new clause starts, so "please …" still reads as a request.
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'then', 'or', 'now', 'first', 'next', 'also', 'finally', 'otherwise']);

/** Whether the text before the phrase in its sentence ends a clause (or is empty). */
function startsClause(before: string): boolean {
  // A line break also ends a clause (a greeting line), as does a sentence end the sentence
  // splitter did not take as one.
  if (/\n\s*$/.test(before)) return true;
  const text = before.trimEnd();
  if (text === '' || /[,;:.!?\u2026\u2014\u2013(\-"\u201c'\u2018]$/.test(text)) return true;
  // The sentence so far is only an opening quote, emoji or bullet.
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  const last = /([\p{L}]+)$/u.exec(text)?.[1]?.toLowerCase();
  return last !== undefined && CLAUSE_OPENERS.has(last);
}

/** "You have to" → "You can"; "YOU HAVE TO" → "YOU CAN"; otherwise as the rule wrote it. */
export function matchCase(replacement: string, written: string): string {
  if (written.length > 1 && written === written.toUpperCase() && /\p{L}/u.test(written)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(written) && /^\p{Ll}/u.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
