import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { acquireLock } from '../../src/io/lock.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assess } from '../../src/commands/assess/index.js';
import { UserError } from '../../src/errors.js';
import { message } from '../../src/i18n/messages.js';
import { Interrupted, parseKeys, type Item, type KeyScreen, type Prompts } from '../../src/io/prompts.js';
import { tempDir, village } from '../helpers/cli.js';
import { fakeTerminal } from '../helpers/terminal.js';

/** What the mentor does at each prompt: a value, or a function of the choices offered. */
type Step = unknown;

function scripted(steps: Step[]): Prompts & { asked: string[]; screens: string[] } {
  const asked: string[] = [];
  const screens: string[] = [];
  const next = (message: string, items: readonly Item<unknown>[]): unknown => {
    asked.push(message);
    if (steps.length === 0) throw new Interrupted();
    const s = steps.shift();
    return typeof s === 'function' ? (s as (m: string, i: readonly Item<unknown>[]) => unknown)(message, items) : s;
  };
  return {
    asked,
    screens,
    plain: false,
    // A full screen gets its step as the keys typed (e.g. "3" "\r" "a note" "\r"), fed through the screen's own key handling.
    screen: <S, T>(ks: KeyScreen<S, T>) => {
      let state = ks.state;
      screens.push(ks.render(state, { cols: 100, rows: 40 }, false).lines.join('\n'));
      const keys = next('screen', []);
      if (typeof keys === 'object' && keys !== null) return Promise.resolve(keys as T);
      for (const k of parseKeys(String(keys))) {
        const r = ks.key(state, k);
        if ('done' in r) return Promise.resolve(r.done);
        state = r.state;
      }
      return Promise.reject(new Error(`the keys ${JSON.stringify(keys)} did not finish the screen`));
    },
    choose: <T>(message: string, items: readonly Item<T>[]) => Promise.resolve(next(message, items) as T),
    text: (message: string) => Promise.resolve(next(message, []) as string),
  };
}

/** A folder of this test's own, removed when it ends: no test depends on another's files. */
function ownDir(files: Record<string, string> = {}): ReturnType<typeof tempDir> {
  const dir = tempDir(files);
  onTestFinished(() => dir.cleanup());
  return dir;
}

/** The answers file that a session stopped after three criteria leaves (as the first test writes it). */
const STOPPED_AFTER_THREE = [
  '# Mentora sesijas atbildes (village assess)',
  'schema: village-kit/answers@1',
  'framework: smart-village-lv',
  'village: Ērgļi',
  'municipality: Madonas novads',
  'lag: null',
  'respondent: mentora sesija',
  'date: 2026-03-14',
  'language: lv',
  'answers:',
  '  strategy.vision: { score: 3, note: "Vīzija 2030" }',
  '  strategy.assets: 1',
  '  strategy.identity: { score: n/a, note: "nezinām" }',
  ...['challenges', 'cross-sector', 'data', 'funding', 'alignment', 'resilience'].map((id) => `  strategy.${id}: null`),
  ...['social', 'digital', 'connectivity', 'services', 'economy', 'agriculture', 'energy', 'learning', 'outcomes'].map((id) => `  innovation.${id}: null`),
  ...['understanding', 'involvement', 'inclusion', 'welcome', 'leadership', 'communication', 'partnerships', 'networks', 'replicability'].map(
    (id) => `  participation.${id}: null`,
  ),
  '',
].join('\n');

const io = (prompts: Prompts) => ({ interactive: true, prompts: () => Promise.resolve(prompts), clear: () => undefined });
const opts = (o: { answers?: string | undefined; village?: string | undefined; lang?: 'lv' | 'en'; criteria?: string }) => ({
  criteria: o.criteria,
  answers: o.answers,
  village: o.village,
  ui: () => o.lang ?? ('lv' as const),
  langFlag: o.lang,
});

