import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_NAMES, detectExport } from '../../../src/sources/exports/index.js';
import { parseSelector, select } from '../../../src/sources/exports/selectors.js';

const json = { agents: DEFAULT_AGENT_NAMES, container: 'json' } as const;

describe('parseSelector', () => {
  it('parses every step kind', () => {
    expect(parseSelector("$.replies[*]['the body'][0][-1].*..name..[2]..*")).toEqual([
      { kind: 'child', name: 'replies' },
      { kind: 'wildcard' },
      { kind: 'child', name: 'the body' },
      { kind: 'index', index: 0 },
      { kind: 'index', index: -1 },
      { kind: 'wildcard' },
      { kind: 'descend', step: { kind: 'child', name: 'name' } },
      { kind: 'descend', step: { kind: 'index', index: 2 } },
      { kind: 'descend', step: { kind: 'wildcard' } },
    ]);
  });

  it('reads quoted names with escapes and either quote, and a selector without $', () => {
    expect(parseSelector(`$["it's"]['say \\'hi\\'']`)).toEqual([
      { kind: 'child', name: "it's" },
      { kind: 'child', name: "say 'hi'" },
    ]);
    expect(parseSelector('macros[0].body')).toEqual([
      { kind: 'child', name: 'macros' },
      { kind: 'index', index: 0 },
      { kind: 'child', name: 'body' },
    ]);
    expect(parseSelector('$')).toEqual([]);
  });

  it('says what is wrong and at which character', () => {
    expect(() => parseSelector('$.replies[*.body')).toThrow('invalid selector "$.replies[*.body": expected "]", found "." at character 12');
    expect(() => parseSelector('$.replies[')).toThrow('invalid selector "$.replies[": expected a number, "*" or a quoted name after "[", found the end at character 11');
    expect(() => parseSelector("$['body")).toThrow('invalid selector "$[\'body": the quoted name opened here is not closed with \' at character 2');
    expect(() => parseSelector('$.')).toThrow('invalid selector "$.": a property name is missing at character 3');
    expect(() => parseSelector('$.a b')).toThrow('invalid selector "$.a b": expected "." or "[", found " " at character 4');
    expect(() => parseSelector('$[x]')).toThrow('invalid selector "$[x]": expected a number, "*" or a quoted name after "[", found "x" at character 3');
    expect(() => parseSelector('$[-]')).toThrow('invalid selector "$[-]": a number is missing after "-" at character 3');
    expect(() => parseSelector('')).toThrow('invalid selector "": it is empty');
  });
});

describe('select', () => {
  const value = { a: [{ name: 'x', b: { name: 'y' } }, { name: 'z' }], name: 'top' };

  it('finds keys at any depth, each node before its descendants (as RFC 9535 orders them)', () => {
    expect(select(value, parseSelector('$..name')).map((m) => m.path)).toEqual([['name'], ['a', 0, 'name'], ['a', 0, 'b', 'name'], ['a', 1, 'name']]);
  });

  it('counts negative indexes from the end and ignores indexes out of range', () => {
    expect(select(value, parseSelector('$.a[-1].name'))).toEqual([{ path: ['a', 1, 'name'], value: 'z' }]);
    expect(select(value, parseSelector('$.a[5].name'))).toEqual([]);
  });

  it('does not take array indexes for object keys or inherited properties for keys', () => {
    expect(select({ 0: 'zero' }, parseSelector('$[0]'))).toEqual([]);
    expect(select({}, parseSelector('$.toString'))).toEqual([]);
  });
});

