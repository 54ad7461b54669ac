import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transcriptTurns, type Turn } from '../../src/sources/transcript.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

/** Where `body` is in `text`; it must occur exactly once, so the expected offsets are unambiguous. */
function span(text: string, body: string): { start: number; end: number } {
  const start = text.indexOf(body);
  expect(start, `"${body}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(text.lastIndexOf(body), `"${body}" occurs once`).toBe(start);
  return { start, end: start + body.length };
}

type Expected = Omit<Turn, 'start' | 'end'> & { body: string };

function expectTurns(text: string, turns: Turn[] | undefined, expected: Expected[]): void {
  expect(turns).toBeDefined();
  expect(turns).toEqual(expected.map(({ body, ...rest }) => ({ ...span(text, body), ...rest })));
  // The offsets cut exactly the body out of the file.
  expect(turns?.map((turn) => text.slice(turn.start, turn.end))).toEqual(expected.map((turn) => turn.body));
}

describe('transcriptTurns: plain-text shapes', () => {
  it('reads timestamps in parentheses and brackets, "Name (Support)", continuation lines and header lines', () => {
    const text = fixture('chat-timestamps.txt');
    const conversation = 'Chat started: 2024-06-03 09:15 AM UTC';
    expectTurns(text, transcriptTurns(text, 'text', []), [
      { speaker: 'Priya', role: 'customer', content: 'text', conversation, body: 'hi, my parcel says delivered but nothing arrived' },
      { speaker: 'Marco (Support)', role: 'agent', content: 'text', conversation, body: 'Sorry to hear that! Could you share the order number?' },
      {
        speaker: 'Priya',
        role: 'customer',
        content: 'text',
        conversation,
        body: `sure, it's 55102\nthe tracking page shows "left at door" at 10:30 yesterday`,
      },
      {
        speaker: 'Marco (Support)',
        role: 'agent',
        content: 'text',
        conversation,
        // "Note:" and the URL continue the turn; "--- Chat ended ---" is not part of it.
        body: "Thanks. I've opened a trace with the carrier.\n  You'll get an update by email within 24 hours.\n  Note: the trace number is on https://example.com/traces/55102",
      },
    ]);
  });

  it('starts a conversation at each "Chat started" header and carries an inferred role into the next chat', () => {
    const text = fixture('two-chats.txt');
    const first = 'Chat started: 2024-06-04 14:02';
    const second = 'Chat started: 2024-06-04 15:40';
    // Chat 1: no role words, so Lena (who opens the chat) is the customer and Tom the agent.
    // Chat 2: Tom opens it but is already known as the agent, so Omar is the customer.
    expectTurns(text, transcriptTurns(text, 'text', []), [
      { speaker: 'Lena', role: 'customer', content: 'text', conversation: first, body: 'Hello, can I change the delivery address on my order?' },
      { speaker: 'Tom', role: 'agent', content: 'text', conversation: first, body: "Hi Lena, yes, as long as it hasn't shipped. What's the new address?" },
      { speaker: 'Lena', role: 'customer', content: 'text', conversation: first, body: '12 Harbour Street, Leith' },
      { speaker: 'Tom', role: 'agent', content: 'text', conversation: first, body: 'Done! The label now shows the new address.' },
      { speaker: 'Tom', role: 'agent', content: 'text', conversation: second, body: 'Hi again, following up on the payment you asked about earlier.' },
      { speaker: 'Omar', role: 'customer', content: 'text', conversation: second, body: 'Thanks, did it go through?' },
      { speaker: 'Tom', role: 'agent', content: 'text', conversation: second, body: 'It did, the receipt is in your inbox.' },
      { speaker: 'Omar', role: 'customer', content: 'text', conversation: second, body: 'great' },
    ]);
  });

  it('reads CRLF files: bodies span lines with their CRLFs, trailing line breaks are cut', () => {
    const text = fixture('crlf-customer-agent.txt');
    expect(text).toContain('\r\n');
    const conversation = '(untitled)';
    expectTurns(text, transcriptTurns(text, 'text', []), [
      { speaker: 'Customer', role: 'customer', content: 'text', conversation, body: 'My invoice shows the wrong VAT number.\r\nIt should be GB123456789.' },
      { speaker: 'Agent', role: 'agent', content: 'text', conversation, body: 'Thanks for flagging this.\r\nI have corrected it and re-sent the invoice.' },
      { speaker: 'Customer', role: 'customer', content: 'text', conversation, body: 'Got it, thank you!' },
    ]);
  });

  it('reads bare "10:42 Sam:" timestamps, old Mac CR line ends and a byte-order mark', () => {
    const text = '\uFEFF10:42 Dana: my code does not work\r10:43 Sam: Which code did you try?\r10:44 Dana: SAVE10\r10:45 Sam: That one has expired.';
    const turns = transcriptTurns(text, 'text', []);
    expect(turns?.map((turn) => [turn.speaker, turn.role, text.slice(turn.start, turn.end)])).toEqual([
      ['Dana', 'customer', 'my code does not work'],
      ['Sam', 'agent', 'Which code did you try?'],
      ['Dana', 'customer', 'SAVE10'],
      ['Sam', 'agent', 'That one has expired.'],
    ]);
    expect(turns?.[0]?.start).toBe(13); // after the BOM and "10:42 Dana: "
  });

  it('ends a turn at banners and system lines, and opens a conversation at a "=== Chat 2 ===" banner', () => {
    const text = [
      'Visitor: hello?',
      'Sam joined the chat',
      'Operator: Hi, how can I help?',
      '*** Chat transferred to Billing ***',
      '=== Chat 2 ===',
      'Visitor: me again',
      'Operator: Welcome back!',
      '-----',
      'Survey sent.',
    ].join('\n');
    expectTurns(text, transcriptTurns(text, 'text', []), [
      { speaker: 'Visitor', role: 'customer', content: 'text', conversation: '(untitled)', body: 'hello?' },
      { speaker: 'Operator', role: 'agent', content: 'text', conversation: '(untitled)', body: 'Hi, how can I help?' },
      { speaker: 'Visitor', role: 'customer', content: 'text', conversation: 'Chat 2', body: 'me again' },
      // "Survey sent." after the separator belongs to no turn.
      { speaker: 'Operator', role: 'agent', content: 'text', conversation: 'Chat 2', body: 'Welcome back!' },
    ]);
  });

  it('accepts "Key: value" metadata lines before the first turn, and keeps a label with no text as an empty turn', () => {
    const text = 'Chat ID: 8812\nDepartment: Billing\n\nCustomer: Is my card saved?\nAgent:\nCustomer: hello?\nAgent: Sorry, yes it is.';
    const turns = transcriptTurns(text, 'text', []);
    expect(turns?.map((turn) => [turn.speaker, turn.start, turn.end])).toEqual([
      ['Customer', 45, 62],
      ['Agent', 69, 69], // right after "Agent:"
      ['Customer', 80, 86],
      ['Agent', 94, 111],
    ]);
    expect(text.slice(45, 62)).toBe('Is my card saved?');
    expect(text.slice(63, 69)).toBe('Agent:');
    expect(text.slice(94, 111)).toBe('Sorry, yes it is.');
  });
});