describe('assess, driven step by step', () => {
  it('saves after every answer and stops with 130 on Ctrl-C, saying how to resume', async () => {
    const tmp = ownDir();
    const file = tmp.path('ergli.yaml');
    const prompts = scripted(['Madonas novads', '', 'Līga, Jānis', '12', '3\rVīzija 2030\r', '1\r\r', 'n\rnezinām\r']);
    const term = fakeTerminal();
    const code = await assess(opts({ answers: file, village: 'Ērgļi' }), term, io(prompts));
    expect(code).toBe(130);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('village: Ērgļi\nmunicipality: Madonas novads\nlag: null\nrespondent: null\n');
    expect(text).toMatch(/sessions:\n {2}- \{ date: \d{4}-\d\d-\d\d, start: "\d{2}:\d{2}", end: "\d{2}:\d{2}", facilitators: \[ Līga, Jānis \], present: 12, at: strategy.challenges, skipped: \[\] \}\n/);
    expect(text).toContain('  strategy.vision: { score: 3, note: "Vīzija 2030" }\n  strategy.assets: 1\n  strategy.identity: { score: n/a, note: "nezinām" }\n  strategy.challenges: null\n');
    expect(term.errors()).toContain(`Lai turpinātu:\n  village assess --answers ${file}`);
    // The digit picked the score with that value, and the key line says so.
    expect(prompts.screens[0]).toContain('0–4 vērtējums · n n/a');
    expect(village(['validate', file]).code).toBe(0);
  });

  it('resumes at the first unanswered criterion and finishes with a plan next to the answers', async () => {
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE });
    const file = tmp.path('ergli.yaml');
    let screens = 0;
    const prompts = scripted([
      '',
      '',
      (_m: string) => {
        screens++;
        return 'r';
      },
      { type: 'finish' },
      // Too few scores: the review warns before finishing.
      true,
      'md',
      'done',
    ]);
    const term = fakeTerminal();
    const code = await assess(opts({ answers: file }), term, io(prompts));
    expect(code).toBe(0);
    expect(screens).toBe(1);
    expect((prompts.screens[0] ?? '').replace(/\s+/g, ' ')).toContain('Turpinām: atbildēti 3 no 27 jautājumiem.');
    expect(prompts.screens[0]).toContain('Jautājums 4 no 27');
    expect(prompts.asked).toContain('Dažos pīlāros ir par maz vērtējumu. Tomēr pabeigt?');
    expect(readFileSync(tmp.path('ergli-plan.md'), 'utf8')).toContain('# Viedā ciema rīcības plāns: Ērgļi');
  });

  it.each([
    ['2025-03-10', true],
    ['2027-01-01', false],
  ])('with --previous dated %s the plan written at the end carries the change since last time: %s', async (date, shown) => {
    const last = STOPPED_AFTER_THREE.replace('date: 2026-03-14', `date: ${date}`).replace('strategy.assets: 1', 'strategy.assets: 0');
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE, 'last.yaml': last });
    const prompts = scripted(['', '', 'r', { type: 'finish' }, true, 'md', 'done']);
    const code = await assess({ ...opts({ answers: tmp.path('ergli.yaml') }), previous: tmp.path('last.yaml') }, fakeTerminal(), io(prompts));
    expect(code).toBe(0);
    const md = readFileSync(tmp.path('ergli-plan.md'), 'utf8');
    // A later "last time" is not compared, as `village report --previous` refuses it.
    expect(md.includes(`Kas mainījies kopš ${date}`)).toBe(shown);
  });

  it('takes a plan file as --previous, as report --previous does: its step under each question, the change in the plan', async () => {
    const last = STOPPED_AFTER_THREE.replace('date: 2026-03-14', 'date: 2025-03-10').replace('strategy.challenges: null', 'strategy.challenges: 2');
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE, 'last.yaml': last });
    expect(village(['plan', tmp.path('last.yaml'), '--out', tmp.path('plan.yaml')]).code).toBe(0);
    const prompts = scripted(['', '', 'r', { type: 'finish' }, true, 'md', 'done']);
    const code = await assess({ ...opts({ answers: tmp.path('ergli.yaml') }), previous: tmp.path('plan.yaml') }, fakeTerminal(), io(prompts));
    expect(code).toBe(0);
    expect(prompts.screens[0]).toContain('Jautājums 4 no 27');
    expect(prompts.screens[0]).toContain('Iepriekšējo reizi (2025-03-10): 2 — Aizsākts');
    expect(readFileSync(tmp.path('ergli-plan.md'), 'utf8')).toContain('Kas mainījies kopš 2025-03-10');
  });

  it('leaves a broken file or one for another framework untouched', async () => {
    const tmp = ownDir();
    const broken = tmp.path('broken.yaml');
    writeFileSync(broken, 'schema: village-kit/answers@1\nframework: other\nvillage: X\nanswers: {}\n');
    const term = fakeTerminal();
    const failure = await assess(opts({ answers: broken, lang: 'en' }), term, io(scripted([]))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(UserError);
    const { exitCode, diagnostics } = failure as UserError;
    expect(exitCode).toBe(1);
    expect(diagnostics.map((d) => `${d.file ?? ''}: ${message('en', d.code, d.params)}`).join('\n')).toContain(`${broken}: these answers are for framework "other"`);
    expect(readFileSync(broken, 'utf8')).toBe('schema: village-kit/answers@1\nframework: other\nvillage: X\nanswers: {}\n');
  });

  it('refuses to run without a terminal, before loading anything', async () => {
    await expect(
      assess(opts({ criteria: 'no-such.yaml', lang: 'en' }), fakeTerminal(), {
        interactive: false,
        prompts: () => Promise.reject(new Error('must not be called')),
        clear: () => undefined,
      }),
    ).rejects.toThrow('needs an interactive terminal');
  });
});

