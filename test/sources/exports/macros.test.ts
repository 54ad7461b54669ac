import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_NAMES, detectExport, type DetectOptions } from '../../../src/sources/exports/index.js';
import { loadFixture, valueAt } from './load.js';

function detect(name: string, options: Partial<DetectOptions> = {}) {
  const { value, container } = loadFixture(name);
  return { value, reading: detectExport(value, { agents: DEFAULT_AGENT_NAMES, container, ...options }) };
}

describe('zendesk-macros', () => {
  it('lints comment_value_html over its plain twin, the subject action, and marks private comments internal', () => {
    const { value, reading } = detect('zendesk-macros/macros.json');
    expect(reading).toEqual({
      format: 'zendesk-macros',
      fields: [
        {
          path: ['macros', 0, 'actions', 2, 'value'],
          content: 'html',
          role: 'agent',
          reply: 'macro:$.macros[0]',
          macro: { id: '360001001', title: 'Shipping::Late parcel', field: 'comment_value_html' },
        },
        {
          path: ['macros', 0, 'actions', 3, 'value'],
          content: 'text',
          role: 'agent',
          reply: 'macro:$.macros[0]',
          macro: { id: '360001001', title: 'Shipping::Late parcel', field: 'subject' },
        },
        {
          path: ['macros', 1, 'actions', 1, 'value'],
          content: 'text',
          role: 'internal',
          reply: 'macro:$.macros[1]',
          macro: { id: '360001002', title: 'Internal::Escalate to billing', field: 'comment_value' },
        },
        // An empty comment_value_html leaves the plain comment_value to lint.
        {
          path: ['macros', 2, 'actions', 0, 'value'],
          content: 'text',
          role: 'agent',
          reply: 'macro:$.macros[2]',
          macro: { id: '360001003', title: 'Refunds::Outside window', field: 'comment_value' },
        },
      ],
      skipped: [],
    });
    expect(valueAt(value, reading!.fields[0]!.path)).toMatch(/^<p>Hi \{\{ticket\.requester\.first_name\}\},<\/p><p>That's the carrier's fault/);
  });

  it('reads the text of a ["channel:…", text] value as the last element, in a {macro} wrapper', () => {
    const { value, reading } = detect('zendesk-macros/macro.json');
    expect(reading?.fields).toEqual([
      {
        path: ['macro', 'actions', 0, 'value', 1],
        content: 'text',
        role: 'agent',
        reply: 'macro:$.macro',
        macro: { id: '360001010', title: 'Account::Password reset', field: 'comment_value' },
      },
    ]);
    expect(valueAt(value, reading!.fields[0]!.path)).toMatch(/^Hi \{\{ticket\.requester\.first_name\}\},\n\nI've sent a reset link/);
  });

  it('reads a bare list of macros and falls back to raw_title', () => {
    const reading = detectExport([{ raw_title: '{{dc.refund}}', actions: [{ field: 'comment_value', value: 'Your refund is on its way.' }] }], {
      agents: DEFAULT_AGENT_NAMES,
      container: 'json',
    });
    expect(reading?.fields).toEqual([
      { path: [0, 'actions', 0, 'value'], content: 'text', role: 'agent', reply: 'macro:$[0]', macro: { title: '{{dc.refund}}', field: 'comment_value' } },
    ]);
  });

  it('skips a comment value of an odd type with the reason, and uses the plain twin when the HTML one is odd', () => {
    const reading = detectExport(
      {
        macros: [
          { id: 1, title: 'Odd', actions: [{ field: 'comment_value', value: 42 }] },
          { id: 2, title: 'Odd HTML', actions: [{ field: 'comment_value_html', value: { text: 'x' } }, { field: 'comment_value', value: 'We have refunded you.' }] },
          { id: 3, title: 'Odd list', actions: [{ field: 'comment_value', value: ['channel:all', false] }] },
        ],
      },
      { agents: DEFAULT_AGENT_NAMES, container: 'json' },
    );
    expect(reading).toEqual({
      format: 'zendesk-macros',
      fields: [{ path: ['macros', 1, 'actions', 1, 'value'], content: 'text', role: 'agent', reply: 'macro:$.macros[1]', macro: { id: '2', title: 'Odd HTML', field: 'comment_value' } }],
      skipped: [
        { path: ['macros', 0, 'actions', 0, 'value'], reason: 'comment_value is a number' },
        { path: ['macros', 2, 'actions', 0, 'value', 1], reason: 'comment_value is a boolean' },
      ],
    });
  });

  it('gives way to the next shape when no macro holds text', () => {
    const value = { macros: [{ title: 'Tag only', actions: [{ field: 'current_tags', value: 'vip' }] }] };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })).toBeUndefined();
  });
});

