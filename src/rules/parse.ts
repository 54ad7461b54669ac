// A rule file's text → a validated RuleDefinition, or located errors. Pure: the caller reads the file.
import type { ValidateFunction } from 'ajv';
import { FILTER_NAMES, templateFilters, templateSlots } from '../engine/template.js';
import type { ReplylintError } from '../errors.js';
import { parseDataFile, type DataFile } from '../schema/data-file.js';
import { schemaErrors } from '../schema/validate.js';
import type { ExceptionSpec, MatcherSpec, RuleDefinition } from '../types.js';
import { TEMPLATE_SLOTS } from '../checks/template.js';
import { compilePhrase } from './matcher.js';
import { patternProblem } from './pattern-guard.js';

export type ParsedRule = { rule: RuleDefinition; errors: [] } | { rule?: undefined; errors: ReplylintError[] };

/**
 * @param file       path used in messages
 * @param validate   the compiled rule schema
 * @param expectedName the file's base name without extension: the id must end with it
 */
export function parseRuleFile(text: string, file: string, validate: ValidateFunction, expectedName?: string): ParsedRule {
  let data: DataFile;
  try {
    data = parseDataFile(text, file);
  } catch (error) {
    return { errors: [error as ReplylintError] };
  }
  const errors = schemaErrors(validate, data);
  if (errors.length) return { errors };
  const rule = data.value as RuleDefinition;
  errors.push(...semanticErrors(rule, data, expectedName));
  if (errors.length) return { errors };
  return { rule: { ...rule, source: file }, errors: [] };
}

