// The language server's pure translations: lint messages → diagnostics and code actions, hover
// text, config errors → diagnostics.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { ReplylintError } from '../../src/errors.js';
import {
  configDiagnostics,
  contains,
  overlaps,
  extensionForLanguage,
  fixAllActions,
  kindWanted,
  minimalEdit,
  quickFixes,
  ruleHover,
  suggestionTitle,
  toDiagnostic,
  type DiagnosticData,
} from '../../src/lsp/convert.js';
import type { LintMessage, RuleDefinition } from '../../src/types.js';

const URI = 'file:///replies/reply.txt';

function doc(text: string, version = 3): TextDocument {
  return TextDocument.create(URI, 'plaintext', version, text);
}

const ORDER: LintMessage = {
  ruleId: 'tone/you-have-to',
  severity: 1,
  message: '“You have to” reads as an order. Prefer “Please”.',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 12,
  fix: { range: [23, 34], text: 'Please' },
  suggestions: [{ desc: 'Replace with “Please”', fix: { range: [23, 34], text: 'Please' } }],
  docsUrl: 'https://example.test/docs/tone/you-have-to.md',
};
const ORDER_TEXT = 'Thanks for writing in.\nYou have to restart the app.\n';

describe('toDiagnostic', () => {
  it('maps 1-based line/column to 0-based positions, warning severity, rule code and docs link', () => {
    const diagnostic = toDiagnostic(ORDER, doc(ORDER_TEXT));
    expect(diagnostic).toEqual({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } },
      severity: 2,
      source: 'replylint',
      message: '“You have to” reads as an order. Prefer “Please”.',
      code: 'tone/you-have-to',
      codeDescription: { href: 'https://example.test/docs/tone/you-have-to.md' },
      // The suggestion that repeats the safe fix is not offered twice.
      data: {
        version: 3,
        fix: {
          title: 'Fix: replace “You have to” with “Please”',
          edit: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } }, newText: 'Please' },
        },
      },
    });
  });

  it('keeps columns in UTF-16 code units: an emoji before the problem counts two', () => {
    // "Hi 😀 " is 6 code units; the core's columns are UTF-16 already.
    const text = 'Hi 😀 That is not possible.';
    const message: LintMessage = {
      ruleId: 'refusal/dead-end',
      severity: 2,
      message: 'closes the door',
      line: 1,
      column: 7,
      endLine: 1,
      endColumn: 27,
      suggestions: [{ desc: 'Rewrite: “Here is what I can do.”', fix: { range: [6, 27], text: 'Here is what I can do.' } }],
    };
    const diagnostic = toDiagnostic(message, doc(text));
    expect(diagnostic.range).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 26 } });
    expect(diagnostic.severity).toBe(1);
    expect(diagnostic.codeDescription).toBeUndefined();
    expect((diagnostic.data as DiagnosticData).suggestions).toEqual([
      { title: 'Rewrite: “Here is what I can do.”', edit: { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 27 } }, newText: 'Here is what I can do.' } },
    ]);
  });

  it('counts fix offsets after a BOM the editor kept', () => {
    const diagnostic = toDiagnostic(ORDER, doc(`\uFEFF${ORDER_TEXT}`));
    expect((diagnostic.data as DiagnosticData).fix!.edit.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    expect((diagnostic.data as DiagnosticData).fix!.title).toBe('Fix: replace “You have to” with “Please”');
  });

  it('makes a problem with no rule (a file that could not be read) a diagnostic with no code', () => {
    const fatal: LintMessage = { ruleId: null, severity: 2, fatal: true, message: 'JSON syntax error: expected a comma', line: 3, column: 5, endLine: 3, endColumn: 5 };
    expect(toDiagnostic(fatal, doc('{\n "a": 1\n "b": 2\n}\n'))).toEqual({
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } },
      severity: 1,
      source: 'replylint',
      message: 'JSON syntax error: expected a comma',
      data: { version: 3 },
    });
  });

  it('puts a problem with no place (line 0) at the start of the document', () => {
    const ignored: LintMessage = { ruleId: null, severity: 1, message: 'File ignored', line: 0, column: 0, endLine: 0, endColumn: 0 };
    expect(toDiagnostic(ignored, doc('x')).range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe('suggestionTitle', () => {
  it('keeps "Rewrite: …", turns "Replace with …" into a rewrite, and keeps placeholder repairs as they are', () => {
    expect(suggestionTitle('Rewrite: “Here is what I can do instead.”')).toBe('Rewrite: “Here is what I can do instead.”');
    expect(suggestionTitle('Replace with “Please”')).toBe('Rewrite: “Please”');
    expect(suggestionTitle('Add a fallback: “{{ name | default: "there" }}”')).toBe('Add a fallback: “{{ name | default: "there" }}”');
  });
});

describe('quickFixes', () => {
  const text = 'You have to wait. That is not possible.';
  const messages: LintMessage[] = [
    { ...ORDER, line: 1, column: 1, endLine: 1, endColumn: 12, fix: { range: [0, 11], text: 'Please' }, suggestions: [] },
    {
      ruleId: 'refusal/dead-end',
      severity: 2,
      message: 'closes the door',
      line: 1,
      column: 19,
      endLine: 1,
      endColumn: 39,
      suggestions: [
        { desc: 'Rewrite: “Here is what I can do.”', fix: { range: [18, 39], text: 'Here is what I can do.' } },
        { desc: 'Rewrite: “I can offer this instead.”', fix: { range: [18, 39], text: 'I can offer this instead.' } },
      ],
    },
  ];

  it('offers the safe fix first (preferred), then each suggestion, each naming its diagnostic', () => {
    const diagnostics = messages.map((m) => toDiagnostic(m, doc(text)));
    const actions = quickFixes(URI, diagnostics, 3);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.diagnostics![0]!.code])).toEqual([
      ['Fix: replace “You have to” with “Please”', 'quickfix', true, 'tone/you-have-to'],
      ['Rewrite: “Here is what I can do.”', 'quickfix', false, 'refusal/dead-end'],
      ['Rewrite: “I can offer this instead.”', 'quickfix', false, 'refusal/dead-end'],
    ]);
    expect(actions[1]!.edit).toEqual({
      changes: { [URI]: [{ range: { start: { line: 0, character: 18 }, end: { line: 0, character: 39 } }, newText: 'Here is what I can do.' }] },
    });
  });

  it("skips diagnostics of an older version and other tools' diagnostics", () => {
    const stale = messages.map((m) => toDiagnostic(m, doc(text, 2)));
    expect(quickFixes(URI, stale, 3)).toEqual([]);
    const foreign = { ...toDiagnostic(messages[0]!, doc(text)), source: 'cspell' };
    expect(quickFixes(URI, [foreign], 3)).toEqual([]);
  });
});

