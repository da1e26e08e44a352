import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The built module: the table sits in dist/ beside it (the sources read the YAML).
import { prebuiltCriteria } from '../../dist/io/prebuilt.js';
import { quickParse } from '../../src/io/yaml.js';
import { ROOT } from '../helpers/cli.js';

describe('the prebuilt bundled criteria', () => {
  const text = readFileSync(`${ROOT}/criteria/smart-village.yaml`, 'utf8');

  it('are the bundled file as YAML reads it, found by the hash of its text', () => {
    expect(prebuiltCriteria(text)).toEqual(quickParse(text)?.data);
  });

  it('are not used for any other text, however small the change', () => {
    expect(prebuiltCriteria(`${text}\n`)).toBeUndefined();
    expect(prebuiltCriteria(text.replace('coverage_min: 0.55', 'coverage_min: 0.56'))).toBeUndefined();
  });
});
