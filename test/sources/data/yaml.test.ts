import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DataSyntaxError } from '../../../src/sources/data/tree.js';
import { parseYamlTree } from '../../../src/sources/data/yaml.js';
import { checkTree, corpusFiles, corpusPresent, seededRandom } from './check.js';

/** The syntax error parseYamlTree throws for `text`. */
function syntaxError(text: string): DataSyntaxError {
  try {
    parseYamlTree(text);
  } catch (error) {
    if (error instanceof DataSyntaxError) return error;
    throw error;
  }
  throw new Error('no syntax error');
}

/** A YAML character may differ from its source only as an escape or as a line break that was folded or kept. */
const replacedIn = (text: string) => (at: number, decoded: string) =>
  text[at] === '\\' || ((decoded === ' ' || decoded === '\n') && (text[at] === '\n' || text[at] === '\r' || at === text.length));

/** toSource of each offset in `offsets`. */
const mapped = (text: string, path: Array<string | number>, offsets: number[], bias?: 'end') => {
  const located = parseYamlTree(text).stringAt(path)!;
  return offsets.map((i) => located.toSource(i, bias));
};

describe('parseYamlTree', () => {
  it('folds a multi-line plain scalar, a break to a space mapped to that break', () => {
    const text = 'reply: Thanks for\n  writing in.\n\n  We fixed it.\n';
    const tree = parseYamlTree(text);
    expect(tree.stringAt(['reply'])!.text).toBe('Thanks for writing in.\nWe fixed it.');
    // the space stands for the break at 17; the newline for the second break (32), the first being folded away
    expect(mapped(text, ['reply'], [0, 9, 10, 11, 21, 22, 23, 34, 35])).toEqual([7, 16, 17, 20, 30, 32, 35, 46, 47]);
    expect(mapped(text, ['reply'], [11, 23], 'end')).toEqual([18, 33]);
    expect(tree.offsetOf(['reply'])).toBe(7);
    expect(tree.offsetOf(['reply'], true)).toBe(0);
  });

  it("reads '' in a single-quoted scalar as one quote mapped to the first", () => {
    const text = "a: 'it''s\n  here'\n";
    const tree = parseYamlTree(text);
    expect(tree.stringAt(['a'])!.text).toBe("it's here");
    expect(mapped(text, ['a'], [0, 1, 2, 3, 4, 5, 8, 9])).toEqual([4, 5, 6, 8, 9, 12, 15, 16]);
    expect(mapped(text, ['a'], [3], 'end')).toEqual([8]);
  });

  it('decodes double-quoted escapes, escaped line breaks and folding', () => {
    const text = 'b: "a\\tb \\u00e9\\U0001F600c\\\n    d  \n\n  e"\n';
    const located = parseYamlTree(text).stringAt(['b'])!;
    expect(located.text).toBe('a\tb é\u{1F600}cd\ne');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => located.toSource(i))).toEqual([4, 5, 7, 8, 9, 15, 15, 25, 32, 36, 39, 40]);
    expect([7, 10].map((i) => located.toSource(i, 'end'))).toEqual([25, 37]);
  });

  it('keeps a literal block with an indentation indicator, keep chomping and CRLF breaks', () => {
    const text = 'k: |2+\r\n   indented\r\n  line\r\n\r\n';
    const located = parseYamlTree(text).stringAt(['k'])!;
    expect(located.text).toBe(' indented\nline\n\n');
    expect([0, 1, 8, 9, 10, 13, 14, 15, 16].map((i) => located.toSource(i))).toEqual([10, 11, 18, 19, 23, 26, 27, 29, 31]);
    expect(located.toSource(10, 'end')).toBe(21); // past the whole \r\n
  });

  it('strips (|-) and clips (|) the final breaks of literal blocks', () => {
    const text = 'a: |-\n  one\n\n  two\n\n\nb: |\n    x\n';
    const tree = parseYamlTree(text);
    expect(tree.value).toEqual({ a: 'one\n\ntwo', b: 'x\n' });
    expect(mapped(text, ['a'], [0, 3, 4, 5, 8])).toEqual([8, 11, 12, 15, 18]);
    expect(mapped(text, ['b'], [0, 1, 2])).toEqual([30, 31, 32]);
  });

  it('folds a > block, keeping breaks around more-indented and blank lines', () => {
    const text = 'f: >\n  one\n  two\n\n  three\n    more\n  four\n';
    const located = parseYamlTree(text).stringAt(['f'])!;
    expect(located.text).toBe('one two\nthree\n  more\nfour\n');
    const offsets = [0, 2, 3, 4, 6, 7, 8, 12, 13, 14, 15, 16, 19, 20, 21, 24, 25, 26];
    expect(offsets.map((i) => located.toSource(i))).toEqual([7, 9, 10, 13, 15, 17, 20, 24, 25, 28, 29, 30, 33, 34, 37, 40, 41, 42]);
  });

  it('maps an empty string to where it would be', () => {
    const text = "a: ''\nb: \"\"\nc: |-\n\nd: !!str\ne: x\n";
    const tree = parseYamlTree(text);
    expect(tree.value).toEqual({ a: '', b: '', c: '', d: '', e: 'x' });
    expect(tree.stringAt(['d'])!.toSource(0)).toBe(27);
    expect(tree.stringAt(['a'])!.toSource(0)).toBe(4);
    expect(tree.stringAt(['b'])!.toSource(0)).toBe(10);
    expect(tree.stringAt(['c'])!.toSource(0)).toBe(18);
  });

  it('reads the one non-empty document as the value, several as an array', () => {
    expect(parseYamlTree('---\n---\nreply: hi\n').value).toEqual({ reply: 'hi' });
    expect(parseYamlTree('---\n---\nreply: hi\n').stringAt(['reply'])!.toSource(0)).toBe(15);
    const text = 'a: 1\n---\nb: text\n';
    const tree = parseYamlTree(text);
    expect(tree.value).toEqual([{ a: 1 }, { b: 'text' }]);
    expect(tree.stringAt([1, 'b'])!.toSource(0)).toBe(12);
    expect(tree.stringAt(['b'])).toBeUndefined();
    expect(tree.offsetOf([1])).toBe(9);
    expect(parseYamlTree('').value).toBeNull();
    expect(parseYamlTree('# only a comment\n').value).toBeNull();
  });

  it('resolves aliases, mapping their strings to the anchored text', () => {
    const text = 'base: &r "Hello there"\nother: *r\nlist:\n  - *r\n  - plain\n';
    const tree = parseYamlTree(text);
    expect(tree.value).toEqual({ base: 'Hello there', other: 'Hello there', list: ['Hello there', 'plain'] });
    expect(tree.stringAt(['other'])!.toSource(0)).toBe(10);
    expect(tree.stringAt(['list', 0])!.toSource(6)).toBe(16);
    expect(tree.offsetOf(['other'])).toBe(text.indexOf('*r'));
    expect(tree.stringAt(['list', 1])!.toSource(0)).toBe(text.indexOf('plain'));
  });

  it('has no string for numbers, booleans, null, absent paths or mismatched steps', () => {
    const tree = parseYamlTree('n: 12\nt: true\nz:\ns: [x]\n1: one\n');
    expect(tree.stringAt(['n'])).toBeUndefined();
    expect(tree.stringAt(['t'])).toBeUndefined();
    expect(tree.stringAt(['z'])).toBeUndefined();
    expect(tree.stringAt(['s', '0'])).toBeUndefined();
    expect(tree.stringAt(['s', 0])!.text).toBe('x');
    expect(tree.stringAt(['1'])!.text).toBe('one'); // keys are matched as the value's object keys
    expect(tree.stringAt(['missing'])).toBeUndefined();
    expect(tree.offsetOf(['missing'])).toBe(0);
    expect(tree.offsetOf(['z'], true)).toBe(14);
  });

  it('throws a DataSyntaxError at the offset the parser gives', () => {
    expect(syntaxError('a: b: c\n')).toMatchObject({ message: 'Nested mappings are not allowed in compact mappings', offset: 3 });
    expect(syntaxError('a: 1\na: 2\n')).toMatchObject({ message: 'Map keys must be unique', offset: 5 });
    expect(syntaxError('ok: 1\n---\nbad: "open\n')).toMatchObject({ message: 'Missing closing "quote', offset: 21 });
    const laughs = Array.from({ length: 12 }, (_, i) => (i ? `a${i}: &a${i} [${`*a${i - 1}, `.repeat(4)}]` : 'a0: &a0 [x, x]')).join('\n');
    expect(syntaxError(`${laughs}\n`)).toMatchObject({ message: 'Excessive alias count indicates a resource exhaustion attack', offset: 0 });
  });

  it('keeps the character property on generated scalars of every style and nesting, matching the yaml package', () => {
    const random = seededRandom(11);
    const pick = <T>(items: T[]) => items[random(items.length)]!;
    const words = ['word', 'é', '\u{1F600}', 'a.b', 'a\tb', '#x', "'", 'x:y', '-'];
    const breaks = ['\n', '\r\n', '\n\n', '\n  \n', '  \n', '\n\n\n', '\t\n'];
    const body = (extra: string[]) =>
      Array.from({ length: 2 + random(8) }, (_, i) => (i % 2 ? pick([' ', ...breaks, ...extra]) : pick(words))).join('');
    // Continuation lines get the context's indentation (more for block scalars' content).
    const indent = (s: string, by: string) => s.replace(/\n(?=[^\n\r])/g, `\n${by}`);
    const styles = [
      (by: string) => indent(body([]).replace(/^[-#'\t]/, 'w'), by),
      (by: string) => `'${indent(body([]).replace(/'/g, "''"), by)}'`,
      (by: string) => `"${indent(body(['\\t', '\\\\', '\\"', '\\u00e9', '\\U0001F600', '\\x41', '\\\n', ' \\\n']), by)}"`,
      (by: string) => `${pick(['|', '>'])}${pick(['', '-', '+', '2', '3-'])}\n${indent(`${by}  ${body(['\n    more\n'])}`, `${by}  `)}\n`,
    ];
    const contexts = [
      { prefix: 'key: ', by: '  ', path: ['key'] },
      { prefix: 'outer:\n  key: ', by: '    ', path: ['outer', 'key'] },
      { prefix: 'list:\n  - x\n  - ', by: '    ', path: ['list', 1] },
      { prefix: 'flow: [x, ', suffix: ']', by: '  ', path: ['flow', 1] }, // block scalars make it invalid: skipped
    ];
    let checked = 0;
    for (let round = 0; round < 600; round++) {
      const context = contexts[random(contexts.length)]!;
      const text = `${context.prefix}${styles[round % styles.length]!(context.by)}${context.suffix ?? ''}\nnext: 1\n`;
      if (parseDocument(text).errors.length > 0) continue;
      const tree = parseYamlTree(text);
      const result = checkTree(text, tree, replacedIn(text));
      expect(result.mismatches, JSON.stringify(text)).toEqual([]);
      if (tree.stringAt(context.path)) checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe.skipIf(!corpusPresent)('parseYamlTree on the wild corpus (skipped without ../shared)', () => {
  it('maps every character of every string of every *.yml / *.yaml file', () => {
    const files = corpusFiles(/\.ya?ml$/);
    expect(files.length).toBeGreaterThan(0);
    for (const { file, text } of files) {
      const tree = parseYamlTree(text);
      const result = checkTree(text, tree, replacedIn(text));
      expect(result.mismatches, file).toEqual([]);
    }
  });
});
