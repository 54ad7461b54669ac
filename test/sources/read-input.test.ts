import { describe, expect, it } from 'vitest';
import type { InputOptions } from '../../src/types.js';
import { readFields, type ReadOptions } from '../../src/sources/index.js';

/** A whole reading: the fields, every field's prose, and how many replies had prose. */
async function readInput(text: string, filePath: string, input: InputOptions = {}, read: ReadOptions = {}) {
  const reading = await readFields(text, filePath, input, read);
  const segments = (await Promise.all(reading.fields.map((f) => reading.segmentsOf(f)))).flat();
  return { format: reading.format, fields: reading.fields, segments, replies: new Set(segments.map((s) => s.reply)).size, problems: reading.problems };
}

const macros = JSON.stringify({
  macros: [
    { id: 1, title: 'Internal::Escalation (v2)', actions: [{ field: 'comment_value', value: 'Escalated.' }] },
    { id: 2, title: 'Refunds::Late parcel', actions: [{ field: 'comment_value', value: 'Hi {{ticket.requester.first_name}}, sorry.' }] },
    { id: 3, title: 'Stock', actions: [{ field: 'comment_value', value: 'Back in stock.' }] },
  ],
});

describe('readInput', () => {
  it('recognises the export shape and reads one reply per macro', async () => {
    const reading = await readInput(macros, 'macros.json');
    expect(reading.format).toBe('json: zendesk-macros');
    expect(reading.replies).toBe(3);
    expect(reading.problems).toEqual([]);
  });

  it('skips macros by id or by title glob, with glob characters only * and ?', async () => {
    const reading = await readInput(macros, 'macros.json', { ignoreMacros: ['Internal::*(v?)', '3'] });
    expect(reading.fields.map((f) => f.macro?.title)).toEqual(['Refunds::Late parcel']);
  });

  it('masks placeholders for the rules and quotes them as written', async () => {
    const [segment] = (await readInput(macros, 'macros.json', { ignoreMacros: ['1', '3'] })).segments;
    expect(segment!.text).toBe('Hi Placeholder, sorry.');
    expect(segment!.display!(0, segment!.text.length)).toBe('Hi {{ticket.requester.first_name}}, sorry.');
  });

  it('reads an empty file of any format as nothing to lint, without a problem', async () => {
    for (const name of ['a.json', 'a.yaml', 'a.csv', 'a.jsonl', 'a.html', 'a.md', 'a.txt']) {
      expect(await readInput('  \n', name)).toMatchObject({ segments: [], problems: [], replies: 0 });
    }
  });

  it('says why a data file has nothing to lint: an error when named, a warning when found by a walk', async () => {
    const named = await readInput('{"theme": "dark"}', 'settings.json');
    expect(named.problems.map((p) => p.fatal)).toEqual([true]);
    const walked = await readInput('{"theme": "dark"}', 'settings.json', {}, { foundByWalk: true });
    expect(walked.problems.map((p) => [p.fatal, p.message.slice(0, 10)])).toEqual([[false, 'not linted']]);
  });
});
