import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../src/core/framework.js';
import { mapHeader, parseCell, parseDateCell, rowToResponse, textKey } from '../../src/core/csv-map.js';
import { csvWords } from '../../src/i18n/csv-words.js';

// The words of every bundled catalogue, as io/csv.ts passes them.
const W = csvWords();
import { criteriaFile } from '../helpers/framework.js';

const file = criteriaFile({ min: 1, max: 5, pillars: { strategy: ['vision', 'assets'], people: ['vision'] } });
file.languages = ['lv', 'en'];
file.scale.labels = {
  1: { lv: 'Vēl nav', en: 'Not yet' },
  2: { lv: 'Idejas līmenī', en: 'Ideas only' },
  3: { lv: 'Aizsākts', en: 'Started' },
  4: { lv: 'Darbojas', en: 'Established' },
  5: { lv: 'Paraugs citiem', en: 'A model' },
};
file.pillars[0]!.criteria[0]!.question = { lv: 'Vai ciemam ir kopīga vīzija?', en: 'Is there a shared vision?' };
file.pillars[0]!.criteria[0]!.title = { lv: 'Kopīga vīzija', en: 'Shared vision' };
file.pillars[0]!.criteria[0]!.levels = { 4: { lv: 'Vīzija ir pierakstīta.', en: 'The vision is written.' } };
const fw = buildFramework(file);
const vision = fw.criteria.get('strategy.vision')!;

describe('CSV header mapping', () => {
  it('matches answer columns in Latvian or English and criteria by id, question or title in any language', () => {
    const { columns, diagnostics } = mapHeader(
      ['Ciems', 'Respondent', 'DATUMS', 'Novads', 'VRG', ' vai ciemam ir KOPĪGA vīzija? ', 'strategy.assets', 'Criterion vision', 'strategy.vision piezīme'],
      fw,
      [],
      W,
    );
    expect(diagnostics).toEqual([]);
    expect(columns.map((c) => (c.kind === 'meta' ? c.field : c.kind === 'ignored' ? 'ignored' : `${c.kind}:${c.criterion.id}`))).toEqual([
      'village', 'respondent', 'date', 'municipality', 'lag', 'criterion:strategy.vision', 'criterion:strategy.assets', 'criterion:people.vision', 'note:strategy.vision',
    ]);
  });

  it('compares after NFC and case-folding', () => {
    expect(textKey('  KOPI\u0304GA   vi\u0304zija ')).toBe(textKey('kopīga vīzija'));
  });

  it('reads a Google Forms grid header "Section [Criterion]"', () => {
    const { columns } = mapHeader(['village', 'Stratēģija [Kopīga vīzija]'], fw, [], W);
    expect(columns[1]).toMatchObject({ kind: 'criterion', criterion: { id: 'strategy.vision' } });
  });

  it('ignores survey-tool columns with a note, and --ignore-column ones silently', () => {
    const { columns, diagnostics } = mapHeader(['Timestamp', 'village', 'Consent'], fw, ['consent'], W);
    expect(columns.map((c) => c.kind)).toEqual(['ignored', 'meta', 'ignored']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'csv.ignoredColumn', column: 1 })]);
  });

  it('rejects unknown, duplicate and ambiguous columns and a missing village column, naming the column', () => {
    const amb = buildFramework({ ...file, pillars: [...file.pillars, { ...file.pillars[1]!, id: 'more' }] });
    const { diagnostics } = mapHeader(['strategy.vison', 'strategy.vision', 'Kopīga vīzija', 'Criterion vision'], amb, [], W);
    expect(diagnostics.map((d) => [d.code, d.column, d.params.suggestion])).toEqual([
      ['csv.unknownColumn', 1, 'strategy.vision'],
      ['csv.duplicateColumn', 3, undefined],
      ['csv.ambiguousColumn', 4, undefined],
      ['csv.noVillageColumn', undefined, undefined],
    ]);
  });
});

