import type { Response } from './answers.js';
import { warning, type Diagnostic } from './diagnostic.js';
import { displayName, fingerprint, foldKey, nameKey, sourceAt } from './identity.js';
import { DEFAULT_PERIOD, inRange, yearOf, type PeriodSpec } from './period.js';

/** One village's responses in one period, scored together. */
export interface VillageGroup {
  /** The name as first written (trimmed, inner spaces collapsed), or the alias's village. */
  village: string;
  /** The identity: name key and municipality key. */
  key: string;
  /** The municipality the group is told apart by, or null when none is given. */
  municipality?: string | null;
  /** The period label (a year, or the `--period` range), or null with `--period all` or no dates. */
  period?: string | null;
  responses: Response[];
}

/** Villages are the same when their names match after NFC, trimming, collapsing spaces and case-folding. */
export const villageKey = nameKey;

export interface GroupOptions {
  /** false: every response is its own group (`--no-group`). */
  group?: boolean;
  /** Spelling (a name key) → the village it means (`--aliases`). */
  aliases?: ReadonlyMap<string, string>;
  period?: PeriodSpec;
  /** false: keep identical answer sets (default true: count them once, with a warning). */
  dedupe?: boolean;
}

export interface Grouping {
  groups: VillageGroup[];
  /** Warnings about identity and periods, positioned at an answer set. */
  diagnostics: Diagnostic[];
  /** Answer sets dropped as identical to an earlier one. */
  duplicates: number;
  /** Dated answer sets left out because their date is outside `--period`. */
  outside: number;
}

/** Above this many villages only spellings equal without diacritics are compared (the one-edit check is pairwise). */
export const NEAR_DUPLICATE_MAX = 2000;

const at = (d: Diagnostic, source: string): Diagnostic => ({ ...d, ...sourceAt(source) });

/**
 * Groups responses into villages and periods (docs/formats.md 4.1), in order of first
 * appearance. A village is its name and, when given, its municipality; identical answer sets
 * count once; near-duplicate names, one name in several municipalities and answers spanning
 * periods are warned about. Pure.
 */
