// Properties of the pure core and the fixer over random reply text inside containers (a Zendesk
// JSON export, a YAML saved-replies file, a CSV export): positions stay inside the file, and no
// single fix or suggestion, nor --fix, breaks the container's syntax or touches another value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { lintText } from '../../src/engine/lint-text.js';
import { lintAndFix } from '../../src/fix/apply.js';
import { parseCsvTree } from '../../src/sources/data/csv.js';
import { applyEdit, editsOf, expectFixesExact, expectPositionsValid, lintOptions, replyText, withBom } from './support.js';

const RUNS = 100;

interface Container {
  filePath: string;
  format: string;
  /** The file holding `text` as its one reply. */
  build: fc.Arbitrary<(text: string) => string>;
  /** The reply text read back from a file, or throws when the file no longer parses or its shape changed. */
  read(file: string): string;
}

const zendesk = (text: string) => ({ macros: [{ id: 1, title: 't', actions: [{ field: 'comment_value', value: text }] }] });

const json: Container = {
  filePath: 'macros.json',
  format: 'json: zendesk-macros',
  build: fc.constantFrom(undefined, 2, '\t').map((indent) => (text: string) => JSON.stringify(zendesk(text), null, indent) + '\n'),
  read(file) {
    const value = JSON.parse(file) as ReturnType<typeof zendesk>;
    const action = value.macros[0]!.actions[0]!;
    expect(value).toEqual(zendesk(action.value));
    return action.value;
  },
};

const saved = (text: string) => ({ replies: [{ name: 'n', body: text }] });

const yaml: Container = {
  filePath: 'replies.yaml',
  format: 'yaml: github-saved-replies',
  build: fc
    .record({ type: fc.constantFrom('QUOTE_DOUBLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const), lineWidth: fc.constantFrom(0, 40, 80) })
    .map(({ type, lineWidth }) => (text: string) => stringify(saved(text), { defaultStringType: type, defaultKeyType: 'PLAIN', lineWidth })),
  read(file) {
    const doc = parseDocument(file);
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    const value = doc.toJS() as ReturnType<typeof saved>;
    const body = value.replies[0]!.body;
    expect(value).toEqual(saved(body));
    return body;
  },
};

const HEADER = ['Macro ID', 'Title', 'Reply Text'];
/** RFC 4180: a cell is quoted when it must be (a delimiter, quote or line break in it), or always. */
const csvCell = (always: boolean) => (cell: string) => (always || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const csv: Container = {
  filePath: 'macros.csv',
  format: 'csv: csv-rows',
  build: fc.record({ always: fc.boolean(), eol: fc.constantFrom('\n', '\r\n') }).map(({ always, eol }) => (text: string) => {
    const cell = csvCell(always);
    return [HEADER, ['1', 't', text]].map((row) => row.map(cell).join(',')).join(eol) + eol;
  }),
  read(file) {
    const tree = parseCsvTree(file);
    expect(tree.problems).toEqual([]);
    expect(tree.header).toEqual(HEADER);
    const rows = tree.value as Array<Record<string, string>>;
    expect(rows.length).toBe(1);
    expect({ ...rows[0], 'Reply Text': '' }).toEqual({ 'Macro ID': '1', Title: 't', 'Reply Text': '' });
    return rows[0]!['Reply Text'] ?? '';
  },
};

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

describe.each([json, yaml, csv])('$filePath', (container) => {
  const file = fc.tuple(replyText, container.build).map(([text, build]) => build(text));

  it('lints any reply text inside it without throwing, at positions inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(withBom(file), async (input) => {
        const result = await lintText(input, lintOptions(container.filePath));
        expectPositionsValid(input, result);
      }),
      { numRuns: RUNS },
    );
  });

  it('stays parseable, with only the reply changed, after any single fix or suggestion, and after --fix', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (input) => {
        const text = container.read(input);
        const result = await lintText(input, lintOptions(container.filePath));
        // The generated file must be one the reader recognises, or the property tests nothing
        // (a blank reply is no reply: the shape is not recognised then).
        if (text.trim() !== '') expect(result.input?.format).toBe(container.format);
        for (const edit of result.messages.flatMap(editsOf)) container.read(applyEdit(input, edit));
        await expectFixesExact(input, result);
        const fixed = await lintAndFix(input, lintOptions(container.filePath));
        if (fixed.output !== undefined) container.read(stripBom(fixed.output));
      }),
      { numRuns: RUNS },
    );
  });
});

// Files fast-check once found: a removal left a YAML block line more indented than the block, and
// a placeholder span took the line fold before it.
describe('replies.yaml, found by fast-check', () => {
  it.each([
    'replies:\n  - name: |-\n      n\n    body: |-\n      calm down \n\n      you have to \n',
    'replies:\n  - name: |-\n      n\n    body: |-\n      }} \n\n      you have to \n',
    'replies:\n  - name: "n"\n    body: "That\'s not possible.\n\n      today %} ok? "\n',
  ])('stays parseable after each fix and suggestion in %j', async (input) => {
    const result = await lintText(input, lintOptions(yaml.filePath));
    const edits = result.messages.flatMap(editsOf);
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) yaml.read(applyEdit(input, edit));
  });

  // The block takes its indentation from "calm down": with the next line indented deeper,
  // removing it would leave YAML reading the block at the deeper indentation.
  it('offers no removal of a block\'s first line when the next line is indented deeper, and still reports it', async () => {
    const input = 'replies:\n  - name: |-\n      n\n    body: |-\n      calm down \n\n       the\n\n      ? \n';
    const result = await lintText(input, lintOptions(yaml.filePath));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['tone/condescending']);
    expect(result.messages.flatMap(editsOf)).toEqual([]);
    // With the next line at the block's indentation, the removal is offered and keeps the file readable.
    const plain = input.replace('       the', '      the');
    const edits = (await lintText(plain, lintOptions(yaml.filePath))).messages.flatMap(editsOf);
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) yaml.read(applyEdit(plain, edit));
  });
});
