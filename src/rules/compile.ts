// Rule definitions → compiled rules: matchers built once, reused for every sentence of every file.
import type { Sentence } from '../document/document.js';
import type { ExceptionSpec, MatcherSpec, RuleDefinition, RuleOptions, SuggestSpec, WindowSpec } from '../types.js';
import { compileMatcher, type Hit, type Matcher } from './matcher.js';

export interface CompiledException {
  matcher: Matcher;
  scope: 'match' | 'sentence' | 'next-sentence';
}

export interface CompiledRule {
  def: RuleDefinition;
  /** what the rule looks for: phrases, pattern, swap keys or the conditional's trigger */
  main: Matcher;
  /** conditional rules: what must answer the trigger, and look-alikes that do not */
  expect?: Matcher;
  expectExceptions: CompiledException[];
  /** conditional rules: what must come before the trigger for it to count */
  follows?: Matcher;
  window: WindowSpec;
  exceptions: CompiledException[];
  suggest: SuggestSpec[];
  /** the rule's other matchers (answers, follows, exceptions): consulted only after a main hit */
  secondary: Matcher[];
}

// The default: "the rest of the paragraph or the next two sentences".
export const DEFAULT_WINDOW: WindowSpec = { scope: 'rest-of-paragraph', after: 2 };

export function mainSpec(def: RuleDefinition): MatcherSpec {
  switch (def.kind) {
    case 'phrase':
      return { phrases: def.phrases ?? [] };
    case 'pattern':
      // a pattern rule may also list plain phrases: they match without loading compromise
      return { ...(def.phrases?.length && { phrases: def.phrases }), pattern: def.pattern ?? [] };
    case 'substitution':
      return { phrases: Object.keys(def.swap ?? {}) };
    case 'conditional':
      return def.trigger ?? {};
    case 'template':
      // template rules read the placeholders of the raw reply text, not sentences
      return {};
  }
}

export function compileRule(def: RuleDefinition): CompiledRule {
  const main = compileMatcher(mainSpec(def));
  const exceptions = (def.exceptions ?? []).map(compileException);
  const expect = def.kind === 'conditional' && def.expect ? compileMatcher(def.expect) : undefined;
  const expectExceptions = (def.expect?.exceptions ?? []).map(compileException);
  const follows = def.kind === 'conditional' && def.follows ? compileMatcher(def.follows) : undefined;
  return {
    def,
    main,
    expect,
    expectExceptions,
    follows,
    window: def.window ?? DEFAULT_WINDOW,
    exceptions,
    suggest: (def.suggest ?? []).map((s) => (typeof s === 'string' ? { text: s } : s)),
    secondary: [...(expect ? [expect] : []), ...(follows ? [follows] : []), ...[...exceptions, ...expectExceptions].map((e) => e.matcher)],
  };
}

function compileException(spec: string | ExceptionSpec): CompiledException {
  if (typeof spec === 'string') return { matcher: compileMatcher({ phrases: [spec] }), scope: 'match' };
  return { matcher: compileMatcher(spec), scope: spec.scope ?? 'match' };
}

const withOptions = new WeakMap<RuleOptions, Map<CompiledRule, CompiledException[]>>();

/**
 * The rule's exceptions plus the config's extra `allow` phrases. Compiled once per rule and
 * options object: checks run per reply, and recompiling there was wasted work.
 */
export function ruleExceptions(rule: CompiledRule, options: RuleOptions): CompiledException[] {
  if (!options.allow?.length) return rule.exceptions;
  let byRule = withOptions.get(options);
  if (!byRule) withOptions.set(options, (byRule = new Map()));
  let list = byRule.get(rule);
  if (!list) {
    list = [...rule.exceptions, { matcher: compileMatcher({ phrases: options.allow }), scope: 'match' }];
    byRule.set(rule, list);
  }
  return list;
}

/**
 * Drops hits that an exception cancels (LanguageTool's antipatterns). `sentences` are the reply's,
 * where a `next-sentence` exception looks (without them it never cancels).
 */
export function applyExceptions(hits: Hit[], exceptions: CompiledException[], sentences: readonly Sentence[] = []): Hit[] {
  if (hits.length === 0 || exceptions.length === 0) return hits;
  const cancelled = new Map<Sentence, Array<{ start: number; end: number; sentence: boolean }>>();
  return hits.filter((hit) => {
    let spans = cancelled.get(hit.sentence);
    if (!spans) {
      const next = sentences[hit.sentence.index + 1];
      const following = next && next.paragraph === hit.sentence.paragraph && next.segment === hit.sentence.segment ? next : undefined;
      spans = exceptions.flatMap((ex) => {
        if (ex.scope === 'next-sentence') return following && ex.matcher.find(following).length > 0 ? [{ start: 0, end: 0, sentence: true }] : [];
        return ex.matcher.find(hit.sentence).map((h) => ({ start: h.start, end: h.end, sentence: ex.scope === 'sentence' }));
      });
      cancelled.set(hit.sentence, spans);
    }
    return !spans.some((ex) => ex.sentence || (ex.start < hit.end && hit.start < ex.end));
  });
}
