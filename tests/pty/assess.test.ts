import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir, village } from '../helpers/cli.js';
import { villagePty, type Pty } from '../helpers/pty.js';

// The real binary in a real pseudo-terminal (node-pty), its screen read from a headless xterm.
// Each test has its own folder and terminal, made by `open` and removed after it.
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A fresh folder with `files`, and `village assess ARGS` started in it on a 120×50 terminal. */
function open(args: string[], files: Record<string, string> = {}): { term: Pty; path: (f: string) => string } {
  const tmp = tempDir(files);
  cleanups.push(tmp.cleanup);
  const term = villagePty(['assess', ...args], { cwd: tmp.dir, cols: 120, rows: 50 });
  cleanups.push(() => term.dispose());
  return { term, path: tmp.path };
}

/** The question screen of question n, once its choices are drawn (the prompt listens for keys). */
const question = (term: Pty, n: number): Promise<string> => term.waitFor(new RegExp(`Jautājums ${n} no 27[\\s\\S]*↑↓ pārvietoties`));

/** Picks the score `steps` lines below the first on the question screen and types the note. */
async function answer(term: Pty, steps: number, note: string): Promise<void> {
  for (let i = 0; i < steps; i++) term.press('Down');
  term.press('Enter');
  await term.waitFor('Piezīme — pamatojums');
  term.type(note);
  term.press('Enter');
}

