import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../src/core/framework.js';
import { answersSchema } from '../../src/schema/answers.js';
import { criteriaSchema, type CriteriaFile } from '../../src/schema/criteria.js';
import { AJV_OPTIONS } from '../../src/schema/options.js';
import { answersSchemaFor, criteriaSchemaFor } from '../../src/schema/specific.js';

// A small German + English framework on a 1–5 scale with every kind of id reference.
const t = (s: string) => ({ de: `${s} (de)`, en: s });
const file = (): CriteriaFile => ({
  schema: 'village-kit/criteria@1',
  id: 'dorf',
  version: '1.0',
  languages: ['de', 'en'],
  title: t('Village'),
  scale: { min: 1, max: 5, labels: Object.fromEntries([1, 2, 3, 4, 5].map((s) => [String(s), t(`step ${s}`)])) },
  pillars: [
    {
      id: 'p',
      title: t('Pillar'),
      criteria: [
        {
          id: 'a',
          title: t('Plan'),
          question: { de: 'Gibt es einen Plan?', en: 'Is there a plan?' },
          levels: { 1: t('none'), 5: t('adopted') },
          examples: ['ex'],
          actions: [
            { id: 'first', text: t('Start'), below: 3, partners: ['lag'], funding: ['leader'] },
            { id: 'second', text: t('Go on'), after: ['first'] },
          ],
        },
        { id: 'b', title: t('People'), question: { de: 'Machen alle mit?', en: 'Does everyone join?' } },
      ],
    },
  ],
  partners: [{ id: 'lag', name: t('LAG') }],
  funding: [{ id: 'leader', name: t('LEADER') }],
  examples: [{ id: 'ex', name: t('Example'), text: t('Done there') }],
  levels: [{ id: 'smart', rules: { criteria_min: { 'p.a': 3 } } }, { id: 'start', rules: {} }],
});

const ajv = new Ajv({ ...AJV_OPTIONS });
const fw = buildFramework(file());
const criteria = ajv.compile(criteriaSchemaFor(fw));
const answers = ajv.compile(answersSchemaFor(fw));

type Edit = (f: CriteriaFile) => void;
const edited = (edit: Edit): unknown => {
  const f = file();
  edit(f);
  return f;
};
const crit = (f: CriteriaFile) => f.pillars[0]!.criteria[0]!;
const action = (f: CriteriaFile, i: number) => crit(f).actions![i]!;

describe('criteriaSchemaFor', () => {
  it('accepts the framework it was made from, and is a draft-07 schema with its own $id', () => {
    expect(criteria(file()), JSON.stringify(criteria.errors)).toBe(true);
    const s = criteriaSchemaFor(fw);
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(s.$id).toBe('https://smart-village-kit.invalid/schema/criteria.dorf.schema.json');
  });

  it('leaves the general schema as it was', () => {
    criteriaSchemaFor(fw);
    expect(criteriaSchema.properties.title.propertyNames).toBeDefined();
    expect(criteriaSchema.properties.pillars.items.properties.criteria.items.properties.examples.items).not.toHaveProperty('enum');
  });

  const cases: [string, Edit, string][] = [
    ['a text without en', (f) => delete f.title.en, 'required'],
    ['a text in a language the framework does not have', (f) => (f.partners![0]!.name.lv = 'x'), 'additionalProperties'],
    ['a rubric text without de', (f) => delete crit(f).levels![5]!.de, 'required'],
    ['an unknown partner', (f) => (action(f, 0).partners = ['lga']), 'enum'],
    ['an unknown funding route', (f) => (action(f, 0).funding = ['leadr']), 'enum'],
    ['an unknown example', (f) => (crit(f).examples = ['exx']), 'enum'],
    ['an unknown action in after', (f) => (action(f, 1).after = ['frist']), 'enum'],
    ['below above the scale', (f) => (action(f, 0).below = 6), 'maximum'],
    ['below at the bottom of the scale', (f) => (action(f, 0).below = 1), 'exclusiveMinimum'],
    ['a rubric step off the scale', (f) => (crit(f).levels![0] = t('zero')), 'enum'],
    ['a scale label off the scale', (f) => (f.scale.labels[7] = t('seven')), 'enum'],
    ['criteria_min of an unknown criterion', (f) => (f.levels[0]!.rules.criteria_min = { 'p.c': 3 }), 'enum'],
    ['criteria_min above the scale', (f) => (f.levels[0]!.rules.criteria_min = { 'p.a': 6 }), 'maximum'],
  ];
  it.each(cases)('rejects %s', (_, edit, keyword) => {
    expect(criteria(edited(edit))).toBe(false);
    expect(criteria.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  it('allows no ids at all where the framework defines none', () => {
    const bare = file();
    delete bare.partners;
    action(bare, 0).partners = [];
    const check = new Ajv({ ...AJV_OPTIONS }).compile(criteriaSchemaFor(buildFramework(bare)));
    expect(check(bare), JSON.stringify(check.errors)).toBe(true);
    action(bare, 0).partners = ['lag'];
    expect(check(bare)).toBe(false);
  });
});

describe('answersSchemaFor', () => {
  const doc = (a: unknown, extra: Record<string, unknown> = {}) => ({ schema: 'village-kit/answers@1', framework: 'dorf', village: 'X', answers: a, ...extra });

  it('has the criterion ids as properties, each with its question in the first language as description', () => {
    type Map = { type?: string; properties: Record<string, { description: string }>; additionalProperties: unknown };
    const s = answersSchemaFor(fw) as { $id: string; properties: { answers: { anyOf: Map[] } } };
    expect(s.$id).toBe('https://smart-village-kit.invalid/schema/answers.dorf.schema.json');
    const map = s.properties.answers.anyOf.find((n) => n.type === 'object');
    expect(Object.keys(map?.properties ?? {})).toEqual(['p.a', 'p.b']);
    expect(map?.properties['p.a']?.description).toBe('Gibt es einen Plan?');
    expect(map?.additionalProperties).toBe(false);
    expect(answersSchema.properties.answers.anyOf[0]).toHaveProperty('propertyNames');
  });

  const good: [string, unknown][] = [
    ['scores on the scale', doc({ 'p.a': 1, 'p.b': 5 })],
    ['n/a, dont-know and empty', doc({ 'p.a': 'n/a', 'p.b': 'dont-know' })],
    ['null', doc({ 'p.a': null })],
    ['{ score, note }', doc({ 'p.a': { score: 4, note: 'ok' } })],
    ['a scale label as text', doc({ 'p.a': 'step 3' })],
    ['no answers yet', doc(null)],
    ['a session stopped at a criterion', doc({}, { sessions: [{ date: '2026-01-02', at: 'p.b', skipped: ['p.a'] }] })],
  ];
  it.each(good)('accepts %s', (_, data) => expect(answers(data), JSON.stringify(answers.errors)).toBe(true));

  const bad: [string, unknown][] = [
    ['an unknown criterion id', doc({ 'p.c': 3 })],
    ['a score above the scale', doc({ 'p.a': 6 })],
    ['a score below the scale', doc({ 'p.a': 0 })],
    ['a score above the scale in { score, note }', doc({ 'p.a': { score: 7, note: 'x' } })],
    ['another framework', { ...doc({}), framework: 'other' }],
    ['a session at an unknown criterion', doc({}, { sessions: [{ date: '2026-01-02', at: 'p.z' }] })],
  ];
  it.each(bad)('rejects %s', (_, data) => expect(answers(data)).toBe(false));
});
