import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/format/compact.js';
import { deadEnd, ignoredNotice, result, syntaxError, youHaveTo } from './sample-results.js';

const displayPath = (p: string) => p.replace('/repo/', '');

describe('compact', () => {
  it('prints one line per problem, notices included, then the count', () => {
    const out = formatCompact(
      [
        result('/repo/replies/late.txt', [youHaveTo, deadEnd]),
        result('/repo/clean.txt', []),
        result('/repo/broken.json', [syntaxError]),
        result('/repo/old.txt', [ignoredNotice]),
      ],
      { displayPath },
    );
    expect(out).toBe(
      'replies/late.txt: line 2, col 1, Warning - “You have to” reads as an order. Prefer “You can”. (tone/you-have-to)\n' +
        'replies/late.txt: line 4, col 18, Error - “We can’t do that” closes the door. Lead with what you can do instead (refusal/dead-end)\n' +
        'broken.json: line 1, col 9, Error - Unexpected token "}" in JSON\n' +
        'old.txt: line 0, col 0, Warning - File ignored because of a matching ignore pattern.\n' +
        '\n' +
        '4 problems\n',
    );
  });

  it('keeps a message with line breaks on one line, and says "problem" for one', () => {
    const out = formatCompact([result('a.txt', [{ ...deadEnd, message: 'First line\r\n  second line\nthird' }])], {});
    expect(out).toBe('a.txt: line 4, col 18, Error - First line second line third (refusal/dead-end)\n\n1 problem\n');
  });

  it('names files relative to cwd when no displayPath is given, and as they are outside it', () => {
    const out = formatCompact([result('/repo/a.txt', [youHaveTo]), result('/elsewhere/b.txt', [youHaveTo])], { cwd: '/repo' });
    expect(out.split('\n').map((l) => l.split(':')[0])).toEqual(['a.txt', '/elsewhere/b.txt', '', '2 problems', '']);
  });

  it('prints nothing when there are no problems', () => {
    expect(formatCompact([], {})).toBe('');
    expect(formatCompact([result('/repo/clean.txt', [])], { displayPath })).toBe('');
  });
});