describe('transcriptTurns: Markdown shapes', () => {
  it('reads **Name**: and **Name:** labels, one conversation per ## heading, Markdown bodies with lists and code', () => {
    const text = fixture('chat-bold.md');
    const agentBody = [
      "I'm sorry about that! I can see both charges.",
      '',
      "I've refunded the second one:",
      '',
      '- amount: $120',
      '- reference: RF-2231',
      '',
      'If you want to check it yourself, run:',
      '',
      '```',
      'Agent: this line is inside a code block',
      '```',
    ].join('\n');
    expectTurns(text, transcriptTurns(text, 'markdown', []), [
      { speaker: 'Customer', role: 'customer', content: 'markdown', conversation: 'Double charge', body: 'I was charged twice for the annual plan.' },
      { speaker: 'Agent', role: 'agent', content: 'markdown', conversation: 'Double charge', body: agentBody },
      { speaker: 'Customer', role: 'customer', content: 'markdown', conversation: 'Double charge', body: 'Thanks, that was quick.' },
      { speaker: 'Customer', role: 'customer', content: 'markdown', conversation: 'Plan change', body: 'Can I move to monthly billing?' },
      { speaker: 'Agent', role: 'agent', content: 'markdown', conversation: 'Plan change', body: 'Yes. Go to *Settings → Billing* and pick **Monthly**.' },
    ]);
  });

  it('reads the **Question** / **Answer** shape: bodies are the insides of the `text` fences', () => {
    const text = fixture('question-answer.md');
    const question = [
      'Hello, I bought the course last week but the lessons are still locked.',
      '',
      'Your chat agent told me:',
      'Agent: please allow 24 hours for access', // inside the fence: not a turn
      'but it has been a week.',
      '',
      'Thanks,',
      'Ines',
    ].join('\n');
    const answer = "Hi Ines,\n\nYour purchase was linked to a second account. I've merged them, so the lessons are open now.\n\nBest,\nRuth";
    expectTurns(text, transcriptTurns(text, 'markdown', []), [
      { speaker: 'Question', role: 'customer', content: 'text', conversation: 'cnv_k2a81f', body: question },
      { speaker: 'Answer', role: 'agent', content: 'text', conversation: 'cnv_k2a81f', body: answer },
      { speaker: 'Question', role: 'customer', content: 'text', conversation: 'cnv_p9x04d', body: 'Is there a student discount?' },
      { speaker: 'Answer', role: 'agent', content: 'text', conversation: 'cnv_p9x04d', body: "We don't offer one at the moment." },
    ]);
  });

  it('reads "## Example N" + **Customer:** with a bare fence below as text bodies', () => {
    const text = fixture('examples-fenced.md');
    const [one, two] = ['Example 1 (cnv_0a1b2c)', 'Example 2 (cnv_3d4e5f)'];
    expectTurns(text, transcriptTurns(text, 'markdown', []), [
      { speaker: 'Customer', role: 'customer', content: 'text', conversation: one, body: 'The video player freezes at 2:31 in lesson 4.' },
      { speaker: 'Agent', role: 'agent', content: 'text', conversation: one, body: 'Thanks for the report! Which browser are you using?' },
      { speaker: 'Customer', role: 'customer', content: 'text', conversation: two, body: 'Can I download the slides?' },
      { speaker: 'Agent', role: 'agent', content: 'text', conversation: two, body: 'Yes: each lesson has a download button under the video.' },
    ]);
  });

  it('reads **Customer:** paragraphs after "---" (not front matter) and numbers repeated headings', () => {
    const text = fixture('examples-paragraphs.md');
    expectTurns(text, transcriptTurns(text, 'markdown', []), [
      {
        speaker: 'Customer',
        role: 'customer',
        content: 'markdown',
        conversation: 'Example',
        body: 'Hi,\nI would like a refund, the course is not what I expected.',
      },
      {
        speaker: 'Agent',
        role: 'agent',
        content: 'markdown',
        conversation: 'Example',
        body: "Hello,\n\nI've started the refund. Your bank may need three to five working days to show it.\n\n\nBest,", // the "---" below is no part of it
      },
      { speaker: 'Customer', role: 'customer', content: 'markdown', conversation: 'Example (2)', body: 'Can you refund my second seat? I bought it by mistake.' },
      { speaker: 'Agent', role: 'agent', content: 'markdown', conversation: 'Example (2)', body: 'Done, the second seat is refunded.' },
    ]);
  });

  it('skips YAML front matter, keeps a fence with another language as Markdown, and ignores HTML comments', () => {
    const text = [
      '---',
      'title: Export 14',
      'tags:',
      '  - billing',
      '---',
      '<!-- exported from the chat widget -->',
      '**Customer:** what does the API return?',
      '**Agent:**',
      '```json',
      '{ "ok": true }',
      '```',
    ].join('\n');
    const turns = transcriptTurns(text, 'markdown', []);
    expect(turns?.map((turn) => [turn.speaker, turn.content, text.slice(turn.start, turn.end)])).toEqual([
      ['Customer', 'markdown', 'what does the API return?'],
      ['Agent', 'markdown', '```json\n{ "ok": true }\n```'],
    ]);
  });

  it('reads a fence as the whole body only when nothing else is in the turn', () => {
    const text = [
      '**Customer:** the app says:',
      '```',
      'error 42',
      '```',
      '**Agent:**',
      '```text',
      'Please update to 3.1.',
      '```',
      'Then sign in again.',
    ].join('\n');
    expect(transcriptTurns(text, 'markdown', [])?.map((turn) => [turn.content, text.slice(turn.start, turn.end)])).toEqual([
      ['markdown', 'the app says:\n```\nerror 42\n```'], // text on the label line
      ['markdown', '```text\nPlease update to 3.1.\n```\nThen sign in again.'], // prose after the fence
    ]);
  });

  it('reads a Markdown-looking label in a plain-text file too, with text bodies', () => {
    const text = '**Customer:** hi\n**Agent:** Hello! How can I help?';
    expect(transcriptTurns(text, 'text', [])?.map((turn) => [turn.speaker, turn.content, text.slice(turn.start, turn.end)])).toEqual([
      ['Customer', 'text', 'hi'],
      ['Agent', 'text', 'Hello! How can I help?'],
    ]);
  });
});

