// Build step: validate every built-in rule file and preset, and bundle them into
// dist/builtin-rules.json so a run reads one JSON file instead of parsing YAML and compiling schemas.
import { writeFileSync } from 'node:fs';

const { readBuiltinSources } = await import('../dist/rules/load.js');
try {
  const bundle = readBuiltinSources();
  writeFileSync(new URL('../dist/builtin-rules.json', import.meta.url), JSON.stringify(bundle));
  console.log(`bundled ${bundle.rules.length} built-in rules and ${Object.keys(bundle.presets).length} presets`);
} catch (error) {
  for (const e of error.errors ?? [error]) console.error(e.format ? e.format() : String(e));
  process.exitCode = 2;
}
