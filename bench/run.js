#!/usr/bin/env node
// replylint benchmark: `npm run bench` (builds first) or `node bench/run.js` (needs dist/).
//
// One run measures everything, so the figures can be read as ratios of each other:
//   - node floor: `node -e ""`, the cost of starting Node at all;
//   - cold single-file runs of the CLI (the pre-commit case), on a reply with problems and a clean one;
//   - the CLI over a generated folder of 1,000 replies (`--format json`, output discarded);
//   - a "parse floor": one process that only reads the same 1,000 files and parses each with
//     unified + retext-english, the parser replylint itself uses;
//   - the CLI over ../shared/corpus/wild (real replies collected from public repositories), if present.
// Every case runs BENCH_RUNS times (default 5), round-robin so that drift on the machine hits every
// case alike; the table shows median and min wall time. Peak RSS comes from one extra run per case.
// Nothing here asserts timings: it prints a table and writes the same figures as JSON.
//
// Environment:
//   BENCH_RUNS=n      timed runs per case (default 5)
//   BENCH_OUT=file    where to write the JSON results (default: replylint-bench-latest.json in the OS temp folder)
//   BENCH_KEEP=1      keep the generated corpus (its path is printed) instead of removing it
//   BENCH_RSS=resourceUsage   measure peak RSS from inside even when GNU time is available
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/replylint.js', import.meta.url));
const WILD = fileURLToPath(new URL('../../shared/corpus/wild', import.meta.url));
const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '5', 10) || 5);
const OUT = process.env.BENCH_OUT
  ? path.resolve(process.env.BENCH_OUT)
  : path.join(os.tmpdir(), 'replylint-bench-latest.json');
const KEEP = process.env.BENCH_KEEP === '1';
const SEED = 20240611;
const FOLDER_FILES = 1000;
const WARMUP_FILES = 200;