describe('transcriptTurns: roles', () => {
  const roles = (text: string, agents: string[] = []): Array<[string, string]> | undefined =>
    transcriptTurns(text, 'text', agents)?.map((turn) => [turn.speaker, turn.role]);

  it('makes a label with an agent word an agent, whole words only, also in parentheses', () => {
    expect(roles('Dana (Customer): hi\nSam (Support): Hello\nAcme Bot: Rate us!\nCustomer Service: Bye')).toEqual([
      ['Dana (Customer)', 'customer'],
      ['Sam (Support)', 'agent'],
      ['Acme Bot', 'agent'],
      ['Customer Service', 'agent'], // agent words win over "customer"
    ]);
    // "Supporter" is not "support"; "Bottle" is not "bot": both fall back to the order rule.
    expect(roles('Supporter: hi\nBottle: hello\nSupporter: ok\nBottle: bye')).toEqual([
      ['Supporter', 'customer'],
      ['Bottle', 'agent'],
      ['Supporter', 'customer'],
      ['Bottle', 'agent'],
    ]);
  });

  it('uses the configured agent names, case-insensitively', () => {
    expect(roles('sam: Hello, this is Acme.\nDana: hi\nsam: How can I help?\nDana: my order', ['Sam'])).toEqual([
      ['sam', 'agent'],
      ['Dana', 'customer'], // the one other speaker is on the other side
      ['sam', 'agent'],
      ['Dana', 'customer'],
    ]);
  });

  it('puts unknown speakers on the other side when the known ones are all on one side', () => {
    expect(roles('Agent: Hi, this is Acme, how can I help?\nDana: my parcel is late\nAgent: Let me check.\nDana: thanks')).toEqual([
      ['Agent', 'agent'],
      ['Dana', 'customer'],
      ['Agent', 'agent'],
      ['Dana', 'customer'],
    ]);
  });

  it('makes the speaker who opens the chat the customer when no label says who is who', () => {
    expect(roles('Me: is the sale still on?\nThem: Yes, until Sunday.\nMe: great\nThem: Anything else?')).toEqual([
      ['Me', 'customer'],
      ['Them', 'agent'],
      ['Me', 'customer'],
      ['Them', 'agent'],
    ]);
  });

  it('with both sides known, an unknown opener is the customer and other unknowns are agents', () => {
    const text = 'Dana: hello\nCustomer: (same person, other device) hi\nAgent: Hi!\nDana: refund?\nLee: Taking over.\nLee: Refunded.';
    expect(roles(text)).toEqual([
      ['Dana', 'customer'],
      ['Customer', 'customer'],
      ['Agent', 'agent'],
      ['Dana', 'customer'],
      ['Lee', 'agent'],
      ['Lee', 'agent'],
    ]);
  });
});