function semanticErrors(rule: RuleDefinition, data: DataFile, expectedName?: string): ReplylintError[] {
  const errors: ReplylintError[] = [];
  const [family, name] = rule.id.split('/') as [string, string];
  if (rule.family !== family) errors.push(data.error(`"family" must be "${family}", the first part of the id "${rule.id}"`, ['family']));
  if (expectedName !== undefined && name !== expectedName) {
    errors.push(data.error(`the id "${rule.id}" must end with the file name "${expectedName}"`, ['id']));
  }
  if (rule.fixable && rule.kind !== 'substitution') {
    errors.push(data.error('"fixable" is only allowed on substitution rules: other rewrites are suggestions', ['fixable'], true));
  }
  rule.suggest?.forEach((s, i) => {
    if (typeof s !== 'string' && s.target === 'move-before-follows' && !rule.follows) {
      errors.push(data.error('target "move-before-follows" needs a "follows" in the rule', ['suggest', i, 'target']));
    }
  });
  if (rule.phrases !== undefined && rule.kind !== 'phrase' && rule.kind !== 'pattern') {
    errors.push(data.error(`"phrases" is only used by phrase and pattern rules`, ['phrases'], true));
  }
  if (rule.pattern !== undefined && rule.kind !== 'pattern') {
    errors.push(data.error(`"pattern" is only used by pattern rules (which may also list phrases)`, ['pattern'], true));
  }
  if (rule.check !== undefined && rule.kind !== 'template') errors.push(data.error(`"check" is only used by template rules`, ['check'], true));
  if (rule.kind === 'template' && rule.suggest !== undefined) {
    errors.push(data.error('template rules build their own repair ("close the placeholder", "add the fallback"): remove "suggest"', ['suggest'], true));
  }
  for (const key of ['trigger', 'expect', 'window', 'follows'] as const) {
    if (rule[key] !== undefined && rule.kind !== 'conditional') errors.push(data.error(`"${key}" is only used by conditional rules`, [key], true));
  }
  const phraseLists: Array<[string[] | undefined, Array<string | number>]> = [
    [rule.phrases, ['phrases']],
    [rule.swap ? Object.keys(rule.swap) : undefined, ['swap']],
    [rule.trigger?.phrases, ['trigger', 'phrases']],
    [rule.expect?.phrases, ['expect', 'phrases']],
    [rule.follows?.phrases, ['follows', 'phrases']],
  ];
  for (const [list, path] of phraseLists) {
    list?.forEach((phrase, i) => {
      if (/\([^)]*\(/.test(phrase)) {
        errors.push(data.error(`the phrase "${phrase}" nests ( ) groups, which phrases do not support: write it as two phrases`, path[0] === 'swap' ? path : [...path, i]));
        return;
      }
      if (/.\^|\$./.test(phrase.trim())) {
        errors.push(data.error(`the phrase "${phrase}" uses ^ or $ inside it: ^ may only start a phrase and $ only end it`, path[0] === 'swap' ? path : [...path, i]));
        return;
      }
      if (compilePhrase(phrase).length === 0) errors.push(data.error(`the phrase "${phrase}" has no words to match`, path[0] === 'swap' ? path : [...path, i]));
    });
  }
  // A pattern that could hang or crash compromise stops the run here, not halfway through a file.
  for (const [pattern, path] of patternsOf(rule)) {
    const problem = patternProblem(pattern);
    if (problem) errors.push(data.error(problem, path));
  }
  // Templates may only use slots the rule fills.
  const base =
    rule.kind === 'template'
      ? [...TEMPLATE_SLOTS]
      : ['match', 'sentence', ...(rule.kind === 'substitution' ? ['replacement'] : []), ...captureNames(rule)];
  const check = (template: string, path: Array<string | number>, slots: string[]) => {
    for (const slot of templateSlots(template)) {
      if (slots.includes(slot)) continue;
      if (captureNames(rule).includes(slot)) {
        errors.push(data.error(`the message uses {{${slot}}}, which some matches leave empty (a phrase, or a pattern without that capture or with it optional): capture it in every pattern, or use it only in a rewrite`, path));
      } else {
        errors.push(data.error(`unknown template slot {{${slot}}}: use one of ${slots.map((s) => `{{${s}}}`).join(', ')}`, path));
      }
    }
    for (const filter of templateFilters(template)) {
      if (!FILTER_NAMES.includes(filter)) errors.push(data.error(`unknown template filter |${filter}: use ${FILTER_NAMES.map((f) => `|${f}`).join(' or ')}`, path));
    }
  };
  // The message has no fallback, so it may only use the captures every way of matching fills (a
  // phrase captures nothing); a rewrite whose slot is empty is dropped, so rewrites may use any.
  const filled = rule.kind === 'template' ? undefined : capturesAlwaysFilled(rule);
  const always = filled ? base.filter((slot) => !captureNames(rule).includes(slot) || filled.has(slot)) : base;
  check(rule.message, ['message'], always);
  // Rewrites may also drop the matched words from their sentence.
  rule.suggest?.forEach((s, i) =>
    check(typeof s === 'string' ? s : s.text, typeof s === 'string' ? ['suggest', i] : ['suggest', i, 'text'], rule.kind === 'template' ? base : [...base, 'without-match']),
  );
  return errors;
}

/** Named captures of the rule's patterns: `[<actor>…]`. */
function captureNames(rule: RuleDefinition): string[] {
  const patterns = [rule.pattern, rule.trigger?.pattern].flat().filter((p): p is string => typeof p === 'string');
  return patterns.flatMap((p) => [...p.matchAll(/\[<([\w-]+)>/g)].map((m) => m[1]!));
}

/**
 * The captures that every finding of the rule has: those that every one of its patterns fills
 * outside an optional `[<name>…]?`, and none when phrases can match too.
 */
function capturesAlwaysFilled(rule: RuleDefinition): Set<string> {
  const spec = rule.trigger ?? rule;
  if (spec.phrases?.length) return new Set();
  const patterns = [spec.pattern].flat().filter((p): p is string => typeof p === 'string');
  const sets = patterns.map((p) => new Set(requiredCaptures(p)));
  return sets.reduce((all, set) => new Set([...all].filter((name) => set.has(name))), sets[0] ?? new Set<string>());
}

/** The names of a pattern's captures that are not optional (`[<name>…]` not followed by `?`). */
function requiredCaptures(pattern: string): string[] {
  const names: string[] = [];
  for (const m of pattern.matchAll(/\[<([\w-]+)>/g)) {
    let depth = 0;
    let end = m.index;
    for (; end < pattern.length; end++) {
      if (pattern[end] === '[') depth++;
      else if (pattern[end] === ']' && --depth === 0) break;
    }
    if (pattern[end + 1] !== '?') names.push(m[1]!);
  }
  return names;
}

/** Every compromise pattern in the rule, with its path in the file. */
function patternsOf(rule: RuleDefinition): Array<[string, Array<string | number>]> {
  const specs: Array<[MatcherSpec | undefined, Array<string | number>]> = [
    [rule, []],
    [rule.trigger, ['trigger']],
    [rule.expect, ['expect']],
    [rule.follows, ['follows']],
    ...exceptionSpecs(rule.exceptions, ['exceptions']),
    ...exceptionSpecs(rule.expect?.exceptions, ['expect', 'exceptions']),
  ];
  return specs.flatMap(([spec, path]): Array<[string, Array<string | number>]> => {
    const pattern = spec?.pattern;
    if (pattern === undefined) return [];
    return typeof pattern === 'string' ? [[pattern, [...path, 'pattern']]] : pattern.map((p, i) => [p, [...path, 'pattern', i]]);
  });
}

function exceptionSpecs(list: Array<string | ExceptionSpec> | undefined, path: Array<string | number>): Array<[ExceptionSpec, Array<string | number>]> {
  return (list ?? []).flatMap((spec, i): Array<[ExceptionSpec, Array<string | number>]> => (typeof spec === 'string' ? [] : [[spec, [...path, i]]]));
}
