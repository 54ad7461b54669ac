// The rules known to a run (built-in + the user's ruleDirs), compiled on first use.
import type { RuleDefinition } from '../types.js';
import { compileRule, type CompiledRule } from './compile.js';

/**
 * Compiled rules by definition, shared across registries: a definition is never changed once
 * loaded, and the built-in ones are the same objects in every registry of a process, so the
 * language server's linters and a startup snapshot's warm-up compile each rule once.
 */
const compiledByDefinition = new WeakMap<RuleDefinition, CompiledRule>();

export class RuleRegistry {
  private readonly defs = new Map<string, RuleDefinition>();
  private readonly compiled = new Map<string, CompiledRule>();

  constructor(definitions: Iterable<RuleDefinition> = []) {
    for (const def of definitions) this.add(def);
  }

  /** Adds a rule; a later rule with the same id replaces the earlier one (a user's override). */
  add(def: RuleDefinition): void {
    this.defs.set(def.id, def);
    this.compiled.delete(def.id);
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  definition(id: string): RuleDefinition | undefined {
    return this.defs.get(id);
  }

  definitions(): RuleDefinition[] {
    return [...this.defs.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  compiledRule(id: string): CompiledRule | undefined {
    let rule = this.compiled.get(id);
    if (!rule) {
      const def = this.defs.get(id);
      if (!def) return undefined;
      rule = compiledByDefinition.get(def);
      if (!rule) compiledByDefinition.set(def, (rule = compileRule(def)));
      this.compiled.set(id, rule);
    }
    return rule;
  }
}
