import { META_FIELDS, withNeutral, type CsvWords, type SystemRole } from '../core/csv-map.js';
import { allCatalogues } from './catalogue.js';

/** `words.csv.*` lists of the survey tools' own columns, by what the kit does with them. */
const SYSTEM_KEYS: Record<string, SystemRole> = {
  'csv.toolColumns': 'skip',
  'csv.toolDate': 'date',
  'csv.toolSubmitted': 'submitted',
  'csv.toolLastPage': 'lastpage',
};

/**
 * The CSV header aliases, n/a and don't-know words, note words and survey-tool columns of every
 * catalogue: a German export is read whatever the UI language. Made once per table read (a
 * --messages catalogue may add words).
 */
let cached: { cats: readonly unknown[]; words: CsvWords } | undefined;

export function csvWords(): CsvWords {
  const cats = allCatalogues();
  // Asked for once per answers file: the same catalogues give the same words.
  if (cached && cached.cats.length === cats.length && cached.cats.every((c, i) => c === cats[i])) return cached.words;
  const words = makeWords(cats);
  cached = { cats, words };
  return words;
}

function makeWords(cats: ReturnType<typeof allCatalogues>): CsvWords {
  const list = (key: string): string[] =>
    cats.flatMap((c) => {
      const w = c.words[key];
      return Array.isArray(w) ? w : [];
    });
  const system: Record<string, SystemRole> = {};
  for (const [key, role] of Object.entries(SYSTEM_KEYS)) for (const name of list(key)) system[name] ??= role;
  return withNeutral({
    meta: Object.fromEntries(META_FIELDS.map((f) => [f, list(`csv.${f}`)])) as unknown as CsvWords['meta'],
    na: list('csv.na'),
    dontKnow: list('csv.dontKnow'),
    note: list('csv.note'),
    system,
  });
}
