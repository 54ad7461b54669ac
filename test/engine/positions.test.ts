import { describe, expect, it } from 'vitest';
import { LineIndex, stripBom } from '../../src/engine/positions.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns across \\n, \\r\\n and lone \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(text.indexOf('c'))).toEqual({ line: 2, column: 1 });
    expect(index.position(text.indexOf('f'))).toEqual({ line: 3, column: 2 });
    expect(index.position(text.indexOf('h'))).toEqual({ line: 4, column: 2 });
  });

  it('offset() inverts position() on every character, line ends included', () => {
    const text = 'ab\ncd\r\nef\rgh\n';
    const index = new LineIndex(text);
    for (let i = 0; i <= text.length; i++) {
      const { line, column } = index.position(i);
      expect(index.offset(line, column)).toBe(i);
    }
    expect(index.offset(3, 2)).toBe(text.indexOf('f'));
  });

  it('counts columns in UTF-16 code units, as ESLint and editors do', () => {
    const text = '😀 x';
    expect(new LineIndex(text).position(text.indexOf('x'))).toEqual({ line: 1, column: 4 });
  });

  it('stripBom removes only a leading byte-order mark', () => {
    expect(stripBom('\uFEFFhello')).toBe('hello');
    expect(stripBom('he\uFEFFllo')).toBe('he\uFEFFllo');
  });
});