describe('village assess in a terminal', () => {
  it('asks in Latvian, saves each answer at once, and loses none when killed mid-answer', async () => {
    const { term, path } = open(['--village', 'Ērgļi', '--answers', 'ergli.yaml']);
    // The first prompt shows about 0.4 s after the start on a 2-core machine. That is not asserted:
    // a busy machine would make it flaky, and timing targets belong to `npm run bench`.
    await term.waitFor('Novads (nav obligāti');
    term.type('Madonas novads');
    term.press('Enter');
    await term.waitFor('Vietējā rīcības grupa');
    term.press('Enter');
    await term.waitFor('Kas piedalās?');
    term.type('mentora sesija, 8 iedzīvotāji');
    term.press('Enter');

    let s = await question(term, 1);
    expect(s).toContain('Katra atbilde uzreiz tiek saglabāta: ergli.yaml');
    expect(s).toContain('Holistiska stratēģija: jautājums 1 no 9, atbildēti 0');
    expect(s).toContain('Vai kopienai ir kopīgi veidots ilgtermiņa attīstības redzējums (vīzija)?');
    expect(s).toContain('3 · Darbojas — Vīzija ir pierakstīta, kopīgi apspriesta un pieejama visiem.');
    await answer(term, 3, 'Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž');
    await question(term, 2);
    await answer(term, 2, 'Skolēni vāc vērtības');
    await question(term, 3);
    await answer(term, 5, 'nezinām');
    s = await question(term, 4);
    expect(s).toContain('atbildēti 3');

    // The next answer is being typed when the laptop dies: chosen, the note half typed, not confirmed.
    term.press('Down');
    term.press('Enter');
    await term.waitFor('Piezīme — pamatojums');
    term.type('pusē ierakstīts');
    await term.waitFor('pusē ierakstīts');
    term.kill('SIGKILL');
    expect(await term.exited).toMatchObject({ signal: 9 });

    const saved = readFileSync(path('ergli.yaml'), 'utf8');
    expect(saved).toContain('village: Ērgļi\nmunicipality: Madonas novads\n');
    expect(saved).toContain('respondent: mentora sesija, 8 iedzīvotāji\n');
    expect(saved).toContain('  strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }\n');
    expect(saved).toContain('  strategy.assets: { score: 2, note: "Skolēni vāc vērtības" }\n');
    expect(saved).toContain('  strategy.identity: { score: n/a, note: "nezinām" }\n');
    expect(saved).toContain('  strategy.challenges: null\n');
    expect(saved).not.toContain('pusē ierakstīts');
    // What was saved is a valid answers file: it can be scored, and resumed (the next test starts from
    // a file with the same content, made by itself).
    expect(village(['validate', path('ergli.yaml')]).code).toBe(0);
  });

  it('resumes at the first open criterion and finishes with a plan', async () => {
    // What the killed session of the test above leaves (its own copy: the tests share no files).
    const ergli = [
      '# Mentora sesijas atbildes (village assess)',
      'schema: village-kit/answers@1',
      'framework: smart-village-lv',
      'village: Ērgļi',
      'municipality: Madonas novads',
      'lag: null',
      'respondent: mentora sesija, 8 iedzīvotāji',
      'date: 2026-03-14',
      'language: lv',
      'answers:',
      '  strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }',
      '  strategy.assets: { score: 2, note: "Skolēni vāc vērtības" }',
      '  strategy.identity: { score: n/a, note: "nezinām" }',
      '  strategy.challenges: null',
      '',
    ].join('\n');
    const { term, path } = open(['--answers', 'ergli.yaml'], { 'ergli.yaml': ergli });

    let s = await question(term, 4);
    expect(s).toContain('Turpinām: atbildēti 3 no 27 jautājumiem.');
    expect(s).toContain('Iedzīvotāju vajadzības un izaicinājumi');
    // Down to “Pārskatīt un pabeigt” (below the six scores and three other choices), then finish.
    for (let i = 0; i < 9; i++) term.press('Down');
    await term.waitFor('❯ Pārskatīt un pabeigt');
    term.press('Enter');
    s = await term.waitFor(/Pārskats pirms pabeigšanas[\s\S]*↑↓ pārvietoties/);
    expect(s).toContain('Holistiska stratēģija: 3/9');
    term.press('Enter');
    s = await term.waitFor(/Sagatavot rīcības plānu tajā pašā mapē, kur atbilžu fails\?[\s\S]*↑↓ pārvietoties/);
    expect(s).toContain('Kur kopiena ir šobrīd: Nepietiek datu');
    term.press('Enter');
    await term.waitFor('Paldies! Atbildes ir failā ergli.yaml.');
    expect(await term.exited).toEqual({ exitCode: 0, signal: 0 });
    expect(readFileSync(path('ergli-plan.md'), 'utf8')).toContain('Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž');
    expect(readFileSync(path('ergli.yaml'), 'utf8')).toContain('  strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }\n');
  });

  it('stops with 130 on Ctrl-C and says how to go on', async () => {
    const { term } = open(['--village', 'Alsunga', '--answers', 'alsunga.yaml', '--lang', 'en']);
    await term.waitFor('Municipality (optional');
    term.press('Ctrl-C');
    await term.waitFor('To go on: village assess --answers alsunga.yaml');
    expect(await term.exited).toEqual({ exitCode: 130, signal: 0 });
  });

  it('on Ctrl-C mid-answer keeps the confirmed answers and drops the open one', async () => {
    const { term, path } = open(['--village', 'Alsunga', '--answers', 'alsunga.yaml', '--lang', 'en']);
    for (const prompt of ['Municipality (optional', 'Local action group', 'Who is present?']) {
      await term.waitFor(prompt);
      term.press('Enter');
    }
    await term.waitFor(/Question 1 of 27[\s\S]*↑↓ move/);
    term.press('Down');
    term.press('Down');
    term.press('Up');
    await term.waitFor('❯ 1 · ');
    term.press('Enter');
    await term.waitFor('Note — the evidence');
    term.type('a first workshop');
    term.press('Enter');
    await term.waitFor(/Question 2 of 27[\s\S]*↑↓ move/);
    term.press('Enter');
    await term.waitFor('Note — the evidence');
    term.type('not confirmed');
    term.press('Ctrl-C');
    await term.waitFor('To go on: village assess --answers alsunga.yaml');
    expect(await term.exited).toEqual({ exitCode: 130, signal: 0 });
    const saved = readFileSync(path('alsunga.yaml'), 'utf8');
    expect(saved).toContain('  strategy.vision: { score: 1, note: "a first workshop" }\n');
    expect(saved).toContain('  strategy.assets: null\n');
    expect(saved).not.toContain('not confirmed');
  });

  it('without a terminal exits 2 at once, pointing to village score, without reading its input', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    // Standard input is a pipe left open: a command that waited for it would never end (and the
    // test would time out). It ends in about 0.15 s; how fast is not asserted (see `npm run bench`).
    const child = spawn(process.execPath, [BIN, 'assess', '--village', 'X'], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('village score');
  });
});
