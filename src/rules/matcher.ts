// Compiled matchers: find literal phrases (on normalized words) and compromise patterns in a
// sentence. Phrases are indexed by first word; patterns carry a lexical prefilter so that
// compromise only runs on sentences that could match.
import type { Sentence, Token } from '../document/document.js';
import { loadedNlp } from '../document/nlp.js';
import { normalizeWord, splitPhraseWords, stem } from '../document/normalize.js';
import type { MatcherSpec } from '../types.js';
import { mendLookahead } from './lookahead.js';
import { MAX_PATTERN_SENTENCE_WORDS } from './pattern-guard.js';

/** A found span in a sentence, in segment offsets. */
export interface Hit {
  sentence: Sentence;
  start: number;
  end: number;
  /** named captures (pattern groups) and, for phrases, `phrase` = the rule's phrase that matched */
  captures: Record<string, string>;
  /** the rule phrase (as written in the rule) that produced this hit */
  phrase?: string;
}

export interface Matcher {
  find(sentence: Sentence): Hit[];
  /** true when finding in this sentence would need compromise's tags */
  needsNlp(sentence: Sentence): boolean;
}

// ---------------------------------------------------------------------------
// Phrases

/** One word slot of a compiled phrase. */
interface Slot {
  /** `*`: any one word (absent on every other slot: the bundle writes ~13,000 slots) */
  any?: true;
  /** `!word`: the next word must not be this one (zero-width: "you can !not") */
  negate?: boolean;
  norm: string;
  stem: string;
  /** acronyms in a rule ("IT") only match the same capitals in the text */
  exact?: string;
}

/** One alternative of a phrase part: a sequence of word slots (empty for an optional part). */
type Option = Slot[];

/**
 * A phrase compiled once into parts, each a list of alternatives: "we (can't|won't) help"
 * is [[we], [[can, not], [will, not]], [help]]. Alternatives are tried in place instead of
 * being multiplied out, so compiling costs the phrase's length, not the product of its groups.
 */
interface CompiledPhrase {
  source: string;
  parts: Option[][];
  /** `^` first: the phrase must start the sentence */
  atStart?: boolean;
  /** `$` last: the phrase must end the sentence ("^ no $" is a bare "No.") */
  atEnd?: boolean;
  /** the slots in order, when no part has alternatives or is optional: matched by a plain loop */
  linear?: Slot[];
}

/**
 * Phrases compiled at build time (the built-in rules' phrases, written into the rule bundle):
 * compiling ~900 phrases is a fifth of a cold start, reading them back is a few milliseconds.
 */
const precompiled = new Map<string, CompiledPhrase[]>();

/** And the patterns' prefilters, for the same reason. */
const precompiledPrefilters = new Map<string, Array<string[][]>>();

/** What the build saves with the built-in rules: their phrases compiled, their patterns' prefilters. */
export interface PrecompiledMatchers {
  phrases: Record<string, CompiledPhrase[]>;
  prefilters: Record<string, Array<string[][]>>;
}

/**
 * Seeds what was compiled at build time (see `precompileMatchers`). The phrases are used as
 * JSON.parse made them: rebuilding them from a terser form in JavaScript cost a cold start more
 * (in time and in garbage collection) than parsing the larger JSON.
 */
export function usePrecompiled({ phrases, prefilters }: PrecompiledMatchers): void {
  for (const [phrase, value] of Object.entries(phrases)) precompiled.set(phrase, value);
  for (const [pattern, value] of Object.entries(prefilters)) precompiledPrefilters.set(pattern, value);
}

/** Compiles these phrases and patterns' prefilters, keyed by their text, for the build to save. */
export function precompileMatchers(phrases: Iterable<string>, patterns: Iterable<string>): PrecompiledMatchers {
  return {
    phrases: Object.fromEntries([...new Set(phrases)].map((p) => [p, parsePhrase(p)])),
    prefilters: Object.fromEntries([...new Set(patterns)].map((p) => [p, patternPrefilter(p)])),
  };
}

