import { error, type Diagnostic } from './diagnostic.js';

/** Diagnostics of one code shown per file; the rest are counted in one "… and N more like this". */
export const MAX_DIAGNOSTICS_PER_CODE = 20;

/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument
 * and overflows the call stack beyond about 120,000 of them; this never does. Returns `target`.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** The text whose UTF-16 units are `codes` (each 0–65,535), built in slices: never one spread of them all. */
export function fromCharCodes(codes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 1024) out += String.fromCharCode(...codes.slice(i, i + 1024));
  return out;
}

/** The largest of `xs` (`-Infinity` when empty), without spreading them into Math.max. */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The smallest of `xs` (`Infinity` when empty), without spreading them into Math.min. */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/**
 * Caps the diagnostics of one file: at most `max` of each code (in the given order), and for each
 * code over the cap one more diagnostic, where the first left-out one stands, that counts the rest.
 * A file of 90,000 unknown keys gives 21 lines instead of 90,000. Pure.
 */
export function capDiagnostics(ds: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic[] {
  if (ds.length <= max) return [...ds];
  const shown = new Map<string, number>();
  const more = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const key = `${d.file ?? ''}\u0000${d.code}`;
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n <= max) {
      out.push(d);
      continue;
    }
    const m = more.get(key);
    if (m) m.params.count = Number(m.params.count) + 1;
    else {
      const extra: Diagnostic = { ...error('diagnostics.more', { count: 1 }), severity: d.severity };
      for (const k of ['path', 'at', 'file', 'line', 'column'] as const) if (d[k] !== undefined) Object.assign(extra, { [k]: d[k] });
      more.set(key, extra);
      out.push(extra);
    }
  }
  return out;
}
