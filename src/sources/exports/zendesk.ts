// Zendesk: macros, triggers and automations (business rules whose actions hold the text),
// ticket comments, and legacy Zendesk Chat histories.
import type { DataPath } from '../data/tree.js';
import {
  booleanOf,
  conversationReply,
  type ExportShape,
  firstKey,
  idOf,
  isObject,
  macroReply,
  type Obj,
  objectsOf,
  roleOfWord,
  stringOf,
} from './common.js';
import type { ContentFormat, Role } from './types.js';

/** `{field, value}` actions: what both macros and triggers are made of. */
function hasFieldActions(item: Obj): boolean {
  return Array.isArray(item.actions) && objectsOf(item.actions).some(({ item: a }) => typeof a.field === 'string' && 'value' in a);
}

function isMacro(item: unknown): boolean {
  return isObject(item) && (typeof item.title === 'string' || typeof item.raw_title === 'string') && hasFieldActions(item) && !('conditions' in item);
}

function isRule(item: unknown): boolean {
  return isObject(item) && typeof item.title === 'string' && isObject(item.conditions) && hasFieldActions(item);
}

/**
 * The business rules in a value: under one of the list keys, under one of the single keys, or a
 * bare list; each with its path.
 */
function rulesIn(value: unknown, listKeys: string[], singleKeys: string[]): Array<{ item: Obj; path: DataPath }> {
  if (Array.isArray(value)) return objectsOf(value).map(({ item, index }) => ({ item, path: [index] }));
  if (!isObject(value)) return [];
  for (const key of listKeys) {
    if (Array.isArray(value[key])) return objectsOf(value[key]).map(({ item, index }) => ({ item, path: [key, index] }));
  }
  for (const key of singleKeys) {
    const item = value[key];
    if (isObject(item)) return [{ item, path: [key] }];
  }
  return hasFieldActions(value) ? [{ item: value, path: [] }] : [];
}

/**
 * A text action value: a string, or a list whose last element is the text (`["channel:all",
 * text]`, which real macro exports hold although the API documents a string). Gives the path of
 * the text and the value found there.
 */
function actionText(value: unknown, path: DataPath): { value: unknown; path: DataPath } {
  if (Array.isArray(value) && value.length > 0) return { value: value[value.length - 1], path: [...path, value.length - 1] };
  return { value, path };
}

export const zendeskMacros: ExportShape = {
  name: 'zendesk-macros',
  containers: ['json', 'yaml'],
  matches(value) {
    if (Array.isArray(value)) return value.length > 0 && value.every(isMacro);
    if (!isObject(value)) return false;
    if (Array.isArray(value.macros)) return value.macros.some(isMacro);
    return isMacro(value.macro) || isMacro(value);
  },
  read(value, out) {
    for (const { item: macro, path } of rulesIn(value, ['macros'], ['macro'])) {
      const reply = macroReply(path);
      const id = idOf(macro.id);
      const title = stringOf(macro.title) ?? stringOf(macro.raw_title);
      const actions = objectsOf(macro.actions);
      const isPublic = actions.find(({ item }) => item.field === 'comment_mode_is_public');
      const role: Role = isPublic && booleanOf(isPublic.item.value) === false ? 'internal' : 'agent';

      // comment_value and comment_value_html hold the same reply: lint one, the HTML when set.
      const html = actions.find(({ item }) => item.field === 'comment_value_html');
      const plain = actions.find(({ item }) => item.field === 'comment_value');
      const htmlText = html && actionText(html.item.value, [...path, 'actions', html.index, 'value']);
      const plainText = plain && actionText(plain.item.value, [...path, 'actions', plain.index, 'value']);
      const htmlMacro = { id, title, field: 'comment_value_html' };
      if (htmlText && typeof htmlText.value === 'string' && htmlText.value.trim() !== '') {
        out.text(htmlText.value, htmlText.path, { role, reply, content: 'html', macro: htmlMacro, name: 'comment_value_html' });
      } else if (plainText) {
        out.text(plainText.value, plainText.path, { role, reply, content: 'text', macro: { id, title, field: 'comment_value' }, name: 'comment_value' });
      } else if (htmlText) {
        out.text(htmlText.value, htmlText.path, { role, reply, content: 'html', macro: htmlMacro, name: 'comment_value_html' });
      }

      // The subject action sets the ticket subject, which the customer sees even on a note.
      for (const { item, index } of actions) {
        if (item.field !== 'subject') continue;
        const text = actionText(item.value, [...path, 'actions', index, 'value']);
        out.text(text.value, text.path, { role: 'agent', reply, content: 'text', macro: { id, title, field: 'subject' }, name: 'subject' });
      }
    }
  },
};

/**
 * Recipients of `notification_user` that are the ticket's requester: the e-mail goes to the
 * customer. Mail to agents, groups and targets (Slack, webhooks) is internal.
 */
const CUSTOMER_RECIPIENTS = ['requester_id', 'requester_and_ccs', 'requester', 'all_requesters'];

