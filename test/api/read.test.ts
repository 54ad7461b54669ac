import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/api/read.js';

describe('decodeFile', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeFile(Buffer.from('héllo'))).toEqual({ text: 'héllo' });
    expect(decodeFile(Buffer.from('\uFEFFhéllo'))).toEqual({ text: 'héllo' });
  });
  it('reads UTF-16 little and big endian with a BOM', () => {
    expect(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We can’t', 'utf16le')]))).toEqual({ text: 'We can’t' });
    const be = Buffer.from('Hi', 'utf16le').swap16();
    expect(decodeFile(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: 'Hi' });
  });
  it('refuses binary files and other encodings with a clear reason', () => {
    expect(decodeFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x00, 0x00, 0x00]))).toEqual({ error: 'binary file (it contains NUL bytes): not linted' });
    expect(decodeFile(Buffer.from([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]))).toEqual({
      error: 'not UTF-8 text (invalid byte sequence at byte 3); save it as UTF-8 or UTF-16 with a byte-order mark',
    });
  });
  it('reads a stray NUL in otherwise good text as a space', () => {
    expect(decodeFile(Buffer.from('We can\0help with that.\n'))).toEqual({ text: 'We can help with that.\n' });
  });
  it('reads an empty file as empty text', () => {
    expect(decodeFile(new Uint8Array())).toEqual({ text: '' });
  });
});