describe('detectExport with fields selectors', () => {
  it('wins over detection and looks id and title up on the object holding the text', () => {
    const value = { macros: [{ title: 'Late', actions: [{ field: 'comment_value', value: 'Sorry it is late.' }] }] };
    const reading = detectExport(value, { ...json, fields: { text: '$.macros[*].actions[*].value', title: 'title' } });
    expect(reading).toEqual({
      format: 'selectors',
      fields: [{ path: ['macros', 0, 'actions', 0, 'value'], content: 'text', role: 'agent', reply: 'macro:$.macros[0].actions[0]', macro: { title: 'Late', field: 'value' } }],
      skipped: [],
    });
  });

  it('reads transcripts: speaker and conversation looked up from the message upwards', () => {
    const value = {
      tickets: [
        {
          number: 12,
          posts: [
            { who: 'Client', said: 'Is it fixed?' },
            { who: 'Support', said: '<p>It is not our fault, the provider is down.</p>' },
            { who: { kind: 'x' }, said: 'Odd speaker' },
          ],
        },
      ],
    };
    const reading = detectExport(value, { ...json, fields: { text: '$.tickets[*].posts[*].said', speaker: 'who', conversation: 'number' } });
    expect(reading?.fields).toEqual([
      { path: ['tickets', 0, 'posts', 0, 'said'], content: 'text', role: 'customer', reply: 'conversation:12', speaker: 'Client' },
      { path: ['tickets', 0, 'posts', 1, 'said'], content: 'html', role: 'agent', reply: 'conversation:12', speaker: 'Support' },
      { path: ['tickets', 0, 'posts', 2, 'said'], content: 'text', role: 'customer', reply: 'conversation:12' },
    ]);
  });

  it('reads an inbound flag and dotted speaker properties', () => {
    const value = [
      { inbound: 'True', text: 'hello' },
      { inbound: 'False', text: 'Hi, how can I help?' },
    ];
    expect(detectExport(value, { ...json, fields: { text: '$[*].text', speaker: 'inbound' } })?.fields.map((f) => f.role)).toEqual(['customer', 'agent']);
    const nested = [{ author: { type: 'admin' }, text: 'Hello' }];
    expect(detectExport(nested, { ...json, fields: { text: '$[*].text', speaker: 'author.type' } })?.fields).toEqual([
      { path: [0, 'text'], content: 'text', role: 'agent', reply: 'macro:$[0]', speaker: 'admin' },
    ]);
  });

  it('takes several selectors once each, forces the content format, and skips values that are not strings', () => {
    const value = { replies: [{ id: 7, body: 'Thanks!', extra: 3 }, { id: 8, body: null }] };
    const reading = detectExport(value, { ...json, fields: { text: ['$.replies[*].body', '$..body', '$.replies[0].extra'], id: 'id', content: 'markdown' } });
    expect(reading).toEqual({
      format: 'selectors',
      fields: [{ path: ['replies', 0, 'body'], content: 'markdown', role: 'agent', reply: 'macro:$.replies[0]', macro: { id: '7', field: 'body' } }],
      skipped: [
        { path: ['replies', 1, 'body'], reason: 'selector "$.replies[*].body" matched null, not a string' },
        { path: ['replies', 0, 'extra'], reason: 'selector "$.replies[0].extra" matched a number, not a string' },
      ],
    });
  });

  it('reports a selector that matches nothing', () => {
    expect(detectExport({ a: 1 }, { ...json, fields: { text: '$.replies[*].body' } })).toEqual({
      format: 'selectors',
      fields: [],
      skipped: [{ path: [], reason: 'selector "$.replies[*].body" matched nothing' }],
    });
  });

  it('throws on an invalid selector', () => {
    expect(() => detectExport({}, { ...json, fields: { text: '$.a[' } })).toThrow('invalid selector "$.a[": expected a number, "*" or a quoted name after "[", found the end at character 5');
  });

  it('reads a list of plain strings, each its own reply', () => {
    const reading = detectExport({ replies: ['Thanks!', 'You are welcome.'] }, { ...json, fields: { text: '$.replies[*]' } });
    expect(reading?.fields.map((f) => f.reply)).toEqual(['macro:$.replies[0]', 'macro:$.replies[1]']);
  });
});
