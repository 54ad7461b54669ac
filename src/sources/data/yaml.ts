// YAML as a DataTree: the yaml package parses and resolves; each string scalar is decoded again
// here from its source token, with the package's own folding rules, so every character maps back.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type CST, type Document } from 'yaml';
import type { LocatedText } from '../located.js';
import { yamlBlock, yamlDoubleQuoted, yamlPlain, yamlSingleQuoted } from '../encode.js';
import { SegmentBuilder } from '../segment.js';
import { checkNesting, DataSyntaxError, type DataPath, type DataTree } from './tree.js';

/**
 * Parses a YAML stream. With one document (empty documents, as in "---\n---\n...", do not count)
 * the value is that document's; with several, it is the array of their values and paths start
 * with the document's index. Aliases are resolved: a string reached through an alias maps to the
 * text of its anchored node. Keys merged with "<<" are not followed by paths.
 */
export function parseYamlTree(text: string): DataTree {
  checkNesting(text, 0, text.length, false);
  const all = parseAllDocuments(text, { keepSourceTokens: true, prettyErrors: false });
  for (const doc of all) {
    const problem = doc.errors[0];
    if (problem) throw new DataSyntaxError(problem.message.split('\n')[0]!, problem.pos[0]);
  }
  const documents = all.filter((doc) => !isEmptyDocument(doc));
  const several = documents.length > 1;
  const locate = (path: DataPath): Located | undefined => {
    if (!several) return documents[0] && nodeAt(documents[0], path);
    const doc = typeof path[0] === 'number' ? documents[path[0]] : undefined;
    return doc && nodeAt(doc, path.slice(1));
  };
  return {
    value: several ? documents.map(documentValue) : documents[0] ? documentValue(documents[0]) : null,
    stringAt(path) {
      const found = locate(path);
      const node = found && resolve(found.node, found.doc);
      if (!isScalar(node) || typeof node.value !== 'string') return undefined;
      // An empty node tagged !!str has no source token: its empty text sits at the node's place.
      return node.srcToken ? decodeScalar(node.srcToken) : { text: '', toSource: () => node.range?.[0] ?? 0 };
    },
    offsetOf(path, key = false) {
      const found = locate(path);
      if (!found) return 0;
      return (key && found.key ? found.key : found.node)?.range?.[0] ?? 0;
    },
    problems: [],
  };
}

type YamlDocument = Document.Parsed;
type YamlNode = NonNullable<YamlDocument['contents']>;

interface Located {
  doc: YamlDocument;
  node: YamlNode;
  /** the key of the map entry holding `node`, when the last step was a map key */
  key?: YamlNode;
}

/** A document with no content ("---" alone, or only comments) holds a null scalar with no source. */
function isEmptyDocument(doc: YamlDocument): boolean {
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.srcToken);
}

/** The document's plain value; a file that expands aliases too much (a "billion laughs") is refused. */
function documentValue(doc: YamlDocument): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    if (error instanceof ReferenceError) throw new DataSyntaxError(error.message, doc.range[0]);
    throw error;
  }
}

function resolve(node: unknown, doc: YamlDocument): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The node at `path` in the document, following aliases; with duplicate keys the last, as in the value. */
function nodeAt(doc: YamlDocument, path: DataPath): Located | undefined {
  if (!doc.contents) return undefined;
  let found: Located = { doc, node: doc.contents };
  for (const step of path) {
    const node = resolve(found.node, doc);
    if (isMap(node)) {
      const pair = node.items.findLast((p) => keyName(p.key) === String(step));
      if (!pair?.value) return undefined;
      found = { doc, node: pair.value as YamlNode, key: pair.key as YamlNode };
    } else if (isSeq(node)) {
      const item = typeof step === 'number' ? node.items[step] : undefined;
      if (!item) return undefined;
      found = { doc, node: item as YamlNode };
    } else return undefined;
  }
  return found;
}