/** Compiles a rule phrase; an empty array when the phrase has no words to match. */
export function compilePhrase(phrase: string): CompiledPhrase[] {
  return precompiled.get(phrase) ?? parsePhrase(phrase);
}

/** Compiles a phrase from its text, whatever was precompiled. */
export function parsePhrase(phrase: string): CompiledPhrase[] {
  const parts: Option[][] = [];
  const re = /\(([^)]*)\)(\?)?|([^\s()]+)/g;
  const trimmed = phrase.trim();
  const atStart = trimmed.startsWith('^');
  const atEnd = trimmed.endsWith('$');
  const body = trimmed.slice(atStart ? 1 : 0, atEnd ? -1 : undefined);
  for (const m of body.matchAll(re)) {
    const texts = m[1] !== undefined ? m[1].split('|') : [m[3]!];
    const options = texts.map((t) => splitPhraseWords(t).flatMap(toSlots));
    if (m[2]) options.push([]);
    if (options.some((o) => o.length > 0) || m[2]) parts.push(options);
  }
  if (!parts.some((part) => part.some((o) => o.length > 0))) return [];
  // Most phrases are a plain word sequence: they need neither the recursion nor its memo.
  const linear = parts.every((part) => part.length === 1) ? parts.map((part) => part[0]!).flat() : undefined;
  return [{ source: phrase, parts, ...(atStart && { atStart }), ...(atEnd && { atEnd }), ...(linear && { linear }) }];
}

function toSlots(word: string): Slot[] {
  if (word === '*') return [{ any: true, norm: '*', stem: '*' }];
  if (word.startsWith('!')) return normalizeWord(word.slice(1)).map((norm) => ({ negate: true, norm, stem: stem(norm) }));
  const exact = /^[A-Z]{2,}$/.test(word) ? word : undefined;
  return normalizeWord(word).map((norm) => ({ norm, stem: inflectable(norm) ? stem(norm) : norm, ...(exact && { exact }) }));
}

// The stemmer also strips derivations: "surely" → "sure", "ours" → "our". A rule's adverbs and
// pronouns match as written; its verbs and nouns match in any inflection.
const UNSTEMMED = new Set(['ours', 'yours', 'theirs', 'hers', 'its', 'us', 'this', 'thus', 'as', 'is', 'was', 'has', 'does']);
function inflectable(norm: string): boolean {
  return norm.length > 3 && !norm.endsWith('ly') && !UNSTEMMED.has(norm);
}

function slotMatches(slot: Slot, token: Token): boolean {
  if (slot.any) return true;
  if (slot.exact) return token.raw === slot.exact || token.raw.startsWith(slot.exact + "'");
  if (token.norm === slot.norm) return true;
  // A rule word written as a gerund ("is declining") names the progressive: it must not match
  // "is declined" through the shared stem.
  if (slot.norm.endsWith('ing') && !token.norm.endsWith('ing')) return false;
  return slot.stem.length > 2 && token.stem === slot.stem;
}

/**
 * Matches a phrase's parts from token t; returns the token index just past the longest match, or -1.
 * The memo keeps each (part, token) answer: optional groups and wildcards in a row would otherwise
 * be tried in every combination, 2^n for n of them (a user rule could hang the linter). One memo
 * serves every call (matching is synchronous): typed arrays stamped with the call's number, so a
 * call starts with an empty memo without clearing or allocating one (a Map cleared per call cost
 * more than the matching: `clear()` allocates a new table).
 */
let memoCall = 0;
let memoStamp = new Uint32Array(256);
let memoValue = new Int32Array(256);
function matchPhrase(parts: Option[][], tokens: Token[], t: number): number {
  const size = parts.length * (tokens.length + 1);
  if (size > memoStamp.length) {
    const length = Math.max(size, memoStamp.length * 2);
    memoStamp = new Uint32Array(length);
    memoValue = new Int32Array(length);
    memoCall = 0;
  }
  if (++memoCall === 0xffffffff) {
    memoStamp.fill(0);
    memoCall = 1;
  }
  return matchParts(parts, 0, tokens, t);
}

