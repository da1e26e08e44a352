// Checks the bundled criteria at build time and stores each clean file's data under the hash of
// its text (dist/criteria.prebuilt.json): reading the bundled framework then costs a hash and a
// JSON.parse, not a YAML parse and the checks. A file whose text differs is read as usual.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { checkFramework } from '../dist/core/check-framework.js';
import { quickParse } from '../dist/io/yaml.js';
import { schemaErrors } from '../dist/schema/validators.js';

const dir = new URL('../criteria/', import.meta.url);
const out = {};
for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  const text = readFileSync(new URL(name, dir), 'utf8');
  const quick = quickParse(text);
  if (!quick || schemaErrors('criteria', quick.data).length > 0 || checkFramework(quick.data).length > 0) continue;
  out[createHash('sha256').update(text).digest('hex')] = quick.data;
}
writeFileSync(new URL('../dist/criteria.prebuilt.json', import.meta.url), JSON.stringify(out));
