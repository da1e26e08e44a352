/**
 * The kit's fixed vocabularies: the command line offers them as choices and the commands take
 * their types from them. No imports, so the CLI can load it for free.
 */
export { SORT_ORDERS as SORTS } from './core/rank.js';
export const VALIDATE_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export const SCORE_FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;
export const REPORT_FORMATS = ['md', 'pdf', 'json'] as const;
export const PAPERS = ['a4', 'letter'] as const;
export const SCHEMA_KINDS = ['criteria', 'answers', 'plan', 'plan-file', 'validate', 'map'] as const;
export const INIT_FORMATS = ['yaml', 'csv', 'map'] as const;
export const CSV_HEADERS = ['id', 'question'] as const;

export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];
export type ScoreFormat = (typeof SCORE_FORMATS)[number];
export type { SortOrder as Sort } from './core/rank.js';
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type Paper = (typeof PAPERS)[number];
export type InitFormat = (typeof INIT_FORMATS)[number];
export type CsvHeaders = (typeof CSV_HEADERS)[number];
