import { describe, expect, it } from 'vitest';
import { buildReplies } from '../../src/document/document.js';
import { identitySegment } from '../../src/sources/segment.js';

describe('buildReplies', () => {
  it('splits a reply into sentences numbered within the reply, with paragraph indexes', () => {
    const [reply] = buildReplies([identitySegment('One here. Two here.\n\nThree here.', 'r')]);
    expect(reply!.sentences.map((s) => [s.text, s.paragraph, s.index])).toEqual([
      ['One here.', 0, 0],
      ['Two here.', 0, 1],
      ['Three here.', 1, 2],
    ]);
  });

  it('groups segments by reply key and keeps paragraph numbering across segments', () => {
    const replies = buildReplies([identitySegment('A one.', 'x'), identitySegment('B one.', 'y'), identitySegment('A two.', 'x')]);
    expect(replies.map((r) => [r.key, r.sentences.map((s) => s.paragraph)])).toEqual([
      ['x', [0, 1]],
      ['y', [0]],
    ]);
  });

  it("reads a noun's \"'s\" before \"been\" as \"has\", and keeps other ones possessive", () => {
    const [reply] = buildReplies([identitySegment("The refund's been approved. The courier's van is here.", 'r')]);
    expect(reply!.sentences.map((s) => s.tokens.map((t) => t.norm))).toEqual([
      ['the', 'refund', 'has', 'been', 'approved'],
      ['the', 'courier', "'s", 'van', 'is', 'here'],
    ]);
  });

  it('gives each token the offsets of its written word', () => {
    const [reply] = buildReplies([identitySegment("We can't.", 'r')]);
    expect(reply!.sentences[0]!.tokens.map((t) => [t.norm, t.start, t.end])).toEqual([
      ['we', 0, 2],
      ['can', 3, 8],
      ['not', 3, 8],
    ]);
  });
});
