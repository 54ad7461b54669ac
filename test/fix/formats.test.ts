// Fixes land in the file's own syntax, whatever the format: the fixed file parses to the same
// data with only the fixed words changed, and a second pass changes nothing.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lintAndFix } from '../../src/fix/apply.js';
import { lintText } from '../../src/engine/lint-text.js';
import * as encode from '../../src/sources/encode.js';
import { builtinRegistry } from '../helpers.js';

const config = { rules: { 'tone/you-have-to': { severity: 1 as const, options: {} }, 'template/no-fallback': { severity: 1 as const, options: {} } } };
const fixed = (text: string, filePath: string) => lintAndFix(text, { filePath, config, rules: builtinRegistry });

async function fixesOnce(text: string, filePath: string): Promise<string> {
  const result = await fixed(text, filePath);
  expect(result.output, `${filePath} should be fixed`).toBeDefined();
  const again = await fixed(result.output!, filePath);
  expect(again.output, 'a second --fix changes nothing').toBeUndefined();
  return result.output!;
}

describe('fixes in YAML keep each scalar style', () => {
  const yaml = [
    'replies:',
    '  - name: Plain',
    '    body: You have to reset it, then sign in.',
    '  - name: Double',
    '    body: "Hi \\"there\\",\\nyou have to reset it."',
    "  - name: Single",
    "    body: 'It''s quick: you have to reset it.'",
    '  - name: Block',
    '    body: |',
    '      Thanks for writing in.',
    '      You must restart the app after the update.',
    '',
  ].join('\n');

  it('rewrites the words and nothing else', async () => {
    const output = await fixesOnce(yaml, 'replies.yml');
    expect(output).toBe(
      yaml.replace('You have to reset it, then', 'Please reset it, then').replace('\\nyou have to reset', '\\nplease reset').replace("quick: you have to", 'quick: please').replace('You must restart', 'Please restart'),
    );
    expect(parseYaml(output)).toEqual({
      replies: [
        { name: 'Plain', body: 'Please reset it, then sign in.' },
        { name: 'Double', body: 'Hi "there",\nplease reset it.' },
        { name: 'Single', body: "It's quick: please reset it." },
        { name: 'Block', body: 'Thanks for writing in.\nPlease restart the app after the update.\n' },
      ],
    });
  });

  it('offers no fix in a plain scalar when the words span a folded line', async () => {
    const folded = 'replies:\n  - name: Folded\n    body: Thanks. You have\n      to reset it.\n';
    const result = await fixed(folded, 'replies.yml');
    expect(result.messages.map((m) => [m.ruleId, Boolean(m.fix)])).toEqual([['tone/you-have-to', false]]);
    expect(result.output).toBeUndefined();
  });
});

describe('fixes in CSV', () => {
  it('rewrites quoted and unquoted cells in place', async () => {
    const csv = 'Macro ID,Title,Reply Text\nm-1,Reset,"Hi ""Sam"", you have to reset it."\nm-2,Restart,You must restart the app.\n';
    const output = await fixesOnce(csv, 'macros.csv');
    expect(output).toBe('Macro ID,Title,Reply Text\nm-1,Reset,"Hi ""Sam"", please reset it."\nm-2,Restart,Please restart the app.\n');
  });
});

describe('rewrites are written in the container syntax', () => {
  it("a suggested fallback inside a single-quoted YAML scalar doubles its quotes", async () => {
    const yaml = "replies:\n  - name: Hello\n    body: 'Hi {{ first_name }}, thanks for writing.'\n";
    const result = await lintText(yaml, { filePath: 'replies.yml', config, rules: builtinRegistry });
    const [message] = result.messages.filter((m) => m.ruleId === 'template/no-fallback');
    const suggestion = message!.suggestions![0]!;
    expect(suggestion.fix.text).toBe("{{ first_name | default: ''there'' }}");
    const applied = yaml.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + yaml.slice(suggestion.fix.range[1]);
    expect(parseYaml(applied)).toEqual({ replies: [{ name: 'Hello', body: "Hi {{ first_name | default: 'there' }}, thanks for writing." }] });
  });
});

describe('encoders', () => {
  it('escape what each place needs and refuse what cannot be written', () => {
    expect(encode.jsonString('say "hi"\n\\')).toBe('say \\"hi\\"\\n\\\\');
    expect(encode.csvQuoted('a "b"')).toBe('a ""b""');
    expect(encode.csvPlain('a, b')).toBeUndefined();
    expect(encode.csvPlain('please')).toBe('please');
    expect(encode.yamlPlain('key: value')).toBeUndefined();
    expect(encode.yamlPlain('you can')).toBe('you can');
    expect(encode.yamlSingleQuoted("it's")).toBe("it''s");
    expect(encode.yamlSingleQuoted('a\nb')).toBeUndefined();
    expect(encode.yamlBlock('a\nb')).toBeUndefined();
    expect(encode.htmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(encode.markdownText('*not* [a gap] `code` <b>')).toBe('\\*not\\* [a gap] \\`code\\` \\<b>');
    expect(encode.compose(encode.htmlText, encode.jsonString)('"a" & b')).toBe('\\"a\\" &amp; b');
    expect(encode.compose(encode.identity, encode.csvPlain)('a,b')).toBeUndefined();
  });
});
