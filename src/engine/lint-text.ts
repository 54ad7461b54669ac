// The pure core: text and a resolved config in, an ESLint-style result out.
// No file system, argv, console or process here (the CLI, LSP and browser share it).
import { checkFor, type Finding } from '../checks/index.js';
import type { Hit } from '../rules/matcher.js';
import { buildReplies, type Reply } from '../document/document.js';
import { ensureNlp } from '../document/nlp.js';
import type { CompiledRule } from '../rules/compile.js';
import type { RuleRegistry } from '../rules/registry.js';
import { readSegments } from '../sources/index.js';
import type { LintMessage, LintResult, ResolvedConfig, ResolvedRuleConfig, Suggestion } from '../types.js';
import { LineIndex, stripBom } from './positions.js';
import { renderTemplate, templateSlots } from './template.js';

export interface LintTextOptions {
  /** Used to pick the input format and reported as the result's filePath. */
  filePath?: string;
  config: ResolvedConfig;
  rules: RuleRegistry;
}

export class UnknownRuleError extends Error {
  constructor(readonly ruleId: string) {
    super(`Definition for rule '${ruleId}' was not found.`);
  }
}

export async function lintText(input: string, options: LintTextOptions): Promise<LintResult> {
  const filePath = options.filePath ?? '<text>';
  const text = stripBom(input);
  const active = activeRules(options);
  const messages: LintMessage[] = [];

  if (active.length > 0) {
    const segments = await readSegments(text, filePath);
    const replies = buildReplies(segments);
    if (needsNlp(replies, active)) await ensureNlp();
    const lines = new LineIndex(text);
    for (const reply of replies) {
      for (const { rule, setting } of active) {
        for (const finding of checkFor(rule.def.kind)(reply, rule, setting.options)) {
          messages.push(toMessage(finding, rule, setting, text, lines));
        }
      }
    }
  }

  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return summarize(filePath, messages);
}

function activeRules({ config, rules }: LintTextOptions): Array<{ rule: CompiledRule; setting: ResolvedRuleConfig }> {
  const active = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!setting.severity) continue;
    const rule = rules.compiledRule(id);
    if (!rule) throw new UnknownRuleError(id);
    active.push({ rule, setting });
  }
  return active;
}

/**
 * Whether compromise must be loaded: a main matcher needs tags for some sentence, or a
 * main matcher that needs none has hit, and the rule's answers, exceptions or `follows`
 * (consulted only after a hit) need tags somewhere in that reply. Most clean replies need
 * neither, and never pay for loading compromise.
 */
function needsNlp(replies: Reply[], active: Array<{ rule: CompiledRule }>): boolean {
  return replies.some((reply) =>
    active.some(({ rule }) => {
      if (reply.sentences.some((s) => rule.main.needsNlp(s))) return true;
      if (!rule.secondary.some((m) => reply.sentences.some((s) => m.needsNlp(s)))) return false;
      return reply.sentences.some((s) => rule.main.find(s).length > 0);
    }),
  );
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function toMessage(finding: Finding, rule: CompiledRule, setting: ResolvedRuleConfig, text: string, lines: LineIndex): LintMessage {
  const { hit, replacement, anchor } = finding;
  const { sentence } = hit;
  const segment = sentence.segment;
  const start = segment.toSource(hit.start);
  const end = segment.toSource(hit.end, 'end');
  // The sentence as a rewrite sees it: from its first word (not a leading emoji or quote mark).
  const sentenceStart = sentence.tokens[0]?.start ?? sentence.start;
  const sentenceRange: [number, number] = [
    segment.toSource(sentenceStart),
    segment.toSource(sentence.start + sentence.text.trimEnd().length, 'end'),
  ];
  const captures = Object.fromEntries(Object.entries(hit.captures).map(([k, v]) => [k, oneLine(v)]));
  // Messages quote the prose as read; rewrites reuse the file's own text (markup, code and
  // placeholders included), because that is what they replace.
  const messageVars = { ...captures, match: oneLine(segment.text.slice(hit.start, hit.end)), sentence: oneLine(sentence.text), replacement };
  const rewriteVars = {
    ...captures,
    match: text.slice(start, end),
    sentence: text.slice(...sentenceRange),
    'without-match': withoutMatch(text, sentenceRange, [start, end]),
    replacement,
  };
  const from = lines.position(start);
  const to = lines.position(end);

  const suggestions: Suggestion[] = [];
  const atSentenceStart = hit.start === sentenceStart;
  for (const spec of rule.suggest) {
    if (spec.target === 'move-before-follows') {
      if (anchor) suggestions.push(moveBefore(text, anchor, sentenceRange));
      continue;
    }
    // A rewrite that names a capture the match did not fill is for another shape of sentence.
    if (templateSlots(spec.text).some((slot) => rewriteVars[slot as keyof typeof rewriteVars] === undefined)) continue;
    const whole = spec.target === 'sentence';
    let rewrite = renderTemplate(spec.text, rewriteVars);
    if (!whole && atSentenceStart) rewrite = capitalize(rewrite);
    suggestions.push({ desc: `Rewrite: “${oneLine(rewrite)}”`, fix: { range: whole ? sentenceRange : [start, end], text: rewrite } });
  }
  if (replacement !== undefined && suggestions.length === 0) {
    suggestions.push({ desc: `Replace with “${replacement}”`, fix: { range: [start, end], text: replacement } });
  }

  const message: LintMessage = {
    ruleId: rule.def.id,
    severity: setting.severity,
    message: renderTemplate(rule.def.message, messageVars),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (replacement !== undefined && rule.def.fixable) message.fix = { range: [start, end], text: replacement };
  if (suggestions.length) message.suggestions = suggestions;
  return message;
}

/** Moves the flagged sentence to just before the earlier sentence it follows. */
function moveBefore(text: string, anchor: Hit, [sStart, sEnd]: [number, number]): Suggestion {
  const a = anchor.sentence;
  const aStart = a.segment.toSource(a.tokens[0]?.start ?? a.start);
  const moved = text.slice(sStart, sEnd);
  const between = text.slice(aStart, sStart).replace(/\s+$/, '');
  const gap = /\n\s*\n/.test(text.slice(aStart, sStart)) ? '\n\n' : ' ';
  const rewritten = `${moved}${gap}${between}`;
  return { desc: `Rewrite: “${oneLine(moved)}” first, then the good news`, fix: { range: [aStart, sEnd], text: rewritten } };
}

/**
 * The sentence with the flagged words taken out, tidied: "As I already said, the link
 * expires." → "The link expires." Used by rewrites that drop a phrase.
 */
function withoutMatch(text: string, [sStart, sEnd]: [number, number], [mStart, mEnd]: [number, number]): string {
  const before = text.slice(sStart, mStart);
  let after = text.slice(mEnd, sEnd);
  // Drop the comma or dash that went with the phrase, and one space.
  after = after.replace(/^\s*[,;:\u2014\u2013-]?\s*/, before.trim() ? ' ' : '');
  const joined = (before.replace(/[,\s]+$/, '') + after).replace(/\s+([,.!?])/g, '$1').replace(/ {2,}/g, ' ');
  return capitalize(joined.trim());
}

/** Capitalizes a rewrite that starts a sentence; a "[fill this in]" gap is left as written. */
function capitalize(s: string): string {
  if (s.startsWith('[')) return s;
  return s.replace(/^(\P{L}*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

export function summarize(filePath: string, messages: LintMessage[]): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  return result;
}
