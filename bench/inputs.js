#!/usr/bin/env node
// Input readers under load: `npm run bench` runs this after bench/run.js (needs dist/).
//   - growth: each reader on inputs of size n and 4n; the ratio of times is ~4 when the reader is
//     linear and ~16 when it is quadratic (hostile shapes: one huge quoted CSV cell, an unclosed
//     quote, a run of "{{" with no close, a transcript of 1 MB lines);
//   - streaming: the CLI over a JSON Lines export of 5,000 and 20,000 conversations, read whole
//     and streamed (REPLYLINT_STREAM_JSONL_ABOVE=1 streams every file; by default only files over
//     32 MB are); streamed peak RSS should stay flat (one conversation at a time).
// Prints a table; asserts nothing (timings are noisy on shared machines).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { parseCsvTree } = await import(dist('sources/data/csv.js'));
const { parseJsonLinesTree } = await import(dist('sources/data/jsonl.js'));
const { parseJsonTree } = await import(dist('sources/data/json.js'));
const { placeholderScanner } = await import(dist('sources/placeholders.js'));
const { transcriptTurns } = await import(dist('sources/transcript.js'));
const { htmlSegments } = await import(dist('sources/html.js'));
const BIN = fileURLToPath(new URL('../bin/replylint.js', import.meta.url));

const best = (fn, input) => {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn(input);
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

const scanner = placeholderScanner();
const cases = [
  ['CSV rows', (n) => 'id,text\n' + '42,"a ""quoted"" reply, with a comma",\n'.repeat(n), (t) => parseCsvTree(t).stringAt([0, 'text'])],
  ['CSV one huge quoted cell', (n) => 'id,text\n1,"' + 'say ""hi"" '.repeat(n) + '"\n', (t) => parseCsvTree(t).stringAt([0, 'text'])],
  ['CSV unclosed quote', (n) => 'id,text\n1,"' + 'line\n'.repeat(n), (t) => parseCsvTree(t).stringAt([0, 'text'])],
  ['JSON Lines', (n) => '{"id": 1, "text": "a reply\\n with an escape"}\n'.repeat(n), (t) => parseJsonLinesTree(t).value],
  ['JSON string with escapes', (n) => JSON.stringify({ text: 'we can\u2019t "refund"\n'.repeat(n) }), (t) => parseJsonTree(t).stringAt(['text'])],
  ['placeholders, "{{" never closed', (n) => '{{'.repeat(n * 5), (t) => scanner.find(t)],
  ['transcript turns', (n) => 'Customer: where is my parcel?\nAgent: it left the depot today.\n'.repeat(n), (t) => transcriptTurns(t, 'text', [])],
  ['HTML paragraphs', (n) => '<p>We&#39;re sorry &amp; we <b>can</b> help.</p>\n'.repeat(n), (t) => htmlSegments(t, 'r')],
];

const N = 20_000;
console.log('\nInput readers: time at n and 4n (ratio ~4 = linear, ~16 = quadratic)\n');
console.log('| reader | n | ms at n | ms at 4n | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, make, run] of cases) {
  const small = make(N);
  const large = make(4 * N);
  best(run, small); // warm up
  const a = best(run, small);
  const b = best(run, large);
  console.log(`| ${name} | ${N} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(1)} |`);
}

// Streaming: peak RSS of the CLI over JSON Lines exports of growing size.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-bench-jsonl-'));
const lines = (conversations) => {
  let out = '';
  for (let c = 0; c < conversations; c++) {
    out += JSON.stringify({ conversation_id: `c${c}`, role: 'customer', text: `Order ${c} has not arrived and the tracking page is blank.` }) + '\n';
    out += JSON.stringify({ conversation_id: `c${c}`, role: 'agent', text: c % 3 ? 'I have sent a replacement by express; it arrives tomorrow.' : "We can't refund shipping." }) + '\n';
  }
  return out;
};
console.log('\nJSON Lines export, streamed by the CLI: peak RSS as the file grows\n');
console.log('| conversations | MB | read | wall s | peak RSS MB |');
console.log('| ---: | ---: | --- | ---: | ---: |');
for (const [n, streamed] of [[5_000, false], [20_000, false], [5_000, true], [20_000, true]]) {
  const env = { ...process.env, REPLYLINT_STREAM_JSONL_ABOVE: streamed ? '1' : String(2 ** 40) };
  const file = path.join(dir, `chats-${n}.jsonl`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, lines(n));
  // maxRSS of children is not in resourceUsage of the parent: measure through /usr/bin/time when present.
  const timed = fs.existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, file, '--format', 'json', '--no-config-lookup'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env })
    : undefined;
  let wall;
  let rssMb;
  if (timed) {
    const [s, kb] = timed.stderr.trim().split('\n').pop().split(' ');
    wall = Number(s);
    rssMb = Number(kb) / 1024;
  } else {
    // Without GNU time: wall time only.
    const t = performance.now();
    spawnSync(process.execPath, [BIN, file, '--format', 'json', '--no-config-lookup'], { stdio: 'ignore', env });
    wall = (performance.now() - t) / 1000;
    rssMb = Number.NaN;
  }
  console.log(`| ${n} | ${(fs.statSync(file).size / 1e6).toFixed(1)} | ${streamed ? 'streamed' : 'whole'} | ${wall.toFixed(2)} | ${rssMb.toFixed(0)} |`);
}
fs.rmSync(dir, { recursive: true, force: true });
