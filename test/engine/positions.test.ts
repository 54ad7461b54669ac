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

  it('counts columns in UTF-16 code units, as ESLint and editors do', () => {
    const text = '😀 x';
    expect(new LineIndex(text).position(text.indexOf('x'))).toEqual({ line: 1, column: 4 });
  });

  it('stripBom removes only a leading byte-order mark', () => {
    expect(stripBom('\uFEFFhello')).toBe('hello');
    expect(stripBom('he\uFEFFllo')).toBe('he\uFEFFllo');
  });
});
