// Inline controls, as ESLint's: <!-- replylint-disable rule -- reason --> … <!-- replylint-enable -->,
// replylint-disable-line and replylint-disable-next-line, in any text format (and, in plain
// text, as a line comment: "# replylint-disable-next-line tone/helpless"). Unused and unknown
// directives are reported when asked.
import type { LintMessage } from '../types.js';
import type { LineIndex } from './positions.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** rule ids named; empty means every rule */
  rules: string[];
  reason?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const COMMENT = /<!--\s*replylint-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*?)-->|^[ \t]*(?:#|\/\/)[ \t]*replylint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\r\n]*)/gm;

export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('replylint-')) return [];
  const found: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const kind = (m[1] ?? m[3]) as DirectiveKind;
    const body = (m[2] ?? m[4] ?? '').trim();
    const dash = body.search(/(^|\s)--(\s|$)/);
    const list = dash >= 0 ? body.slice(0, dash) : body;
    const reason = dash >= 0 ? body.slice(dash).replace(/^\s*--\s*/, '').trim() : undefined;
    const from = lines.position(m.index);
    const to = lines.position(m.index + m[0].length);
    found.push({
      kind,
      rules: list.split(/[\s,]+/).filter(Boolean),
      ...(reason ? { reason } : {}),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    });
  }
  return found;
}

export interface DirectiveOptions {
  reportUnused: boolean;
  isKnownRule(id: string): boolean;
}

/** The messages the directives leave, plus reports on unused or unknown directives when asked. */
export function applyDirectives(messages: LintMessage[], directives: Directive[], options: DirectiveOptions): LintMessage[] {
  if (directives.length === 0) return messages;
  const used = new Set<Directive>();
  const kept = messages.filter((m) => {
    if (m.ruleId === null || m.fatal) return true;
    const by = suppressor(m, directives);
    if (by) used.add(by);
    return !by;
  });
  if (!options.reportUnused) return kept;
  for (const d of directives) {
    const unknown = d.rules.filter((id) => !options.isKnownRule(id));
    for (const id of unknown) kept.push(directiveProblem(d, `Unknown rule '${id}' in replylint-${d.kind} directive.`));
    if (d.kind !== 'enable' && !used.has(d) && unknown.length < Math.max(1, d.rules.length)) {
      const what = d.rules.length ? ` (no problems were reported from ${d.rules.map((r) => `'${r}'`).join(', ')})` : ' (no problems were reported)';
      kept.push(directiveProblem(d, `Unused replylint-${d.kind} directive${what}.`));
    }
  }
  return kept;
}

/** The directive that silences a message, if any. */
function suppressor(m: LintMessage, directives: Directive[]): Directive | undefined {
  const id = m.ruleId!;
  const names = (d: Directive) => d.rules.length === 0 || d.rules.includes(id);
  let block: Directive | undefined;
  for (const d of directives) {
    if (d.kind === 'disable-line' && d.line === m.line && names(d)) return d;
    if (d.kind === 'disable-next-line' && d.endLine + 1 === m.line && names(d)) return d;
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    // Block directives apply from where they are written onward, in order.
    if (d.line > m.line || (d.line === m.line && d.column > m.column)) continue;
    if (!names(d)) continue;
    block = d.kind === 'disable' ? d : undefined;
  }
  return block;
}

function directiveProblem(d: Directive, message: string): LintMessage {
  return { ruleId: null, severity: 2, message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}
