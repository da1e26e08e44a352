import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../src/core/framework.js';
import type { Response } from '../../src/core/answers.js';
import { columnLetter, gridInner, intakeMap, looseKey, mapHeader, noteBase, parseCell, parseDateCell, textKey, type Column } from '../../src/core/csv-map.js';
import { DEFAULT_INTAKE, Intake, type IntakeOptions } from '../../src/core/intake.js';
import { csvWords } from '../../src/i18n/csv-words.js';

// The words of every bundled catalogue (header names, n/a, don't know, survey-tool columns), as io/responses.ts passes them.
const W = csvWords();
import type { Framework } from '../../src/core/framework.js';
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

const kind = (c: Column): string =>
  c.kind === 'meta' ? c.field : c.kind === 'system' ? `system:${c.role}` : c.kind === 'criterion' || c.kind === 'note' ? `${c.kind}:${c.criterion.id}` : c.kind;

/** Runs rows through an Intake as the CSV and xlsx readers do (header on line 1). */
function take(header: string[], rows: string[][], opts: Partial<IntakeOptions> = {}, framework: Framework = fw) {
  const out: Response[] = [];
  const intake = new Intake(framework, 's.csv', { ...DEFAULT_INTAKE, words: W, ...opts }, (r) => out.push(r));
  intake.header(header, 1);
  rows.forEach((r, i) => intake.row(r, i + 2));
  intake.finish();
  const codes = intake.diagnostics.map((d) => [d.code, d.line, d.column]);
  return { out, diagnostics: intake.diagnostics, codes, summary: intake.summary };
}

