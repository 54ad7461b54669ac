// `template` rules: what no prose linter checks — the placeholders of a macro. A broken
// placeholder sends "Hi {{ticket.requester.firstname}" or "Hi ," to a real customer.
// These checks read a reply's raw text (placeholders intact), not its sentences.
import type { Placeholder, PlaceholderScanner } from '../sources/placeholders.js';
import type { RuleOptions, TemplateCheckName } from '../types.js';

/** Slots a template rule's message and rewrites may use. */
export const TEMPLATE_SLOTS = ['placeholder', 'detail', 'replacement'] as const;

export interface TemplateFinding {
  /** offsets in the reply text */
  start: number;
  end: number;
  vars: { placeholder: string; detail: string; replacement?: string };
  /** the repair to suggest: an edit of the reply text (not always of [start, end)) */
  fix?: { start: number; end: number; text: string; desc: string };
}

export interface TemplateContext {
  scanner: PlaceholderScanner;
  /** the shape the file was read as ("json: intercom-macros"): picks the fallback syntax */
  format: string;
}

export function checkTemplate(check: TemplateCheckName, text: string, options: RuleOptions, context: TemplateContext): TemplateFinding[] {
  const placeholders = context.scanner.find(text);
  switch (check) {
    case 'unbalanced':
      return [...brokenDelimiters(text, placeholders), ...unclosedBlocks(placeholders, text)].sort((a, b) => a.start - b.start);
    case 'no-fallback':
      return missingFallbacks(text, placeholders, context.format);
    case 'unknown-variable':
      return unknownVariables(placeholders, options.variables ?? []);
    default: {
      const never: never = check;
      throw new Error(`no template check ${String(never)}`);
    }
  }
}

// ---------------------------------------------------------------------------
// unbalanced: delimiters outside every well-formed placeholder, and block tags left open

const DELIMITERS = /\{\{|\}\}|\{%|%\}/g;

function brokenDelimiters(text: string, placeholders: Placeholder[]): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const inside = (i: number) => placeholders.some((p) => i >= p.start && i < p.end);
  for (const m of text.matchAll(DELIMITERS)) {
    const at = m.index;
    if (inside(at)) continue;
    const d = m[0];
    if (d === '{{' || d === '{%') {
      // "{{name}" or "{{name" : the name that follows, and how it ends
      const close = d === '{{' ? '}}' : '%}';
      // Space after the name belongs to the placeholder only when a brace follows it: the span
      // never takes the line break after "{{name", which a fix would otherwise remove.
      const rest = /^\s*([\w.]+(?:\s*\|[^{}\n]*?)?)(?:\s*(\}|%))?/.exec(text.slice(at + 2, at + 2 + 200));
      const body = rest?.[1]?.trim();
      const end = at + 2 + (rest?.[0].length ?? 0);
      const replacement = body ? `${d}${body}${close}` : undefined;
      findings.push({
        start: at,
        end: Math.max(end, at + 2),
        vars: { placeholder: text.slice(at, end), detail: `“${text.slice(at, end)}” opens with “${d}” but never closes with “${close}”`, ...(replacement ? { replacement } : {}) },
        ...(replacement ? { fix: { start: at, end, text: replacement, desc: `Close it: “${replacement}”` } } : {}),
      });
    } else {
      // "{name}}" or a stray "}}"
      const open = d === '}}' ? '{{' : '{%';
      // Space before the name belongs to the placeholder only after a brace (the line break
      // before "name}}" is not part of it).
      const before = /(?:\{\s*)?([\w.]+)\s*$/.exec(text.slice(Math.max(0, at - 200), at));
      const start = before ? at - before[0].length : at;
      const body = before?.[1];
      const written = text.slice(start, at + 2);
      const replacement = body ? `${open}${body}${d}` : undefined;
      findings.push({
        start,
        end: at + 2,
        vars: { placeholder: written, detail: `“${written}” closes with “${d}” but does not open with “${open}”`, ...(replacement ? { replacement } : {}) },
        fix: replacement ? { start, end: at + 2, text: replacement, desc: `Open it: “${replacement}”` } : { start: at, end: at + 2, text: '', desc: `Remove the stray “${d}”` },
      });
    }
  }
  return findings;
}

