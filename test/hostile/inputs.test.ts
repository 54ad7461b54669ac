// Hostile inputs against the real binary: each ends with a defined outcome, never a crash or a hang.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, envWith, runCli } from '../e2e/run-cli.js';

const env = envWith({ NO_COLOR: '1', FORCE_COLOR: null });
let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'replylint-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (args: string[], timeoutMs = 50_000) => runCli([...args, '--no-config-lookup', '--format', 'compact'], { cwd: dir, env, timeoutMs });
const SENTENCE = 'Thanks for your message, and I have refunded the shipping fee to your card. ';

describe('size', () => {
  it('refuses a 50 MB text file by name, exit 2, in bounded memory', () => {
    const file = join(dir, 'huge.txt');
    writeFileSync(file, SENTENCE.repeat(Math.ceil((50 * 1024 * 1024) / SENTENCE.length)));
    // /usr/bin/time -v gives the child's peak RSS; without it the run alone is checked.
    const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
    let stdout = '';
    let stderr = '';
    let status = 0;
    try {
      stdout = execFileSync(time[0] ?? process.execPath, [...time.slice(1), ...(time.length ? [process.execPath] : []), BIN, 'huge.txt', '--no-config-lookup', '--format', 'compact'], { cwd: dir, env, encoding: 'utf8', timeout: 55_000, stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      ({ status, stdout, stderr } = e);
    }
    expect(status).toBe(2);
    expect(stdout).toContain('huge.txt: line 1, col 1, Error - file too large to lint (50.0 MB; the limit is 4.0 MB for one reply)');
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (rss) expect(Number(rss[1]) * 1024).toBeLessThan(1.5 * 1024 ** 3);
  }, 60_000);

  it('lints a 1 MB single line and places the problem on line 1', async () => {
    const body = SENTENCE.repeat(Math.ceil(1024 ** 2 / SENTENCE.length));
    writeFileSync(join(dir, 'one-line.txt'), `${body}That is not possible.`);
    const run = await lint(['one-line.txt']);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`one-line.txt: line 1, col ${body.length + 1}, Error - “That is not possible” closes the door`);
  }, 60_000);
});

describe('nesting', () => {
  const deep = 10_000;
  it.each([
    ['arrays.json', '['.repeat(deep) + ']'.repeat(deep), 501],
    ['objects.json', '{"a":'.repeat(deep) + '"x"' + '}'.repeat(deep), 2501],
    ['flow.yaml', 'a: ' + '['.repeat(deep) + ']'.repeat(deep), 504],
  ])('reports %s nested 10,000 deep at the level that is too deep, exit 2, no stack overflow', async (name, text, column) => {
    writeFileSync(join(dir, name), text);
    const run = await lint([name]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${name}: line 1, col ${column}, Error - nested more than 500 levels deep: not read`);
    expect(run.stdout + run.stderr).not.toMatch(/call stack|RangeError/);
  });

  it('reports a JSON Lines line nested 10,000 deep as not JSON and reads the others', async () => {
    writeFileSync(join(dir, 'deep.jsonl'), `{"role":"agent","body":"Hi"}\n${'['.repeat(deep)}${']'.repeat(deep)}\n`);
    const run = await lint(['deep.jsonl']);
    expect(run.stdout + run.stderr).not.toMatch(/call stack|RangeError/);
    expect(run.stdout).toContain('deep.jsonl: line 2, col 501, Warning - this line is not JSON: nested more than 500 levels deep: not read');
  });
});

describe('bytes that are not text', () => {
  it('reports a PNG and a NUL-heavy .txt as binary, exit 2', async () => {
    const noise = Buffer.alloc(4000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    writeFileSync(join(dir, 'image.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise]));
    writeFileSync(join(dir, 'nul.txt'), Buffer.concat([Buffer.alloc(3000), Buffer.from('That is not possible.')]));
    const run = await lint(['image.png', 'nul.txt']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('image.png: line 1, col 1, Error - binary file (it is not text): not linted');
    expect(run.stdout).toContain('nul.txt: line 1, col 1, Error - binary file (it contains NUL bytes): not linted');
    expect(run.stdout).not.toContain('closes the door');
  });

  it('names the file and the byte offset of invalid UTF-8', async () => {
    writeFileSync(join(dir, 'latin.txt'), Buffer.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0xc3, 0x28, 0x0a]));
    const run = await lint(['latin.txt']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('latin.txt: line 1, col 1, Error - not UTF-8 text (invalid byte sequence at byte 6)');
  });
});

describe('the file system', () => {
  // Root reads any file: as root the child runs as "nobody" instead, so the file is really unreadable.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
  it.each(['off', '2'])('reports an unreadable file by name, exit 2, with --concurrency %s', async (concurrency) => {
    const root = join(dir, `locked-${concurrency}`);
    mkdirSync(root);
    chmodSync(dir, 0o755);
    for (let i = 0; i < 4; i++) writeFileSync(join(root, `r${i}.txt`), 'Thanks, your refund is on its way.\n');
    chmodSync(join(root, 'r2.txt'), 0o000);
    const run = await runCli([root, '--no-config-lookup', '--concurrency', concurrency], { cwd: dir, env, user: asUser });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`locked-${concurrency}/r2.txt: cannot read file (EACCES)\n`);
  });

  it('ends the walk through symlink loops', async () => {
    const root = join(dir, 'loops');
    mkdirSync(join(root, 'inner'), { recursive: true });
    writeFileSync(join(root, 'inner', 'reply.txt'), 'That is not possible.\n');
    symlinkSync('b.txt', join(root, 'a.txt'));
    symlinkSync('a.txt', join(root, 'b.txt'));
    symlinkSync('..', join(root, 'inner', 'up'));
    const run = await lint(['loops'], 20_000);
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toContain('inner/reply.txt: line 1, col 1, Error - “That is not possible” closes the door');
  });

  it('walks and lints a folder of 100,000 small files', async () => {
    const root = join(dir, 'many');
    mkdirSync(root);
    for (let i = 0; i < 100_000; i++) writeFileSync(join(root, `r${i}.txt`), i % 1000 === 0 ? 'That is not possible.\n' : 'Your refund is on its way.\n');
    const run = await lint(['many'], 290_000);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout.match(/closes the door/g)).toHaveLength(100);
    expect(run.stdout).toContain('many/r99000.txt: line 1, col 1, Error - “That is not possible” closes the door');
    rmSync(root, { recursive: true, force: true });
  }, 300_000);
});

describe('rules and configs', () => {
  it('matches a user phrase of 30 optional groups on a long sentence without hanging', async () => {
    const root = join(dir, 'rules-case');
    mkdirSync(join(root, 'house'), { recursive: true });
    const phrase = `${'(very)? '.repeat(30)}late`;
    writeFileSync(
      join(root, 'house', 'very-late.yaml'),
      [
        'id: house/very-late', 'family: house', 'kind: phrase', 'severity: error', 'summary: Piles up "very".',
        'why: Piled-up intensifiers.', 'message: "“{{match}}” piles up intensifiers."', 'suggest:', '  - text: "late"',
        'phrases:', `  - "${phrase}"`, 'examples:', '  invalid:', '    - "It is very very late."', '  valid:', '    - "It is late."', '',
      ].join('\n'),
    );
    writeFileSync(join(root, '.replylintrc.json'), JSON.stringify({ ruleDirs: ['house'] }));
    writeFileSync(join(root, 'reply.txt'), `It is ${'very '.repeat(60)}early, not late.\n`);
    const run = await runCli(['reply.txt', '--format', 'compact'], { cwd: root, env, timeoutMs: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`reply.txt: line 1, col ${'It is '.length + 'very '.repeat(60).length + 'early, not '.length + 1}, Error - “late” piles up intensifiers. (house/very-late)`);
  });

  it.each([
    ['itself', { '.replylintrc.json': { extends: './.replylintrc.json' } }],
    ['a cycle of two', { '.replylintrc.json': { extends: './other.json' }, 'other.json': { extends: './.replylintrc.json' } }],
  ])('reports a config that extends %s, exit 2', async (name, files) => {
    const root = join(dir, `extends-${name.replace(/ /g, '-')}`);
    mkdirSync(root);
    for (const [file, body] of Object.entries(files)) writeFileSync(join(root, file), JSON.stringify(body));
    writeFileSync(join(root, 'reply.txt'), 'Your refund is on its way.\n');
    const run = await runCli(['reply.txt'], { cwd: root, env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"extends" makes a cycle');
    for (const file of Object.keys(files)) expect(run.stderr).toContain(file);
  });
});

describe('rule patterns that could hang the linter', () => {
  const ruleFile = (id: string, pattern: string) =>
    [
      `id: house/${id}`, 'family: house', 'kind: pattern', 'severity: error', 'summary: Blames the courier.', 'why: The customer chose us.',
      'message: "“{{match}}” blames the courier."', 'pattern:', `  - "${pattern}"`, 'examples:', '  invalid:', '    - "The courier has lost it."', '  valid:', '    - "We lost it."', '',
    ].join('\n');
  const project = (name: string, id: string, pattern: string, reply: string) => {
    const root = join(dir, name);
    mkdirSync(join(root, 'house'), { recursive: true });
    writeFileSync(join(root, 'house', `${id}.yaml`), ruleFile(id, pattern));
    writeFileSync(join(root, '.replylintrc.json'), JSON.stringify({ ruleDirs: ['house'] }));
    writeFileSync(join(root, 'reply.txt'), reply);
    return root;
  };

  it('refuses a /regex/ term, which backtracks exponentially on one long word, by file and line, exit 2', async () => {
    // Run as a regex, "/^(a+)+$/" takes minutes on the 41-letter word of this reply.
    const root = project('pattern-regex', 'regex', 'courier /^(a+)+$/', `The courier ${'a'.repeat(40)}b it.\n`);
    const run = await runCli(['reply.txt', '--format', 'compact'], { cwd: root, env, timeoutMs: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `${join('house', 'regex.yaml')}:9:5: the pattern term "/^(a+)+$/" is a regular expression, which can take exponential time on one long word: list the words instead, e.g. "(refund|refunds|refunded)", or use a tag such as "#Verb"`,
    );
    expect(run.stdout).toBe('');
  });

  it('runs patterns only on sentences of up to 200 words: a 20,000-word one finishes in seconds with no pattern match', async () => {
    // Unbounded, tagging this "sentence" and matching ".* courier .* lost" from every word took 46 s.
    const words = 'the courier said it was on its way and'.split(' ');
    const long = Array.from({ length: 19_999 }, (_, i) => words[i % words.length]).join(' ');
    const root = project('pattern-long-sentence', 'courier-lost', '.* courier .* lost', `The courier has lost your parcel.\n\nLost ${long}\n`);
    const run = await runCli(['reply.txt', '--format', 'compact'], { cwd: root, env, timeoutMs: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout.match(/\(house\/courier-lost\)/g)).toEqual(['(house/courier-lost)']);
    expect(run.stdout).toContain('reply.txt: line 1, col 1, Error - “The courier has lost” blames the courier. (house/courier-lost)');
    expect(run.stdout).not.toContain('line 3');
  });
});
