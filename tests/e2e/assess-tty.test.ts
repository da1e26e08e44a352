import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempDir, village } from '../helpers/cli.js';

// The real binary in a real pseudo-terminal: tmux runs it, send-keys types, capture-pane reads the screen.
const tmp = tempDir();
const session = `village-test-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
/** The screen; empty while the session is starting (capture-pane fails until it exists). */
function screen(): string {
  const r = spawnSync('tmux', ['-L', session, 'capture-pane', '-p', '-t', session], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
}
const keys = (...k: string[]): void => void tmux('send-keys', '-t', session, ...k);
const text = (t: string): void => void tmux('send-keys', '-t', session, '-l', t);

async function waitFor(what: string | RegExp, timeout = 15_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const s = screen();
    if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
    if (Date.now() > until) {
      const exit = existsSync(tmp.path('exit-code.txt')) ? readFileSync(tmp.path('exit-code.txt'), 'utf8') : 'none';
      throw new Error(`timed out waiting for ${String(what)}; exit code ${exit}; the screen:\n${s}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(args: string): void {
  spawnSync('tmux', ['-L', session, 'kill-server'], { stdio: 'ignore' });
  rmSync(tmp.path('exit-code.txt'), { force: true });
  // The shell stays a moment after the command so that its last screen can still be read.
  const cmd = `cd '${tmp.dir}' && LANG=C.UTF-8 '${process.execPath}' '${BIN}' assess ${args}; echo $? > exit-code.txt; sleep 5`;
  tmux('-u', 'new-session', '-d', '-s', session, '-x', '120', '-y', '50', cmd);
}

/** The question screen of criterion n, once its choices are drawn (the prompt listens for keys). */
const question = (n: number): Promise<string> => waitFor(new RegExp(`Kritērijs ${n} no 21[\\s\\S]*↑↓ pārvietoties`));

/** Picks a score on the question screen and types the note. */
async function answer(steps: number, note: string): Promise<void> {
  for (let i = 0; i < steps; i++) keys('Down');
  keys('Enter');
  await waitFor('Piezīme — pierādījumi');
  text(note);
  keys('Enter');
}

afterAll(() => {
  spawnSync('tmux', ['-L', session, 'kill-server'], { stdio: 'ignore' });
  tmp.cleanup();
});

describe('village assess in a terminal', () => {
  it('loses no confirmed answer when killed, resumes at the right criterion, and finishes with a plan', async () => {
    start(`--village 'Ērgļi' --answers ergli.yaml`);
    await waitFor('Novads (nav obligāti');
    text('Madonas novads');
    keys('Enter');
    await waitFor('Vietējā rīcības grupa');
    keys('Enter');
    await waitFor('Kas piedalās?');
    text('mentora sesija, 8 iedzīvotāji');
    keys('Enter');

    let s = await question(1);
    expect(s).toContain('Katra atbilde uzreiz tiek saglabāta: ergli.yaml');
    expect(s).toContain('Holistiska stratēģija: kritērijs 1 no 7, atbildēti 0');
    expect(s).toContain('Vai kopienai ir kopīgi veidots, pierakstīts ilgtermiņa attīstības redzējums?');
    expect(s).toContain('3 · Darbojas — Vīzija ir pierakstīta, kopīgi apspriesta un pieejama visiem.');
    await answer(3, 'Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž');
    await question(2);
    await answer(2, 'Skolēni vāc vērtības');
    await question(3);
    await answer(5, 'nezinām');
    s = await question(4);
    expect(s).toContain('atbildēti 3');
    // The next answer is being typed when the laptop dies.
    keys('Down', 'Enter');
    await waitFor('Piezīme — pierādījumi');
    text('pusē ierakstīts');
    spawnSync('pkill', ['-KILL', '-f', `${BIN} assess --village`]);
    await new Promise((r) => setTimeout(r, 300));

    const saved = readFileSync(tmp.path('ergli.yaml'), 'utf8');
    expect(saved).toContain('village: Ērgļi\nmunicipality: Madonas novads\n');
    expect(saved).toContain('  strategy.vision: { score: 3, note: "Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž" }\n');
    expect(saved).toContain('  strategy.assets: { score: 2, note: "Skolēni vāc vērtības" }\n');
    expect(saved).toContain('  strategy.challenges: { score: n/a, note: "nezinām" }\n');
    expect(saved).toContain('  strategy.cross-sector: null\n');
    expect(village(['validate', tmp.path('ergli.yaml')]).code).toBe(0);

    start('--answers ergli.yaml');
    s = await question(4);
    expect(s).toContain('Turpinām: atbildēti 3 no 21 kritērijiem.');
    expect(s).toContain('Vairākas jomas kopā');
    // To the review and finish.
    for (let i = 0; i < 9; i++) keys('Down');
    keys('Enter');
    s = await waitFor(/Pārskats pirms pabeigšanas[\s\S]*↑↓ pārvietoties/);
    expect(s).toContain('Holistiska stratēģija: 3/7');
    keys('Enter');
    s = await waitFor(/Sagatavot rīcības plānu blakus atbildēm\?[\s\S]*↑↓ pārvietoties/);
    expect(s).toContain('Kur kopiena ir šobrīd: Nepietiek datu');
    keys('Enter');
    await waitFor('Paldies! Atbildes ir failā ergli.yaml.');
    for (let i = 0; i < 50 && !existsSync(tmp.path('exit-code.txt')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(tmp.path('exit-code.txt'), 'utf8').trim()).toBe('0');
    expect(readFileSync(tmp.path('ergli-plan.md'), 'utf8')).toContain('Vīzija 2030 — ā č ē ģ ī ķ ļ ņ š ū ž');
  });

  it('stops with 130 on Ctrl-C and says how to go on', async () => {
    start(`--village 'Alsunga' --answers alsunga.yaml --lang en`);
    await waitFor('Municipality (optional');
    keys('C-c');
    await waitFor('To go on: village assess --answers alsunga.yaml');
    for (let i = 0; i < 50 && !existsSync(tmp.path('exit-code.txt')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(tmp.path('exit-code.txt'), 'utf8').trim()).toBe('130');
  });

  it('without a terminal exits 2 within a second, pointing to village score', () => {
    const started = Date.now();
    const r = village(['assess', '--village', 'X']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('village score');
  });
});