describe('transcriptTurns: not transcripts', () => {
  it('leaves a reply with Step/Note/PS lines, times and URLs alone', () => {
    expect(transcriptTurns(fixture('not-reply-with-colons.txt'), 'text', [])).toBeUndefined();
    // Without a greeting the label lines come first: they are field words, not speakers.
    const bare = 'Step 1: Open settings.\nStep 2: Click Billing.\nStep 3: Save.\nPS: thanks!';
    expect(transcriptTurns(bare, 'text', [])).toBeUndefined();
    // "Note" and "Tip" alternate like two speakers, but they are field words.
    const asides = 'Note: the export runs nightly.\nTip: filter by date first.\nNote: large exports are zipped.\nTip: ask us for CSV.';
    expect(transcriptTurns(asides, 'text', [])).toBeUndefined();
  });

  it('leaves a macro file with "## Refund: late parcel" headings alone', () => {
    expect(transcriptTurns(fixture('not-macros.md'), 'markdown', [])).toBeUndefined();
  });

  it('does not read speakers inside blockquotes', () => {
    expect(transcriptTurns(fixture('not-quoted-speakers.md'), 'markdown', [])).toBeUndefined();
  });

  it('needs the transcript to begin the file: prose before the first turn makes it a reply', () => {
    expect(transcriptTurns('Here is what we said:\nAgent: hi\nCustomer: hello\nAgent: bye', 'text', [])).toBeUndefined();
  });

  it('needs two turns, and a role word or a real exchange', () => {
    expect(transcriptTurns('Agent: hi', 'text', [])).toBeUndefined();
    // "Dana" speaks twice but nobody answers.
    expect(transcriptTurns('Dana: hi\nDana: anyone?', 'text', [])).toBeUndefined();
    // Two names once each: a list of people, not a chat.
    expect(transcriptTurns('Dana: Berlin office\nSam: Lisbon office', 'text', [])).toBeUndefined();
    // Both repeat, but in blocks rather than as an exchange (one change of speaker).
    expect(transcriptTurns('Before: slow\nBefore: broken\nAfter: fast\nAfter: fixed', 'text', [])).toBeUndefined();
  });

  it('does not take field labels that start with a role word for speakers', () => {
    const notes = 'Customer impact: blocked at checkout.\nCustomer details: plan Pro.\nAttempted steps: cleared cache.';
    expect(transcriptTurns(notes, 'text', [])).toBeUndefined();
  });

  it('does not take quoted e-mail headers or times for speakers', () => {
    const text = 'From: Dana\nTo: Acme\nFrom: Acme\nTo: Dana\n10:30: call\n10:45: call again';
    expect(transcriptTurns(text, 'text', [])).toBeUndefined();
  });

  it('returns undefined for empty text', () => {
    expect(transcriptTurns('', 'text', [])).toBeUndefined();
    expect(transcriptTurns('\n\n', 'markdown', [])).toBeUndefined();
  });
});

