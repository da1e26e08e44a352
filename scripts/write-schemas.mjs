// Writes schema/*.schema.json from the schema sources (src/schema/*.ts, built into dist/) for
// editors with the YAML language server. tests/unit/schema-files.test.ts fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PRINTED_SCHEMAS } from '../dist/schema/schemas.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
for (const [kind, schema] of Object.entries(PRINTED_SCHEMAS)) {
  writeFileSync(new URL(`../schema/${kind}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
}
