// Gorgias macros: the reply is the `setResponseText` action's arguments (HTML and plain copies);
// an `addInternalNote` action holds a note in the same form.
import type { DataPath } from '../data/tree.js';
import { type ExportShape, idOf, isObject, itemsOf, macroReply, type Obj, objectsOf, readOneOf, stringOf } from './common.js';
import type { Role } from './types.js';

const TEXT_ACTIONS = new Map<unknown, Role>([
  ['setResponseText', 'agent'],
  ['addInternalNote', 'internal'],
]);

function hasTextAction(item: Obj): boolean {
  return objectsOf(item.actions).some(({ item: a }) => TEXT_ACTIONS.has(a.name) && isObject(a.arguments));
}

/** A macro, a bare list, or the `{data: [...]}` list envelope. */
function macrosIn(value: unknown): Array<{ item: Obj; path: DataPath }> {
  if (isObject(value) && Array.isArray(value.data)) return objectsOf(value.data).map(({ item, index }) => ({ item, path: ['data', index] }));
  return itemsOf(value);
}

export const gorgiasMacros: ExportShape = {
  name: 'gorgias-macros',
  containers: ['json', 'yaml'],
  matches(value) {
    return macrosIn(value).some(({ item }) => hasTextAction(item));
  },
  read(value, out) {
    for (const { item: macro, path } of macrosIn(value)) {
      const info = { id: idOf(macro.id), title: stringOf(macro.name) };
      const reply = macroReply(path);
      for (const { item: action, index } of objectsOf(macro.actions)) {
        const role = TEXT_ACTIONS.get(action.name);
        if (role === undefined || !isObject(action.arguments)) continue;
        const argumentsPath = [...path, 'actions', index, 'arguments'];
        readOneOf(out, action.arguments, argumentsPath, [{ key: 'body_html', content: 'html' }, { key: 'body_text', content: 'text' }], { role, reply, macro: info });
      }
    }
  },
};
