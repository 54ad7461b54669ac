// Template placeholders (Mustache/Handlebars, Liquid, Help Scout, osTicket, Smarty, printf,
// {name}, [Customer Name], <<name>>): found in reply text so that rules read a value
// placeholder as one noun and a logic tag as nothing, and never flag or rewrite either.
import type { Segment } from '../types.js';
import { OPAQUE_TOKEN } from './opaque.js';
import { SegmentBuilder } from './segment.js';

export interface Placeholder {
  /** offsets in the text searched */
  start: number;
  end: number;
  raw: string;
  /** a value stands for a word ("Hi {{first_name}}"); logic is control flow ("{% if vip %}") */
  kind: 'value' | 'logic';
  /** the variable path of a value placeholder ("ticket.requester.first_name"), when it has one */
  name?: string;
  /** the fallback written in the placeholder ("there"); '' for an empty fallback; absent if none */
  fallback?: string;
  /** which syntax matched */
  syntax: string;
}

// Bounded spans keep the scan linear on hostile input ("{{{{{{…" with no close).
const MAX = 400;
const NAME = String.raw`[A-Za-z_][\w-]*(?:\.[\w-]+|\[[^\]\n]{1,40}\])*`;

interface Syntax {
  name: string;
  source: string;
  classify(raw: string): Omit<Placeholder, 'start' | 'end' | 'raw' | 'syntax'>;
}