export function groupBatch(responses: readonly Response[], opts: GroupOptions = {}): Grouping {
  const diagnostics: Diagnostic[] = [];
  const period = opts.period ?? DEFAULT_PERIOD;
  let duplicates = 0;
  let outside = 0;

  // 1. Identical submissions count once.
  // Keyed by a 106-bit hash of the fingerprint, so memory grows by a few bytes per answer set.
  // An anonymous answer set (no respondent, no date) repeated within one table is two people who
  // answered alike, not a duplicate; the same set in another file is a re-download.
  const seen = new Map<string, string>();
  const unique: Response[] = [];
  for (const r of responses) {
    const fp = hashKey(fingerprint(r));
    const first = seen.get(fp);
    const anonymousTwin = first !== undefined && !r.respondent && !r.date && fileOf(first) === fileOf(r.source);
    if (first !== undefined && opts.dedupe !== false && !anonymousTwin) {
      duplicates++;
      diagnostics.push(at(warning('batch.duplicate', { first }), r.source));
      continue;
    }
    seen.set(fp, r.source);
    unique.push(r);
  }

  // 2. Aliases give a spelling its village. A batch repeats few names: each is keyed once.
  const names = new Map<string, { name: string; key: string }>();
  const nameOf = (village: string): { name: string; key: string } => {
    let n = names.get(village);
    if (!n) {
      const alias = opts.aliases?.get(nameKey(village));
      n = { name: displayName(alias ?? village), key: nameKey(alias ?? village) };
      names.set(village, n);
    }
    return n;
  };
  const muniKeys = new Map<string, string>();
  const muniKey = (m: string | null): string => {
    if (m === null) return '';
    let k = muniKeys.get(m);
    if (k === undefined) muniKeys.set(m, (k = nameKey(m)));
    return k;
  };
  const named = unique.map((r) => ({ r, ...nameOf(r.village), muni: muniKey(r.municipality) }));

  // 3. Identity: name + municipality; a set without a municipality joins the only one its name has.
  const munis = new Map<string, Map<string, string>>();
  for (const n of named) {
    if (n.muni === '' || n.r.municipality === null) continue;
    const m = munis.get(n.key) ?? new Map<string, string>();
    if (!m.has(n.muni)) m.set(n.muni, displayName(n.r.municipality));
    munis.set(n.key, m);
  }
  const warnedName = new Set<string>();
  const ids = new Map<string, string>();
  const identities = named.map((n) => {
    const m = munis.get(n.key);
    let muni = n.muni;
    if (muni === '' && m?.size === 1) muni = [...m.keys()][0] ?? '';
    if (m && m.size > 1 && !warnedName.has(n.key)) {
      warnedName.add(n.key);
      diagnostics.push(at(warning('batch.sameName', { village: n.name, municipalities: [...m.values()].join(', ') }), n.r.source));
    }
    let id: string;
    if (opts.group === false) id = `${n.key}\u0000${muni}\u0000${n.r.source}`;
    else {
      const pair = `${n.key}\u0000${muni}`;
      id = ids.get(pair) ?? pair;
      if (!ids.has(pair)) ids.set(pair, pair);
    }
    return { r: n.r, name: n.name, key: n.key, muni: n.muni, id, muniName: muni === '' ? null : (m?.get(muni) ?? null) };
  });

  // 4. Periods.
  const periodOf = new Map<(typeof identities)[number], string | null>();
  if (period.kind === 'all') {
    for (const i of identities) periodOf.set(i, null);
  } else if (period.kind === 'range') {
    for (const i of identities) {
      if (i.r.date !== null && !inRange(i.r.date, period.from, period.to)) outside++;
      else periodOf.set(i, period.label);
    }
  } else {
    const years = new Map<string, Set<string>>();
    for (const i of identities) if (i.r.date !== null) (years.get(i.id) ?? years.set(i.id, new Set()).get(i.id))?.add(yearOf(i.r.date));
    const undated = new Map<string, number>();
    for (const i of identities) {
      const ys = [...(years.get(i.id) ?? [])].sort();
      if (i.r.date !== null) periodOf.set(i, yearOf(i.r.date));
      else {
        periodOf.set(i, ys[ys.length - 1] ?? null);
        if (ys.length > 0) undated.set(i.id, (undated.get(i.id) ?? 0) + 1);
      }
    }
    const told = new Set<string>();
    for (const i of identities) {
      if (told.has(i.id)) continue;
      told.add(i.id);
      const ys = [...(years.get(i.id) ?? [])].sort();
      if (ys.length > 1) diagnostics.push(at(warning('batch.periods', { village: i.name, periods: ys.join(', ') }), i.r.source));
      const u = undated.get(i.id);
      if (u) diagnostics.push(at(warning('batch.undated', { village: i.name, count: u, period: ys[ys.length - 1] ?? '' }), i.r.source));
    }
  }

  // 5. Groups in order of first appearance.
  const groups = new Map<string, VillageGroup>();
  for (const i of identities) {
    if (!periodOf.has(i)) continue;
    const p = periodOf.get(i) ?? null;
    const gk = `${i.id}\u0000${p ?? ''}`;
    const g = groups.get(gk);
    if (g) g.responses.push(i.r);
    else groups.set(gk, { village: i.name, key: i.id, municipality: i.muniName, period: p, responses: [i.r] });
  }

  // 6. Near-duplicate names (same or unknown municipality). Names equal without diacritics are
  // found through a map; the one-edit check compares pairs, so it runs for LAG-sized batches only.
  if (opts.group !== false) {
    const firsts = new Map<string, { name: string; muni: string; source: string; key: string }>();
    for (const i of identities) {
      const id = `${i.key}\u0000${i.muni}`;
      if (!firsts.has(id)) firsts.set(id, { name: i.name, muni: i.muni, source: i.r.source, key: i.key });
    }
    const list = [...firsts.values()];
    const compatible = (x: (typeof list)[number], y: (typeof list)[number]): boolean => x.muni === '' || y.muni === '' || x.muni === y.muni;
    const told = new Set<string>();
    const tell = (x: (typeof list)[number], y: (typeof list)[number]): void => {
      const pair = `${x.key}\u0000${y.key}`;
      if (told.has(pair) || x.key === y.key || !compatible(x, y)) return;
      told.add(pair);
      diagnostics.push(at(warning('batch.nearDuplicate', { village: y.name, other: x.name }), y.source));
    };
    const byFold = new Map<string, (typeof list)[number][]>();
    for (const x of list) {
      const f = foldKey(x.key);
      const same = byFold.get(f);
      for (const seenBefore of same ?? []) tell(seenBefore, x);
      if (same) same.push(x);
      else byFold.set(f, [x]);
    }
    if (list.length <= NEAR_DUPLICATE_MAX) {
      // Each name folded once; only names whose lengths differ by at most one can be one edit apart.
      const folded = list.map((x) => ({ x, fold: foldKey(x.key) })).filter((f) => f.fold.length >= 7);
      const byLength = new Map<number, (typeof folded)[number][]>();
      for (const f of folded) {
        const bucket = byLength.get(f.fold.length);
        if (bucket) bucket.push(f);
        else byLength.set(f.fold.length, [f]);
      }
      const index = new Map(list.map((x, i) => [x, i]));
      const pairs: [number, number][] = [];
      for (const f of folded) {
        for (const len of [f.fold.length, f.fold.length + 1]) {
          for (const g of byLength.get(len) ?? []) {
            const [first, second] = (index.get(f.x) ?? 0) < (index.get(g.x) ?? 0) ? [f, g] : [g, f];
            if (len === f.fold.length && first !== f) continue; // each pair of equal length once
            if (f.fold !== g.fold && oneEditApart(f.fold, g.fold)) pairs.push([index.get(first.x) ?? 0, index.get(second.x) ?? 0]);
          }
        }
      }
      // Told in the order of the names' first appearance, as a pairwise scan would.
      pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      for (const [a, b] of pairs) {
        const x = list[a];
        const y = list[b];
        if (x && y) tell(x, y);
      }
    }
  }
  return { groups: [...groups.values()], diagnostics, duplicates, outside };
}

/**
 * Groups responses by village (name and municipality), all dates together; with `group: false`
 * every response is its own group. Pure. Batches use `groupBatch`, which also splits periods.
 */
export function groupResponses(responses: readonly Response[], group = true): VillageGroup[] {
  return groupBatch(responses, { group, period: { kind: 'all' }, dedupe: false }).groups;
}

const fileOf = (source: string): string => source.replace(/:\d+$/, '');

/** Two 53-bit string hashes (cyrb53 with two seeds) as one key. */
function hashKey(text: string): string {
  const h = (seed: number): number => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  return `${h(0).toString(36)}:${h(0x9e3779b9).toString(36)}`;
}

/**
 * Whether two different texts are one edit apart: one character changed, added or removed, or two
 * neighbours swapped (the same as an edit distance of 1 with transpositions), in linear time.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  if (t.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === t[i]) i++;
  if (s.length === t.length) {
    if (s.slice(i + 1) === t.slice(i + 1)) return true; // one changed
    return i + 1 < s.length && s[i] === t[i + 1] && s[i + 1] === t[i] && s.slice(i + 2) === t.slice(i + 2); // one swap
  }
  return s.slice(i) === t.slice(i + 1); // one added
}
