import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_NAMES, detectExport, type DetectOptions } from '../../../src/sources/exports/index.js';
import { loadFixture, valueAt } from './load.js';

function detect(name: string, options: Partial<DetectOptions> = {}) {
  const { value, container } = loadFixture(name);
  return { value, reading: detectExport(value, { agents: DEFAULT_AGENT_NAMES, container, ...options }) };
}

describe('zendesk-comments', () => {
  it('resolves authors through the users sideload; a private comment is internal', () => {
    const { reading } = detect('zendesk-comments/comments-with-users.json');
    const reply = 'conversation:$.comments';
    expect(reading).toEqual({
      format: 'zendesk-comments',
      fields: [
        { path: ['comments', 0, 'body'], content: 'text', role: 'customer', reply, speaker: 'Dana Ortiz' },
        { path: ['comments', 1, 'body'], content: 'text', role: 'agent', reply, speaker: 'Sam Lee' },
        { path: ['comments', 2, 'body'], content: 'text', role: 'internal', reply, speaker: 'Sam Lee' },
      ],
      skipped: [],
    });
  });

  it("takes the ticket's requester as the customer, even when an agent wrote first", () => {
    const { reading } = detect('zendesk-comments/comments-with-requester.json');
    expect(reading?.fields).toEqual([
      { path: ['comments', 0, 'body'], content: 'text', role: 'agent', reply: 'conversation:4120', speaker: '88' },
      { path: ['comments', 1, 'body'], content: 'text', role: 'customer', reply: 'conversation:4120', speaker: '602' },
    ]);
  });

  it('without users or requester, takes the first comment\'s author as the customer', () => {
    const { value, reading } = detect('zendesk-comments/comments.json');
    expect(reading?.fields.map((f) => [f.role, f.speaker])).toEqual([
      ['customer', '603'],
      ['agent', '89'],
    ]);
    expect(valueAt(value, reading!.fields[1]!.path)).toBe('You must have entered the wrong password. Please try again.');
  });

  it('reads html_body as HTML when there is no body', () => {
    const value = { comments: [{ id: 1, author_id: 5, public: true, html_body: '<p>Hello</p>' }] };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.fields).toEqual([
      { path: ['comments', 0, 'html_body'], content: 'html', role: 'customer', reply: 'conversation:$.comments', speaker: '5' },
    ]);
  });
});

describe('intercom-conversation', () => {
  it('reads the source and the parts: notes internal, admins agents, users customers, bodiless parts nothing', () => {
    const { reading } = detect('intercom-conversation/conversation.json');
    const parts = ['conversation_parts', 'conversation_parts'];
    expect(reading).toEqual({
      format: 'intercom-conversation',
      fields: [
        { path: ['source', 'body'], content: 'html', role: 'customer', reply: 'conversation:1911', speaker: 'Dana' },
        { path: [...parts, 1, 'body'], content: 'html', role: 'internal', reply: 'conversation:1911', speaker: 'Sam' },
        { path: [...parts, 2, 'body'], content: 'html', role: 'agent', reply: 'conversation:1911', speaker: 'Sam' },
        { path: [...parts, 3, 'body'], content: 'html', role: 'customer', reply: 'conversation:1911', speaker: 'Dana' },
      ],
      skipped: [],
    });
  });

  it('counts bot and team authors as agents and leads as customers', () => {
    const value = {
      type: 'conversation',
      id: '5',
      conversation_parts: {
        conversation_parts: [
          { part_type: 'comment', body: '<p>Hi from the bot</p>', author: { type: 'bot' } },
          { part_type: 'comment', body: '<p>Hi from a lead</p>', author: { type: 'lead' } },
          { part_type: 'comment', body: '<p>Hi from the team</p>', author: { type: 'team', name: 'Billing' } },
        ],
      },
    };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.fields.map((f) => [f.role, f.speaker])).toEqual([
      ['agent', 'bot'],
      ['customer', 'lead'],
      ['agent', 'Billing'],
    ]);
  });
});

describe('intercom-conversation (JSON Lines)', () => {
  it('reads one conversation a line, each its own reply', () => {
    const line = (id: string) => ({
      type: 'conversation',
      id,
      source: { body: '<p>Hello?</p>', author: { type: 'contact' } },
      conversation_parts: { conversation_parts: [{ part_type: 'comment', body: '<p>Hi!</p>', author: { type: 'admin', name: 'Sam' } }] },
    });
    const reading = detectExport([line('1'), line('2')], { agents: DEFAULT_AGENT_NAMES, container: 'jsonl' });
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply])).toEqual([
      [[0, 'source', 'body'], 'customer', 'conversation:1'],
      [[0, 'conversation_parts', 'conversation_parts', 0, 'body'], 'agent', 'conversation:1'],
      [[1, 'source', 'body'], 'customer', 'conversation:2'],
      [[1, 'conversation_parts', 'conversation_parts', 0, 'body'], 'agent', 'conversation:2'],
    ]);
  });
});

