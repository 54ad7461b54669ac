import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_NAMES, detectExport, type DetectOptions, EXPORT_SHAPES } from '../../../src/sources/exports/index.js';
import { loadFixture, parseCsv, valueAt } from './load.js';

function detect(name: string, options: Partial<DetectOptions> = {}) {
  const { value, container } = loadFixture(name);
  return { value, reading: detectExport(value, { agents: DEFAULT_AGENT_NAMES, container, ...options }) };
}

const json = { agents: DEFAULT_AGENT_NAMES, container: 'json' } as const;
const yaml = { agents: DEFAULT_AGENT_NAMES, container: 'yaml' } as const;

describe('github-bot-config', () => {
  it('reads …Comment settings as Markdown, in the pulls section too; true/false settings are no text', () => {
    const { value, reading } = detect('github-bot-config/stale.yml');
    expect(reading).toEqual({
      format: 'github-bot-config',
      fields: [
        { path: ['markComment'], content: 'markdown', role: 'agent', reply: 'macro:$.markComment', macro: { title: 'markComment', field: 'markComment' } },
        { path: ['pulls', 'markComment'], content: 'markdown', role: 'agent', reply: 'macro:$.pulls.markComment', macro: { title: 'pulls.markComment', field: 'markComment' } },
      ],
      skipped: [],
    });
    expect(valueAt(value, ['markComment'])).toBe(
      "Nobody has written here for 50 days, so the bot has labelled it stale. It's not our fault if nobody follows up: reply here if it still matters to you.\n",
    );
  });

  it('reads each alternative of a list setting as its own reply', () => {
    const { reading } = detect('github-bot-config/config.yml');
    expect(reading?.fields.map((f) => [f.path, f.reply])).toEqual([
      [['newIssueWelcomeComment'], 'macro:$.newIssueWelcomeComment'],
      [['requestInfoReplyComment', 0], 'macro:$.requestInfoReplyComment[0]'],
      [['requestInfoReplyComment', 1], 'macro:$.requestInfoReplyComment[1]'],
    ]);
  });
});

describe('github-saved-replies', () => {
  it('reads replies[].body as Markdown titled by name', () => {
    const { reading } = detect('github-saved-replies/replies.yml');
    expect(reading).toEqual({
      format: 'github-saved-replies',
      fields: [
        { path: ['replies', 0, 'body'], content: 'markdown', role: 'agent', reply: 'macro:$.replies[0]', macro: { title: 'Duplicate', field: 'body' } },
        { path: ['replies', 1, 'body'], content: 'markdown', role: 'agent', reply: 'macro:$.replies[1]', macro: { title: 'Out of scope', field: 'body' } },
      ],
      skipped: [],
    });
  });
});