export const zendeskTriggers: ExportShape = {
  name: 'zendesk-triggers',
  containers: ['json', 'yaml'],
  matches(value) {
    if (Array.isArray(value)) return value.length > 0 && value.every(isRule);
    if (!isObject(value)) return false;
    return ['triggers', 'automations'].some((key) => Array.isArray(value[key]) && value[key].some(isRule)) || isRule(value.trigger) || isRule(value.automation) || isRule(value);
  },
  read(value, out) {
    for (const { item: rule, path } of rulesIn(value, ['triggers', 'automations'], ['trigger', 'automation'])) {
      const id = idOf(rule.id);
      const title = stringOf(rule.title);
      for (const { item: action, index } of objectsOf(rule.actions)) {
        const field = action.field;
        if (field !== 'notification_user' && field !== 'notification_group' && field !== 'notification_target') continue;
        const actionPath = [...path, 'actions', index];
        const reply = macroReply(actionPath);
        const macro = { id, title, field };
        // The API form: value = [recipient, subject, body] ([target, message] for targets).
        // Hand-written configs also put subject and body on the action beside a recipient value.
        let recipient: unknown;
        let subject: { value: unknown; path: DataPath } | undefined;
        let body: { value: unknown; path: DataPath } | undefined;
        if (Array.isArray(action.value)) {
          const v = action.value;
          recipient = v[0];
          if (field === 'notification_target') body = { value: v[1], path: [...actionPath, 'value', 1] };
          else {
            subject = { value: v[1], path: [...actionPath, 'value', 1] };
            body = { value: v[2], path: [...actionPath, 'value', 2] };
          }
        } else {
          recipient = action.value;
          if ('subject' in action) subject = { value: action.subject, path: [...actionPath, 'subject'] };
          if ('body' in action) body = { value: action.body, path: [...actionPath, 'body'] };
        }
        const toCustomer = field === 'notification_user' && typeof recipient === 'string' && CUSTOMER_RECIPIENTS.includes(recipient);
        const role: Role = toCustomer ? 'agent' : 'internal';
        if (subject) out.text(subject.value, subject.path, { role, reply, content: 'text', macro, name: `${field} subject` });
        if (body) out.text(body.value, body.path, { role, reply, macro, name: `${field} body` });
      }
    }
  },
};

function isComment(item: unknown): boolean {
  return isObject(item) && 'author_id' in item && typeof item.public === 'boolean' && ('body' in item || 'html_body' in item || 'plain_body' in item);
}

/**
 * Ticket comments. The comment does not say who wrote it, so the author's role comes from, in
 * order: a `users` sideload (`role` end-user = customer, agent/admin = agent); the ticket's
 * `requester_id` (that author is the customer, everyone else an agent); failing both, the
 * author of the first comment is taken as the customer, since tickets are opened by them.
 * Of `body` / `html_body` / `plain_body` (the same text) one is linted: `body`, as written.
 */
export const zendeskComments: ExportShape = {
  name: 'zendesk-comments',
  containers: ['json', 'yaml'],
  matches(value) {
    return isObject(value) && Array.isArray(value.comments) && value.comments.some(isComment);
  },
  read(value, out) {
    if (!isObject(value)) return;
    const comments = objectsOf(value.comments);
    const users = new Map<string, Obj>();
    for (const { item } of objectsOf(value.users)) {
      const id = idOf(item.id);
      if (id !== undefined) users.set(id, item);
    }
    const ticket = isObject(value.ticket) ? value.ticket : undefined;
    const requester = idOf(value.requester_id) ?? idOf(ticket?.requester_id) ?? idOf(comments[0]?.item.author_id);
    const reply = conversationReply(idOf(ticket?.id) ?? idOf(comments[0]?.item.ticket_id), ['comments']);
    for (const { item: comment, index } of comments) {
      const author = idOf(comment.author_id);
      const user = author === undefined ? undefined : users.get(author);
      const userRole = stringOf(user?.role);
      let role: Role;
      if (comment.public === false) role = 'internal';
      else if (userRole !== undefined) role = userRole === 'end-user' ? 'customer' : 'agent';
      else role = author !== undefined && author === requester ? 'customer' : 'agent';
      const key = firstKey(comment, ['body', 'html_body', 'plain_body']);
      if (key === undefined) continue;
      const content: ContentFormat = key === 'html_body' ? 'html' : 'text';
      out.text(comment[key], ['comments', index, key], { role, reply, content, speaker: stringOf(user?.name) ?? author, name: key });
    }
  },
};

function isChat(item: unknown): item is Obj {
  return isObject(item) && Array.isArray(item.history) && item.history.some((h) => isObject(h) && 'msg' in h);
}

/**
 * Zendesk Chat (legacy Chat API) chats: one chat, a list, or `{chats: [...]}`. A message is an
 * agent's when its `name` is one of the chat's `agent_names` or a configured agent name, or its
 * `nick` starts with "agent:"; other messages are the visitor's.
 */
export const zendeskChat: ExportShape = {
  name: 'zendesk-chat',
  containers: ['json', 'yaml', 'jsonl'],
  matches(value) {
    if (Array.isArray(value)) return value.some(isChat);
    return isChat(value) || (isObject(value) && Array.isArray(value.chats) && value.chats.some(isChat));
  },
  read(value, out) {
    const chats = Array.isArray(value)
      ? objectsOf(value).map(({ item, index }) => ({ item, path: [index] as DataPath }))
      : isObject(value) && Array.isArray(value.chats)
        ? objectsOf(value.chats).map(({ item, index }) => ({ item, path: ['chats', index] as DataPath }))
        : isObject(value)
          ? [{ item: value, path: [] as DataPath }]
          : [];
    for (const { item: chat, path } of chats) {
      const agentNames = Array.isArray(chat.agent_names) ? chat.agent_names.filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase()) : [];
      const reply = conversationReply(idOf(chat.id), path);
      for (const { item: message, index } of objectsOf(chat.history)) {
        if (!('msg' in message)) continue;
        const name = stringOf(message.name);
        const nick = stringOf(message.nick) ?? '';
        const isAgent =
          (name !== undefined && (agentNames.includes(name.toLowerCase()) || roleOfWord(name, out.context.agents) === 'agent')) || nick.startsWith('agent:');
        out.text(message.msg, [...path, 'history', index, 'msg'], { role: isAgent ? 'agent' : 'customer', reply, content: 'text', speaker: name, name: 'msg' });
      }
    }
  },
};
