#!/usr/bin/env node
// replylint benchmark, side by side with alex: `npm run bench` (builds first) or `node bench/run.js` (needs dist/).
//
// One run measures everything, so the figures can be read as ratios of each other:
//   - node floor: `node -e ""`, the cost of starting Node at all;
//   - cold single-file runs (the pre-commit case): replylint on a reply with problems and on a clean
//     one, alex on the reply with problems;
//   - replylint and alex over the same generated folders of 1,000 and 10,000 replies, replylint also
//     over 20,000 (the scaling check) and, when the CLI has --concurrency, over 10,000 with workers off;
//   - a "parse floor": one process that only reads the same 1,000 / 10,000 files and parses each with
//     unified + retext-english, the parser both tools use;
//   - replylint over one Zendesk-shaped JSON export holding 10,000 macros;
//   - replylint (and alex, on its .md/.txt files) over ../shared/corpus/wild, if present.
// Cheap cases run once untimed, then BENCH_RUNS times round-robin, then once more for peak RSS.
// Expensive cases (replylint on 10k and 20k files and on the export; alex on 10k files, and the alex
// rows shown for comparison only) run BENCH_RUNS_LARGE times, round-robin, and each of those runs
// also measures peak RSS. The tables show median and min wall time and the ratios the issue sets
// goals for, with met / not met. Nothing here asserts: it prints and writes the same figures as JSON.
//
// Environment:
//   BENCH_RUNS=n        timed runs per cheap case (default 5)
//   BENCH_RUNS_LARGE=n  timed runs per expensive case (default 1)
//   BENCH_OUT=file      where to write the JSON results (default: replylint-bench-latest.json in the OS temp folder)
//   BENCH_KEEP=1        keep the generated corpora (their path is printed) instead of removing them
//   BENCH_RSS=resourceUsage   measure peak RSS from inside even when GNU time is available
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGenerator, writeCorpus, writeMacroExport } from './corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/replylint.js', import.meta.url));
const ALEX = fileURLToPath(new URL('../node_modules/alex/cli.js', import.meta.url));
const WILD = fileURLToPath(new URL('../../shared/corpus/wild', import.meta.url));
const positiveInt = (value, fallback) => Math.max(1, Number.parseInt(value ?? String(fallback), 10) || fallback);
const RUNS = positiveInt(process.env.BENCH_RUNS, 5);
const RUNS_LARGE = positiveInt(process.env.BENCH_RUNS_LARGE, 1);
const OUT = process.env.BENCH_OUT
  ? path.resolve(process.env.BENCH_OUT)
  : path.join(os.tmpdir(), 'replylint-bench-latest.json');
const KEEP = process.env.BENCH_KEEP === '1';
const SEED = 20240611;
const SMALL = 1000;
const LARGE = 10000;
const SCALE = 20000;
const EXPORT_MACROS = 10000;
const WARMUP_FILES = 200;
// alex's CLI runs update-notifier, which would start a background registry check mid-benchmark.
const CHILD_ENV = { ...process.env, NO_UPDATE_NOTIFIER: '1' };

// The goals, as limits on ratios measured in the same run. "Linear" and "flat" have no
// number in the issue; this benchmark reads them as: the cost per file grows by at most 1.25× from
// one size to the next (1k → 10k, 10k → 20k; fixed costs such as starting workers make 1k dearer
// per file, so 20k ÷ 1k alone would hide a growth from 10k to 20k), and the peak RSS at 20k is at
// most 1.25× the peak RSS at 1k.
const GOALS = {
  vsAlex10k: 0.2,
  vsParseFloor10k: 3,
  coldVsAlex: 0.4,
  coldVsNode: 3,
  scaling: 1.25,
  rssMB: 250,
};

// ----------------------------------------------------------------
// Running and measuring
// ----------------------------------------------------------------

/**
 * One child process (`node ...args`), timed with wall-clock around spawnSync. stdout goes to
 * /dev/null, or with `capture` to that file, read back after the clock stops (a file, not a pipe,
 * so a captured run costs the child what a discarded one does); stderr is always kept. With `rss`
 * (from detectRssMethod) the run also reports its peak RSS in MB.
 */
