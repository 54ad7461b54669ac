// Markdown replies (GitHub-flavoured: tables, bare URLs, strikethrough, footnotes): each prose
// block (paragraph, heading, table cell) becomes a Segment.
// Code, inline code, raw HTML (comments included), front matter, URLs and images are not prose.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Segment } from '../types.js';
import { OPAQUE_TOKEN } from './opaque.js';
import { through } from './located.js';
import { plaintextSegments } from './plaintext.js';
import { SegmentBuilder } from './segment.js';

// A syntax extension, as each package's factory makes it.
type Extension = ReturnType<typeof gfmTable>;

/**
 * The syntax extensions beyond CommonMark (front matter, then GFM's in the order
 * micromark-extension-gfm combined them),
 * each with what a text must contain for it to occur: a table needs a pipe, strikethrough a
 * tilde, a footnote "[^", a task item a box, an autolink literal "www.", "://" or an e-mail's
 * "@", front matter a fence at the very start. Each extension a parser carries makes every file
 * slower (all of them: ~40%), so a file is parsed with those it can contain and no others: the
 * tree is the same (test/sources/markdown-extensions.test.ts checks it against the full set).
 */
const SYNTAX: Array<{ extension: () => Extension; mayOccur: (text: string) => boolean }> = [
  { extension: () => frontmatter(['yaml', 'toml']), mayOccur: (text) => /^\uFEFF?(?:---|\+\+\+)/.test(text) },
  { extension: gfmAutolinkLiteral, mayOccur: (text) => /www\.|:\/\/|@/i.test(text) },
  { extension: gfmFootnote, mayOccur: (text) => text.includes('[^') },
  { extension: gfmStrikethrough, mayOccur: (text) => text.includes('~') },
  { extension: gfmTable, mayOccur: (text) => text.includes('|') },
  { extension: gfmTaskListItem, mayOccur: (text) => /\[[\sxX]\]/.test(text) },
];

// The tree side of every extension: each only acts on the tokens its syntax made.
const MDAST_EXTENSIONS = [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()];

// Built once per set of extensions (constructing one costs about as much as parsing a short reply).
const optionsBySet = new Map<number, { extensions: Extension[]; mdastExtensions: typeof MDAST_EXTENSIONS }>();

/** The parser options for this text: the extensions whose syntax it may contain (`all`: every one). */
export function markdownOptions(text: string, all = false) {
  let set = 0;
  SYNTAX.forEach(({ mayOccur }, i) => {
    if (all || mayOccur(text)) set |= 1 << i;
  });
  let options = optionsBySet.get(set);
  if (!options) {
    options = { extensions: SYNTAX.filter((_, i) => set & (1 << i)).map(({ extension }) => extension()), mdastExtensions: MDAST_EXTENSIONS };
    optionsBySet.set(set, options);
  }
  return options;
}

// Fence labels that mean "this is prose" (a saved reply kept verbatim), and how to read it.
const PROSE_FENCES: Record<string, 'markdown' | 'text'> = { md: 'markdown', markdown: 'markdown', text: 'text', txt: 'text', plain: 'text', plaintext: 'text' };

export interface MarkdownOptions {
  /**
   * Which fenced blocks hold prose: 'prose' (default) those labelled md, markdown, text, txt or
   * plain; 'all' also unlabelled ones (saved-replies files keep each reply in a bare fence);
   * 'none': no fence is prose. A fence labelled with any other language is always code.
   */
  fences?: 'prose' | 'all' | 'none';
}

export function markdownSegments(text: string, reply: string, options: MarkdownOptions = {}): Segment[] {
  const tree = fromMarkdown(text, markdownOptions(text));
  const segments: Segment[] = [];
  const fences = options.fences ?? 'prose';
  let fenceCount = 0;

  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const b = new SegmentBuilder();
        for (const child of node.children) inline(child, b);
        if (/\S/.test(builderText(b))) segments.push(b.build(reply));
        return;
      }
      case 'root':
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'table':
      case 'tableRow':
      case 'footnoteDefinition':
        for (const child of node.children as RootContent[]) block(child);
        return;
      case 'code': {
        const lang = node.lang?.toLowerCase();
        const as = lang ? PROSE_FENCES[lang] : fences === 'all' ? 'text' : undefined;
        if (!as || fences === 'none' || node.position?.start.offset === undefined) return;
        // Each fenced reply is a reply of its own (windows such as "rest of reply" stop at it).
        segments.push(...fencedSegments(text, node.position.start.offset, node.position.end.offset!, node.value, as, `${reply}#fence-${++fenceCount}`, options));
        return;
      }
      default:
        // html, yaml/toml front matter, thematicBreak, definition: not prose
        return;
    }
  };

  const inline = (node: PhrasingContent, b: SegmentBuilder): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'text':
        b.addAligned(node.value, text.slice(start, end), start);
        return;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        for (const child of node.children) inline(child, b);
        return;
      case 'link': {
        // An autolink or a link whose text is its URL is not prose.
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type === 'text' && (only.value === node.url || /^(https?:|mailto:|www\.)/i.test(only.value))) {
          b.addReplaced(OPAQUE_TOKEN, start, end);
        } else {
          for (const child of node.children) inline(child, b);
        }
        return;
      }
      case 'inlineCode':
        b.addReplaced(OPAQUE_TOKEN, start, end);
        return;
      case 'break':
        b.addReplaced('\n', start, end);
        return;
      default:
        // image, imageReference, inline html, footnoteReference: keep words apart, nothing more
        b.addReplaced(' ', start, end);
        return;
    }
  };

  block(tree);
  return segments;
}

/** The inside of a fenced block, read as prose and mapped back through its indentation. */
function fencedSegments(text: string, start: number, end: number, value: string, as: 'markdown' | 'text', reply: string, options: MarkdownOptions): Segment[] {
  const bodyStart = text.indexOf('\n', start) + 1;
  if (bodyStart <= 0 || bodyStart >= end) return [];
  const body = new SegmentBuilder().addAligned(value, text.slice(bodyStart, end), bodyStart).build(reply);
  const inner = as === 'markdown' ? markdownSegments(value, reply, { ...options, fences: 'none' }) : plaintextSegments(value, reply);
  return inner.map((segment) => through(segment, body));
}

function builderText(b: SegmentBuilder): string {
  return b.build('').text;
}
