// Test helper: reads an export fixture into the plain value the container readers hand to
// detectExport (CSV rows keyed by header, JSON Lines as a list of line values).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { DataPath } from '../../../src/sources/data/tree.js';

export type Container = 'json' | 'jsonl' | 'yaml' | 'csv';

const root = fileURLToPath(new URL('../../../fixtures/exports/', import.meta.url));

export function loadFixture(name: string): { value: unknown; container: Container } {
  const text = readFileSync(root + name, 'utf8');
  if (name.endsWith('.jsonl')) return { value: text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown), container: 'jsonl' };
  if (name.endsWith('.json')) return { value: JSON.parse(text) as unknown, container: 'json' };
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return { value: parseYaml(text) as unknown, container: 'yaml' };
  return { value: parseCsv(text), container: 'csv' };
}

/** RFC 4180 rows keyed by the header (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** The value at a path, to check that a field's path points at the text it claims. */
export function valueAt(value: unknown, path: DataPath): unknown {
  let current = value;
  for (const step of path) current = (current as Record<string | number, unknown> | undefined)?.[step];
  return current;
}
