// The rules known to a run (built-in + the user's ruleDirs), compiled on first use.
import type { RuleDefinition } from '../types.js';
import { compileRule, type CompiledRule } from './compile.js';

/**
 * Compiled rules by definition, shared across registries: a definition is never changed once
 * loaded, and the built-in ones are the same objects in every registry of a process, so the
 * language server's linters compile each rule once.
 */
const compiledByDefinition = new WeakMap<RuleDefinition, CompiledRule>();

export class RuleRegistry {
  private readonly defs = new Map<string, RuleDefinition>();

  constructor(definitions: Iterable<RuleDefinition> = []) {
    for (const def of definitions) this.add(def);
  }

  /** Adds a rule; a later rule with the same id replaces the earlier one (a user's override). */
  add(def: RuleDefinition): void {
    this.defs.set(def.id, def);
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
    const def = this.defs.get(id);
    if (!def) return undefined;
    let rule = compiledByDefinition.get(def);
    if (!rule) compiledByDefinition.set(def, (rule = compileRule(def)));
    return rule;
  }
}
