// Keeps rule patterns from hanging or crashing the linter: what a compromise pattern may contain
// (checked when a rule file is loaded) and how long a sentence pattern rules run on.
//
// compromise never backtracks: each pattern term scans forward once from each start word, so a
// pattern with any wildcard costs the square of the sentence's length (and tagging the sentence
// grows faster than its length). What is exponential is not the match syntax but a /regex/ term,
// run by the JavaScript regex engine on every word; a ~fuzzy~ term builds a table the size of the
// square of a word's length. Bounds are therefore structural: no regex or fuzzy terms, a bounded
// pattern length, and a bounded sentence length.

/**
 * Pattern rules run on sentences of at most this many words; a longer "sentence" (a paste with no
 * punctuation) gets no pattern matches. Real replies stay far below it (the longest sentence in
 * the fixtures and the wild corpus has 116 words); at this length tagging and the costliest
 * patterns take a few milliseconds, where 2,000 words took a quarter of a second per pattern.
 */
export const MAX_PATTERN_SENTENCE_WORDS = 200;

/** compromise parses a pattern in time that grows with the square of its length. */
export const MAX_PATTERN_LENGTH = 2000;

// A term begins after the pattern's start, a space, "(" or "|", then compromise's own prefixes
// (! ^ [ and a capture name), as its parser reads them.
const TERM_START = String.raw`(?:^|[\s(|])[!^[]*(?:<[^<>\s]*>)?`;
const REGEX_TERM = new RegExp(`${TERM_START}(/[^/]*/|/\\S*)`);
const FUZZY_TERM = new RegExp(`${TERM_START}(~[^\\s|()~]+~)`);
// compromise throws on a "<" that does not open a name: "[<actor" or "[< actor>".
const BAD_CAPTURE = /<(?![\w-]+>)\S*/;

/**
 * Why compromise could hang or fail on this pattern, with what to write instead; undefined when
 * the pattern is safe to run on any text.
 */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern is ${pattern.length} characters long and the limit is ${MAX_PATTERN_LENGTH} (reading a pattern takes time that grows with the square of its length): split it into several patterns, a list under "pattern"`;
  }
  const regex = REGEX_TERM.exec(pattern)?.[1];
  if (regex !== undefined) {
    return `the pattern term "${regex}" is a regular expression, which can take exponential time on one long word: list the words instead, e.g. "(refund|refunds|refunded)", or use a tag such as "#Verb"`;
  }
  const fuzzy = FUZZY_TERM.exec(pattern)?.[1];
  if (fuzzy !== undefined) {
    return `the pattern term "${fuzzy}" is a fuzzy match, whose cost grows with the square of a word's length: list the spellings instead, e.g. "(refund|refnud)"`;
  }
  const capture = BAD_CAPTURE.exec(pattern)?.[0];
  if (capture !== undefined) {
    return `"${capture}" in the pattern is not a capture name, and compromise fails on it: name a capture "[<actor>…]" (letters, digits, "_" or "-" between "<" and ">")`;
  }
  const optionalCapture = partlyOptionalCapture(pattern);
  if (optionalCapture !== undefined) {
    return `the optional capture "${optionalCapture}" makes only its last term optional in compromise: put its terms in one group, e.g. "[<what>(your #Noun)]?"`;
  }
  const nested = nestedGroup(pattern);
  if (nested !== undefined) {
    return `the pattern nests ( ) groups in "${nested}", which compromise reads wrongly: write each alternative in full, e.g. "(a c|b c|d)" for "((a|b) c|d)", or use several patterns`;
  }
  return undefined;
}

/** The outer group around the first nested "(", or undefined when groups do not nest. */
function nestedGroup(pattern: string): string | undefined {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '(') {
      if (depth === 0) open = i;
      else return outerGroup(pattern, open);
      depth++;
    } else if (pattern[i] === ')' && depth > 0) depth--;
  }
  return undefined;
}

/** The text from the "(" at `open` to its matching ")", or to the end when it is never closed. */
function outerGroup(pattern: string, open: number): string {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '(') depth++;
    else if (pattern[i] === ')' && --depth === 0) return pattern.slice(open, i + 1);
  }
  return pattern.slice(open);
}

/** An optional capture of several terms not wrapped in one ( ) group: "[<what>your #Noun]?". */
function partlyOptionalCapture(pattern: string): string | undefined {
  for (const m of pattern.matchAll(/\[<[\w-]+>([^\]]*)\]\?/g)) {
    const body = m[1]!.trim();
    const oneGroup = body.startsWith('(') && outerGroup(body, 0) === body;
    if (!oneGroup && /\s/.test(body)) return m[0];
  }
  return undefined;
}