function run(args, { capture, rss } = {}) {
  let cmd = process.execPath;
  let argv = args;
  if (rss?.kind === 'gnu-time') {
    cmd = '/usr/bin/time';
    argv = ['-v', process.execPath, ...args];
  } else if (rss?.kind === 'resourceUsage') {
    argv = ['--require', rss.hook, ...args];
  }
  const stdout = capture ? fs.openSync(capture, 'w') : 'ignore';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: CHILD_ENV, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (capture) fs.closeSync(stdout);
  const out = { ms, status: r.status, signal: r.signal, error: r.error, stdout: capture ? fs.readFileSync(capture, 'utf8') : '', stderr: r.stderr ?? '', rssMB: null };
  if (rss?.kind === 'gnu-time') {
    const m = [...out.stderr.matchAll(new RegExp(RSS_RE, 'g'))].pop();
    out.stderr = out.stderr.replace(/\n?(Command (exited with non-zero status|terminated by signal) \d+\n)?\tCommand being timed:[\s\S]*$/, '');
    out.rssMB = m ? Number(m[1]) / 1024 : null;
  } else if (rss?.kind === 'resourceUsage') {
    const m = /replylint-bench-maxrss (\d+)/.exec(out.stderr);
    out.stderr = out.stderr.replace(/\nreplylint-bench-maxrss \d+\n/, '');
    out.rssMB = m ? Number(m[1]) / 1024 : null;
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Peak RSS. GNU time reports the child's ru_maxrss from wait4(), measured from outside without
// touching the program, so it is preferred; it is not installed everywhere (and macOS's
// /usr/bin/time has no -v), so the fallback preloads a tiny CommonJS hook (`node --require`, which
// works before ES modules and `-e` scripts alike) that prints process.resourceUsage().maxRSS on
// exit — the same kernel figure, seen from inside. Either way the figure covers the whole process,
// worker threads included; the hook is inherited by workers, so it speaks only on the main thread.
const RSS_RE = /Maximum resident set size \(kbytes\): (\d+)/;
const RSS_HOOK = `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => process.stderr.write('\\nreplylint-bench-maxrss ' + process.resourceUsage().maxRSS + '\\n'));
`;
/** Returns how runs measure peak RSS: { kind: 'gnu-time' } or { kind: 'resourceUsage', hook } (the hook written into `dir`). */
function detectRssMethod(dir) {
  if (process.env.BENCH_RSS !== 'resourceUsage' && fs.existsSync('/usr/bin/time')) {
    const probe = run(['-e', ''], { rss: { kind: 'gnu-time' } });
    if (probe.status === 0 && probe.rssMB !== null) return { kind: 'gnu-time' };
  }
  const hook = path.join(dir, 'rss-hook.cjs');
  fs.writeFileSync(hook, RSS_HOOK);
  return { kind: 'resourceUsage', hook };
}

// The parse floor: read every file and parse it with the same processor replylint builds
// (unified().use(retextEnglish), created once). Bare imports resolve from the cwd, the repository.
const PARSE_FLOOR = `
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
const parser = unified().use(retextEnglish);
const files = readFileSync(process.argv[1], 'utf8').split('\\n').filter(Boolean);
let nodes = 0;
for (const file of files) nodes += parser.parse(readFileSync(file, 'utf8')).children.length;
process.stdout.write(JSON.stringify({ files: files.length, paragraphs: nodes }) + '\\n');
`;

// alex's default reporter (vfile-reporter; no colour, as stderr is a pipe) prints one unindented
// line per file — its path, plus ": no issues found" when clean — then that file's messages
// indented, and last a summary line such as "⚠ 355 warnings" or "✖ 1 error, ⚠ 2 warnings".
const ALEX_SUMMARY = /^(\d+ messages \()?[✖⚠×‼] \d+ (error|warning)/;
function alexReport(stderr) {
  const lines = stderr.split('\n').filter((l) => l !== '' && !/^\s/.test(l));
  const summary = lines.length && ALEX_SUMMARY.test(lines[lines.length - 1]) ? lines.pop() : '';
  const count = (re) => Number(re.exec(summary)?.[1] ?? 0);
  return { files: lines.length, warnings: count(/(\d+) warnings?/), errors: count(/(\d+) errors?/) };
}
/** A check for one alex command: every expected file reported, no fatal error. */
const alexCheck = (expected) => (r) => {
  const rep = alexReport(r.stderr);
  r.alex = rep;
  if (rep.errors) return `alex reported ${rep.errors} error(s):\n${r.stderr.split('\n').filter((l) => /\berror\b/.test(l)).slice(0, 5).join('\n')}`;
  if (rep.files !== expected) return `alex reported ${rep.files} files, expected ${expected}`;
  return undefined;
};
/** A check for a captured replylint JSON run: one result per expected file. */
const replylintCheck = (expected) => (r) => {
  if (!r.stdout) return undefined; // not captured in this run
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch (e) {
    return `could not read its JSON output: ${e.message}`;
  }
  r.results = results;
  return expected === undefined || results.length === expected ? undefined : `replylint reported ${results.length} files, expected ${expected}`;
};

// ----------------------------------------------------------------

const short = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function fmt(n, digits = 0) {
  return n === null || n === undefined || Number.isNaN(n) || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function summariseJson(results) {
  const byRule = {};
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    for (const m of r.messages) byRule[m.ruleId ?? '(none)'] = (byRule[m.ruleId ?? '(none)'] ?? 0) + 1;
  }
  return { files: results.length, errors, warnings, byRule };
}

function countBy(list) {
  const counts = {};
  for (const k of list) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

function table(header, body, alignLeft = [0]) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// Which build bin/replylint.js picks (it prefers the bundle); recorded because it changes start-up a lot.
const BUILD = fs.existsSync(new URL('../dist/bundle/replylint.js', import.meta.url)) ? 'bundle' : 'modules';

function main() {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-bench-'));
  const capture = path.join(tmp, 'stdout');
  try {
    // Preflight: the CLI must start at all (bin/ itself reports a missing build).
    const pre = run([BIN, '--version'], { capture });
    if (pre.status !== 0) {
      console.error(`replylint does not start (exit ${pre.status}); run \`npm run bench\`, which builds first.\n${pre.stderr}`);
      process.exitCode = 1;
      return;
    }
    // Options that land while the CLI grows are used only when its help lists them.
    const help = run([BIN, '--help'], { capture }).stdout;
    const features = {
      concurrency: /--concurrency\b/.test(help),
      cache: /--cache(?![-\w])/.test(help) && /--cache-location\b/.test(help),
      alex: fs.existsSync(ALEX),
    };
    bench(tmp, capture, started, pre.stdout.trim(), features);
  } finally {
    if (KEEP) console.log(`\nCorpora kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function bench(tmp, capture, started, version, features) {
  const loadBefore = os.loadavg();

  // 1. Corpora. The same seed makes each folder start with the files of the smaller ones.
  const corpus = (count, seed = SEED) => {
    const dir = path.join(tmp, `replies-${count}`);
    const manifest = writeCorpus(dir, count, seed);
    const md = manifest.filter((f) => f.file.endsWith('.md')).length;
    const list = path.join(tmp, `files-${count}.txt`);
    fs.writeFileSync(list, manifest.map((f) => f.file).join('\n') + '\n');
    return { dir, list, manifest, files: count, md, txt: count - md, bytes: manifest.reduce((n, f) => n + f.bytes, 0) };
  };
  const small = corpus(SMALL);
  const large = corpus(LARGE);
  const scale = corpus(SCALE);
  const warm = corpus(WARMUP_FILES, SEED + 1);
  const exported = writeMacroExport(path.join(tmp, 'export', 'zendesk-macros.json'), EXPORT_MACROS, SEED + 3);

  const single = path.join(tmp, 'single');
  fs.mkdirSync(single);
  const gen = makeGenerator(SEED + 2);
  const problemFile = path.join(single, 'with-problems.txt');
  const cleanFile = path.join(single, 'clean.txt');
  fs.writeFileSync(problemFile, gen.reply({ markdown: false, problems: 'some' }).text);
  fs.writeFileSync(cleanFile, gen.reply({ markdown: false, problems: 'none' }).text);

  const wildFiles = fs.existsSync(WILD) ? fs.readdirSync(WILD, { recursive: true }).map((f) => path.join(WILD, f)).filter((f) => fs.statSync(f).isFile()) : [];
  const wildAlex = { txt: wildFiles.filter((f) => f.endsWith('.txt')), md: wildFiles.filter((f) => f.endsWith('.md')) };

  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  console.log(`replylint ${version} (${BUILD} build) side by side with alex — node ${process.version}, ${os.cpus().length} CPU(s) (${cpu})`);
  console.log(`runs per case: ${RUNS} (cheap cases), ${RUNS_LARGE} (expensive cases: BENCH_RUNS_LARGE)`);
  console.log(`load average before the run: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} (a busy machine widens the gap between median and min)`);
  const describe = (c) => `${fmt(c.files)} files (${fmt(c.txt)} .txt, ${fmt(c.md)} .md, ${fmt(c.bytes / 1e6, 1)} MB)`;
  console.log(`corpora: ${describe(small)}; ${describe(large)}; ${describe(scale)}; one JSON export of ${fmt(EXPORT_MACROS)} macros (${fmt(exported.bytes / 1e6, 1)} MB)`);
  const cliOptions = [
    features.concurrency ? '--concurrency: yes' : '--concurrency: not in this build (no workers-off row)',
    features.cache ? '--cache: yes' : '--cache/--cache-location: not in this build (no cache row)',
  ];
  console.log(`CLI options detected from --help: ${cliOptions.join('; ')}\n`);

  // 2. Cases. `cmds` are node argument lists run one after the other (their times add up);
  // `expect` lists acceptable exit codes (replylint: 1 = lint errors found; alex: 1 = warnings).
  const notes = [];
  const rl = (...args) => ({ args: [BIN, ...args], expect: [0, 1] });
  const folderCase = (key, name, c, group, extra = []) => ({
    key, name, group, files: c.files, bytes: c.bytes,
    cmds: [{ ...rl('--format', 'json', ...extra, c.dir), check: replylintCheck(c.files) }],
  });
  // alex picks one parser for every file from its flags (Markdown by default, plain text with
  // --text), whatever the extension, so reading .txt as text and .md as Markdown, as replylint
  // does, takes two processes: `alex --text '<dir>/**/*.txt'` then `alex '<dir>/**/*.md'`.
  const alexCmds = (dir, txt, md) => [
    ...(txt ? [{ args: [ALEX, '--text', `${dir}/**/*.txt`], expect: [0, 1], check: alexCheck(txt) }] : []),
    ...(md ? [{ args: [ALEX, `${dir}/**/*.md`], expect: [0, 1], check: alexCheck(md) }] : []),
  ];
  const parseFloor = (key, c) => ({
    key, name: `parse floor ${fmt(c.files)} files (read+retext)`, group: 'cheap', files: c.files, bytes: c.bytes,
    cmds: [{ args: ['--input-type=module', '-e', PARSE_FLOOR, c.list], expect: [0] }],
  });

  const cases = [
    { key: 'node-floor', name: 'node floor (node -e "")', group: 'cheap', cmds: [{ args: ['-e', ''], expect: [0] }] },
    { key: 'cold-problems', name: 'replylint 1 file, problems', group: 'cheap', cmds: [{ ...rl(problemFile), expect: [1] }] },
    { key: 'cold-clean', name: 'replylint 1 file, clean', group: 'cheap', cmds: [{ ...rl(cleanFile), expect: [0] }] },
    folderCase('rl-1k', `replylint ${fmt(SMALL)} files`, small, 'cheap'),
    parseFloor('floor-1k', small),
    parseFloor('floor-10k', large),
  ];
  if (features.cache) {
    const cacheFile = path.join(tmp, 'replylint-cache');
    // The untimed first run fills the cache; every timed run then finds each file unchanged.
    cases.push(folderCase('rl-1k-cache', `replylint ${fmt(SMALL)} files, warm --cache`, small, 'cheap', ['--cache', '--cache-location', cacheFile]));
  }
  if (features.alex) {
    cases.push(
      { key: 'alex-cold', name: 'alex 1 file, problems', group: 'cheap', cmds: [{ args: [ALEX, '--text', problemFile], expect: [0, 1], check: alexCheck(1) }] },
      { key: 'alex-1k', name: `alex ${fmt(SMALL)} files (2 processes)`, group: 'cheap', files: small.files, bytes: small.bytes, cmds: alexCmds(small.dir, small.txt, small.md) },
    );
  } else {
    notes.push(`skipped every alex row: ${path.relative(ROOT, ALEX)} not found (alex is a dev dependency: npm install)`);
  }
  if (wildFiles.length) {
    cases.push({ key: 'wild', name: 'replylint shared/corpus/wild', group: 'cheap', cmds: [{ ...rl('--format', 'json', WILD), check: replylintCheck() }] });
  } else {
    notes.push('skipped shared/corpus/wild: folder not found beside the repository');
  }

  cases.push(folderCase('rl-10k', `replylint ${fmt(LARGE)} files`, large, 'large'));
  if (features.concurrency) {
    cases.push(folderCase('rl-10k-off', `replylint ${fmt(LARGE)} files, --concurrency off`, large, 'large', ['--concurrency', 'off']));
  }
  cases.push(folderCase('rl-20k', `replylint ${fmt(SCALE)} files`, scale, 'large'));
  cases.push({
    key: 'export', name: `replylint JSON export, ${fmt(EXPORT_MACROS)} macros`, group: 'large', items: EXPORT_MACROS, bytes: exported.bytes,
    cmds: [{ ...rl('--format', 'json', exported.file), check: replylintCheck(1) }],
  });
  if (features.alex) {
    cases.push(
      { key: 'alex-10k', name: `alex ${fmt(LARGE)} files (2 processes)`, group: 'large', files: large.files, bytes: large.bytes, cmds: alexCmds(large.dir, large.txt, large.md) },
      // For comparison only: one process reading every file as Markdown (alex's default).
      {
        key: 'alex-1k-one', name: `alex ${fmt(SMALL)} files (1 process, all as Markdown)`, group: 'large', files: small.files, bytes: small.bytes,
        cmds: [{ args: [ALEX, small.dir], expect: [0, 1], check: alexCheck(small.files) }],
      },
    );
    if (wildAlex.txt.length + wildAlex.md.length) {
      cases.push({
        key: 'alex-wild', name: 'alex shared/corpus/wild (.md/.txt only)', group: 'large',
        files: wildAlex.txt.length + wildAlex.md.length,
        bytes: [...wildAlex.txt, ...wildAlex.md].reduce((n, f) => n + fs.statSync(f).size, 0),
        cmds: alexCmds(WILD, wildAlex.txt.length, wildAlex.md.length),
      });
    }
  }

  const rssMethod = detectRssMethod(tmp);
  const rows = new Map(cases.map((c) => [c.key, { ...c, times: [], failures: [], exitCodes: new Set(), rssMB: null }]));
  const execute = (row, opts) => {
    let ms = 0;
    const results = [];
    for (const cmd of row.cmds) {
      const r = run(cmd.args, opts);
      ms += r.ms;
      row.exitCodes.add(r.status);
      if (r.error || r.status === null || !cmd.expect.includes(r.status)) {
        // Exit 2 (or a crash) is a real failure; an unexpected 0/1 is only noted in the exit column.
        if (r.error || r.status === null || r.status === 2) row.failures.push(r.error?.message || r.stderr.trim() || `exit ${r.status}, signal ${r.signal}`);
      }
      const problem = cmd.check?.(r);
      if (problem) row.failures.push(problem);
      if (r.rssMB !== null) row.rssMB = Math.max(row.rssMB ?? 0, r.rssMB);
      results.push(r);
    }
    row.last = results;
    return ms;
  };
  const progress = (what) => process.stderr.write(`  ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);

  // 3a. Cheap cases: warm-up (fills the file cache and proves the CLI runs), one untimed run each,
  // then round-robin so that a slow moment on the machine hits every case alike, then the RSS run.
  const warmRun = run([BIN, '--format', 'json', warm.dir]);
  if (warmRun.status === 2 || warmRun.error) console.error(`warm-up run failed (exit ${warmRun.status}):\n${warmRun.stderr}`);
  const cheap = [...rows.values()].filter((r) => r.group === 'cheap');
  for (const row of cheap) execute(row, {});
  progress('untimed runs done');
  for (let i = 0; i < RUNS; i++) {
    for (const row of cheap) row.times.push(execute(row, {}));
    progress(`cheap cases: round ${i + 1}/${RUNS} done`);
  }
  for (const row of cheap) execute(row, { rss: rssMethod, capture });
  progress('cheap cases: peak RSS runs done');

  // 3b. Expensive cases: the corpora were just written and the CLIs have run, so the caches are
  // warm; each timed run also measures peak RSS and keeps stdout for the checks.
  const expensive = [...rows.values()].filter((r) => r.group === 'large');
  for (let i = 0; i < RUNS_LARGE; i++) {
    for (const row of expensive) {
      row.times.push(execute(row, { rss: rssMethod, capture }));
      progress(`${row.name}: ${fmt(row.times.at(-1))} ms`);
    }
    progress(`expensive cases: round ${i + 1}/${RUNS_LARGE} done`);
  }

  // 4. Figures.
  for (const row of rows.values()) {
    row.median = median(row.times);
    row.min = Math.min(...row.times);
    const per = (n) => (n ? n / (row.median / 1000) : null);
    row.filesPerSec = per(row.files ?? row.items);
    row.mbPerSec = row.bytes ? row.bytes / 1e6 / (row.median / 1000) : null;
  }
  const wildRow = rows.get('wild');
  const wildResults = wildRow?.last[0].results;
  if (wildResults) {
    const s = summariseJson(wildResults);
    wildRow.files = s.files;
    wildRow.bytes = wildResults.reduce((n, r) => n + (fs.statSync(r.filePath, { throwIfNoEntry: false })?.size ?? 0), 0);
    wildRow.filesPerSec = wildRow.files / (wildRow.median / 1000);
    wildRow.mbPerSec = wildRow.bytes / 1e6 / (wildRow.median / 1000);
    wildRow.findings = { errors: s.errors, warnings: s.warnings, byRule: s.byRule };
  }

  const runsOf = (row) => (row.group === 'large' ? RUNS_LARGE : RUNS);
  const body = [...rows.values()].map((r) => [
    r.name,
    String(runsOf(r)),
    fmt(r.median),
    fmt(r.min),
    r.filesPerSec === null ? '' : fmt(r.filesPerSec) + (r.items ? '*' : ''),
    r.mbPerSec === null ? '' : fmt(r.mbPerSec, 2),
    fmt(r.rssMB),
    [...r.exitCodes].sort().join('/') + (r.failures.length ? ' FAILED' : ''),
  ]);
  console.log(table(['case', 'runs', 'median ms', 'min ms', 'files/s', 'MB/s', 'peak RSS MB', 'exit'], body));
  console.log(`\n* macros/s: the export is one file holding ${fmt(EXPORT_MACROS)} macros. Peak RSS via ${rssMethod.kind === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}.`);
  console.log('Times and RSS of an alex row made of 2 processes: the sum of both times, the larger peak RSS.');

  // 5. Ratios, with the goals. A missing row (feature or folder absent) prints as "–".
  const med = (key) => rows.get(key)?.median ?? null;
  const ratioOf = (a, b) => (a === null || b === null || !b ? null : a / b);
  const ratio = (a, b) => ratioOf(med(a), med(b));
  const coldClean = med('cold-clean');
  const perFile = (key, n) => (med(key) === null ? null : (med(key) - coldClean) / n);
  const rss = (key) => rows.get(key)?.rssMB ?? null;
  const replylintRss = [...rows.values()].filter((r) => r.cmds[0].args[0] === BIN && r.rssMB !== null);
  const maxRss = replylintRss.length ? Math.max(...replylintRss.map((r) => r.rssMB)) : null;
  const scaleKeys = [['rl-1k', SMALL], ['rl-10k', LARGE], ['rl-20k', SCALE]];
  const msPerFile = scaleKeys.map(([key, n]) => perFile(key, n));
  const msPerFileWithStartup = scaleKeys.map(([key, n]) => ratioOf(med(key), n));
  const rssSeries = [rss('rl-1k'), rss('rl-10k'), rss('rl-20k')];
  const worstStep = (series) => {
    const steps = [ratioOf(series[1], series[0]), ratioOf(series[2], series[1])];
    return steps.includes(null) ? null : Math.max(...steps);
  };
  const verdict = (value, limit) => (value === null || limit === undefined ? '' : value <= limit ? 'met' : 'NOT MET');
  const ratios = [
    { key: 'vs-alex-10k', label: `replylint ÷ alex, ${fmt(LARGE)} files`, value: ratio('rl-10k', 'alex-10k'), limit: GOALS.vsAlex10k, goal: `≤ ${GOALS.vsAlex10k} (≥ ${1 / GOALS.vsAlex10k}× faster)` },
    { key: 'vs-alex-1k', label: `replylint ÷ alex, ${fmt(SMALL)} files`, value: ratio('rl-1k', 'alex-1k'), goal: `(goal set on ${short(LARGE)})` },
    { key: 'vs-alex-cold', label: 'replylint ÷ alex, cold single file', value: ratio('cold-problems', 'alex-cold'), limit: GOALS.coldVsAlex, goal: `≤ ${GOALS.coldVsAlex}` },
    { key: 'vs-floor-10k', label: `replylint ÷ parse floor, ${fmt(LARGE)} files`, value: ratio('rl-10k', 'floor-10k'), limit: GOALS.vsParseFloor10k, goal: `≤ ${GOALS.vsParseFloor10k}` },
    { key: 'vs-floor-1k', label: `replylint ÷ parse floor, ${fmt(SMALL)} files`, value: ratio('rl-1k', 'floor-1k'), goal: `(goal set on ${short(LARGE)})` },
    { key: 'cold-vs-node', label: 'replylint cold (problems) ÷ node floor', value: ratio('cold-problems', 'node-floor'), limit: GOALS.coldVsNode, goal: `≤ ${GOALS.coldVsNode}` },
    { key: 'cold-clean-vs-node', label: 'replylint cold (clean) ÷ node floor', value: ratio('cold-clean', 'node-floor'), limit: GOALS.coldVsNode, goal: `≤ ${GOALS.coldVsNode}` },
    { key: 'workers-off-vs-default', label: `${fmt(LARGE)} files, --concurrency off ÷ default`, value: ratio('rl-10k-off', 'rl-10k'), goal: '(information)' },
    { key: 'cache-vs-none', label: `${fmt(SMALL)} files, warm --cache ÷ no cache`, value: ratio('rl-1k-cache', 'rl-1k'), goal: '(information)' },
    { key: 'alex-one-vs-two', label: `alex ${fmt(SMALL)} files, 1 process ÷ 2 processes`, value: ratio('alex-1k-one', 'alex-1k'), goal: '(information)' },
    { key: 'scaling-time', label: `ms per file, worst step of ${[SMALL, LARGE, SCALE].map(short).join(' → ')}`, value: worstStep(msPerFile), limit: GOALS.scaling, goal: `linear: ≤ ${GOALS.scaling}` },
    { key: 'scaling-rss', label: `peak RSS, ${short(SCALE)} ÷ ${short(SMALL)}`, value: ratioOf(rssSeries[2], rssSeries[0]), limit: GOALS.scaling, goal: `flat: ≤ ${GOALS.scaling}` },
    { key: 'max-rss', label: 'replylint peak RSS MB, any row', value: maxRss, limit: GOALS.rssMB, goal: `< ${GOALS.rssMB} MB`, unit: ' MB' },
  ].map((r) => ({ ...r, met: r.limit === undefined || r.value === null ? null : r.value <= r.limit }));
  console.log('\n' + table(
    ['ratio', 'value', 'goal (issue 7)', ''],
    ratios.map((r) => [r.label, r.unit ? fmt(r.value) + r.unit : r.value === null ? '–' : `${fmt(r.value, 2)}×`, r.goal, verdict(r.value, r.limit)]),
    [0, 2],
  ));
  const series = (xs, d) => xs.map((x) => fmt(x, d)).join(' / ');
  console.log(`\nscaling, ${[SMALL, LARGE, SCALE].map(short).join(' / ')} files: ${series(msPerFile, 2)} ms per file with start-up excluded ((folder − clean single file) ÷ files);`);
  console.log(`  ${series(msPerFileWithStartup, 2)} ms per file with start-up; peak RSS ${series(rssSeries)} MB`);
  console.log(`"linear": the cost per file (start-up excluded) grows by at most ${GOALS.scaling}× from each size to the next; "flat": peak RSS at ${short(SCALE)} at most ${GOALS.scaling}× that at ${short(SMALL)}.`);
  console.log('Goals are measurements of this run, not assertions.');

  // 6. Sanity: did the runs do real work? (Informative only.)
  const findings = {};
  const plantedVsFound = (label, planted, results) => {
    const s = summariseJson(results);
    const plantedBy = countBy(planted);
    console.log(`\n${label} (sanity, not asserted): ${fmt(s.errors)} errors, ${fmt(s.warnings)} warnings`);
    for (const rule of [...new Set([...Object.keys(plantedBy), ...Object.keys(s.byRule)])].sort()) {
      console.log(`  ${rule.padEnd(26)} planted ${String(plantedBy[rule] ?? 0).padStart(5)}   found ${String(s.byRule[rule] ?? 0).padStart(5)}`);
    }
    return { errors: s.errors, warnings: s.warnings, planted: plantedBy, found: s.byRule };
  };
  const rlOut = (key) => rows.get(key)?.last?.[0]?.results;
  const small1k = rlOut('rl-1k');
  if (small1k) {
    findings.folder1k = plantedVsFound(`${fmt(SMALL)}-file folder findings`, small.manifest.flatMap((f) => f.planted), small1k);
    const byFile = new Map(small1k.map((r) => [r.filePath, r]));
    const cleanFiles = small.manifest.filter((f) => f.planted.length === 0);
    findings.folder1k.cleanFiles = cleanFiles.length;
    findings.folder1k.cleanFilesFlagged = cleanFiles.filter((f) => (byFile.get(f.file)?.messages.length ?? 0) > 0).length;
    console.log(`  files with nothing planted: ${cleanFiles.length}, of which flagged: ${findings.folder1k.cleanFilesFlagged}`);
  }
  for (const key of ['rl-10k', 'rl-10k-off', 'rl-20k', 'rl-1k-cache']) {
    const out = rlOut(key);
    if (out) {
      const s = summariseJson(out);
      findings[key] = { files: s.files, errors: s.errors, warnings: s.warnings };
      console.log(`${rows.get(key).name}: ${fmt(s.files)} files reported, ${fmt(s.errors)} errors, ${fmt(s.warnings)} warnings`);
    }
  }
  const exportOut = rlOut('export');
  if (exportOut) {
    findings.export = plantedVsFound(`macro export findings`, exported.planted, exportOut);
    const messages = exportOut.flatMap((r) => r.messages);
    const withId = messages.filter((m) => m.macro?.id !== undefined);
    findings.export.macrosFlagged = new Set(withId.map((m) => m.macro.id)).size;
    findings.export.findingsWithoutMacroId = messages.length - withId.length;
    console.log(`  ${fmt(findings.export.macrosFlagged)} of ${fmt(EXPORT_MACROS)} macros flagged; findings without a macro id: ${findings.export.findingsWithoutMacroId}`);
  }
  for (const key of ['alex-1k', 'alex-10k', 'alex-1k-one', 'alex-wild']) {
    const row = rows.get(key);
    if (row?.last) {
      const reps = row.last.map((r) => r.alex).filter(Boolean);
      const sum = (k) => reps.reduce((n, rep) => n + rep[k], 0);
      findings[key] = { files: sum('files'), warnings: sum('warnings'), errors: sum('errors') };
      console.log(`${row.name}: ${fmt(sum('files'))} files reported, ${fmt(sum('warnings'))} warnings, ${sum('errors')} errors`);
    }
  }
  if (wildRow?.findings) {
    console.log(`replylint shared/corpus/wild: ${wildRow.files} files linted (${fmt(wildRow.bytes / 1024)} KiB), ${wildRow.findings.errors} errors, ${wildRow.findings.warnings} warnings`);
  }
  for (const note of notes) console.log(note);
  for (const row of rows.values()) {
    if (row.failures.length) console.log(`\n${row.name} FAILED:\n${[...new Set(row.failures)].join('\n')}`);
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    replylint: version,
    build: BUILD,
    features,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: cpu,
    loadAverageBefore: loadBefore,
    runs: RUNS,
    runsLarge: RUNS_LARGE,
    seed: SEED,
    rssMethod: rssMethod.kind,
    corpora: Object.fromEntries(
      [['files1k', small], ['files10k', large], ['files20k', scale]].map(([k, c]) => [k, { files: c.files, txt: c.txt, md: c.md, bytes: c.bytes }]),
    ),
    export: { macros: EXPORT_MACROS, bytes: exported.bytes },
    cases: [...rows.values()].map((r) => ({
      key: r.key,
      name: r.name,
      group: r.group,
      commands: r.cmds.map((c) => ['node', ...c.args.map((a) => (a === PARSE_FLOOR ? '<parse floor script>' : a))].join(' ')),
      runs: runsOf(r),
      medianMs: r.median,
      minMs: r.min,
      timesMs: r.times,
      files: r.files ?? null,
      macros: r.items ?? null,
      bytes: r.bytes ?? null,
      filesPerSec: r.items ? null : r.filesPerSec,
      macrosPerSec: r.items ? r.filesPerSec : null,
      mbPerSec: r.mbPerSec,
      peakRssMB: r.rssMB,
      exitCodes: [...r.exitCodes],
      failed: r.failures.length > 0,
    })),
    ratios: ratios.map(({ key, label, value, goal, limit, met }) => ({ key, label, value, goal, limit: limit ?? null, met })),
    scaling: {
      files: [SMALL, LARGE, SCALE],
      msPerFileExcludingStartup: msPerFile,
      msPerFileWithStartup,
      peakRssMB: rssSeries,
    },
    findings,
    wild: wildRow ? { files: wildRow.files ?? null, bytes: wildRow.bytes ?? null, findings: wildRow.findings ?? null } : { skipped: true },
    notes,
    totalSeconds: (Date.now() - started) / 1000,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nJSON results: ${OUT}  (total ${results.totalSeconds.toFixed(0)} s)`);
  if ([...rows.values()].some((r) => r.failures.length)) process.exitCode = 1;
}

main();
