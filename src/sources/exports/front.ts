// Front message templates: an HTML `body` and an optional `subject`, alone or in a `_results` page.
import type { DataPath } from '../data/tree.js';
import { type ExportShape, idOf, isObject, itemsOf, macroReply, type Obj, objectsOf, stringOf } from './common.js';

function isTemplate(item: unknown): item is Obj {
  if (!isObject(item) || !('body' in item)) return false;
  const self = isObject(item._links) ? stringOf(item._links.self) : undefined;
  return (typeof item.id === 'string' && item.id.startsWith('rsp_')) || (self !== undefined && self.includes('/message_templates/'));
}

function templatesIn(value: unknown): Array<{ item: Obj; path: DataPath }> {
  if (isObject(value) && Array.isArray(value._results)) return objectsOf(value._results).map(({ item, index }) => ({ item, path: ['_results', index] }));
  return itemsOf(value);
}

export const frontTemplates: ExportShape = {
  name: 'front-templates',
  containers: ['json', 'yaml'],
  matches(value) {
    return templatesIn(value).some(({ item }) => isTemplate(item));
  },
  read(value, out) {
    for (const { item, path } of templatesIn(value)) {
      const id = idOf(item.id);
      const title = stringOf(item.name);
      const reply = macroReply(path);
      // The subject is what the customer sees first in their inbox.
      out.text(item.subject, [...path, 'subject'], { role: 'agent', reply, content: 'text', macro: { id, title, field: 'subject' }, name: 'subject' });
      out.text(item.body, [...path, 'body'], { role: 'agent', reply, content: 'html', macro: { id, title, field: 'body' }, name: 'body' });
    }
  },
};