describe('transcriptTurns: linear time', () => {
  it('reads pathological 1 MB lines without backtracking', { timeout: 5_000 }, () => {
    const size = 1_000_000;
    const lines = [
      ': '.repeat(size / 2),
      'a'.repeat(size) + ':',
      '-'.repeat(size) + 'x',
      '# ' + ' '.repeat(size) + 'x',
      '*** ' + 'a '.repeat(size / 2),
      '```' + ' '.repeat(size) + 'x',
      'Dana ' + ' '.repeat(size) + ': hi',
    ];
    for (const line of lines) {
      expect(transcriptTurns(line, 'markdown', [])).toBeUndefined();
      expect(transcriptTurns(`Agent: hi\n${line}\nCustomer: ok`, 'text', [])?.length).toBe(2);
    }
  });

  it('reads a 10 MB transcript', { timeout: 10_000 }, () => {
    const exchange = 'Customer: my order has not arrived yet, can you check?\nAgent: Sure, it ships today.\n  Tracking follows by e-mail.\n';
    const text = exchange.repeat(Math.ceil(10_000_000 / exchange.length));
    const turns = transcriptTurns(text, 'text', []);
    expect(turns?.length).toBe((text.length / exchange.length) * 2);
    const last = turns?.at(-1);
    expect(last && text.slice(last.start, last.end)).toBe('Sure, it ships today.\n  Tracking follows by e-mail.');
  });
});
