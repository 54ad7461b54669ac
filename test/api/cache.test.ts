// The lint cache: keys, round trips, what misses, what is stored, and the file it writes.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFilePath, contentDigest, fingerprint, LintCache } from '../../src/api/cache.js';
import { summarize } from '../../src/engine/lint-text.js';
import { ReplylintError } from '../../src/errors.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { lint } from '../helpers.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes a file under the test folder (creating its folders) and returns its absolute path. */
function put(rel: string, text = 'Hello.\n'): string {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function msg(ruleId: string | null, line: number, more: Partial<LintMessage> = {}): LintMessage {
  return { ruleId, severity: 2, message: `problem on line ${line}`, line, column: 1, endLine: line, endColumn: 5, ...more };
}

/** A result with every optional field LintResult and LintMessage have. */
function richResult(filePath: string): LintResult {
  return {
    ...summarize(filePath, [
      msg('tone/you-have-to', 1, {
        severity: 1,
        fix: { range: [0, 12], text: 'Please' },
        suggestions: [{ desc: 'Use “Please”', fix: { range: [0, 12], text: 'Please' } }],
        macro: { id: '360001', title: 'Refund' },
        speaker: 'agent',
        docsUrl: 'https://example.com/rules/tone/you-have-to',
      }),
      msg('blame/third-party', 3, { macro: { title: 'Late parcel' } }),
    ]),
    input: { format: 'zendesk-macros', replies: 2 },
    suppressedMessages: [{ ...msg('refusal/dead-end', 5), suppressions: [{ kind: 'file', justification: '' }] }],
  };
}

const cacheFile = () => join(root, '.replylintcache');
/** The paths the cache file holds entries for, in file order. */
const cachedPaths = () =>
  readFileSync(cacheFile(), 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((line) => (JSON.parse(line) as string[])[0]);
const counts = '"errorCount":0,"warningCount":0,"fixableErrorCount":0,"fixableWarningCount":0,"fatalErrorCount":0';
/** A cache file's line for a.txt with no problems. */
const emptyEntry = `["a.txt","d","c",{"messages":[],${counts}}]`;

describe('fingerprint', () => {
  it('hashes the JSON text with object keys sorted at every depth, whatever order they were written in', () => {
    const expected = '9be96d31681716c3f880455a75d5c9fc25d31940880943ca4795d3a50662b293'; // sha-256 of {"a":1,"b":[{"c":3,"d":null},"x"]}
    expect(fingerprint({ a: 1, b: [{ c: 3, d: null }, 'x'] })).toBe(expected);
    expect(fingerprint({ b: [{ d: null, c: 3 }, 'x'], a: 1 })).toBe(expected);
  });

  it('tells apart values that differ only in array order, in a nested value, or in being undefined', () => {
    expect(fingerprint({ b: ['x', { c: 3, d: null }], a: 1 })).not.toBe(fingerprint({ a: 1, b: [{ c: 3, d: null }, 'x'] }));
    expect(fingerprint({ rules: { a: { severity: 1 } } })).not.toBe(fingerprint({ rules: { a: { severity: 2 } } }));
    expect(fingerprint(undefined)).toBe('eb045d78d273107348b0300c01d29b7552d622abbc6faf81b3ec55359aa9950c');
    expect(fingerprint('undefined')).toBe('cf939b398b75f0a65d78fbc06aaf35308fa67b9dd3dd0de3a961c4796f1be0e6');
  });

  it('keeps a "__proto__" key as a key', () => {
    expect(fingerprint(JSON.parse('{"__proto__":{"x":1}}'))).not.toBe(fingerprint({}));
  });
});

describe('contentDigest', () => {
  it('is the sha-256 of the bytes, in hex', () => {
    expect(contentDigest(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('cacheFilePath', () => {
  it('is .replylintcache in cwd by default', () => {
    expect(cacheFilePath(root)).toBe(join(root, '.replylintcache'));
  });

  it('is the file named, relative to cwd', () => {
    expect(cacheFilePath(root, 'tmp/lint.json')).toBe(join(root, 'tmp', 'lint.json'));
  });

  it('is .replylintcache inside a folder named with a trailing slash, or an existing folder', () => {
    expect(cacheFilePath(root, 'cache/')).toBe(join(root, 'cache', '.replylintcache'));
    mkdirSync(join(root, 'existing'));
    expect(cacheFilePath(root, 'existing')).toBe(join(root, 'existing', '.replylintcache'));
    expect(cacheFilePath(root, join(root, 'existing'))).toBe(join(root, 'existing', '.replylintcache'));
  });
});

describe('LintCache', () => {
  it('gives back after a save and a load exactly the result stored, under the path asked for, without source and output', async () => {
    const a = put('replies/a.txt');
    const b = put('macros/b.json');
    const linted = await lint('You have to restart the router. The courier lost your parcel.\n', undefined, a);
    expect(linted.messages.filter((m) => m.fix).length).toBe(1);
    expect(linted.messages.filter((m) => m.suggestions?.length).length).toBeGreaterThan(1);
    const cache = LintCache.load(cacheFile(), 'run-1');
    expect(cache.set(a, 'digest-a', 'config-1', { ...linted, source: 'You have to…' })).toBe(true);
    expect(cache.set(b, 'digest-b', 'config-1', richResult(b))).toBe(true);
    cache.save();

    const again = LintCache.load(cacheFile(), 'run-1');
    expect(again.get(a, 'digest-a', 'config-1')).toEqual(linted);
    expect(again.get(b, 'digest-b', 'config-1')).toStrictEqual(richResult(b));
  });

  it('returns a copy: changing a result got from it changes neither later gets nor what is saved', () => {
    const a = put('a.txt');
    const cache = LintCache.load(cacheFile(), 'run-1');
    cache.set(a, 'd', 'c', richResult(a));
    cache.get(a, 'd', 'c')!.messages.pop();
    expect(cache.get(a, 'd', 'c')!.messages.length).toBe(2);
    cache.save();
    expect(LintCache.load(cacheFile(), 'run-1').get(a, 'd', 'c')).toStrictEqual(richResult(a));
  });

  it('misses when the digest, the config key or the run key differs, and for files never stored', () => {
    const a = put('a.txt');
    const cache = LintCache.load(cacheFile(), 'run-1');
    cache.set(a, 'digest-a', 'config-1', richResult(a));
    cache.save();
    const again = LintCache.load(cacheFile(), 'run-1');
    expect(again.get(a, 'digest-a', 'config-1')?.errorCount).toBe(1);
    expect(again.get(a, 'digest-other', 'config-1')).toBe(undefined);
    expect(again.get(a, 'digest-a', 'config-2')).toBe(undefined);
    expect(again.get(join(root, 'b.txt'), 'digest-a', 'config-1')).toBe(undefined);
    expect(LintCache.load(cacheFile(), 'run-2').get(a, 'digest-a', 'config-1')).toBe(undefined);
  });

  it.each([
    ['a corrupt header', `{"version":2,"runKey":"run-1"\n${emptyEntry}\n`],
    ['an empty file', ''],
    ['another version', `{"version":1,"runKey":"run-1"}\n${emptyEntry}\n`],
    ['a header that is not an object', `[1,"run-1"]\n${emptyEntry}\n`],
    ['a cut entry line', `{"version":2,"runKey":"run-1"}\n${emptyEntry.slice(0, 30)}\n`],
    ['an entry whose result is corrupt', `{"version":2,"runKey":"run-1"}\n["a.txt","d","c",{"messages":]\n`],
    ['an entry whose result is of the wrong shape', `{"version":2,"runKey":"run-1"}\n["a.txt","d","c",{"messages":"none"}]\n`],
    ['an entry line that is not an array', `{"version":2,"runKey":"run-1"}\n{"a.txt":["d","c"]}\n`],
  ])('starts empty (or misses the entry), without an error, from %s', (_name, text) => {
    const a = put('a.txt');
    writeFileSync(cacheFile(), text);
    expect(LintCache.load(cacheFile(), 'run-1').get(a, 'd', 'c')).toBe(undefined);
  });

  it('reads an entry of the right version and run (the cases above miss only for their defect)', () => {
    const a = put('a.txt');
    writeFileSync(cacheFile(), `{"version":2,"runKey":"run-1"}\n${emptyEntry}\n`);
    expect(LintCache.load(cacheFile(), 'run-1').get(a, 'd', 'c')).toStrictEqual(summarize(a, []));
  });

  it('skips a bad line and keeps reading the lines after it', () => {
    const a = put('a.txt');
    writeFileSync(cacheFile(), `{"version":2,"runKey":"run-1"}\n["b.txt",\n${emptyEntry}\n`);
    expect(LintCache.load(cacheFile(), 'run-1').get(a, 'd', 'c')).toStrictEqual(summarize(a, []));
  });

  it('round-trips paths, digests, config keys and run keys that need escaping in JSON', () => {
    const names = ['say "hi".txt', 'back\\slash.txt', '__proto__', 'réponse ✓.md'];
    const cache = LintCache.load(cacheFile(), 'run "1"\nnext');
    for (const name of names) cache.set(put(name), `digest "${name}"`, `config\\${name}`, richResult(join(root, name)));
    cache.save();
    const again = LintCache.load(cacheFile(), 'run "1"\nnext');
    for (const name of names) expect(again.get(join(root, name), `digest "${name}"`, `config\\${name}`)).toStrictEqual(richResult(join(root, name)));
    expect(cachedPaths()).toEqual(['__proto__', 'back\\slash.txt', 'réponse ✓.md', 'say "hi".txt']);
  });

  it('starts empty when the cache path is a folder or cannot be read', () => {
    mkdirSync(cacheFile());
    expect(LintCache.load(cacheFile(), 'run-1').get(join(root, 'a.txt'), 'd', 'c')).toBe(undefined);
    expect(LintCache.load(join(root, 'missing', 'cache'), 'run-1').get(join(root, 'a.txt'), 'd', 'c')).toBe(undefined);
  });

  it('does not store results with a fatal message or with fixed output, and writes nothing for them', () => {
    const a = put('a.txt');
    const cache = LintCache.load(cacheFile(), 'run-1');
    const fatal = summarize(a, [msg(null, 1, { fatal: true, message: 'Unexpected end of JSON input' })]);
    expect(cache.set(a, 'd', 'c', fatal)).toBe(false);
    expect(cache.set(a, 'd', 'c', { ...richResult(a), output: 'Please restart the router.\n' })).toBe(false);
    expect(cache.get(a, 'd', 'c')).toBe(undefined);
    cache.save();
    expect(readdirSync(root)).toEqual(['a.txt']);
  });

  it('writes a version and run key line, then one compact line per file, by path relative to its folder with forward slashes', () => {
    const a = put('replies/en/a.txt');
    const outside = put('outside.txt');
    const file = join(root, 'cache', 'lint.json');
    const cache = LintCache.load(file, 'run-1');
    cache.set(a, 'digest-a', 'config-1', summarize(a, []));
    cache.set(outside, 'digest-o', 'config-1', summarize(outside, []));
    cache.save();
    expect(readFileSync(file, 'utf8')).toBe(
      '{"version":2,"runKey":"run-1"}\n' +
        `["../outside.txt","digest-o","config-1",{"messages":[],${counts}}]\n` +
        `["../replies/en/a.txt","digest-a","config-1",{"messages":[],${counts}}]\n`,
    );
  });

  it('still hits when the project, cache included, is restored at another path (a CI cache)', () => {
    const a = put('project/replies/a.txt');
    const cache = LintCache.load(join(root, 'project', '.replylintcache'), 'run-1');
    cache.set(a, 'digest-a', 'config-1', richResult(a));
    cache.save();
    cpSync(join(root, 'project'), join(root, 'elsewhere'), { recursive: true });
    rmSync(join(root, 'project'), { recursive: true });
    const moved = join(root, 'elsewhere', 'replies', 'a.txt');
    expect(LintCache.load(join(root, 'elsewhere', '.replylintcache'), 'run-1').get(moved, 'digest-a', 'config-1')).toStrictEqual(richResult(moved));
  });

  it('keeps the entries of files not linted in this run, and drops those of deleted files when it saves', () => {
    const [a, b, c] = [put('a.txt'), put('b.txt'), put('c.txt')];
    const first = LintCache.load(cacheFile(), 'run-1');
    first.set(a, 'da', 'c', summarize(a, []));
    first.set(b, 'db', 'c', summarize(b, []));
    first.save();
    rmSync(b);
    const second = LintCache.load(cacheFile(), 'run-1');
    second.set(c, 'dc', 'c', summarize(c, []));
    second.save();
    expect(cachedPaths()).toEqual(['a.txt', 'c.txt']);
    expect(LintCache.load(cacheFile(), 'run-1').get(a, 'da', 'c')).toStrictEqual(summarize(a, []));
  });

  it('does not rewrite the file when nothing changed, even if a result equal to the stored one is set again', () => {
    const a = put('a.txt');
    const first = LintCache.load(cacheFile(), 'run-1');
    first.set(a, 'd', 'c', richResult(a));
    first.save();
    const past = new Date('2001-02-03T04:05:06Z');
    utimesSync(cacheFile(), past, past);
    const before = statSync(cacheFile());

    const second = LintCache.load(cacheFile(), 'run-1');
    expect(second.get(a, 'd', 'c')?.warningCount).toBe(1);
    expect(second.set(a, 'd', 'c', richResult(a))).toBe(true);
    second.save();
    const after = statSync(cacheFile());
    expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);

    // …and does rewrite it when a result did change.
    second.set(a, 'd2', 'c', richResult(a));
    second.save();
    expect(statSync(cacheFile()).mtimeMs).not.toBe(before.mtimeMs);
  });

  it('creates the folder of the cache file and leaves no temporary file beside it', () => {
    const a = put('a.txt');
    const file = cacheFilePath(root, 'node_modules/.cache/replylint/');
    const cache = LintCache.load(file, 'run-1');
    cache.set(a, 'd', 'c', summarize(a, []));
    cache.save();
    expect(file).toBe(join(root, 'node_modules', '.cache', 'replylint', '.replylintcache'));
    expect(readdirSync(dirname(file))).toEqual(['.replylintcache']);
    expect(readdirSync(root).sort()).toEqual(['a.txt', 'node_modules']);
  });

  it('when two runs save the same cache, the file holds the whole of the last one', () => {
    const [a, b] = [put('a.txt'), put('b.txt')];
    const one = LintCache.load(cacheFile(), 'run-1');
    const two = LintCache.load(cacheFile(), 'run-1');
    one.set(a, 'da', 'c', summarize(a, []));
    two.set(b, 'db', 'c', summarize(b, []));
    one.save();
    two.save();
    expect(cachedPaths()).toEqual(['b.txt']);
    expect(readdirSync(root).sort()).toEqual(['.replylintcache', 'a.txt', 'b.txt']);
  });

  it.each([
    ['a folder', () => mkdirSync(join(root, 'taken')), 'taken', 'EISDIR'],
    ['inside a file', () => put('plain.txt'), 'plain.txt/.replylintcache', 'EEXIST'],
  ])('throws a ReplylintError naming the cache file when it is %s', (_name, arrange, location, code) => {
    const file = join(root, location);
    arrange();
    const a = put('a.txt');
    const cache = LintCache.load(file, 'run-1');
    cache.set(a, 'd', 'c', summarize(a, []));
    let thrown: unknown;
    try {
      cache.save();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReplylintError);
    expect((thrown as ReplylintError).format()).toBe(`${file}: cannot write the cache file (${code})`);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps 10,000 entries through a save and a load', () => {
    const folder = join(root, 'many');
    mkdirSync(folder);
    const cache = LintCache.load(cacheFile(), 'run-1');
    for (let i = 0; i < 10_000; i++) {
      const file = join(folder, `${i}.txt`);
      writeFileSync(file, '');
      cache.set(file, `d${i}`, 'c', richResult(file));
    }
    cache.save();
    const again = LintCache.load(cacheFile(), 'run-1');
    const hits = Array.from({ length: 10_000 }, (_, i) => again.get(join(folder, `${i}.txt`), `d${i}`, 'c')).filter((r) => r?.messages.length === 2);
    expect(hits.length).toBe(10_000);
    expect(again.get(join(folder, '9999.txt'), 'd9999', 'c')).toStrictEqual(richResult(join(folder, '9999.txt')));
  });
});
