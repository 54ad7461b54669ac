import { describe, expect, it } from 'vitest';
import { markdownSegments } from '../../src/sources/markdown.js';

const words = (text: string, options = {}) =>
  markdownSegments(text, 'r', options).map((s) => {
    const at = s.text.indexOf('cannot');
    return at < 0 ? { reply: s.reply, text: s.text.trim() } : { reply: s.reply, text: s.text.trim(), source: text.slice(s.toSource(at), s.toSource(at + 6, 'end')), offset: s.toSource(at) };
  });

describe('fenced blocks in Markdown', () => {
  const file = '## Refund window\n\n- Reply:\n  ```md\n  Sorry, we **cannot** refund after 30 days.\n  ```\n\n```\nWe cannot do that.\n```\n\n```js\nconst cannot = 1;\n```\n';

  it('reads md/text-labelled fences as replies of their own, mapped through indentation and markup', () => {
    const offset = file.indexOf('cannot');
    expect(words(file)).toEqual([
      { reply: 'r', text: 'Refund window' },
      { reply: 'r', text: 'Reply:' },
      { reply: 'r#fence-1', text: 'Sorry, we cannot refund after 30 days.', source: 'cannot', offset },
    ]);
  });

  it('reads unlabelled fences too with fences: all, never a fence labelled with a language', () => {
    const second = file.indexOf('cannot', file.indexOf('```\nWe'));
    expect(words(file, { fences: 'all' }).slice(2)).toEqual([
      { reply: 'r#fence-1', text: 'Sorry, we cannot refund after 30 days.', source: 'cannot', offset: file.indexOf('cannot') },
      { reply: 'r#fence-2', text: 'We cannot do that.', source: 'cannot', offset: second },
    ]);
  });

  it('reads no fence with fences: none', () => {
    expect(words(file, { fences: 'none' }).map((w) => w.text)).toEqual(['Refund window', 'Reply:']);
  });
});
