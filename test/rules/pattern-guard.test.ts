// The pattern guard: which compromise patterns a rule file may hold, and the sentence length patterns run on.
import { describe, expect, it } from 'vitest';
import { buildReplies, type Sentence } from '../../src/document/document.js';
import { ensureNlp } from '../../src/document/nlp.js';
import { readBuiltinSources } from '../../src/rules/load.js';
import { compileMatcher } from '../../src/rules/matcher.js';
import { parseRuleFile } from '../../src/rules/parse.js';
import { MAX_PATTERN_LENGTH, MAX_PATTERN_SENTENCE_WORDS, patternProblem } from '../../src/rules/pattern-guard.js';
import { ruleValidator } from '../../src/schema/schemas.js';
import { identitySegment } from '../../src/sources/segment.js';

/** Every `pattern` string in a rule definition (examples are text, not patterns). */
function patternsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(patternsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'pattern' ? [v].flat() : key === 'examples' ? [] : patternsIn(v)));
}

const REGEX = 'is a regular expression, which can take exponential time on one long word: list the words instead, e.g. "(refund|refunds|refunded)", or use a tag such as "#Verb"';
const FUZZY = 'is a fuzzy match, whose cost grows with the square of a word\'s length: list the spellings instead, e.g. "(refund|refnud)"';
const CAPTURE = 'in the pattern is not a capture name, and compromise fails on it: name a capture "[<actor>…]" (letters, digits, "_" or "-" between "<" and ">")';
const NESTED = 'which compromise reads wrongly: write each alternative in full, e.g. "(a c|b c|d)" for "((a|b) c|d)", or use several patterns';

describe('patternProblem', () => {
  it('accepts every built-in pattern', () => {
    const patterns = readBuiltinSources().rules.flatMap(patternsIn);
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.filter((p) => patternProblem(p) !== undefined)).toEqual([]);
  });

  it.each([
    '.* x',
    '[<offer>.+] (but|however) [<limit>.* #Negative .*]',
    '(a|b)? (c d|e)+ .{0,50} #Noun{2,5} !not @hasComma ^so$',
    '<Noun> and/or {lose}',
    '[<actor>the #Noun] (a && #Verb)',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['/(a+)+$/ parcel', `the pattern term "/(a+)+$/" ${REGEX}`],
    ['the [<what>/^re.*d$/]', `the pattern term "/^re.*d$/" ${REGEX}`],
    ['(lost|/miss(ed)?/) it', `the pattern term "/miss(ed)?/" ${REGEX}`],
    ['!/a b/ c', `the pattern term "/a b/" ${REGEX}`],
  ])('rejects the regular expression in %s', (pattern, message) => {
    expect(patternProblem(pattern)).toBe(message);
  });

  it.each([
    ['~refund~ it', `the pattern term "~refund~" ${FUZZY}`],
    ['(lost|~misplaced~?)', `the pattern term "~misplaced~" ${FUZZY}`],
  ])('rejects the fuzzy term in %s', (pattern, message) => {
    expect(patternProblem(pattern)).toBe(message);
  });

  it.each([
    ['[<actor the #Noun]', `"<actor" ${CAPTURE}`],
    ['[< actor>the #Noun]', `"<" ${CAPTURE}`],
    ['[<>the #Noun]', `"<>the" ${CAPTURE}`],
  ])('rejects the capture that compromise throws on in %s', (pattern, message) => {
    expect(patternProblem(pattern)).toBe(message);
  });

  it.each([
    ['((a|b) c|d) e', `the pattern nests ( ) groups in "((a|b) c|d)", ${NESTED}`],
    ['we (can (not|never)) help', `the pattern nests ( ) groups in "(can (not|never))", ${NESTED}`],
    ['x ((a|b)', `the pattern nests ( ) groups in "((a|b)", ${NESTED}`],
  ])('rejects the nested groups in %s', (pattern, message) => {
    expect(patternProblem(pattern)).toBe(message);
  });

  it('rejects an optional capture of several terms outside one group, which compromise makes only partly optional', () => {
    expect(patternProblem('lost [<what>your #Noun]?')).toBe(
      'the optional capture "[<what>your #Noun]?" makes only its last term optional in compromise: put its terms in one group, e.g. "[<what>(your #Noun)]?"',
    );
    expect(patternProblem('lost [<what>(your #Noun|the #Noun)]?')).toBeUndefined();
    expect(patternProblem('lost [<what>#Noun]?')).toBeUndefined();
    expect(patternProblem('[<who>the #Noun] lost it')).toBeUndefined();
  });

  it('rejects a pattern longer than the limit, and accepts one at the limit', () => {
    const at = `${'late '.repeat(MAX_PATTERN_LENGTH / 5 - 1)}later`;
    expect(at.length).toBe(MAX_PATTERN_LENGTH);
    expect(patternProblem(at)).toBeUndefined();
    expect(patternProblem(`${at} x`)).toBe(
      'the pattern is 2002 characters long and the limit is 2000 (reading a pattern takes time that grows with the square of its length): split it into several patterns, a list under "pattern"',
    );
  });
});