describe('django-fixture', () => {
  it('reads fields.plain_text (not its html twin) and the subject, the record pk as id', () => {
    const { reading } = detect('django-fixture/emailtemplate.json');
    expect(reading).toEqual({
      format: 'django-fixture',
      fields: [
        { path: [0, 'fields', 'plain_text'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { id: '1', title: 'closed_submitter', field: 'plain_text' } },
        { path: [0, 'fields', 'subject'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { id: '1', title: 'closed_submitter', field: 'subject' } },
        { path: [1, 'fields', 'plain_text'], content: 'text', role: 'agent', reply: 'macro:$[1]', macro: { id: '2', title: 'updated_submitter', field: 'plain_text' } },
        { path: [1, 'fields', 'subject'], content: 'text', role: 'agent', reply: 'macro:$[1]', macro: { id: '2', title: 'updated_submitter', field: 'subject' } },
      ],
      skipped: [],
    });
  });
});

describe('osticket', () => {
  it('reads canned responses as HTML with their notes internal; a blank note is nothing', () => {
    const { reading } = detect('osticket/canned.yaml');
    expect(reading).toEqual({
      format: 'osticket',
      fields: [
        { path: [0, 'response'], content: 'html', role: 'agent', reply: 'macro:$[0]', macro: { title: 'Refund refused', field: 'response' } },
        { path: [0, 'notes'], content: 'text', role: 'internal', reply: 'macro:$[0]', macro: { title: 'Refund refused', field: 'notes' } },
        { path: [1, 'response'], content: 'html', role: 'agent', reply: 'macro:$[1]', macro: { title: 'Thanks for waiting', field: 'response' } },
      ],
      skipped: [],
    });
  });

  it('reads an e-mail template: body, subject and notes, titled by the trimmed subject', () => {
    const { reading } = detect('osticket/ticket.reply.yaml');
    const title = 'Update on ticket %{ticket.number}: %{ticket.subject}';
    expect(reading?.fields).toEqual([
      { path: ['body'], content: 'html', role: 'agent', reply: 'macro:$', macro: { title, field: 'body' } },
      { path: ['subject'], content: 'text', role: 'agent', reply: 'macro:$', macro: { title, field: 'subject' } },
      { path: ['notes'], content: 'text', role: 'internal', reply: 'macro:$', macro: { title, field: 'notes' } },
    ]);
  });

  it('reads the notes of a template whose body is blank', () => {
    const reading = detectExport({ notes: 'Used for the portal sign-in banner.', name: 'Sign-in banner', body: '' }, yaml);
    expect(reading?.fields).toEqual([{ path: ['notes'], content: 'text', role: 'internal', reply: 'macro:$', macro: { title: 'Sign-in banner', field: 'notes' } }]);
  });
});

describe('macro-objects', () => {
  it('reads a list of {id, title, macro}', () => {
    const { reading } = detect('macro-objects/macros.json');
    expect(reading).toEqual({
      format: 'macro-objects',
      fields: [
        { path: [0, 'macro'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { id: '1', title: 'Order delivered to a neighbour', field: 'macro' } },
        { path: [1, 'macro'], content: 'text', role: 'agent', reply: 'macro:$[1]', macro: { id: '2', title: 'Coupon does not apply', field: 'macro' } },
      ],
      skipped: [],
    });
  });

  it('reads one macro per file, HTML when it looks like HTML', () => {
    const { reading } = detect('macro-objects/one-macro.json');
    expect(reading?.fields).toEqual([{ path: ['body'], content: 'html', role: 'agent', reply: 'macro:$', macro: { title: 'damaged-item', field: 'body' } }]);
  });

  it('reads a list under a key such as snippets, with key as id and label as title', () => {
    const { reading } = detect('macro-objects/snippets.yaml');
    expect(reading?.fields).toEqual([
      { path: ['snippets', 0, 'text'], content: 'text', role: 'agent', reply: 'macro:$.snippets[0]', macro: { id: 'late-reply', title: 'Sorry for the late reply', field: 'text' } },
      { path: ['snippets', 1, 'text'], content: 'text', role: 'agent', reply: 'macro:$.snippets[1]', macro: { id: 'closing', title: 'Closing', field: 'text' } },
    ]);
  });

  it('takes a text for HTML only when it holds a known tag, not a <placeholder>', () => {
    const value = [
      { id: 1, title: 'Angle brackets', text: 'Reply to <customer name> within a day, and 2 < 3.' },
      { id: 2, title: 'Line break', text: 'Thanks for writing in.<br/>We will be in touch.' },
    ];
    expect(detectExport(value, json)?.fields.map((f) => f.content)).toEqual(['text', 'html']);
  });

  it('skips a text of an odd type in a list of macros', () => {
    const value = [
      { id: 1, title: 'Good', text: 'Thanks for waiting, it ships today.' },
      { id: 2, title: 'Odd', text: 17 },
    ];
    expect(detectExport(value, json)).toEqual({
      format: 'macro-objects',
      fields: [{ path: [0, 'text'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { id: '1', title: 'Good', field: 'text' } }],
      skipped: [{ path: [1, 'text'], reason: 'text is a number' }],
    });
  });
});

describe('title-text-map', () => {
  it('reads a flat { title: text } map, one macro per key', () => {
    const { reading } = detect('title-text-map/macros.json');
    expect(reading).toEqual({
      format: 'title-text-map',
      fields: [
        { path: ['Refund on its way'], content: 'text', role: 'agent', reply: "macro:$['Refund on its way']", macro: { title: 'Refund on its way' } },
        { path: ['Transfer delayed (chat)'], content: 'text', role: 'agent', reply: "macro:$['Transfer delayed (chat)']", macro: { title: 'Transfer delayed (chat)' } },
        { path: ['You are welcome'], content: 'text', role: 'agent', reply: "macro:$['You are welcome']", macro: { title: 'You are welcome' } },
      ],
      skipped: [],
    });
  });

  it('leaves message catalogues keyed by identifiers and maps of short labels alone', () => {
    expect(detectExport({ Cannot_find_module_0_2307: "Cannot find module '{0}' or its corresponding type declarations." }, json)).toBeUndefined();
    expect(detectExport({ 'Save changes': 'Save', 'Go back': 'Back' }, json)).toBeUndefined();
  });
});

describe('twcs', () => {
  it('reads tweets: inbound True = customer, brand replies = agent, threads by in_response_to_tweet_id', () => {
    const { value, reading } = detect('twcs/tweets.csv');
    expect(reading).toEqual({
      format: 'twcs',
      fields: [
        { path: [0, 'text'], content: 'text', role: 'customer', reply: 'conversation:1', speaker: '115701' },
        { path: [1, 'text'], content: 'text', role: 'agent', reply: 'conversation:1', speaker: 'AcmeSupport' },
        { path: [2, 'text'], content: 'text', role: 'customer', reply: 'conversation:1', speaker: '115701' },
        { path: [3, 'text'], content: 'text', role: 'agent', reply: 'conversation:1', speaker: 'AcmeSupport' },
        { path: [4, 'text'], content: 'text', role: 'customer', reply: 'conversation:5', speaker: '115702' },
        { path: [5, 'text'], content: 'text', role: 'agent', reply: 'conversation:5', speaker: 'AcmeSupport' },
      ],
      skipped: [],
    });
    expect(valueAt(value, [3, 'text'])).toBe('@115701 Thanks! It ships tomorrow, with tracking by e-mail.\n^JL');
  });

  it('reads pandas exports (an unnamed index column, ids written as floats) and answers to tweets not in the file', () => {
    const rows = parseCsv(
      [
        ',tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id,response_tweet_id',
        '0,1,brand,False,x,Sorry about that.,3.0,',
        '1,3,42,True,x,My order is late,,1',
        '2,7,brand,False,x,We are on it.,99.0,',
      ].join('\n'),
    );
    const reading = detectExport(rows, { agents: DEFAULT_AGENT_NAMES, container: 'csv' });
    expect(reading?.fields.map((f) => [f.role, f.reply])).toEqual([
      ['agent', 'conversation:3'],
      ['customer', 'conversation:3'],
      ['agent', 'conversation:7'],
    ]);
  });
});

describe('csv-rows', () => {
  it('guesses text, title and id columns from header names; each row a macro', () => {
    const { reading } = detect('csv-rows/macros.csv');
    expect(reading).toEqual({
      format: 'csv-rows',
      fields: [
        { path: [0, 'Reply Text'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { id: 'm-1', title: 'Late parcel', field: 'Reply Text' } },
        { path: [1, 'Reply Text'], content: 'text', role: 'agent', reply: 'macro:$[1]', macro: { id: 'm-2', title: 'Gift wrap', field: 'Reply Text' } },
        { path: [2, 'Reply Text'], content: 'html', role: 'agent', reply: 'macro:$[2]', macro: { id: 'm-3', title: 'Old price', field: 'Reply Text' } },
      ],
      skipped: [],
    });
  });

  it('reads a transcript table: speaker column for roles, chat_id for conversations', () => {
    const { reading } = detect('csv-rows/transcript.csv');
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply, f.speaker])).toEqual([
      [[0, 'message'], 'customer', 'conversation:100', 'Customer'],
      [[1, 'message'], 'agent', 'conversation:100', 'Agent'],
      [[2, 'message'], 'customer', 'conversation:100', 'Customer'],
      [[3, 'message'], 'customer', 'conversation:101', 'Customer'],
      [[4, 'message'], 'agent', 'conversation:101', 'Agent'],
    ]);
  });

  it('uses the columns named in the config, over the guesses and the TWCS shape', () => {
    const { reading } = detect('twcs/tweets.csv', { csv: { text: 'text', speaker: 'author_id' }, agents: ['acmesupport'] });
    expect(reading?.format).toBe('csv-rows');
    expect(reading?.fields.map((f) => [f.role, f.reply])).toEqual([
      ['customer', 'macro:$[0]'],
      ['agent', 'macro:$[1]'],
      ['customer', 'macro:$[2]'],
      ['agent', 'macro:$[3]'],
      ['customer', 'macro:$[4]'],
      ['agent', 'macro:$[5]'],
    ]);
  });

  it('says which configured column is missing from the header', () => {
    expect(() => detect('csv-rows/macros.csv', { csv: { text: 'Body' } })).toThrow('CSV column "Body" (input.csv.text) is not in the header: "Macro ID", "Title", "Reply Text", "Category"');
  });

  it('finds nothing in a table without a text column', () => {
    expect(detectExport([{ sku: 'A1', price: '3.00' }], { agents: DEFAULT_AGENT_NAMES, container: 'csv' })).toBeUndefined();
  });
});

describe('files that are not replies', () => {
  const cases: Array<[string, unknown, 'json' | 'yaml']> = [
    [
      'package.json',
      {
        name: 'shop-widget',
        version: '1.2.0',
        description: 'A widget that shows the order status to customers on the shop page.',
        main: 'dist/index.js',
        scripts: { test: 'vitest run' },
        dependencies: { yaml: '^2.0.0' },
      },
      'json',
    ],
    ['tsconfig.json', { compilerOptions: { strict: true, target: 'ES2022' }, include: ['src'] }, 'json'],
    ['.eslintrc.json', { root: true, extends: ['eslint:recommended'], rules: { 'no-console': 'warn' } }, 'json'],
    [
      'a JSON Schema',
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'Reply',
        description: 'A reply sent to a customer by a support agent.',
        type: 'object',
        properties: { text: { type: 'string', description: 'The text of the reply that the customer reads.' } },
      },
      'json',
    ],
    [
      'a replylint rule file',
      {
        id: 'blame/third-party',
        family: 'blame',
        kind: 'phrase',
        severity: 'warn',
        summary: 'Blames a carrier or another company for the problem.',
        message: 'This puts the blame on someone else. Say what you will do instead.',
        trigger: { phrases: ['the carrier'] },
      },
      'yaml',
    ],
    [
      'a GitHub workflow',
      { name: 'CI', on: { push: { branches: ['main'] } }, jobs: { test: { 'runs-on': 'ubuntu-latest', steps: [{ name: 'Run the tests', run: 'npm test' }] } } },
      'yaml',
    ],
    ['a list of rule results', [{ id: 'r1', message: 'Avoid blaming the customer in this sentence.', severity: 2 }], 'json'],
    ['a number', 42, 'json'],
    ['null', null, 'json'],
    ['an empty list', [], 'json'],
  ];
  for (const [name, value, container] of cases) {
    it(`finds nothing in ${name}`, () => {
      expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container })).toBeUndefined();
    });
  }
});

