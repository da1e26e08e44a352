import type { DoneInterval } from '../core/history.js';
import { INCOMPLETE, UNPLACED, translator, type Framework } from '../core/framework.js';
import type { Snapshot } from '../core/plan-file.js';
import { round1 } from '../core/round.js';
import { fill, labelsFor, localeOf, uiLangFor, type LabelKey } from '../i18n/messages.js';
import { escapeMarkdown } from './escape.js';
import { width } from './table.js';

/** A village's assessments in one language: the table, the chart and the actions done between them. */
export interface HistoryView {
  lang: string;
  labels: Record<LabelKey, string>;
  village: string;
  title: string;
  intro: string;
  framework: { id: string; version: string; title: string };
  pillars: { id: string; title: string }[];
  rows: { date: string; level: string; overall: number | null; overallText: string; pillars: (number | null)[]; pillarTexts: string[]; respondents: number | null }[];
  /** Between which assessments the criteria changed (pillar scores computed over different questions). */
  notes: string[];
  done: { heading: string; items: string[] }[];
  thresholds: { title: string; score: number }[];
}

/** Puts a village's history into `lang`. Snapshots oldest first, all scored with `fw` unless a plan file's says otherwise. */
export function historyView(snapshots: readonly Snapshot[], done: readonly DoneInterval[], fw: Framework, lang: string): HistoryView {
  const ui = uiLangFor(lang);
  const L = labelsFor(ui);
  const t = translator(fw, lang);
  const num = new Intl.NumberFormat(localeOf(ui), { maximumFractionDigits: 1 });
  const fmt = (x: number | null): string => (x === null ? '—' : num.format(round1(x)));
  const levelTitle = (id: string): string =>
    id === INCOMPLETE ? L['level.incomplete'] : id === UNPLACED ? L['level.none'] : t(fw.levels.find((l) => l.id === id)?.title) || id;
  const village = snapshots[snapshots.length - 1]?.village ?? '';
  const notes: string[] = [];
  snapshots.forEach((s, i) => {
    const prev = snapshots[i - 1];
    if (!prev) return;
    const a = [...prev.criteria.keys()].sort().join();
    const b = [...s.criteria.keys()].sort().join();
    if (a !== b || prev.framework.version !== s.framework.version) {
      notes.push(fill(L['history.frameworkChanged'], { then: `${prev.date ?? '—'} (${prev.framework.version})`, now: `${s.date ?? '—'} (${s.framework.version})` }));
    }
  });
  return {
    lang,
    labels: L,
    village,
    title: `${L['history.title']}: ${village}`,
    intro: fill(L['history.intro'], { village }),
    framework: { id: fw.id, version: fw.version, title: t(fw.title) },
    pillars: fw.pillars.map((p) => ({ id: p.id, title: t(p.title) })),
    rows: snapshots.map((s) => {
      const pillars = fw.pillars.map((p) => s.pillars.get(p.id) ?? null);
      return {
        date: s.date ?? '—',
        level: levelTitle(s.level),
        overall: s.overall,
        overallText: fmt(s.overall),
        pillars,
        pillarTexts: pillars.map(fmt),
        respondents: s.respondents,
      };
    }),
    notes,
    done: done.map((d) => ({
      heading: d.to ? fill(L['history.doneBetween'], { from: d.from, to: d.to }) : fill(L['history.doneAfter'], { from: d.from }),
      items: d.actions.map((a) => `${a.text ?? a.id}${a.owner ? ` (${a.owner})` : ''}`),
    })),
    thresholds: fw.levels.flatMap((l) => {
      const score = l.rules.pillar_min ?? l.rules.pillars_min_count?.min;
      return score === undefined ? [] : [{ title: t(l.title) || l.id, score }];
    }),
  };
}

/** The history as a plain-text table for the terminal. */
export function historyTable(view: HistoryView): string {
  const L = view.labels;
  const header = [L['history.assessment'], L['col.level'], L['col.overall'], ...view.pillars.map((p) => p.id)];
  const rows = view.rows.map((r) => [r.date, r.level, r.overallText, ...r.pillarTexts]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i >= 2 ? ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))) + c : c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line), ...view.notes].join('\n')}\n`;
}

/** The history as Markdown: the table and the actions done between the assessments. */
export function historyMarkdown(view: HistoryView, version: string): string {
  const L = view.labels;
  const e = escapeMarkdown;
  const out = [`# ${e(view.title)}`, '', e(view.intro), ''];
  out.push(`## ${e(L['history.table'])}`, '');
  out.push(`| ${[L['history.assessment'], L['col.level'], L['col.overall'], ...view.pillars.map((p) => p.title)].map(e).join(' | ')} |`);
  out.push(`|---|---|${view.pillars.map(() => '--:|').join('')}--:|`);
  for (const r of view.rows) out.push(`| ${[r.date, r.level, r.overallText, ...r.pillarTexts].map(e).join(' | ')} |`);
  out.push('');
  for (const n of view.notes) out.push(`> ${e(n)}`, '');
  out.push(`## ${e(L['history.done'])}`, '');
  if (view.done.length === 0) out.push(e(L['history.noneDone']), '');
  for (const d of view.done) {
    out.push(`**${e(d.heading)}**`, '');
    for (const i of d.items) out.push(`- ${e(i)}`);
    out.push('');
  }
  out.push('---', '', `${e(L['report.framework'])}: ${view.framework.id} ${view.framework.version} · ${e(L['report.footer'])} ${version}`);
  return `${out.join('\n')}\n`;
}