describe('rule files with a pattern compromise could hang or fail on', () => {
  const rule = (lines: string[]) =>
    [
      'id: acme/late', 'family: acme', 'kind: pattern', 'severity: warn', 'summary: Late.', 'why: Late.', 'message: "“{{match}}” is late."',
      ...lines,
      'examples:', '  invalid: ["It is late."]', '  valid: ["It is early."]', '',
    ].join('\n');
  const errorsOf = (text: string) => parseRuleFile(text, 'rules/late.yaml', ruleValidator(), 'late').errors.map((e) => e.format());

  it('names the file, line and column of each bad pattern, in a list and in exceptions', () => {
    const text = rule(['pattern:', '  - is late', '  - "(a+)+ /(a+)+$/"', 'exceptions:', '  - not late', '  - pattern: "~late~"', '    scope: sentence']);
    expect(errorsOf(text)).toEqual([
      `rules/late.yaml:10:5: the pattern term "/(a+)+$/" ${REGEX}`,
      `rules/late.yaml:13:14: the pattern term "~late~" ${FUZZY}`,
    ]);
  });

  it('checks the patterns of a conditional rule', () => {
    const text = rule(['trigger:', '  pattern: "[<x (late|delayed)"', 'expect:', '  phrases: [sorry]']).replace('kind: pattern', 'kind: conditional');
    expect(errorsOf(text)).toEqual([`rules/late.yaml:9:12: "<x" ${CAPTURE}`]);
  });
});

describe('the sentence length patterns run on', () => {
  const sentenceOf = (words: number): Sentence => {
    const text = `The courier ${'really '.repeat(words - 4)}lost it`;
    const sentence = buildReplies([identitySegment(text, 'r')])[0]!.sentences[0]!;
    expect(sentence.tokens).toHaveLength(words);
    return sentence;
  };

  it(`matches a sentence of ${MAX_PATTERN_SENTENCE_WORDS} words`, async () => {
    await ensureNlp();
    const matcher = compileMatcher({ pattern: 'courier .* lost' });
    const sentence = sentenceOf(MAX_PATTERN_SENTENCE_WORDS);
    expect(matcher.needsNlp(sentence)).toBe(true);
    expect(matcher.find(sentence).map((h) => sentence.text.slice(h.start, h.end))).toEqual([`courier ${'really '.repeat(MAX_PATTERN_SENTENCE_WORDS - 4)}lost`]);
  });

  it('neither tags nor matches a longer one, while its phrases still match', () => {
    const matcher = compileMatcher({ phrases: ['lost it'], pattern: 'courier .* lost' });
    const long = { ...sentenceOf(20_000), nlp: () => expect.unreachable('a 20,000-word sentence was tagged') };
    expect(matcher.needsNlp(long)).toBe(false);
    expect(matcher.find(long).map((h) => long.text.slice(h.start, h.end))).toEqual(['lost it']);
  });
});