describe('forced shape', () => {
  it('reads a value as the named shape, skipping detection', () => {
    // Detected as generic macro objects, this list reads as Freshdesk canned responses when forced.
    const value = [{ id: 1, title: 'Sorry', content: 'Sorry for the wait.', content_html: '<p>Sorry for the wait.</p>' }];
    expect(detectExport(value, json)?.format).toBe('macro-objects');
    expect(detectExport(value, { ...json, shape: 'freshdesk-canned-responses' })).toEqual({
      format: 'freshdesk-canned-responses',
      fields: [{ path: [0, 'content_html'], content: 'html', role: 'agent', reply: 'macro:$[0]', macro: { id: '1', title: 'Sorry', field: 'content_html' } }],
      skipped: [],
    });
  });

  it('finds nothing when the value does not hold the forced shape', () => {
    expect(detectExport({ macros: [] }, { ...json, shape: 'intercom-conversation' })).toBeUndefined();
  });

  it('rejects an unknown shape, listing the known ones', () => {
    expect(() => detectExport({}, { ...json, shape: 'zendesk' })).toThrow(`unknown export shape "zendesk"; known shapes: ${EXPORT_SHAPES.join(', ')}`);
  });

  it('lists every shape once', () => {
    expect(new Set(EXPORT_SHAPES).size).toBe(EXPORT_SHAPES.length);
    expect(EXPORT_SHAPES).toContain('zendesk-macros');
    expect(EXPORT_SHAPES).toContain('csv-rows');
  });
});

describe('DEFAULT_AGENT_NAMES', () => {
  it('holds lower-case vendor agent roles but not "system"', () => {
    expect(DEFAULT_AGENT_NAMES).toEqual(expect.arrayContaining(['agent', 'admin', 'bot', 'business', 'appmaker', 'assistant']));
    expect(DEFAULT_AGENT_NAMES).not.toContain('system');
    expect(DEFAULT_AGENT_NAMES.every((name) => name === name.toLowerCase())).toBe(true);
  });
});
