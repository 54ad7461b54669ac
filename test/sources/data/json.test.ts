import { describe, expect, it } from 'vitest';
import { parseJsonTree } from '../../../src/sources/data/json.js';
import { DataSyntaxError } from '../../../src/sources/data/tree.js';
import { checkTree, corpusFiles, corpusPresent } from './check.js';

/** The syntax error parseJsonTree throws for `text`. */
function syntaxError(text: string): DataSyntaxError {
  try {
    parseJsonTree(text);
  } catch (error) {
    if (error instanceof DataSyntaxError) return error;
    throw error;
  }
  throw new Error('no syntax error');
}

// In JSON, a decoded character that is not at its mapped offset must be a backslash escape.
const escapeAt = (text: string) => (at: number) => text[at] === '\\';

describe('parseJsonTree', () => {
  it('gives the value JSON.parse gives, the last duplicate key winning', () => {
    const text = '{"a": [1, true, null, {"b": "c"}], "a2": -1.5e3, "d": 1, "d": 2, "__proto__": "plain"}';
    const tree = parseJsonTree(text);
    expect(tree.value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(tree.value)).toBe(Object.prototype);
    expect(tree.offsetOf(['d'])).toBe(text.lastIndexOf('2'));
    expect(tree.problems).toEqual([]);
  });

  it('maps each escape to its backslash and the end after it past the raw escape', () => {
    const text = String.raw`{"a": "x\ny\u00e9\ud83d\ude00z\\q\/"}`;
    const located = parseJsonTree(text).stringAt(['a'])!;
    expect(located.text).toBe('x\nyé\u{1F600}z\\q/');
    expect(located.text).toBe(JSON.parse(text).a);
    // x at 7, \n at 8, y at 10, \u00e9 at 11, the surrogate pair (12 raw) at 17, z at 29, \\ at 30, q at 32, \/ at 33
    expect([...Array(11).keys()].map((i) => located.toSource(i))).toEqual([7, 8, 10, 11, 17, 17, 29, 30, 32, 33, 35]);
    expect([...Array(10).keys()].map((i) => located.toSource(i + 1, 'end'))).toEqual([8, 10, 11, 17, 29, 29, 30, 32, 33, 35]);
  });

  it('maps a string without escapes one to one and an empty string to the place between its quotes', () => {
    const text = '[\n  "plain text",\n  ""\n]';
    const tree = parseJsonTree(text);
    const plain = tree.stringAt([0])!;
    expect(plain.toSource(0)).toBe(5);
    expect(plain.toSource(6)).toBe(11);
    expect(plain.toSource(10, 'end')).toBe(15);
    const empty = tree.stringAt([1])!;
    expect(empty.text).toBe('');
    expect(empty.toSource(0)).toBe(21);
  });

  it('reads comments and finds values and property names', () => {
    const text = '// export\n{\n  /* macros */ "title": "Refund", "list": [ "x", 2 ]\n}';
    const tree = parseJsonTree(text);
    expect(tree.value).toEqual({ title: 'Refund', list: ['x', 2] });
    expect(tree.offsetOf(['title'], true)).toBe(text.indexOf('"title"'));
    expect(tree.offsetOf(['title'])).toBe(text.indexOf('"Refund"'));
    expect(tree.offsetOf(['list', 1])).toBe(text.indexOf('2 ]'));
    expect(tree.offsetOf(['list', 1], true)).toBe(text.indexOf('2 ]')); // an element has no name
    expect(tree.offsetOf([])).toBe(text.indexOf('{'));
    expect(tree.offsetOf(['missing'])).toBe(0);
    expect(tree.offsetOf(['list', 'x'])).toBe(0);
  });

  it('has no string where the value is not a string or the path is absent', () => {
    const tree = parseJsonTree('{"n": 1, "o": {"s": "x"}, "a": ["y"]}');
    expect(tree.stringAt(['n'])).toBeUndefined();
    expect(tree.stringAt(['o'])).toBeUndefined();
    expect(tree.stringAt(['o', 't'])).toBeUndefined();
    expect(tree.stringAt(['a', '0'])).toBeUndefined(); // array steps are numbers
    expect(tree.stringAt(['a', 0])!.text).toBe('y');
    expect(tree.stringAt(['n', 'x'])).toBeUndefined();
  });

  it('throws a DataSyntaxError at the offset where parsing failed, with a readable message', () => {
    expect(syntaxError('{"a": 1 "b": 2}')).toMatchObject({ message: 'a comma was expected', offset: 8 });
    expect(syntaxError('{"a": [1, 2')).toMatchObject({ message: 'a closing bracket ] was expected', offset: 11 });
    expect(syntaxError('{"a" 1}')).toMatchObject({ message: 'a colon was expected', offset: 5 });
    expect(syntaxError('{"a": 1,}')).toMatchObject({ message: 'a property name in double quotes was expected', offset: 8 });
    expect(syntaxError("{'a': 1}")).toMatchObject({ offset: 1 });
    expect(syntaxError('{"a": "tab\there"}')).toMatchObject({ message: expect.stringContaining('control character'), offset: 6 });
    expect(syntaxError('{"a": "\\q"}')).toMatchObject({ message: expect.stringContaining('unknown escape'), offset: 6 });
    expect(syntaxError('{"a": "x')).toMatchObject({ message: 'a string is not closed', offset: 6 });
    expect(syntaxError('{} []')).toMatchObject({ offset: 3 });
    expect(syntaxError('  \n')).toMatchObject({ message: 'the file is empty', offset: 0 });
  });

  it('keeps the character property on strings full of escapes', () => {
    // Every character class JSON escapes, in every form it can be written.
    const samples = ['tab\there', 'quote " and \\ back', 'line\r\nbreak', '\u0001\u001f ctrl', 'é ü 漢字', '\u{1F600}\u{1F44D}', '\ud800 lone'];
    const forms = [
      (s: string) => JSON.stringify(s),
      (s: string) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      (s: string) => JSON.stringify(s).replace(/\//g, '\\/').replace(/ /g, '\\u0020'),
    ];
    const text = `[${samples.flatMap((s) => forms.map((form) => form(s))).join(',\r\n')}]`;
    const tree = parseJsonTree(text);
    expect(tree.value).toEqual(JSON.parse(text));
    const result = checkTree(text, tree, escapeAt(text));
    expect(result.mismatches).toEqual([]);
    expect(result.strings).toBe(21);
  });
});

describe.skipIf(!corpusPresent)('parseJsonTree on the wild corpus (skipped without ../shared)', () => {
  it('maps every character of every string of every *.json file', () => {
    const files = corpusFiles(/\.json$/);
    expect(files.length).toBeGreaterThan(0);
    let strings = 0;
    for (const { file, text } of files) {
      const tree = parseJsonTree(text);
      expect(tree.value, file).toEqual(JSON.parse(text));
      const result = checkTree(text, tree, escapeAt(text));
      expect(result.mismatches, file).toEqual([]);
      strings += result.strings;
    }
    expect(strings).toBeGreaterThan(1000);
  });
});
