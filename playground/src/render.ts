// DOM rendering of the playground: the marks behind the reply, the problem list, the rule switches.
import type { PresetName } from '../../src/config/presets.js';
import type { Fix, LintMessage, LintResult, RuleDefinition } from '../../src/types.js';
import { markPieces } from './linter.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const SEVERITY = { 1: 'warning', 2: 'error' } as const;

/**
 * The reply's text again, with each problem's range in a <mark>: it sits exactly behind the
 * textarea (same box, font and wrapping), so the marks show through under the words.
 */
export function renderMarks(container: HTMLElement, text: string, messages: LintMessage[]): void {
  const nodes: Node[] = markPieces(text, messages).map(({ start, end, problems }) => {
    const slice = text.slice(start, end);
    if (!problems.length) return document.createTextNode(slice);
    const severity = Math.max(...problems.map((k) => messages[k]!.severity)) as 1 | 2;
    const mark = element('mark', { className: SEVERITY[severity] }, [slice]);
    mark.dataset.problems = problems.join(' ');
    mark.dataset.rules = [...new Set(problems.map((k) => messages[k]!.ruleId ?? 'input'))].join(' ');
    return mark;
  });
  // A final newline only takes up a line in the textarea when something follows it.
  container.replaceChildren(...nodes, '\u200b');
}

export interface ProblemActions {
  apply(fix: Fix): void;
  locate(message: LintMessage): void;
  highlight(index: number | undefined): void;
}

export function renderProblems(list: HTMLElement, result: LintResult, rule: (id: string) => RuleDefinition | undefined, actions: ProblemActions): void {
  list.replaceChildren(
    ...result.messages.map((message, index) => {
      const def = message.ruleId ? rule(message.ruleId) : undefined;
      const severity = SEVERITY[message.severity];
      const ruleLabel = message.ruleId ?? 'input';
      const head = element('div', { className: 'problem-head' }, [
        element('span', { className: `severity ${severity}` }, [severity]),
        message.docsUrl ? element('a', { className: 'rule', href: message.docsUrl, target: '_blank', rel: 'noopener' }, [ruleLabel]) : element('span', { className: 'rule' }, [ruleLabel]),
        element('button', { type: 'button', className: 'locate', ariaLabel: `Select line ${message.line}, column ${message.column} in the reply`, onclick: () => actions.locate(message) }, [`Line ${message.line}, column ${message.column}`]),
      ]);
      const item = element('li', { className: `problem ${severity}` }, [head, element('p', { className: 'message' }, [message.message])]);
      item.dataset.rule = ruleLabel;
      if (def) item.append(element('details', { className: 'why' }, [element('summary', {}, ['Why it matters']), element('p', {}, [def.why])]));
      if (message.suggestions?.length) {
        const rewrites = message.suggestions.map((s) =>
          element('li', {}, [
            element('button', { type: 'button', className: 'rewrite', onclick: () => actions.apply(s.fix) }, [s.desc]),
            sameFix(s.fix, message.fix) ? element('span', { className: 'safe' }, ['safe fix']) : '',
          ]),
        );
        item.append(element('ul', { className: 'rewrites', ariaLabel: 'Rewrites' }, rewrites));
      }
      // Hovering or focusing a problem brings its marks forward in the text.
      item.addEventListener('mouseenter', () => actions.highlight(index));
      item.addEventListener('mouseleave', () => actions.highlight(undefined));
      item.addEventListener('focusin', () => actions.highlight(index));
      item.addEventListener('focusout', () => actions.highlight(undefined));
      return item;
    }),
  );
}

function sameFix(a: Fix, b: Fix | undefined): boolean {
  return b !== undefined && a.text === b.text && a.range[0] === b.range[0] && a.range[1] === b.range[1];
}

/** "3 problems: 2 errors, 1 warning" — what the live region announces. */
export function problemCount(result: LintResult): string {
  const total = result.messages.length;
  if (total === 0) return 'No problems';
  const parts = [plural(result.errorCount, 'error'), plural(result.warningCount, 'warning')].filter((p) => !p.startsWith('0 '));
  return `${plural(total, 'problem')}: ${parts.join(', ')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One checkbox a rule, grouped by family; rules the preset leaves out are shown but cannot be turned on. */
export function renderRules(container: HTMLElement, rules: RuleDefinition[], inPreset: Set<string>, off: Set<string>, preset: PresetName, onToggle: (id: string, on: boolean) => void): void {
  const families = new Map<string, RuleDefinition[]>();
  for (const r of rules) families.set(r.family, [...(families.get(r.family) ?? []), r]);
  container.replaceChildren(
    ...[...families].map(([family, defs]) =>
      element('fieldset', { className: 'family' }, [
        element('legend', {}, [family]),
        ...defs.map((def) => {
          const available = inPreset.has(def.id);
          const box = element('input', { type: 'checkbox', checked: available && !off.has(def.id), disabled: !available, value: def.id, onchange: () => onToggle(def.id, box.checked) });
          const note = available ? def.summary : `${def.summary} (not in ${preset})`;
          return element('label', { className: 'rule-switch' }, [box, element('span', { className: 'rule-id' }, [def.id]), element('span', { className: 'rule-summary' }, [note])]);
        }),
      ]),
    ),
  );
}
