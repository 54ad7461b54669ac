// The `input.fields` selectors: a JSONPath subset naming where the reply texts are in a file of
// a shape replylint does not know, and the reader that applies them.
import type { FieldSelectors } from '../../types.js';
import type { DataPath } from '../data/tree.js';
import { booleanOf, Collector, conversationReply, formatPath, idOf, isObject, kindOf, macroReply, type ReadContext, roleOfWord } from './common.js';
import type { Role } from './types.js';

/**
 * One step of a selector: `.key` / `['key']`, `[0]` (negative counts from the end), `[*]` /
 * `.*`, and `..` before any of them (that step applied at every depth below).
 */
export type Step =
  | { kind: 'child'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'descend'; step: Exclude<Step, { kind: 'descend' }> };

// Characters that end an unquoted name.
const NAME = /[^.[\]\s'"*]+/y;

/**
 * Parses a selector: `$` then steps; a selector without the `$` starts at the root too
 * ("replies[*].body"). Throws an Error saying what is wrong and at which character.
 */
export function parseSelector(selector: string): Step[] {
  const fail = (at: number, what: string): never => {
    throw new Error(`invalid selector "${selector}": ${what} at character ${at + 1}`);
  };
  if (selector.trim() === '') throw new Error('invalid selector "": it is empty (write one like "$.replies[*].body")');
  const steps: Step[] = [];
  let i = 0;

  const name = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(selector);
    if (!match) return fail(i, i < selector.length ? `unexpected "${selector[i]}" where a property name should be` : 'a property name is missing');
    i += match[0].length;
    return match[0];
  };

  const bracket = (): Exclude<Step, { kind: 'descend' }> => {
    const open = i;
    i++; // '['
    while (selector[i] === ' ') i++;
    let step: Exclude<Step, { kind: 'descend' }>;
    const c = selector[i];
    if (c === '*') {
      i++;
      step = { kind: 'wildcard' };
    } else if (c === "'" || c === '"') {
      const quote = c;
      let key = '';
      i++;
      for (;;) {
        const ch = selector[i];
        if (ch === undefined) return fail(open, `the quoted name opened here is not closed with ${quote}`);
        if (ch === quote) break;
        if (ch === '\\' && i + 1 < selector.length) {
          key += selector[i + 1];
          i += 2;
          continue;
        }
        key += ch;
        i++;
      }
      i++; // closing quote
      step = { kind: 'child', name: key };
    } else if (c !== undefined && /[-\d]/.test(c)) {
      const match = /-?\d+/y;
      match.lastIndex = i;
      const found = match.exec(selector);
      if (!found) return fail(i, 'a number is missing after "-"');
      i += found[0].length;
      step = { kind: 'index', index: Number(found[0]) };
    } else {
      return fail(i, `expected a number, "*" or a quoted name after "["${c === undefined ? ', found the end' : `, found "${c}"`}`);
    }
    while (selector[i] === ' ') i++;
    if (selector[i] !== ']') return fail(i, `expected "]"${selector[i] === undefined ? ', found the end' : `, found "${selector[i]}"`}`);
    i++;
    return step;
  };

  /** What follows "." or "..": a name or "*" (and after "..", a bracket). */
  const afterDot = (descend: boolean): Exclude<Step, { kind: 'descend' }> => {
    if (selector[i] === '*') {
      i++;
      return { kind: 'wildcard' };
    }
    if (descend && selector[i] === '[') return bracket();
    return { kind: 'child', name: name() };
  };

  if (selector[0] === '$') i = 1;
  else if (selector[0] !== '.' && selector[0] !== '[') steps.push({ kind: 'child', name: name() });

  while (i < selector.length) {
    const c = selector[i];
    if (c === '.') {
      if (selector[i + 1] === '.') {
        i += 2;
        steps.push({ kind: 'descend', step: afterDot(true) });
      } else {
        i++;
        steps.push(afterDot(false));
      }
    } else if (c === '[') {
      steps.push(bracket());
    } else {
      fail(i, `expected "." or "[", found "${c}"`);
    }
  }
  return steps;
}

export interface Match {
  path: DataPath;
  value: unknown;
}

function applyStep(step: Exclude<Step, { kind: 'descend' }>, node: Match, out: Match[]): void {
  const { path, value } = node;
  switch (step.kind) {
    case 'child':
      if (isObject(value) && Object.hasOwn(value, step.name)) out.push({ path: [...path, step.name], value: value[step.name] });
      break;
    case 'index':
      if (Array.isArray(value)) {
        const index = step.index < 0 ? value.length + step.index : step.index;
        if (index >= 0 && index < value.length) out.push({ path: [...path, index], value: value[index] });
      }
      break;
    case 'wildcard':
      if (Array.isArray(value)) value.forEach((v, index) => out.push({ path: [...path, index], value: v }));
      else if (isObject(value)) for (const [key, v] of Object.entries(value)) out.push({ path: [...path, key], value: v });
      break;
  }
}

