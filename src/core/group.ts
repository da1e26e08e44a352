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

  // 2. Aliases give a spelling its village; 3. identity: name + municipality, and a set without a
  // municipality joins the only one its name has. A batch repeats few names and municipalities, so
  // each answer set points to an identity shared by all the sets that name the village alike.
  interface Identity {
    name: string;
    key: string;
    /** The municipality key as written ('' when none). */
    muni: string;
    id: string;
    muniName: string | null;
  }
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
  const munis = new Map<string, Map<string, string>>();
  for (const r of unique) {
    const muni = muniKey(r.municipality);
    if (muni === '' || r.municipality === null) continue;
    const key = nameOf(r.village).key;
    const m = munis.get(key) ?? new Map<string, string>();
    if (!m.has(muni)) m.set(muni, displayName(r.municipality));
    munis.set(key, m);
  }
  const warnedName = new Set<string>();
  const shared = new Map<string, Map<string, Identity>>();
  const identities = unique.map((r): Identity => {
    const n = nameOf(r.village);
    const written = muniKey(r.municipality);
    const m = munis.get(n.key);
    if (m && m.size > 1 && !warnedName.has(n.key)) {
      warnedName.add(n.key);
      diagnostics.push(at(warning('batch.sameName', { village: n.name, municipalities: [...m.values()].join(', ') }), r.source));
    }
    const byMuni = shared.get(r.village) ?? shared.set(r.village, new Map()).get(r.village);
    const known = opts.group === false ? undefined : byMuni?.get(written);
    if (known) return known;
    let muni = written;
    if (muni === '' && m?.size === 1) muni = [...m.keys()][0] ?? '';
    const id = opts.group === false ? `${n.key}\u0000${muni}\u0000${r.source}` : `${n.key}\u0000${muni}`;
    const identity = { name: n.name, key: n.key, muni: written, id, muniName: muni === '' ? null : (m?.get(muni) ?? null) };
    if (opts.group !== false) byMuni?.set(written, identity);
    return identity;
  });

  // 4. Periods: each answer set's period label, null for none, undefined when outside --period.
  const periods = new Array<string | null | undefined>(unique.length);
  if (period.kind === 'all') {
    periods.fill(null);
  } else if (period.kind === 'range') {
    unique.forEach((r, k) => {
      if (r.date !== null && !inRange(r.date, period.from, period.to)) outside++;
      else periods[k] = period.label;
    });
  } else {
    const years = new Map<string, Set<string>>();
    unique.forEach((r, k) => {
      const id = identities[k]?.id ?? '';
      if (r.date !== null) (years.get(id) ?? years.set(id, new Set()).get(id))?.add(yearOf(r.date));
    });
    const sortedYears = new Map([...years].map(([id, ys]) => [id, [...ys].sort()]));
    const undated = new Map<string, number>();
    unique.forEach((r, k) => {
      const id = identities[k]?.id ?? '';
      const ys = sortedYears.get(id) ?? [];
      if (r.date !== null) periods[k] = yearOf(r.date);
      else {
        periods[k] = ys[ys.length - 1] ?? null;
        if (ys.length > 0) undated.set(id, (undated.get(id) ?? 0) + 1);
      }
    });
    const told = new Set<string>();
    unique.forEach((r, k) => {
      const i = identities[k] as Identity;
      if (told.has(i.id)) return;
      told.add(i.id);
      const ys = sortedYears.get(i.id) ?? [];
      if (ys.length > 1) diagnostics.push(at(warning('batch.periods', { village: i.name, periods: ys.join(', ') }), r.source));
      const u = undated.get(i.id);
      if (u) diagnostics.push(at(warning('batch.undated', { village: i.name, count: u, period: ys[ys.length - 1] ?? '' }), r.source));
    });
  }

  // 5. Groups in order of first appearance.
  const groups = new Map<string, Map<string | null, VillageGroup>>();
  const ordered: VillageGroup[] = [];
  unique.forEach((r, k) => {
    const p = periods[k];
    if (p === undefined) return;
    const i = identities[k] as Identity;
    const byPeriod = groups.get(i.id) ?? groups.set(i.id, new Map()).get(i.id);
    const g = byPeriod?.get(p);
    if (g) g.responses.push(r);
    else {
      const made: VillageGroup = { village: i.name, key: i.id, municipality: i.muniName, period: p, responses: [r] };
      byPeriod?.set(p, made);
      ordered.push(made);
    }
  });

  // 6. Near-duplicate names (same or unknown municipality). Names equal without diacritics are
  // found through a map; the one-edit check compares pairs, so it runs for LAG-sized batches only.
  if (opts.group !== false) {
    const firsts = new Map<string, { name: string; muni: string; source: string; key: string }>();
    unique.forEach((r, k) => {
      const i = identities[k] as Identity;
      const id = `${i.key}\u0000${i.muni}`;
      if (!firsts.has(id)) firsts.set(id, { name: i.name, muni: i.muni, source: r.source, key: i.key });
    });
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
      const folded = list.map((x, i) => ({ x, i, fold: foldKey(x.key) })).filter((f) => f.fold.length >= 7);
      const byLength = new Map<number, (typeof folded)[number][]>();
      for (const f of folded) {
        const bucket = byLength.get(f.fold.length);
        if (bucket) bucket.push(f);
        else byLength.set(f.fold.length, [f]);
      }
      const pairs: [number, number][] = [];
      for (const f of folded) {
        for (const len of [f.fold.length, f.fold.length + 1]) {
          for (const g of byLength.get(len) ?? []) {
            if (len === f.fold.length && g.i <= f.i) continue; // each pair of equal length once
            if (f.fold !== g.fold && oneEditApart(f.fold, g.fold)) pairs.push(f.i < g.i ? [f.i, g.i] : [g.i, f.i]);
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
  return { groups: ordered, diagnostics, duplicates, outside };
}

/**
 * Groups responses by village (name and municipality), all dates together; with `group: false`
 * every response is its own group. Pure. Batches use `groupBatch`, which also splits periods.
 */
export function groupResponses(responses: readonly Response[], group = true): VillageGroup[] {
  return groupBatch(responses, { group, period: { kind: 'all' }, dedupe: false }).groups;
}

const fileOf = (source: string): string => source.replace(/:\d+$/, '');

/** Two 53-bit string hashes (cyrb53 with two seeds, in one pass over the text) as one key. */
function hashKey(text: string): string {
  const SEED = 0x9e3779b9;
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ SEED;
  let b2 = 0x41c6ce57 ^ SEED;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  const finish = (h1: number, h2: number): number => {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  return `${finish(a1, a2).toString(36)}:${finish(b1, b2).toString(36)}`;
}

/**
 * Whether two different texts are one edit apart: one character changed, added or removed, or two
 * neighbours swapped (the same as an edit distance of 1 with transpositions), in linear time.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const s = a.length <= b.length ? a : b;
  const t = s === a ? b : a;
  const m = s.length;
  const n = t.length;
  if (n - m > 1) return false;
  // The common start and the common end (no longer than what is left of the shorter text).
  let i = 0;
  while (i < m && s.charCodeAt(i) === t.charCodeAt(i)) i++;
  let j = 0;
  while (j < m - i && s.charCodeAt(m - 1 - j) === t.charCodeAt(n - 1 - j)) j++;
  if (m === n) {
    const middle = m - i - j;
    return middle === 1 || (middle === 2 && s[i] === t[i + 1] && s[i + 1] === t[i]); // one changed, or one swap
  }
  return i + j === m; // one added
}
