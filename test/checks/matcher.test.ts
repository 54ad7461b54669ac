// Phrase and pattern matching, exceptions and the prefilter that keeps compromise off most sentences.
import { describe, expect, it } from 'vitest';
import { buildReplies } from '../../src/document/document.js';
import { ensureNlp } from '../../src/document/nlp.js';
import { applyExceptions, compileRule } from '../../src/rules/compile.js';
import { compileMatcher, patternPrefilter } from '../../src/rules/matcher.js';
import { identitySegment } from '../../src/sources/segment.js';
import { makeRule } from '../helpers.js';

function sentence(text: string) {
  return buildReplies([identitySegment(text, 'r')])[0]!.sentences[0]!;
}
function found(phrases: string[], text: string): string[] {
  const s = sentence(text);
  return compileMatcher({ phrases }).find(s).map((h) => text.slice(h.start, h.end));
}

describe('phrase matching', () => {
  it('is case, contraction and inflection tolerant', () => {
    expect(found(['we can not refund'], "Sadly WE CAN'T refund it.")).toEqual(["WE CAN'T refund"]);
    expect(found(['refund the order'], 'We refunded the orders.')).toEqual(['refunded the orders']);
  });

  it('makes (a|b)? groups optional', () => {
    expect(found(['it is (just)? policy'], "It's policy.")).toEqual(["It's policy"]);
    expect(found(['it is (just)? policy'], "It's just policy.")).toEqual(["It's just policy"]);
  });

  it('expands (a|b) alternatives and * wildcards', () => {
    expect(found(['not (our|my) fault'], 'It is not my fault.')).toEqual(['not my fault']);
    expect(found(['the * team'], 'Ask the billing team.')).toEqual(['the billing team']);
  });

  it('supports !word as a zero-width "not followed by"', () => {
    expect(found(['you can !not'], 'You can reset it.')).toEqual(['You can']);
    expect(found(['you can !not'], "You can't reset it.")).toEqual([]);
  });

  it('ties ^ and $ phrases to the start and end of the sentence', () => {
    expect(found(['^ (no|nope) $'], 'No.')).toEqual(['No']);
    expect(found(['^ (no|nope) $'], 'No problem at all.')).toEqual([]);
    expect(found(['^ (no|nope) $'], 'Oh no.')).toEqual([]);
    expect(found(['I can not do $'], "Sorry, that one I can't do.")).toEqual(["I can't do"]);
  });

  it('reads a gerund in a rule as the progressive only', () => {
    expect(found(['(is|are) declining'], 'The bank is declining it.')).toEqual(['is declining']);
    expect(found(['(is|are) declining'], 'Requests are declined.')).toEqual([]);
    expect(found(['(is|are) declined'], 'Requests are declined.')).toEqual(['are declined']);
  });

  it('matches acronyms in a phrase only in capitals', () => {
    expect(found(['blame IT'], 'I blame IT for this.')).toEqual(['blame IT']);
    expect(found(['blame IT'], 'I blame it on the weather.')).toEqual([]);
  });

  it('keeps the longest of overlapping hits', () => {
    expect(found(['not possible', 'not possible at all'], 'That is not possible at all.')).toEqual(['not possible at all']);
  });

  it('does not match across words by accident', () => {
    expect(found(['no idea'], 'Nobody had an idea.')).toEqual([]);
  });
});

