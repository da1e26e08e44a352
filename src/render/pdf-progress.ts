import type { PlanView } from './plan-view.js';
import { COLOR, FONT, type Cell, type Layout } from './pdf-layout.js';

/** "What changed since last time" (`report --previous`), drawn on the first page under the title. */
export function progressBlock(l: Layout, plan: PlanView): void {
  const p = plan.progress;
  if (!p) return;
  const L = plan.labels;
  const { doc } = l;
  l.heading(p.heading, 14);
  l.paragraph(p.intro, { size: 9.5, color: COLOR.muted });
  const overall = `${p.overall.then} → ${p.overall.now}${p.overall.delta ? ` (${p.overall.delta})` : ''}${p.overall.comparable ? '' : ` (${L['progress.notComparable']})`}`;
  l.bullets(
    [
      { lead: `${L['progress.level']}:`, text: p.levelLine },
      { lead: `${L['col.overall']}:`, text: overall },
    ],
    { size: 10 },
  );
  if (p.frameworkNote) l.paragraph([p.frameworkNote, p.added, p.removed].filter(Boolean).join('\n'), { size: 9, color: COLOR.muted });
  l.table(
    [
      { header: L['report.pillar'], width: 0.34 },
      { header: p.thenLabel, width: 0.2 },
      { header: p.nowLabel, width: 0.2 },
      { header: L['progress.change'], width: 0.26, align: 'right' },
    ],
    p.pillars.map((x): Cell[] => [x.title, { bar: x.thenValue, text: x.then }, { bar: x.nowValue, text: x.now }, x.comparable ? x.delta : x.note]),
  );
  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.text).text(L['progress.criteria'], l.left, doc.y, { width: l.width });
  l.space(3);
  if (p.criteria.length === 0) l.paragraph(L['progress.criteriaNone'], { size: 9.5 });
  else
    l.table(
      [
        { header: L['report.criterion'], width: 0.28 },
        { header: L['progress.thenStep'], width: 0.32 },
        { header: L['progress.nowStep'], width: 0.32 },
        { header: '±', width: 0.08, align: 'right' },
      ],
      p.criteria.map((c): Cell[] => [`${c.title}\n${c.pillar}`, `${c.then}\n${c.thenRubric}`, `${c.now}\n${c.nowRubric}`, c.delta]),
      { size: 8.5 },
    );
  l.paragraph(p.unchanged, { size: 9, color: COLOR.muted });
  if (p.newlyAnswered.length > 0) l.paragraph(`${L['progress.newlyAnswered']}: ${p.newlyAnswered.join('; ')}`, { size: 9.5 });
  if (p.actions && p.actions.length > 0) {
    doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.text).text(L['progress.actions'], l.left, doc.y, { width: l.width });
    l.space(3);
    l.bullets(
      p.actions.map((a) => ({ lead: a.text, text: `(${a.criterion}${a.owner ? ` · ${a.owner}` : ''}${a.due ? ` · ${a.due}` : ''}): ${a.sentence}` })),
      { size: 9 },
    );
    if (p.actionsRest) l.paragraph(p.actionsRest, { size: 9, color: COLOR.muted });
  }
}

/** The community's plan file (`report --plan`): who, by when, status, note. */
export function planFileBlock(l: Layout, plan: PlanView): void {
  const f = plan.planFile;
  if (!f) return;
  const L = plan.labels;
  l.heading(f.heading, 14);
  l.paragraph(f.intro, { size: 9.5, color: COLOR.muted });
  const rows = [
    ...f.rows.map((r): Cell[] => [`${r.text}\n${r.criterion}`, r.owner, r.due, r.status, r.note]),
    ...f.gone.map((r): Cell[] => [`${r.text}\n${r.criterionId}`, r.owner, r.due, `${r.status}\n${L['planfile.gone']}`, r.note]),
  ];
  l.table(
    [
      { header: L['planfile.action'], width: 0.42 },
      { header: L['planfile.ownerCol'], width: 0.16 },
      { header: L['planfile.dueCol'], width: 0.12 },
      { header: L['planfile.statusCol'], width: 0.12 },
      { header: L['planfile.noteCol'], width: 0.18 },
    ],
    rows,
    { size: 8.5 },
  );
}
