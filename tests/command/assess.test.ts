import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assess } from '../../src/commands/assess/index.js';
import { UserError } from '../../src/errors.js';
import { message } from '../../src/i18n/messages.js';
import { Interrupted, type Item, type Prompts } from '../../src/io/prompts.js';
import { tempDir, village } from '../helpers/cli.js';
import { fakeTerminal } from '../helpers/terminal.js';

/** What the mentor does at each prompt: a value, or a function of the choices offered. */
type Step = unknown;

function scripted(steps: Step[]): Prompts & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string, items: readonly Item<unknown>[]): unknown => {
    asked.push(message);
    if (steps.length === 0) throw new Interrupted();
    const s = steps.shift();
    return typeof s === 'function' ? (s as (m: string, i: readonly Item<unknown>[]) => unknown)(message, items) : s;
  };
  return {
    asked,
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
const score = (n: number) => ({ kind: 'score', score: n });

describe('assess, driven step by step', () => {
  it('saves after every answer and stops with 130 on Ctrl-C, saying how to resume', async () => {
    const tmp = ownDir();
    const file = tmp.path('ergli.yaml');
    const prompts = scripted(['Madonas novads', '', 'mentora sesija', score(3), 'Vīzija 2030', score(1), '', { kind: 'na' }, 'nezinām']);
    const term = fakeTerminal();
    const code = await assess({ criteria: undefined, answers: file, village: 'Ērgļi', lang: 'lv', langFlag: undefined }, term, io(prompts));
    expect(code).toBe(130);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('village: Ērgļi\nmunicipality: Madonas novads\nlag: null\nrespondent: mentora sesija\n');
    expect(text).toContain('  strategy.vision: { score: 3, note: "Vīzija 2030" }\n  strategy.assets: 1\n  strategy.identity: { score: n/a, note: "nezinām" }\n  strategy.challenges: null\n');
    expect(term.errors()).toContain(`Lai turpinātu: village assess --answers ${file}`);
    // The definitions the mentor reads aloud open a new session.
    expect(term.output().replace(/\s+/g, ' ')).toContain('Kas ir Viedais ciems? Eiropas Komisijas pilotprojekta (2018–2019) definīcija');
    expect(village(['validate', file]).code).toBe(0);
  });

  it('resumes at the first unanswered criterion and finishes with a plan next to the answers', async () => {
    const tmp = ownDir({ 'ergli.yaml': STOPPED_AFTER_THREE });
    const file = tmp.path('ergli.yaml');
    let screens = 0;
    const prompts = scripted([
      (_m: string) => {
        screens++;
        return { kind: 'review' };
      },
      { type: 'finish' },
      'md',
    ]);
    const term = fakeTerminal();
    const code = await assess({ criteria: undefined, answers: file, village: undefined, lang: 'lv', langFlag: undefined }, term, io(prompts));
    expect(code).toBe(0);
    expect(screens).toBe(1);
    expect(term.output()).toContain('Turpinām: atbildēti 3 no 27 jautājumiem.');
    expect(term.output()).toContain('Jautājums 4 no 27');
    expect(term.output()).toContain('Kur kopiena ir šobrīd: Nepietiek datu');
    expect(readFileSync(tmp.path('ergli-plan.md'), 'utf8')).toContain('# Viedā ciema rīcības plāns: Ērgļi');
  });

  it('leaves a broken file or one for another framework untouched', async () => {
    const tmp = ownDir();
    const broken = tmp.path('broken.yaml');
    writeFileSync(broken, 'schema: village-kit/answers@1\nframework: other\nvillage: X\nanswers: {}\n');
    const term = fakeTerminal();
    const failure = await assess({ criteria: undefined, answers: broken, village: undefined, lang: 'en', langFlag: 'en' }, term, io(scripted([]))).then(
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
      assess({ criteria: 'no-such.yaml', answers: undefined, village: undefined, lang: 'en', langFlag: undefined }, fakeTerminal(), {
        interactive: false,
        prompts: () => Promise.reject(new Error('must not be called')),
        clear: () => undefined,
      }),
    ).rejects.toThrow('needs an interactive terminal');
  });
});
