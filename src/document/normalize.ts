// Word normalization shared by the document and by phrase compilation, so that a rule's
// "can't" meets the text's "cannot", "can not" and "can’t" alike.
import { stemmer } from 'stemmer';

const CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "let's": ['let', 'us'],
  "y'all": ['you', 'all'],
};

// Contractions typed without the apostrophe (chat, texting, non-native writers). Only spellings
// that are not also common words: "ill", "well", "were", "its", "lets", "id", "hell" stay as they are.
const BARE_CONTRACTIONS: Record<string, string> = {
  cant: "can't", wont: "won't", dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't",
  arent: "aren't", wasnt: "wasn't", werent: "weren't", couldnt: "couldn't", wouldnt: "wouldn't",
  shouldnt: "shouldn't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", mustnt: "mustn't",
  im: "i'm", ive: "i've", youre: "you're", youve: "you've", youll: "you'll", theyre: "they're",
  theyve: "they've", weve: "we've", thats: "that's", theres: "there's", whats: "what's",
};

// Words whose "'s" is "is" (or "has"); on other words it marks a possessive.
const S_IS = new Set([
  'it', 'that', 'this', 'there', 'here', 'what', 'who', 'where', 'when', 'how', 'he', 'she', 'everything',
  'nothing', 'something', 'anything', 'someone', 'everyone', 'nobody', 'one',
]);

const SUFFIXES: Array<[string, string]> = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ll", 'will'],
  ["'ve", 'have'],
  ["'m", 'am'],
  ["'d", 'would'],
];

const formsCache = new Map<string, string[]>();

/** Lowercased, straight-apostrophe word forms a word stands for (one word may be two: "don't"). */
export function normalizeWord(word: string): string[] {
  // Replies reuse a small vocabulary: memoize (callers never mutate the arrays).
  let forms = formsCache.get(word);
  if (forms === undefined) {
    forms = computeForms(word);
    if (formsCache.size < 50_000) formsCache.set(word, forms);
  }
  return forms;
}

function computeForms(word: string): string[] {
  // A word with its full stop: the parser keeps "department." whole when the next sentence starts
  // in lower case, as chat often does ("not my department. can't help with that").
  const typed = word.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").toLowerCase().replace(/^([a-z']{2,})\.$/, '$1');
  const w = BARE_CONTRACTIONS[typed] ?? typed;
  if (w.includes('-') && /[a-z]-[a-z]/.test(w)) return w.split('-').filter(Boolean).flatMap(computeForms);
  const fixed = CONTRACTIONS[w];
  if (fixed) return fixed;
  for (const [suffix, full] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length > suffix.length) return [w.slice(0, -suffix.length), full];
  }
  if (w.endsWith("'s") && w.length > 2) {
    const base = w.slice(0, -2);
    return S_IS.has(base) ? [base, 'is'] : [base, "'s"];
  }
  if (w.endsWith("s'") && w.length > 2) return [w.slice(0, -1), "'s"];
  return [w];
}

const stemCache = new Map<string, string>();

/** A crude inflection-insensitive key: "refunds", "refunded" and "refunding" share one. */
export function stem(form: string): string {
  let s = stemCache.get(form);
  if (s === undefined) {
    s = /^[a-z]+$/.test(form) ? stemmer(form) : form;
    // Bounded as formsCache is: a run over 100,000 files of ids and names must not grow it forever.
    if (stemCache.size < 50_000) stemCache.set(form, s);
  }
  return s;
}

/** Splits a rule's phrase into words the way the document does (no sentence parsing needed). */
export function splitPhraseWords(phrase: string): string[] {
  // A lone "'s" is a word too: "on the (carrier|courier) 's end".
  return phrase.match(/!?[\p{L}\p{N}][\p{L}\p{N}'’\-]*|['’]s\b|\*/gu) ?? [];
}
