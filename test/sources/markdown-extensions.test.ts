// A Markdown file is parsed with only the syntax extensions it may contain (see SYNTAX in
// src/sources/markdown.ts). That must never change the tree: every file parses exactly as it
// would with all of them.
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { markdownOptions, markdownSegments } from '../../src/sources/markdown.js';

const withOnlyItsOwn = (text: string) => fromMarkdown(text, markdownOptions(text));
const withAll = (text: string) => fromMarkdown(text, markdownOptions(text, true));

// Pieces of each construct an extension adds, the characters that start them, and plain prose.
const PIECES = [
  'Thanks for writing in', ' ', ' ', '\n', '\n\n', '\t', 'refund', 'order #4412', '.',
  '|', '| Plan | Price |\n| --- | ---: |\n| Team | $9 |\n', 'a | b\n-|-\n', '\\|',
  '~', '~~', '~~old price~~', '~one~',
  '[^1]', '[^1]: The note.\n', '[^note]', '^',
  '- [ ] check the label\n', '- [x] refunded\n', '* [X] done\n', '[ ]', '[\t]', '- ',
  'www.example.com', 'WWW.Example.org/help', 'https://example.com/a?b=c', 'HTTP://EXAMPLE.COM', '://', 'ftp://files.example.net',
  'help@example.com', 'mailto:help@example.com', 'xmpp:agent@example.com', '@', 'a@b',
  '---\ntitle: Refunds\n---\n', '+++\ntitle = "x"\n+++\n', '---', '+++',
  '[the returns page](https://example.com/returns)', '<https://example.com>', '![label](label.png)',
  '(', ')', '[', ']', '*', '_', '`code`', '`', '<b>', '>', '# ', '&amp;', '\\', '    indented\n', '```\nfenced\n```\n',
];

const document = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }))
  .map(([bom, pieces]) => (bom ? '\uFEFF' : '') + pieces.join(''));

describe('Markdown syntax extensions chosen per file', () => {
  it('give the same tree as every extension, on random documents made of their constructs', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(withOnlyItsOwn(text)).toEqual(withAll(text));
      }),
      { numRuns: 1500, seed: 20261124 },
    );
  });

  it('give the same tree on documents with each construct', () => {
    const samples = [
      '| Item | Status |\n| --- | --- |\n| Mug | Shipped |\n',
      'The ~~old~~ new price applies.',
      'We refund within 14 days.[^1]\n\n[^1]: Business days.\n',
      '- [ ] Send the label\n- [x] Refund issued\n',
      'See www.example.com or write to help@example.com.',
      '---\ntitle: Returns macro\n---\n\nHi {{name}},',
      'Plain reply with no extension at all.\n\nSecond paragraph.',
    ];
    for (const text of samples) expect(withOnlyItsOwn(text), text).toEqual(withAll(text));
  });

  it('leave out the extensions a plain file cannot use, and keep those it can', () => {
    expect(markdownOptions('Plain reply. Nothing special.').extensions).toHaveLength(0);
    expect(markdownOptions('A [link](https://example.com).').extensions).toHaveLength(1);
    expect(markdownOptions('| a |\n| - |\nwww.x.com ~x~ [^1] - [ ] ').extensions).toHaveLength(5);
    expect(markdownOptions('Plain.', true).extensions).toHaveLength(6);
  });

  it('still read a table, a bare URL and front matter as before', () => {
    const text = '---\ntitle: x\n---\n\n| Step | What |\n| --- | --- |\n| 1 | Reply to www.example.com |\n';
    expect(markdownSegments(text, 'r').map((s) => s.text)).toEqual(['Step', 'What', '1', expect.stringMatching(/^Reply to \S+$/)]);
    expect(markdownSegments(text, 'r')[3]!.text).not.toContain('www');
  });
});
