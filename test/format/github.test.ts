import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { deadEnd, ignoredNotice, result, syntaxError, youHaveTo } from './sample-results.js';

describe('github', () => {
  it('writes one workflow command per message, the rewrite appended, then a plain summary line', () => {
    const out = formatGithub(
      [result('/repo/replies/late.txt', [youHaveTo, deadEnd]), result('/repo/clean.txt', []), result('/repo/broken.json', [syntaxError])],
      { cwd: '/repo' },
    );
    expect(out).toBe(
      '::warning file=replies/late.txt,line=2,col=1,endLine=2,endColumn=12,title=tone/you-have-to::“You have to” reads as an order. Prefer “You can”. Rewrite: “You can”\n' +
        "::error file=replies/late.txt,line=4,col=18,endLine=4,endColumn=34,title=refusal/dead-end::“We can’t do that” closes the door. Lead with what you can do instead. Rewrite: “Here's what I can do instead: [alternative].”\n" +
        '::error file=broken.json,line=1,col=9,endLine=1,endColumn=9::Unexpected token "}" in JSON\n' +
        '3 problems (2 errors, 1 warning)\n',
    );
  });

  it('gives a line-0 notice no line or column, and a multi-line problem no columns', () => {
    const multiLine = { ...deadEnd, suggestions: [], line: 3, column: 40, endLine: 5, endColumn: 2 };
    const out = formatGithub([result('/repo/old.txt', [ignoredNotice, multiLine])], { displayPath: (p) => p.slice('/repo/'.length) });
    expect(out.split('\n')).toEqual([
      '::warning file=old.txt::File ignored because of a matching ignore pattern.',
      '::error file=old.txt,line=3,endLine=5,title=refusal/dead-end::“We can’t do that” closes the door. Lead with what you can do instead',
      '2 problems (1 error, 1 warning)',
      '',
    ]);
  });

  it("escapes data and property values as the Actions toolkit does", () => {
    expect(escapeData('100% sure,: a\r\nb')).toBe('100%25 sure,: a%0D%0Ab');
    expect(escapeProperty('dir, a: 100%\nb')).toBe('dir%2C a%3A 100%25%0Ab');
    const tricky = { ...youHaveTo, suggestions: [], fix: undefined, message: 'Save 50%: now,\nor never' };
    const out = formatGithub([result('C:\\help, desk\\50% off: notes.txt', [tricky])], {});
    expect(out).toBe(
      '::warning file=C%3A/help%2C desk/50%25 off%3A notes.txt,line=2,col=1,endLine=2,endColumn=12,title=tone/you-have-to::Save 50%25: now,%0Aor never\n' +
        '1 problem (0 errors, 1 warning)\n',
    );
  });

  it('prints nothing for clean results', () => {
    expect(formatGithub([], {})).toBe('');
    expect(formatGithub([result('/repo/clean.txt', [])], { cwd: '/repo' })).toBe('');
  });
});