const LIQUID_LOGIC = /^\{%-?\s*(?:if|elsif|else|endif|unless|endunless|case|when|endcase|for|endfor|break|continue|assign|capture|endcapture|comment|endcomment|raw|endraw|include|render|with|endwith|block|endblock|extends|load|trans|blocktrans|endblocktrans|url|cycle|increment|decrement|tablerow|endtablerow|liquid|echo|now|spaceless|endspaceless|autoescape|endautoescape|firstof|ifchanged|endifchanged|empty|filter|endfilter|templatetag|verbatim|endverbatim|widthratio|csrf_token|lorem|debug|regroup|resetcycle|static|get_current_language|language|endlanguage|plural)\b/;

const SYNTAXES: Syntax[] = [
  {
    // {{name}}, {{ name | fallback: "there" }}, {{{html}}}, {{#if x}}, {{/if}}, {{else}}, {{!note}}, {{> partial}}
    name: 'mustache',
    source: String.raw`\{\{\{?[^{}]{0,${MAX}}?\}\}\}?`,
    classify(raw) {
      const inner = raw.replace(/^\{\{\{?-?|-?\}?\}\}$/g, '').trim();
      if (/^[#/^!>]|^else\b/.test(inner)) return { kind: 'logic' };
      const name = new RegExp(`^(${NAME})`).exec(inner)?.[1];
      return { kind: 'value', ...(name ? { name } : {}), ...fallbackOf(inner) };
    },
  },
  {
    // Help Scout {%customer.firstName,fallback=there%}; Liquid / Django tags {% if x %}…{% endif %}
    name: 'percent-tag',
    source: String.raw`\{%[^{}]{0,${MAX}}?%\}`,
    classify(raw) {
      const helpScout = new RegExp(`^\\{%(${NAME})(?:,fallback=([^%]*))?%\\}$`).exec(raw);
      if (helpScout && !LIQUID_LOGIC.test(raw)) {
        return { kind: 'value', name: helpScout[1]!, ...(helpScout[2] !== undefined ? { fallback: helpScout[2] } : {}) };
      }
      return { kind: 'logic' };
    },
  },
  {
    // osTicket %{ticket.number}
    name: 'percent-brace',
    source: String.raw`%\{[^{}\n]{1,100}\}`,
    classify: (raw) => ({ kind: 'value', name: raw.slice(2, -1).trim() }),
  },
  {
    // Smarty (WHMCS): {$client_name}, {$ticket_link|escape}; {if $x}…{else}…{/if}, {foreach}, {literal}
    name: 'smarty',
    source: String.raw`\{\$[^{}\n]{1,100}\}|\{\/?(?:if|else|elseif|foreach|foreachelse|section|sectionelse|literal|capture|assign|php|strip)\b[^{}\n]{0,200}\}`,
    classify: (raw) => (raw.startsWith('{$') ? { kind: 'value', name: raw.slice(2, -1).split('|')[0]!.trim() } : { kind: 'logic' }),
  },
  {
    // printf: %s %d %1$s %(name)s
    name: 'printf',
    source: String.raw`%(?:\d+\$)?[sdif@](?![A-Za-z])|%\([A-Za-z_]\w{0,40}\)[sdif]`,
    classify: (raw) => ({ kind: 'value', ...(raw.startsWith('%(') ? { name: raw.slice(2, raw.indexOf(')')) } : {}) }),
  },
  {
    // <<name>>
    name: 'angle',
    source: String.raw`<<[A-Za-z_][\w .-]{0,40}>>`,
    classify: (raw) => ({ kind: 'value', name: raw.slice(2, -2).trim() }),
  },
  {
    // {name}, {0}, {order.id} (single braces, not part of {{…}})
    name: 'brace',
    source: String.raw`(?<!\{)\{(?:[A-Za-z_][\w.]{0,60}|\d{1,2})\}(?!\})`,
    classify: (raw) => ({ kind: 'value', name: raw.slice(1, -1) }),
  },
  {
    // [Customer Name], [NAME], [ORDER_ID], [order number] — not Markdown links, not checkboxes
    name: 'bracket',
    source: String.raw`\[(?:[A-Z][A-Za-z0-9'-]*(?:[ _][A-Z0-9][A-Za-z0-9'-]*){0,5}|[A-Z0-9_]{2,40}|[a-z]+(?: [a-z]+){0,4})\](?![(:\[])`,
    classify: (raw) => ({ kind: 'value', name: raw.slice(1, -1) }),
  },
];

// Lower-case bracketed words count only when they name a thing a template fills in.
const FILL_IN = /\b(?:name|number|date|time|email|e-mail|link|url|address|phone|id|amount|price|product|order|company|agent|customer|code|plan|account|ticket|city|country|signature)s?\b/;

function fallbackOf(inner: string): { fallback?: string } {
  // Liquid / Intercom "| default: 'x'", "| fallback: \"x\"", and Jinja (Gorgias) "|default('x')".
  const m = /\|\s*(?:fallback|default)\s*(?::\s*(?:"([^"]*)"|'([^']*)'|([^\s|}]+))|\(\s*(?:"([^"]*)"|'([^']*)')\s*\))/.exec(inner);
  if (!m) return {};
  return { fallback: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '' };
}

export interface PlaceholderScanner {
  find(text: string): Placeholder[];
}

// One scanner per set of extra syntaxes: every file of a run asks for the same one, twice (prose
// masking and the template rules), and building it compiles one large regular expression.
const scanners = new Map<string, PlaceholderScanner>();

/** A scanner for the built-in syntaxes plus the config's (`input.placeholders`, regex sources). */
export function placeholderScanner(extra: string[] = []): PlaceholderScanner {
  const key = extra.join('\u0000');
  let scanner = scanners.get(key);
  if (!scanner) scanners.set(key, (scanner = buildScanner(extra)));
  return scanner;
}

function buildScanner(extra: string[]): PlaceholderScanner {
  const all: Syntax[] = [
    ...extra.map((source, i) => ({ name: `custom-${i + 1}`, source: `(?:${source})`, classify: () => ({ kind: 'value' as const }) })),
    ...SYNTAXES,
  ];
  const combined = new RegExp(all.map((s, i) => `(?<s${i}>${s.source})`).join('|'), 'g');
  return {
    find(text) {
      const found: Placeholder[] = [];
      // A cheap gate: no brace, bracket, percent or angle, no placeholder.
      if (!/[{[%<]/.test(text)) return found;
      for (const m of text.matchAll(combined)) {
        const raw = m[0];
        if (raw.length === 0) continue;
        const i = Number(Object.entries(m.groups!).find(([, v]) => v !== undefined)![0].slice(1));
        const syntax = all[i]!;
        if (syntax.name === 'bracket' && /^\[[a-z]/.test(raw) && !FILL_IN.test(raw)) continue;
        found.push({ start: m.index, end: m.index + raw.length, raw, syntax: syntax.name, ...syntax.classify(raw) });
      }
      return found;
    },
  };
}

/**
 * The segment with each placeholder replaced: a value by one opaque noun, a logic tag by a
 * space (so "{% if vip %}We can{% else %}…" still reads as prose, branches included). The new
 * segment maps back through the old one and quotes the text as written (`display`).
 */
export function maskPlaceholders(segment: Segment, placeholders: Placeholder[]): Segment {
  if (placeholders.length === 0) return segment;
  const b = new SegmentBuilder();
  const masks: Array<{ start: number; end: number; raw: string }> = [];
  let at = 0;
  for (const p of placeholders) {
    if (p.start < at) continue;
    b.addExact(segment.text.slice(at, p.start), at);
    const start = b.length;
    b.addReplaced(p.kind === 'value' ? OPAQUE_TOKEN : ' ', p.start, p.end);
    masks.push({ start, end: b.length, raw: p.raw });
    at = p.end;
  }
  b.addExact(segment.text.slice(at), at);
  const inner = b.build(segment.reply);
  const text = inner.text;
  return {
    ...segment,
    text,
    toSource: (offset, bias = 'start') => segment.toSource(inner.toSource(offset, bias), bias),
    display: (start, end) => {
      let out = '';
      let pos = start;
      for (const m of masks) {
        if (m.end <= start || m.start >= end) continue;
        out += text.slice(pos, Math.max(pos, m.start));
        out += m.raw;
        pos = m.end;
      }
      return out + text.slice(Math.max(pos, start), end);
    },
  };
}