describe('sunshine-conversations', () => {
  it('reads content.text: business authors are agents, user authors customers; images are not text', () => {
    const { reading } = detect('sunshine-conversations/messages.json');
    const reply = 'conversation:$.messages';
    expect(reading).toEqual({
      format: 'sunshine-conversations',
      fields: [
        { path: ['messages', 0, 'content', 'text'], content: 'text', role: 'customer', reply, speaker: 'Dana' },
        { path: ['messages', 1, 'content', 'text'], content: 'text', role: 'agent', reply, speaker: 'Helper' },
        { path: ['messages', 3, 'content', 'text'], content: 'text', role: 'agent', reply, speaker: 'Sam' },
      ],
      skipped: [],
    });
  });
});

describe('smooch-messages', () => {
  it('maps appMaker to agent, appUser to customer and whisper to internal', () => {
    const { reading } = detect('smooch-messages/messages.json');
    const reply = 'conversation:c7f6e6d6c6b6a696';
    expect(reading).toEqual({
      format: 'smooch-messages',
      fields: [
        { path: ['messages', 0, 'text'], content: 'text', role: 'customer', reply, speaker: 'Dana' },
        { path: ['messages', 1, 'text'], content: 'text', role: 'agent', reply, speaker: 'Sam' },
        { path: ['messages', 2, 'text'], content: 'text', role: 'internal', reply, speaker: 'Sam' },
      ],
      skipped: [],
    });
  });
});

describe('helpscout-threads', () => {
  it('reads threads: notes internal, line items skipped, createdBy user = agent', () => {
    const { reading } = detect('helpscout-threads/threads.json');
    const reply = 'conversation:$._embedded.threads';
    expect(reading).toEqual({
      format: 'helpscout-threads',
      fields: [
        { path: ['_embedded', 'threads', 0, 'body'], content: 'html', role: 'customer', reply, speaker: 'Priya Nair' },
        { path: ['_embedded', 'threads', 2, 'body'], content: 'html', role: 'internal', reply, speaker: 'Sam Lee' },
        { path: ['_embedded', 'threads', 3, 'body'], content: 'html', role: 'agent', reply, speaker: 'Sam Lee' },
      ],
      skipped: [],
    });
  });

  it('uses the conversation id when the threads are embedded in the conversation', () => {
    const value = { id: 7001, _embedded: { threads: [{ type: 'customer', body: 'Hello' }] } };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.fields).toEqual([
      { path: ['_embedded', 'threads', 0, 'body'], content: 'html', role: 'customer', reply: 'conversation:7001', speaker: 'customer' },
    ]);
  });
});

describe('freshdesk-conversations', () => {
  it('incoming = customer, private = internal; an empty HTML body leaves body_text', () => {
    const { value, reading } = detect('freshdesk-conversations/conversations.json');
    expect(reading).toEqual({
      format: 'freshdesk-conversations',
      fields: [
        { path: [0, 'body'], content: 'html', role: 'customer', reply: 'conversation:310', speaker: 'dana@example.com' },
        { path: [1, 'body'], content: 'html', role: 'internal', reply: 'conversation:310', speaker: '9001' },
        { path: [2, 'body_text'], content: 'text', role: 'agent', reply: 'conversation:310', speaker: 'support@example.com' },
      ],
      skipped: [],
    });
    expect(valueAt(value, [2, 'body_text'])).toBe("Hi Dana, you probably overloaded the jug. There's nothing we can do for misuse.");
  });
});

describe('zendesk-chat', () => {
  it("reads msg items: a name in the chat's agent_names is an agent, the rest the visitor", () => {
    const { reading } = detect('zendesk-chat/chat.json');
    const reply = 'conversation:2405.10.Q3ZKxy';
    expect(reading).toEqual({
      format: 'zendesk-chat',
      fields: [
        { path: ['history', 1, 'msg'], content: 'text', role: 'customer', reply, speaker: 'Visitor 41' },
        { path: ['history', 3, 'msg'], content: 'text', role: 'agent', reply, speaker: 'Sam Lee' },
        { path: ['history', 4, 'msg'], content: 'text', role: 'customer', reply, speaker: 'Visitor 41' },
      ],
      skipped: [],
    });
  });

  it('also counts configured agent names and "agent:" nicks, in a {chats} list', () => {
    const value = {
      chats: [
        {
          id: 'c1',
          history: [
            { name: 'Jo', msg: 'Hello from Jo' },
            { name: 'Trigger', nick: 'agent:trigger', msg: 'An agent will be with you shortly.' },
            { name: 'Visitor 1', nick: 'visitor:1', msg: 'Hi' },
          ],
        },
      ],
    };
    const reading = detectExport(value, { agents: ['jo'], container: 'json' });
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply])).toEqual([
      [['chats', 0, 'history', 0, 'msg'], 'agent', 'conversation:c1'],
      [['chats', 0, 'history', 1, 'msg'], 'agent', 'conversation:c1'],
      [['chats', 0, 'history', 2, 'msg'], 'customer', 'conversation:c1'],
    ]);
  });
});

