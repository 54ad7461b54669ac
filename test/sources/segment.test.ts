import { describe, expect, it } from 'vitest';
import { SegmentBuilder } from '../../src/sources/segment.js';

describe('SegmentBuilder', () => {
  it('maps exact pieces one to one and replaced pieces to their span start and end', () => {
    const segment = new SegmentBuilder().addExact('Hello ', 10).addReplaced('X', 30, 42).addExact(' there', 42).build('r');
    expect(segment.text).toBe('Hello X there');
    expect(segment.toSource(0)).toBe(10);
    expect(segment.toSource(5)).toBe(15);
    expect(segment.toSource(6)).toBe(30); // inside the replaced piece
    expect(segment.toSource(8)).toBe(43);
    expect(segment.toSource(segment.text.length, 'end')).toBe(48); // the end maps past the last piece
    expect(segment.toSource(5, 'end')).toBe(15); // "Hello" ends before the space
    expect(segment.toSource(7, 'end')).toBe(42); // an end inside a replaced piece is its span end
  });

  it('aligns decoded entities and keeps aligning after a character with no twin', () => {
    const source = 'caf&eacute; &amp; more';
    const segment = new SegmentBuilder().addAligned('café & more', source, 0).build('r');
    expect(source.slice(segment.toSource(7), segment.toSource(11, 'end'))).toBe('more');
  });

  it('aligns text with dropped characters to the source', () => {
    const source = 'a\n> b';
    const segment = new SegmentBuilder().addAligned('a\nb', source, 100).build('r');
    expect(segment.toSource(2)).toBe(104);
  });
});