describe('CSV header mapping', () => {
  it('knows no language of its own: without the catalogues\' words only the field names, n/a and LimeSurvey codes are read', () => {
    const { columns } = mapHeader(['village', 'Ciems', 'Timestamp', 'submitdate'], fw);
    expect(columns.map(kind)).toEqual(['village', 'unknown', 'unknown', 'system:submitted']);
    const vision = fw.criteria.get('strategy.vision')!;
    expect([parseCell('n/a', vision, fw), parseCell('nezinu', vision, fw), parseCell('nezinu', vision, fw, undefined, W)]).toEqual(['n/a', undefined, 'dont-know']);
  });

  it('reads a German export with the German catalogue\'s words', () => {
    const { columns } = mapHeader(['Zeitstempel', 'Dorf', 'Gemeinde', 'strategy.vision Anmerkung'], fw, [], undefined, W);
    expect(columns.map(kind)).toEqual(['system:date', 'village', 'municipality', 'note:strategy.vision']);
    expect(parseCell('weiß nicht', fw.criteria.get('strategy.vision')!, fw, undefined, W)).toBe('dont-know');
  });

  it('matches answer columns in Latvian or English and criteria by id, question or title in any language', () => {
    const { columns, diagnostics } = mapHeader(
      ['Ciems', 'Respondent', 'DATUMS', 'Novads', 'VRG', ' vai ciemam ir KOPĪGA vīzija? ', 'strategy.assets', 'Criterion vision', 'strategy.vision piezīme'],
      fw,
      [],
      undefined,
      W,
    );
    expect(diagnostics).toEqual([]);
    expect(columns.map(kind)).toEqual([
      'village', 'respondent', 'date', 'municipality', 'lag', 'criterion:strategy.vision', 'criterion:strategy.assets', 'criterion:people.vision', 'note:strategy.vision',
    ]);
  });

  it('compares after NFC and case-folding', () => {
    expect(textKey('  KOPI\u0304GA   vi\u0304zija ')).toBe(textKey('kopīga vīzija'));
  });

  it('reads a Google Forms grid header "Section [Criterion]"', () => {
    const { columns } = mapHeader(['village', 'Stratēģija [Kopīga vīzija]'], fw, [], undefined, W);
    expect(columns[1]).toMatchObject({ kind: 'criterion', criterion: { id: 'strategy.vision' } });
  });

  it("knows survey tools' columns: dates and completion flags are kept, the rest skipped without a word; --ignore-column silently", () => {
    const header = ['Timestamp', 'village', 'Consent', 'Start time', 'Completion time', 'Email', 'Response ID', 'Date submitted', 'Last page', 'submitdate', 'lastpage', 'Laika zīmogs'];
    const { columns, diagnostics } = mapHeader(header, fw, ['consent'], undefined, W);
    expect(columns.map(kind)).toEqual([
      'system:date', 'village', 'ignored', 'ignored', 'system:date', 'ignored', 'ignored', 'system:submitted', 'system:lastpage', 'system:submitted', 'system:lastpage', 'system:date',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('leaves a column that matches nothing for the intake to judge, with a suggestion', () => {
    const { columns, diagnostics } = mapHeader(['village', 'strategy.vison', 'Komentāri'], fw, [], undefined, W);
    expect(columns.slice(1)).toEqual([
      { kind: 'unknown', header: 'strategy.vison', suggestion: 'strategy.vision' },
      { kind: 'unknown', header: 'Komentāri', suggestion: undefined },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('rejects duplicate and ambiguous columns and a missing village column, naming the column', () => {
    const amb = buildFramework({ ...file, pillars: [...file.pillars, { ...file.pillars[1]!, id: 'more' }] });
    const { diagnostics } = mapHeader(['strategy.vison', 'strategy.vision', 'Kopīga vīzija', 'Criterion vision'], amb, [], undefined, W);
    expect(diagnostics.map((d) => [d.code, d.column, d.params.letter])).toEqual([
      ['csv.duplicateColumn', 3, 'C'],
      ['csv.ambiguousColumn', 4, 'D'],
      ['csv.noVillageColumn', undefined, undefined],
    ]);
  });

  it.each([
    ['1. Vai ciemam ir kopīga vīzija?', 'numbering'],
    ['Vai ciemam ir kopīga vīzija *', 'a required-question star, no "?"'],
    ['VAI CIEMAM IR KOPIGA VIZIJA', 'case and lost diacritics'],
    ['Stratēģija [2) Kopīga vīzija:]', 'inside a grid header'],
  ])('accepts a near match %j (%s) with a warning naming the criterion', (header) => {
    const { columns, diagnostics } = mapHeader(['village', header], fw, [], undefined, W);
    expect(kind(columns[1]!)).toBe('criterion:strategy.vision');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'csv.nearMatch', column: 2, params: expect.objectContaining({ id: 'strategy.vision' }) as object })]);
  });

  it('reads LimeSurvey\'s "Question code & question text" headings without a word', () => {
    const { columns, diagnostics } = mapHeader(['CIEMS. Ciems', 'G1Q01. Vai ciemam ir kopīga vīzija?', 'G1Q02. strategy.assets'], fw, [], undefined, W);
    expect(columns.map(kind)).toEqual(['village', 'criterion:strategy.vision', 'criterion:strategy.assets']);
    expect(diagnostics).toEqual([]);
  });

  it('maps columns by a map file first: village, ignore and criteria by the export\'s own headers', () => {
    const map = intakeMap({ columns: { 'Kuru ciemu Jūs pārstāvat?': 'village', G1Q01: 'strategy.vision', Timestamp: 'ignore', Vecums: 'ignore' } });
    const { columns, diagnostics } = mapHeader(['Timestamp', 'Kuru ciemu jūs pārstāvat?', 'g1q01', 'Vecums'], fw, [], map, W);
    expect(columns.map(kind)).toEqual(['ignored', 'village', 'criterion:strategy.vision', 'ignored']);
    expect(diagnostics).toEqual([]);
  });

  it('reads headers of 100,000 adversarial characters in linear time (no backtracking)', () => {
    const started = Date.now();
    for (const h of ['['.repeat(100_000), `${'- '.repeat(50_000)}x note`, `${' '.repeat(100_000)}x`, `a${' .'.repeat(50_000)}piezīme)`, `${'1'.repeat(100_000)}. `]) {
      expect(() => mapHeader(['village', h], fw, [], undefined, W)).not.toThrow();
      noteBase(h, W.note);
      gridInner(h);
      looseKey(h);
    }
    // a generous bound: the quadratic versions took minutes on these
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it.each([
    ['Vision note', 'Vision'],
    ['Kopīga vīzija (piezīmes)', 'Kopīga vīzija'],
    ['strategy.vision – comment', 'strategy.vision'],
    ['Visionnote', undefined],
    ['Vision', undefined],
  ])('note header %j -> %j', (h, base) => {
    expect(noteBase(h, W.note)).toBe(base);
  });

  it.each([
    ['Stratēģija [Kopīga vīzija]', 'Kopīga vīzija'],
    ['a [b] [c]', 'c'],
    ['[x', undefined],
    ['[]', undefined],
  ])('grid header %j -> %j', (h, inner) => {
    expect(gridInner(h)).toBe(inner);
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
  ])('column %i is %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
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
    ['nav attiecināms', 'n/a'],
    ['Not applicable', 'n/a'],
    // #14b: "don't know" is its own answer now, no longer n/a.
    ['Nezinu', 'dont-know'],
    ['nav  zināms', 'dont-know'],
    ['Don’t know', 'dont-know'],
    ['dont-know', 'dont-know'],
  ])('%j -> %j', (cell, expected) => {
    expect(parseCell(cell, vision, fw, undefined, W)).toBe(expected);
  });

  it.each(['0', '6', '2,5', '2.5', '3.5', '1-2', '2:3', '3 5', '2 - 3', 'trīs', '9 – x'])('%j is not a score', (cell) => {
    expect(parseCell(cell, vision, fw, undefined, W)).toBeUndefined();
  });

  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14 10:22:11', '2026-03-14'],
    ['14.03.2026', '2026-03-14'],
    ['4.3.2026.', '2026-03-04'],
    ['31.02.2026', undefined],
    ['2026/05/18 9:02:11 AM GMT+3', '2026-05-18'],
    ['3/14/2026 10:22', '2026-03-14'],
    ['14/3/2026', '2026-03-14'],
    ['2026-05-18 09:02:11', '2026-05-18'],
    ['Komentārs', undefined],
  ])('date %j -> %j', (cell, expected) => {
    expect(parseDateCell(cell)).toBe(expected);
  });
});

describe('CSV rows (the intake)', () => {
  const header = ['village', 'date', 'strategy.vision', 'strategy.vision note', 'strategy.assets'];

  it('makes a response with notes', () => {
    const { out, diagnostics } = take(header, [['Ērgļi', '14.03.2026', '4', 'Pieņemta 2025. gadā', 'n/a']]);
    expect(diagnostics).toEqual([]);
    expect(out[0]).toMatchObject({ village: 'Ērgļi', date: '2026-03-14', source: 's.csv:2' });
    expect([...out[0]!.answers]).toEqual([
      ['strategy.vision', { score: 4, note: 'Pieņemta 2025. gadā' }],
      ['strategy.assets', { score: 'n/a', note: null }],
    ]);
    expect(out[0]!.answers.get('people.vision')).toBeUndefined();
  });

  it('leaves out a bad cell only: the rest of the row is kept, and the summary counts it', () => {
    const { out, codes, summary } = take(header, [['Ērgļi', '', '7', '', '3']]);
    expect(codes).toEqual([['csv.cellDropped', 2, 3]]);
    expect(out[0]!.answers.get('strategy.vision')).toBeUndefined();
    expect(out[0]!.answers.get('strategy.assets')?.score).toBe(3);
    expect(summary).toMatchObject({ rows: 1, read: 1, rejected: 0, cellsDropped: 1 });
  });

  it('rejects the whole row for a bad cell with --strict, and a row with no village always', () => {
    const strict = take(header, [['Ērgļi', '', '3.5', '', '3']], { strict: true });
    expect(strict.codes).toEqual([['csv.badCell', 2, 3]]);
    expect(strict.summary).toMatchObject({ rows: 1, read: 0, rejected: 1 });
    const empty = take(header, [['  ', '', '3', '', '']]);
    expect(empty.codes).toEqual([['csv.emptyVillage', 2, 1]]);
  });

  it('keeps the row but warns about a date it cannot read', () => {
    const { out, diagnostics } = take(header, [['Ērgļi', 'vakar', '3', '', '']]);
    expect(out[0]?.date).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'csv.badDate', column: 2 })]);
  });

  it('takes trailing empty cells, and rejects a row with more filled cells than the header', () => {
    const ok = take(header, [['Ērgļi', '', '3', '', '', '', '']]);
    expect(ok.summary).toMatchObject({ read: 1, rejected: 0 });
    expect(take(header, [['Ērgļi', '', '3', '', '', 'extra']]).codes).toEqual([['csv.rowLength', 2, 6]]);
  });

  it("drops LimeSurvey's incomplete responses (empty submitdate) and empty rows with one warning, and dates rows by the tool's date", () => {
    const { out, codes, summary } = take(
      ['id', 'submitdate', 'lastpage', 'village', 'strategy.vision'],
      [['1', '2026-05-18 10:00:00', '3', 'Nīca', '3'], ['2', '', '1', 'Nīca', '1'], ['3', '2026-05-19 10:00:00', '3', 'Nīca', '']],
    );
    expect(out.map((r) => r.date)).toEqual(['2026-05-18']);
    expect(summary).toMatchObject({ rows: 3, read: 1, incomplete: 2 });
    expect(codes).toEqual([['csv.incomplete', 1, 1]]);
  });

  it('ignores columns that hold no scores with one warning per file, and names a score-like one with its likely criterion', () => {
    const { codes, diagnostics, summary } = take(
      ['village', 'strategy.vision', 'Komentāri', 'Vecums', 'strategy.asets', ''],
      [['Ērgļi', '3', 'labi', '45', '2', ''], ['Ērgļi', '2', '', '61', '4', '']],
    );
    expect(codes).toEqual([['csv.unknownScoreColumn', 1, 5], ['csv.ignoredColumns', 1, 3]]);
    expect(diagnostics[0]?.params).toMatchObject({ letter: 'E', suggestion: 'strategy.assets' });
    expect(summary.columnsIgnored).toEqual(['Komentāri', 'Vecums']);
  });

  it('reads answer codes and a 1–5 export through a map (values are not shifted, numbers are)', () => {
    const map = intakeMap({ values: { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5, '-oth-': 'n/a' }, offset: 0 });
    expect(take(header, [['Ērgļi', '', 'A3', '', '-oth-']], { map }).out[0]!.answers.get('strategy.vision')?.score).toBe(3);
    const shifted = take(header, [['Ērgļi', '', '5', '', '2']], { map: intakeMap({ offset: -1 }) }).out[0]!;
    expect([shifted.answers.get('strategy.vision')?.score, shifted.answers.get('strategy.assets')?.score]).toEqual([4, 1]);
  });

  it('warns that the scale may be shifted when the scores never hold the minimum but reach one above the maximum', () => {
    const zero = buildFramework(criteriaFile({ min: 0, max: 4, pillars: { strategy: ['vision', 'assets'] } }));
    const { codes, diagnostics } = take(['village', 'strategy.vision', 'strategy.assets'], [['A', '1', '5'], ['A', '2', '3']], {}, zero);
    expect(codes).toContainEqual(['csv.scaleShifted', 1, 1]);
    expect(diagnostics.find((d) => d.code === 'csv.scaleShifted')?.params).toMatchObject({ low: 1, high: 5, offset: -1 });
    expect(take(['village', 'strategy.vision'], [['A', '0'], ['A', '4']], {}, zero).codes).toEqual([]);
  });

  it('caps repeated diagnostics of one kind with a count', () => {
    const rows = Array.from({ length: 3000 }, () => ['Ērgļi', '', 'A3', '', 'A3']);
    const { diagnostics, summary } = take(header, rows);
    expect(diagnostics.filter((d) => d.code === 'csv.cellDropped')).toHaveLength(5);
    expect(diagnostics.find((d) => d.code === 'csv.moreLikeThis')?.params.count).toBe(5995);
    expect(summary).toMatchObject({ rows: 3000, read: 0, rejected: 3000, cellsDropped: 6000 });
  });
});

