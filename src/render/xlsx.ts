import type { SummarySheet } from './summary.js';

const FORMATS = { int: '0', score: '0.0', share: '0%' } as const;

/**
 * `summary.xlsx`: the summary sheet with a frozen header row, number formats (scores to one
 * decimal, coverage as a percentage) and every text (the level too) as text. Written with
 * write-excel-file, loaded only here.
 */
export async function summaryXlsx(sheet: SummarySheet, name: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = sheet.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const }));
  const rows = sheet.rows.map((row) =>
    row.map((v, i) => {
      const kind = sheet.kinds[i] ?? 'text';
      if (v === null) return null;
      if (kind === 'text' || typeof v === 'string') return { value: String(v), type: String, format: '@' };
      return { value: v, type: Number, format: FORMATS[kind] };
    }),
  );
  const columns = sheet.header.map((h, i) => ({ width: i === 1 ? 22 : Math.min(40, Math.max(8, h.length + 2)) }));
  // Excel limits sheet names to 31 characters and forbids some marks.
  const sheetName = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  return writeXlsxFile([header, ...rows], { sheet: sheetName, columns, stickyRowsCount: 1 }).toBuffer();
}
