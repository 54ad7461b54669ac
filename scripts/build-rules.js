// Build step: validate every built-in rule file and preset, and bundle them into
// dist/builtin-rules.json so a run reads one JSON file instead of parsing YAML and compiling schemas.
// The bundle also carries every phrase of those rules compiled (a fifth of a cold start otherwise).
import { writeFileSync } from 'node:fs';

const { readBuiltinSources } = await import('../dist/rules/load.js');
const { compiledPhrases } = await import('../dist/rules/matcher.js');

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

try {
  const bundle = readBuiltinSources();
  const phrases = compiledPhrases(bundle.rules.flatMap((rule) => [...phrasesIn(rule)]));
  writeFileSync(new URL('../dist/builtin-rules.json', import.meta.url), JSON.stringify({ ...bundle, phrases }));
  console.log(`bundled ${bundle.rules.length} built-in rules (${Object.keys(phrases).length} phrases compiled) and ${Object.keys(bundle.presets).length} presets`);
} catch (error) {
  for (const e of error.errors ?? [error]) console.error(e.format ? e.format() : String(e));
  process.exitCode = 2;
}