// ----------------------------------------------------------------
// Corpus generator. All text below is written for this benchmark. Problem sentences carry the
// rule they are meant to trip, so the run can print how many planted problems were found — a
// sanity check that the folder run did real work, not a test.
// ----------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so the corpus is byte-identical on every machine. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Sam', 'Priya', 'Jordan', 'Mei', 'Tomás', 'Aisha', 'Lukas', 'Grace', 'Omar', 'Hannah', 'Kenji', 'Zoe', 'Rafael', 'Ingrid', 'Dev', 'Chloe'];
const AGENTS = ['Alex', 'Morgan', 'Riley', 'Casey', 'Jamie', 'Taylor', 'Noor', 'Elena'];
const PRODUCTS = ['desk lamp', 'standing desk', 'travel mug', 'wool blanket', 'phone case', 'camera strap', 'water bottle', 'rain jacket', 'notebook set', 'chef knife'];
const COLOURS = ['navy', 'sage green', 'charcoal', 'sand', 'burgundy', 'white'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const COUNTS = ['two', 'three', 'four', 'five'];
const PLANS = ['Starter', 'Team', 'Pro', 'Business'];
const FEATURES = ['CSV export', 'calendar sync', 'two-factor sign-in', 'shared inboxes', 'the mobile app', 'saved searches'];

const GREETINGS = ['Hi {name},', 'Hello {name},', 'Hey {name},', 'Dear {name},', 'Good morning {name},', 'Hi there {name},'];
const THANKS = [
  'Thanks for getting in touch.',
  'Thank you for reaching out, and for the detail in your message.',
  'Thanks for your patience while I looked into this.',
  'Thank you for letting us know.',
  'Thanks for the quick reply.',
  'I appreciate you flagging this.',
];
const SIGNOFFS = ['Best,', 'Kind regards,', 'Thanks again,', 'All the best,', 'Warm wishes,', 'Cheers,', 'Speak soon,'];
const CLOSERS = [
  'If anything else comes up, just reply to this email and it will come straight back to me.',
  'Let me know if there is anything else I can help with.',
  'I hope that helps, and have a lovely rest of your week.',
  'Feel free to reply here if you have any other questions.',
  "I'll keep this ticket open until you confirm everything looks right.",
];

// Sentences used by every situation.
const GENERIC = {
  neutral: [
    "I've added a note to your account so anyone on the team can pick this up.",
    'I completely understand how frustrating this must be.',
    "I'm sorry for the trouble this has caused.",
    "I've checked with my colleagues and we have a clear plan.",
    'You should see an email from us within the next hour.',
    "I'll follow up with you on {day} either way.",
    'Your reference for this conversation is {ref}.',
    'We really value your feedback, and I have passed it on to the product team.',
  ],
  problems: [
    ['As I already said, the team is looking into it.', 'tone/condescending'],
    ['As previously mentioned, we reply to every ticket in order.', 'tone/condescending'],
    ['Please calm down so we can sort this out.', 'tone/condescending'],
    ["That's not possible.", 'refusal/dead-end'],
    ['There is nothing we can do at this point.', 'refusal/dead-end'],
    ["Honestly, I have no idea why this happened.", 'tone/helpless'],
    ["I'm afraid this is out of our hands.", 'blame/not-our-fault'],
    ["It's not our fault, I'm afraid.", 'blame/not-our-fault'],
  ],
};

const SITUATIONS = [
  {
    id: 'shipping',
    subject: 'Where is order {order}?',
    opener: ['I can see that order {order} has not arrived yet.', 'I looked up order {order} as soon as your message came in.'],
    neutral: [
      'The tracking page shows the parcel left our warehouse on {day}.',
      "I've asked the courier to open an investigation, and they usually reply within {count} working days.",
      "I've sent a replacement {product} by express post today, at no cost to you.",
      'Your new tracking number will arrive by email within the hour.',
      'If the first parcel turns up, please keep it with our compliments.',
      "I've upgraded the delivery to next-day for you.",
    ],
    problems: [
      ['The courier lost your parcel.', 'blame/third-party'],
      ['The driver damaged the box on the way to you.', 'blame/third-party'],
      ["We don't ship to PO boxes.", 'refusal/no-alternative'],
      ['You have to wait ten working days before we open a claim.', 'tone/you-have-to'],
    ],
    link: ['[our delivery page](https://help.example.com/delivery)', '[the tracking page](https://track.example.com/)'],
  },
  {
    id: 'billing',
    subject: 'Question about your invoice',
    opener: ['I checked the invoice for your {plan} plan.', 'I went through the last three invoices on your account.'],
    neutral: [
      'The second charge of {amount} was a duplicate, and I have refunded it in full.',
      'Your next invoice will be issued on {day} and will show the corrected amount.',
      "I've switched your billing to annual, which saves you two months a year.",
      'You can download every past invoice from the Billing page.',
      'The price on your plan stays the same until your renewal date.',
      "I've added your VAT number, so future invoices will show it.",
    ],
    problems: [
      ['Our billing system overcharged you this month.', 'blame/third-party'],
      ['Your bank declined the payment.', 'blame/third-party'],
      ["We're unable to change the billing date once the invoice is issued.", 'refusal/no-alternative'],
      ['You must update your card details before the end of the month.', 'tone/you-have-to'],
    ],
    link: ['[the billing help page](https://help.example.com/billing)', '[your invoices](https://app.example.com/billing/invoices)'],
  },
  {
    id: 'refunds',
    subject: 'Your refund request',
    opener: ["I've looked at your return for the {product}.", 'Your refund request for order {order} reached me this morning.'],
    neutral: [
      "I've approved the refund of {amount}, and it should reach your card in {count} to five working days.",
      'The prepaid return label is attached to this email.',
      'Once the parcel is scanned, the refund goes through automatically.',
      'You are welcome to keep the packaging; any sturdy box will do.',
      'I have issued store credit as well, as a thank-you for your patience.',
    ],
    problems: [
      ["Refunds are not available after thirty days.", 'refusal/no-alternative'],
      ['Unfortunately, the sale items are final.', 'tone/unfortunately-opener'],
      ['You have to send the item back before we refund anything.', 'tone/you-have-to'],
      ['The warehouse misplaced your return.', 'blame/third-party'],
    ],
    link: ['[our returns policy](https://help.example.com/returns)', '[the returns portal](https://returns.example.com/)'],
  },
  {
    id: 'accounts',
    subject: 'Help signing in',
    opener: ['I can see the sign-in attempts on your account.', 'I checked your account settings just now.'],
    neutral: [
      "I've sent a fresh password reset link to the address on file.",
      'The link stays valid for one hour, so it is best to use it soon.',
      'Your account is safe, and there were no sign-ins from new devices.',
      "I've turned on two-factor sign-in, which you can manage from the Security page.",
      'I merged your two accounts, so all your orders are in one place now.',
      'Your email address is now updated on every order.',
    ],
    problems: [
      ['You have to log out and back in first.', 'tone/you-have-to'],
      ['Obviously, the password is case-sensitive.', 'tone/condescending'],
      ['We cannot merge accounts.', 'refusal/no-alternative'],
      ["I don't know why the reset email never arrived.", 'tone/helpless'],
    ],
    link: ['[the security page](https://app.example.com/settings/security)', '[our sign-in guide](https://help.example.com/sign-in)'],
  },
  {
    id: 'bugs',
    subject: 'The export problem you reported',
    opener: ['Thanks to your screenshots, I could reproduce the problem with {feature}.', 'I tried {feature} on my side with the same settings.'],
    neutral: [
      'Our engineers have a fix ready, and it ships in the next release on {day}.',
      'In the meantime, the web version handles this correctly.',
      "I've linked your report to the bug so you'll hear from us when it is fixed.",
      'Clearing the app cache from Settings usually sorts this out straight away.',
      'Version 4.2 of the app includes the fix, and it is in the app stores now.',
    ],
    problems: [
      ['The software crashed because of your settings.', 'blame/third-party'],
      ['Like I said, this is a known issue.', 'tone/condescending'],
      ['We do not support older phones.', 'refusal/no-alternative'],
      ['You must reinstall the app.', 'tone/you-have-to'],
    ],
    link: ['[the release notes](https://example.com/changelog)', '[the status of this bug](https://example.com/issues/4821)'],
  },
  {
    id: 'outages',
    subject: 'About this morning’s outage',
    opener: ['You are right that {feature} was down this morning.', "I'm sorry about the interruption to {feature} earlier today."],
    neutral: [
      'The service has been running normally since 9:40, and we are watching it closely.',
      'Nothing was lost: every message sent during the outage was delivered once we recovered.',
      "We'll publish a full write-up of what happened by {day}.",
      "I've added a credit for one day of service to your account.",
      'You can follow live updates on our status page.',
    ],
    problems: [
      ['The hosting provider failed overnight.', 'blame/third-party'],
      ['The outage was beyond our control.', 'blame/not-our-fault'],
      ['Unfortunately, these things happen sometimes.', 'tone/unfortunately-opener'],
      ['There is nothing more we can do.', 'refusal/dead-end'],
    ],
    link: ['[our status page](https://status.example.com/)', '[the incident report](https://status.example.com/incidents/112)'],
  },
  {
    id: 'stock',
    subject: 'The {product} you asked about',
    opener: ['I checked stock for the {product} in {colour}.', 'Thanks for your interest in the {colour} {product}.'],
    neutral: [
      'A new batch is due in our warehouse on {day}, and I have reserved one for you.',
      "I've added you to the restock list, so you'll get an email the moment it is back.",
      'The {colour} version has the same size and finish, and it ships today.',
      'I can hold the current price for you until the restock arrives.',
    ],
    problems: [
      ['The {product} in {colour} is no longer available.', 'refusal/no-alternative'],
      ['Our supplier delayed the shipment again.', 'blame/third-party'],
      ['Unfortunately, it is sold out everywhere.', 'tone/unfortunately-opener'],
    ],
    link: ['[the product page](https://shop.example.com/products/lamp)', '[our restock calendar](https://shop.example.com/restocks)'],
  },
  {
    id: 'policy',
    subject: 'Your request about our policy',
    opener: ['I read your request carefully and checked our policy.', 'I talked to my team lead about your request.'],
    neutral: [
      'We made an exception this time, and the change is already live on your account.',
      'The closest option is our {plan} plan, which includes {feature} and costs {amount} a month.',
      'I can extend your trial by {count} weeks while you decide.',
      "I've passed your suggestion to the product team, who read every one.",
      'Here is how to set it up yourself in about two minutes.',
    ],
    problems: [
      ["That's not something we offer.", 'refusal/dead-end'],
      ['We do not offer discounts on the {plan} plan.', 'refusal/no-alternative'],
      ["No, we don't.", 'refusal/dead-end'],
      ["You'll have to upgrade if you want {feature}.", 'tone/you-have-to'],
      ['That is not my department.', 'blame/not-our-fault'],
    ],
    link: ['[our plans page](https://example.com/pricing)', '[the fair use policy](https://example.com/legal/fair-use)'],
  },
];

const STEPS = [
  'Open **Settings** and choose **Account**.',
  'Select the order and press **Start a return**.',
  'Print the label and attach it to the box.',
  'Sign out, close the app and sign back in.',
  'Check your spam folder for an email from us.',
  'Reply to this email with a photo of the label.',
];

function makeGenerator(seed) {
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];

  /** One reply. `problems`: 'mixed' (about one sentence in eight has a problem), 'none' or 'some' (at least two). */
  function reply({ markdown, problems = 'mixed' }) {
    const s = pick(SITUATIONS);
    const vars = {
      name: pick(NAMES),
      agent: pick(AGENTS),
      order: `#${10000 + int(90000)}`,
      product: pick(PRODUCTS),
      colour: pick(COLOURS),
      day: pick(DAYS),
      count: pick(COUNTS),
      amount: `$${(5 + int(200)).toString()}.${String(int(100)).padStart(2, '0')}`,
      plan: pick(PLANS),
      feature: pick(FEATURES),
      ref: `RL-${1000 + int(9000)}`,
    };
    // In Markdown the order number and reference become code spans and the day is bold.
    const fill = (text) =>
      text.replace(/\{(\w+)\}/g, (_, key) => {
        const v = vars[key];
        if (!markdown) return v;
        if (key === 'order' || key === 'ref') return `\`${v}\``;
        if (key === 'day') return `**${v}**`;
        return v;
      });

    const planted = [];
    const used = new Set();
    const body = [pick(s.opener)];
    const sentenceCount = 3 + int(6); // 3–8 body sentences, opener included
    let forced = problems === 'some' ? 2 : 0;
    while (body.length < sentenceCount) {
      const wantProblem = problems === 'none' ? false : forced > 0 || rand() < 0.12;
      const fromSituation = rand() < 0.7;
      let text;
      let rule;
      if (wantProblem) {
        [text, rule] = pick(fromSituation ? s.problems : GENERIC.problems);
      } else {
        text = pick(fromSituation ? s.neutral : GENERIC.neutral);
      }
      if (used.has(text)) continue;
      used.add(text);
      body.push(text);
      if (rule) {
        planted.push(rule);
        forced--;
      }
    }
    if (rand() < 0.6) body.splice(1, 0, pick(THANKS));
    body.push(pick(CLOSERS));

    // Split the body into 1–3 paragraphs.
    const paragraphs = [];
    let rest = body.map(fill);
    const parts = 1 + int(3);
    for (let p = parts; p > 0; p--) {
      const take = p === 1 ? rest.length : Math.max(1, Math.round(rest.length / p));
      paragraphs.push(rest.slice(0, take));
      rest = rest.slice(take);
    }

    const lines = [];
    if (markdown) lines.push(`## ${fill(s.subject).replace(/`/g, '')}`, '');
    lines.push(fill(pick(GREETINGS)), '');
    paragraphs.forEach((para, i) => {
      if (!para.length) return;
      lines.push(para.join(' '), '');
      if (markdown && i === 0) {
        if (rand() < 0.35) {
          const a = int(STEPS.length);
          const steps = [STEPS[a], STEPS[(a + 1 + int(STEPS.length - 1)) % STEPS.length]];
          steps.forEach((step, n) => lines.push(`${n + 1}. ${step}`));
          lines.push('');
        }
      }
    });
    if (markdown) {
      lines.push(`**Next step:** you can find everything in ${pick(s.link)}, and your reference is \`${vars.ref}\`.`, '');
    }
    lines.push(pick(SIGNOFFS), fill(vars.agent));
    return { situation: s.id, text: lines.join('\n') + '\n', planted };
  }
  return { reply, rand };
}

