import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answersYaml, CRITERIA } from '../helpers/answers.js';
import { BIN, ROOT, tempDir, village } from '../helpers/cli.js';
import { villagePty, type Pty } from '../helpers/pty.js';

// The real binary in a real pseudo-terminal (node-pty), its screen read from a headless xterm.
// Each test has its own folder and terminal, made by `open` and removed after it.
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

interface Opened {
  term: Pty;
  path: (f: string) => string;
  dir: string;
}

/** A fresh folder with `files`, and `village assess ARGS` started in it. */
function open(args: string[], files: Record<string, string> = {}, size: { cols?: number; rows?: number; env?: Record<string, string> } = {}): Opened {
  const tmp = tempDir(files);
  cleanups.push(tmp.cleanup);
  const term = villagePty(['assess', ...args], { cwd: tmp.dir, cols: size.cols ?? 100, rows: size.rows ?? 30, env: size.env ?? {} });
  cleanups.push(() => term.dispose());
  return { term, path: tmp.path, dir: tmp.dir };
}

/** Another `village assess` on the same folder (a second laptop on a shared folder). */
function openMore(dir: string, args: string[]): Pty {
  const term = villagePty(['assess', ...args], { cwd: dir, cols: 100, rows: 30 });
  cleanups.push(() => term.dispose());
  return term;
}

const LV_KEYS = /s izlaist · b atpakaļ/;
const EN_KEYS = /s (skip|keep) · b back/;

/** The question screen of question n, once it is drawn with its key line (it then listens for keys). */
const question = (term: Pty, n: number, lang: 'lv' | 'en' = 'lv'): Promise<string> =>
  term.waitFor(new RegExp(`${lang === 'lv' ? `Jautājums ${n} no 27` : `Question ${n} of 27`}[\\s\\S]*${(lang === 'lv' ? LV_KEYS : EN_KEYS).source}`));

/** Answers the question on screen: the score's own digit, Enter, the note, Enter. */
async function answer(term: Pty, score: string, note: string, lang: 'lv' | 'en' = 'lv'): Promise<void> {
  term.type(score);
  term.press('Enter');
  await term.waitFor(lang === 'lv' ? 'Piezīme — pamatojums' : 'Note — the evidence');
  term.type(note);
  term.press('Enter');
}

/** Enter through the optional prompts of a new session in English (municipality, LAG, facilitators, head count). */
async function skipNewSession(term: Pty): Promise<void> {
  for (const prompt of ['Municipality (optional', 'Local action group', 'Facilitators', 'How many people']) {
    await term.waitFor(prompt);
    term.press('Enter');
  }
}

/** Enter through the facilitators and head-count prompts of a resumed session. */
async function skipPeople(term: Pty, lang: 'lv' | 'en' = 'lv'): Promise<void> {
  await term.waitFor(lang === 'lv' ? 'Vadītāji' : 'Facilitators');
  term.press('Enter');
  await term.waitFor(lang === 'lv' ? 'Cik cilvēku piedalās' : 'How many people');
  term.press('Enter');
}

const STOPPED = (lang: string): string =>
  [
    '# a session stopped after three answers',
    'schema: village-kit/answers@1',
    'framework: smart-village-lv',
    'village: Ērgļi',
    'municipality: Madonas novads',
    'lag: null',
    'respondent: null',
    'date: 2026-03-14',
    `language: ${lang}`,
    'answers:',
    '  strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }',
    '  strategy.assets: null',
    '  strategy.identity: { score: n/a, note: "nezinām" }',
    '  strategy.challenges: 2',
    '  strategy.cross-sector: null',
    'sessions:',
    '  - { date: 2026-03-14, start: "18:00", end: "19:30", facilitators: [ Līga ], present: 9, at: strategy.cross-sector, skipped: [ strategy.assets ] }',
    '',
  ].join('\n');

