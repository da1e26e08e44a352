import type { CriteriaFile } from '../schema/criteria.js';

export type Text = Readonly<Record<string, string>>;
export type Timeframe = 'short' | 'medium' | 'long';
export type Effort = 'low' | 'medium' | 'high';

export interface Action {
  id: string;
  text: Text;
  /** Recommend while the (mean) raw score is below this. */
  below: number;
  timeframe: Timeframe | null;
  partners: string[];
  /** Actions (ids) that come first. */
  after: string[];
  effort: Effort | null;
  /** Funding routes (ids of `Framework.funding`). */
  funding: string[];
  /** An observable sign that it is done. */
  doneWhen: Text | null;
}

export interface Criterion {
  /** Full id: `pillar.criterion`. */
  id: string;
  localId: string;
  pillarId: string;
  title: Text;
  question: Text;
  help: Text | null;
  weight: number;
  levels: ReadonlyMap<number, Text>;
  /** Earlier wordings of the question or title, matched in spreadsheet headers. */
  aliases: string[];
  actions: Action[];
  examples: string[];
}

export interface Pillar {
  id: string;
  title: Text;
  description: Text | null;
  weight: number;
  criteria: Criterion[];
}

export interface Rules {
  overall_min?: number;
  pillar_min?: number;
  pillars_min_count?: { count: number; min: number };
  criteria_min?: Readonly<Record<string, number>>;
}

export interface Level {
  id: string;
  title: Text | null;
  description: Text | null;
  rules: Rules;
}

export interface Named {
  id: string;
  name: Text;
  text: Text | null;
  url: string | null;
}

export interface Scale {
  min: number;
  max: number;
  labels: ReadonlyMap<number, Text>;
  /** Earlier wordings of the labels, per step, matched in spreadsheet cells. */
  aliases: ReadonlyMap<number, readonly string[]>;
}

/** A validated criteria framework with defaults applied and lookups built. */
export interface Framework {
  id: string;
  version: string;
  languages: string[];
  title: Text;
  description: Text | null;
  scale: Scale;
  coverageMin: number;
  pillars: Pillar[];
  criteria: ReadonlyMap<string, Criterion>;
  partners: ReadonlyMap<string, Named>;
  funding: ReadonlyMap<string, Named>;
  examples: ReadonlyMap<string, Named>;
  /** Every action by id, with its criterion. */
  actions: ReadonlyMap<string, Action & { criterion: string }>;
  levels: Level[];
}

export const DEFAULT_COVERAGE_MIN = 0.5;
/** The level given when a pillar has too little data; built in, not part of any framework. */
export const INCOMPLETE = 'incomplete';
/** The level given when no level's rules hold (a framework without a fallback level). */
export const UNPLACED = 'none';

const steps = (m: Readonly<Record<string, Text>> | undefined): Map<number, Text> =>
  new Map(Object.entries(m ?? {}).map(([k, v]) => [Number(k), v]));

/**
 * Builds the indexed framework from a criteria file that passed schema and semantic checks
 * (`checkFramework`). Pure.
 */
export function buildFramework(file: CriteriaFile): Framework {
  const scale: Scale = {
    min: file.scale.min,
    max: file.scale.max,
    labels: steps(file.scale.labels),
    aliases: new Map(Object.entries(file.scale.aliases ?? {}).map(([k, v]) => [Number(k), v])),
  };
  const criteria = new Map<string, Criterion>();
  const pillars: Pillar[] = file.pillars.map((p) => {
    const list = p.criteria.map((c): Criterion => {
      const criterion: Criterion = {
        id: `${p.id}.${c.id}`,
        localId: c.id,
        pillarId: p.id,
        title: c.title,
        question: c.question,
        help: c.help ?? null,
        weight: c.weight ?? 1,
        levels: steps(c.levels),
        aliases: c.aliases ?? [],
        actions: (c.actions ?? []).map((a) => ({
          id: a.id,
          text: a.text,
          below: a.below ?? scale.max,
          timeframe: a.timeframe ?? null,
          partners: a.partners ?? [],
          after: a.after ?? [],
          effort: a.effort ?? null,
          funding: a.funding ?? [],
          doneWhen: a.done_when ?? null,
        })),
        examples: c.examples ?? [],
      };
      criteria.set(criterion.id, criterion);
      return criterion;
    });
    return { id: p.id, title: p.title, description: p.description ?? null, weight: p.weight ?? 1, criteria: list };
  });
  const named = (xs: readonly { id: string; name: Text; text?: Text; url?: string }[] | undefined) =>
    new Map((xs ?? []).map((x) => [x.id, { id: x.id, name: x.name, text: x.text ?? null, url: x.url ?? null }]));
  return {
    id: file.id,
    version: file.version,
    languages: [...file.languages],
    title: file.title,
    description: file.description ?? null,
    scale,
    coverageMin: file.coverage_min ?? DEFAULT_COVERAGE_MIN,
    pillars,
    criteria,
    partners: named(file.partners),
    funding: named(file.funding),
    examples: named(file.examples),
    actions: new Map([...criteria.values()].flatMap((c) => c.actions.map((a) => [a.id, { ...a, criterion: c.id }] as const))),
    levels: file.levels.map((l) => ({
      id: l.id,
      title: l.title ?? null,
      description: l.description ?? null,
      rules: l.rules,
    })),
  };
}

/** Picks a text in `lang`, falling back to the framework's first language, then to any. */
export function pick(text: Text | null | undefined, lang: string, fallback?: string): string {
  if (!text) return '';
  return text[lang] ?? (fallback !== undefined ? text[fallback] : undefined) ?? Object.values(text)[0] ?? '';
}

/** A function that picks every text of a framework in `lang` (falling back to its first language). */
export const translator =
  (fw: Framework, lang: string) =>
  (text: Text | null | undefined): string =>
    pick(text, lang, fw.languages[0]);

/** The scale's width, max − min. */
export const span = (scale: Scale): number => scale.max - scale.min;
