import type { CsvWords } from '../core/csv-map.js';
import { allCatalogues } from './catalogue.js';

const FIELDS = ['village', 'respondent', 'date', 'municipality', 'lag'] as const;

/** The CSV header aliases, n/a words, note words and survey-tool columns of every catalogue: a German export is read whatever the UI language. */
export function csvWords(): CsvWords {
  const cats = allCatalogues();
  const list = (key: string): string[] => cats.flatMap((c) => {
    const w = c.words[key];
    return Array.isArray(w) ? w : [];
  });
  return {
    meta: Object.fromEntries(FIELDS.map((f) => [f, list(`csv.${f}`)])) as unknown as CsvWords['meta'],
    na: list('csv.na'),
    note: list('csv.note'),
    toolColumns: list('csv.toolColumns'),
  };
}