/** The key as the value's object has it (toJS turns a null key into ""); undefined for complex keys. */
function keyName(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  if (key.value === null) return '';
  return typeof key.value === 'object' ? undefined : String(key.value);
}

function decodeScalar(token: CST.Token): LocatedText | undefined {
  switch (token.type) {
    case 'block-scalar':
      return { ...decodeBlock(token), encode: yamlBlock };
    case 'double-quoted-scalar':
      return { ...decodeDoubleQuoted(token.source, token.offset), encode: yamlDoubleQuoted };
    case 'single-quoted-scalar': {
      const d = new Decoder(token.source, token.offset, token.offset + 1);
      unfold(d, 1, token.source.length - 1, (from, to) => copyUnquoting(d, from, to));
      return { ...d.done(), encode: yamlSingleQuoted };
    }
    case 'scalar': {
      const d = new Decoder(token.source, token.offset, token.offset);
      unfold(d, 0, token.source.length, (from, to) => d.copy(from, to));
      return { ...d.done(), encode: yamlPlain };
    }
    default:
      return undefined;
  }
}

type Span = [start: number, end: number];

/**
 * Decoded text and its map, built in order from a token's source (positions relative to it):
 * copied runs, replaced pieces (escapes, kept line breaks), and folds, the spaces or newlines that
 * stand for a group of line breaks. A fold's characters map to the group's last breaks, since
 * folding drops the first one.
 */
class Decoder {
  private text = '';
  private readonly builder = new SegmentBuilder();
  private run: Span | undefined;
  private folds = '';
  private breaks: Span[] = [];

  constructor(
    readonly source: string,
    private readonly base: number,
    /** file offset that an empty result maps to */
    private readonly emptyAt: number,
  ) {}

  copy(from: number, to: number): void {
    if (from >= to) return;
    this.flushFolds();
    this.text += this.source.slice(from, to);
    if (this.run && this.run[1] === from) this.run[1] = to;
    else {
      this.flushRun();
      this.run = [from, to];
    }
  }

  replaced(text: string, from: number, to: number): void {
    this.flushFolds();
    this.text += text;
    this.builder.addReplaced(text, this.base + from, this.base + to);
  }

  /** A line break of the source that the next fold may stand for. */
  lineBreak(span: Span): void {
    this.breaks.push(span);
  }

  fold(chars: string): void {
    this.flushRun();
    this.folds += chars;
    this.text += chars;
  }

  endsWithNewline(): boolean {
    return this.text.endsWith('\n');
  }

  done(): LocatedText {
    this.flushFolds();
    const segment = this.builder.build('');
    return { text: this.text, toSource: this.builder.length > 0 ? segment.toSource : () => this.emptyAt };
  }

  private flushRun(): void {
    if (this.run) this.builder.addExact(this.source.slice(this.run[0], this.run[1]), this.base + this.run[0]);
    this.run = undefined;
  }

  private flushFolds(): void {
    this.flushRun();
    const { folds, breaks } = this;
    for (let k = 0; k < folds.length; k++) {
      const [from, to] = breaks[Math.max(0, breaks.length - folds.length + k)]!;
      this.builder.addReplaced(folds[k]!, this.base + from, this.base + to);
    }
    this.folds = '';
    this.breaks = [];
  }
}

