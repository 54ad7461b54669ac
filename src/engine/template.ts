// Fills `{{name}}` slots of rule messages and rewrites; `{{name|filter}}` adjusts case.

const FILTERS: Record<string, (s: string) => string> = {
  // A placeholder or a gap to fill in keeps its case.
  capitalize: (s) => (/^[[{%<$]/.test(s) ? s : s.replace(/^(\P{L}*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase())),
  'lower-first': lowerFirst,
};
export const FILTER_NAMES = Object.keys(FILTERS);

// Words safe to lowercase when a clause moves from the start of a sentence to the middle.
// Anything else (names, "I", acronyms) keeps its capital.
const LOWERABLE = new Set(
  ('a an the it its this that these those there they their them we our us you your he she his her my me some any all most many each every no our once if when while as so but however our unfortunately sadly ' +
    'happy glad good great sure absolutely certainly of course yes okay ok also just here now today both either what how please thanks thank luckily fortunately happily in on at for with after before from since until').split(' '),
);

function lowerFirst(s: string): string {
  const m = /^(\P{L}*)(\p{L}+)/u.exec(s);
  if (!m || !LOWERABLE.has(m[2]!.toLowerCase())) return s;
  return m[1]! + m[2]![0]!.toLowerCase() + s.slice(m[1]!.length + 1);
}

const SLOT = /\{\{\s*([\w.-]+)(?:\s*\|\s*([\w-]+))?\s*\}\}/g;

export function renderTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template.replace(SLOT, (whole, name: string, filter?: string) => fill(whole, vars[name], filter));
}

/**
 * A rewrite to write into the file: the template's own words go through `encode` (a JSON
 * string's escaping), slot values are taken as given (callers pass them already in file
 * syntax). `undefined` when the template's words cannot be written there.
 */
export function renderRewrite(template: string, vars: Record<string, string | undefined>, encode: (text: string) => string | undefined): string | undefined {
  let out = '';
  let at = 0;
  for (const m of template.matchAll(SLOT)) {
    const literal = encode(template.slice(at, m.index));
    if (literal === undefined) return undefined;
    out += literal + fill(m[0], vars[m[1]!], m[2]);
    at = m.index + m[0].length;
  }
  const tail = encode(template.slice(at));
  return tail === undefined ? undefined : out + tail;
}

function fill(whole: string, value: string | undefined, filter: string | undefined): string {
  if (value === undefined) return whole;
  return filter && FILTERS[filter] ? FILTERS[filter]!(value) : value;
}

/** The `{{name}}` slots a template uses. */
export function templateSlots(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]!);
}

/** The `|filter` names a template uses. */
export function templateFilters(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[2]).filter((f): f is string => f !== undefined);
}