describe('village assess in a terminal', () => {
  it('asks in Latvian; a digit picks that score; each answer is saved at once; a kill loses only the open one', async () => {
    // The language from VILLAGE_LANG (no --lang, and the locale is C).
    const { term, path } = open(['--village', 'Ērgļi', '--answers', 'ergli.yaml'], {}, { env: { VILLAGE_LANG: 'lv' } });
    await term.waitFor('Novads (nav obligāti');
    term.type('Madonas novads');
    term.press('Enter');
    await term.waitFor('Vietējā rīcības grupa');
    term.press('Enter');
    await term.waitFor('Vadītāji');
    term.type('Līga, Jānis');
    term.press('Enter');
    await term.waitFor('Cik cilvēku piedalās');
    term.type('9');
    term.press('Enter');

    let s = await question(term, 1);
    expect(s).toContain('Katra atbilde uzreiz tiek saglabāta: ergli.yaml');
    expect(s).toContain('0–4 vērtējums · n n/a · d nezinām · ⏎ izvēlēties · s izlaist');
    // The first question of a pillar carries the pillar's definition, to read aloud (#14b).
    expect(s).toContain('1. Viedā ciema kritērijs. Ir izstrādāta holistiska stratēģija');
    // "3" selects the score 3 (not the third line, the score 2).
    term.type('3');
    s = await term.waitFor('❯ 3 · Darbojas');
    term.press('Enter');
    await term.waitFor('Piezīme — pamatojums');
    // A pasted multi-line note keeps every line.
    term.type('\x1b[200~Sapulces protokols:\r\n3 iedzīvotāji pret\x1b[201~');
    term.press('Enter');
    await question(term, 2);
    await answer(term, '0', 'nav');
    await question(term, 3);
    await answer(term, 'n', 'nezinām');
    s = await question(term, 4);
    expect(s).toContain('atbildēti 3');
    term.type('2');
    term.press('Enter');
    await term.waitFor('Piezīme — pamatojums');
    term.type('pusē ierakstīts');
    await term.waitFor('pusē ierakstīts');
    term.kill('SIGKILL');
    expect(await term.exited).toMatchObject({ signal: 9 });

    const saved = readFileSync(path('ergli.yaml'), 'utf8');
    expect(saved).toContain('village: Ērgļi\nmunicipality: Madonas novads\n');
    expect(saved).toContain('  strategy.vision: { score: 3, note: "Sapulces protokols:\\n3 iedzīvotāji pret" }\n');
    expect(saved).toContain('  strategy.assets: { score: 0, note: "nav" }\n');
    expect(saved).toContain('  strategy.identity: { score: n/a, note: "nezinām" }\n');
    expect(saved).toContain('  strategy.challenges: null\n');
    expect(saved).toContain('facilitators: [ Līga, Jānis ], present: 9, at: strategy.challenges');
    expect(saved).not.toContain('pusē ierakstīts');
    expect(village(['validate', path('ergli.yaml')]).code).toBe(0);
  });

  it('resumes after the last position with the skip list, in the file\'s language, and finishes with a plan', async () => {
    const { term, path } = open(['--answers', 'ergli.yaml'], { 'ergli.yaml': STOPPED('en') });
    await skipPeople(term, 'en');
    // It stopped at cross-sector (5): the walk goes on there, not at the skipped criterion 2.
    let s = await question(term, 5, 'en');
    expect(s).toContain('Resuming: 3 of 27 questions answered.');
    term.type('r');
    s = await term.waitFor(/Review before finishing[\s\S]*Finish/);
    expect(s).toMatch(/Holistic strategy: scored 2\/9, needs \d/);
    expect(s).toContain('too few scores');
    term.type('f');
    await term.waitFor('Some pillars have too few scores. Finish anyway?');
    term.type('f');
    s = await term.waitFor('Write the action plan next to the answers?');
    expect(s).toContain('Back to the answers');
    term.type('a');
    await term.waitFor(/Action plan: .*ergli-plan\.pdf/);
    term.type('q');
    await term.waitFor('Thank you. The answers are in ergli.yaml.');
    expect(await term.exited).toEqual({ exitCode: 0, signal: 0 });
    expect(readFileSync(path('ergli-plan.md'), 'utf8')).toContain('Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž');
    // Nothing was answered: the file is as it was (date, comment, skip list).
    expect(readFileSync(path('ergli.yaml'), 'utf8')).toBe(STOPPED('en'));
  });

  it('on Ctrl-C keeps the confirmed answers and gives a resume command that keeps --lang, quoted for the shell', async () => {
    const { term, path } = open(['--village', 'Sv. Jānis (Madona)', '--lang', 'en']);
    await skipNewSession(term);
    await question(term, 1, 'en');
    await answer(term, '1', 'a first workshop', 'en');
    await question(term, 2, 'en');
    term.type('2');
    term.press('Enter');
    await term.waitFor('Note — the evidence');
    term.type('not confirmed');
    term.press('Ctrl-C');
    const file = readdirSync(path('.')).find((f) => f.endsWith('.yaml')) ?? '';
    await term.waitFor(`  village assess --answers '${file}' --lang en`);
    expect(await term.exited).toEqual({ exitCode: 130, signal: 0 });
    const saved = readFileSync(path(file), 'utf8');
    expect(saved).toContain('  strategy.vision: { score: 1, note: "a first workshop" }\n');
    expect(saved).not.toContain('not confirmed');
    // The lock is gone with the session.
    expect(readdirSync(path('.')).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('a second session on the same file is stopped and told who holds it; the first goes on unharmed', async () => {
    const { term: a, path, dir } = open(['--answers', 'ergli.yaml', '--lang', 'en'], { 'ergli.yaml': STOPPED('en') });
    await skipPeople(a, 'en');
    await question(a, 5, 'en');
    const b = openMore(dir, ['--answers', 'ergli.yaml', '--lang', 'en']);
    await skipPeople(b, 'en');
    const s = await b.waitFor('is open in another session');
    expect(s).toMatch(/process \d+ on /);
    b.type('q');
    expect((await b.exited).exitCode).toBe(1);
    await answer(a, '4', 'A: strong', 'en');
    await question(a, 6, 'en');
    const saved = readFileSync(path('ergli.yaml'), 'utf8');
    expect(saved).toContain('strategy.cross-sector: { score: 4, note: "A: strong" }');
    expect(saved).toContain('strategy.vision: { score: 3,');
  });

  it('a save that fails (disk full) keeps the session and the answer: the mentor retries once the disk has room', async () => {
    const flag = join(tmpdir(), `village-disk-full-${process.pid}-${Date.now()}`);
    cleanups.push(() => rmSync(flag, { force: true }));
    const { term, path } = open(['--answers', 'ergli.yaml', '--lang', 'en'], { 'ergli.yaml': STOPPED('en') }, {
      env: { NODE_OPTIONS: `--import ${join(ROOT, 'tests', 'helpers', 'write-fault.mjs')}`, VILLAGE_FULL_DISK: flag },
    });
    await skipPeople(term, 'en');
    await question(term, 5, 'en');
    writeFileSync(flag, '');
    await answer(term, '2', 'kept through a full disk', 'en');
    const s = await term.waitFor('The answer could not be saved. The file keeps its previous content.');
    expect(s).toContain('ENOSPC');
    expect(readFileSync(path('ergli.yaml'), 'utf8')).toBe(STOPPED('en'));
    rmSync(flag);
    term.type('r');
    await question(term, 6, 'en');
    expect(readFileSync(path('ergli.yaml'), 'utf8')).toContain('strategy.cross-sector: { score: 2, note: "kept through a full disk" }');
    // No temporary file is left beside the answers.
    expect(readdirSync(path('.')).filter((f) => /\.yaml\./.test(f) && !f.endsWith('.lock'))).toEqual([]);
  });

  it('killed at random points, the file is always a valid answers file with every confirmed answer, and no temporary file stays', async () => {
    const trials = 6;
    const tmp = tempDir({ 'ergli.yaml': STOPPED('en') });
    cleanups.push(tmp.cleanup);
    const anyQuestion = /Question \d+ of 27[\s\S]*s (skip|keep) · b back/;
    const temps = (): string[] => readdirSync(tmp.dir).filter((f) => /^\.ergli\.yaml\.[0-9a-f]+\.tmp$/.test(f));
    for (let trial = 0; trial < trials; trial++) {
      // Each trial resumes what the kill before it left (its lock is stale: that process is gone).
      const term = openMore(tmp.dir, ['--answers', 'ergli.yaml', '--lang', 'en']);
      await skipPeople(term, 'en');
      await term.waitFor(anyQuestion);
      expect(temps()).toEqual([]);
      await answer(term, String(trial % 5), `trial ${trial}`, 'en');
      await term.waitFor(new RegExp(`Saved to ergli.yaml[\\s\\S]*`));
      // The next answer is confirmed, and the kill comes somewhere in its save.
      await term.waitFor(anyQuestion);
      term.type(`${(trial + 1) % 5}`);
      term.press('Enter');
      await term.waitFor('Note — the evidence');
      term.type('in flight');
      term.press('Enter');
      await new Promise((r) => setTimeout(r, (trial * 37) % 60));
      term.kill('SIGKILL');
      await term.exited;
      const text = readFileSync(tmp.path('ergli.yaml'), 'utf8');
      for (let k = 0; k <= trial; k++) expect(text).toContain(`note: "trial ${k}" }`);
      expect(village(['validate', tmp.path('ergli.yaml')]).code).toBe(0);
      await term.dispose();
    }
  });

  it('fits 80×24 and 60×20 with every choice and the key line visible, and re-wraps on resize', async () => {
    const { term } = open(['--answers', 'ergli.yaml', '--lang', 'lv'], { 'ergli.yaml': STOPPED('lv') }, { cols: 80, rows: 24 });
    await skipPeople(term);
    let s = await question(term, 5);
    const visible = (screen: string): void => {
      for (let n = 0; n <= 4; n++) expect(screen).toMatch(new RegExp(`^(❯ |  )${n} · `, 'm'));
      expect(screen).toContain('n/a — nav attiecināms');
      expect(screen).toContain('nezinām — jānoskaidro');
      expect(screen.replace(/\s+/g, ' ')).toMatch(LV_KEYS);
      expect(screen).toContain('ergli.yaml');
      expect(screen.split('\n')[0]).toContain('Jautājums 5 no 27');
    };
    visible(s);
    term.resize(60, 20);
    // Drawn anew for 60 columns: the position is still the first line, every choice still there.
    s = await term.waitFor(/^Jautājums 5 no 27[^\n]*\n[\s\S]*pabeigt/);
    visible(s);
    term.resize(200, 50);
    s = await term.waitFor('Mentoram:');
    visible(s);
  });

  it('--previous shows last time\'s score and note under each question', async () => {
    const last = STOPPED('en').replace('date: 2026-03-14', 'date: 2025-03-10').replace('strategy.cross-sector: null', 'strategy.cross-sector: { score: 1, note: "only the school" }');
    const { term } = open(['--village', 'Ērgļi', '--answers', 'new.yaml', '--lang', 'en', '--previous', 'last.yaml'], { 'last.yaml': last });
    await skipNewSession(term);
    let s = await question(term, 1, 'en');
    expect(s).toContain('Last time (2025-03-10): 3 — Established');
    expect(s).toContain('Vīzija 2030');
    for (let n = 1; n <= 4; n++) {
      await question(term, n, 'en');
      term.type('s');
    }
    s = await question(term, 5, 'en');
    expect(s).toContain('Last time (2025-03-10): 1 — ');
    expect(s).toContain('only the school');
  });

  it('shows each pillar\'s definition on its first question; d records "don\'t know"; the plans list it to find out, with the change since last time', async () => {
    // Everything answered but the last strategy question and the first innovation one.
    const open2 = ['strategy.resilience', 'innovation.social'];
    const now = Object.fromEntries(CRITERIA.map((id) => [id, open2.includes(id) ? null : 3]));
    const last = Object.fromEntries(CRITERIA.map((id) => [id, 1]));
    const { term, path } = open(['--answers', 'e.yaml', '--lang', 'en', '--previous', 'last.yaml'], {
      'e.yaml': answersYaml('Ērgļi', now, { date: '2026-03-14' }),
      'last.yaml': answersYaml('Ērgļi', last, { date: '2025-03-10' }),
    }, { cols: 80, rows: 24 });
    await skipPeople(term, 'en');
    // Question 9 is not a pillar's first: no definition.
    let s = await question(term, 9, 'en');
    expect(s).toContain('d don\'t know');
    expect(s).toContain('don\'t know — to find out');
    expect(s).not.toContain('Smart Village criterion');
    term.type('d');
    s = await term.waitFor('❯ don\'t know — to find out');
    term.press('Enter');
    await term.waitFor('Chosen: don\'t know — to find out');
    term.press('Enter');
    // Question 10 opens the innovation pillar: its definition is on the screen at 80×24.
    s = await question(term, 10, 'en');
    expect(s.replace(/\s+/g, ' ')).toContain('Smart Village criterion 2.');
    term.type('d');
    term.press('Enter');
    await term.waitFor('Chosen: don\'t know');
    term.press('Enter');
    await term.waitFor(/Review before finishing[\s\S]*Finish/);
    term.type('f');
    s = await term.waitFor('Write the action plan next to the answers?');
    // The result says what to find out and what changed since last time (every score was 1 then, 3 now but two).
    const flat = s.replace(/\s+/g, ' ');
    expect(flat).toContain('To find out: Resilience and self-reliance, Social innovation');
    expect(flat).toContain('What changed since 2025-03-10: Starting out → Lighthouse candidate · Overall: 25 → 75 (+50)');
    // Every choice of the result screen is still on screen at 80×24.
    expect(s).toContain('[b] Back to the answers');
    expect(s).toContain('[q] No');
    term.type('m');
    await term.waitFor(/Action plan: .*e-plan\.md/);
    term.type('q');
    expect(await term.exited).toEqual({ exitCode: 0, signal: 0 });

    const saved = readFileSync(path('e.yaml'), 'utf8');
    expect(saved).toContain('  strategy.resilience: dont-know\n');
    expect(saved).toContain('  innovation.social: dont-know\n');
    expect(village(['validate', path('e.yaml')]).code).toBe(0);
    const md = readFileSync(path('e-plan.md'), 'utf8');
    const findOut = md.slice(md.indexOf('## To find out'));
    expect(findOut).toMatch(/^## To find out\n\nNobody in the room knew[^\n]*\n\n- \*\*[^\n]+\n- \*\*[^\n]+\n\n/);
    expect(md).not.toContain('## Still to discuss');
    // --previous reaches the plan: the change since last time, as `village report --previous` draws it.
    expect(md).toContain('What changed since 2025-03-10');
  });

  it('--plain asks line by line without redraws or glyphs: the pillar\'s definition once, a digit or d and Enter, then the note', async () => {
    const { term, path } = open(['--plain', '--village', 'Alsunga', '--answers', 'a.yaml', '--lang', 'lv'], {}, { cols: 100, rows: 60 });
    for (const prompt of ['Novads (nav obligāti', 'Vietējā rīcības grupa', 'Vadītāji', 'Cik cilvēku piedalās']) {
      await term.waitFor(prompt);
      term.press('Enter');
    }
    let s = await term.waitFor('d: nezinām — jānoskaidro');
    expect(s).toContain('Alsunga. Jautājums 1 no 27. Holistiska stratēģija: jautājums 1 no 9, atbildēti 0.');
    expect(s).toContain('1. Viedā ciema kritērijs. Ir izstrādāta holistiska stratēģija');
    expect(s).toContain('   3: 3 · Darbojas — ');
    expect(s).not.toMatch(/[■□❯]/);
    term.type('d');
    term.press('Enter');
    // What was chosen is said back before the note is asked (a screen reader reads it).
    await term.waitFor(/Izvēlēts: nezinām — jānoskaidro\nPiezīme — pamatojums/);
    term.type('jājautā pašvaldībai');
    term.press('Enter');
    await term.waitFor('Jautājums 2 no 27');
    term.type('3');
    term.press('Enter');
    await term.waitFor('Izvēlēts: 3 · Darbojas');
    term.press('Enter');
    s = await term.waitFor(/Jautājums 3 no 27[\s\S]*d: nezinām/);
    // The pillar's definition was printed once, on its first question; nothing was drawn over.
    expect(s.split('1. Viedā ciema kritērijs.').length).toBe(2);
    expect(s).toContain('Alsunga. Jautājums 2 no 27.');
    expect(s).not.toMatch(/[■□❯]/);
    term.press('Ctrl-C');
    expect((await term.exited).exitCode).toBe(130);
    const saved = readFileSync(path('a.yaml'), 'utf8');
    expect(saved).toContain('  strategy.vision: { score: dont-know, note: "jājautā pašvaldībai" }\n');
    expect(saved).toContain('  strategy.assets: 3\n');
  });

  it('with --village offers the village\'s latest file in the folder: yes resumes it, no starts a new one', async () => {
    const files = {
      'ērgļi-2026-02-01.yaml': answersYaml('Ērgļi', { 'strategy.vision': 1 }, { date: '2026-02-01' }),
      'ērgļi-2026-03-01.yaml': answersYaml('Ērgļi', { 'strategy.vision': 2 }, { date: '2026-03-01' }),
    };
    const { term, path, dir } = open(['--village', 'Ērgļi', '--lang', 'en'], files, { cols: 80, rows: 24 });
    await term.waitFor('ērgļi-2026-03-01.yaml exists. Continue that session?');
    term.type('y');
    await skipPeople(term, 'en');
    const s = await question(term, 2, 'en');
    expect(s.replace(/\s+/g, ' ')).toContain('Resuming: 1 of 27 questions answered.');
    await answer(term, '4', 'mapped', 'en');
    await question(term, 3, 'en');
    term.press('Ctrl-C');
    expect((await term.exited).exitCode).toBe(130);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(files));
    expect(readFileSync(path('ērgļi-2026-03-01.yaml'), 'utf8')).toContain('  strategy.assets: { score: 4, note: "mapped" }\n');
    expect(readFileSync(path('ērgļi-2026-02-01.yaml'), 'utf8')).toBe(files['ērgļi-2026-02-01.yaml']);

    // No: a new file of today, the earlier ones untouched.
    const again = openMore(dir, ['--village', 'Ērgļi', '--lang', 'en']);
    await again.waitFor('ērgļi-2026-03-01.yaml exists. Continue that session?');
    again.type('n');
    await skipNewSession(again);
    await question(again, 1, 'en');
    await answer(again, '0', 'new', 'en');
    await question(again, 2, 'en');
    again.press('Ctrl-C');
    expect((await again.exited).exitCode).toBe(130);
    const created = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !(f in files));
    expect(created).toEqual([expect.stringMatching(/^ērgļi-\d{4}-\d{2}-\d{2}\.yaml$/)]);
    expect(readFileSync(path(created[0]!), 'utf8')).toContain('  strategy.vision: { score: 0, note: "new" }\n');
  });

  it('without a terminal exits 2 at once, pointing to village score, without reading its input', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
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

describe('village merge', () => {
  const A = STOPPED('en').replace('# a session stopped after three answers', '# laptop A');
  const B = STOPPED('en')
    .replace('# a session stopped after three answers\n', '')
    .replace('strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }', 'strategy.vision: { score: 1, note: "B: only ideas" }')
    .replace('strategy.assets: null', 'strategy.assets: { score: 2, note: "B: map" }')
    .replace('date: 2026-03-14', 'date: 2026-03-15');

  it('lists the conflicts and writes nothing in a script without --prefer; --prefer settles them and keeps both notes', () => {
    const tmp = tempDir({ 'a.yaml': A, 'b.yaml': B });
    cleanups.push(tmp.cleanup);
    const none = village(['merge', 'a.yaml', 'b.yaml', '--out', 'c.yaml', '--lang', 'en'], { cwd: tmp.dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('strategy.vision');
    expect(readdirSync(tmp.dir)).not.toContain('c.yaml');
    const a = village(['merge', 'a.yaml', 'b.yaml', '--out', 'c.yaml', '--prefer', 'A', '--lang', 'en'], { cwd: tmp.dir });
    expect(a.code).toBe(0);
    const text = readFileSync(tmp.path('c.yaml'), 'utf8');
    expect(text.startsWith('# laptop A\n')).toBe(true);
    expect(text).toContain('strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž\\nB: only ideas" }');
    expect(text).toContain('strategy.assets: { score: 2, note: "B: map" }');
    expect(village(['validate', tmp.path('c.yaml')]).code).toBe(0);
    const newer = village(['merge', 'a.yaml', 'b.yaml', '--out', 'c.yaml', '--prefer', 'newer', '--force', '--lang', 'en'], { cwd: tmp.dir });
    expect(newer.code).toBe(0);
    expect(readFileSync(tmp.path('c.yaml'), 'utf8')).toContain('strategy.vision: { score: 1,');
  });

  it('asks about each conflict on a terminal', async () => {
    const tmp = tempDir({ 'a.yaml': A, 'b.yaml': B });
    cleanups.push(tmp.cleanup);
    const term = villagePty(['merge', 'a.yaml', 'b.yaml', '--out', 'c.yaml', '--lang', 'en'], { cwd: tmp.dir, cols: 100, rows: 30 });
    cleanups.push(() => term.dispose());
    await term.waitFor('the files differ. Which score stays?');
    term.type('b');
    expect((await term.exited).exitCode).toBe(0);
    expect(readFileSync(tmp.path('c.yaml'), 'utf8')).toContain('strategy.vision: { score: 1,');
  });
});
