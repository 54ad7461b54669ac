// The pure core: text and a resolved config in, an ESLint-style result out.
// No file system, argv, console or process here (the CLI, LSP and browser share it).
import { checkFor, type Finding } from '../checks/index.js';
import type { Hit } from '../rules/matcher.js';
import { makeReply, type Reply } from '../document/document.js';
import { ensureNlp, isNlpLoaded } from '../document/nlp.js';
import type { CompiledRule } from '../rules/compile.js';
import type { RuleRegistry } from '../rules/registry.js';
import { checkTemplate, type TemplateFinding } from '../checks/template.js';
import { readFields, type Field, type FieldReading, type InputProblem } from '../sources/index.js';
import { placeholderScanner } from '../sources/placeholders.js';
import type { LintMessage, LintResult, ResolvedConfig, ResolvedRuleConfig, Segment, Suggestion } from '../types.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { LineIndex, stripBom } from './positions.js';
import { renderRewrite, renderTemplate, templateSlots } from './template.js';

export interface LintTextOptions {
  /** Used to pick the input format and reported as the result's filePath. */
  filePath?: string;
  config: ResolvedConfig;
  rules: RuleRegistry;
  /** Report disable directives that silenced nothing or name unknown rules (as ESLint's flag). */
  reportUnusedDisableDirectives?: boolean;
  /** The file was found by walking a folder (see ReadOptions). */
  foundByWalk?: boolean;
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
  let messages: LintMessage[] = [];
  let inputInfo: LintResult['input'];
  // Which reply each rule's message came from, to count the replies with a problem left after directives.
  const replyOf = new Map<LintMessage, string>();

  if (active.length > 0) {
    const lines = new LineIndex(text);
    const reading = await readFields(text, filePath, options.config.input, { foundByWalk: options.foundByWalk ?? false });
    // `replies` is known once every reply is read: set then, in its place among the keys.
    inputInfo = { format: reading.format, replies: 0 };
    for (const problem of reading.problems) messages.push(problemMessage(problem, lines));
    // The replies with prose, which `replies` and `repliesWithProblems` count.
    const counted = new Set<string>();
    // Rules that check their rewrites, each with the rules of its family, worked out once per file.
    const families = new Map(
      active.filter(({ rule }) => rule.def.verifySuggestions).map(({ rule }) => [rule, active.filter((a) => a.rule.def.family === rule.def.family && a.rule.def.kind !== 'template')]),
    );
    for await (const reply of eachReplyOf(reading)) {
      counted.add(reply.key);
      if (!isNlpLoaded() && needsNlp(reply, active)) await ensureNlp();
      for (const { rule, setting } of active) {
        const family = families.get(rule);
        const holds: RewriteCheck | undefined = family && ((segment, start, end, rewrite, checked) => rewriteHolds(reply, segment, start, end, rewrite, family, checked));
        for (const finding of checkFor(rule.def.kind)(reply, rule, setting.options)) {
          const message = toMessage(finding, rule, setting, text, lines, holds);
          if (!message) continue;
          replyOf.set(message, reply.key);
          messages.push(message);
        }
      }
    }
    const templateRules = active.filter(({ rule }) => rule.def.kind === 'template');
    if (templateRules.length) {
      const context = { scanner: placeholderScanner(options.config.input?.placeholders), format: reading.format };
      for (const field of reading.fields) {
        for (const { rule, setting } of templateRules) {
          for (const finding of checkTemplate(rule.def.check!, field.loc.text, setting.options, context)) {
            const message = templateMessage(finding, field, rule, setting, text, lines);
            replyOf.set(message, field.reply);
            messages.push(message);
          }
        }
      }
    }
    messages = applyDirectives(messages, parseDirectives(text, lines), {
      reportUnused: options.reportUnusedDisableDirectives ?? false,
      isKnownRule: (id) => options.rules.definition(id) !== undefined,
    });
    inputInfo.replies = counted.size;
    // Only replies counted in `replies` (with prose): a template problem can sit in a field that has none.
    const withProblems = new Set<string>();
    for (const m of messages) {
      const key = replyOf.get(m);
      if (key !== undefined && counted.has(key)) withProblems.add(key);
    }
    inputInfo.repliesWithProblems = withProblems.size;
  }

  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  const result = summarize(filePath, messages);
  if (inputInfo) result.input = inputInfo;
  return result;
}

