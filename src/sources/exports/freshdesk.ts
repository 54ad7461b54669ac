// Freshdesk: canned responses (HTML with a derived plain copy) and ticket conversations.
import { conversationReply, type ExportShape, idOf, isObject, itemsOf, macroReply, type Obj, objectsOf, readOneOf, stringOf } from './common.js';
import type { Role } from './types.js';

function isCannedResponse(item: unknown): item is Obj {
  return isObject(item) && typeof item.title === 'string' && 'folder_id' in item && ('content_html' in item || 'content' in item);
}

export const freshdeskCannedResponses: ExportShape = {
  name: 'freshdesk-canned-responses',
  containers: ['json', 'yaml'],
  matches(value) {
    return Array.isArray(value) ? value.length > 0 && value.every(isCannedResponse) : isCannedResponse(value);
  },
  read(value, out) {
    for (const { item, path } of itemsOf(value)) {
      const macro = { id: idOf(item.id), title: stringOf(item.title) };
      readOneOf(out, item, path, [{ key: 'content_html', content: 'html' }, { key: 'content', content: 'text' }], { role: 'agent', reply: macroReply(path), macro });
    }
  },
};

function isConversationEntry(item: unknown): boolean {
  return isObject(item) && typeof item.incoming === 'boolean' && typeof item.private === 'boolean' && ('body' in item || 'body_text' in item);
}

/**
 * A ticket's conversations (a bare array): `private` = a note, `incoming` = from the requester,
 * anything else an agent's reply. `body` (HTML) is linted, `body_text` only when `body` is empty.
 */
export const freshdeskConversations: ExportShape = {
  name: 'freshdesk-conversations',
  containers: ['json', 'yaml'],
  matches(value) {
    return Array.isArray(value) && value.length > 0 && value.every(isConversationEntry);
  },
  read(value, out) {
    const entries = objectsOf(value);
    const reply = conversationReply(idOf(entries[0]?.item.ticket_id), []);
    for (const { item, index } of entries) {
      const role: Role = item.private === true ? 'internal' : item.incoming === true ? 'customer' : 'agent';
      const speaker = stringOf(item.from_email) ?? idOf(item.user_id);
      readOneOf(out, item, [index], [{ key: 'body', content: 'html' }, { key: 'body_text', content: 'text' }], { role, reply, speaker });
    }
  },
};
