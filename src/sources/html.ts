// HTML replies and HTML-valued fields (help-desk bodies, e-mail templates): each block's text becomes a Segment.
// Text nodes are the prose, mapped back into the HTML through character references and parser
// recovery; code, scripts, styles, the head, comments, attributes and URL-only links are not.
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Segment } from '../types.js';
import { OPAQUE_TOKEN } from './opaque.js';
import { SegmentBuilder } from './segment.js';

// Elements that end the sentence before them and start a new segment, as a browser starts a new line.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// Elements whose content a reader of the reply never sees as prose.
const NOT_PROSE = new Set([
  'audio', 'base', 'canvas', 'datalist', 'embed', 'head', 'iframe', 'link', 'math', 'meta', 'noscript',
  'object', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

// Inline elements holding code, keys or program output: one opaque word in the sentence.
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

const DOCUMENT = /<html[\s>]|<!doctype/i;
const URL_TEXT = /^(?:https?:|mailto:|www\.)/i;
const HTML_HINT =
  /<(?:\/?(?:a|attribute|b|blockquote|body|br|code|div|em|font|h[1-6]|head|hr|html|i|img|li|ol|p|pre|span|strong|table|td|th|tr|u|ul)(?=[\s/>])|!--|!doctype)|&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});/i;

/** A cheap test for HTML-valued fields: a common tag, a comment, a doctype or a character reference. */
export function looksLikeHtml(text: string): boolean {
  return HTML_HINT.test(text);
}

export function htmlSegments(text: string, reply: string): Segment[] {
  const tree = fromHtml(text, { fragment: !DOCUMENT.test(text) });
  const out = new Emitter(reply);

  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'root':
        for (const child of node.children) walk(child);
        return;
      case 'text': {
        const position = node.position;
        // Text the parser made up has no place in the file to point at.
        if (position?.start.offset === undefined || position.end.offset === undefined) return;
        addText(node.value, text, position.start.offset, position.end.offset, out);
        return;
      }
      case 'element':
        element(node);
        return;
      default:
        // comments and the doctype: not prose
        return;
    }
  };

  const element = (node: Element): void => {
    const name = node.tagName;
    if (NOT_PROSE.has(name)) return;
    if (name === 'br' || name === 'img' || CODE.has(name) || (name === 'a' && isUrlLink(node))) {
      const span = spanOf(node);
      if (!span) return;
      if (name === 'br') out.lineBreak(span[0], span[1]);
      else if (name === 'img') out.space(' ', span[0], span[1], false);
      else out.content(OPAQUE_TOKEN, span[0], span[1], false);
      return;
    }
    if (name === 'attribute') {
      attributePlaceholder(node);
      return;
    }
    if (name === 'pre' && isCodeBlock(node)) {
      out.boundary();
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.boundary();
    if (name === 'pre') out.preformatted++;
    for (const child of node.children) walk(child);
    if (name === 'pre') out.preformatted--;
    if (block) out.boundary();
  };

  // Intercom's `<attribute key="user.first_name" default="there"/>` stands for a name. The
  // parser does not honour "/>" on unknown elements, so what follows a self-closed one became
  // its children: those are still the reply's text.
  const attributePlaceholder = (node: Element): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      const openEnd = openingTagEnd(text, start, end);
      const selfClosed = text.slice(openEnd - 2, openEnd) === '/>';
      out.content(OPAQUE_TOKEN, start, selfClosed ? openEnd : end, false);
      if (!selfClosed) return;
    }
    for (const child of node.children) walk(child);
  };

  walk(tree);
  out.boundary();
  return out.segments;
}

/**
 * The file span of an element; for one the parser cloned while recovering (a formatting element
 * reopened after a block), the span of its positioned descendants.
 */
function spanOf(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) return [start, end];
  if (!('children' in node)) return undefined;
  let first: number | undefined;
  let last: number | undefined;
  for (const child of node.children) {
    const span = spanOf(child);
    if (!span) continue;
    first ??= span[0];
    last = span[1];
  }
  return first === undefined || last === undefined ? undefined : [first, last];
}

function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  let value = '';
  for (const child of node.children) value += textContent(child);
  return value;
}

/** A link whose text is its address (or any URL) is not prose. */
function isUrlLink(node: Element): boolean {
  const label = textContent(node).trim();
  if (label === '') return false;
  const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : '';
  return label === href || `mailto:${label}` === href || URL_TEXT.test(label);
}

/** `<pre><code>…</code></pre>`: a code block, as in Markdown. */
function isCodeBlock(node: Element): boolean {
  const meaningful = node.children.filter((child) => child.type !== 'comment' && !(child.type === 'text' && child.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'element' && CODE.has(meaningful[0]!.tagName);
}

/** Offset just past the `>` of the start tag at `start` (quoted attribute values may hold `>`). */
function openingTagEnd(text: string, start: number, limit: number): number {
  let quote = '';
  for (let k = start; k < limit; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k + 1;
    }
  }
  return limit;
}

// Text nodes.

// HTML's collapsible white space, plus the no-break space that `&nbsp;` decodes to: help-desk
// editors pad with it ("Hi,&nbsp;"), and it reads as an ordinary space.
const NBSP = '\u00a0';
function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\f' || c === '\r' || c === NBSP;
}