describe('pattern prefilter', () => {
  it('lists rarer words first, then marks, then terms an everyday word satisfies (most sentences fail the first)', () => {
    expect(patternPrefilter('we (can|will) not @hasComma refund')).toEqual([[['refund']], [[',']], [['we']], [['can'], ['will']], [['not']]]);
    expect(patternPrefilter('your (order|parcel) was (lost|damaged)')).toEqual([[['order'], ['parcel']], [['was']], [['lost'], ['damaged']], [['your']]]);
  });

  it('requires the literal words of required terms only', () => {
    expect(patternPrefilter('[<actor>the #Noun] (lost|broke) it')).toEqual([[['lost'], ['broke']], [['the']], [['it']]]);
    expect(patternPrefilter('#Noun (really)? #Verb')).toEqual([]);
    expect(patternPrefilter('^unfortunately')).toEqual([[['unfortunately']]]);
    expect(patternPrefilter('^(since|because|given that) #Negative')).toEqual([[['since'], ['because'], ['given', 'that']]]);
    // compromise's punctuation methods need the mark in the sentence.
    expect(patternPrefilter('^(i|we) .+ @hasSemicolon #Negative')).toEqual([[[';']], [['i'], ['we']]]);
    expect(patternPrefilter('.+ @hasDash so')).toEqual([[['so']], [[' -'], [' \u2013'], [' \u2014']]]);
    expect(patternPrefilter('the @isTitleCase lost')).toEqual([[['lost']], [['the']]]);
    // Every word of a multi-word alternative is required; an alternative of tags only frees the term.
    expect(patternPrefilter('#Noun (by mistake|in error)')).toEqual([[['by', 'mistake'], ['in', 'error']]]);
    expect(patternPrefilter('#Noun (#PastTense|never #Verb) it')).toEqual([[['it']]]);
    // An optional capture group requires none of its words.
    expect(patternPrefilter('the #Noun lost [<what>(your #Noun)]?')).toEqual([[['lost']], [['the']]]);
  });

  it('lets compromise run only on sentences that could match', async () => {
    const matcher = compileMatcher({ pattern: 'the #Noun (lost|broke)' });
    expect(matcher.needsNlp(sentence('Your order is on its way.'))).toBe(false);
    const s = sentence('I think the driver lost it.');
    expect(matcher.needsNlp(s)).toBe(true);
    await ensureNlp();
    expect(matcher.find(s).map((h) => s.text.slice(h.start, h.end))).toEqual(['the driver lost']);
    const semicolon = compileMatcher({ pattern: '^we .+ @hasSemicolon #Negative' });
    expect(semicolon.needsNlp(sentence('We have sent the new card today.'))).toBe(false);
    expect(semicolon.needsNlp(sentence("We have sent the card; it won't work abroad."))).toBe(true);
    const dash = compileMatcher({ pattern: '^we .+ @hasDash #Negative' });
    expect(dash.needsNlp(sentence("We'll publish a write-up by Monday."))).toBe(false);
    expect(dash.needsNlp(sentence("We've sent it \u2014 it won't be there until Monday."))).toBe(true);
  });
});

describe('pattern wildcards look ahead as written (compromise scans to the next term without backtracking)', () => {
  async function patternFound(pattern: string, text: string): Promise<string[]> {
    await ensureNlp();
    const s = sentence(text);
    return compileMatcher({ pattern }).find(s).map((h) => s.text.slice(h.start, h.end));
  }

  it('stops at an alternation whose alternatives are several words long', async () => {
    const pattern = 'lost .+ (which is why|hence)';
    expect(await patternFound(pattern, 'They lost it, which is why it came back.')).toEqual(['lost it, which is why']);
    expect(await patternFound(pattern, 'They lost it, hence the delay.')).toEqual(['lost it, hence']);
    expect(await patternFound(pattern, 'They lost it and then found it.')).toEqual([]);
    expect(await patternFound('lost .{0,4} (which is why|hence)', 'They lost it, which is why it came back.')).toEqual(['lost it, which is why']);
  });

  it('keeps captures of a mended alternation', async () => {
    await ensureNlp();
    const s = sentence('I can refund it, but bear in mind the fee stays.');
    const hits = compileMatcher({ pattern: '[<offer>.+] (bear in mind|heads up) [<limit>.+]' }).find(s);
    expect(hits.map((h) => h.captures)).toEqual([{ offer: 'I can refund it, but', limit: 'the fee stays' }]);
  });

  it('matches an optional term after a wildcard with it and without it', async () => {
    const pattern = 'lost .+ #Adverb? (so|hence)';
    expect(await patternFound(pattern, 'They lost it, so it came back.')).toEqual(['lost it, so']);
    expect(await patternFound(pattern, 'They lost it, probably hence the delay.')).toEqual(['lost it, probably hence']);
    expect(await patternFound(pattern, 'They lost it and found it.')).toEqual([]);
  });
});

describe('exceptions', () => {
  it('cancel overlapping hits, or every hit in the sentence with scope: sentence', () => {
    const rule = compileRule(
      makeRule({
        phrases: ['can not'],
        exceptions: ['can not wait', { phrases: ['on us'], scope: 'sentence' }],
      }),
    );
    const kept = (text: string) => applyExceptions(rule.main.find(sentence(text)), rule.exceptions).length;
    expect(kept("We can't do it.")).toBe(1);
    expect(kept("We can't wait to see it.")).toBe(0);
    expect(kept("We can't do it, and that's on us.")).toBe(0);
  });
});

describe('config allow option', () => {
  it('cancels hits it overlaps, on top of the rule exceptions, compiled once per options object', async () => {
    const { ruleExceptions } = await import('../../src/rules/compile.js');
    const rule = compileRule(makeRule({ phrases: ['can not'], exceptions: ['can not wait'] }));
    const options = { allow: ["we can't ship"] };
    const first = ruleExceptions(rule, options);
    expect(ruleExceptions(rule, options)).toBe(first);
    expect(ruleExceptions(rule, {})).toBe(rule.exceptions);
    const kept = (text: string) => applyExceptions(rule.main.find(sentence(text)), first).length;
    expect(kept("We can't ship abroad.")).toBe(0);
    expect(kept("We can't refund it.")).toBe(1);
    expect(kept("We can't wait.")).toBe(0);
  });
});