/** The span of the line break whose "\n" is at `nl` ("\r\n" counts whole). */
function breakAt(source: string, nl: number): Span {
  return [source[nl - 1] === '\r' ? nl - 1 : nl, nl + 1];
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Plain and single-quoted line folding on source[from, to): lines are trimmed (the first only at
 * its end, the last only at its start), one line break becomes a space, n > 1 become n - 1 newlines.
 */
function unfold(d: Decoder, from: number, to: number, copyLine: (from: number, to: number) => void): void {
  const { source } = d;
  let nl = source.indexOf('\n', from);
  if (nl < 0 || nl >= to) return copyLine(from, to);
  let end = breakAt(source, nl)[0];
  while (end > from && isBlank(source[end - 1])) end--;
  copyLine(from, end);
  let sep = ' ';
  for (;;) {
    d.lineBreak(breakAt(source, nl));
    let start = nl + 1;
    while (start < to && isBlank(source[start])) start++;
    nl = source.indexOf('\n', start);
    if (nl < 0 || nl >= to) {
      d.fold(sep);
      return copyLine(start, to);
    }
    end = breakAt(source, nl)[0];
    while (end > start && isBlank(source[end - 1])) end--;
    if (end > start) {
      d.fold(sep);
      copyLine(start, end);
      sep = ' ';
    } else if (sep === '\n') d.fold('\n');
    else sep = '\n';
  }
}

/** Single-quoted text: '' is one quote, mapped to the first of the two. */
function copyUnquoting(d: Decoder, from: number, to: number): void {
  const { source } = d;
  for (let q = source.indexOf("''", from); q >= 0 && q < to; q = source.indexOf("''", from)) {
    d.copy(from, q);
    d.replaced("'", q, q + 2);
    from = q + 2;
  }
  d.copy(from, to);
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Double-quoted text (the package's doubleQuotedValue, with positions): escapes and line folding. */
function decodeDoubleQuoted(source: string, offset: number): LocatedText {
  const d = new Decoder(source, offset, offset + 1);
  for (let i = 1; i < source.length - 1; i++) {
    const ch = source[i]!;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      // Fold this break with the blank lines after it: one break is a space, n > 1 are n - 1 newlines.
      d.lineBreak(breakAt(source, i));
      let newlines = '';
      for (let next = source[i + 1]; isBlank(next) || next === '\n' || next === '\r'; next = source[i + 1]) {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') {
          newlines += '\n';
          d.lineBreak(breakAt(source, i + 1));
        }
        i++;
      }
      d.fold(newlines || ' ');
    } else if (ch === '\\') {
      const next = source[++i]!;
      if (ESCAPES[next] !== undefined) d.replaced(ESCAPES[next], i - 1, i + 1);
      else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines: the break and the next line's indentation vanish.
        if (next === '\r') i++;
        while (isBlank(source[i + 1])) i++;
      } else {
        const length = HEX_LENGTH[next]!;
        d.replaced(String.fromCodePoint(parseInt(source.slice(i + 1, i + 1 + length), 16)), i - 1, i + 1 + length);
        i += length;
      }
    } else if (isBlank(ch)) {
      // Blanks before a line break are trimmed.
      const start = i;
      while (isBlank(source[i + 1])) i++;
      const after = source[i + 1];
      if (after !== '\n' && !(after === '\r' && source[i + 2] === '\n')) d.copy(start, i + 1);
    } else d.copy(i, i + 1);
  }
  return d.done();
}

interface BlockLine {
  /** where the line starts, in the block's body */
  start: number;
  /** leading spaces */
  indent: number;
  /** end of the content, a "\r" of "\r\n" excluded */
  end: number;
  /** the line's break; empty at the end of the body */
  lineBreak: Span;
}

/** The body of a block scalar as lines (the package's splitLines, with positions). */
function blockLines(body: string): BlockLine[] {
  const lines: BlockLine[] = [];
  for (let start = 0; ; ) {
    const nl = body.indexOf('\n', start);
    let indent = 0;
    while (body[start + indent] === ' ') indent++;
    if (nl < 0) {
      lines.push({ start, indent, end: body.length, lineBreak: [body.length, body.length] });
      return lines;
    }
    const lineBreak = breakAt(body, nl);
    lines.push({ start, indent, end: lineBreak[0], lineBreak });
    start = nl + 1;
  }
}

/**
 * A literal (|) or folded (>) block scalar (the package's resolveBlockScalar, with positions):
 * indentation is skipped, kept line breaks map to the source breaks, folded ones to the breaks
 * they stand for, and chomping (-, +) decides the final breaks.
 */
