/**
 * Periods: answers are scored per village and period (docs/formats.md 4.1). By default a period is
 * the calendar year of an answer's date; `all` keeps every date together; a year or a month range
 * keeps only the answers dated inside it. Pure.
 */
export type PeriodSpec =
  | { kind: 'all' }
  | { kind: 'year' }
  /** Inclusive months `YYYY-MM`; `label` is what results carry as their period. */
  | { kind: 'range'; from: string; to: string; label: string };

export const DEFAULT_PERIOD: PeriodSpec = { kind: 'year' };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `all`, `year`, `YYYY` or `YYYY-MM..YYYY-MM` as a spec; null when the text is none of them. */
export function parsePeriod(text: string): PeriodSpec | null {
  const t = text.trim();
  if (t === 'all' || t === 'year') return { kind: t };
  if (/^\d{4}$/.test(t)) return { kind: 'range', from: `${t}-01`, to: `${t}-12`, label: t };
  const m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(t);
  if (m && MONTH.test(m[1] ?? '') && MONTH.test(m[2] ?? '') && (m[1] ?? '') <= (m[2] ?? '')) {
    return { kind: 'range', from: m[1] ?? '', to: m[2] ?? '', label: t };
  }
  return null;
}

/** Whether a YYYY-MM-DD date lies in an inclusive month range. */
export const inRange = (date: string, from: string, to: string): boolean => {
  const month = date.slice(0, 7);
  return month >= from && month <= to;
};

/** The year of a YYYY-MM-DD date, as the period label. */
export const yearOf = (date: string): string => date.slice(0, 4);
