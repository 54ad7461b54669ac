// File bytes → text: UTF-8 (with or without a BOM) and UTF-16 with a BOM are read; binary files
// and other encodings are a clear problem for that file, never mojibake linted as prose.
export type Decoded = { text: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

export function decodeFile(bytes: Uint8Array): Decoded {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16le.decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16be.decode(bytes.subarray(2)) };
  } catch {
    return { error: 'not valid UTF-16 text (the file starts with a UTF-16 byte-order mark but its bytes do not decode)' };
  }
  // Binary: NUL bytes that are more than a stray one or two (git calls any NUL binary, but real
  // macro files pasted from other tools carry the odd NUL in otherwise good text), or bytes
  // that are not UTF-8.
  const head = bytes.subarray(0, 8000);
  let nuls = 0;
  for (const b of head) if (b === 0) nuls++;
  if (nuls > Math.max(2, head.length / 200)) return { error: 'binary file (it contains NUL bytes): not linted' };
  try {
    const text = utf8.decode(bytes);
    // A stray NUL reads as a space, so offsets stay the file's.
    return { text: text.includes('\0') ? text.replace(/\0/g, ' ') : text };
  } catch {
    // Text in a legacy encoding (Latin-1, Windows-1252) has almost no control bytes; an image or
    // an archive has about one in ten: call that binary, not a text file to re-save.
    if (controlBytes(head) > head.length / 100) return { error: 'binary file (it is not text): not linted' };
    return { error: `not UTF-8 text (invalid byte sequence at byte ${firstInvalidUtf8(bytes)}); save it as UTF-8 or UTF-16 with a byte-order mark` };
  }
}

/** Bytes that never appear in text: C0 controls other than tab, line breaks and form feed, and DEL. */
function controlBytes(head: Uint8Array): number {
  let n = 0;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) n++;
  return n;
}

/** Offset of the first byte that is not valid UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}
