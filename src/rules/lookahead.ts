// Makes compromise's wildcards look ahead the way a rule author reads them.
//
// compromise matches a wildcard (".+", ".*", ".{0,4}") by scanning forward to the first word
// that matches the NEXT term, never backtracking. Two kinds of next term break that scan
// (compromise 14.x, match/steps/logic/greedy.js):
// - an alternation with a multi-word alternative, "(which is why|hence)": the scan asks the
//   group as a whole whether one word matches, which is never true, so the pattern never
//   matches at all, not even on "hence";
// - an optional term, ".+ #Adverb? (so|hence)": the scan looks for the optional term as if it
//   were required, so a sentence without an adverb never matches.
// Patterns are parsed once into compromise's term lists and mended here, so rule files can
// be written as they read.

/** One parsed compromise term, as `nlp.parseMatch` returns it (the fields this module reads). */
interface Reg {
  anything?: boolean;
  greedy?: boolean;
  optional?: boolean;
  negative?: boolean;
  min?: number;
  max?: number;
  operator?: string;
  choices?: Reg[][];
}

/** A wildcard that scans ahead for the next term: ".+", ".*", ".{m,n}". */
function scansAhead(reg: Reg): boolean {
  return reg.anything === true && (reg.greedy === true || reg.min !== undefined || reg.max !== undefined);
}

/**
 * The term lists to match for one parsed pattern: usually the pattern itself; one list per
 * way of filling the optional terms that directly follow a wildcard (each present or absent).
 * Multi-word alternatives after a wildcard are mended in place.
 */
export function mendLookahead(parsed: readonly object[]): object[][] {
  const regs = parsed as Reg[];
  for (let i = 1; i < regs.length; i++) if (scansAhead(regs[i - 1]!)) mendAlternatives(regs[i]!);
  let variants: Reg[][] = [[]];
  for (let i = 0; i < regs.length; i++) {
    const reg = regs[i]!;
    if (!(i > 0 && branches(regs[i - 1]!, reg) && variants.length < MAX_VARIANTS)) {
      variants = variants.map((v) => [...v, reg]);
      continue;
    }
    const required: Reg = { ...reg, optional: false };
    variants = variants.flatMap((v) => [[...v, required], v]);
    // Without the optional term, the wildcard looks ahead to the term after it.
    if (regs[i + 1]) mendAlternatives(regs[i + 1]!);
  }
  return variants;
}

/** At most this many term lists per pattern (three optional terms after wildcards). */
const MAX_VARIANTS = 8;

/**
 * An optional term right after a wildcard is matched as two patterns, with it and without it.
 * Not when it opens or closes a capture: compromise keeps a capture's bounds on its terms.
 */
function branches(previous: Reg, reg: Reg & { group?: string }): boolean {
  return scansAhead(previous) && reg.optional === true && reg.negative !== true && !scansAhead(reg) && reg.group === undefined;
}

/**
 * Lets the scan test one word against an alternation whose alternatives are several words
 * long: each alternative answers for its leading word (and, where that is optional, the words
 * up to the first required one). compromise tests `choices` members one word at a time, so an
 * alternative (an array of terms) gets a `choices` of its own leading terms. The full
 * alternative is still matched word by word once the scan stops.
 */
function mendAlternatives(reg: Reg): void {
  if (reg.operator !== 'or' || !reg.choices) return;
  for (const alternative of reg.choices) {
    const leading: Reg[] = [];
    for (const term of alternative) {
      leading.push(term);
      if (term.optional !== true) break;
    }
    Object.assign(alternative, { choices: leading });
  }
}
