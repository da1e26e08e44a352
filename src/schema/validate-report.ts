/**
 * The JSON Schema of `village validate --format json` (version 1): the verdict, each input file,
 * and each diagnostic with its rule code and its start and end. Printed by `village schema
 * validate`; documented in docs/formats.md.
 */
const position = { type: 'integer', minimum: 1 } as const;

export const validateReportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://smart-village-kit.invalid/schema/validate.schema.json',
  title: 'smart-village-kit validate report (village validate --format json)',
  type: 'object',
  required: ['version', 'valid', 'errors', 'warnings', 'files', 'diagnostics'],
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'The version of this output; a change that breaks readers raises it.' },
    valid: { type: 'boolean', description: 'True when there is no error (and, with --strict or --max-warnings, no warning too many): exit code 0.' },
    errors: { type: 'integer', minimum: 0, description: 'The number of errors.' },
    warnings: { type: 'integer', minimum: 0, description: 'The number of warnings.' },
    files: {
      type: 'array',
      description: 'Every input file, once (paths relative to the current folder where possible).',
      items: {
        type: 'object',
        required: ['file', 'kind', 'checked', 'valid'],
        additionalProperties: false,
        properties: {
          file: { type: 'string' },
          kind: { enum: ['criteria', 'answers', null], description: 'From the "schema:" field; null when it could not be told.' },
          checked: { type: 'boolean', description: 'False when the file could not be checked: no criteria for its framework in the run, or they are broken.' },
          valid: { type: 'boolean', description: 'Checked and without errors.' },
        },
      },
    },
    diagnostics: {
      type: 'array',
      description: 'Sorted by file, line and column.',
      items: {
        type: 'object',
        required: ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'],
        additionalProperties: false,
        properties: {
          file: { type: 'string' },
          line: position,
          column: { ...position, description: 'In UTF-16 code units, from 1.' },
          endLine: position,
          endColumn: { ...position, description: 'The column just after the located text.' },
          severity: { enum: ['error', 'warning'] },
          code: { type: 'string', description: 'The rule, stable across versions and languages (e.g. "crit.unknownPartner").' },
          message: { type: 'string', description: 'In the language of --lang (or the locale).' },
        },
      },
    },
  },
} as const;
