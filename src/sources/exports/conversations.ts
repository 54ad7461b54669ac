// Transcripts as data: Sunshine Conversations (v2 and Smooch v1) message lists, ABCD dialogues,
// and any list of messages with a speaker key and a text key (JSON, YAML, JSON Lines).
import type { DataPath } from '../data/tree.js';
import {
  booleanOf,
  type Collector,
  conversationReply,
  type ExportShape,
  firstKey,
  idOf,
  isConfigLike,
  isObject,
  type Obj,
  objectsOf,
  roleOfWord,
  stringOf,
} from './common.js';
import { CONVERSATION_KEYS, HTML_TEXT_KEYS, MESSAGE_LIST_KEYS, SPEAKER_KEYS, SPEAKER_NAME_KEYS, SPEAKER_ROLE_KEYS, TEXT_KEYS } from './keys.js';
import type { Role } from './types.js';

function messagesOf(value: unknown): Array<{ item: Obj; index: number }> {
  return isObject(value) ? objectsOf(value.messages) : [];
}

function isSunshineMessage(item: Obj): boolean {
  return isObject(item.author) && (item.author.type === 'user' || item.author.type === 'business') && isObject(item.content);
}

/**
 * Sunshine Conversations v2 messages: author `business` (agents, bots, AI) or `user` (the
 * customer). `content.text` is read: `markdownText`/`htmlText` are other forms of it.
 */
export const sunshineMessages: ExportShape = {
  name: 'sunshine-conversations',
  containers: ['json', 'yaml'],
  matches(value) {
    return messagesOf(value).some(({ item }) => isSunshineMessage(item));
  },
  read(value, out) {
    const conversation = isObject(value) && isObject(value.conversation) ? idOf(value.conversation.id) : undefined;
    const reply = conversationReply(conversation, ['messages']);
    for (const { item, index } of messagesOf(value)) {
      const author = isObject(item.author) ? item.author : {};
      const content = isObject(item.content) ? item.content : {};
      // Images, files and carousels have no text unless they carry a caption.
      if (content.type !== 'text' && typeof content.text !== 'string') continue;
      const role: Role = author.type === 'business' ? 'agent' : 'customer';
      const speaker = stringOf(author.displayName) ?? stringOf(author.type);
      out.text(content.text, ['messages', index, 'content', 'text'], { role, reply, content: 'text', speaker, name: 'content.text' });
    }
  },
};

const SMOOCH_ROLES = new Map<unknown, Role>([
  ['appMaker', 'agent'],
  ['appUser', 'customer'],
  ['whisper', 'internal'],
]);

/** Smooch (Sunshine Conversations v1) messages: role `appMaker` answers, `appUser` asks. */
export const smoochMessages: ExportShape = {
  name: 'smooch-messages',
  containers: ['json', 'yaml'],
  matches(value) {
    return messagesOf(value).some(({ item }) => SMOOCH_ROLES.has(item.role) && 'text' in item);
  },
  read(value, out) {
    const conversation = isObject(value) && isObject(value.conversation) ? idOf(value.conversation._id) : undefined;
    const reply = conversationReply(conversation, ['messages']);
    for (const { item, index } of messagesOf(value)) {
      const role = SMOOCH_ROLES.get(item.role);
      if (role === undefined) continue;
      out.text(item.text, ['messages', index, 'text'], { role, reply, content: 'text', speaker: stringOf(item.name) ?? stringOf(item.role), name: 'text' });
    }
  },
};

const ABCD_ROLES = new Map<unknown, Role>([
  ['agent', 'agent'],
  ['customer', 'customer'],
]);

function isDialogue(item: Obj): boolean {
  return Array.isArray(item.original) && item.original.some((turn) => Array.isArray(turn) && turn.length === 2 && typeof turn[0] === 'string');
}

/**
 * ABCD (Action-Based Conversations Dataset) dialogues: `original` is a list of `[speaker,
 * text]` turns; `action` turns log what the agent clicked and are not prose. `delexed` repeats
 * the turns with names replaced and is not read.
 */
export const abcdDialogues: ExportShape = {
  name: 'abcd-dialogues',
  containers: ['json', 'yaml', 'jsonl'],
  matches(value) {
    const items = objectsOf(value);
    return items.length > 0 && items.every(({ item }) => isDialogue(item));
  },
  read(value, out) {
    for (const { item, index } of objectsOf(value)) {
      const reply = conversationReply(idOf(item.convo_id), [index]);
      if (!Array.isArray(item.original)) continue;
      item.original.forEach((turn: unknown, t) => {
        if (!Array.isArray(turn)) return;
        const role = ABCD_ROLES.get(turn[0]);
        if (role === undefined) return;
        out.text(turn[1], [index, 'original', t, 1], { role, reply, content: 'text', speaker: String(turn[0]), name: 'turn text' });
      });
    }
  },
};

