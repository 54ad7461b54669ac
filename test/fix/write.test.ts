import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/api/read.js';
import { FixWriteError, openAtomic, snapshot, writeFixed } from '../../src/fix/write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a file the way the linter does and returns its snapshot. */
function read(path: string) {
  const bytes = readFileSync(path);
  const decoded = decodeFile(bytes);
  if ('error' in decoded) throw new Error(decoded.error);
  return { snap: snapshot(path, bytes, decoded.text), text: decoded.text };
}

describe('writeFixed', () => {
  it('replaces the file and keeps its permissions, leaving no temporary file', () => {
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'You have to restart.\n');
    chmodSync(file, 0o640);
    const { snap } = read(file);
    writeFixed(snap, 'You can restart.\n');
    expect(readFileSync(file, 'utf8')).toBe('You can restart.\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['reply.txt']);
  });

  it('writes back in the encoding it read: UTF-8 with a BOM, UTF-16 LE and BE', () => {
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const cases: Array<[string, (text: string) => Buffer]> = [
      ['bom8.txt', (t) => Buffer.from(t, 'utf8')],
      ['le.txt', (t) => Buffer.from(t, 'utf16le')],
      ['be.txt', utf16be],
    ];
    for (const [name, bytesOf] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytesOf('\uFEFFYou have to restart.\n'));
      const { snap, text } = read(file);
      expect(text).toBe('You have to restart.\n');
      writeFixed(snap, 'You can restart.\n');
      expect(readFileSync(file).equals(bytesOf('\uFEFFYou can restart.\n')), name).toBe(true);
    }
  });

  it('does not overwrite a file that changed on disk after it was read', () => {
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'You have to restart.\n');
    const { snap } = read(file);
    writeFileSync(file, 'Someone else edited this.\n');
    expect(() => writeFixed(snap, 'You can restart.\n')).toThrow(FixWriteError);
    expect(readFileSync(file, 'utf8')).toBe('Someone else edited this.\n');
    expect(readdirSync(dir)).toEqual(['reply.txt']);
  });

  it('rewrites the file a symbolic link points at and keeps the link', () => {
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(target, 'You have to restart.\n');
    symlinkSync(target, link);
    const { snap } = read(link);
    writeFixed(snap, 'You can restart.\n');
    expect(readFileSync(target, 'utf8')).toBe('You can restart.\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'target.txt']);
  });

  it('refuses a file whose stray NUL bytes were read as spaces', () => {
    const file = join(dir, 'nul.txt');
    writeFileSync(file, 'You have to\0 restart.\n');
    const { snap } = read(file);
    expect(() => writeFixed(snap, 'You can  restart.\n')).toThrow(/NUL/);
    expect(readFileSync(file, 'utf8')).toBe('You have to\0 restart.\n');
  });
});

describe('openAtomic', () => {
  it('puts nothing at the path until commit, then the parts in order', () => {
    const file = join(dir, 'report.json');
    writeFileSync(file, 'old report\n');
    const out = openAtomic(file);
    out.write('[{"a":1}');
    out.write(Buffer.from(',{"b":"é"}]\n', 'utf8'));
    expect(readFileSync(file, 'utf8')).toBe('old report\n');
    out.commit();
    expect(readFileSync(file, 'utf8')).toBe('[{"a":1},{"b":"é"}]\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the old file and no temporary file when aborted', () => {
    const file = join(dir, 'report.json');
    writeFileSync(file, 'old report\n');
    const out = openAtomic(file);
    out.write('half a rep');
    out.abort();
    out.abort();
    expect(readFileSync(file, 'utf8')).toBe('old report\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(() => out.write('more')).toThrow(/closed/);
  });
});
