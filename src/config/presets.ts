// The built-in presets as rule settings, and how settings layer: pure, so the browser playground
// resolves a preset exactly as a config file's "extends" does, without the file system.
import type { ConfigFile, ResolvedConfig, RuleDefinition, RuleOptions, RuleSetting, Severity } from '../types.js';

export const PRESETS = ['replylint:recommended', 'replylint:all'] as const;
export type PresetName = (typeof PRESETS)[number];

/** The built-in rules and presets (rules/load.ts reads them from disk; the playground from the build's bundle). */
export interface Builtins {
  rules: RuleDefinition[];
  presets: Record<string, ConfigFile>;
}

/** Rule severities (0: off) and options, as settings are layered before the off ones are dropped. */
export type LayeredRules = Record<string, { severity: Severity | 0; options: RuleOptions }>;

/** A preset's rule settings: `replylint:all` turns every built-in rule on, at its own severity or warn. */
export function presetRules(builtins: Builtins, name: string): Record<string, RuleSetting> {
  if (name === 'replylint:all') {
    return Object.fromEntries(builtins.rules.map((r) => [r.id, r.severity === 'off' ? 'warn' : r.severity] as const));
  }
  return (builtins.presets[name.slice('replylint:'.length)]?.rules ?? {}) as Record<string, RuleSetting>;
}

/** Layers `rules` over `target`. */
export function applySettings(target: LayeredRules, rules: Record<string, RuleSetting>): void {
  for (const [id, setting] of Object.entries(rules)) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    // "[warn]" alone keeps options set earlier, as ESLint does.
    target[id] = { severity: toSeverity(severity), options: options ?? target[id]?.options ?? {} };
  }
}

function toSeverity(value: unknown): Severity | 0 {
  if (value === 'error' || value === 2) return 2;
  if (value === 'warn' || value === 1) return 1;
  return 0;
}

/** The rules that are on after layering, as the core takes them. */
export function activeRules(rules: LayeredRules): ResolvedConfig['rules'] {
  const on: ResolvedConfig['rules'] = {};
  for (const [id, { severity, options }] of Object.entries(rules)) if (severity !== 0) on[id] = { severity, options };
  return on;
}

/** A preset with some rules turned off: what a config of `{extends, rules: {id: "off"}}` resolves to. */
export function resolvePreset(builtins: Builtins, name: PresetName, off: Iterable<string> = []): ResolvedConfig {
  const rules: LayeredRules = {};
  applySettings(rules, presetRules(builtins, name));
  applySettings(rules, Object.fromEntries([...off].map((id) => [id, 'off'] as const)));
  return { rules: activeRules(rules) };
}
