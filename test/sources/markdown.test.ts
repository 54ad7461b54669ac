// Markdown → segments: only prose, with offsets that map back into the Markdown source.
import { describe, expect, it } from 'vitest';
import { markdownSegments } from '../../src/sources/markdown.js';
import { OPAQUE_TOKEN } from '../../src/sources/opaque.js';
import type { Segment } from '../../src/types.js';

/** The source text at the mapped span of `needle` inside a segment. */
function sourceOf(text: string, segment: Segment, needle: string): string {
  const at = segment.text.indexOf(needle);
  expect(at, `"${needle}" in "${segment.text}"`).toBeGreaterThanOrEqual(0);
  return text.slice(segment.toSource(at), segment.toSource(at + needle.length, 'end'));
}

describe('markdownSegments', () => {
  it('makes one segment per prose block and none for code, html, front matter or rules', () => {
    const text = '---\ntitle: x\n---\n\n# Heading here\n\nFirst paragraph.\n\n```\ncode block\n```\n\n<div>html</div>\n\n---\n\n- item one\n- item two\n';
    const segments = markdownSegments(text, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Heading here', 'First paragraph.', 'item one', 'item two']);
  });

  it('replaces inline code and bare URLs with one opaque word, keeping link text', () => {
    const text = 'Run `npm ci` then see [the guide](https://example.com/guide) or <https://example.com>.';
    const [segment] = markdownSegments(text, 'r');
    expect(segment!.text).toBe(`Run ${OPAQUE_TOKEN} then see the guide or ${OPAQUE_TOKEN}.`);
    expect(sourceOf(text, segment!, 'the guide')).toBe('the guide');
  });

  it('maps words through emphasis, blockquote markers, list indentation and escapes', () => {
    const text = '> We **cannot** help\n> with that \\*today\\*.\n\n1. Step one\n   continues here.\n';
    const [quote, item] = markdownSegments(text, 'r');
    expect(quote!.text).toBe('We cannot help\nwith that *today*.');
    expect(sourceOf(text, quote!, 'cannot')).toBe('cannot');
    expect(sourceOf(text, quote!, 'with that')).toBe('with that');
    expect(sourceOf(text, quote!, 'today')).toBe('today');
    expect(sourceOf(text, item!, 'continues here')).toBe('continues here');
  });

  it('maps decoded entities onto their source span', () => {
    const text = 'Tom &amp; Jerry are here.';
    const [segment] = markdownSegments(text, 'r');
    expect(segment!.text).toBe('Tom & Jerry are here.');
    expect(sourceOf(text, segment!, 'Jerry are here')).toBe('Jerry are here');
  });
});
