// `conditional` rules: a trigger (a refusal) that must be answered by an expected sentence
// (an alternative, an offer, a next step) within a window, or it is reported.
import type { Reply, Sentence } from '../document/document.js';
import { applyExceptions, optionExceptions } from '../rules/compile.js';
import type { Hit } from '../rules/matcher.js';
import type { WindowSpec } from '../types.js';
import type { Check } from './types.js';

export const checkConditional: Check = (reply, rule, options) => {
  const window = options.window ?? rule.window;
  const exceptions = [...rule.exceptions, ...optionExceptions(options)];
  const findings = [];
  for (const sentence of reply.sentences) {
    for (const hit of applyExceptions(rule.main.find(sentence), exceptions)) {
      const answered = windowSentences(reply, sentence, window).some((s) =>
        applyExceptions(rule.expect!.find(s), rule.expectExceptions).some((e) => !overlaps(e, hit)),
      );
      if (!answered) findings.push({ hit });
    }
  }
  return findings;
};

function overlaps(a: Hit, b: Hit): boolean {
  return a.sentence === b.sentence && a.start < b.end && b.start < a.end;
}

/** The sentences searched for an answer: the trigger's own, its scope, and the counts around it. */
export function windowSentences(reply: Reply, sentence: Sentence, window: WindowSpec): Sentence[] {
  const all = reply.sentences;
  const at = sentence.index;
  const from = Math.max(0, at - (window.before ?? 0));
  const to = Math.min(all.length - 1, at + (window.after ?? 0));
  return all.filter(
    (s, i) =>
      (i >= from && i <= to) ||
      window.scope === 'reply' ||
      (window.scope === 'paragraph' && s.paragraph === sentence.paragraph),
  );
}