describe('earlier wordings (aliases) keep old spreadsheets readable', () => {
  const old = criteriaFile({ min: 0, max: 4, pillars: { strategy: ['vision', 'assets'] } });
  old.pillars[0]!.criteria[0]!.aliases = ['Vai ciemam ir vīzija?', 'Vision (2025)'];
  old.scale.aliases = { 4: ['Paraugs citiem', 'A model for others'] };
  const aliased = buildFramework(old);
  const v = aliased.criteria.get('strategy.vision')!;

  it('match a header written with an earlier question or title', () => {
    const { columns, diagnostics } = mapHeader(['village', ' vai ciemam ir VĪZIJA? ', 'Vision (2025) piezīme'], aliased, [], undefined, W);
    expect(diagnostics).toEqual([]);
    expect(columns.map((c) => (c.kind === 'criterion' || c.kind === 'note' ? `${c.kind}:${c.criterion.id}` : c.kind))).toEqual([
      'meta', 'criterion:strategy.vision', 'note:strategy.vision',
    ]);
  });

  it('read a cell written with an earlier scale label, and nothing else', () => {
    expect([parseCell('Paraugs citiem', v, aliased, undefined, W), parseCell('a model for OTHERS', v, aliased, undefined, W), parseCell('Paraugs', v, aliased, undefined, W)]).toEqual([4, 4, undefined]);
  });
});

describe('intake without notes (notes: false)', () => {
  const head = ['village', 'strategy.vision', 'strategy.vision note', 'strategy.assets note'];
  const rows = [
    ['A', '3', 'seen at the meeting', ''],
    ['B', '', '', 'only a note'],
    ['C', '2', '', ''],
    ['D', '', '', ''],
  ];
  const plain = (r: Response) => [r.village, [...r.answers.entries()].map(([id, a]) => [id, a.score, a.note])];

  it('reads the same rows, with each answer as it would be without its note', () => {
    const kept = take(head, rows);
    const dropped = take(head, rows, { notes: false });
    expect(dropped.summary).toEqual(kept.summary);
    expect(dropped.codes).toEqual(kept.codes);
    const withoutNote = (r: Response) => [r.village, [...r.answers.entries()].map(([id, a]) => [id, a.score, null])];
    expect(dropped.out.map(plain)).toEqual(kept.out.map(withoutNote));
    expect(kept.out.map((r) => r.answers.get('strategy.assets')?.note ?? null)).toEqual([null, 'only a note', null]);
    expect(kept.out).toHaveLength(3);
  });
});
