// Config and rule files: JSON read as JSON (with comments), YAML as YAML, every value locatable.
import { describe, expect, it } from 'vitest';
import { parseDataFile } from '../../src/schema/data-file.js';

const fail = (text: string, file: string) => {
  try {
    parseDataFile(text, file);
  } catch (error) {
    return (error as { format(): string }).format();
  }
  return 'parsed';
};

describe('parseDataFile', () => {
  it('reads JSON with comments and locates values and keys', () => {
    const data = parseDataFile('{\n  // house style\n  "rules": {\n    "tone/helpless": "fatal"\n  }\n}\n', 'c.json');
    expect(data.value).toEqual({ rules: { 'tone/helpless': 'fatal' } });
    expect(data.locate(['rules', 'tone/helpless'])).toEqual({ line: 4, column: 22 });
    expect(data.locate(['rules', 'tone/helpless'], true)).toEqual({ line: 4, column: 5 });
    // A path that does not exist points at the deepest part that does.
    expect(data.locate(['rules', 'nope'])).toEqual({ line: 3, column: 12 });
  });

  it('rejects trailing commas, single quotes and YAML in a .json file, with the position', () => {
    expect(fail('{\n  "rules": {},\n}\n', 'c.json')).toBe('c.json:3:1: syntax error: a property name in double quotes was expected');
    expect(fail("{'rules': {}}", 'c.json')).toMatch(/^c\.json:1:2: syntax error: /);
    expect(fail('rules: {}\n', 'c.json')).toMatch(/^c\.json:1:1: syntax error: /);
  });

  it('reads YAML files and extension-less files by their content', () => {
    expect(parseDataFile('rules:\n  a/b: warn\n', '.replylintrc').value).toEqual({ rules: { 'a/b': 'warn' } });
    expect(parseDataFile('{"rules": {}}', '.replylintrc').value).toEqual({ rules: {} });
    const yaml = parseDataFile('rules:\n  a/b: warn\n', 'c.yaml');
    expect(yaml.locate(['rules', 'a/b'])).toEqual({ line: 2, column: 8 });
    expect(fail('rules: [unclosed\n', 'c.yaml')).toMatch(/^c\.yaml:\d+:\d+: syntax error: /);
  });

  it('rejects duplicate keys in YAML', () => {
    expect(fail('a: 1\na: 2\n', 'c.yaml')).toMatch(/^c\.yaml:2:1: syntax error: .*unique/i);
  });
});
