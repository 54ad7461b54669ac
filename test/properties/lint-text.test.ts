// Properties of the pure core and the fixer over random reply text, in the plain formats
// (plain text, Markdown, HTML, chat transcripts), with every built-in rule on.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { expectFixesExact, expectPositionsValid, lintOptions, replyText, transcriptText, withBom } from './support.js';

const RUNS = 200;

describe.each([
  ['reply.txt', replyText],
  ['reply.md', replyText],
  ['reply.html', replyText],
  ['chat.txt', transcriptText],
])('%s', (filePath, text) => {
  it('lints any text without throwing, inside the file, and fixes exactly and idempotently', async () => {
    await fc.assert(
      fc.asyncProperty(withBom(text), async (input) => {
        const result = await lintText(input, lintOptions(filePath));
        expectPositionsValid(input, result);
        await expectFixesExact(input, result);
      }),
      { numRuns: RUNS },
    );
  });
});
