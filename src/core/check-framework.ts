import type { CriteriaFile } from '../schema/criteria.js';
import { error, warning, type Diagnostic, type PathSegment } from './diagnostic.js';
import { INCOMPLETE, UNPLACED, type Text } from './framework.js';
import { suggest } from './suggest.js';

type Path = PathSegment[];

/** The most steps a scale may have: every step needs a label, and no survey asks more finely. */
export const MAX_SCALE_STEPS = 100;

/**
 * The checks of a criteria file that a JSON Schema cannot express (docs/formats.md): ids unique,
 * every text in every language, steps and thresholds on the scale, references resolved,
 * a fallback level. Expects a file that passed the schema. Pure.
 */
export function checkFramework(file: CriteriaFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { min, max } = file.scale;
  const scaleOk = min < max && max - min <= MAX_SCALE_STEPS;
  if (min >= max) out.push(error('crit.scaleOrder', { min, max }, ['scale', 'max']));
  else if (!scaleOk) out.push(error('crit.scaleTooLarge', { min, max, limit: MAX_SCALE_STEPS }, ['scale', 'max']));

  checkTexts(file, out);

  if (scaleOk) {
    for (let s = min; s <= max; s++) {
      if (!Object.hasOwn(file.scale.labels, String(s))) out.push(error('crit.labelMissing', { step: s }, ['scale', 'labels']));
    }
    checkSteps(file.scale.labels, ['scale', 'labels'], min, max, out);
    checkSteps(file.scale.aliases ?? {}, ['scale', 'aliases'], min, max, out);
  }

  unique(file.pillars, ['pillars'], 'pillar', out);
  unique(file.partners ?? [], ['partners'], 'partner', out);
  unique(file.examples ?? [], ['examples'], 'example', out);
  unique(file.funding ?? [], ['funding'], 'funding', out);
  unique(file.levels, ['levels'], 'level', out);

  const partnerIds = new Set((file.partners ?? []).map((p) => p.id));
  const exampleIds = new Set((file.examples ?? []).map((e) => e.id));
  const fundingIds = new Set((file.funding ?? []).map((f) => f.id));
  const criterionIds = new Set<string>();

  file.pillars.forEach((pillar, pi) => {
    const pPath: Path = ['pillars', pi];
    unique(pillar.criteria, [...pPath, 'criteria'], 'criterion', out);
    pillar.criteria.forEach((c, ci) => {
      const cPath: Path = [...pPath, 'criteria', ci];
      criterionIds.add(`${pillar.id}.${c.id}`);
      if (c.levels && scaleOk) checkSteps(c.levels, [...cPath, 'levels'], min, max, out);
      unique(c.actions ?? [], [...cPath, 'actions'], 'action', out);
      (c.actions ?? []).forEach((a, ai) => {
        const aPath: Path = [...cPath, 'actions', ai];
        if (a.below !== undefined && scaleOk && (a.below <= min || a.below > max)) {
          out.push(error('crit.belowOutOfRange', { below: a.below, min, max }, [...aPath, 'below']));
        }
        (a.partners ?? []).forEach((id, i) => {
          if (!partnerIds.has(id)) {
            out.push(error('crit.unknownPartner', { id, suggestion: suggest(id, partnerIds) }, [...aPath, 'partners', i]));
          }
        });
        (a.funding ?? []).forEach((id, i) => {
          if (!fundingIds.has(id)) {
            out.push(error('crit.unknownFunding', { id, suggestion: suggest(id, fundingIds) }, [...aPath, 'funding', i]));
          }
        });
      });
      (c.examples ?? []).forEach((id, i) => {
        if (!exampleIds.has(id)) {
          out.push(error('crit.unknownExample', { id, suggestion: suggest(id, exampleIds) }, [...cPath, 'examples', i]));
        }
      });
    });
  });

  checkLevels(file, criterionIds, out);
  checkAfter(file, out);
  return out;
}

/** `after` names actions that exist, once each in the framework, and never in a circle. */
function checkAfter(file: CriteriaFile, out: Diagnostic[]): void {
  const owners = new Map<string, string[]>();
  const after = new Map<string, { ids: readonly string[]; path: Path }>();
  file.pillars.forEach((p, pi) =>
    p.criteria.forEach((c, ci) =>
      (c.actions ?? []).forEach((a, ai) => {
        owners.set(a.id, [...(owners.get(a.id) ?? []), `${p.id}.${c.id}`]);
        if (a.after) after.set(a.id, { ids: a.after, path: ['pillars', pi, 'criteria', ci, 'actions', ai, 'after'] });
      }),
    ),
  );
  const known = new Set(owners.keys());
  for (const { ids, path } of after.values()) {
    ids.forEach((id, i) => {
      const by = owners.get(id);
      if (!by) out.push(error('crit.unknownAction', { id, suggestion: suggest(id, known) }, [...path, i]));
      else if (by.length > 1) out.push(error('crit.ambiguousAction', { id, criteria: by.join(', ') }, [...path, i]));
    });
  }
  // Depth-first search for a circle of `after`; each circle is reported once, at its first action.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'open');
    for (const next of after.get(id)?.ids ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(next)), id, next];
        out.push(error('crit.actionCycle', { cycle: cycle.join(' → ') }, after.get(next)?.path ?? []));
      } else if (!state.has(next) && after.has(next)) {
        visit(next, [...trail, id]);
      }
    }
    state.set(id, 'done');
  };
  for (const id of after.keys()) if (!state.has(id)) visit(id, []);
}

