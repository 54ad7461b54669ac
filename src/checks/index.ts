// One check per rule kind. The switch is exhaustive: a new kind without a check does not compile.
import type { RuleKind } from '../types.js';
import { checkConditional } from './conditional.js';
import { checkPattern } from './pattern.js';
import { checkPhrase } from './phrase.js';
import { checkSubstitution } from './substitution.js';
import type { Check } from './types.js';

export function checkFor(kind: RuleKind): Check {
  switch (kind) {
    case 'phrase':
      return checkPhrase;
    case 'pattern':
      return checkPattern;
    case 'substitution':
      return checkSubstitution;
    case 'conditional':
      return checkConditional;
    case 'template':
      // Template rules run on each reply's raw text (placeholders intact): see checkTemplate.
      return () => [];
    default: {
      const never: never = kind;
      throw new Error(`no check for rule kind ${String(never)}`);
    }
  }
}

export type { Check, Finding } from './types.js';
