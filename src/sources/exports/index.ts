// Finds the reply texts in a parsed data file: the user's selectors when given, else the forced
// shape, else the first known export shape that fits (vendor shapes first, heuristics last).
import type { FieldSelectors, InputOptions } from '../../types.js';
import { Collector, type Container, type ExportShape, type ReadContext } from './common.js';
import { abcdDialogues, conversationMessages, smoochMessages, sunshineMessages } from './conversations.js';
import { csvRows, twcs } from './csv.js';
import { freshdeskCannedResponses, freshdeskConversations } from './freshdesk.js';
import { frontTemplates } from './front.js';
import { botConfig, djangoFixture, flatMap, githubSavedReplies, macroObjects, osTicketTemplates } from './generic.js';
import { gorgiasMacros } from './gorgias.js';
import { helpscoutSavedReplies, helpscoutThreads } from './helpscout.js';
import { intercomConversation, intercomMacros } from './intercom.js';
import { readWithSelectors } from './selectors.js';
import type { ExportReading } from './types.js';
import { zendeskChat, zendeskComments, zendeskMacros, zendeskTriggers } from './zendesk.js';

export { DEFAULT_AGENT_NAMES } from './keys.js';
export { parseSelector } from './selectors.js';
export type { ContentFormat, ExportField, ExportReading, MacroInfo, Role } from './types.js';

export interface DetectOptions {
  /** force a shape instead of detecting it (undefined: detect) */
  shape?: string;
  /** user selectors for unknown shapes (InputOptions.fields) */
  fields?: FieldSelectors;
  /** speaker names/roles counted as agents (case-insensitive); the lead passes defaults */
  agents: string[];
  /** CSV column names from config (InputOptions.csv) */
  csv?: InputOptions['csv'];
  /** the file's top-level kind: some shapes only make sense for some containers */
  container: Container;
}

/**
 * Detection order: vendor macro shapes, vendor transcripts, then the heuristics from the most
 * specific (a bot config's `…Comment` keys) to the loosest (any flat map of sentences).
 */
const SHAPES: ExportShape[] = [
  zendeskMacros,
  zendeskTriggers,
  intercomMacros,
  gorgiasMacros,
  frontTemplates,
  freshdeskCannedResponses,
  helpscoutSavedReplies,
  zendeskComments,
  intercomConversation,
  sunshineMessages,
  smoochMessages,
  helpscoutThreads,
  freshdeskConversations,
  zendeskChat,
  botConfig,
  githubSavedReplies,
  djangoFixture,
  osTicketTemplates,
  abcdDialogues,
  conversationMessages,
  macroObjects,
  flatMap,
  twcs,
  csvRows,
];

/** Names `shape` accepts, in detection order. */
export const EXPORT_SHAPES: string[] = SHAPES.map((s) => s.name);

/**
 * Where the reply texts are in `value` (a parsed JSON, YAML, JSON Lines or CSV file). Undefined
 * when nothing reply-like is found. A reading may hold only skipped values (a selector that
 * matched numbers). Throws, with a message for the user, on an invalid selector, an unknown
 * forced shape, or a configured CSV column missing from the header.
 */
export function detectExport(value: unknown, options: DetectOptions): ExportReading | undefined {
  const context: ReadContext = { agents: options.agents.map((a) => a.toLowerCase()), ...(options.csv ? { csv: options.csv } : {}) };
  if (options.fields) return readWithSelectors(value, options.fields, context).reading('selectors');
  if (options.shape !== undefined) {
    const shape = SHAPES.find((s) => s.name === options.shape);
    if (!shape) throw new Error(`unknown export shape "${options.shape}"; known shapes: ${EXPORT_SHAPES.join(', ')}`);
    return read(shape, value, context);
  }
  for (const shape of SHAPES) {
    if (!shape.containers.includes(options.container) || !shape.matches(value, context)) continue;
    // A shape that fits but holds no text (macros that only set tags) lets the next one try.
    const reading = read(shape, value, context);
    if (reading) return reading;
  }
  return undefined;
}

function read(shape: ExportShape, value: unknown, context: ReadContext): ExportReading | undefined {
  const out = new Collector(context);
  shape.read(value, out);
  return out.reading(shape.name);
}