describe('assess keeps every answer', () => {
  it('opening a file does not rewrite it; the first save keeps comments, the date and notes without a score', async () => {
    const tmp = ownDir();
    const file = tmp.path('init.yaml');
    expect(village(['init', '--village', 'Ērgļi', '--out', file, '--lang', 'lv']).code).toBe(0);
    const original = readFileSync(file, 'utf8')
      .replace(/^date: .*$/m, 'date: 2026-03-14')
      .replace('strategy.assets: null', 'strategy.assets: { score: null, note: "Jāprecizē ar pašvaldību" }');
    writeFileSync(file, original);
    // Opened and stopped at once: not a byte changes.
    expect(await assess(opts({ answers: file }), fakeTerminal(), io(scripted(['', ''])))).toBe(130);
    expect(readFileSync(file, 'utf8')).toBe(original);
    // One answer: only that line changes, plus the session record at the end.
    const prompts = scripted(['', '', '2\rpirmā\r']);
    expect(await assess(opts({ answers: file }), fakeTerminal(), io(prompts))).toBe(130);
    // The note without a score is shown on its criterion.
    expect(prompts.screens[1]).toContain('Līdzšinējā atbilde: nav atbildēts');
    expect(prompts.screens[1]).toContain('Jāprecizē ar pašvaldību');
    const after = readFileSync(file, 'utf8');
    const comments = (t: string): string[] => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(original));
    expect(after).toContain('date: 2026-03-14\n');
    expect(after).toContain('strategy.assets: { score: null, note: "Jāprecizē ar pašvaldību" }');
    expect(village(['validate', file]).code).toBe(0);
  });

  it('takes in answers another writer saved meanwhile, and asks about a criterion both changed', async () => {
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE });
    const file = tmp.path('ergli.yaml');
    const other = (text: string): string =>
      text.replace('strategy.data: null', 'strategy.data: { score: 4, note: "B: dati" }').replace('strategy.challenges: null', 'strategy.challenges: 1');
    const prompts = scripted([
      '',
      '',
      // While this session is on strategy.challenges, another writer saves two answers to the same file.
      () => {
        writeFileSync(file, other(readFileSync(file, 'utf8')));
        return '3\rA: aptauja\r';
      },
      // strategy.challenges was changed by both: keep ours.
      (m: string) => {
        expect(m).toContain('Iedzīvotāju vajadzības un izaicinājumi');
        return 'ours';
      },
    ]);
    expect(await assess(opts({ answers: file }), fakeTerminal(), io(prompts))).toBe(130);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('strategy.data: { score: 4, note: "B: dati" }');
    expect(text).toContain('strategy.challenges: { score: 3, note: "A: aptauja" }');
    expect(text).toContain('strategy.vision: { score: 3, note: "Vīzija 2030" }');
  });

  it('a failed save keeps the session: retry, then save to another file with every answer', async () => {
    const tmp = ownDir();
    const file = tmp.path('ergli.yaml');
    const elsewhere = tmp.path('usb/ergli.yaml');
    const prompts = scripted([
      '',
      '',
      '',
      '',
      '3\rpirmā\r',
      // The disk goes away: the file can no longer be written (here: a folder now stands in its place).
      () => {
        rmSync(file);
        mkdirSync(file);
        return '2\rotrā\r';
      },
      'retry',
      'elsewhere',
      elsewhere,
      '1\rtrešā\r',
    ]);
    const term = fakeTerminal();
    expect(await assess(opts({ answers: file, village: 'Ērgļi' }), term, io(prompts))).toBe(130);
    expect(prompts.asked.filter((m) => m === 'Atbildi neizdevās saglabāt. Failā paliek iepriekšējais saturs.')).toHaveLength(2);
    const text = readFileSync(elsewhere, 'utf8');
    expect(text).toContain('strategy.vision: { score: 3, note: "pirmā" }');
    expect(text).toContain('strategy.assets: { score: 2, note: "otrā" }');
    expect(text).toContain('strategy.identity: { score: 1, note: "trešā" }');
    expect(term.errors()).toContain(`village assess --answers ${elsewhere}`);
  });

  it('a second session on the same file is stopped, saying who holds it', async () => {
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE });
    const file = tmp.path('ergli.yaml');
    const first = acquireLock(file);
    expect(first.ok).toBe(true);
    onTestFinished(() => (first.ok ? first.release() : undefined));
    const prompts = scripted(['', '', (m: string) => (expect(m).toContain(`process ${process.pid}`), false)]);
    const failure = await assess(opts({ answers: file }), fakeTerminal(), io(prompts)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).message).toContain(`${file} ir atvērts citā sesijā`);
    expect(readFileSync(file, 'utf8')).toBe(STOPPED_AFTER_THREE);
  });
});