interface Speaker {
  role: Role | 'none';
  speaker?: string;
}

/**
 * Who wrote a message: an `inbound` flag (true = from the customer), else the first speaker
 * key, whose value is a word or name ("agent", "Sam") or an object with a `type`/`role` and a
 * name. A word that is neither an agent's nor a known customer, note or action word (a
 * person's name) counts as the customer: only configured agents' turns are linted.
 */
function speakerOf(message: Obj, agents: string[]): Speaker | undefined {
  const inbound = booleanOf(message.inbound);
  if (inbound !== undefined) {
    const speaker = idOf(message.author_id) ?? idOf(message.author);
    return { role: inbound ? 'customer' : 'agent', ...(speaker !== undefined ? { speaker } : {}) };
  }
  for (const key of SPEAKER_KEYS) {
    const value = message[key];
    let word: string | undefined;
    let name: string | undefined;
    if (typeof value === 'string' && value.trim() !== '') word = name = value;
    else if (isObject(value)) {
      word = SPEAKER_ROLE_KEYS.map((k) => stringOf(value[k])).find((v) => v !== undefined);
      name = SPEAKER_NAME_KEYS.map((k) => stringOf(value[k])).find((v) => v !== undefined) ?? word;
      word ??= name;
    }
    if (word === undefined) continue;
    return { role: roleOfWord(word, agents) ?? 'customer', ...(name !== undefined ? { speaker: name } : {}) };
  }
  return undefined;
}

/** The key holding a message's text: the first text key with a string, else the first present. */
function messageTextKey(message: Obj): string | undefined {
  const keys = [...TEXT_KEYS, ...HTML_TEXT_KEYS];
  return keys.find((key) => typeof message[key] === 'string') ?? firstKey(message, keys);
}

function isMessage(item: Obj): boolean {
  // A titled object with an author is a macro that records who wrote it, not a message.
  if ('title' in item || isConfigLike(item)) return false;
  const key = messageTextKey(item);
  // Whether there is a speaker does not depend on who the agents are.
  return key !== undefined && typeof item[key] === 'string' && speakerOf(item, []) !== undefined;
}

/** Mostly messages: a few odd items (a header line, a system record) do not disqualify a list. */
function isMessageList(value: unknown): boolean {
  const items = objectsOf(value);
  const messages = items.filter(({ item }) => isMessage(item)).length;
  return messages > 0 && messages * 2 >= items.length;
}

function conversationList(item: Obj): string | undefined {
  return MESSAGE_LIST_KEYS.find((key) => isMessageList(item[key]));
}

function readMessage(out: Collector, message: Obj, path: DataPath, reply: string): void {
  const speaker = speakerOf(message, out.context.agents);
  const key = messageTextKey(message);
  if (!speaker || speaker.role === 'none' || key === undefined) return;
  out.text(message[key], [...path, key], { role: speaker.role, reply, speaker: speaker.speaker, name: key });
}

function conversationId(item: Obj): string | undefined {
  const key = firstKey(item, [...CONVERSATION_KEYS, 'id']);
  return key === undefined ? undefined : idOf(item[key]);
}

function readConversation(out: Collector, conversation: Obj, path: DataPath): void {
  const key = conversationList(conversation);
  if (key === undefined) return;
  const reply = conversationReply(conversationId(conversation), path);
  for (const { item, index } of objectsOf(conversation[key])) readMessage(out, item, [...path, key, index], reply);
}

/**
 * Generic transcripts: a conversation object (`{id, messages: [...]}`), a list of them (one a
 * line in JSON Lines), or a list of messages grouped by a conversation key
 * (`conversation_id`, `ticket_id`, …; one conversation when there is none).
 */
export const conversationMessages: ExportShape = {
  name: 'conversation-messages',
  containers: ['json', 'yaml', 'jsonl'],
  matches(value) {
    if (isObject(value)) return !isConfigLike(value) && conversationList(value) !== undefined;
    if (isMessageList(value)) return true;
    return objectsOf(value).some(({ item }) => !isConfigLike(item) && conversationList(item) !== undefined);
  },
  read(value, out) {
    if (isObject(value)) {
      readConversation(out, value, []);
      return;
    }
    for (const { item, index } of objectsOf(value)) {
      if (conversationList(item) !== undefined) {
        readConversation(out, item, [index]);
        continue;
      }
      const key = firstKey(item, CONVERSATION_KEYS);
      readMessage(out, item, [index], conversationReply(key === undefined ? undefined : idOf(item[key]), []));
    }
  },
};