describe('abcd-dialogues', () => {
  it('reads [speaker, text] turns; action turns are not prose', () => {
    const { value, reading } = detect('abcd-dialogues/dialogues.json');
    expect(reading?.format).toBe('abcd-dialogues');
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply, f.speaker])).toEqual([
      [[0, 'original', 0, 1], 'agent', 'conversation:5011', 'agent'],
      [[0, 'original', 1, 1], 'customer', 'conversation:5011', 'customer'],
      [[0, 'original', 2, 1], 'agent', 'conversation:5011', 'agent'],
      [[0, 'original', 3, 1], 'customer', 'conversation:5011', 'customer'],
      [[0, 'original', 5, 1], 'agent', 'conversation:5011', 'agent'],
      [[1, 'original', 0, 1], 'customer', 'conversation:5012', 'customer'],
      [[1, 'original', 1, 1], 'agent', 'conversation:5012', 'agent'],
    ]);
    expect(reading?.fields.every((f) => f.content === 'text')).toBe(true);
    expect(valueAt(value, [0, 'original', 5, 1])).toBe("You should have checked the size chart. Calm down, I'll start the return.");
  });
});

describe('conversation-messages', () => {
  it('reads conversation objects with a messages list; system messages are internal', () => {
    const { reading } = detect('conversation-messages/conversations.json');
    expect(reading).toEqual({
      format: 'conversation-messages',
      fields: [
        { path: [0, 'messages', 0, 'text'], content: 'text', role: 'customer', reply: 'conversation:c-100', speaker: 'customer' },
        { path: [0, 'messages', 1, 'text'], content: 'text', role: 'agent', reply: 'conversation:c-100', speaker: 'agent' },
        { path: [0, 'messages', 2, 'text'], content: 'text', role: 'internal', reply: 'conversation:c-100', speaker: 'system' },
        { path: [1, 'messages', 0, 'text'], content: 'text', role: 'customer', reply: 'conversation:c-101', speaker: 'user' },
        { path: [1, 'messages', 1, 'text'], content: 'text', role: 'agent', reply: 'conversation:c-101', speaker: 'assistant' },
      ],
      skipped: [],
    });
  });

  it('groups JSON Lines messages by conversation_id; an unknown name is not an agent unless configured', () => {
    const { reading } = detect('conversation-messages/messages.jsonl');
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply, f.speaker])).toEqual([
      [[0, 'message'], 'customer', 'conversation:t-1', 'visitor'],
      [[1, 'message'], 'agent', 'conversation:t-1', 'operator'],
      [[2, 'message'], 'customer', 'conversation:t-2', 'visitor'],
      [[3, 'message'], 'customer', 'conversation:t-2', 'Maya'],
      [[4, 'message'], 'agent', 'conversation:t-2', 'operator'],
    ]);
    const configured = detect('conversation-messages/messages.jsonl', { agents: ['maya'] }).reading;
    expect(configured?.fields.map((f) => f.role)).toEqual(['customer', 'customer', 'customer', 'agent', 'customer']);
  });

  it('reads JSON Lines with one conversation a line', () => {
    const { reading } = detect('conversation-messages/conversations.jsonl');
    expect(reading?.fields.map((f) => [f.path, f.role, f.reply])).toEqual([
      [[0, 'turns', 0, 'text'], 'customer', 'conversation:s-9'],
      [[0, 'turns', 1, 'text'], 'agent', 'conversation:s-9'],
      [[1, 'turns', 0, 'text'], 'customer', 'conversation:s-10'],
      [[1, 'turns', 1, 'text'], 'agent', 'conversation:s-10'],
    ]);
  });

  it('reads speaker objects, inbound flags and user.type; tool turns are not prose; odd texts are skipped', () => {
    const value = {
      messages: [
        { author: { type: 'admin', name: 'Sam' }, body: '<p>Hello</p>' },
        { inbound: true, author_id: 'c9', text: 'Hi there' },
        { user: { type: 'visitor' }, text: 'Anyone?' },
        { role: 'tool', content: '{"ok":true}' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
      ],
    };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })).toEqual({
      format: 'conversation-messages',
      fields: [
        { path: ['messages', 0, 'body'], content: 'html', role: 'agent', reply: 'conversation:$', speaker: 'Sam' },
        { path: ['messages', 1, 'text'], content: 'text', role: 'customer', reply: 'conversation:$', speaker: 'c9' },
        { path: ['messages', 2, 'text'], content: 'text', role: 'customer', reply: 'conversation:$', speaker: 'visitor' },
      ],
      skipped: [{ path: ['messages', 4, 'content'], reason: 'content is an array' }],
    });
  });

  it('does not take a list of titled macros with an author for messages', () => {
    const value = [{ id: 1, title: 'Hello', author: 'jane', body: 'Thanks for writing in today.' }];
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.format).toBe('macro-objects');
  });
});
