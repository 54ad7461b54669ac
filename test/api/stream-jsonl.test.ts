import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintJsonLinesFile } from '../../src/api/stream-jsonl.js';
import { lintText } from '../../src/engine/lint-text.js';
import { loadBuiltins } from '../../src/rules/load.js';
import { RuleRegistry } from '../../src/rules/registry.js';

const builtins = loadBuiltins();
const rules = new RuleRegistry(builtins.rules);
const config = { rules: Object.fromEntries(builtins.rules.map((r) => [r.id, { severity: 2 as const, options: {} }])) };
const dir = mkdtempSync(join(tmpdir(), 'replylint-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streamed JSON Lines', () => {
  const lines = [
    '{"conversation_id": "c1", "role": "customer", "text": "The courier lost my parcel and it is your fault."}',
    '{"conversation_id": "c1", "role": "agent", "text": "We can\'t refund shipping."}',
    '{"conversation_id": "c1", "role": "agent", "text": "Instead, I have sent a new parcel by express today."}',
    'not json at all',
    '{"conversation_id": "c2", "role": "agent", "text": "There\'s nothing we can do."}',
  ];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reports what the whole-file read reports, at the same positions (%s)', async (_, eol) => {
    const text = lines.join(eol) + eol;
    const file = join(dir, `chat-${eol.length}.jsonl`);
    writeFileSync(file, text);
    const streamed = await lintJsonLinesFile(file, { config, rules });
    const whole = await lintText(readFileSync(file, 'utf8'), { filePath: file, config, rules });
    const view = (r: typeof whole) => r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.suggestions?.[0]?.fix.range.join('..') ?? ''}`);
    expect(view(streamed)).toEqual(view(whole));
    // Customer text is never flagged; the refusal answered by the next agent turn is not flagged;
    // the broken line is a warning at its line; conversation c2 ends on a dead end.
    expect(streamed.messages.map((m) => `${m.line} ${m.ruleId ?? m.message.slice(0, 22)}`)).toEqual(['4 this line is not JSON:', '5 refusal/dead-end']);
    expect(streamed.input).toEqual({ format: whole.input!.format, replies: 2, repliesWithProblems: 1 });
    expect(whole.input!.repliesWithProblems).toBe(1);
  });

  it('is an error when no line holds a reply, named explicitly', async () => {
    const file = join(dir, 'settings.jsonl');
    writeFileSync(file, '{"theme": "dark"}\n{"fontSize": 12}\n');
    const result = await lintJsonLinesFile(file, { config, rules });
    expect(result.messages.map((m) => [m.fatal, m.message.slice(0, 19)])).toEqual([[true, 'no reply text found']]);
    const walked = await lintJsonLinesFile(file, { config, rules, foundByWalk: true });
    expect(walked.fatalErrorCount).toBe(0);
    expect(walked.warningCount).toBe(1);
  });
});