/** Writes `count` replies into `dir/<situation>/`, 70% .txt and 30% .md. Returns a manifest. */
function writeCorpus(dir, count, seed) {
  const gen = makeGenerator(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const markdown = gen.rand() < 0.3;
    const r = gen.reply({ markdown });
    const sub = path.join(dir, r.situation);
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `reply-${String(i + 1).padStart(4, '0')}.${markdown ? 'md' : 'txt'}`);
    fs.writeFileSync(file, r.text);
    files.push({ file, bytes: Buffer.byteLength(r.text), planted: r.planted });
  }
  return files;
}

// ----------------------------------------------------------------
// Running and measuring
// ----------------------------------------------------------------

/** One timed child process. stdout is discarded unless `capture` (then it is returned). */
function run(args, { cwd = ROOT, capture = false, prefix } = {}) {
  const [cmd, argv] = prefix ? [prefix[0], [...prefix.slice(1), process.execPath, ...args]] : [process.execPath, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, {
    cwd,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, signal: r.signal, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Peak RSS. GNU time reports the child's ru_maxrss from wait4(), measured from outside without
// touching the program, so it is preferred; it is not installed everywhere (and macOS's
// /usr/bin/time has no -v), so the fallback runs the program inside a tiny wrapper that prints
// process.resourceUsage().maxRSS on exit — the same kernel figure, seen from inside.
const RSS_RE = /Maximum resident set size \(kbytes\): (\d+)/;
function detectRssMethod() {
  if (process.env.BENCH_RSS === 'resourceUsage') return 'resourceUsage';
  if (fs.existsSync('/usr/bin/time')) {
    const probe = run(['-e', ''], { prefix: ['/usr/bin/time', '-v'] });
    if (probe.status === 0 && RSS_RE.test(probe.stderr)) return 'gnu-time';
  }
  return 'resourceUsage';
}
const RSS_EXIT_HOOK =
  "process.on('exit', () => process.stderr.write('\\nreplylint-bench-maxrss ' + process.resourceUsage().maxRSS + '\\n'));";
const RSS_WRAPPER = [
  "import { pathToFileURL } from 'node:url';",
  RSS_EXIT_HOOK,
  'const [script, ...rest] = process.argv.slice(1);',
  'if (script) { process.argv = [process.argv[0], script, ...rest]; await import(pathToFileURL(script).href); }',
].join('\n');

/** Runs once more with RSS measurement. Returns { rssMB, result }. */
function measureRss(method, args, opts = {}) {
  if (method === 'gnu-time') {
    const r = run(args, { ...opts, prefix: ['/usr/bin/time', '-v'] });
    const m = [...r.stderr.matchAll(new RegExp(RSS_RE, 'g'))].pop();
    r.stderr = r.stderr.replace(/\n?(Command exited with non-zero status \d+\n)?\tCommand being timed:[\s\S]*$/, '');
    return { rssMB: m ? Number(m[1]) / 1024 : null, result: r };
  }
  // Inline scripts (`-e CODE`) get the exit hook appended to their code; files run inside the wrapper.
  const e = args.indexOf('-e');
  const wrapped =
    e >= 0
      ? args.map((a, n) => (n === e + 1 ? `${a}\n;${RSS_EXIT_HOOK}` : a))
      : ['--input-type=module', '-e', RSS_WRAPPER, ...args];
  const r = run(wrapped, opts);
  const m = /replylint-bench-maxrss (\d+)/.exec(r.stderr);
  r.stderr = r.stderr.replace(/\nreplylint-bench-maxrss \d+\n/, '');
  return { rssMB: m ? Number(m[1]) / 1024 : null, result: r };
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

// ----------------------------------------------------------------

function fmt(n, digits = 0) {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function summariseJson(stdout) {
  const results = JSON.parse(stdout);
  const byRule = {};
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    for (const m of r.messages) byRule[m.ruleId ?? '(none)'] = (byRule[m.ruleId ?? '(none)'] ?? 0) + 1;
  }
  return { results, files: results.length, errors, warnings, byRule };
}

let VERSION = '?';
// Which build bin/replylint.js picks (it prefers the bundle); recorded because it changes start-up a lot.
const BUILD = fs.existsSync(new URL('../dist/bundle/replylint.js', import.meta.url)) ? 'bundle' : 'modules';

function main() {
  const started = Date.now();
  // Preflight: the CLI must start at all (bin/ itself reports a missing build).
  const pre = run([BIN, '--version'], { capture: true });
  if (pre.status !== 0) {
    console.error(`replylint does not start (exit ${pre.status}); run \`npm run bench\`, which builds first.\n${pre.stderr}`);
    process.exit(1);
  }
  VERSION = pre.stdout.trim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-bench-'));
  try {
    return bench(tmp, started);
  } finally {
    if (KEEP) console.log(`\nCorpus kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function bench(tmp, started) {
  const loadBefore = os.loadavg();
  // 1. Corpus.
  const folder = path.join(tmp, `replies-${FOLDER_FILES}`);
  const warm = path.join(tmp, `replies-${WARMUP_FILES}`);
  const manifest = writeCorpus(folder, FOLDER_FILES, SEED);
  writeCorpus(warm, WARMUP_FILES, SEED + 1);
  const folderBytes = manifest.reduce((n, f) => n + f.bytes, 0);
  const listFile = path.join(tmp, 'files.txt');
  fs.writeFileSync(listFile, manifest.map((f) => f.file).join('\n') + '\n');

  const single = path.join(tmp, 'single');
  fs.mkdirSync(single);
  const gen = makeGenerator(SEED + 2);
  const problemFile = path.join(single, 'with-problems.txt');
  const cleanFile = path.join(single, 'clean.txt');
  fs.writeFileSync(problemFile, gen.reply({ markdown: false, problems: 'some' }).text);
  fs.writeFileSync(cleanFile, gen.reply({ markdown: false, problems: 'none' }).text);

  const md = manifest.filter((f) => f.file.endsWith('.md')).length;
  console.log(
    `replylint ${VERSION} (${BUILD} build) bench — node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${RUNS} run(s) per case`,
  );
  const load = loadBefore.map((n) => n.toFixed(2)).join(' ');
  console.log(`load average before the run: ${load} (a busy machine widens the gap between median and min)`);
  console.log(
    `corpus: ${FOLDER_FILES} files (${FOLDER_FILES - md} .txt, ${md} .md), ${fmt(folderBytes / 1024, 0)} KiB; warm-up folder ${WARMUP_FILES} files\n`,
  );

  // 2. Cases. `args` are node arguments; `expect` lists acceptable exit codes (1 = lint errors found).
  const cases = [
    { key: 'node-floor', name: 'node floor (node -e "")', args: ['-e', ''], expect: [0] },
    { key: 'cold-problems', name: 'replylint 1 file, problems', args: [BIN, problemFile], expect: [1], ratioTo: 'node-floor' },
    { key: 'cold-clean', name: 'replylint 1 file, clean', args: [BIN, cleanFile], expect: [0], ratioTo: 'node-floor' },
    {
      key: 'folder',
      name: `replylint ${FOLDER_FILES} files (json)`,
      args: [BIN, '--format', 'json', folder],
      expect: [0, 1],
      ratioTo: 'parse-floor',
      files: FOLDER_FILES,
      bytes: folderBytes,
    },
    {
      key: 'parse-floor',
      name: `parse floor ${FOLDER_FILES} files (read+retext)`,
      args: ['--input-type=module', '-e', PARSE_FLOOR, listFile],
      expect: [0],
      files: FOLDER_FILES,
      bytes: folderBytes,
    },
  ];
  let wildNote;
  if (fs.existsSync(WILD)) {
    cases.push({ key: 'wild', name: 'replylint shared/corpus/wild (json)', args: [BIN, '--format', 'json', WILD], expect: [0, 1] });
  } else {
    wildNote = 'skipped shared/corpus/wild: folder not found beside the repository';
  }

  // Warm-up: fills the file cache and checks every case works once, before anything is timed.
  const warmRun = run([BIN, '--format', 'json', warm], { capture: true });
  if (warmRun.status === 2 || warmRun.error) {
    console.error(`warm-up run failed (exit ${warmRun.status}):\n${warmRun.stderr}`);
  }
  const rows = new Map(cases.map((c) => [c.key, { ...c, times: [], failures: [], exitCodes: new Set() }]));
  const record = (row, r) => {
    row.exitCodes.add(r.status);
    if (r.error || r.status === null || !row.expect.includes(r.status)) {
      // Exit 2 (or a crash) is a real failure; an unexpected 0/1 is only noted.
      if (r.error || r.status === null || r.status === 2) row.failures.push(r.error?.message || r.stderr.trim() || `exit ${r.status}, signal ${r.signal}`);
    }
  };
  for (const c of cases) record(rows.get(c.key), run(c.args)); // one untimed run each

  // Timed runs, round-robin.
  for (let i = 0; i < RUNS; i++) {
    for (const c of cases) {
      const row = rows.get(c.key);
      const r = run(c.args);
      record(row, r);
      row.times.push(r.ms);
    }
    process.stderr.write(`  round ${i + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }

  // Peak RSS (one extra run per case, stdout captured so the folder outputs can be checked).
  const rssMethod = detectRssMethod();
  for (const c of cases) {
    const row = rows.get(c.key);
    const { rssMB, result } = measureRss(rssMethod, c.args, { capture: true });
    record(row, result);
    row.rssMB = rssMB;
    row.output = result.stdout;
  }

  // 3. Figures.
  for (const row of rows.values()) {
    row.median = median(row.times);
    row.min = Math.min(...row.times);
  }
  for (const row of rows.values()) {
    if (row.ratioTo) row.ratio = row.median / rows.get(row.ratioTo).median;
    if (row.files) {
      row.filesPerSec = row.files / (row.median / 1000);
      row.mbPerSec = row.bytes / 1e6 / (row.median / 1000);
    }
  }
  const wildRow = rows.get('wild');
  if (wildRow && wildRow.output) {
    try {
      const s = summariseJson(wildRow.output);
      wildRow.files = s.files;
      wildRow.bytes = s.results.reduce((n, r) => n + (fs.statSync(r.filePath, { throwIfNoEntry: false })?.size ?? 0), 0);
      wildRow.filesPerSec = wildRow.files / (wildRow.median / 1000);
      wildRow.mbPerSec = wildRow.bytes / 1e6 / (wildRow.median / 1000);
      wildRow.findings = { errors: s.errors, warnings: s.warnings, byRule: s.byRule };
    } catch (e) {
      wildRow.failures.push(`could not read its JSON output: ${e.message}`);
    }
  }

  const header = ['case', 'median ms', 'min ms', 'ratio', 'files/s', 'MB/s', 'peak RSS MB', 'exit'];
  const body = [...rows.values()].map((r) => [
    r.name,
    fmt(r.median, 0),
    fmt(r.min, 0),
    r.ratio === undefined ? '' : `${fmt(r.ratio, 2)}× ${r.ratioTo === 'node-floor' ? 'node' : 'parse'}`,
    r.filesPerSec ? fmt(r.filesPerSec, 0) : '',
    r.mbPerSec ? fmt(r.mbPerSec, 2) : '',
    fmt(r.rssMB, 0),
    [...r.exitCodes].sort().join('/') + (r.failures.length ? ' FAILED' : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));

  const folderRow = rows.get('folder');
  const cleanRow = rows.get('cold-clean');
  const perFile = (folderRow.median - cleanRow.median) / FOLDER_FILES;
  console.log(
    `\nratio column: cold runs ÷ node floor; folder run ÷ parse floor. Peak RSS via ${rssMethod === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}.`,
  );
  console.log(
    `start-up excluded: (folder − clean single file) ÷ ${FOLDER_FILES} = ${fmt(perFile, 2)} ms per file ≈ ${fmt(1000 / perFile, 0)} files/s.`,
  );
  if (wildRow?.files !== undefined) {
    console.log(`wild corpus: ${wildRow.files} files linted (${fmt(wildRow.bytes / 1024, 0)} KiB), ${wildRow.findings.errors} errors, ${wildRow.findings.warnings} warnings.`);
  }
  if (wildNote) console.log(wildNote);

  // Sanity: did the folder run find the planted problems? (Informative only.)
  let folderFindings;
  try {
    const s = summariseJson(folderRow.output);
    const planted = {};
    for (const f of manifest) for (const rule of f.planted) planted[rule] = (planted[rule] ?? 0) + 1;
    const byFile = new Map(s.results.map((r) => [r.filePath, r]));
    const cleanFiles = manifest.filter((f) => f.planted.length === 0);
    const flaggedClean = cleanFiles.filter((f) => (byFile.get(f.file)?.messages.length ?? 0) > 0);
    folderFindings = { filesReported: s.files, errors: s.errors, warnings: s.warnings, planted, found: s.byRule, cleanFiles: cleanFiles.length, cleanFilesFlagged: flaggedClean.length };
    console.log(`\nfolder findings (sanity, not asserted): ${s.files} files reported, ${s.errors} errors, ${s.warnings} warnings`);
    const rules = [...new Set([...Object.keys(planted), ...Object.keys(s.byRule)])].sort();
    for (const rule of rules) console.log(`  ${rule.padEnd(26)} planted ${String(planted[rule] ?? 0).padStart(4)}   found ${String(s.byRule[rule] ?? 0).padStart(4)}`);
    console.log(`  files with nothing planted: ${cleanFiles.length}, of which flagged: ${flaggedClean.length}`);
  } catch (e) {
    console.log(`\nfolder output could not be checked: ${e.message}`);
  }

  for (const row of rows.values()) {
    if (row.failures.length) console.log(`\n${row.name} FAILED:\n${[...new Set(row.failures)].join('\n')}`);
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    replylint: VERSION,
    build: BUILD,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? null,
    loadAverageBefore: loadBefore,
    runs: RUNS,
    seed: SEED,
    rssMethod,
    corpus: { files: FOLDER_FILES, markdownFiles: md, bytes: folderBytes },
    cases: [...rows.values()].map((r) => ({
      key: r.key,
      name: r.name,
      medianMs: r.median,
      minMs: r.min,
      timesMs: r.times,
      ratio: r.ratio ?? null,
      ratioTo: r.ratioTo ?? null,
      files: r.files ?? null,
      bytes: r.bytes ?? null,
      filesPerSec: r.filesPerSec ?? null,
      mbPerSec: r.mbPerSec ?? null,
      peakRssMB: r.rssMB,
      exitCodes: [...r.exitCodes],
      failed: r.failures.length > 0,
    })),
    perFileMsExcludingStartup: perFile,
    folderFindings,
    wild: wildRow ? { files: wildRow.files ?? null, bytes: wildRow.bytes ?? null, findings: wildRow.findings ?? null } : { skipped: wildNote },
    totalSeconds: (Date.now() - started) / 1000,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nJSON results: ${OUT}  (total ${results.totalSeconds.toFixed(0)} s)`);
  if ([...rows.values()].some((r) => r.failures.length)) process.exitCode = 1;
}

main();
