import { pick, type Text } from '../core/framework.js';
import type { Overview } from '../core/overview.js';
import { round1 } from '../core/round.js';
import { label, localeOf, type LabelKey, type UiLang } from '../i18n/messages.js';
import { levelTitle } from './table.js';

/** What the intake of a batch was: files and answer sets read, rejected, skipped, and why. */
export interface Intake {
  files: number;
  inputs: number;
  rejected: number;
  duplicates: number;
  outside: number;
  skipped: string[];
  warnings: number;
  /** Files with errors: how many, and the first message. */
  problems: { file: string; errors: number; first: string }[];
  minRespondents: number;
}

/** A table of the overview in words: its header and rows (`right` marks numeric columns). */
export interface ViewTable {
  title?: string;
  header: string[];
  right: boolean[];
  rows: string[][];
}

/** The LAG overview in one language: what the Markdown and the PDF draw. */
export interface OverviewView {
  lang: UiLang;
  title: string;
  subtitle: string;
  intro: string;
  notes: string[];
  counts: ViewTable & { title: string };
  strategy: { heading: string; count: string; definition: string; villages: string };
  heat: { heading: string; intro: string; pillars: string[]; rows: { village: string; scores: (number | null)[]; overall: number | null }[]; table: ViewTable };
  ranking: { heading: string; table: ViewTable };
  change: { heading: string; intro: string; table: ViewTable } | null;
  weakest: { heading: string; table: ViewTable };
  strongest: { heading: string; table: ViewTable };
  support: { heading: string; intro: string; actions: ViewTable; partners: string; funding: string };
  disagree: { heading: string; intro: string; table: ViewTable };
  quality: { heading: string; facts: ViewTable; problems: ViewTable };
}

/** 🟥 under 25, 🟧 25–49, 🟨 50–74, 🟩 75 and more (the shown, one-decimal value). */
export const band = (score: number | null): 0 | 1 | 2 | 3 | null => (score === null ? null : round1(score) < 25 ? 0 : round1(score) < 50 ? 1 : round1(score) < 75 ? 2 : 3);
const SQUARES = ['🟥', '🟧', '🟨', '🟩'] as const;