function matchParts(parts: Option[][], i: number, tokens: Token[], t: number): number {
  if (i === parts.length) return t;
  const key = i * (tokens.length + 1) + t;
  if (memoStamp[key] === memoCall) return memoValue[key]!;
  let best = -1;
  for (const option of parts[i]!) {
    const at = matchOption(option, tokens, t);
    if (at < 0) continue;
    const end = matchParts(parts, i + 1, tokens, at);
    if (end > best) best = end;
  }
  memoStamp[key] = memoCall;
  memoValue[key] = best;
  return best;
}

/** Matches one sequence of slots from token t: the index just past it, or -1. */
function matchOption(slots: Slot[], tokens: Token[], t: number): number {
  let at = t;
  for (const slot of slots) {
    if (slot.negate) {
      // zero-width: "you can !not" — the next word must not be this one
      const next = tokens[at];
      if (next && slotMatches(slot, next)) return -1;
    } else if (tokens[at] && slotMatches(slot, tokens[at]!)) at++;
    else return -1;
  }
  return at;
}

/** The index keys a phrase can start with (word forms and stems), or 'wild' when it can start anywhere. */
function firstKeys(parts: Option[][], i = 0): Set<string> | 'wild' {
  const keys = new Set<string>();
  for (; i < parts.length; i++) {
    let optional = false;
    for (const option of parts[i]!) {
      const first = option.find((slot) => !slot.negate);
      if (!first) {
        optional = true;
        continue;
      }
      if (first.any) return 'wild';
      keys.add(first.norm);
      keys.add(first.stem);
    }
    if (!optional) return keys;
  }
  return keys;
}

class PhraseMatcher implements Matcher {
  private readonly byFirst = new Map<string, CompiledPhrase[]>();
  private readonly wild: CompiledPhrase[] = [];

  constructor(phrases: string[]) {
    for (const phrase of phrases) {
      for (const compiled of compilePhrase(phrase)) {
        const keys = firstKeys(compiled.parts);
        if (keys === 'wild') {
          this.wild.push(compiled);
          continue;
        }
        for (const key of keys) {
          const list = this.byFirst.get(key) ?? [];
          if (!list.includes(compiled)) list.push(compiled);
          this.byFirst.set(key, list);
        }
      }
    }
  }