describe('zendesk-triggers', () => {
  it('lints mail to the requester, marks mail to groups and targets internal, one reply per action', () => {
    const { value, reading } = detect('zendesk-triggers/triggers.json');
    const macro = (field: string) => ({ id: '900001', title: 'Notify requester of received request', field });
    expect(reading).toEqual({
      format: 'zendesk-triggers',
      fields: [
        { path: ['triggers', 0, 'actions', 0, 'value', 1], content: 'text', role: 'agent', reply: 'macro:$.triggers[0].actions[0]', macro: macro('notification_user') },
        { path: ['triggers', 0, 'actions', 0, 'value', 2], content: 'text', role: 'agent', reply: 'macro:$.triggers[0].actions[0]', macro: macro('notification_user') },
        { path: ['triggers', 0, 'actions', 1, 'value', 1], content: 'text', role: 'internal', reply: 'macro:$.triggers[0].actions[1]', macro: macro('notification_group') },
        { path: ['triggers', 0, 'actions', 1, 'value', 2], content: 'text', role: 'internal', reply: 'macro:$.triggers[0].actions[1]', macro: macro('notification_group') },
        { path: ['triggers', 0, 'actions', 2, 'value', 1], content: 'text', role: 'internal', reply: 'macro:$.triggers[0].actions[2]', macro: macro('notification_target') },
      ],
      skipped: [],
    });
    expect(valueAt(value, reading!.fields[1]!.path)).toMatch(/^Your request \(\{\{ticket\.id\}\}\) has been received\. Please don't send it again/);
  });

  it('reads automations with subject and body written beside the recipient', () => {
    const value = {
      automations: [
        {
          title: 'Nudge after 3 days',
          conditions: { all: [{ field: 'status', operator: 'is', value: 'pending' }] },
          actions: [{ field: 'notification_user', value: 'requester', subject: 'Still need help?', body: 'We have not heard back from you.' }],
        },
      ],
    };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.fields).toEqual([
      { path: ['automations', 0, 'actions', 0, 'subject'], content: 'text', role: 'agent', reply: 'macro:$.automations[0].actions[0]', macro: { title: 'Nudge after 3 days', field: 'notification_user' } },
      { path: ['automations', 0, 'actions', 0, 'body'], content: 'text', role: 'agent', reply: 'macro:$.automations[0].actions[0]', macro: { title: 'Nudge after 3 days', field: 'notification_user' } },
    ]);
  });
});

describe('intercom-macros', () => {
  it('prefers body_text (the placeholders as typed) and falls back to the HTML body', () => {
    const { value, reading } = detect('intercom-macros/macros.json');
    expect(reading).toEqual({
      format: 'intercom-macros',
      fields: [
        { path: ['data', 0, 'body_text'], content: 'text', role: 'agent', reply: 'macro:$.data[0]', macro: { id: '9021', title: 'Refund denied', field: 'body_text' } },
        { path: ['data', 1, 'body'], content: 'html', role: 'agent', reply: 'macro:$.data[1]', macro: { id: '9022', title: 'Delivery window', field: 'body' } },
      ],
      skipped: [],
    });
    expect(valueAt(value, ['data', 0, 'body_text'])).toBe('Hi {{first_name|fallback:"there"}}, we can\'t refund this order. That\'s our policy.');
  });

  it('reads a single macro', () => {
    const reading = detectExport({ type: 'macro', id: '7', name: 'Hello', body: '<p>Hello!</p>' }, { agents: DEFAULT_AGENT_NAMES, container: 'json' });
    expect(reading?.fields).toEqual([{ path: ['body'], content: 'html', role: 'agent', reply: 'macro:$', macro: { id: '7', title: 'Hello', field: 'body' } }]);
  });
});

