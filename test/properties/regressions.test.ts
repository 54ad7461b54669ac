// Plain regression tests for the bugs the property tests found, one per bug.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { lintText } from '../../src/engine/lint-text.js';
import { applyEdit, editsOf, lintOptions } from './support.js';
import { pointed } from '../helpers.js';

const lintAll = (text: string, filePath = 'reply.txt') => lintText(text, lintOptions(filePath));
const only = async (text: string, ruleId: string, filePath?: string) => (await lintAll(text, filePath)).messages.filter((m) => m.ruleId === ruleId);

describe('pattern hits after leading punctuation (compromise counts it in the span length)', () => {
  it('end at the last matched word, not inside the next one or a surrogate pair', async () => {
    const text = '((Unfortunately it is gone. {{Unfortunately 𐀀 still';
    const result = await lintAll(text);
    const opener = result.messages.filter((m) => m.ruleId === 'tone/unfortunately-opener');
    expect(pointed(text, { ...result, messages: opener })).toEqual(['Unfortunately', 'Unfortunately']);
  });

  it('captures whole words', async () => {
    const [message] = await only("Finance still hasn't processed your refund.", 'blame/third-party');
    expect(message!.message).toBe('“Finance” is made responsible for “processed”. The customer chose us: own the problem and say what you will do.');
  });
});

describe('{{without-match}} rewrites keep the file syntax', () => {
  it('does not capitalize the letter of a JSON escape', async () => {
    const file = JSON.stringify({ macros: [{ id: 1, title: 't', actions: [{ field: 'comment_value', value: 'calm down\nthe link expires ' }] }] });
    const [message] = await only(file, 'tone/condescending', 'macros.json');
    expect(message!.suggestions!.map((s) => s.fix.text)).toEqual(['\\nthe link expires']);
    expect(JSON.parse(applyEdit(file, message!.suggestions![0]!.fix)).macros[0].actions[0].value).toBe('\nthe link expires ');
  });

  it('keeps the indentation of a folded YAML line and the space of a "\\ " escape', async () => {
    const file = 'replies:\n  - name: "n"\n    body: "you have to\n\n      \\ As I already said, x"\n';
    const [message] = await only(file, 'tone/condescending', 'replies.yaml');
    const fix = message!.suggestions![0]!.fix;
    expect(fix.text).toBe('You have to\n\n      \\ x');
    const doc = parseDocument(applyEdit(file, fix));
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({ replies: [{ name: 'n', body: 'You have to\n x' }] });
  });
});

describe('template/unbalanced closing tags', () => {
  it('close a block inside a YAML block scalar, before its closing line break', async () => {
    const file = 'replies:\n  - name: n\n    body: |\n      {% if x %} thanks\n';
    const [message] = await only(file, 'template/unbalanced', 'replies.yaml');
    const edited = applyEdit(file, message!.suggestions![0]!.fix);
    expect(edited).toBe('replies:\n  - name: n\n    body: |\n      {% if x %} thanks{% endif %}\n');
    expect(parseDocument(edited).toJS()).toEqual({ replies: [{ name: 'n', body: '{% if x %} thanks{% endif %}\n' }] });
  });

  it('insert at a forward range right after the last word, across a YAML line fold', async () => {
    const file = 'replies:\n  - name: "n"\n    body: "{% if a %}{% for x in y %}{{x}}\n\n      {% endif %}"\n';
    const [message] = await only(file, 'template/unbalanced', 'replies.yaml');
    const fix = message!.suggestions![0]!.fix;
    expect(fix).toEqual({ range: [65, 65], text: '{% endfor %}' });
    expect(editsOf(message!)).toEqual([fix]);
    expect(parseDocument(applyEdit(file, fix)).toJS()).toEqual({ replies: [{ name: 'n', body: '{% if a %}{% for x in y %}{{x}}{% endfor %}\n{% endif %}' }] });
  });
});