function checkLevels(file: CriteriaFile, criterionIds: Set<string>, out: Diagnostic[]): void {
  const { min, max } = file.scale;
  let fallback: string | undefined;
  file.levels.forEach((level, li) => {
    const lPath: Path = ['levels', li];
    if (level.id === INCOMPLETE || level.id === UNPLACED) out.push(error('crit.reservedLevel', { id: level.id }, [...lPath, 'id']));
    if (fallback !== undefined) out.push(warning('crit.unreachableLevel', { id: level.id, by: fallback }, [...lPath, 'id']));
    const rules = level.rules;
    const count = rules.pillars_min_count?.count;
    if (count !== undefined && count > file.pillars.length) {
      out.push(error('crit.countTooLarge', { count, pillars: file.pillars.length }, [...lPath, 'rules', 'pillars_min_count', 'count']));
    }
    for (const [id, value] of Object.entries(rules.criteria_min ?? {})) {
      const path: Path = [...lPath, 'rules', 'criteria_min', id];
      if (!criterionIds.has(id)) {
        out.push(error('crit.unknownCriterion', { id, suggestion: suggest(id, criterionIds) }, path, 'key'));
      } else if (value < min || value > max) {
        out.push(error('crit.criteriaMinOutOfRange', { value, min, max }, path));
      }
    }
    if (fallback === undefined && Object.keys(rules).length === 0) fallback = level.id;
  });
  if (fallback === undefined) out.push(warning('crit.noFallback', {}, ['levels', file.levels.length - 1, 'rules']));
}

function checkSteps(map: Readonly<Record<string, unknown>>, path: Path, min: number, max: number, out: Diagnostic[]): void {
  for (const key of Object.keys(map)) {
    const step = Number(key);
    if (step < min || step > max) out.push(error('crit.stepOutOfRange', { step, min, max }, [...path, key], 'key'));
  }
}

function unique(items: readonly { id: string }[], path: Path, kind: string, out: Diagnostic[]): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) {
      first.set(item.id, i);
    } else {
      const d = error('crit.duplicateId', { kind, id: item.id }, [...path, i, 'id']);
      d.related = [...path, at, 'id'];
      out.push(d);
    }
  });
}

/** Every text must carry every framework language; other languages are ignored with a warning. */
function checkTexts(file: CriteriaFile, out: Diagnostic[]): void {
  const languages = file.languages;
  const list = languages.join(', ');
  const visit = (text: Text | undefined, path: Path): void => {
    if (!text) return;
    for (const lang of languages) {
      if (!Object.hasOwn(text, lang)) out.push(error('crit.missingLanguage', { lang, languages: list }, path));
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) out.push(warning('crit.extraLanguage', { lang, languages: list }, [...path, lang], 'key'));
    }
  };
  const visitSteps = (m: Readonly<Record<string, Text>> | undefined, path: Path): void => {
    for (const [k, v] of Object.entries(m ?? {})) visit(v, [...path, k]);
  };
  visit(file.title, ['title']);
  visit(file.description, ['description']);
  visitSteps(file.scale.labels, ['scale', 'labels']);
  file.pillars.forEach((p, pi) => {
    visit(p.title, ['pillars', pi, 'title']);
    visit(p.description, ['pillars', pi, 'description']);
    p.criteria.forEach((c, ci) => {
      const cPath: Path = ['pillars', pi, 'criteria', ci];
      visit(c.title, [...cPath, 'title']);
      visit(c.question, [...cPath, 'question']);
      visit(c.help, [...cPath, 'help']);
      visitSteps(c.levels, [...cPath, 'levels']);
      (c.actions ?? []).forEach((a, ai) => {
        visit(a.text, [...cPath, 'actions', ai, 'text']);
        visit(a.done_when, [...cPath, 'actions', ai, 'done_when']);
      });
    });
  });
  (file.partners ?? []).forEach((p, i) => visit(p.name, ['partners', i, 'name']));
  (file.funding ?? []).forEach((f, i) => {
    visit(f.name, ['funding', i, 'name']);
    visit(f.text, ['funding', i, 'text']);
  });
  (file.examples ?? []).forEach((e, i) => {
    visit(e.name, ['examples', i, 'name']);
    visit(e.text, ['examples', i, 'text']);
  });
  file.levels.forEach((l, i) => {
    visit(l.title, ['levels', i, 'title']);
    visit(l.description, ['levels', i, 'description']);
  });
}
