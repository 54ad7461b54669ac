// A rewrite must itself be good writing: apply every suggestion of every diagnostic on the
// corpus and the shipped examples, lint again, and the same family must not fire on the
// rewritten text. (Test-split items are named by id only: nobody tunes rules on their text.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRegistry, lint } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const familyOf = (id: string | null) => (id ?? '').split('/')[0];

interface Sample {
  id: string;
  text: string;
  filePath: string;
  showText: boolean;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const split of ['dev', 'test']) {
    const dir = join(ROOT, 'fixtures', 'corpus', split);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      for (const item of parse(readFileSync(join(dir, file), 'utf8')) as Array<{ id: string; text: string }>) {
        out.push({ id: item.id, text: item.text, filePath: `${item.id}.md`, showText: split === 'dev' });
      }
    }
  }
  for (const rule of builtinRegistry.definitions()) {
    rule.examples.invalid.forEach((text, i) => out.push({ id: `${rule.id} invalid[${i}]`, text, filePath: 'example.txt', showText: true }));
  }
  const replies = join(ROOT, 'fixtures', 'replies');
  for (const file of readdirSync(replies)) {
    out.push({ id: `fixtures/replies/${file}`, text: readFileSync(join(replies, file), 'utf8'), filePath: file, showText: true });
  }
  return out;
}

describe('rewrites', () => {
  it('never trigger the family they were offered for, on the rewritten text', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const sample of samples()) {
      const before_ = await lint(sample.text, undefined, sample.filePath);
      for (const message of before_.messages) {
        for (const suggestion of message.suggestions ?? []) {
          const { range, text } = suggestion.fix;
          const rewritten = sample.text.slice(0, range[0]) + text + sample.text.slice(range[1]);
          const after = await lint(rewritten, undefined, sample.filePath);
          const end = range[0] + text.length;
          // Other problems of the family that were already in the text and survive the rewrite
          // (two condescending phrases in one sentence) are not the rewrite's doing.
          const words = (t: string, m: { line: number; column: number; endLine: number; endColumn: number }) =>
            t.slice(offsetOf(t, m.line, m.column), offsetOf(t, m.endLine, m.endColumn)).toLowerCase();
          const before = before_.messages
            .filter((m) => m !== message && familyOf(m.ruleId) === familyOf(message.ruleId))
            .map((m) => `${m.ruleId}|${words(sample.text, m)}`);
          const again = after.messages.filter((m) => {
            if (familyOf(m.ruleId) !== familyOf(message.ruleId)) return false;
            // Template rules check independent properties of a placeholder: closing "{{name}"
            // may leave a name with no fallback, which is that other rule's finding, not a relapse.
            if (familyOf(m.ruleId) === 'template' && m.ruleId !== message.ruleId) return false;
            const start = offsetOf(rewritten, m.line, m.column);
            const stop = offsetOf(rewritten, m.endLine, m.endColumn);
            if (!(start < end && range[0] < stop)) return false;
            const key = `${m.ruleId}|${words(rewritten, m)}`;
            const at = before.indexOf(key);
            if (at >= 0) {
              before.splice(at, 1);
              return false;
            }
            return true;
          });
          checked++;
          if (again.length) {
            failures.push(
              `${sample.id}: ${message.ruleId} → “${sample.showText ? text : '…'}” fires ${again.map((m) => m.ruleId).join(', ')} again`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  // Ample: this lints every corpus item twice, and CI machines may be shared; it checks text, not time.
  }, 600_000);
});

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split(/(?<=\r\n|\n|\r)/);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]?.length ?? 0;
  return offset + column - 1;
}
