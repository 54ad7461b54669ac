import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/format/compact.js';
import { formatGithub } from '../../src/format/github.js';
import type { RuleMeta } from '../../src/format/index.js';
import { getFormatter } from '../../src/format/index.js';
import { formatJunit } from '../../src/format/junit.js';
import { formatSarif } from '../../src/format/sarif.js';
import { builtinRegistry, lint } from '../helpers.js';
import { validate } from './sarif-schema.js';
import { elements, parseXml } from './xml.js';

const text = 'Hi Sam,\n\nYou have to restart the router first.\nThat is not possible, sorry.\n\nBest,\nLu\n';
const cwd = '/repo';
// What the CLI passes: every rule that ran, described from its definition.
const rulesMeta: Record<string, RuleMeta> = Object.fromEntries(
  builtinRegistry.definitions().map((d) => [d.id, { summary: d.summary, why: d.why.trim(), defaultSeverity: d.severity, ...(d.url ? { docsUrl: d.url } : {}), ...(d.fixable ? { fixable: true } : {}) }]),
);

describe('real lint results through every formatter', async () => {
  const results = [await lint(text, ['tone/you-have-to', 'refusal/dead-end'], `${cwd}/replies/router reset.txt`)];

  it('compact and github name the file relative to cwd and show each problem once', () => {
    expect(formatCompact(results, { cwd })).toBe(
      'replies/router reset.txt: line 3, col 1, Error - “You have to” reads as an order. Prefer “Please”. (tone/you-have-to)\n' +
        'replies/router reset.txt: line 4, col 1, Error - “That is not possible” closes the door. Lead with what you can do instead. (refusal/dead-end)\n' +
        '\n2 problems\n',
    );
    expect(formatGithub(results, { cwd })).toBe(
      '::error file=replies/router reset.txt,line=3,col=1,endLine=3,endColumn=12,title=tone/you-have-to::“You have to” reads as an order. Prefer “Please”. Rewrite: “Please”\n' +
        "::error file=replies/router reset.txt,line=4,col=1,endLine=4,endColumn=21,title=refusal/dead-end::“That is not possible” closes the door. Lead with what you can do instead. Rewrite: “Here's what I can do instead: [alternative].”\n" +
        '2 problems (2 errors, 0 warnings)\n',
    );
  });

  it('sarif validates, describes every rule, and its fix rewrites the file as --fix would', () => {
    const log = JSON.parse(formatSarif(results, { cwd, rulesMeta, version: '0.1.0' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(builtinRegistry.definitions().length);
    expect(run.results.map((r: { ruleIndex: number }) => run.tool.driver.rules[r.ruleIndex].id)).toEqual(['tone/you-have-to', 'refusal/dead-end']);
    expect(run.tool.driver.rules[run.results[1].ruleIndex].helpUri).toBe('https://github.com/replylint/replylint/blob/main/docs/rules/refusal/dead-end.md');
    const [replacement] = run.results[0].fixes[0].artifactChanges[0].replacements;
    const { charOffset, charLength } = replacement.deletedRegion;
    const fixed = text.slice(0, charOffset) + replacement.insertedContent.text + text.slice(charOffset + charLength);
    expect(fixed.split('\n')[2]).toBe('Please restart the router first.');
  });

  it('junit parses and has one failing case per problem', () => {
    const root = parseXml(formatJunit(results, { cwd }));
    expect(elements(root, 'testcase').map((t) => t.attributes.name)).toEqual(['org.replylint.tone/you-have-to', 'org.replylint.refusal/dead-end']);
    expect(elements(root, 'failure')).toHaveLength(2);
  });

  it('every format is registered by name', () => {
    for (const name of ['stylish', 'json', 'sarif', 'github', 'compact', 'junit']) expect(getFormatter(name), name).toBeTypeOf('function');
    expect(getFormatter('toString')).toBeUndefined();
    expect(getFormatter('compact')!(results, { color: false, cwd })).toBe(formatCompact(results, { cwd }));
  });
});