/**
 * The file's replies in the order their prose first appears (as `buildReplies` gives them), each as
 * soon as its last field is read: a large export holds one macro's segments at a time, not all.
 */
async function* eachReplyOf(reading: FieldReading): AsyncGenerator<Reply> {
  const { fields } = reading;
  const lastField = new Map<string, number>();
  fields.forEach((field, i) => lastField.set(field.reply, i));
  // By first appearance: a reply is given once it and every reply before it are complete.
  const pending = new Map<string, Segment[]>();
  for (let i = 0; i < fields.length; i++) {
    for (const segment of await reading.segmentsOf(fields[i]!)) {
      const list = pending.get(segment.reply);
      if (list) list.push(segment);
      else pending.set(segment.reply, [segment]);
    }
    for (const [key, list] of pending) {
      if ((lastField.get(key) ?? Infinity) > i) break;
      pending.delete(key);
      yield makeReply(key, list);
    }
  }
  for (const [key, list] of pending) yield makeReply(key, list);
}

function templateMessage(finding: TemplateFinding, field: Field, rule: CompiledRule, setting: ResolvedRuleConfig, text: string, lines: LineIndex): LintMessage {
  const range: [number, number] = [field.loc.toSource(finding.start), field.loc.toSource(finding.end, 'end')];
  const message = ruleMessage(rule, setting, renderTemplate(rule.def.message, finding.vars), range, lines, field);
  const fixText = finding.fix && (field.loc.encode ? field.loc.encode(finding.fix.text) : finding.fix.text);
  if (finding.fix && fixText !== undefined) {
    const { start, end, desc } = finding.fix;
    // An insertion goes right after the word before it: the next character may be written
    // further on (after a YAML line fold or an escape), which would make the range run backwards.
    const from = field.loc.toSource(start, start === end ? 'end' : 'start');
    const range: [number, number] = [from, field.loc.toSource(end, 'end')];
    const fixRange = fixText === '' ? deletion(text, range) : range;
    if (fixText !== '' || field.loc.canRemove?.(...fixRange) !== false) message.suggestions = [{ desc, fix: { range: fixRange, text: fixText } }];
  }
  return message;
}

type Origin = { macro?: Segment['macro']; speaker?: string };

