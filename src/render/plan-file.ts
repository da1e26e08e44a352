import { Document, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { discussId, type PlanList } from '../core/plan-file.js';
import { round1OrNull, round2 } from '../core/round.js';
import { fill, type LabelKey } from '../i18n/messages.js';
import type { PlanView } from './plan-view.js';
import { wrap } from './wrap.js';

/** One action as a plan file holds it: the kit's recommendation plus the community's fields. */
export interface PlanFileItem {
  id: string;
  criterion: string;
  text: string;
  owner: string;
  due: string;
  status: 'planned';
  done_when: string;
  funding: string[];
  note: string;
}

/** The plan's actions as plan file items: the first steps (talks included) and the later actions. */
export function planFileItems(plan: PlanView): Record<PlanList, PlanFileItem[]> {
  const item = (id: string, criterion: string, text: string, doneWhen: string, funding: string[]): PlanFileItem => ({
    id,
    criterion,
    text,
    owner: '',
    due: '',
    status: 'planned',
    done_when: doneWhen,
    funding,
    note: '',
  });
  return {
    first_steps: plan.firstSteps.map((s) =>
      item(s.action?.id ?? discussId(s.criterionId), s.criterionId, s.text, s.doneWhen, s.funding),
    ),
    later: plan.later.flatMap((g) => g.timeframes.flatMap((t) => t.actions.map((a) => item(a.id, a.criterionId, a.text, a.doneWhen, a.funding)))),
  };
}

const FIELD_COMMENTS: LabelKey[] = [
  'planfile.id',
  'planfile.criterion',
  'planfile.text',
  'planfile.owner',
  'planfile.due',
  'planfile.status',
  'planfile.doneWhen',
  'planfile.funding',
  'planfile.note',
];

/** A comment block: each line wrapped and led by a space (yaml writes the `#`). */
const comment = (text: string): string => wrap(text, 96).split('\n').map((l) => ` ${l}`).join('\n');

function keyOf(map: YAMLMap, key: string): Scalar | undefined {
  const pair = map.items.find((p: Pair) => (p.key as Scalar | undefined)?.value === key);
  return pair?.key as Scalar | undefined;
}

/**
 * A new plan file for the village (docs/formats.md, "Plan file"): the assessment it came from and
 * every recommended action with empty owner and due, status planned, and comments in the plan's
 * language saying what each field is for.
 */
export function planFileYaml(plan: PlanView): string {
  const L = plan.labels;
  const items = planFileItems(plan);
  const data = {
    schema: 'village-kit/plan@1',
    framework: { id: plan.framework.id, version: plan.framework.version },
    village: plan.village,
    municipality: plan.municipality,
    lag: plan.lag,
    language: plan.lang,
    assessment: {
      date: plan.date,
      level: plan.level.id,
      overall: round1OrNull(plan.overall),
      respondents: plan.respondents,
      pillars: Object.fromEntries(plan.pillars.map((p) => [p.id, round1OrNull(p.score)])),
      criteria: Object.fromEntries(plan.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c.raw === null ? null : round2(c.raw)]))),
    },
    first_steps: items.first_steps,
    later: items.later,
  };
  const doc = new Document(data);
  doc.commentBefore = comment(fill(L['planfile.header'], { village: plan.village, date: plan.date }));
  const root = doc.contents as YAMLMap;
  const say = (key: string, label: LabelKey): void => {
    const k = keyOf(root, key);
    if (k) k.commentBefore = comment(L[label]);
  };
  say('assessment', 'planfile.assessment');
  say('first_steps', 'planfile.firstSteps');
  say('later', 'planfile.later');
  // Compact maps for the scores: one line each, out of the way.
  const assessment = doc.get('assessment', true) as YAMLMap;
  for (const key of ['pillars', 'criteria']) {
    const node = assessment.get(key, true) as Node & { flow?: boolean };
    if (key === 'pillars') node.flow = true;
  }
  // The fields explained once, above the first action.
  const firstList = items.first_steps.length > 0 ? 'first_steps' : 'later';
  const seq = doc.get(firstList, true);
  if (isSeq(seq) && seq.items[0]) (seq.items[0] as Node).commentBefore = FIELD_COMMENTS.map((k) => ` ${L[k]}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/**
 * Adds actions to a plan file a person may have edited, through the document itself so every
 * comment, quote and value they wrote stays as it was. Returns the new text.
 */
export function addToPlanFile(doc: Document, added: { list: PlanList; item: PlanFileItem }[]): string {
  for (const { list, item } of added) {
    const seq = doc.get(list, true);
    if (isSeq(seq)) seq.items.push(doc.createNode(item));
    else doc.set(list, doc.createNode([item]));
  }
  return doc.toString({ lineWidth: 0 });
}
