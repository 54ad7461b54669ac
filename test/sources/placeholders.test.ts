import { describe, expect, it } from 'vitest';
import { identitySegment } from '../../src/sources/segment.js';
import { maskPlaceholders, placeholderScanner } from '../../src/sources/placeholders.js';

const scan = placeholderScanner();
const found = (text: string) => scan.find(text).map((p) => ({ raw: p.raw, kind: p.kind, name: p.name, fallback: p.fallback }));

describe('placeholderScanner', () => {
  it.each([
    ['Hi {{ticket.requester.first_name}},', { raw: '{{ticket.requester.first_name}}', kind: 'value', name: 'ticket.requester.first_name' }],
    ['Hi {{ user.name | fallback: "there" }}!', { raw: '{{ user.name | fallback: "there" }}', kind: 'value', name: 'user.name', fallback: 'there' }],
    ["Hi {{first_name|fallback:'friend'}}", { raw: "{{first_name|fallback:'friend'}}", kind: 'value', name: 'first_name', fallback: 'friend' }],
    ["Hi {{ticket.customer.firstname|default('there')}}", { raw: "{{ticket.customer.firstname|default('there')}}", kind: 'value', name: 'ticket.customer.firstname', fallback: 'there' }],
    ['Hi {{ customer.name | default: "you" }}', { raw: '{{ customer.name | default: "you" }}', kind: 'value', name: 'customer.name', fallback: 'you' }],
    ['Hi {%customer.firstName,fallback=there%},', { raw: '{%customer.firstName,fallback=there%}', kind: 'value', name: 'customer.firstName', fallback: 'there' }],
    ['Hi {%customer.firstName,fallback=%},', { raw: '{%customer.firstName,fallback=%}', kind: 'value', name: 'customer.firstName', fallback: '' }],
    ['Ticket %{ticket.number} is open', { raw: '%{ticket.number}', kind: 'value', name: 'ticket.number' }],
    ['Dear {$client_name},', { raw: '{$client_name}', kind: 'value', name: 'client_name' }],
    ['Hello %s, welcome', { raw: '%s', kind: 'value' }],
    ['Hello %(name)s, welcome', { raw: '%(name)s', kind: 'value', name: 'name' }],
    ['Hello {name}, welcome', { raw: '{name}', kind: 'value', name: 'name' }],
    ['Hello [Customer Name], welcome', { raw: '[Customer Name]', kind: 'value', name: 'Customer Name' }],
    ['Hello [NAME], welcome', { raw: '[NAME]', kind: 'value', name: 'NAME' }],
    ['Your [order number] shipped', { raw: '[order number]', kind: 'value', name: 'order number' }],
    ['Hello <<first name>>, welcome', { raw: '<<first name>>', kind: 'value', name: 'first name' }],
    ['{% if vip %}', { raw: '{% if vip %}', kind: 'logic' }],
    ['{{#if vip}}', { raw: '{{#if vip}}', kind: 'logic' }],
    ['{{/if}}', { raw: '{{/if}}', kind: 'logic' }],
    ['{{else}}', { raw: '{{else}}', kind: 'logic' }],
    ['{if $ticket}', { raw: '{if $ticket}', kind: 'logic' }],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined))].map((e) => ({ name: undefined, fallback: undefined, ...e })));
  });

  it('leaves prose, Markdown links, checkboxes and percentages alone', () => {
    expect(found('See [the guide](https://example.com) and [x] done; 20% off; a [note] here; 50%discount')).toEqual([]);
  });

  it('takes extra syntaxes from the config', () => {
    expect(placeholderScanner(['\\$\\{[a-z_]+\\}']).find('Hi ${first_name},').map((p) => p.raw)).toEqual(['${first_name}']);
  });

  it('finds nothing in a long run of braces with no close (bench/inputs.js times it)', () => {
    expect(scan.find('{{'.repeat(50_000) + ' hello')).toEqual([]);
  });
});

describe('maskPlaceholders', () => {
  it('reads a value as one word, logic as nothing, and maps back to the file', () => {
    const text = 'Hi {{first_name}}, {% if vip %}we cannot refund it.{% endif %}';
    const masked = maskPlaceholders(identitySegment(text, 'r'), scan.find(text));
    expect(masked.text).toBe('Hi Placeholder,  we cannot refund it. ');
    const at = masked.text.indexOf('cannot');
    expect(text.slice(masked.toSource(at), masked.toSource(at + 'cannot'.length, 'end'))).toBe('cannot');
    const p = masked.text.indexOf('Placeholder');
    expect(text.slice(masked.toSource(p), masked.toSource(p + 'Placeholder'.length, 'end'))).toBe('{{first_name}}');
    expect(masked.display!(0, masked.text.indexOf(','))).toBe('Hi {{first_name}}');
  });

  it('returns the segment unchanged when there is nothing to mask', () => {
    const segment = identitySegment('No placeholders here.', 'r');
    expect(maskPlaceholders(segment, [])).toBe(segment);
  });
});
