// Build step: compile the shipped JSON Schemas into validation code once (Ajv's standalone mode),
// written to dist/validators.cjs. Compiling the config schema at run time was a quarter of a cold
// start; the generated code needs only Ajv's small runtime helpers. src/schema/schemas.ts falls
// back to compiling the schemas when this file is absent (running from source).
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const NAMES = ['rule', 'config', 'suppressions'];
// The same options as the run-time fallback in src/schema/schemas.ts: both must validate alike.
const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
const refs = {};
for (const name of NAMES) {
  const schema = JSON.parse(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8'));
  ajv.addSchema(schema, name);
  refs[name] = name;
}
writeFileSync(new URL('../dist/validators.cjs', import.meta.url), standaloneCode.default ? standaloneCode.default(ajv, refs) : standaloneCode(ajv, refs));
console.log(`compiled ${NAMES.length} schema validators`);