/** The node and everything below it, each node before its descendants. */
function descendants(node: Match, out: Match[]): void {
  out.push(node);
  const children: Match[] = [];
  applyStep({ kind: 'wildcard' }, node, children);
  for (const child of children) descendants(child, out);
}

/** The values a parsed selector picks out of `root`: `..` visits each node before its descendants (as RFC 9535 does). */
export function select(root: unknown, steps: Step[]): Match[] {
  let nodes: Match[] = [{ path: [], value: root }];
  for (const step of steps) {
    const next: Match[] = [];
    for (const node of nodes) {
      if (step.kind === 'descend') {
        const all: Match[] = [];
        descendants(node, all);
        for (const n of all) applyStep(step.step, n, next);
      } else {
        applyStep(step, node, next);
      }
    }
    nodes = next;
  }
  return nodes;
}

function valueAt(root: unknown, path: DataPath): unknown {
  let value = root;
  for (const step of path) {
    if (typeof step === 'number') value = Array.isArray(value) ? value[step] : undefined;
    else value = isObject(value) ? value[step] : undefined;
  }
  return value;
}

/** A property of an object: the key as written, else a dotted path into it ("author.type"). */
function propertyOf(object: Record<string, unknown>, property: string): unknown {
  if (Object.hasOwn(object, property)) return object[property];
  if (!property.includes('.')) return undefined;
  return valueAt(object, property.split('.'));
}

/**
 * A property looked up on the object holding the text at `path`, then on its ancestors
 * (a conversation id on the conversation, a title on the macro). Gives the value and where the
 * object holding it is.
 */
function lookup(root: unknown, path: DataPath, property: string | undefined): unknown {
  if (property === undefined) return undefined;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const holder = valueAt(root, path.slice(0, depth));
    if (!isObject(holder)) continue;
    const value = propertyOf(holder, property);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/**
 * Where the reply of a text is: the object holding it, so texts of one object (a subject and a
 * body) form one reply; a text in a list is a reply of its own (a list of reply strings).
 */
function replyPath(root: unknown, path: DataPath): DataPath {
  const parent = path.slice(0, -1);
  return isObject(valueAt(root, parent)) ? parent : path;
}

/** Speaker properties whose `true` means the customer wrote it. */
const INBOUND_PROPERTIES = ['inbound', 'incoming'];

function speakerRole(value: unknown, property: string, agents: string[]): { role: Role; speaker?: string } {
  const flag = booleanOf(value);
  const last = property.split('.').pop() ?? property;
  if (flag !== undefined && INBOUND_PROPERTIES.includes(last.toLowerCase())) return { role: flag ? 'customer' : 'agent' };
  const word = idOf(value) ?? (flag !== undefined ? String(flag) : undefined);
  if (word === undefined) return { role: 'customer' };
  const role = roleOfWord(word, agents);
  return { role: role === undefined || role === 'none' ? 'customer' : role, speaker: word };
}

/**
 * Reads the strings the `text` selectors pick; other values they pick are skipped with the
 * reason. `id`, `title`, `speaker` and `conversation` are property names looked up from the
 * object holding each text upwards. A text with a speaker property counts as the agent's only
 * when the speaker is an agent word or name; without a speaker property, as the agent's.
 */
export function readWithSelectors(value: unknown, selectors: FieldSelectors, context: ReadContext): Collector {
  const out = new Collector(context);
  const texts = Array.isArray(selectors.text) ? selectors.text : [selectors.text];
  const parsed = texts.map((text) => ({ text, steps: parseSelector(text) }));
  const seen = new Set<string>();
  for (const { text, steps } of parsed) {
    const matches = select(value, steps);
    if (matches.length === 0) out.skip([], `selector "${text}" matched nothing`);
    for (const match of matches) {
      const key = formatPath(match.path);
      if (seen.has(key)) continue;
      seen.add(key);
      if (typeof match.value !== 'string') {
        out.skip(match.path, `selector "${text}" matched ${kindOf(match.value)}, not a string`);
        continue;
      }
      const conversation = idOf(lookup(value, match.path, selectors.conversation));
      const speakerValue = lookup(value, match.path, selectors.speaker);
      const reply = conversation !== undefined ? conversationReply(conversation, []) : macroReply(replyPath(value, match.path));
      const last = match.path[match.path.length - 1];
      const field = typeof last === 'string' ? last : undefined;
      const base = { reply, ...(selectors.content ? { content: selectors.content } : {}), name: field ?? 'text' };
      if (selectors.speaker !== undefined && speakerValue !== undefined) {
        const { role, speaker } = speakerRole(speakerValue, selectors.speaker, context.agents);
        out.text(match.value, match.path, { ...base, role, ...(speaker !== undefined ? { speaker } : {}) });
      } else {
        const macro = { id: idOf(lookup(value, match.path, selectors.id)), title: idOf(lookup(value, match.path, selectors.title)), field };
        out.text(match.value, match.path, { ...base, role: 'agent', macro });
      }
    }
  }
  return out;
}