describe('kindWanted and fixAllActions', () => {
  it('matches LSP code action kinds as dotted hierarchies', () => {
    expect(kindWanted('source.fixAll.replylint', undefined)).toBe(true);
    expect(kindWanted('source.fixAll.replylint', ['source'])).toBe(true);
    expect(kindWanted('source.fixAll.replylint', ['source.fixAll'])).toBe(true);
    expect(kindWanted('source.fixAll.replylint', ['source.fix'])).toBe(false);
    expect(kindWanted('quickfix', ['source.fixAll'])).toBe(false);
    expect(kindWanted('quickfix', ['refactor', 'quickfix'])).toBe(true);
  });

  it('offers one "Fix all replylint problems" per kind asked for, with the same edit', () => {
    const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } }, newText: 'Please' };
    expect(fixAllActions(URI, edit, ['source.fixAll.replylint', 'quickfix'])).toEqual([
      { title: 'Fix all replylint problems', kind: 'source.fixAll.replylint', edit: { changes: { [URI]: [edit] } } },
      { title: 'Fix all replylint problems', kind: 'quickfix', edit: { changes: { [URI]: [edit] } } },
    ]);
  });
});

describe('minimalEdit', () => {
  const edit = (before: string, after: string) => minimalEdit(before, after, (o) => doc(before).positionAt(o));

  it('replaces only the part that differs, which applied gives the new text', () => {
    const before = 'Hi Sam,\nYou have to log in. Then you must restart.\nThanks\n';
    const after = 'Hi Sam,\nPlease log in. Then please restart.\nThanks\n';
    const result = edit(before, after);
    expect(result).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 33 } }, newText: 'Please log in. Then please' });
    expect(TextDocument.applyEdits(doc(before), [result])).toBe(after);
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😁 share their high surrogate, 😀 and 🈀 their low one: the edit still takes whole characters.
    expect(edit('a😀b', 'a😁b')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '😁' });
    expect(edit('x😀', 'x🈀')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '🈀' });
  });

  it('handles pure insertions and deletions', () => {
    expect(edit('Thanks.', 'Thanks again.')).toEqual({ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, newText: ' again' });
    expect(edit('Thanks again.', 'Thanks.')).toEqual({ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } }, newText: '' });
  });
});

