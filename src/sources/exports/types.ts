// What an export detector says about a parsed data file: where the reply texts are, what each
// one is (which macro, which speaker), and what it skipped and why.
import type { DataPath } from '../data/tree.js';

/** The macro (saved reply, canned response, template) a text belongs to. */
export interface MacroInfo {
  id?: string;
  title?: string;
  /** the field the text came from, e.g. "comment_value_html" or "body" */
  field?: string;
}

/** How the text is written: HTML fields go through the HTML reader. */
export type ContentFormat = 'text' | 'markdown' | 'html';

/**
 * Who wrote a text: the agent's (and bots') replies are linted; customer messages and internal
 * notes are read but not linted (internal notes are with --include-internal).
 */
export type Role = 'agent' | 'customer' | 'internal';

export interface ExportField {
  /** path of the string in the data value */
  path: DataPath;
  content: ContentFormat;
  role: Role;
  macro?: MacroInfo;
  /** who wrote it, as the file names them ("admin", "Sam", "business") */
  speaker?: string;
  /**
   * Texts with the same key form one reply (so a refusal in one agent turn can be answered in
   * the next); defaults to one reply per macro. For transcripts: the conversation.
   */
  reply?: string;
}

export interface ExportReading {
  /** the shape recognised, e.g. "zendesk-macros", "intercom-conversation", "selectors" */
  format: string;
  fields: ExportField[];
  /** values that looked like a reply but could not be read (odd types): path and why */
  skipped: Array<{ path: DataPath; reason: string }>;
}
