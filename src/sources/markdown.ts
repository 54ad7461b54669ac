// Markdown replies (GitHub-flavoured: tables, bare URLs, strikethrough, footnotes): each prose
// block (paragraph, heading, table cell) becomes a Segment.
// Code, inline code, raw HTML (comments included), front matter, URLs and images are not prose.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Segment } from '../types.js';
import { OPAQUE_TOKEN } from './opaque.js';
import { through } from './located.js';
import { plaintextSegments } from './plaintext.js';
import { SegmentBuilder } from './segment.js';

// Built once: constructing the syntax extensions costs about as much as parsing a short reply.
const PARSE_OPTIONS = {
  extensions: [frontmatter(['yaml', 'toml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
};

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
  const tree = fromMarkdown(text, PARSE_OPTIONS);
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
