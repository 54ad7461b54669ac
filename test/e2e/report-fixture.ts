// The folder the HTML report tests lint: a blame, a dead end, a clean reply and a Zendesk export of three macros.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPORT_FILES: Record<string, string> = {
  'replies/blame.txt': 'Hi Dana,\n\nThe courier lost your teapot. I will look into it.\n',
  'replies/dead-end.md': '# Kettle request\n\nThat is not possible for the kettle.\n',
  'replies/clean.txt': 'Thanks for writing in. I have refunded the shipping, and a new teapot leaves today.\n',
  'exports/zendesk-macros.json': JSON.stringify(
    {
      macros: [
        { id: 101, title: 'Restart help for Robin Quill', actions: [{ field: 'comment_value', value: 'You have to restart the Marlow app. Then it works.' }] },
        { id: 102, title: 'Late sofa order', actions: [{ field: 'comment_value', value: 'The warehouse team forgot your sofa order. Unfortunately that is not possible to change.' }] },
        { id: 103, title: 'Thanks', actions: [{ field: 'comment_value', value: 'Thanks for your patience. I have sent the replacement today.' }] },
      ],
    },
    null,
    2,
  ),
};

/**
 * Words of the replies, names and macro titles that a redacted report must not contain; none is in
 * any rule's summary or why, which a redacted report still shows.
 */
export const REPLY_WORDS = ['Dana', 'teapot', 'kettle', 'Marlow', 'Robin', 'Quill', 'sofa'];

export function writeReportFixture(dir: string): void {
  for (const [rel, text] of Object.entries(REPORT_FILES)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}
