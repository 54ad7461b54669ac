// `conditional` rules: a trigger (a refusal) that must be answered by an expected sentence
// (an alternative, an offer, a next step) within a window, or it is reported.
import type { Reply, Sentence } from '../document/document.js';
import { applyExceptions, ruleExceptions } from '../rules/compile.js';
import type { CompiledRule } from '../rules/compile.js';
import type { Hit, Matcher } from '../rules/matcher.js';
import type { WindowSpec } from '../types.js';
import type { Check, Finding } from './types.js';

export const checkConditional: Check = (reply, rule, options) => {
  const window = options.window ?? rule.window;
  const exceptions = ruleExceptions(rule, options);
  const findings: Finding[] = [];
  // Answers and the first `follows` hit are found once per reply, not once per trigger: a long
  // reply full of refusals would otherwise cost the square of its sentences.
  let answers: Answers | undefined;
  let firstFollows: Hit | null | undefined;
  for (const sentence of reply.sentences) {
    for (const hit of firstOfOverlapping(applyExceptions(rule.main.find(sentence), exceptions, reply.sentences))) {
      let anchor: Hit | undefined;
      if (rule.follows) {
        if (firstFollows === undefined) firstFollows = firstIn(reply, rule.follows) ?? null;
        // The trigger only counts after an earlier sentence that has what it follows.
        if (!firstFollows || firstFollows.sentence.index >= sentence.index) continue;
        anchor = firstFollows;
      }
      answers ??= new Answers(reply, rule);
      if (answers.answer(hit, window)) continue;
      findings.push(anchor ? { hit, anchor } : { hit });
      // A rule with `follows` judges where the sentence stands (a limit closing the reply after
      // good news): one report per sentence, however many limit words it holds.
      if (anchor) break;
    }
  }
  return findings;
};

/**
 * A trigger's phrase and its pattern may find overlapping words of one refusal ("We can't" and
 * "can't offer"): one report, for the hit that starts first (the longer on a tie), so the
 * sentence's subject leads the message.
 */
function firstOfOverlapping(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept;
}

/** The first thing `matcher` finds in the reply. */
function firstIn(reply: Reply, matcher: Matcher): Hit | undefined {
  for (const s of reply.sentences) {
    const found = matcher.find(s)[0];
    if (found) return found;
  }
  return undefined;
}

/**
 * Where the reply's answers are: which sentences hold one, and for each sentence the nearest
 * one after and before it, so a trigger's window is checked in constant time.
 */
class Answers {
  private readonly hits: Hit[][];
  /** next[i]: the first sentence at or after i with an answer (length when none) */
  private readonly next: number[];
  /** prev[i]: the last sentence at or before i with an answer (-1 when none) */
  private readonly prev: number[];
  /** the first and last sentence of each paragraph */
  private readonly paragraphs = new Map<number, [number, number]>();

  constructor(
    private readonly reply: Reply,
    rule: CompiledRule,
  ) {
    const all = reply.sentences;
    this.hits = all.map((s) => applyExceptions(rule.expect!.find(s), rule.expectExceptions));
    this.next = new Array<number>(all.length + 1).fill(all.length);
    for (let i = all.length - 1; i >= 0; i--) this.next[i] = this.hits[i]!.length ? i : this.next[i + 1]!;
    this.prev = new Array<number>(all.length).fill(-1);
    for (let i = 0; i < all.length; i++) this.prev[i] = this.hits[i]!.length ? i : i > 0 ? this.prev[i - 1]! : -1;
    for (const s of all) {
      const span = this.paragraphs.get(s.paragraph);
      this.paragraphs.set(s.paragraph, span ? [span[0], s.index] : [s.index, s.index]);
    }
  }

  /**
   * An answer counts when it comes after the trigger: later in its sentence, or in a later
   * sentence of the window. An earlier sentence counts only when the window reaches back
   * (`before`) or is the whole paragraph or reply.
   */
  answer(hit: Hit, window: WindowSpec): boolean {
    const sentence: Sentence = hit.sentence;
    const at = sentence.index;
    const last = this.reply.sentences.length - 1;
    if (this.hits[at]!.some((e) => e.start >= hit.end)) return true;
    const earlierCounts = window.before !== undefined || window.scope === 'paragraph' || window.scope === 'reply';
    const after = this.next[at + 1]!; // the first later sentence with an answer
    const before = at > 0 ? this.prev[at - 1]! : -1; // the last earlier one
    const to = Math.min(last, at + (window.after ?? 0));
    const from = Math.max(0, at - (window.before ?? 0));
    if (after <= to) return true;
    if (earlierCounts && before >= from) return true;
    const [pStart, pEnd] = this.paragraphs.get(sentence.paragraph)!;
    switch (window.scope) {
      case 'sentence':
        return false;
      case 'reply':
        return after <= last || before >= 0;
      case 'rest-of-reply':
        return after <= last;
      case 'paragraph':
        return after <= pEnd || before >= pStart;
      case 'rest-of-paragraph':
        return after <= pEnd;
    }
  }
}
