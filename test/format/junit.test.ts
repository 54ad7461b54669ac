import { describe, expect, it } from 'vitest';
import { cdata, escapeAttribute, formatJunit } from '../../src/format/junit.js';
import { deadEnd, ignoredNotice, result, syntaxError, youHaveTo } from './sample-results.js';
import { elements, parseXml, text } from './xml.js';

describe('junit', () => {
  it('writes a suite per file, a failing case per problem and a passing case for a clean file', () => {
    const out = formatJunit([result('/repo/replies/late.txt', [youHaveTo, deadEnd]), result('/repo/clean.txt', [])], { cwd: '/repo' });
    expect(out).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<testsuites>\n' +
        '<testsuite package="org.replylint" time="0" tests="2" errors="0" failures="2" name="replies/late.txt">\n' +
        '<testcase time="0" name="org.replylint.tone/you-have-to" classname="replies/late"><failure message="“You have to” reads as an order. Prefer “You can”."><![CDATA[line 2, col 1, Warning - “You have to” reads as an order. Prefer “You can”. (tone/you-have-to)]]></failure></testcase>\n' +
        '<testcase time="0" name="org.replylint.refusal/dead-end" classname="replies/late"><failure message="“We can’t do that” closes the door. Lead with what you can do instead"><![CDATA[line 4, col 18, Error - “We can’t do that” closes the door. Lead with what you can do instead (refusal/dead-end)]]></failure></testcase>\n' +
        '</testsuite>\n' +
        '<testsuite package="org.replylint" time="0" tests="1" errors="0" failures="0" name="clean.txt">\n' +
        '<testcase time="0" name="clean.txt" classname="clean" />\n' +
        '</testsuite>\n' +
        '</testsuites>\n',
    );
    expect(parseXml(out).name).toBe('testsuites');
  });

  it('reports a file that could not be read as an error, and a notice as a failure', () => {
    const out = formatJunit([result('/repo/broken.json', [syntaxError]), result('/repo/old.txt', [ignoredNotice])], { displayPath: (p) => p.slice(6) });
    const suites = elements(parseXml(out), 'testsuite');
    expect(suites.map((s) => s.attributes)).toEqual([
      { package: 'org.replylint', time: '0', tests: '1', errors: '1', failures: '0', name: 'broken.json' },
      { package: 'org.replylint', time: '0', tests: '1', errors: '0', failures: '1', name: 'old.txt' },
    ]);
    const [error] = elements(suites[0]!, 'error');
    expect(error!.attributes.message).toBe('Unexpected token "}" in JSON');
    expect(text(error!)).toBe('line 1, col 9, Error - Unexpected token "}" in JSON');
    expect(elements(suites[1]!, 'testcase')[0]!.attributes.name).toBe('org.replylint.unknown');
    expect(text(elements(suites[1]!, 'failure')[0]!)).toBe('line 0, col 0, Warning - File ignored because of a matching ignore pattern.');
  });

  it('escapes markup, drops control characters and splits "]]>" so the XML still parses', () => {
    const nasty = {
      ...deadEnd,
      ruleId: 'acme/<b>&"\'',
      message: 'Use <b> & "quotes" \'here\'\u0007 ]]> then\u0000 a\ttab\nand a line \uD800 end',
    };
    const out = formatJunit([result('/repo/R&D <drafts>/"a".txt', [nasty])], { cwd: '/repo' });
    expect(out).not.toContain('\u0007');
    expect(out).not.toContain('\u0000');
    const root = parseXml(out);
    const [suite] = elements(root, 'testsuite');
    expect(suite!.attributes.name).toBe('R&D <drafts>/"a".txt');
    expect(suite!.attributes.tests).toBe('1');
    const [testcase] = elements(root, 'testcase');
    expect(testcase!.attributes).toEqual({ time: '0', name: 'org.replylint.acme/<b>&"\'', classname: 'R&D <drafts>/"a"' });
    const [failure] = elements(root, 'failure');
    expect(failure!.attributes.message).toBe('Use <b> & "quotes" \'here\' ]]> then a\ttab\nand a line \uFFFD end');
    expect(text(failure!)).toBe('line 4, col 18, Error - Use <b> & "quotes" \'here\' ]]> then a\ttab and a line \uFFFD end (acme/<b>&"\')');
  });

  it('escapes attributes and CDATA exactly', () => {
    expect(escapeAttribute('a&b<c>d"e\'f\tg\nh\ri\u001Fj')).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;ij');
    expect(cdata('x]]>y]]>')).toBe('<![CDATA[x]]]]><![CDATA[>y]]]]><![CDATA[>]]>');
  });

  it('writes an empty testsuites element for no results', () => {
    const out = formatJunit([], {});
    expect(out).toBe('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n</testsuites>\n');
    expect(parseXml(out).children).toEqual(['\n']);
  });

  it('the checker itself rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow('mismatched end tag');
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow('unterminated reference');
    expect(() => parseXml('<a>\u0001</a>')).toThrow('U+1');
    expect(() => parseXml('<a>]]></a>')).toThrow(']]>');
    expect(() => parseXml('<a x="<"/>')).toThrow('bad start tag');
  });
});