export function overviewView(o: Overview, lang: UiLang, intake: Intake): OverviewView {
  const fw = o.framework;
  const L = (k: LabelKey, p: Record<string, string | number> = {}): string => label(lang, k, p);
  const t = (x: Text | null | undefined): string => pick(x ?? null, lang, fw.languages[0]);
  const one = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const num = (x: number | null): string => (x === null ? '—' : one.format(round1(x)));
  const signed = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${num(Math.abs(x))}`;
  const heatCell = (x: number | null): string => (x === null ? '—' : `${SQUARES[band(x) ?? 0]} ${num(x)}`);
  const criterionTitle = (id: string): string => t(fw.criteria.get(id)?.title) || id;
  const levelName = (id: string): string => {
    const any = o.rows.find((r) => r.result.classification.level === id)?.result;
    if (any) return levelTitle(any, lang);
    return t(fw.levels.find((l) => l.id === id)?.title) || id;
  };
  const place = (r: { municipality: string | null }): string => r.municipality ?? '';
  const rows = o.rows.map((r) => r.result);
  const tooFewMark = (r: (typeof rows)[number]): string => (r.tooFew ? ` (${L('col.tooFew')})` : '');

  const counts: ViewTable & { title: string } = {
    title: L('ov.counts'),
    header: [L('col.level'), L('ov.count')],
    right: [false, true],
    rows: [
      [L('ov.villages'), String(o.villages)],
      [L('ov.respondents'), String(o.respondents)],
      ...o.levels.map((l) => [levelName(l.id), String(l.count)]),
      ...(o.tooFew > 0 ? [[`${L('ov.tooFew')} (< ${intake.minRespondents})`, String(o.tooFew)]] : []),
    ],
  };
  const pillarTitles = fw.pillars.map((p) => t(p.title) || p.id);
  const shared = (v: string): boolean => o.rows.filter((x) => x.result.village === v).length > 1;
  const heatRows = o.rows.map((r) => ({ village: shared(r.result.village) && r.result.municipality ? `${r.result.village} (${r.result.municipality})` : r.result.village, scores: r.result.scores.pillars.map((p) => p.score), overall: r.result.scores.overall }));
  const changed = o.rows.filter((r) => r.previous !== null);
  const top = (n: number) => o.criteria.slice(0, n);
  const criteriaTable = (cs: { id: string; mean: number; villages: number }[]): ViewTable => ({
    header: [L('ov.question'), L('ov.mean'), L('ov.count')],
    right: [false, true, true],
    rows: cs.map((c) => [criterionTitle(c.id), num(c.mean), String(c.villages)]),
  });
  const named = (map: ReadonlyMap<string, { name: Text }>, xs: { id: string; villages: number }[]): string =>
    xs.length === 0 ? L('ov.none') : xs.slice(0, 10).map((x) => `${t(map.get(x.id)?.name) || x.id} (${x.villages})`).join(', ');

  return {
    lang,
    title: L('ov.title'),
    subtitle: [o.lags.join(', '), t(fw.title), o.periods.length > 0 ? `${L('ov.periods')}: ${o.periods.join(', ')}` : ''].filter(Boolean).join(' · '),
    intro: L('ov.intro'),
    notes: o.periods.length > 1 ? [L('ov.latestNote')] : [],
    counts,
    strategy: {
      heading: L('ov.strategy'),
      count: L('ov.strategyCount', { count: o.strategy.count, villages: o.villages }),
      definition: L('ov.strategyDefinition', { level: levelName(o.strategy.level) }),
      villages: o.strategy.villages.join(', '),
    },
    heat: {
      heading: L('ov.heatmap'),
      intro: L('ov.heatmapIntro'),
      pillars: pillarTitles,
      rows: heatRows,
      table: {
        header: [L('col.village'), ...pillarTitles, L('col.overall')],
        right: [false, ...pillarTitles.map(() => true), true],
        rows: heatRows.map((r) => [r.village, ...r.scores.map(heatCell), heatCell(r.overall)]),
      },
    },
    ranking: {
      heading: L('ov.ranking'),
      table: {
        header: [L('col.rank'), L('col.village'), L('col.municipality'), L('col.level'), L('col.overall'), L('col.respondents')],
        right: [true, false, false, false, true, true],
        rows: rows.map((r, i) => [o.rows[i]?.rank === null ? '—' : String(o.rows[i]?.rank), r.village, place(r), `${levelTitle(r, lang)}${tooFewMark(r)}`, num(r.scores.overall), String(r.respondents)]),
      },
    },
    change:
      changed.length === 0
        ? null
        : {
            heading: L('ov.changeTitle'),
            intro: L('ov.changeIntro'),
            table: {
              header: [L('col.village'), L('col.municipality'), L('ov.previous'), L('col.period'), L('col.overall'), L('ov.change'), L('col.level')],
              right: [false, false, true, false, true, true, false],
              rows: changed.map((r) => {
                const prev = r.previous;
                const now = r.result;
                const delta = prev && prev.scores.overall !== null && now.scores.overall !== null ? signed(round1(now.scores.overall) - round1(prev.scores.overall)) : '—';
                const level = prev ? `${levelTitle(prev, lang)} → ${levelTitle(now, lang)}` : levelTitle(now, lang);
                return [now.village, place(now), `${prev?.period ?? ''}: ${num(prev?.scores.overall ?? null)}`, now.period ?? '', num(now.scores.overall), delta, level];
              }),
            },
          },
    weakest: { heading: L('ov.weakest'), table: criteriaTable(top(5)) },
    strongest: { heading: L('ov.strongest'), table: criteriaTable(o.criteria.slice(-5).reverse()) },
    support: {
      heading: L('ov.support'),
      intro: L('ov.supportIntro'),
      actions: {
        header: [L('ov.action'), L('ov.question'), L('ov.count')],
        right: [false, false, true],
        rows: o.actions.slice(0, 10).map((a) => [t(fw.actions.get(a.id)?.text) || a.id, criterionTitle(a.criterion), String(a.villages)]),
      },
      partners: `${L('ov.partners')}: ${named(fw.partners, o.partners)}`,
      funding: `${L('ov.funding')}: ${named(fw.funding, o.funding)}`,
    },
    disagree: {
      heading: L('ov.disagree'),
      intro: L('ov.disagreeIntro'),
      table: { header: [L('ov.question'), L('ov.count')], right: [false, true], rows: o.disagreements.slice(0, 10).map((d) => [criterionTitle(d.id), String(d.villages)]) },
    },
    quality: {
      heading: L('ov.quality'),
      facts: {
        header: ['', ''],
        right: [false, true],
        rows: [
          [L('ov.files'), String(intake.files)],
          [L('ov.sets'), String(intake.inputs)],
          [L('ov.rejected'), String(intake.rejected)],
          [L('ov.duplicates'), String(intake.duplicates)],
          [L('ov.outside'), String(intake.outside)],
          [L('ov.skipped'), String(intake.skipped.length)],
          [L('ov.warnings'), String(intake.warnings)],
        ],
      },
      problems: {
        header: [L('ov.file'), L('ov.errors'), L('ov.first')],
        right: [false, true, false],
        rows: intake.problems.map((p) => [p.file, String(p.errors), p.first]),
      },
    },
  };
}
