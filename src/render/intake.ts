import type { IntakeSummary } from '../core/intake.js';
import { label, type UiLang } from '../i18n/messages.js';

/** The intake summary of one table, for stderr: "google.csv: 24 row(s), 24 read; 1 column(s) ignored (Komentāri…)". */
export function intakeLine(s: IntakeSummary, lang: UiLang): string {
  const parts = [label(lang, 'intake.rows', { file: s.file, rows: s.rows, read: s.read })];
  if (s.rejected > 0) parts.push(label(lang, 'intake.rejected', { count: s.rejected }));
  if (s.incomplete > 0) parts.push(label(lang, 'intake.incomplete', { count: s.incomplete }));
  if (s.cellsDropped > 0) parts.push(label(lang, 'intake.cellsDropped', { count: s.cellsDropped }));
  if (s.columnsIgnored.length > 0) {
    const names = s.columnsIgnored.slice(0, 3).map((n) => (n.length > 30 ? `${n.slice(0, 29)}…` : n));
    parts.push(label(lang, 'intake.columnsIgnored', { count: s.columnsIgnored.length, names: `${names.join(', ')}${s.columnsIgnored.length > 3 ? ', …' : ''}` }));
  }
  if (s.sheet) parts.push(label(lang, 'intake.sheet', { sheet: s.sheet }));
  else if (s.encoding && s.encoding !== 'utf-8') parts.push(label(lang, 'intake.encoding', { encoding: s.encoding }));
  return parts.join('; ');
}
