// The playground's linting: the same core as the CLI (lintText, lintAndFix) over the built-in rule bundle.
import { resolvePreset, type Builtins, type PresetName } from '../../src/config/presets.js';
import { lintText } from '../../src/engine/lint-text.js';
import { LineIndex } from '../../src/engine/positions.js';
import { lintAndFix } from '../../src/fix/apply.js';
import { usePrecompiled, type PrecompiledMatchers } from '../../src/rules/matcher.js';
import { RuleRegistry } from '../../src/rules/registry.js';
import type { LintMessage, LintResult, RuleDefinition } from '../../src/types.js';
// The bundle `npm run build` writes: an asset of the page, fetched from its own origin.
import bundleUrl from '../../dist/builtin-rules.json?url';
import { FORMATS, type PlaygroundState } from './state.js';

export class Linter {
  private constructor(
    private readonly builtins: Builtins,
    readonly registry: RuleRegistry,
  ) {}

  static async load(): Promise<Linter> {
    const response = await fetch(bundleUrl);
    if (!response.ok) throw new Error(`could not load the built-in rules (${response.status} ${response.statusText})`);
    const { precompiled, ...builtins } = (await response.json()) as Builtins & { precompiled: PrecompiledMatchers };
    usePrecompiled(precompiled);
    return new Linter(builtins, new RuleRegistry(builtins.rules));
  }

  rules(): RuleDefinition[] {
    return this.registry.definitions();
  }

  /** The rules a preset turns on, before any are turned off by hand. */
  presetRuleIds(preset: PresetName): Set<string> {
    return new Set(Object.keys(resolvePreset(this.builtins, preset).rules));
  }

  lint(state: PlaygroundState): Promise<LintResult> {
    return lintText(state.text, this.options(state));
  }

  /** The text with every safe fix applied, as `replylint --fix` would write it. */
  async fixAll(state: PlaygroundState): Promise<string> {
    const result = await lintAndFix(state.text, this.options(state));
    return result.output ?? state.text;
  }

  private options(state: PlaygroundState) {
    return { filePath: FORMATS[state.format].filePath, config: resolvePreset(this.builtins, state.preset, state.off), rules: this.registry };
  }
}

/** A stretch of the text and the problems (indexes into the messages) whose range covers it. */
export interface Piece {
  start: number;
  end: number;
  problems: number[];
}

/**
 * Cuts the text at every message's start and end, so overlapping ranges mark correctly:
 * each piece lists every message covering it (none for unmarked text).
 */
export function markPieces(text: string, messages: LintMessage[]): Piece[] {
  const lines = new LineIndex(text);
  const ranges = messages.map((m) => [lines.offset(m.line, m.column), lines.offset(m.endLine, m.endColumn)] as const);
  const cuts = new Set([0, text.length]);
  for (const [start, end] of ranges) if (end > start) cuts.add(start).add(end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const problems = ranges.flatMap(([s, e], k) => (s <= start && end <= e && e > s ? [k] : []));
    pieces.push({ start, end, problems });
  }
  return pieces;
}