describe('gorgias-macros', () => {
  it('lints setResponseText (HTML first) and reads addInternalNote as internal', () => {
    const { reading } = detect('gorgias-macros/macro.json');
    const macro = { id: '80211', title: 'Shipping: courier delay', field: 'body_html' };
    expect(reading).toEqual({
      format: 'gorgias-macros',
      fields: [
        { path: ['actions', 0, 'arguments', 'body_html'], content: 'html', role: 'agent', reply: 'macro:$', macro },
        { path: ['actions', 1, 'arguments', 'body_html'], content: 'html', role: 'internal', reply: 'macro:$', macro },
      ],
      skipped: [],
    });
  });

  it('reads the plain body when there is no HTML one, in a {data} list', () => {
    const value = { data: [{ id: 3, name: 'Thanks', actions: [{ name: 'setResponseText', arguments: { body_text: 'Thanks for your order!' } }] }] };
    expect(detectExport(value, { agents: DEFAULT_AGENT_NAMES, container: 'json' })?.fields).toEqual([
      { path: ['data', 0, 'actions', 0, 'arguments', 'body_text'], content: 'text', role: 'agent', reply: 'macro:$.data[0]', macro: { id: '3', title: 'Thanks', field: 'body_text' } },
    ]);
  });
});

describe('front-templates', () => {
  it('lints the subject and the HTML body of each template; a null subject is nothing', () => {
    const { reading } = detect('front-templates/templates.json');
    expect(reading).toEqual({
      format: 'front-templates',
      fields: [
        { path: ['_results', 0, 'subject'], content: 'text', role: 'agent', reply: 'macro:$._results[0]', macro: { id: 'rsp_7f2a', title: 'Warranty expired', field: 'subject' } },
        { path: ['_results', 0, 'body'], content: 'html', role: 'agent', reply: 'macro:$._results[0]', macro: { id: 'rsp_7f2a', title: 'Warranty expired', field: 'body' } },
        { path: ['_results', 1, 'body'], content: 'html', role: 'agent', reply: 'macro:$._results[1]', macro: { id: 'rsp_7f2b', title: 'Replacement sent', field: 'body' } },
      ],
      skipped: [],
    });
  });
});

describe('freshdesk-canned-responses', () => {
  it('prefers content_html, and reads content when there is no HTML', () => {
    const { value, reading } = detect('freshdesk-canned-responses/responses.json');
    expect(reading).toEqual({
      format: 'freshdesk-canned-responses',
      fields: [
        { path: [0, 'content_html'], content: 'html', role: 'agent', reply: 'macro:$[0]', macro: { id: '43000012345', title: 'Order delayed – apology', field: 'content_html' } },
        { path: [1, 'content'], content: 'text', role: 'agent', reply: 'macro:$[1]', macro: { id: '43000012346', title: 'Address change confirmed', field: 'content' } },
      ],
      skipped: [],
    });
    expect(valueAt(value, [1, 'content'])).toBe("Hi {{ticket.requester.firstname}},\n \nI've updated the delivery address on your order.");
  });
});

describe('helpscout-saved-replies', () => {
  it('lints the HTML text and leaves chatText (the same reply) alone', () => {
    const { reading } = detect('helpscout-saved-replies/saved-reply.json');
    expect(reading).toEqual({
      format: 'helpscout-saved-replies',
      fields: [{ path: ['text'], content: 'html', role: 'agent', reply: 'macro:$', macro: { id: '234567', title: 'Returns: outside window', field: 'text' } }],
      skipped: [],
    });
  });

  it('skips list items that carry only a preview, saying why', () => {
    const { reading } = detect('helpscout-saved-replies/saved-replies-list.json');
    const reason = 'preview is an excerpt of the saved reply, not its text (export each reply with GET /v2/mailboxes/{id}/saved-replies/{id})';
    expect(reading).toEqual({
      format: 'helpscout-saved-replies',
      fields: [],
      skipped: [
        { path: [0, 'preview'], reason },
        { path: [1, 'preview'], reason },
      ],
    });
  });

  it('reads chatText when the reply has no HTML text', () => {
    const reading = detectExport({ id: 5, name: 'Chat only', chatText: 'Happy to help!' }, { agents: DEFAULT_AGENT_NAMES, container: 'json' });
    expect(reading?.fields).toEqual([{ path: ['chatText'], content: 'text', role: 'agent', reply: 'macro:$', macro: { id: '5', title: 'Chat only', field: 'chatText' } }]);
  });
});