describe('CSV cells', () => {
  it.each([
    ['3', 3],
    [' 4 ', 4],
    ['3,0', 3],
    ['3.0', 3],
    ['4 – Darbojas', 4],
    ['2. Idejas līmenī', 2],
    ['Darbojas', 4],
    ['A MODEL', 5],
    ['Vīzija ir pierakstīta.', 4],
    ['', null],
    ['n/a', 'n/a'],
    ['N/A', 'n/a'],
    ['Nezinu', 'n/a'],
    ['nav attiecināms', 'n/a'],
    ['Don’t know', 'n/a'],
  ])('%j -> %j', (cell, expected) => {
    expect(parseCell(cell, vision, fw, W)).toBe(expected);
  });

  it.each(['0', '6', '2,5', '2.5', '3.5', '1-2', '2:3', '3 5', '2 - 3', 'trīs', '9 – x'])('%j is not a score', (cell) => {
    expect(parseCell(cell, vision, fw, W)).toBeUndefined();
  });

  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14 10:22:11', '2026-03-14'],
    ['14.03.2026', '2026-03-14'],
    ['4.3.2026.', '2026-03-04'],
    ['31.02.2026', undefined],
    ['3/14/2026', undefined],
  ])('date %j -> %j', (cell, expected) => {
    expect(parseDateCell(cell)).toBe(expected);
  });
});

describe('CSV rows', () => {
  const { columns } = mapHeader(['village', 'date', 'strategy.vision', 'strategy.vision note', 'strategy.assets'], fw, [], W);

  it('makes a response with notes', () => {
    const { response, diagnostics } = rowToResponse(['Ērgļi', '14.03.2026', '4', 'Pieņemta 2025. gadā', 'n/a'], columns, fw, 's.csv:2', W);
    expect(diagnostics).toEqual([]);
    expect(response).toMatchObject({ village: 'Ērgļi', date: '2026-03-14', source: 's.csv:2' });
    expect([...response!.answers]).toEqual([
      ['strategy.vision', { score: 4, note: 'Pieņemta 2025. gadā' }],
      ['strategy.assets', { score: 'n/a', note: null }],
    ]);
  });

  it('rejects a row with a bad cell or no village, naming the column', () => {
    const bad = rowToResponse(['Ērgļi', '', '7', '', ''], columns, fw, 's.csv:3', W);
    expect(bad.response).toBeNull();
    expect(bad.diagnostics).toEqual([expect.objectContaining({ code: 'csv.badCell', column: 3, params: expect.objectContaining({ value: '7' }) as object })]);
    const empty = rowToResponse(['  ', '', '3', '', ''], columns, fw, 's.csv:4', W);
    expect(empty.diagnostics.map((d) => [d.code, d.column])).toEqual([['csv.emptyVillage', 1]]);
  });

  it('keeps the row but warns about a date it cannot read', () => {
    const r = rowToResponse(['Ērgļi', '3/14/2026', '3', '', ''], columns, fw, 's.csv:5', W);
    expect(r.response?.date).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'csv.badDate', column: 2 })]);
  });

  it('rejects a row with more cells than the header', () => {
    expect(rowToResponse(['Ērgļi', '', '3', '', '', 'extra'], columns, fw, 's.csv:6', W).diagnostics[0]?.code).toBe('csv.rowLength');
  });
});

describe('earlier wordings (aliases) keep old spreadsheets readable', () => {
  const old = criteriaFile({ min: 0, max: 4, pillars: { strategy: ['vision', 'assets'] } });
  old.pillars[0]!.criteria[0]!.aliases = ['Vai ciemam ir vīzija?', 'Vision (2025)'];
  old.scale.aliases = { 4: ['Paraugs citiem', 'A model for others'] };
  const aliased = buildFramework(old);
  const v = aliased.criteria.get('strategy.vision')!;

  it('match a header written with an earlier question or title', () => {
    const { columns, diagnostics } = mapHeader(['village', ' vai ciemam ir VĪZIJA? ', 'Vision (2025) piezīme'], aliased, [], W);
    expect(diagnostics).toEqual([]);
    expect(columns.map((c) => (c.kind === 'criterion' || c.kind === 'note' ? `${c.kind}:${c.criterion.id}` : c.kind))).toEqual([
      'meta', 'criterion:strategy.vision', 'note:strategy.vision',
    ]);
  });

  it('read a cell written with an earlier scale label, and nothing else', () => {
    expect([parseCell('Paraugs citiem', v, aliased), parseCell('a model for OTHERS', v, aliased), parseCell('Paraugs', v, aliased)]).toEqual([4, 4, undefined]);
  });
});
