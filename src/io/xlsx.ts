import { error, type Diagnostic } from '../core/diagnostic.js';
import type { Intake } from '../core/intake.js';
import { fsError } from './read.js';

/** An Excel date cell as the text a CSV export would hold: "2026-05-18 09:02:11" (the sheet's wall time). */
function dateText(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** A cell's value as text: numbers as written ("3", "2.5"), dates as ISO, empty as "". */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/**
 * Reads one sheet of an .xlsx workbook (the first, or `sheet` by name) into an Intake, row by row,
 * with the sheet's row numbers as lines. read-excel-file is loaded here only, when a workbook is
 * read (small, pure JavaScript with fflate for the zip, no native build).
 */
export async function readXlsx(file: string, intake: Intake, sheet: string | undefined): Promise<{ diagnostics: Diagnostic[]; sheet: string | null }> {
  const at = (d: Diagnostic, line = 1): Diagnostic => ({ ...d, file, line, column: 1 });
  const lib = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await lib.default(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) return { diagnostics: [at(fsError(e))], sheet: null };
    return { diagnostics: [at(error('xlsx.unreadable', { detail: e instanceof Error ? e.message : String(e) }))], sheet: null };
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet) ?? sheets.find((s) => s.sheet.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (!chosen) {
    return { diagnostics: [at(error('xlsx.noSheet', { sheet: sheet ?? '', sheets: sheets.map((s) => s.sheet).join(', ') }))], sheet: null };
  }
  const rows = chosen.data;
  for (let i = 0; i < rows.length; i++) {
    const cells = (rows[i] ?? []).map(cellText);
    if (cells.every((c) => c.trim() === '')) continue;
    if (!intake.hasHeader) intake.header(cells, i + 1);
    else intake.row(cells, i + 1);
  }
  // Rows are not kept past this point.
  chosen.data = [];
  const diagnostics: Diagnostic[] = [];
  if (!intake.hasHeader) diagnostics.push(at(error('file.empty')));
  else intake.finish();
  return { diagnostics, sheet: chosen.sheet };
}
