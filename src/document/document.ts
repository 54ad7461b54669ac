// Segments → replies made of sentences, each with normalized tokens and lazily computed tags.
import type { Paragraph, Root, Sentence as NlcstSentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Segment } from '../types.js';
import { loadedNlp, type Nlp } from './nlp.js';
import { normalizeWord, stem } from './normalize.js';

export interface Token {
  /** normalized form ("can't" gives two tokens: "can", "not") */
  norm: string;
  stem: string;
  /** the word as written, for case-sensitive phrase words */
  raw: string;
  /** offsets of the whole written word in the segment text */
  start: number;
  end: number;
}

export interface Sentence {
  segment: Segment;
  text: string;
  /** offsets in the segment text */
  start: number;
  end: number;
  tokens: Token[];
  /** set of every token norm, for cheap prefilters */
  norms: Set<string>;
  /** index of the paragraph within its reply */
  paragraph: number;
  /** index of the sentence within its reply */
  index: number;
  /** compromise's view of this sentence; built on first use */
  nlp(): NlpDoc;
}

/** A compromise document over one sentence. */
export type NlpDoc = ReturnType<Nlp>;

export interface Reply {
  key: string;
  sentences: Sentence[];
}

const parser = unified().use(retextEnglish);

/** The replies of a list of segments, in the order they first appear (the linter streams them instead: see lint-text.ts). */
export function buildReplies(segments: Segment[]): Reply[] {
  const byReply = new Map<string, Segment[]>();
  for (const segment of segments) {
    const list = byReply.get(segment.reply);
    if (list) list.push(segment);
    else byReply.set(segment.reply, [segment]);
  }
  return [...byReply].map(([key, list]) => makeReply(key, list));
}

/** One reply from its segments, in order: each parsed into paragraphs of sentences. */
export function makeReply(key: string, segments: Segment[]): Reply {
  const reply: Reply = { key, sentences: [] };
  let paragraph = 0;
  for (const segment of segments) {
    const tree = parser.parse(segment.text) as Root;
    for (const node of tree.children) if (node.type === 'ParagraphNode') addParagraph(node, segment, paragraph++, reply);
  }
  return reply;
}

function addParagraph(node: Paragraph, segment: Segment, paragraph: number, reply: Reply): void {
  for (const child of node.children) {
    if (child.type !== 'SentenceNode') continue;
    const sentence = makeSentence(child, segment, paragraph, reply.sentences.length);
    if (sentence.tokens.length > 0) reply.sentences.push(sentence);
  }
}

function makeSentence(node: NlcstSentence, segment: Segment, paragraph: number, index: number): Sentence {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const tokens: Token[] = [];
  for (const child of node.children) {
    if (child.type !== 'WordNode') continue;
    const raw = toString(child);
    const ws = child.position!.start.offset!;
    const we = child.position!.end.offset!;
    for (const norm of normalizeWord(raw)) tokens.push({ norm, stem: stem(norm), raw, start: ws, end: we });
  }
  // A noun's "'s" before "been" is "has", not a possessive: "the refund's been approved".
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm === "'s" && tokens[i + 1]!.norm === 'been') tokens[i] = { ...tokens[i]!, norm: 'has', stem: stem('has') };
  }
  const text = segment.text.slice(start, end);
  let doc: NlpDoc | undefined;
  return {
    segment,
    text,
    start,
    end,
    tokens,
    norms: new Set(tokens.map((t) => t.norm)),
    paragraph,
    index,
    nlp: () => (doc ??= loadedNlp()(text) as NlpDoc),
  };
}
