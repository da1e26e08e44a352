import { INCOMPLETE, UNPLACED, translator, type Framework } from '../core/framework.js';
import type { ActionProgress, CriterionDelta, Progress } from '../core/progress.js';
import { round1 } from '../core/round.js';
import { fill, labelsFor, localeOf, uiLangFor, type LabelKey } from '../i18n/messages.js';

/** "What changed since last time", in one language: the Markdown partial and the PDF draw it. */
export interface ProgressView {
  heading: string;
  intro: string;
  thenLabel: string;
  nowLabel: string;
  thenDate: string;
  nowDate: string;
  levelLine: string;
  levelChanged: boolean;
  overall: DeltaView;
  /** Empty when the criteria are the same; else what changed and what is compared. */
  frameworkNote: string;
  added: string;
  removed: string;
  pillars: (DeltaView & { id: string; title: string; note: string })[];
  /** Questions whose answer moved, was answered for the first time, or is no longer scored. */
  criteria: CriterionChangeView[];
  newlyAnswered: string[];
  unchanged: string;
  /** The first steps, and every other action someone has started, finished, dropped, or that is gone. */
  actions: ActionStatusView[] | null;
  /** "12 later actions not started yet." when some are left out of `actions`. */
  actionsRest: string;
  /** The comparison as data, for `--format json`. */
  data: Progress;
}

export interface DeltaView {
  then: string;
  now: string;
  /** "+8.3", "−2", "0", or "" when not comparable. */
  delta: string;
  thenValue: number | null;
  nowValue: number | null;
  comparable: boolean;
}

export interface CriterionChangeView {
  id: string;
  title: string;
  pillar: string;
  change: CriterionDelta['change'];
  then: string;
  now: string;
  delta: string;
  thenRubric: string;
  nowRubric: string;
}

export interface ActionStatusView {
  id: string;
  text: string;
  criterion: string;
  criterionId: string;
  status: string;
  statusId: string;
  owner: string;
  due: string;
  note: string;
  known: boolean;
  /** The status beside its criterion's change: "done, and Digital solutions rose from 1 to 3". */
  sentence: string;
}

/** The actions of a plan file, for `report --plan`: who, by when, status. */
export interface PlanFileView {
  heading: string;
  intro: string;
  rows: ActionStatusView[];
  gone: ActionStatusView[];
}

function words(fw: Framework, lang: string) {
  const ui = uiLangFor(lang);
  const L = labelsFor(ui);
  const t = translator(fw, lang);
  const num = new Intl.NumberFormat(localeOf(ui), { maximumFractionDigits: 1 });
  const fmt = (x: number | null): string => (x === null ? '—' : num.format(round1(x)));
  const signed = (x: number | null): string => {
    if (x === null) return '';
    const r = round1(x);
    return r > 0 ? `+${num.format(r)}` : r < 0 ? `−${num.format(-r)}` : '0';
  };
  const criterionTitle = (id: string): string => t(fw.criteria.get(id)?.title) || id;
  const levelTitle = (id: string): string => {
    if (id === INCOMPLETE) return L['level.incomplete'];
    if (id === UNPLACED) return L['level.none'];
    return t(fw.levels.find((x) => x.id === id)?.title) || id;
  };
  return { L, t, fmt, signed, criterionTitle, levelTitle };
}

/** The status of each planned action in words, beside its criterion's change when there is one. */
function actionViews(actions: readonly ActionProgress[], fw: Framework, lang: string): ActionStatusView[] {
  const { L, fmt, criterionTitle } = words(fw, lang);
  return actions.map((a) => {
    const c = a.criterionChange;
    const p = { criterion: criterionTitle(a.criterion), from: fmt(c?.then ?? null), to: fmt(c?.now ?? null) };
    let key: LabelKey = `status.${a.status}`;
    if (!a.known) key = 'progress.gone';
    else if (c) {
      if (a.status === 'done') key = c.change === 'up' ? 'progress.doneUp' : c.change === 'newly-answered' ? 'progress.doneNew' : 'progress.doneNoChange';
      else if (a.status === 'doing') key = c.change === 'up' ? 'progress.doingUp' : 'progress.doing';
      else key = a.status === 'planned' ? 'progress.planned' : 'progress.dropped';
    }
    return {
      id: a.id,
      text: a.text,
      criterion: criterionTitle(a.criterion),
      criterionId: a.criterion,
      status: L[`status.${a.status}`],
      statusId: a.status,
      owner: a.owner,
      due: a.due,
      note: a.note,
      known: a.known,
      sentence: fill(L[key], p),
    };
  });
}