/** A rule's message at a file range, naming the macro and speaker it came from. */
function ruleMessage(rule: CompiledRule, setting: ResolvedRuleConfig, text: string, [start, end]: [number, number], lines: LineIndex, origin: Origin): LintMessage {
  const from = lines.position(start);
  const to = lines.position(end);
  const message: LintMessage = {
    ruleId: rule.def.id,
    severity: setting.severity,
    message: text + macroNote(origin),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  addOrigin(message, origin);
  if (rule.def.url) message.docsUrl = rule.def.url;
  return message;
}

/** Names the macro and speaker on the message (JSON output carries them). */
function addOrigin(message: LintMessage, from: Origin): void {
  const m = from.macro;
  if (m && (m.id !== undefined || m.title !== undefined)) {
    message.macro = { ...(m.id !== undefined ? { id: m.id } : {}), ...(m.title !== undefined ? { title: m.title } : {}) };
  }
  if (from.speaker) message.speaker = from.speaker;
}

/** A problem with the input as a message: fatal ones are errors that fail the run (exit 2). */
function problemMessage(problem: InputProblem, lines: LineIndex): LintMessage {
  const at = lines.position(problem.offset);
  return {
    ruleId: null,
    severity: problem.fatal ? 2 : 1,
    message: problem.message,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
    ...(problem.fatal ? { fatal: true } : {}),
  };
}

type ActiveRule = { rule: CompiledRule; setting: ResolvedRuleConfig };

function activeRules({ config, rules }: LintTextOptions): ActiveRule[] {
  const active: ActiveRule[] = [];
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
function needsNlp(reply: Reply, active: Array<{ rule: CompiledRule }>): boolean {
  return active.some(({ rule }) => {
    if (reply.sentences.some((s) => rule.main.needsNlp(s))) return true;
    if (!rule.secondary.some((m) => reply.sentences.some((s) => m.needsNlp(s)))) return false;
    return reply.sentences.some((s) => rule.main.find(s).length > 0);
  });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Whether a rewrite (in the segment's own text, from `start` to `end`) leaves the family quiet on
 * its first `checked` characters (default: all of it).
 */
type RewriteCheck = (segment: Segment, start: number, end: number, rewrite: string, checked?: number) => boolean;

/**
 * Lints the reply again with the rewrite in place, with the rules of one family, and says whether
 * none of them fires on the rewritten words. A rewrite that moves a sentence's own words can move
 * the problem with them ("…, but the fee still applies" first, then an offer that ends on another
 * limit): offering it would be the linter contradicting itself.
 */
function rewriteHolds(reply: Reply, segment: Segment, start: number, end: number, rewrite: string, family: ActiveRule[], checked = rewrite.length): boolean {
  const changed: Segment = { ...segment, text: segment.text.slice(0, start) + rewrite + segment.text.slice(end) };
  const segments: Segment[] = [];
  for (const s of reply.sentences) {
    const seg = s.segment === segment ? changed : s.segment;
    if (segments[segments.length - 1] !== seg) segments.push(seg);
  }
  const again = makeReply(reply.key, segments);
  const stop = start + checked;
  for (const { rule, setting } of family) {
    for (const { hit } of checkFor(rule.def.kind)(again, rule, setting.options)) {
      if (hit.sentence.segment === changed && hit.start < stop && start < hit.end) return false;
    }
  }
  return true;
}

function toMessage(finding: Finding, rule: CompiledRule, setting: ResolvedRuleConfig, text: string, lines: LineIndex, holds?: RewriteCheck): LintMessage | undefined {
  const { hit, replacement, anchor, safe, misfit } = finding;
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
  // (A word slot's capture already stops at a comma: see the pattern matcher.)
  const captures = Object.fromEntries(Object.entries(hit.captures).map(([k, v]) => [k, oneLine(v)]));
  // Rewrites are written into the file, so everything in them is in the file's own syntax:
  // the file's text (markup, code and placeholders included) as is, and new words — the
  // template's, captures, the replacement — encoded for where they land (JSON escapes, entities).
  const encode = (s: string) => (segment.encode ? segment.encode(s) : s);
  const encoded = (s: string | undefined) => (s === undefined ? undefined : encode(s));
  const messageVars = { ...captures, match: oneLine(quote(segment, hit.start, hit.end)), sentence: oneLine(quote(segment, sentence.start, sentence.end)), replacement };
  const fileReplacement = encoded(replacement);
  const rewriteVars = {
    ...Object.fromEntries(Object.entries(captures).map(([k, v]) => [k, encoded(v)])),
    match: text.slice(start, end),
    sentence: text.slice(...sentenceRange),
    'without-match': withoutMatch(text, sentenceRange, [start, end]),
    replacement: fileReplacement,
  };

  const suggestions: Suggestion[] = [];
  // Rewrites the family would flag again (see rewriteHolds): offered only if nothing else is.
  const refused: Suggestion[] = [];
  const sentenceEnd = sentence.start + sentence.text.trimEnd().length;
  // The rewrite in the segment's own (decoded) text, for the check: built only for rules that ask for it.
  const decodedVars = holds && {
    ...captures,
    match: segment.text.slice(hit.start, hit.end),
    sentence: segment.text.slice(sentenceStart, sentenceEnd),
    'without-match': withoutMatch(segment.text, [sentenceStart, sentenceEnd], [hit.start, hit.end]),
    replacement,
  };
  const atSentenceStart = hit.start === sentenceStart;
  for (const spec of rule.suggest) {
    if (spec.target === 'move-before-follows') {
      if (!anchor) continue;
      const move = moveBefore(text, anchor, sentenceRange, encode);
      // The same move in the segment's own text, checked on the moved sentence in its new place.
      const a = anchor.sentence;
      if (holds && a.segment === segment) {
        const aStart = a.tokens[0]?.start ?? a.start;
        const { moved, rewritten } = movedText(segment.text, aStart, [sentenceStart, sentenceEnd], '\n\n');
        if (!holds(segment, aStart, sentenceEnd, rewritten, moved.length)) {
          refused.push(move);
          continue;
        }
      }
      suggestions.push(move);
      continue;
    }
    // A rewrite that names a capture the match did not fill is for another shape of sentence.
    if (templateSlots(spec.text).some((slot) => rewriteVars[slot as keyof typeof rewriteVars] === undefined)) continue;
    const whole = spec.target === 'sentence';
    let rewrite = renderRewrite(spec.text, rewriteVars, encode);
    if (rewrite === undefined) continue;
    if (!whole && atSentenceStart) rewrite = capitalize(rewrite);
    if (whole && rewrite.trim() === '') {
      const range = deletion(text, sentenceRange);
      if (segment.canRemove?.(...range) !== false) suggestions.push({ desc: 'Remove the sentence', fix: { range, text: '' } });
      continue;
    }
    const suggestion: Suggestion = { desc: `Rewrite: “${oneLine(rewrite)}”`, fix: { range: whole ? sentenceRange : [start, end], text: rewrite } };
    if (holds && decodedVars) {
      const decoded = renderTemplate(spec.text, decodedVars);
      if (!(whole ? holds(segment, sentenceStart, sentenceEnd, decoded) : holds(segment, hit.start, hit.end, atSentenceStart ? capitalize(decoded) : decoded))) {
        refused.push(suggestion);
        continue;
      }
    }
    suggestions.push(suggestion);
  }
  // Every rewrite would be flagged again: the sentence has the problem on both sides of the
  // reordering ("…, but the fee still applies" after a cost), which the advice cannot mend.
  if (suggestions.length === 0 && refused.length) return undefined;
  // An empty replacement is a removal, which some places cannot take whole (see Segment.canRemove).
  const replaceable = fileReplacement !== '' || segment.canRemove?.(start, end) !== false;
  if (fileReplacement !== undefined && replaceable && !misfit && suggestions.length === 0) {
    suggestions.push({ desc: `Replace with “${replacement}”`, fix: { range: [start, end], text: fileReplacement } });
  }

  const message = ruleMessage(rule, setting, renderTemplate(rule.def.message, messageVars), [start, end], lines, segment);
  // A safe fix only where the matched words are written plainly in the file: no markup, entity,
  // escape, line fold or placeholder inside them that replacing the span would destroy.
  if (fileReplacement !== undefined && replaceable && safe && encode(segment.text.slice(hit.start, hit.end)) === text.slice(start, end)) {
    message.fix = { range: [start, end], text: fileReplacement };
  }
  if (suggestions.length) message.suggestions = suggestions;
  return message;
}

/**
 * The range a removal takes: the words, and the spaces after them when they open a line or
 * follow a space — or a double space is left behind, or, in a YAML block, a line more indented
 * than the block, which YAML refuses.
 */
function deletion(text: string, [start, end]: [number, number]): [number, number] {
  if (start > 0 && !/[ \t\n\r]/.test(text[start - 1]!)) return [start, end];
  return [start, end + /^[ \t]*/.exec(text.slice(end))![0].length];
}

/** The text as the writer wrote it (placeholders as written, not masked). */
function quote(segment: Segment, start: number, end: number): string {
  return segment.display ? segment.display(start, end) : segment.text.slice(start, end);
}

/** Names the macro in the message, so a finding in an export of hundreds can be found. */
function macroNote(from: Origin): string {
  const m = from.macro;
  if (!m || (m.title === undefined && m.id === undefined)) return '';
  const title = m.title !== undefined ? `“${oneLine(m.title)}”` : '';
  const id = m.id !== undefined ? `id ${m.id}` : '';
  return ` (macro ${[title, id].filter(Boolean).join(', ')})`;
}

/** Moves the flagged sentence to just before the earlier sentence it follows. */
function moveBefore(text: string, anchor: Hit, [sStart, sEnd]: [number, number], encode: (s: string) => string | undefined): Suggestion {
  const a = anchor.sentence;
  const aStart = a.segment.toSource(a.tokens[0]?.start ?? a.start);
  // A blank line between them stays one (written in the file's syntax: "\\n\\n" in JSON).
  const { moved, rewritten } = movedText(text, aStart, [sStart, sEnd], encode('\n\n'));
  return { desc: `Rewrite: “${oneLine(moved)}” first, then the good news`, fix: { range: [aStart, sEnd], text: rewritten } };
}

/** `text` from `aStart` to `sEnd` with the sentence at [sStart, sEnd) moved to the front. */
function movedText(text: string, aStart: number, [sStart, sEnd]: [number, number], blankLine: string | undefined): { moved: string; rewritten: string } {
  // A sentence that opened on the contrast ("But he can only come after 6pm.") loses the
  // contrast word when it moves to the front, where there is nothing left to contrast with.
  const written = text.slice(sStart, sEnd);
  const opener = /^(?:but|yet|however)\b[,\s]*/i.exec(written);
  const moved = opener && opener[0].length < written.length ? capitalize(written.slice(opener[0].length)) : written;
  const between = text.slice(aStart, sStart).replace(/\s+$/, '');
  const gap = (/\n\s*\n/.test(text.slice(aStart, sStart)) && blankLine) || ' ';
  return { moved, rewritten: `${moved}${gap}${between}` };
}

/**
 * The sentence with the flagged words taken out, tidied: "As I already said, the link
 * expires." → "The link expires." Used by rewrites that drop a phrase.
 */
function withoutMatch(text: string, [sStart, sEnd]: [number, number], [mStart, mEnd]: [number, number]): string {
  // This tidies the file's own text, so it keeps the file's syntax: a space that ends an escape
  // ("\ " in a YAML string) stays, or the backslash would escape what follows; and the
  // indentation after a line break stays, or a YAML string or block would lose its place.
  const before = text.slice(sStart, mStart);
  let after = text.slice(mEnd, sEnd);
  // Drop the comma or dash that went with the phrase, and one space.
  after = after.replace(/^\s*[,;:\u2014\u2013-]?\s*/, before.trim() ? ' ' : '');
  const joined = (before.replace(/(?:[,\s](?<!\\\s))+$/, '') + after).replace(/(?<!\\)\s+([,.!?])/g, '$1').replace(/(?<=\S) {2,}/g, ' ');
  return capitalize(joined.replace(/^\s+|(?<!\\)\s+$/g, ''));
}

/** Capitalizes a rewrite that starts a sentence; a "[fill this in]" gap is left as written. */
export function capitalize(s: string): string {
  // A gap to fill in or a placeholder ("{{ticket.requester.first_name}}") keeps its case.
  if (/^[[{%<$]/.test(s)) return s;
  // Most texts start with an ASCII letter after ASCII non-letters: decided without the Unicode
  // expression below, whose compilation is ~7 ms of every cold run that suggests a rewrite.
  const ascii = /^[^A-Za-z\\\u0080-\uffff]*[A-Za-z]/.exec(s);
  if (ascii) {
    const at = ascii[0].length - 1;
    const c = s[at]!;
    return c >= 'a' ? s.slice(0, at) + c.toUpperCase() + s.slice(at + 1) : s;
  }
  // A letter after a backslash is an escape ("\n" in a JSON string), not a word.
  return s.replace(/^([^\p{L}\\]*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

export function summarize(filePath: string, messages: LintMessage[]): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  };
  for (const m of messages) {
    if (m.fatal) result.fatalErrorCount++;
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
