// Reads rule files from disk (built-in rules/ and users' ruleDirs), validating each one.
// A bad rule file stops the run before any linting, with every problem located.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Builtins as BuiltinBundle } from '../config/presets.js';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { ruleValidator } from '../schema/schemas.js';
import type { ConfigFile, RuleDefinition } from '../types.js';
import { builtinRuleDocsUrl } from './docs-url.js';
import { usePrecompiled, type PrecompiledMatchers } from './matcher.js';
import { parseRuleFile } from './parse.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');
const BUILTIN_BUNDLE = join(PACKAGE_ROOT, 'dist', 'builtin-rules.json');

/** Defined beside the presets, which the browser playground resolves without this loader. */
export type { Builtins as BuiltinBundle } from '../config/presets.js';

/** The built-in rules: the bundle validated at build time, or the YAML files when running from source. */
export function loadBuiltins(): BuiltinBundle {
  if (!existsSync(BUILTIN_BUNDLE)) return readBuiltinSources();
  const { precompiled, ...bundle } = JSON.parse(readFileSync(BUILTIN_BUNDLE, 'utf8')) as BuiltinBundle & { precompiled?: PrecompiledMatchers };
  if (precompiled) usePrecompiled(precompiled);
  return bundle;
}

/** Reads and validates rules/ and rules/presets/ (the build uses this to write the bundle). */
export function readBuiltinSources(): BuiltinBundle {
  const rules = loadRuleDir(BUILTIN_RULES_DIR, { skip: ['presets'] }).map((r) => ({ ...r, source: relative(PACKAGE_ROOT, r.source!), url: builtinRuleDocsUrl(r.id) }));
  const presets: Record<string, ConfigFile> = {};
  const presetDir = join(BUILTIN_RULES_DIR, 'presets');
  for (const name of readdirSync(presetDir)) {
    if (name.endsWith('.json')) presets[basename(name, '.json')] = JSON.parse(readFileSync(join(presetDir, name), 'utf8')) as ConfigFile;
  }
  return { rules, presets };
}

const RULE_EXTENSIONS = new Set(['.yaml', '.yml']);

/** Every rule file under `dir` (recursively), validated; all problems are reported together. */
export function loadRuleDir(dir: string, { skip = [] as string[] } = {}): RuleDefinition[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new ReplylintError('rule directory is not a directory', dir);
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch (error) {
    if (error instanceof ReplylintError) throw error;
    throw new ReplylintError('rule directory not found', dir);
  }
  const rules: RuleDefinition[] = [];
  const errors: ReplylintError[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries.sort()) {
    if (skip.some((s) => entry === s || entry.startsWith(s + '/'))) continue;
    if (!RULE_EXTENSIONS.has(extname(entry))) continue;
    const file = join(dir, entry);
    const parsed = parseRuleFile(readFileSync(file, 'utf8'), file, ruleValidator(), basename(entry, extname(entry)));
    if (parsed.errors.length) {
      errors.push(...parsed.errors);
      continue;
    }
    const rule = parsed.rule!;
    const other = seen.get(rule.id);
    if (other) errors.push(new ReplylintError(`rule "${rule.id}" is already defined in ${other}`, file, 1, 1));
    seen.set(rule.id, file);
    rules.push(rule);
  }
  if (errors.length) throw new ReplylintErrors(errors);
  return rules;
}
