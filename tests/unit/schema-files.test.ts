import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINTED_SCHEMAS as SCHEMAS } from '../../src/schema/schemas.js';
import { ROOT } from '../helpers/cli.js';

// schema/*.schema.json are generated from src/schema (npm run schemas) for editors; they must not go stale.
describe('the schema files editors read', () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])('schema/%s.schema.json is what src/schema says', (kind) => {
    const file = readFileSync(join(ROOT, 'schema', `${kind}.schema.json`), 'utf8');
    expect(file).toBe(`${JSON.stringify(SCHEMAS[kind], null, 2)}\n`);
  });
});
