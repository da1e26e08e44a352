import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../core/diagnostic.js';
import { nameKey } from '../core/identity.js';
import { isCsv } from './responses.js';

const VILLAGE_HEADERS = new Set(['village', 'village name', 'ciems', 'ciemats', 'ciema nosaukums']);

/** Every CSV record with its first line, read leniently at the separator that splits the header most. */
function csvRecords(text: string): { line: number; cells: string[] }[] {
  let best: { line: number; cells: string[] }[] = [];
  for (const delimiter of [',', ';', '\t']) {
    try {
      const rows = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
      // info.lines is the line the record ends on; line breaks inside its cells put its start earlier.
      const recs = rows.map((r) => ({ line: r.info.lines - (r.record.join('').split('\n').length - 1), cells: r.record }));
      if ((recs[0]?.cells.length ?? 0) > (best[0]?.cells.length ?? 0)) best = recs;
    } catch {
      // another separator may read it
    }
  }
  return best;
}

/**
 * Which villages (name keys) a diagnostic concerns, as far as can be told from the file: the
 * `village:` line of a YAML file, the village cell of a CSV row, or every village of a CSV whose
 * header is wrong. Null when it cannot be told (an unreadable file, no village named).
 */
export function villagesOf(d: Diagnostic): string[] | null {
  if (!d.file) return null;
  let text: string;
  try {
    text = readFileSync(d.file, 'utf8');
  } catch {
    return null;
  }
  if (!isCsv(d.file)) {
    const m = /^village:[ \t]*(.*?)[ \t]*(#.*)?$/m.exec(text);
    const v = m?.[1]?.replace(/^(["'])(.*)\1$/, '$2') ?? '';
    return v.trim() === '' ? null : [nameKey(v)];
  }
  const recs = csvRecords(text);
  const header = recs[0];
  if (!header) return null;
  const col = header.cells.findIndex((h) => VILLAGE_HEADERS.has(nameKey(h)));
  if (col < 0) return null;
  const rows = recs.slice(1);
  const row = d.line !== undefined && d.line > header.line ? rows.find((r) => r.line === d.line) : undefined;
  const villages = (row ? [row] : rows).map((r) => nameKey(r.cells[col] ?? '')).filter((v) => v !== '');
  return villages.length > 0 ? [...new Set(villages)] : null;
}
