import { describe, expect, it } from 'vitest';
import { parseCsvTree } from '../../../src/sources/data/csv.js';
import { checkTree, corpusFiles, corpusPresent, seededRandom } from './check.js';

// Every CSV character is copied (a "" maps to its first quote, itself a quote), so nothing may differ.
const nothingReplaced = () => false;

describe('parseCsvTree', () => {
  it('reads the header and one object per row, with quoted cells, doubled quotes and line breaks in cells', () => {
    const text = 'name,reply\nAnn,"He said ""no"".\nThen left."\nBob,plain\n';
    const tree = parseCsvTree(text);
    expect(tree.header).toEqual(['name', 'reply']);
    expect(tree.value).toEqual([
      { name: 'Ann', reply: 'He said "no".\nThen left.' },
      { name: 'Bob', reply: 'plain' },
    ]);
    expect(tree.problems).toEqual([]);
    const reply = tree.stringAt([0, 'reply'])!;
    expect(reply.text).toBe('He said "no".\nThen left.');
    // offset 0 is after the opening quote (15); each "" maps to its first quote (24, 28)
    expect([0, 7, 8, 9, 11, 12, 13, 14].map((i) => reply.toSource(i))).toEqual([16, 23, 24, 26, 28, 30, 31, 32]);
    expect(reply.toSource(9, 'end')).toBe(26); // just past the first ""
    expect(reply.toSource(12, 'end')).toBe(30);
    expect(reply.toSource(24)).toBe(42); // the end is the closing quote
    expect(tree.stringAt([1, 'reply'])!.toSource(2)).toBe(text.indexOf('plain') + 2);
    expect(tree.offsetOf([0, 'reply'])).toBe(15);
    expect(tree.offsetOf([0, 'reply'], true)).toBe(5);
    expect(tree.offsetOf([0])).toBe(11);
    expect(tree.offsetOf([1, 'name'])).toBe(text.indexOf('Bob'));
    expect(tree.offsetOf([2, 'name'])).toBe(0);
    expect(tree.offsetOf([0, 'nope'])).toBe(0);
  });

  it('reads CRLF rows, CRLF inside quotes and a last row without a line break', () => {
    const text = 'a,b\r\n"x\r\ny",z\r\n1,2';
    const tree = parseCsvTree(text);
    expect(tree.value).toEqual([
      { a: 'x\r\ny', b: 'z' },
      { a: '1', b: '2' },
    ]);
    const cell = tree.stringAt([0, 'a'])!;
    expect([0, 1, 2, 3].map((i) => cell.toSource(i))).toEqual([6, 7, 8, 9]);
    expect(tree.stringAt([1, 'b'])!.toSource(0)).toBe(text.length - 1);
    expect(tree.stringAt([1, 'b'])!.toSource(1)).toBe(text.length);
  });

  it('maps empty cells to where they are', () => {
    const text = 'a,b,c\n,"",x\n';
    const tree = parseCsvTree(text);
    expect(tree.value).toEqual([{ a: '', b: '', c: 'x' }]);
    expect(tree.stringAt([0, 'a'])!.toSource(0)).toBe(6);
    expect(tree.stringAt([0, 'b'])!.toSource(0)).toBe(8); // between the quotes
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(parseCsvTree('"a,b";c;d\n1;2;3\n').value).toEqual([{ 'a,b': '1', c: '2', d: '3' }]);
    expect(parseCsvTree('a\tb\tc, d\n1\t2\t3, 4\n').value).toEqual([{ a: '1', b: '2', 'c, d': '3, 4' }]);
    expect(parseCsvTree('a,b;c\n1,2;3\n').header).toEqual(['a', 'b;c']); // a tie goes to the comma
    expect(parseCsvTree('single\nx\n').value).toEqual([{ single: 'x' }]);
    expect(parseCsvTree('a;b\n1;2\n', { delimiter: ',' }).value).toEqual([{ 'a;b': '1;2' }]);
  });

  it('names empty and repeated header cells column<N>', () => {
    const tree = parseCsvTree('id,,text,text,column5,\n1,2,3,4,5,6\n');
    expect(tree.header).toEqual(['id', 'column2', 'text', 'column4', 'column5', 'column6']);
    expect(tree.value).toEqual([{ id: '1', column2: '2', text: '3', column4: '4', column5: '5', column6: '6' }]);
    expect(parseCsvTree(',column1\nx,y\n').header).toEqual(['column1_2', 'column1']);
    expect(tree.offsetOf([0, 'column4'], true)).toBe(9);
  });

  it('ignores extra cells with a problem, leaves missing cells out, skips empty lines', () => {
    const text = 'a,b\n1,2,3,4\n\n5\n6,7,\n';
    const tree = parseCsvTree(text);
    expect(tree.value).toEqual([{ a: '1', b: '2' }, { a: '5' }, { a: '6', b: '7' }]);
    expect(tree.problems).toEqual([
      { message: 'this row has 4 cells but the header has 2; the extra cells are ignored', offset: 8 },
      { message: 'this row has 3 cells but the header has 2; the extra cells are ignored', offset: 19 }, // "6,7," ends with an empty cell
    ]);
    expect(tree.stringAt([1, 'b'])).toBeUndefined();
    expect(tree.offsetOf([2])).toBe(text.indexOf('6'));
  });

  it('reads an unclosed quote as the rest of the file, with a problem at the quote', () => {
    const text = 'a,b\n1,"never closed\n2,3\n"" end';
    const tree = parseCsvTree(text);
    expect(tree.value).toEqual([{ a: '1', b: 'never closed\n2,3\n" end' }]);
    expect(tree.problems).toEqual([{ message: 'a quoted cell is never closed; the rest of the file is read as that cell', offset: 6 }]);
    const cell = tree.stringAt([0, 'b'])!;
    expect(cell.toSource(0)).toBe(7);
    expect(cell.toSource(17)).toBe(24); // the "" pair
    expect(cell.toSource(cell.text.length)).toBe(text.length);
  });

  it('keeps text after a closing quote in the cell', () => {
    const text = 'a,b\n"x"y,z\n';
    const tree = parseCsvTree(text);
    expect(tree.value).toEqual([{ a: 'xy', b: 'z' }]);
    const cell = tree.stringAt([0, 'a'])!;
    expect([cell.toSource(0), cell.toSource(1), cell.toSource(2)]).toEqual([5, 7, 8]);
  });

  it('keeps a delimiter-ended last line, and a header alone or nothing gives no rows', () => {
    expect(parseCsvTree('a,b\n1,').value).toEqual([{ a: '1', b: '' }]);
    expect(parseCsvTree('a,b\n')).toMatchObject({ header: ['a', 'b'], value: [] });
    expect(parseCsvTree('')).toMatchObject({ header: [], value: [], problems: [] });
  });

  it('keeps the character property on generated tables', () => {
    const pieces = ['word', ' ', ',', ';', '"', '""', '\n', '\r\n', 'é', '\u{1F600}', ''];
    const random = seededRandom(7);
    const cellText = () => Array.from({ length: random(5) }, () => pieces[random(pieces.length)]).join('');
    const encode = (s: string) => (/[",;\r\n]/.test(s) || random(3) === 0 ? `"${s.replace(/"/g, '""')}"` : s);
    for (let round = 0; round < 30; round++) {
      const header = ['h1', 'h2', 'h3'];
      const rows = Array.from({ length: 1 + random(8) }, () => header.map(() => cellText() || 'x'));
      const eol = round % 2 ? '\r\n' : '\n';
      const text = [header, ...rows].map((row) => row.map(encode).join(',')).join(eol) + (round % 3 ? eol : '');
      const tree = parseCsvTree(text);
      expect(tree.value).toEqual(rows.map((row) => Object.fromEntries(row.map((cell, i) => [header[i], cell]))));
      expect(checkTree(text, tree, nothingReplaced).mismatches).toEqual([]);
    }
  });
});

describe.skipIf(!corpusPresent)('parseCsvTree on the wild corpus (skipped without ../shared)', () => {
  it('maps every character of every cell of every *.csv file', () => {
    const files = corpusFiles(/\.csv$/);
    expect(files.length).toBeGreaterThan(0);
    for (const { file, text } of files) {
      const tree = parseCsvTree(text);
      expect(tree.problems, file).toEqual([]);
      const result = checkTree(text, tree, nothingReplaced);
      expect(result.mismatches, file).toEqual([]);
      expect(result.strings, file).toBeGreaterThan(90);
    }
  });
});
