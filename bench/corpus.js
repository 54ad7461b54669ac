// The benchmark's corpora: deterministic made-up support replies (seeded PRNG), written as a
// folder of .txt/.md files or as one Zendesk-shaped JSON macro export.
//
// All text below is written for this benchmark. Problem sentences carry the rule they are meant
// to trip, so a run can print how many planted problems were found — a sanity check that the
// linter did real work, not a test.
import fs from 'node:fs';
import path from 'node:path';

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

export function makeGenerator(seed) {
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];

  /**
   * One reply. `problems`: 'mixed' (about one sentence in eight has a problem), 'none' or 'some'
   * (at least two). `placeholders`: greet and sign with help-desk placeholders instead of names,
   * as saved macros do (the customer's name has a fallback four times in five).
   */
  function reply({ markdown, problems = 'mixed', placeholders = false }) {
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
    // Overridden after the picks above, so the random sequence (and every other word) stays the same.
    if (placeholders) {
      vars.name = rand() < 0.8 ? "{{ticket.requester.first_name | default: 'there'}}" : '{{ticket.requester.first_name}}';
      vars.agent = '{{current_user.first_name}}';
    }
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
    const subject = s.subject.replace(/\{(\w+)\}/g, (_, key) => vars[key]);
    return { situation: s.id, subject, text: lines.join('\n') + '\n', planted };
  }
  return { reply, rand };
}

/** Writes `count` replies into `dir/<situation>/`, 70% .txt and 30% .md. Returns a manifest. */
export function writeCorpus(dir, count, seed) {
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

/**
 * Writes one JSON macro export holding `count` macros, shaped like Zendesk's `GET /api/v2/macros`
 * saved with indentation: the reply is the `comment_value` action, a plain string or (one macro in
 * ten, as real exports hold) a `[channel, text]` pair. Returns the size and the planted problems.
 */
export function writeMacroExport(file, count, seed) {
  const gen = makeGenerator(seed);
  const macros = [];
  const planted = [];
  for (let i = 0; i < count; i++) {
    const r = gen.reply({ markdown: false, placeholders: true });
    const situation = r.situation[0].toUpperCase() + r.situation.slice(1);
    macros.push({
      id: 360000000000 + i + 1,
      title: `${situation}::${r.subject} (${i + 1})`,
      active: true,
      position: i + 1,
      description: null,
      restriction: null,
      actions: [
        { field: 'comment_mode_is_public', value: 'true' },
        { field: 'comment_value', value: gen.rand() < 0.1 ? ['channel:all', r.text] : r.text },
        { field: 'status', value: 'pending' },
      ],
    });
    planted.push(...r.planted);
  }
  const text = JSON.stringify({ macros, next_page: null, previous_page: null, count }, null, 2) + '\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), macros: count, planted };
}
