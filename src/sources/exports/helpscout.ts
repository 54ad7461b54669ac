// Help Scout: saved replies (HTML `text` with a plain `chatText` copy; list items carry only an
// excerpt) and conversation threads.
import type { DataPath } from '../data/tree.js';
import { conversationReply, type ExportShape, idOf, isObject, itemsOf, macroReply, type Obj, objectsOf, readOneOf, stringOf } from './common.js';
import type { Role } from './types.js';

/** Keys a saved reply may hold; a `{name, text}` object with others is some other tool's. */
const SAVED_REPLY_KEYS = ['id', 'name', 'text', 'chatText', 'preview', 'chatPreview', '_links'];

function isSavedReply(item: unknown): item is Obj {
  if (!isObject(item) || typeof item.name !== 'string') return false;
  if ('chatText' in item || 'preview' in item) return true;
  // {id, name, text} alone is Help Scout's shape; with other keys it is a generic macro.
  return typeof item.text === 'string' && typeof item.id === 'number' && Object.keys(item).every((key) => SAVED_REPLY_KEYS.includes(key));
}

export const helpscoutSavedReplies: ExportShape = {
  name: 'helpscout-saved-replies',
  containers: ['json', 'yaml'],
  matches(value) {
    return Array.isArray(value) ? value.length > 0 && value.every(isSavedReply) : isSavedReply(value);
  },
  read(value, out) {
    for (const { item, path } of itemsOf(value)) {
      const macro = { id: idOf(item.id), title: stringOf(item.name) };
      const found = readOneOf(out, item, path, [{ key: 'text', content: 'html' }, { key: 'chatText', content: 'text' }], { role: 'agent', reply: macroReply(path), macro });
      if (!found && 'preview' in item && !('text' in item) && !('chatText' in item)) {
        out.skip([...path, 'preview'], 'preview is an excerpt of the saved reply, not its text (export each reply with GET /v2/mailboxes/{id}/saved-replies/{id})');
      }
    }
  },
};

function threadsOf(value: unknown): unknown {
  return isObject(value) && isObject(value._embedded) ? value._embedded.threads : undefined;
}

/**
 * A conversation's threads (`_embedded.threads`): `note` threads are internal, `lineitem`
 * threads are activity records; otherwise `createdBy.type` says who wrote it (`user` is an
 * agent in Help Scout, `customer` the customer), or the thread type `customer` when it is absent.
 */
export const helpscoutThreads: ExportShape = {
  name: 'helpscout-threads',
  containers: ['json', 'yaml'],
  matches(value) {
    const threads = threadsOf(value);
    return Array.isArray(threads) && threads.some((t) => isObject(t) && typeof t.type === 'string' && ('body' in t || 'createdBy' in t));
  },
  read(value, out) {
    const reply = conversationReply(isObject(value) ? idOf(value.id) : undefined, ['_embedded', 'threads']);
    for (const { item: thread, index } of objectsOf(threadsOf(value))) {
      const path: DataPath = ['_embedded', 'threads', index, 'body'];
      if (thread.type === 'lineitem') continue;
      const createdBy = isObject(thread.createdBy) ? thread.createdBy : {};
      const byType = stringOf(createdBy.type) ?? (thread.type === 'customer' ? 'customer' : 'user');
      const role: Role = thread.type === 'note' ? 'internal' : byType === 'customer' ? 'customer' : 'agent';
      const name = [stringOf(createdBy.first), stringOf(createdBy.last)].filter((n) => n).join(' ');
      out.text(thread.body, path, { role, reply, content: 'html', speaker: name || stringOf(createdBy.email) || byType, name: 'body' });
    }
  },
};
