// Config files → the rule settings for one file: presets and `extends` first, then the config's
// own rules, then its matching overrides; `ruleDirs` bring in the user's rules.
import { isAbsolute, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { loadRuleDir, type BuiltinBundle } from '../rules/load.js';
import { RuleRegistry } from '../rules/registry.js';
import { parseSelector } from '../sources/exports/selectors.js';
import type { ConfigFile, InputOptions, ResolvedConfig, RuleSetting } from '../types.js';
import type { ConfigLoader, LoadedConfig } from './load.js';
import { activeRules, applySettings, PRESETS, presetRules, type LayeredRules } from './presets.js';

const DEFAULT_EXTENDS = ['replylint:recommended'];

type ErrorAt = (message: string, path: Array<string | number>, key?: boolean) => ReplylintError;

/** One config in the chain, in the order it applies. */
interface Layer {
  /** the config file, or the preset name */
  name: string;
  dir: string;
  rules: Record<string, RuleSetting>;
  input?: InputOptions;
  overrides: NonNullable<ConfigFile['overrides']>;
  error: ErrorAt;
}

/** Everything one config file (with what it extends) decides. */
export class ConfigChain {
  private readonly ignorer: Ignore;
  private readonly overrideMatchers: Array<Array<(rel: string) => boolean>>;

  constructor(
    /** the config file the chain starts from (undefined: built-in defaults) */
    readonly file: string | undefined,
    readonly layers: Layer[],
    readonly registry: RuleRegistry,
    readonly ruleDirs: string[],
    private readonly ignoreBase: string,
    readonly ignorePatterns: string[],
  ) {
    this.ignorer = ignore().add(ignorePatterns);
    this.overrideMatchers = layers.map((layer) =>
      layer.overrides.map((o) => {
        const files = globMatcher([o.files].flat());
        const excluded = o.excludedFiles ? globMatcher([o.excludedFiles].flat()) : () => false;
        return (rel: string) => files(rel) && !excluded(rel);
      }),
    );
  }

  /** Whether `ignorePatterns` exclude the file. */
  ignores(filePath: string): boolean {
    const rel = relative(this.ignoreBase, resolve(filePath));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    return this.ignorer.ignores(rel.split('\\').join('/'));
  }

  /** The rule settings for one file. */
  forFile(filePath: string): ResolvedConfig {
    const rules: LayeredRules = {};
    let input: InputOptions | undefined;
    const abs = resolve(filePath);
    this.layers.forEach((layer, i) => {
      applySettings(rules, layer.rules);
      // Input settings merge key by key: an override that sets only "format" keeps "agents".
      if (layer.input) input = { ...input, ...layer.input };
      const rel = relative(layer.dir, abs).split('\\').join('/');
      layer.overrides.forEach((o, k) => {
        if (!this.overrideMatchers[i]![k]!(rel)) return;
        if (o.rules) applySettings(rules, o.rules);
        if (o.input) input = { ...input, ...o.input };
      });
    });
    return { rules: activeRules(rules), ...(input ? { input } : {}) };
  }
}

/**
 * Override globs as ESLint reads them: relative to the config's folder, and a pattern without
 * a slash ("*.md") matches the file name at any depth. (picomatch's `basename` option cannot
 * be used for all patterns: it stops "internal/**" from matching.)
 */
function globMatcher(patterns: string[]): (rel: string) => boolean {
  const matchers = patterns.map((p) => picomatch(p, { dot: true, basename: !p.includes('/') }));
  return (rel) => matchers.some((m) => m(rel));
}

/** Builds the chain for a loaded config (or for no config: the recommended preset). */
export async function buildChain(root: LoadedConfig | undefined, loader: ConfigLoader, builtins: BuiltinBundle, cwd: string): Promise<ConfigChain> {
  const layers: Layer[] = [];
  const ruleDirs: string[] = [];
  const ignorePatterns: string[] = [];
  const ignoreBase = root?.dir ?? cwd;
  const registry = new RuleRegistry(builtins.rules);
  const userRuleLayers: Layer[] = [];

  const presetLayer = (name: string): Layer => ({
    name,
    dir: cwd,
    rules: presetRules(builtins, name),
    overrides: [],
    error: (message) => new ReplylintError(message, name),
  });

  const visit = async (config: LoadedConfig, stack: string[]): Promise<void> => {
    if (stack.includes(config.file)) {
      throw new ReplylintError(`"extends" makes a cycle: ${[...stack, config.file].join(' → ')}`, config.file);
    }
    const ext = config.config.extends === undefined ? (stack.length ? [] : DEFAULT_EXTENDS) : [config.config.extends].flat();
    for (const [i, name] of ext.entries()) {
      const path = Array.isArray(config.config.extends) ? ['extends', i] : ['extends'];
      if (name.startsWith('replylint:')) {
        if (!(PRESETS as readonly string[]).includes(name)) {
          throw config.error(`unknown preset "${name}": use ${PRESETS.join(' or ')}`, path);
        }
        layers.push(presetLayer(name));
        continue;
      }
      const target = resolve(config.dir, name);
      let extended: LoadedConfig;
      try {
        extended = await loader.load(target);
      } catch (error) {
        if (error instanceof ReplylintError && error.message === 'config file not found') {
          throw config.error(`"extends" names a config that does not exist: ${name}`, path);
        }
        throw error;
      }
      await visit(extended, [...stack, config.file]);
    }
    // The user's rules are on at their own severity; the config's own "rules" come after.
    for (const [i, dir] of (config.config.ruleDirs ?? []).entries()) {
      const abs = resolve(config.dir, dir);
      let defs;
      try {
        defs = loadRuleDir(abs);
      } catch (error) {
        if (error instanceof ReplylintError && !error.line) throw config.error(`${error.message}: ${dir}`, ['ruleDirs', i]);
        throw error;
      }
      ruleDirs.push(abs);
      for (const def of defs) registry.add(def);
      const layer: Layer = {
        name: abs,
        dir: config.dir,
        rules: Object.fromEntries(defs.map((d) => [d.id, d.severity])),
        overrides: [],
        error: (message) => new ReplylintError(message, abs),
      };
      userRuleLayers.push(layer);
      layers.push(layer);
    }
    for (const pattern of config.config.ignorePatterns ?? []) {
      ignorePatterns.push(rebase(pattern, relative(ignoreBase, config.dir)));
    }
    layers.push({
      name: config.file,
      dir: config.dir,
      rules: config.config.rules ?? {},
      ...(config.config.input ? { input: config.config.input } : {}),
      overrides: config.config.overrides ?? [],
      error: config.error,
    });
  };

  if (root) await visit(root, []);
  else layers.push(presetLayer(DEFAULT_EXTENDS[0]!));

  validateSettings(layers, registry);
  return new ConfigChain(root?.file, layers, registry, ruleDirs, ignoreBase, ignorePatterns);
}

/** An ignore pattern of an extended config, made relative to the root config's folder. */
function rebase(pattern: string, prefix: string): string {
  if (!prefix) return pattern;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const anchored = body.startsWith('/') ? body.slice(1) : body.includes('/') ? body : `**/${body}`;
  return `${negated ? '!' : ''}${prefix.split('\\').join('/')}/${anchored}`;
}

/** Unknown rule ids and options that do not fit the rule are config errors, located. */
function validateSettings(layers: Layer[], registry: RuleRegistry): void {
  const errors: ReplylintError[] = [];
  const check = (layer: Layer, rules: Record<string, RuleSetting>, base: Array<string | number>) => {
    for (const [id, setting] of Object.entries(rules)) {
      const def = registry.definition(id);
      if (!def) {
        errors.push(layer.error(`unknown rule "${id}"${suggestId(id, registry)}`, [...base, id], true));
        continue;
      }
      const options = Array.isArray(setting) ? setting[1] : undefined;
      if (options?.variables && def.kind !== 'template') {
        errors.push(layer.error(`rule "${id}" is a ${def.kind} rule: "variables" only applies to template rules`, [...base, id, 1, 'variables'], true));
      }
      if (options?.window && def.kind !== 'conditional') {
        errors.push(layer.error(`rule "${id}" is a ${def.kind} rule: "window" only applies to conditional rules`, [...base, id, 1, 'window'], true));
      }
    }
  };
  const checkInput = (layer: Layer, input: InputOptions | undefined, base: Array<string | number>) => {
    const selectors = input?.fields ? [input.fields.text].flat() : [];
    selectors.forEach((selector, i) => {
      try {
        parseSelector(selector);
      } catch (error) {
        const path = Array.isArray(input!.fields!.text) ? [...base, 'fields', 'text', i] : [...base, 'fields', 'text'];
        errors.push(layer.error((error as Error).message, path));
      }
    });
    for (const [i, source] of (input?.placeholders ?? []).entries()) {
      try {
        new RegExp(source);
      } catch (error) {
        errors.push(layer.error(`not a valid regular expression: ${(error as Error).message}`, [...base, 'placeholders', i]));
      }
    }
  };
  for (const layer of layers) {
    check(layer, layer.rules, ['rules']);
    checkInput(layer, layer.input, ['input']);
    layer.overrides.forEach((o, i) => {
      if (o.rules) check(layer, o.rules, ['overrides', i, 'rules']);
      checkInput(layer, o.input, ['overrides', i, 'input']);
    });
  }
  if (errors.length) throw errors.length === 1 ? errors[0]! : new ReplylintErrors(errors);
}

/** "did you mean" for a mistyped rule id. */
function suggestId(id: string, registry: RuleRegistry): string {
  const name = id.split('/').pop() ?? id;
  const close = registry.definitions().find((d) => d.id.endsWith('/' + name) || d.id.split('/')[1]?.startsWith(name.slice(0, 6)));
  return close ? ` (did you mean "${close.id}"?)` : '';
}
