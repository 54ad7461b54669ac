// The playground's URL state: a link restores exactly what was shown, and a bad link falls back to defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, readState, writeState } from '../../playground/src/state.js';

describe('playground URL state', () => {
  it('round-trips text, format, preset and the rules turned off', () => {
    const state = { text: 'That is not possible.\n\n100% & more #2', format: 'html', preset: 'replylint:all', off: ['refusal/dead-end', 'tone/helpless'] } as const;
    const hash = writeState({ ...state, off: [...state.off] });
    expect(hash).toBe('#text=That+is+not+possible.%0A%0A100%25+%26+more+%232&format=html&preset=all&off=refusal%2Fdead-end%2Ctone%2Fhelpless');
    expect(readState(hash)).toEqual(state);
  });

  it('writes nothing for the defaults, and reads unknown values as the defaults', () => {
    expect(writeState(DEFAULT_STATE)).toBe('');
    expect(readState('')).toEqual(DEFAULT_STATE);
    expect(readState('#format=pdf&preset=strict&off=,b,a,b')).toEqual({ ...DEFAULT_STATE, off: ['a', 'b'] });
  });
});
