// The key names and speaker words the heuristic export detectors look for, in one place, so a
// new tool's export usually needs a word added here rather than a new detector.

/**
 * Speaker names and roles counted as agents when the config names none (compared in lower
 * case). Vendor roles: Intercom `admin`/`bot`/`team`, Sunshine Conversations `business`, Smooch
 * `appMaker`; chat-model logs `assistant`; the rest are the words people use in their own
 * transcripts and CSV exports. `system` is deliberately absent: in chat logs it is an
 * instruction to a bot that no customer reads, so it is an internal note (see INTERNAL_WORDS).
 */
export const DEFAULT_AGENT_NAMES = [
  'agent',
  'admin',
  'support',
  'staff',
  'operator',
  'bot',
  'business',
  'appmaker',
  'assistant',
  'team',
  'rep',
  'representative',
  'advisor',
  'helpdesk',
];

/** Speaker values that mean the customer (lower case). */
export const CUSTOMER_WORDS = [
  'customer',
  'user',
  'visitor',
  'end-user',
  'end_user',
  'enduser',
  'contact',
  'lead',
  'requester',
  'client',
  'appuser',
  'guest',
  'human',
];

/** Speaker values that mean a note no customer sees (lower case). */
export const INTERNAL_WORDS = ['note', 'internal', 'private', 'whisper', 'system'];

/** Speaker values whose "text" is not prose at all: tool calls, logged actions (lower case). */
export const NOT_PROSE_WORDS = ['action', 'event', 'tool', 'function'];

/** Keys holding a reply's text, most likely first. */
export const TEXT_KEYS = [
  'text',
  'body',
  'content',
  'message',
  'macro',
  'reply',
  'response',
  'template',
  'answer',
  'plain_text',
  'body_text',
  'msg',
];

/** Keys holding the same reply as HTML; read only when no plain-text key holds a string. */
export const HTML_TEXT_KEYS = ['html', 'body_html', 'html_body', 'content_html', 'text_html'];

/** Keys naming a macro. */
export const TITLE_KEYS = ['title', 'name', 'label', 'template_name', 'subject'];

/** Keys identifying a macro. */
export const ID_KEYS = ['id', 'key', 'slug', 'uuid'];

/** Keys holding a note for agents about a macro (osTicket `notes`): internal text. */
export const NOTE_KEYS = ['notes', 'note', 'internal_note', 'internal_notes'];

/** Keys naming who wrote a message; a value may be a word, a name or an object with `type`. */
export const SPEAKER_KEYS = ['role', 'speaker', 'author_type', 'sender_type', 'sender', 'from', 'author', 'user'];

/** Properties of a speaker object that hold its role, then its name. */
export const SPEAKER_ROLE_KEYS = ['type', 'role'];
export const SPEAKER_NAME_KEYS = ['name', 'displayName', 'display_name', 'nickname'];

/** Keys grouping messages into one conversation. */
export const CONVERSATION_KEYS = [
  'conversation_id',
  'conversationId',
  'thread_id',
  'threadId',
  'ticket_id',
  'ticketId',
  'chat_id',
  'chatId',
  'session_id',
  'sessionId',
  'convo_id',
  'dialogue_id',
];

/** Keys of a conversation object holding its messages. */
export const MESSAGE_LIST_KEYS = ['messages', 'turns', 'utterances', 'dialogue', 'dialog', 'transcript', 'conversation'];

/** Keys of a root object holding a list of macros. */
export const MACRO_LIST_KEYS = [
  'macros',
  'replies',
  'responses',
  'templates',
  'snippets',
  'shortcuts',
  'canned_responses',
  'cannedResponses',
  'saved_replies',
  'savedReplies',
  'items',
  'data',
  'entries',
];

/**
 * Keys that mark a configuration, manifest, schema or rule file: a root object (or list item)
 * holding one is never read as replies by the heuristic detectors, however prose-like its
 * strings are (package.json, tsconfig, ESLint, JSON Schema, GitHub workflows, replylint rules).
 */
export const NOT_REPLY_KEYS = [
  '$schema',
  '$defs',
  'definitions',
  'properties',
  'compilerOptions',
  'dependencies',
  'devDependencies',
  'scripts',
  'rules',
  'extends',
  'plugins',
  'parserOptions',
  'overrides',
  'jobs',
  'runs-on',
  'steps',
  'severity',
  'trigger',
  'patterns',
];
