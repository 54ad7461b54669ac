// Writing fixed files: atomically (a temporary file beside the target, then a rename), in the
// file's own encoding, keeping its permissions, and never over a file that changed on disk
// since it was read.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

/** What was read from disk, to write the fixed text back the same way. */
export interface FileSnapshot {
  path: string;
  /** sha-256 of the bytes read, to notice a file edited meanwhile */
  digest: string;
  encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';
  /** the text read differs from the bytes in ways a write would not restore (stray NUL bytes) */
  lossy: boolean;
}

export function snapshot(path: string, bytes: Uint8Array, text: string): FileSnapshot {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf16be' : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf8-bom' : 'utf8';
  return { path, digest: contentDigest(bytes), encoding, lossy: bytes.includes(0) && !encoding.startsWith('utf16') && !text.includes('\0') };
}

/** sha-256 of file bytes: what a fix snapshot and the lint cache compare (content, never mtime). */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class FixWriteError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Writes `text` (without a BOM; the snapshot's BOM is restored) over the file the snapshot read. */
export function writeFixed(snap: FileSnapshot, text: string): void {
  if (snap.lossy) throw new FixWriteError(snap.path, 'not fixed: the file holds NUL bytes that were read as spaces, and writing it would change them');
  // Through a symbolic link, the file it points at is rewritten (a rename would replace the link).
  const target = realpathSync(snap.path);
  let current: Buffer;
  try {
    current = readFileSync(target);
  } catch (error) {
    throw new FixWriteError(snap.path, `not fixed: cannot read it again before writing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (contentDigest(current) !== snap.digest) throw new FixWriteError(snap.path, 'not fixed: the file changed on disk while replylint was reading it; run again');
  try {
    atomicWrite(target, encode(text, snap.encoding));
  } catch (error) {
    throw new FixWriteError(snap.path, `not fixed: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * Writes a file atomically: a temporary file beside it, flushed, then renamed over it, so a
 * reader (or a crash) never sees half a file. An existing file keeps its permissions exactly;
 * through a symbolic link, the file linked to is replaced; a missing folder is created.
 * Errors are the file system's, for callers to word.
 */
export function atomicWrite(path: string, data: string | Uint8Array): void {
  const file = openAtomic(path);
  try {
    file.write(data);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** A file being written atomically in parts: nothing is at its path until `commit`. */
export interface AtomicFile {
  write(data: string | Uint8Array): void;
  /** Flushes and renames the temporary file into place. */
  commit(): void;
  /** Removes the temporary file; safe to call after a failed write or commit. */
  abort(): void;
}

/** As atomicWrite, for data that comes in parts (a long report written file by file). */
export function openAtomic(path: string): AtomicFile {
  let target = path;
  let stat: Stats | undefined;
  try {
    target = realpathSync(path);
    stat = statSync(target);
  } catch {
    // A new file: default permissions.
  }
  // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to, not replaced:
  // renaming over it would put a regular file where the device was.
  if (stat && !stat.isFile()) {
    const fd = openSync(target, 'w');
    return {
      write: (data) => writeAll(fd, data),
      commit: () => closeSync(fd),
      abort: () => {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      },
    };
  }
  const mode = stat ? stat.mode & 0o7777 : undefined;
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined = openSync(temp, 'wx', mode ?? 0o666);
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  return {
    write(data) {
      if (fd === undefined) throw new Error('atomic file already closed');
      writeAll(fd, data);
    },
    commit() {
      if (fd === undefined) throw new Error('atomic file already closed');
      fsyncSync(fd);
      close();
      // The mode given to open is filtered by the umask; an existing file's is kept exactly.
      if (mode !== undefined) chmodSync(temp, mode);
      renameSync(temp, target);
    },
    abort() {
      try {
        close();
      } catch {
        // the temporary file goes either way
      }
      rmSync(temp, { force: true });
    },
  };
}

/** A pipe may take part of a write: the rest follows until all of it is written. */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function encode(text: string, encoding: FileSnapshot['encoding']): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.from('\uFEFF' + text, 'utf8');
    case 'utf16le':
      return Buffer.from('\uFEFF' + text, 'utf16le');
    case 'utf16be': {
      const le = Buffer.from('\uFEFF' + text, 'utf16le');
      return le.swap16();
    }
  }
}