/** A plan file's actions in words (`report --plan`). */
export function planFileView(actions: readonly ActionProgress[], file: string, fw: Framework, lang: string): PlanFileView {
  const { L } = words(fw, lang);
  const rows = actionViews(actions, fw, lang);
  const counts = (['done', 'doing', 'planned', 'dropped'] as const)
    .map((s) => [s, rows.filter((r) => r.statusId === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${L[`status.${s}`]}: ${n}`);
  return {
    heading: L['planfile.heading'],
    intro: fill(L['planfile.intro'], { file, summary: counts.join(', ') }),
    rows: rows.filter((r) => r.known),
    gone: rows.filter((r) => !r.known),
  };
}

/** What changed since the earlier assessment, in `lang`. */
export function progressView(progress: Progress, fw: Framework, lang: string): ProgressView {
  const { L, t, fmt, signed, criterionTitle, levelTitle } = words(fw, lang);
  const thenDate = progress.then.date ?? '—';
  const nowDate = progress.now.date ?? '—';
  const delta = (d: { then: number | null; now: number | null; delta: number | null; comparable: boolean }): DeltaView => ({
    then: fmt(d.then),
    now: fmt(d.now),
    delta: d.comparable ? signed(d.delta) : '',
    thenValue: d.then,
    nowValue: d.now,
    comparable: d.comparable,
  });
  const stepText = (raw: number | null, step: number | null): string =>
    raw === null || step === null ? L['report.unanswered'] : `${fmt(raw)} — ${t(fw.scale.labels.get(step))}`;
  const moved = progress.criteria.filter((c) => c.change !== 'same' && c.change !== 'unanswered');
  const shared = progress.criteria.length;
  const shown = progress.actions?.filter((a) => a.list === 'first_steps' || a.status !== 'planned' || !a.known) ?? null;
  const rest = (progress.actions?.length ?? 0) - (shown?.length ?? 0);
  return {
    heading: fill(L['progress.heading'], { date: thenDate }),
    intro: fill(L['progress.intro'], { date: thenDate }),
    thenLabel: fill(L['progress.then'], { date: thenDate }),
    nowLabel: fill(L['progress.now'], { date: nowDate }),
    thenDate,
    nowDate,
    levelLine: progress.level.changed
      ? fill(L['progress.levelChanged'], { then: levelTitle(progress.level.then), now: levelTitle(progress.level.now) })
      : fill(L['progress.levelSame'], { now: levelTitle(progress.level.now) }),
    levelChanged: progress.level.changed,
    overall: delta(progress.overall),
    frameworkNote: progress.frameworkChanged
      ? fill(L['progress.frameworkChanged'], {
          then: `${progress.then.framework.id} ${progress.then.framework.version}`,
          now: `${progress.now.framework.id} ${progress.now.framework.version}`,
          count: shared,
        })
      : '',
    added: progress.added.length > 0 ? fill(L['progress.added'], { list: progress.added.map(criterionTitle).join('; ') }) : '',
    removed: progress.removed.length > 0 ? fill(L['progress.removed'], { list: progress.removed.join('; ') }) : '',
    pillars: progress.pillars.map((p) => ({
      id: p.id,
      title: t(fw.pillars.find((x) => x.id === p.id)?.title) || p.id,
      ...delta(p),
      note: p.comparable
        ? ''
        : p.shared
          ? `${L['progress.notComparable']}; ${fill(L['progress.shared'], { count: p.shared.count, then: fmt(p.shared.then), now: fmt(p.shared.now) })}`
          : L['progress.notComparable'],
    })),
    criteria: moved.map((c) => {
      const def = fw.criteria.get(c.id);
      return {
        id: c.id,
        title: criterionTitle(c.id),
        pillar: t(fw.pillars.find((x) => x.id === c.pillar)?.title),
        change: c.change,
        then: stepText(c.then, c.thenStep),
        now: stepText(c.now, c.nowStep),
        delta: signed(c.delta),
        thenRubric: c.thenStep === null ? '' : t(def?.levels.get(c.thenStep)),
        nowRubric: c.nowStep === null ? '' : t(def?.levels.get(c.nowStep)),
      };
    }),
    newlyAnswered: progress.newlyAnswered.map(criterionTitle),
    unchanged: fill(L['progress.unchanged'], { count: shared - moved.length }),
    actions: shown ? actionViews(shown, fw, lang) : null,
    actionsRest: rest > 0 ? fill(L['progress.laterPlanned'], { count: rest }) : '',
    data: progress,
  };
}