  find(sentence: Sentence): Hit[] {
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const { tokens } = sentence;
    const tryPhrases = (list: CompiledPhrase[] | undefined, i: number) => {
      if (!list) return;
      for (const phrase of list) {
        if (phrase.atStart && i !== 0) continue;
        const next = phrase.linear ? matchOption(phrase.linear, tokens, i) : matchPhrase(phrase.parts, tokens, i);
        if (next <= i || (phrase.atEnd && next !== tokens.length)) continue;
        const start = tokens[i]!.start;
        const end = tokens[next - 1]!.end;
        // A phrase indexed under both its word and its stem, or two spellings: report once.
        const key = `${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ sentence, start, end, captures: {}, phrase: phrase.source });
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      tryPhrases(this.byFirst.get(token.norm), i);
      if (token.stem !== token.norm) tryPhrases(this.byFirst.get(token.stem), i);
      if (this.wild.length) tryPhrases(this.wild, i);
    }
    // Overlapping phrases ("that is not possible", "not possible to"): one report, the longest.
    return dropOverlapping(hits);
  }

  needsNlp(): boolean {
    return false;
  }
}

/** Overlapping hits of one matcher: keep the longest (the first on ties). */
export function dropOverlapping(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}


// ---------------------------------------------------------------------------
// compromise patterns

/**
 * The words a sentence must contain for the pattern to have a chance: each required term of
 * the pattern gives its alternatives, and the sentence must contain every word of at least one
 * of them ("(by mistake|in error)" needs "by" and "mistake", or "in" and "error"). Adjacency is
 * not checked: this is a cheap filter on the sentence's word set. Terms with an alternative of
 * tags or wildcards only, and optional terms, give no constraint, so the filter never loses a
 * match.
 */
export function patternPrefilter(pattern: string): Array<string[][]> {
  const known = precompiledPrefilters.get(pattern);
  if (known) return known;
  const terms: Array<string[][]> = [];
  // Top-level terms: words or (...) groups, with capture brackets removed. An optional
  // capture group ("[<what>your #Noun]?") requires nothing, so it goes first.
  const cleaned = pattern
    .replace(/\[<[^>]+>[^\]]*\][?*]/g, ' ')
    .replace(/\[<[^>]+>/g, ' ')
    .replace(/[[\]]/g, ' ')
    // A start anchor before a group ("^(since|because)") would glue the group to the next word.
    .replace(/(^|\s)\^/g, '$1');
  const raws = cleaned.match(/\([^)]*\)[?*+]?|\S+/g) ?? [];
  for (const raw of raws) {
    // Anchors (^ start, $ end) do not change which words must be present.
    const term = raw.replace(/^\^/, '').replace(/\$$/, '');
    if (/[?*]$/.test(term) || term.startsWith('!')) continue;
    const body = term.replace(/\+$/, '');
    const mark = /^@(\w+)$/.exec(body)?.[1];
    if (mark !== undefined) {
      // "@hasSemicolon" needs a semicolon in the sentence.
      if (Object.hasOwn(MARKS, mark)) terms.push(MARKS[mark]!.map((c) => [c]));
      continue;
    }
    const group = /^\((.*)\)$/.exec(body);
    const alternatives = (group ? group[1]!.split('|') : [body]).map((alt) =>
      alt
        .trim()
        .split(/\s+/)
        .filter((w) => /^[a-z][a-z'’-]*$/i.test(w))
        .flatMap((w) => normalizeWord(w)),
    );
    // One alternative of tags or wildcards only ("#Verb") lets any sentence through.
    if (alternatives.every((words) => words.length > 0)) terms.push(alternatives);
  }
  return byRarity(terms);
}

/**
 * The punctuation compromise's "@has…" methods look for: a prefilter term of these characters
 * (never a word's normal form) is looked up in the sentence's text, not its words.
 */
const MARKS: Record<string, string[]> = {
  hasComma: [','],
  hasSemicolon: [';'],
  hasColon: [':'],
  hasExclamation: ['!'],
  hasQuestionMark: ['?', '¿'],
  // compromise's dash is one set off by spaces ("ready - but"), never the hyphen in "write-up".
  hasDash: [' -', ' \u2013', ' \u2014'],
};

/** Every mark a prefilter can hold: never a word's normal form, so looked up in the text. */
const MARK_STRINGS = new Set(Object.values(MARKS).flat());

// Words nearly every reply has: a term they satisfy turns almost no sentence away.
const EVERYDAY = new Set(['i', 'we', 'you', 'the', 'a', 'an', 'it', 'to', 'and', 'is', 'are', 'your', 'our', 'my', 'this', 'that', 'of', 'in', 'for', 'have', 'be', 'not', 'can', 'will', 'do']);

/**
 * The prefilter's terms in the order they are best tested, for every sentence of every reply
 * (the first thing a cold run does with each pattern): terms of rarer words first, then marks,
 * then terms an everyday word satisfies, so most sentences are turned away by one lookup.
 */
function byRarity(terms: Array<string[][]>): Array<string[][]> {
  const rank = (term: string[][]) => (term.some((words) => words.every((w) => EVERYDAY.has(w))) ? 2 : term.some((words) => words.some((w) => MARK_STRINGS.has(w))) ? 1 : 0);
  return terms.map((term, i) => ({ term, i, r: rank(term) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ term }) => term);
}

/** Whether a sentence passes a prefilter: for every term, one alternative's words (and marks) are all there. */
function passes(terms: Array<string[][]>, { norms, text }: Sentence): boolean {
  outer: for (const term of terms) {
    for (const words of term) {
      if (words.every((w) => (MARK_STRINGS.has(w) ? text.includes(w) : norms.has(w)))) continue outer;
    }
    return false;
  }
  return true;
}

/** A span in compromise's JSON, with its words' own offsets. */
interface NlpSpan {
  offset: { start: number; length: number };
  terms: Array<{ offset: { start: number; length: number } }>;
}

/**
 * Where a span's words end. compromise's span `length` counts the first word's leading
 * punctuation ("((Unfortunately") although its `start` is after it, so `start + length`
 * runs into the next word (or between the halves of a surrogate pair): the last word's own end is exact.
 */
function spanEnd({ offset, terms }: NlpSpan): number {
  const last = terms.at(-1);
  return last ? last.offset.start + last.offset.length : offset.start + offset.length;
}

/** A word may end in punctuation ("U.S.", "failed."): keep the letters only. */
function trimTrailing(text: string, start: number, end: number): string {
  let e = end;
  while (e > start && /[\s.,;:!?\u2014\u2013-]/.test(text[e - 1]!)) e--;
  return text.slice(start, e);
}

/**
 * An aside that closes a clause ("the breakfast isn't included, though"): a rewrite that moves
 * the clause before a "but" would read "…, though, but …", so a clause capture leaves it out.
 */
const CLOSING_ASIDE = /,\s*(?:though|however|sadly|unfortunately|regrettably|i['\u2019]?m afraid|i am afraid|mind you)$/i;

/** The captures of a pattern that are clauses: those whose slot opens on a wildcard (`[<limit>.* …]`). */
function clauseCaptures(pattern: string): Set<string> {
  return new Set([...pattern.matchAll(/\[<([\w-]+)>\s*\./g)].map((m) => m[1]!));
}

class PatternMatcher implements Matcher {
  /**
   * `parsed`: compromise re-reads a pattern string on every match; it is read once, on first use,
   * into the term lists that match it as written (see lookahead.ts)
   */
  private readonly compiled: Array<{ pattern: string; prefilter: Array<string[][]>; clauses: Set<string>; parsed?: object[][] }>;

  constructor(patterns: string[]) {
    this.compiled = patterns.map((pattern) => ({ pattern, prefilter: patternPrefilter(pattern), clauses: clauseCaptures(pattern) }));
  }

  /** needsNlp and find both ask, for every sentence: the answer is kept with the sentence */
  private readonly candidatesOf = new WeakMap<Sentence, PatternMatcher['compiled']>();

  private candidates(sentence: Sentence) {
    let list = this.candidatesOf.get(sentence);
    if (list) return list;
    // Tagging and matching cost the square of a sentence's length: a longer one is not prose.
    list =
      sentence.tokens.length > MAX_PATTERN_SENTENCE_WORDS
        ? []
        : this.compiled.filter(({ prefilter }) => passes(prefilter, sentence));
    this.candidatesOf.set(sentence, list);
    return list;
  }

  needsNlp(sentence: Sentence): boolean {
    return this.candidates(sentence).length > 0;
  }

  find(sentence: Sentence): Hit[] {
    const hits: Hit[] = [];
    for (const entry of this.candidates(sentence)) {
      for (const regs of (entry.parsed ??= mendLookahead(loadedNlp().parseMatch(entry.pattern)))) {
        const m = sentence.nlp().match(regs);
        if (!m.found) continue;
        const matches = m.json({ offset: true }) as NlpSpan[];
        const groups = Object.entries(m.groups() as Record<string, { json(o: object): NlpSpan[] }>).map(([name, view]) => [name, view.json({ offset: true })] as const);
        for (const match of matches) {
          const { start } = match.offset;
          const matchEnd = spanEnd(match);
          const captures: Record<string, string> = {};
          for (const [name, items] of groups) {
            const item = items.find((g) => g.offset.start >= start && spanEnd(g) <= matchEnd);
            if (!item) continue;
            const words = trimTrailing(sentence.text, item.offset.start, spanEnd(item));
            // A word slot ("your parcel") never runs past a comma or a dash: compromise can let a
            // #Noun slot take "I'm" in "your parcel, I'm afraid", which a rewrite would then
            // repeat. A clause (`[<limit>.*]`) keeps its commas: a rewrite that moves it whole
            // must not drop "…, so you'll sit in the middle".
            captures[name] = entry.clauses.has(name) ? words.replace(CLOSING_ASIDE, '') : words.split(/\s*[,;:\u2014\u2013]\s*/)[0]!;
          }
          const end = start + trimTrailing(sentence.text, start, matchEnd).length;
          hits.push({ sentence, start: sentence.start + start, end: sentence.start + end, captures });
        }
      }
    }
    // Several patterns of one rule may match the same words; report the longest once.
    return dropOverlapping(hits);
  }
}

// ---------------------------------------------------------------------------

class UnionMatcher implements Matcher {
  constructor(private readonly parts: Matcher[]) {}
  /**
   * A phrase and a pattern of one rule may find the same words ("cannot be moved"): report them
   * once. (Phrase and pattern rules go on to keep the longest of overlapping hits; a conditional
   * rule's window starts where its trigger ends, so its triggers are not merged.)
   */
  find(sentence: Sentence): Hit[] {
    const seen = new Set<string>();
    return this.parts
      .flatMap((p) => p.find(sentence))
      .filter((h) => {
        const key = `${h.start}:${h.end}`;
        return !seen.has(key) && !!seen.add(key);
      });
  }
  needsNlp(sentence: Sentence): boolean {
    return this.parts.some((p) => p.needsNlp(sentence));
  }
}

/** A hit with its offsets relative to its sentence's start: what the cache keeps. */
interface RelativeHit {
  start: number;
  end: number;
  captures: Record<string, string>;
  phrase?: string;
}

const NO_HITS: readonly RelativeHit[] = Object.freeze([]);

/**
 * How many sentence texts each matcher remembers. Replies repeat whole sentences (greetings,
 * sign-offs, a macro's boilerplate): a generated corpus of 1,000 replies has ~10,000 sentences
 * but ~1,000 distinct ones. Past this many the memory is dropped and refilled, so a run over
 * any number of files stays bounded (~100 matchers × this many short entries).
 */
export const MATCH_CACHE_TEXTS = 4096;

/**
 * What a matcher finds depends only on the sentence's text: its tokens, the prefilter's word set
 * and compromise's tags are all read from it. So the answer for a text is computed once per run
 * and re-placed at each sentence that repeats it — compromise never tags a repeated sentence.
 */
class CachedMatcher implements Matcher {
  private readonly byText = new Map<string, readonly RelativeHit[]>();

  constructor(private readonly inner: Matcher) {}

  find(sentence: Sentence): Hit[] {
    let relative = this.byText.get(sentence.text);
    if (relative === undefined) {
      const hits = this.inner.find(sentence);
      relative = hits.length === 0 ? NO_HITS : hits.map(({ start, end, captures, phrase }) => ({ start: start - sentence.start, end: end - sentence.start, captures, ...(phrase !== undefined && { phrase }) }));
      if (this.byText.size >= MATCH_CACHE_TEXTS) this.byText.clear();
      this.byText.set(sentence.text, relative);
      return hits;
    }
    if (relative.length === 0) return [];
    const offset = sentence.start;
    return relative.map(({ start, end, captures, phrase }) => ({ sentence, start: start + offset, end: end + offset, captures: { ...captures }, ...(phrase !== undefined && { phrase }) }));
  }

  needsNlp(sentence: Sentence): boolean {
    // A text answered before needs no tags this time.
    return !this.byText.has(sentence.text) && this.inner.needsNlp(sentence);
  }
}

export function compileMatcher(spec: MatcherSpec): Matcher {
  const parts: Matcher[] = [];
  if (spec.phrases?.length) parts.push(new PhraseMatcher(spec.phrases));
  const patterns = spec.pattern === undefined ? [] : Array.isArray(spec.pattern) ? spec.pattern : [spec.pattern];
  if (patterns.length) parts.push(new PatternMatcher(patterns));
  return new CachedMatcher(parts.length === 1 ? parts[0]! : new UnionMatcher(parts));
}