/** Where each character of a text node's value came from: the file span, and whether it is a copy. */
interface CharMap {
  from: Int32Array;
  to: Int32Array;
  exact: Uint8Array;
}

/** Feeds a text node to the emitter in runs: white space or words, copied or decoded. */
function addText(value: string, text: string, start: number, end: number, out: Emitter): void {
  const map = alignText(value, text, start, end);
  const n = value.length;
  let k = 0;
  while (k < n) {
    const space = isSpace(value[k]!);
    let e = k + 1;
    if (map.exact[k]) {
      while (e < n && map.exact[e] && map.from[e] === map.from[e - 1]! + 1 && isSpace(value[e]!) === space) e++;
    } else {
      // Characters decoded from one reference (a surrogate pair, "≂̸") share its span.
      while (e < n && !map.exact[e] && map.from[e] === map.from[k] && map.to[e] === map.to[k] && isSpace(value[e]!) === space) e++;
    }
    const piece = value.slice(k, e);
    if (space) out.space(piece, map.from[k]!, map.to[e - 1]!, map.exact[k] === 1);
    else out.content(piece, map.from[k]!, map.to[e - 1]!, map.exact[k] === 1);
    k = e;
  }
}

/**
 * Aligns a text node's decoded value with its file span [start, end). The parser decodes
 * character references, turns CRLF into LF, drops NUL, and joins text across tags it drops
 * (a stray `</div>`) or text it moves out of a table (`{if $x}` between rows): so the span may
 * hold more than the value, and alignment skips past tags to find the next character.
 */
function alignText(value: string, text: string, start: number, end: number): CharMap {
  const n = value.length;
  const map: CharMap = { from: new Int32Array(n), to: new Int32Array(n), exact: new Uint8Array(n) };
  const set = (i: number, from: number, to: number, exact: boolean): void => {
    map.from[i] = from;
    map.to[i] = to;
    // A no-break space is emitted as a plain space, so it is never a copy.
    map.exact[i] = exact && value[i] !== NBSP ? 1 : 0;
  };
  let i = 0;
  let j = start;
  while (i < n) {
    if (j >= end) {
      // Nothing left to align with: the rest stands for the end of the span.
      for (; i < n; i++) set(i, end, end, false);
      break;
    }
    const c = value[i]!;
    const s = text[j]!;
    if (s === '&') {
      const ref = characterReference(value, i, text, j, end);
      if (ref) {
        for (let k = 0; k < ref.chars; k++) set(i + k, j, ref.end, false);
        i += ref.chars;
        j = ref.end;
        continue;
      }
    }
    if (c === s) {
      set(i++, j, j + 1, true);
      j++;
    } else if (s === '\r' && c === '\n') {
      const e = j + 1 < end && text[j + 1] === '\n' ? j + 2 : j + 1;
      set(i++, j, e, false);
      j = e;
    } else if (s === '\0') {
      // NUL is dropped in body text, replaced by U+FFFD elsewhere.
      if (c === '\uFFFD') set(i++, j, j + 1, false);
      j++;
    } else {
      // Skip the tag here (or the content moved elsewhere) up to a tag's end where the source
      // reads on with the value: a single equal character is not enough ("{/if}" must not
      // resume inside a cell's "{$name}").
      do j = pastNextTag(text, j, end);
      while (j < end && !resumesAt(value, i, text, j, end));
    }
  }
  return map;
}

function pastNextTag(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && text[k] !== '>') k++;
  return k + 1;
}

// How many characters must agree before alignment resumes after skipped source.
const RESUME_WINDOW = 16;

/** Whether the value from i reads on with the source from j, up to the window or the next character the parser rewrites. */
function resumesAt(value: string, i: number, text: string, j: number, end: number): boolean {
  for (let t = 0; t < RESUME_WINDOW; t++) {
    if (i + t >= value.length) return true;
    if (j + t >= end) return false;
    const s = text[j + t]!;
    if (s === '&' || s === '\r' || s === '\0' || (s === '<' && t > 0)) return true;
    if (value[i + t] !== s) return false;
  }
  return true;
}

const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/y;
const NAMED_REFERENCE = /&[A-Za-z][A-Za-z0-9]*;?/y;
const AMP_REFERENCE = /&(?:amp|AMP);?/y;
// The longest named reference, "&CounterClockwiseContourIntegral;", has 33 characters.
const LONGEST_NAMED = 33;

/**
 * The character reference at text[j] that produced value[i…]: how many characters it decoded
 * to and where it ends; undefined when the `&` is literal.
 */
