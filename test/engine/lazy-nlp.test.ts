// Cold start depends on compromise (~0.4 s to load) staying unloaded for replies that no
// pattern could match. Its own test file, so no other test has loaded compromise first.
import { describe, expect, it } from 'vitest';
import { isNlpLoaded } from '../../src/document/nlp.js';
import { lint } from '../helpers.js';

describe('compromise', () => {
  it('is not loaded for a clean reply, even with every rule on, and is loaded once a pattern could match', async () => {
    const clean = await lint("Hi Priya,\n\nI've sent a fresh reset link to your work address. It stays valid for 24 hours; let me know if it doesn't arrive.\n\nWarm regards,\nLee");
    expect(clean.messages).toEqual([]);
    expect(isNlpLoaded()).toBe(false);
    // Common words ("that", "was", "in", "by") must not let a pattern's prefilter through.
    const common = await lint(
      "Hi Tom,\n\nYou're right that the booking page was slow this morning, and thanks for telling us so quickly. I've checked with my colleagues and we have a clear plan: the page is fast again, and we're watching it in case anything changes by tonight.\n\nBest,\nRia",
    );
    expect(common.messages).toEqual([]);
    expect(isNlpLoaded()).toBe(false);
    const blamed = await lint('The courier lost your parcel near the depot.');
    expect(blamed.messages.map((m) => m.ruleId)).toContain('blame/third-party');
    expect(isNlpLoaded()).toBe(true);
  });
});
