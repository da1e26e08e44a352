import { packedParts, type Response } from './answers.js';
import { distance } from './suggest.js';

/**
 * A name as the kit compares it: Unicode NFC, trimmed, inner whitespace collapsed to one space,
 * lower-cased. "  Vec  piebalga " and "VEC PIEBALGA" are the same village name.
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The name as shown: NFC, trimmed, inner whitespace collapsed (the case as written). */
export const displayName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** The name key without diacritics: "ērgļi" and "ergli" fold to the same text. */
export const foldKey = (name: string): string => nameKey(name).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/**
 * Two different name keys a person probably meant as one: equal without diacritics, or one
 * edit apart (a typo, a swapped pair) when both have 5 or more letters.
 */
export function nearDuplicate(a: string, b: string): boolean {
  if (a === b) return false;
  const fa = foldKey(a);
  const fb = foldKey(b);
  if (fa === fb) return true;
  if (fa.length < 7 || fb.length < 7 || Math.abs(fa.length - fb.length) > 1) return false;
  return distance(fa, fb) <= 1;
}

/**
 * What makes two answer sets the same submission: the same village, municipality, respondent,
 * date, and every answer and note. A byte-identical re-download or a pasted-twice CSV row.
 */
export function fingerprint(r: Response): string {
  const who = JSON.stringify([r.village, r.municipality, r.lag, r.respondent, r.date]);
  // A packed set is told by its codes and notes, with no list of answers made for each response.
  const packed = packedParts(r.answers);
  if (packed) return `P${who}${packed.codes}${JSON.stringify(packed.noted?.map((a) => a?.note ?? null) ?? null)}`;
  const answers = [...r.answers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, a]) => [id, a.score, a.note]);
  return `M${who}${JSON.stringify(answers)}`;
}

/** `file.csv:12` → { file: 'file.csv', line: 12 }; a YAML path → line 1. */
export function sourceAt(source: string): { file: string; line: number; column: number } {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? { file: m[1] ?? source, line: Number(m[2]), column: 1 } : { file: source, line: 1, column: 1 };
}
