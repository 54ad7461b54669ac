// Build step: validate every built-in rule file and preset, and bundle them into
// dist/builtin-rules.json so a run reads one JSON file instead of parsing YAML and compiling schemas.
// The bundle also carries those rules' phrases compiled and their patterns' prefilters (compiling
// them was a quarter of a cold start).
import { writeFileSync } from 'node:fs';

const { readBuiltinSources } = await import('../dist/rules/load.js');
const { precompileMatchers } = await import('../dist/rules/matcher.js');

/** Every phrase string in a rule: `phrases` lists, string exceptions and `swap` keys, at any depth. */
function* phrasesIn(value, key) {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string' && (key === 'phrases' || key === 'exceptions')) yield item;
      else yield* phrasesIn(item, key);
    }
  } else if (value && typeof value === 'object') {
    if (key === 'swap') yield* Object.keys(value);
    for (const [k, v] of Object.entries(value)) if (k !== 'examples') yield* phrasesIn(v, k);
  }
}

/** Every compromise pattern in a rule: `pattern` strings and lists, at any depth. */
function* patternsIn(value, key) {
  if (typeof value === 'string' && key === 'pattern') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* patternsIn(item, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'examples') yield* patternsIn(v, k);
}

try {
  const bundle = readBuiltinSources();
  const precompiled = precompileMatchers(
    bundle.rules.flatMap((rule) => [...phrasesIn(rule)]),
    bundle.rules.flatMap((rule) => [...patternsIn(rule)]),
  );
  writeFileSync(new URL('../dist/builtin-rules.json', import.meta.url), JSON.stringify({ ...bundle, precompiled }));
  const counts = `${Object.keys(precompiled.phrases).length} phrases and ${Object.keys(precompiled.prefilters).length} patterns precompiled`;
  console.log(`bundled ${bundle.rules.length} built-in rules (${counts}) and ${Object.keys(bundle.presets).length} presets`);
} catch (error) {
  for (const e of error.errors ?? [error]) console.error(e.format ? e.format() : String(e));
  process.exitCode = 2;
}