describe('contains', () => {
  const range = { start: { line: 1, character: 4 }, end: { line: 2, character: 2 } };
  it('includes both ends and what lies between, across lines', () => {
    expect([
      contains(range, { line: 1, character: 3 }),
      contains(range, { line: 1, character: 4 }),
      contains(range, { line: 1, character: 90 }),
      contains(range, { line: 2, character: 2 }),
      contains(range, { line: 2, character: 3 }),
    ]).toEqual([false, true, true, true, false]);
  });
});

describe('overlaps', () => {
  const range = { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } };
  const at = (from: number, to: number) => ({ start: { line: 1, character: from }, end: { line: 1, character: to } });
  it('is true for a cursor inside or at either end, a range across it or inside it; false for one beside it', () => {
    expect([at(6, 6), at(9, 9), at(4, 4), at(0, 20), at(5, 7), at(0, 3), at(10, 12)].map((r) => overlaps(range, r))).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('ruleHover', () => {
  const def = {
    id: 'refusal/dead-end',
    summary: 'Refuses with no way forward.',
    why: 'A flat "no" ends the conversation.\n  Say what you can do first.\n',
    url: 'https://example.test/docs/refusal/dead-end.md',
  } as RuleDefinition;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } };

  it("gives each rule's summary, why (on one line) and docs link, separated by rules", () => {
    const other = { ...def, id: 'house/ticket', summary: 'Says "ticket".', why: 'Our word.', url: undefined } as RuleDefinition;
    expect(ruleHover([{ def }, { def: other, docsUrl: 'https://example.test/house.md' }], range)).toEqual({
      contents: {
        kind: 'markdown',
        value:
          '**refusal/dead-end**: Refuses with no way forward.\n\nA flat "no" ends the conversation. Say what you can do first.\n\n[Rule documentation](https://example.test/docs/refusal/dead-end.md)' +
          '\n\n---\n\n**house/ticket**: Says "ticket".\n\nOur word.\n\n[Rule documentation](https://example.test/house.md)',
      },
      range,
    });
  });

  it('gives no hover without rules', () => {
    expect(ruleHover([], range)).toBeUndefined();
  });
});

describe('configDiagnostics', () => {
  it('groups problems by file, each from its position to the end of its line; a problem with no line sits at the start', () => {
    const lines: Record<string, string[]> = { '/p/.replylintrc.json': ['{', '  "rules": { "tone/you-have-to": "loud" }', '}'] };
    const errors = [
      new ReplylintError('must be one of "off", "warn", "error"', '/p/.replylintrc.json', 2, 34),
      new ReplylintError('unknown key "tags"', '/p/rules/a.yaml', 5, 1),
      new ReplylintError('cannot load config: boom', '/p/replylint.config.js'),
      new ReplylintError('no file named'),
    ];
    const result = configDiagnostics(errors, (file, line) => lines[file]?.[line]);
    expect([...result]).toEqual([
      ['/p/.replylintrc.json', [{ range: { start: { line: 1, character: 33 }, end: { line: 1, character: 41 } }, severity: 1, source: 'replylint', message: 'must be one of "off", "warn", "error"' }]],
      // An unreadable file: the position alone.
      ['/p/rules/a.yaml', [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, severity: 1, source: 'replylint', message: 'unknown key "tags"' }]],
      ['/p/replylint.config.js', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'replylint', message: 'cannot load config: boom' }]],
    ]);
  });
});

describe('extensionForLanguage', () => {
  it("picks the format of an untitled document from the editor's language, plain text otherwise", () => {
    expect(['markdown', 'html', 'json', 'jsonc', 'jsonl', 'yaml', 'csv', 'plaintext', 'rust'].map(extensionForLanguage)).toEqual([
      '.md',
      '.html',
      '.json',
      '.json',
      '.jsonl',
      '.yaml',
      '.csv',
      '.txt',
      '.txt',
    ]);
  });
});