function decodeBlock(token: CST.BlockScalar): LocatedText {
  const head = token.props[0];
  const header = head?.type === 'block-scalar-header' ? head.source : '';
  const literal = header[0] === '|';
  const chomp = /[-+]/.exec(header)?.[0] ?? '';
  const indicator = Number(/[1-9]/.exec(header)?.[0] ?? 0);
  // The body starts after the header line (indicators, comment, line break).
  let bodyStart = token.offset;
  for (const prop of token.props) if ('source' in prop) bodyStart = prop.offset + prop.source.length;
  const body = token.source;
  const d = new Decoder(body, bodyStart, bodyStart);
  const lines = body ? blockLines(body) : [];
  const isEmpty = (line: BlockLine) => line.end === line.start + line.indent;

  let chompStart = lines.length;
  while (chompStart > 0 && isEmpty(lines[chompStart - 1]!)) chompStart--;
  if (chompStart === 0) {
    // No content: only kept (+) chomping leaves line breaks.
    if (chomp === '+' && lines.length > 0) {
      const count = Math.max(1, lines.length - 1);
      for (let k = 0; k < count; k++) d.replaced('\n', ...lines[Math.min(k, lines.length - 1)]!.lineBreak);
    }
    return d.done();
  }

  // Indentation: the indicator's, or that of the first content line (or of a deeper leading empty line).
  let trimIndent = token.indent + indicator;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i]!;
    if (!isEmpty(line)) {
      if (indicator === 0) trimIndent = line.indent;
      contentStart = i;
      break;
    }
    if (indicator === 0 && line.indent > trimIndent) trimIndent = line.indent;
  }
  // Trailing empty lines indented deeper than the content are content.
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if (lines[i]!.indent > trimIndent) chompStart = i + 1;
  }
  const copyIndented = (line: BlockLine) => d.copy(line.start + Math.min(trimIndent, line.indent), line.end);
  // Without an indentation indicator the first content line sets the block's indentation: if the
  // next one is indented deeper, removing the first would make YAML read the block at the deeper
  // indentation and the lines after it as broken. Such a first line cannot be removed whole.
  const first = lines[contentStart]!;
  const next = lines.slice(contentStart + 1, chompStart).find((line) => !isEmpty(line));
  const keepFirst = indicator === 0 && next !== undefined && next.indent > trimIndent;
  const firstStart = bodyStart + first.start + first.indent;

  // Leading empty lines are kept whole.
  for (let i = 0; i < contentStart; i++) {
    copyIndented(lines[i]!);
    d.replaced('\n', ...lines[i]!.lineBreak);
  }
  let sep = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i]!;
    if (literal) {
      if (i > contentStart) d.replaced('\n', ...lines[i - 1]!.lineBreak);
      copyIndented(line);
      continue;
    }
    // Folded: breaks between text lines become spaces; around more-indented lines and empty lines they are kept.
    if (line.indent > trimIndent || body[line.start + line.indent] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      d.fold(sep);
      copyIndented(line);
      sep = '\n';
      prevMoreIndented = true;
    } else if (isEmpty(line)) {
      if (sep === '\n') d.fold('\n');
      else sep = '\n';
    } else {
      d.fold(sep);
      d.copy(line.start + line.indent, line.end);
      sep = ' ';
      prevMoreIndented = false;
    }
    d.lineBreak(line.lineBreak);
  }

  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) {
      d.replaced('\n', ...lines[i - 1]!.lineBreak);
      copyIndented(lines[i]!);
    }
    if (!d.endsWithNewline()) d.replaced('\n', ...lines[lines.length - 1]!.lineBreak);
  } else if (chomp === '') d.replaced('\n', ...lines[chompStart - 1]!.lineBreak);
  const decoded = d.done();
  if (!keepFirst) return decoded;
  // Removable when something of the first line's text is left (trailing spaces do not count).
  const firstText = body.slice(first.start + first.indent, first.end).trimEnd();
  return { ...decoded, canRemove: (start, end) => !(start <= firstStart && end >= firstStart + firstText.length) };
}
