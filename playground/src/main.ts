// The playground page: wires the reply, the settings and the URL to the linter, re-linting as the user types.
import { PRESETS } from '../../src/config/presets.js';
import { LineIndex } from '../../src/engine/positions.js';
import type { Fix, LintMessage, LintResult } from '../../src/types.js';
import { Linter } from './linter.js';
import { problemCount, renderMarks, renderProblems, renderRules } from './render.js';
import { FORMATS, readState, writeState, type FormatName, type PlaygroundState } from './state.js';

const LINT_DELAY_MS = 200;
const URL_DELAY_MS = 400;

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

const reply = byId<HTMLTextAreaElement>('reply');
const marks = byId<HTMLDivElement>('marks');
const status = byId<HTMLParagraphElement>('status');
const fixAll = byId<HTMLButtonElement>('fix-all');
const problems = byId<HTMLOListElement>('problems');
const format = byId<HTMLSelectElement>('format');
const preset = byId<HTMLSelectElement>('preset');
const rules = byId<HTMLDivElement>('rules');

format.append(...Object.entries(FORMATS).map(([value, { label }]) => new Option(label, value)));
preset.append(...PRESETS.map((name) => new Option(name, name)));

let state: PlaygroundState = readState(location.hash);
/** The last result and the text it describes: fixes apply only to that text. */
let linted: { text: string; result: LintResult } | undefined;
let lintRun = 0;

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

const saveUrl = debounce(() => {
  // replaceState: typing must not fill the back button's history.
  history.replaceState(null, '', `${location.pathname}${location.search}${writeState(state)}`);
}, URL_DELAY_MS);

/** The textarea grows with its text instead of scrolling, so the marks behind it never need to scroll. */
function fitHeight(): void {
  reply.style.height = 'auto';
  reply.style.height = `${reply.scrollHeight + reply.offsetHeight - reply.clientHeight}px`;
}

function showState(): void {
  reply.value = state.text;
  format.value = state.format;
  preset.value = state.preset;
  fitHeight();
  renderMarks(marks, state.text, []);
}

async function main(): Promise<void> {
  showState();
  let linter: Linter;
  try {
    linter = await Linter.load();
  } catch (error) {
    status.textContent = `The rules could not be loaded: ${(error as Error).message}`;
    return;
  }

  const showRules = () =>
    renderRules(rules, linter.rules(), linter.presetRuleIds(state.preset), new Set(state.off), state.preset, (id, on) => {
      const off = new Set(state.off);
      if (on) off.delete(id);
      else off.add(id);
      update({ off: [...off].sort() });
    });

  const lintNow = async (): Promise<void> => {
    const run = ++lintRun;
    const snapshot = state;
    problems.setAttribute('aria-busy', 'true');
    let result: LintResult;
    try {
      result = await linter.lint(snapshot);
    } catch (error) {
      if (run !== lintRun) return;
      problems.removeAttribute('aria-busy');
      status.textContent = `The reply could not be checked: ${(error as Error).message}`;
      return;
    }
    // A newer edit started its own run: this result describes text that is gone.
    if (run !== lintRun) return;
    linted = { text: snapshot.text, result };
    problems.removeAttribute('aria-busy');
    renderMarks(marks, snapshot.text, result.messages);
    renderProblems(problems, result, (id) => linter.registry.definition(id), { apply, locate, highlight });
    status.textContent = snapshot.text.trim() ? problemCount(result) : 'Type or paste a reply to check it.';
    fixAll.disabled = !result.messages.some((m) => m.fix);
  };
  const lintSoon = debounce(() => void lintNow(), LINT_DELAY_MS);

  function update(change: Partial<PlaygroundState>, { now = true } = {}): void {
    const presetChanged = change.preset !== undefined && change.preset !== state.preset;
    state = { ...state, ...change };
    if (presetChanged) showRules();
    saveUrl();
    if (now) void lintNow();
    else lintSoon();
  }

  /** Replaces the reply's text, selects what changed and lints at once. */
  function setText(text: string, selection?: [number, number]): void {
    reply.value = text;
    fitHeight();
    reply.focus();
    if (selection) reply.setSelectionRange(...selection);
    update({ text });
  }

  function apply(fix: Fix): void {
    if (!linted || linted.text !== reply.value) return;
    const [start, end] = fix.range;
    setText(linted.text.slice(0, start) + fix.text + linted.text.slice(end), [start, start + fix.text.length]);
  }

  function locate(message: LintMessage): void {
    if (!linted || linted.text !== reply.value) return;
    const lines = new LineIndex(linted.text);
    reply.focus();
    reply.setSelectionRange(lines.offset(message.line, message.column), lines.offset(message.endLine, message.endColumn));
  }

  function highlight(index: number | undefined): void {
    for (const mark of marks.querySelectorAll<HTMLElement>('mark')) {
      mark.classList.toggle('active', index !== undefined && (mark.dataset.problems ?? '').split(' ').includes(String(index)));
    }
  }

  reply.addEventListener('input', () => {
    fitHeight();
    // Until the next result, the old marks would sit under the wrong words.
    renderMarks(marks, reply.value, []);
    update({ text: reply.value }, { now: false });
  });
  new ResizeObserver(fitHeight).observe(reply);
  format.addEventListener('change', () => update({ format: format.value as FormatName }));
  preset.addEventListener('change', () => update({ preset: preset.value as PlaygroundState['preset'] }));
  fixAll.addEventListener('click', async () => {
    if (!linted || linted.text !== reply.value) return;
    setText(await linter.fixAll(state));
  });
  // A link opened on a page already showing the playground changes only the hash.
  window.addEventListener('hashchange', () => {
    if (writeState(state) === location.hash) return;
    state = readState(location.hash);
    showState();
    showRules();
    void lintNow();
  });

  showRules();
  await lintNow();
}

void main();