function characterReference(value: string, i: number, text: string, j: number, end: number): { chars: number; end: number } | undefined {
  NUMERIC_REFERENCE.lastIndex = j;
  const numeric = NUMERIC_REFERENCE.exec(text);
  if (numeric && NUMERIC_REFERENCE.lastIndex <= end) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    // Code points beyond the BMP decode to a surrogate pair; invalid ones to one U+FFFD.
    return { chars: code > 0xffff && code <= 0x10ffff ? 2 : 1, end: NUMERIC_REFERENCE.lastIndex };
  }
  if (value[i] === '&') {
    AMP_REFERENCE.lastIndex = j;
    return AMP_REFERENCE.test(text) && AMP_REFERENCE.lastIndex <= end ? { chars: 1, end: AMP_REFERENCE.lastIndex } : undefined;
  }
  NAMED_REFERENCE.lastIndex = j;
  if (!NAMED_REFERENCE.test(text)) return undefined;
  const full = Math.min(NAMED_REFERENCE.lastIndex, end);
  // The parser takes the longest known name, which may be a prefix without ";" ("&notit;" is
  // "¬it;"). Without the table of names, find the split where the rest of the source reads on
  // in the value; a reference decodes to one or two UTF-16 units.
  // One unit is tried at every split before two ("&noti" is not "¬i").
  const counts = isHighSurrogate(value.charCodeAt(i)) ? [2] : [1, 2];
  for (const chars of counts) {
    for (let k = Math.min(full, j + 1 + LONGEST_NAMED); k >= j + 2; k--) {
      const rest = text.slice(k, full);
      if (value.startsWith(rest, i + chars) && readsOn(value, i + chars + rest.length, text, full, end)) return { chars, end: k };
    }
  }
  return { chars: counts[0]!, end: full };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether value[vi…] can continue the source at text[sj…] (characters the parser rewrites always can). */
function readsOn(value: string, vi: number, text: string, sj: number, end: number): boolean {
  if (sj >= end) return vi === value.length;
  const s = text[sj]!;
  if (s === '&' || s === '<' || s === '\r' || s === '\0') return true;
  return value[vi] === s;
}

// Segments.

/**
 * Turns the stream of words, spaces and line breaks into Segments. White space is held back
 * until a word follows, so segments never start or end with it. Outside `<pre>` a held run
 * that crosses a source line becomes one space: the browser shows one, and retext would take
 * a line break after a full stop, or a blank line, for a paragraph break. `<br>` is a line
 * break; two in a row are a blank line, which ends the segment.
 */
class Emitter {
  readonly segments: Segment[] = [];
  /** depth of `<pre>` elements, where white space shows as written */
  preformatted = 0;
  private builder = new SegmentBuilder();
  private hasContent = false;
  private spaces: { text: string; from: number; to: number; exact: boolean }[] = [];
  private spacesCrossLine = false;
  private breaks = 0;
  private breakFrom = 0;
  private breakTo = 0;

  constructor(private readonly reply: string) {}

  /** Ends the current segment (a block starts or ends). */
  boundary(): void {
    if (this.hasContent) this.segments.push(this.builder.build(this.reply));
    this.builder = new SegmentBuilder();
    this.hasContent = false;
    this.spaces = [];
    this.spacesCrossLine = false;
    this.breaks = 0;
  }

  lineBreak(from: number, to: number): void {
    // Space around a line break is not shown.
    this.spaces = [];
    this.spacesCrossLine = false;
    if (this.breaks++ === 0) {
      this.breakFrom = from;
      this.breakTo = to;
    }
  }

  space(text: string, from: number, to: number, exact: boolean): void {
    if (!this.hasContent || this.breaks > 0) return;
    this.spaces.push({ text, from, to, exact });
    if (text.includes('\n')) this.spacesCrossLine = true;
  }

  content(text: string, from: number, to: number, exact: boolean): void {
    if (this.breaks >= 2) {
      this.boundary();
    } else if (this.breaks === 1) {
      if (this.hasContent) this.builder.addReplaced('\n', this.breakFrom, this.breakTo);
      this.breaks = 0;
    } else if (this.spaces.length > 0) {
      this.flushSpaces();
    }
    if (exact) this.builder.addExact(text, from);
    else this.builder.addReplaced(text, from, to);
    this.hasContent = true;
  }

  private flushSpaces(): void {
    const { spaces } = this;
    if (this.preformatted === 0 && this.spacesCrossLine) {
      this.builder.addReplaced(' ', spaces[0]!.from, spaces[spaces.length - 1]!.to);
    } else {
      for (const s of spaces) {
        if (s.exact) this.builder.addExact(s.text, s.from);
        else this.builder.addReplaced(s.text.replaceAll(NBSP, ' '), s.from, s.to);
      }
    }
    this.spaces = [];
    this.spacesCrossLine = false;
  }
}
