import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../src/checks/template.js';
import { placeholderScanner } from '../../src/sources/placeholders.js';

const context = { scanner: placeholderScanner(), format: 'text' };
/** Each finding as the flagged text and the reply with its suggested repair applied. */
const spans = (check: Parameters<typeof checkTemplate>[0], text: string, options = {}, format = 'text') =>
  checkTemplate(check, text, options, { ...context, format }).map((f) => ({
    at: text.slice(f.start, f.end),
    repaired: f.fix ? text.slice(0, f.fix.start) + f.fix.text + text.slice(f.fix.end) : undefined,
  }));

describe('template/unbalanced', () => {
  it('finds a placeholder missing a closing brace and closes it', () => {
    expect(spans('unbalanced', 'Hi {{first_name},\nthanks')).toEqual([{ at: '{{first_name}', repaired: 'Hi {{first_name}},\nthanks' }]);
  });
  it('finds a placeholder missing an opening brace and opens it', () => {
    expect(spans('unbalanced', 'Hi {first_name}}, thanks')).toEqual([{ at: '{first_name}}', repaired: 'Hi {{first_name}}, thanks' }]);
  });
  it('finds unclosed and stray block tags in each syntax', () => {
    expect(spans('unbalanced', '{% if vip %}Thanks!')).toEqual([{ at: '{% if vip %}', repaired: '{% if vip %}Thanks!{% endif %}' }]);
    expect(spans('unbalanced', '{{#each items}}x')).toEqual([{ at: '{{#each items}}', repaired: '{{#each items}}x{{/each}}' }]);
    expect(spans('unbalanced', '{if $vip}x')).toEqual([{ at: '{if $vip}', repaired: '{if $vip}x{/if}' }]);
    expect(spans('unbalanced', 'x{% endif %}')).toEqual([{ at: '{% endif %}', repaired: 'x' }]);
  });
  it('accepts nested, balanced blocks and Help Scout values', () => {
    expect(spans('unbalanced', '{% if a %}{% for x in y %}{{x}}{% endfor %}{% else %}z{% endif %} {%customer.firstName%}')).toEqual([]);
  });
  it('an inner block left open is closed just before the outer one closes', () => {
    expect(spans('unbalanced', '{% if a %}{% for x in y %}{{x}}{% endif %}')).toEqual([
      { at: '{% for x in y %}', repaired: '{% if a %}{% for x in y %}{{x}}{% endfor %}{% endif %}' },
    ]);
  });
});

describe('template/no-fallback', () => {
  it('flags a name placeholder in a greeting, with the syntax of the product', () => {
    expect(spans('no-fallback', 'Hi {{first_name}},')).toEqual([{ at: '{{first_name}}', repaired: "Hi {{first_name | default: 'there'}}," }]);
    expect(spans('no-fallback', 'Hi {{first_name}},', {}, 'json: intercom-macros')).toEqual([{ at: '{{first_name}}', repaired: "Hi {{first_name | fallback: 'there'}}," }]);
    expect(spans('no-fallback', 'Hi {{ticket.customer.firstname}},', {}, 'json: gorgias-macros')).toEqual([
      { at: '{{ticket.customer.firstname}}', repaired: "Hi {{ticket.customer.firstname | default('there')}}," },
    ]);
    expect(spans('no-fallback', 'Dear {{ customer.name }},')).toEqual([{ at: '{{ customer.name }}', repaired: "Dear {{ customer.name | default: 'there' }}," }]);
    expect(spans('no-fallback', 'Hello {%customer.firstName%},')).toEqual([{ at: '{%customer.firstName%}', repaired: 'Hello {%customer.firstName,fallback=there%},' }]);
  });
  it('is quiet with a fallback, outside a greeting, and for values that are not names', () => {
    expect(spans('no-fallback', "Hi {{first_name | fallback: 'there'}}, your order {{order.name}} and ticket {{ticket.id}}.")).toEqual([]);
    expect(spans('no-fallback', 'Hi there, ticket {{ticket.id}} is open.')).toEqual([]);
  });
});

describe('template/unknown-variable', () => {
  const variables = ['ticket.requester.first_name', 'ticket.id', 'dc.*'];
  it('flags names that are not configured and suggests the nearest', () => {
    expect(spans('unknown-variable', 'Hi {{ticket.requester.firstname}} {{ticket.id}} {{dc.sig}} {{zzz}}', { variables })).toEqual([
      { at: '{{ticket.requester.firstname}}', repaired: 'Hi {{ticket.requester.first_name}} {{ticket.id}} {{dc.sig}} {{zzz}}' },
      { at: '{{zzz}}', repaired: 'Hi {{ticket.requester.firstname}} {{ticket.id}} {{dc.sig}} {{[a known variable]}}' },
    ]);
  });
  it('does nothing without a list of variables', () => {
    expect(spans('unknown-variable', 'Hi {{anything}}')).toEqual([]);
  });
});
