// `conditional` rules: a trigger (a refusal) that must be answered by an expected sentence
// (an alternative, an offer, a next step) within a window, or it is reported.
import type { Reply, Sentence } from '../document/document.js';
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import type { Hit, Matcher } from '../rules/matcher.js';
import type { WindowSpec } from '../types.js';
import type { Check, Finding } from './types.js';

export const checkConditional: Check = (reply, rule, options) => {
  const window = options.window ?? rule.window;
  const exceptions = ruleExceptions(rule, options);
  const findings: Finding[] = [];
  for (const sentence of reply.sentences) {
    for (const hit of applyExceptions(rule.main.find(sentence), exceptions)) {
      const anchor = rule.follows ? firstEarlier(reply, hit, rule.follows) : undefined;
      if (rule.follows && !anchor) continue;
      // An answer counts when it comes after the trigger: later in its sentence, or in the window.
      const answered = windowSentences(reply, sentence, window).some((s) =>
        applyExceptions(rule.expect!.find(s), rule.expectExceptions).some((e) =>
          s === sentence ? e.start >= hit.end : s.index > sentence.index || window.before !== undefined || window.scope === 'paragraph' || window.scope === 'reply',
        ),
      );
      if (!answered) findings.push(anchor ? { hit, anchor } : { hit });
    }
  }
  return findings;
};

/** The first thing `matcher` finds in an earlier sentence of the reply. */
function firstEarlier(reply: Reply, hit: Hit, matcher: Matcher): Hit | undefined {
  for (const s of reply.sentences) {
    if (s.index >= hit.sentence.index) return undefined;
    const found = matcher.find(s)[0];
    if (found) return found;
  }
  return undefined;
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.sentence === b.sentence && a.start < b.end && b.start < a.end;
}

/** The sentences searched for an answer: the trigger's own, its scope, and the counts around it. */
export function windowSentences(reply: Reply, sentence: Sentence, window: WindowSpec): Sentence[] {
  const all = reply.sentences;
  const at = sentence.index;
  const from = Math.max(0, at - (window.before ?? 0));
  const to = Math.min(all.length - 1, at + (window.after ?? 0));
  return all.filter((s, i) => {
    if (i >= from && i <= to) return true;
    switch (window.scope) {
      case 'sentence':
        return false;
      case 'reply':
        return true;
      case 'rest-of-reply':
        return i > at;
      case 'paragraph':
        return s.paragraph === sentence.paragraph;
      case 'rest-of-paragraph':
        return i > at && s.paragraph === sentence.paragraph;
    }
  });
}