// Block tags that need a closing tag, per syntax: Liquid/Django {% if %}…{% endif %},
// Handlebars {{#if}}…{{/if}}, Smarty {if}…{/if}.
const OPENERS: Array<{ open: RegExp; close: (name: string) => RegExp; closeText: (name: string) => string }> = [
  {
    open: /^\{%-?\s*(if|unless|for|case|capture|comment|raw|block|with|blocktrans|filter|spaceless|autoescape|ifchanged|tablerow|verbatim)\b/,
    close: (name) => new RegExp(`^\\{%-?\\s*end${name}\\b`),
    closeText: (name) => `{% end${name} %}`,
  },
  {
    open: /^\{\{~?#\s*([\w-]+)/,
    close: (name) => new RegExp(`^\\{\\{~?\\/\\s*${name}\\b`),
    closeText: (name) => `{{/${name}}}`,
  },
  {
    open: /^\{(if|foreach|section|literal|capture|strip)\b/,
    close: (name) => new RegExp(`^\\{\\/${name}\\b`),
    closeText: (name) => `{/${name}}`,
  },
];
const ANY_CLOSE = /^\{%-?\s*end(\w+)|^\{\{~?\/\s*([\w-]+)|^\{\/(\w+)\}/;

/**
 * Where a closing tag is inserted to end a block before `at`: right after the last word, not
 * after the line breaks and indentation that follow it — there the tag could fall outside a
 * YAML block scalar, or before a folded line's indentation.
 */
const afterLastWord = (text: string, at: number) => text.slice(0, at).trimEnd().length;

function unclosedBlocks(placeholders: Placeholder[], text: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const stack: Array<{ p: Placeholder; name: string; family: number }> = [];
  for (const p of placeholders) {
    if (p.kind !== 'logic') continue;
    const family = OPENERS.findIndex((o) => o.open.test(p.raw));
    if (family >= 0) {
      stack.push({ p, name: OPENERS[family]!.open.exec(p.raw)![1]!, family });
      continue;
    }
    const close = ANY_CLOSE.exec(p.raw);
    if (!close) continue;
    const name = close[1] ?? close[2] ?? close[3]!;
    const k = stack.map((s) => OPENERS[s.family]!.close(s.name).test(p.raw)).lastIndexOf(true);
    if (k < 0) {
      findings.push({
        start: p.start,
        end: p.end,
        vars: { placeholder: p.raw, detail: `“${p.raw}” closes a “${name}” block that was never opened` },
        fix: { start: p.start, end: p.end, text: '', desc: `Remove the stray “${p.raw}”` },
      });
      continue;
    }
    // Blocks opened after the one this closes were left open: close them just before it.
    for (const open of stack.splice(k).slice(1).reverse()) findings.push(unclosed(open, afterLastWord(text, p.start)));
  }
  for (const open of stack.reverse()) findings.push(unclosed(open, afterLastWord(text, text.length)));
  return findings;
}

/** An open block, with the closing tag to insert at `at`. */
function unclosed({ p, name, family }: { p: Placeholder; name: string; family: number }, at: number): TemplateFinding {
  const closing = OPENERS[family]!.closeText(name);
  return {
    start: p.start,
    end: p.end,
    vars: { placeholder: p.raw, detail: `“${p.raw}” is never closed with “${closing}”`, replacement: closing },
    fix: { start: at, end: at, text: closing, desc: `Add “${closing}” where the block should end` },
  };
}

// ---------------------------------------------------------------------------
// no-fallback: "Hi {{first_name}}," sends "Hi ," when the name is unknown

const GREETING = /(?:^|[\n>])\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|thanks|thank you|welcome)\b[^\n.!?]{0,12}$/i;
const NAME_VARIABLE = /(?:^|[._])(?:first_?name|firstname|name|full_?name|fullname|display_?name|nickname)$/i;

function missingFallbacks(text: string, placeholders: Placeholder[], format: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  for (const p of placeholders) {
    if (p.kind !== 'value' || p.fallback !== undefined || !p.name || !NAME_VARIABLE.test(p.name)) continue;
    if (!GREETING.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    const replacement = withFallback(p, format);
    if (!replacement) continue;
    findings.push({
      start: p.start,
      end: p.end,
      vars: { placeholder: p.raw, detail: `“${p.raw}” has no fallback`, replacement },
      fix: { start: p.start, end: p.end, text: replacement, desc: `Add a fallback: “${replacement}”` },
    });
  }
  return findings;
}

/** The placeholder with a fallback, in the syntax of the product that wrote it; none if it has none. */
function withFallback(p: Placeholder, format: string): string | undefined {
  if (p.syntax === 'percent-tag') return p.raw.replace(/%\}$/, ',fallback=there%}');
  if (p.syntax !== 'mustache') return undefined;
  // Single quotes: the rewrite stays valid inside a JSON string without escaping.
  const filter = /intercom/i.test(format) ? `fallback: 'there'` : /gorgias/i.test(format) ? `default('there')` : `default: 'there'`;
  // Keep the writer's spacing: "{{ name }}" → "{{ name | default: 'there' }}".
  return p.raw.replace(/(\s*)(\}\}\}?)$/, (_, space: string, close: string) => ` | ${filter}${space}${close}`);
}

// ---------------------------------------------------------------------------
// unknown-variable: a typo in a variable name renders as nothing

function unknownVariables(placeholders: Placeholder[], variables: string[]): TemplateFinding[] {
  if (variables.length === 0) return [];
  const exact = new Set(variables.filter((v) => !v.endsWith('.*')));
  const prefixes = variables.filter((v) => v.endsWith('.*')).map((v) => v.slice(0, -1));
  const known = (name: string) => exact.has(name) || prefixes.some((p) => name.startsWith(p));
  const findings: TemplateFinding[] = [];
  for (const p of placeholders) {
    if (p.kind !== 'value' || !p.name || p.syntax === 'bracket' || p.syntax === 'printf' || known(p.name)) continue;
    const closest = nearest(p.name, [...exact]);
    const replacement = p.raw.replace(p.name, closest ?? '[a known variable]');
    findings.push({
      start: p.start,
      end: p.end,
      vars: { placeholder: p.raw, detail: `“${p.name}” is not a known variable${closest ? ` (did you mean “${closest}”?)` : ''}`, replacement },
      fix: { start: p.start, end: p.end, text: replacement, desc: closest ? `Use “${closest}”` : 'Use one of the configured variables' },
    });
  }
  return findings;
}

/** The known name closest to `name` (edit distance at most 3), if any. */
function nearest(name: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of names) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
