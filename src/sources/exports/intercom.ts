// Intercom: macros (saved replies) and conversations (a source message and its parts).
import type { DataPath } from '../data/tree.js';
import { conversationReply, type ExportShape, idOf, isObject, itemsOf, macroReply, type Obj, objectsOf, readOneOf, roleOfWord, stringOf } from './common.js';
import type { Role } from './types.js';

function isMacro(item: unknown): item is Obj {
  return isObject(item) && item.type === 'macro';
}

function macrosIn(value: unknown): Array<{ item: Obj; path: DataPath }> {
  if (isMacro(value)) return [{ item: value, path: [] }];
  const list = isObject(value) && value.type === 'list' ? value.data : value;
  const base: DataPath = Array.isArray(value) ? [] : ['data'];
  return objectsOf(list)
    .filter(({ item }) => isMacro(item))
    .map(({ item, index }) => ({ item, path: [...base, index] }));
}

/**
 * Macros: `body_text` keeps the placeholders as the agent typed them (`{{first_name}}`), while
 * `body` is HTML with placeholders rewritten to `<attribute …/>` tags, so `body_text` is linted
 * when present.
 */
export const intercomMacros: ExportShape = {
  name: 'intercom-macros',
  containers: ['json', 'yaml'],
  matches(value) {
    if (isMacro(value)) return true;
    if (isObject(value) && value.type === 'list') return Array.isArray(value.data) && value.data.some(isMacro);
    return Array.isArray(value) && value.length > 0 && value.every(isMacro);
  },
  read(value, out) {
    for (const { item, path } of macrosIn(value)) {
      const macro = { id: idOf(item.id), title: stringOf(item.name) };
      readOneOf(out, item, path, [{ key: 'body_text', content: 'text' }, { key: 'body', content: 'html' }], { role: 'agent', reply: macroReply(path), macro });
    }
  },
};

/** Author types: admins, bots and teams answer; users, leads and contacts are the customer. */
function authorRole(author: Obj, agents: string[]): Role {
  const type = stringOf(author.type)?.toLowerCase();
  if (type === 'admin' || type === 'bot' || type === 'team') return 'agent';
  if (type === 'user' || type === 'lead' || type === 'contact') return 'customer';
  return type !== undefined && roleOfWord(type, agents) === 'agent' ? 'agent' : 'customer';
}

function partsOf(value: Obj): { list: unknown; path: DataPath } {
  const parts = value.conversation_parts;
  if (isObject(parts)) return { list: parts.conversation_parts, path: ['conversation_parts', 'conversation_parts'] };
  return { list: parts, path: ['conversation_parts'] };
}

function isConversation(value: unknown): value is Obj {
  return isObject(value) && value.type === 'conversation' && 'conversation_parts' in value;
}

/**
 * A conversation (or a list of them, one a line in JSON Lines): `source` is the opening
 * message, then the parts. A part's `part_type` `note` is an internal note; parts without a
 * body (assignments, opening, closing) hold nothing.
 */
export const intercomConversation: ExportShape = {
  name: 'intercom-conversation',
  containers: ['json', 'yaml', 'jsonl'],
  matches(value) {
    return Array.isArray(value) ? value.length > 0 && value.every(isConversation) : isConversation(value);
  },
  read(value, out) {
    const agents = out.context.agents;
    for (const { item: conversation, path: base } of itemsOf(value)) {
      const reply = conversationReply(idOf(conversation.id), base);
      if (isObject(conversation.source)) {
        const author = isObject(conversation.source.author) ? conversation.source.author : {};
        const speaker = stringOf(author.name) ?? stringOf(author.type);
        out.text(conversation.source.body, [...base, 'source', 'body'], { role: authorRole(author, agents), reply, content: 'html', speaker, name: 'source body' });
      }
      const { list, path } = partsOf(conversation);
      for (const { item: part, index } of objectsOf(list)) {
        const author = isObject(part.author) ? part.author : {};
        const partType = stringOf(part.part_type) ?? '';
        const role: Role = partType === 'note' || partType === 'note_and_reopen' ? 'internal' : authorRole(author, agents);
        const speaker = stringOf(author.name) ?? stringOf(author.type);
        out.text(part.body, [...base, ...path, index, 'body'], { role, reply, content: 'html', speaker, name: 'body' });
      }
    }
  },
};
