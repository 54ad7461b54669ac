import { describe, expect, it } from 'vitest';
import { parseJsonLinesTree } from '../../../src/sources/data/jsonl.js';
import { checkTree } from './check.js';

describe('parseJsonLinesTree', () => {
  it('reads one value per non-blank line, with \\r\\n endings, in file offsets', () => {
    const text = '{"id": 1, "body": "Hi\\nthere"}\r\n\r\n   \n["a", "b"]\r\n"last"';
    const tree = parseJsonLinesTree(text);
    expect(tree.value).toEqual([{ id: 1, body: 'Hi\nthere' }, ['a', 'b'], 'last']);
    expect(tree.problems).toEqual([]);
    const body = tree.stringAt([0, 'body'])!;
    expect(body.text).toBe('Hi\nthere');
    expect([0, 1, 2, 3].map((i) => body.toSource(i))).toEqual([19, 20, 21, 23]);
    const line2 = text.indexOf('["a"');
    expect(tree.stringAt([1, 1])!.toSource(0)).toBe(line2 + 7);
    expect(tree.stringAt([2])!.toSource(0)).toBe(text.length - 5);
    expect(tree.offsetOf([1])).toBe(line2);
    expect(tree.offsetOf([0, 'body'], true)).toBe(10);
    expect(tree.offsetOf([0, 'missing'])).toBe(0);
    expect(tree.offsetOf([3])).toBe(0);
    expect(tree.stringAt(['0', 'body'])).toBeUndefined();
  });

  it('records a line that is not JSON as a problem at the error, leaves it null and reads on', () => {
    const text = '{"a": "x"}\n{"a": "y" "b": 1}\n\n{"a": "z"}\nnot json\n';
    const tree = parseJsonLinesTree(text);
    expect(tree.value).toEqual([{ a: 'x' }, null, { a: 'z' }, null]);
    expect(tree.problems).toEqual([
      { message: 'this line is not JSON: a comma was expected', offset: 21 },
      { message: 'this line is not JSON: this is not valid JSON (strings and keys need double quotes)', offset: 41 },
    ]);
    expect(tree.stringAt([1, 'a'])).toBeUndefined();
    expect(tree.offsetOf([1])).toBe(11); // the bad line's start
    expect(tree.offsetOf([1, 'a'])).toBe(0);
    expect(tree.stringAt([2, 'a'])!.toSource(0)).toBe(text.indexOf('z'));
  });

  it('reads a line with a comment, and lines in any order', () => {
    const text = '{"a": "one"} // first\n{"a": "two"}\n';
    const tree = parseJsonLinesTree(text);
    expect(tree.value).toEqual([{ a: 'one' }, { a: 'two' }]);
    expect(tree.problems).toEqual([]);
    expect(tree.stringAt([1, 'a'])!.toSource(0)).toBe(29);
    expect(tree.stringAt([0, 'a'])!.toSource(0)).toBe(7);
    expect(tree.offsetOf([1, 'a'], true)).toBe(23);
  });

  it('keeps the character property on every string', () => {
    const lines = [{ t: 'tab\there "q" \\ \u00e9 \u{1F600}' }, ['\r\n', '/', ''], 'plain'];
    const text = lines.map((v) => JSON.stringify(v).replace(/\u00e9/g, '\\u00e9')).join('\n') + '\n';
    const tree = parseJsonLinesTree(text);
    const result = checkTree(text, tree, (at) => text[at] === '\\');
    expect(result.mismatches).toEqual([]);
    expect(result.strings).toBe(5);
  });
});
