// `pattern` rules: compromise match syntax with part-of-speech tags and named captures.
// The matching itself is the same as for phrases once compiled; this kind differs in what it
// compiles to (see rules/matcher.ts) and in needing compromise loaded before it runs.
import { checkPhrase } from './phrase.js';
import type { Check } from './types.js';

export const checkPattern: Check = checkPhrase;
